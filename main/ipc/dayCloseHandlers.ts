import type { MethodOutput, MethodParams } from '../../shared/api/contract';
import type { dayCloseMethods } from '../../shared/api/dayClose';
import type { CallContext, Session } from '../services/context';
import type { Services } from '../services';

type DayCloseMethod = keyof typeof dayCloseMethods;
type Handler<M extends DayCloseMethod> = (s: Services, ctx: CallContext, params: MethodParams<M>) => MethodOutput<M> | Promise<MethodOutput<M>>;

/** Dispatch checked the session before calling a non-public handler. */
const session = (ctx: CallContext) => ctx.session as Session;

/** The day-close and report methods (spread into `handlers`): from validated params to the service call. */
export const dayCloseHandlers: { [M in DayCloseMethod]: Handler<M> } = {
  'ledger.lines': (s, _ctx, p) => s.ledger.lines(p),
  'ledger.totals': (s, _ctx, p) => s.ledger.totals(p),
  'ledger.agencyFees': (s) => s.ledger.agencyFees(),
  'ledger.reverse': (s, ctx, p) => s.ledger.reverse(ctx, session(ctx), p.ledgerId, p.reason),

  'shift.current': (s, ctx) => s.dayClose.currentShift(session(ctx)),
  'shift.count': (s, ctx, p) => s.dayClose.countShift(ctx, session(ctx), p),
  'shift.close': (s, ctx, p) => s.dayClose.closeShift(ctx, session(ctx), p),
  'shift.list': (s, _ctx, p) => s.dayClose.listShifts(p),

  'dayClose.config': (s) => s.dayClose.settings(),
  'dayClose.updateConfig': (s, ctx, p) => s.dayClose.updateConfig(ctx, p),
  'dayClose.pending': (s, _ctx, p) => s.dayClose.pending(p.day),
  'dayClose.count': (s, ctx, p) => s.dayClose.countDay(ctx, session(ctx), p),
  'dayClose.close': (s, ctx, p) => s.dayClose.closeDay(ctx, session(ctx), p),
  'dayClose.list': (s, _ctx, p) => s.dayClose.list(p.limit, p.beforeSequence),
  'dayClose.report': (s, _ctx, p) => s.dayClose.report(p.day),
  'dayClose.document': (s, _ctx, p) => s.dayClose.document(p.day, p.format),
  'dayClose.print': (s, ctx, p) => s.dayClose.print(ctx, p.day, p.idempotencyKey),
  'dayClose.file': (s, _ctx, p) => s.dayClose.file(p.day, p.format),

  'reports.period': (s, _ctx, p) => s.reports.period(p.from, p.to),
  'reports.periodDocument': (s, _ctx, p) => s.reports.periodDocument(p.from, p.to),
  'reports.periodFile': (s, _ctx, p) => s.reports.periodFile(p.from, p.to, p.format),

  'incidents.record': (s, ctx, p) => s.reports.recordIncident(ctx, session(ctx), p),
  'incidents.list': (s, _ctx, p) => s.reports.incidents(p.from, p.to, p.limit),
};
