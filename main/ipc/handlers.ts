import type { MethodName, MethodOutput, MethodParams } from '../../shared/api/contract';
import { listAudit } from '../services/audit/auditRepository';
import type { CallContext, Session } from '../services/context';
import type { Services } from '../services';
import { dayCloseHandlers } from './dayCloseHandlers';

type Handler<M extends MethodName> = (
  s: Services,
  ctx: CallContext,
  params: MethodParams<M>,
) => MethodOutput<M> | Promise<MethodOutput<M>>;

const OK = { ok: true } as const;

/** Dispatch checked the session before calling a non-public handler. */
function session(ctx: CallContext): Session {
  return ctx.session as Session;
}

/** One line per API method: from validated params to the service call. */
export const handlers: { [M in MethodName]: Handler<M> } = {
  'app.info': (s) => ({
    version: s.version,
    host: s.host,
    needsSetup: s.setup.needsSetup(),
    point: s.setup.point(),
    catalogueVersion: s.catalogue.currentVersion(),
  }),
  'setup.complete': async (s, _ctx, p) => (await s.setup.complete(p), OK),

  'auth.signIn': (s, ctx, p) => s.auth.signIn(ctx, p.username, p.password),
  'auth.session': (s, ctx) => s.auth.sessionInfo(ctx),
  'auth.signOut': (s, ctx) => (s.auth.signOut(ctx), OK),
  'auth.lock': (s, ctx) => (s.auth.lock(ctx), OK),
  'auth.unlock': (s, ctx, p) => s.auth.unlock(ctx, p.password),
  'auth.heartbeat': () => OK,
  'auth.changePassword': async (s, ctx, p) => (await s.auth.changePassword(ctx, p.currentPassword, p.newPassword), OK),

  'users.list': (s) => s.auth.listUsers(),
  'users.create': (s, ctx, p) => s.auth.createUser(ctx, p),
  'users.update': (s, ctx, p) => s.auth.updateUser(ctx, p),
  'users.resetPassword': async (s, ctx, p) => (await s.auth.resetPassword(ctx, p.id, p.password), OK),

  'settings.get': (s) => s.settings.get(),
  'settings.update': (s, ctx, p) => s.settings.update(ctx, p),

  'catalogue.search': (s, _ctx, p) => s.catalogue.search(p.query, p.filters, p.limit),
  'catalogue.get': (s, _ctx, p) => s.catalogue.get(p.code, p.versionId),
  'catalogue.facets': (s) => s.catalogue.facets(),
  'catalogue.versions': (s) => s.catalogue.versions(),
  'catalogue.import': (s, ctx, p) => s.catalogue.import(ctx, p.fileName, Buffer.from(p.contentBase64, 'base64'), p.mode),
  'catalogue.export': (s, _ctx, p) => s.catalogue.export(p.format),
  'catalogue.template': (s) => s.catalogue.template(),
  'catalogue.publishedList': (s) => {
    const point = s.setup.point();
    return s.catalogue.publishedList(point ? `${point.name} (${point.code}) — ${point.commune}, ${point.province}` : '');
  },

  'devices.list': (s) => s.devices.list(),
  'devices.ports': (s) => s.devices.ports(),
  'devices.profiles': (s) => s.devices.profiles(),
  'devices.save': (s, ctx, p) => s.devices.save(ctx, { ...p, options: p.options as Record<string, unknown> | null }),
  'devices.setDefault': (s, ctx, p) => s.devices.setDefault(ctx, p.id),
  'devices.selfTest': (s, ctx, p) => s.devices.selfTest(ctx, p.id),
  'devices.chooseTextMode': (s, ctx, p) => s.devices.chooseTextMode(ctx, p.id, p.mode),
  'devices.emulatorPaper': (s, _ctx, p) => s.devices.emulatorPaper(p.id, p.limit),
  'scanner.submit': (s, _ctx, p) => s.devices.scan(p.raw, null),

  'printJobs.list': (s, _ctx, p) => s.printQueue.list(p.states, p.limit),
  'printJobs.retry': (s, ctx, p) => s.printing.act(ctx, p.id, 'retry'),
  'printJobs.hold': (s, ctx, p) => s.printing.act(ctx, p.id, 'hold'),
  'printJobs.cancel': (s, ctx, p) => s.printing.act(ctx, p.id, 'cancel'),
  'printJobs.reprint': (s, ctx, p) => s.printing.reprint(ctx, p.id, p.idempotencyKey),
  'printJobs.moveTo': (s, ctx, p) => s.printing.moveTo(ctx, p.id, p.deviceId),
  'printJobs.preview': (s, _ctx, p) => s.printing.preview(p.id),
  'printJobs.pdf': (s, _ctx, p) => s.printing.pdf(p.id),

  'reception.config': (s) => s.reception.config(),
  'reception.updateConfig': (s, ctx, p) => s.reception.updateConfig(ctx, p),
  'reception.s10Ranges': (s) => s.reception.s10Ranges(),
  'reception.addS10Range': (s, ctx, p) => s.reception.addS10Range(ctx, p),
  'reception.quote': (s, _ctx, p) => s.reception.quote(p),
  'reception.guidance': (s, ctx, p) => s.reception.guidance(ctx, session(ctx), p),
  'reception.confirm': (s, ctx, p) => s.reception.confirm(ctx, session(ctx), p),
  'reception.receiptPreview': (s, _ctx, p) => s.reception.receiptPreview(p.dossierId),
  'reception.cancel': (s, ctx, p) => s.reception.cancel(ctx, session(ctx), p.dossierId, p.reason),
  'reception.drafts': (s, ctx) => s.reception.drafts(session(ctx)),
  'reception.saveDraft': (s, ctx, p) => s.reception.saveDraft(session(ctx), p.id, p.data),
  'reception.discardDraft': (s, ctx, p) => (s.reception.discardDraft(session(ctx), p.id), OK),
  'dossiers.get': (s, _ctx, p) => s.reception.get(p.code),

  'units.provinces': (s) => s.units.provinces(),
  'units.communes': (s, _ctx, p) => s.units.communes(p.provinceCode),

  'audit.list': (s, _ctx, p) => listAudit(s.db, p.limit, p.beforeId),

  'handover.pending': (s) => s.lifecycle.pending(),
  'handover.manifests': (s, _ctx, p) => s.lifecycle.manifests(p.status, p.limit),
  'handover.manifest': (s, _ctx, p) => s.lifecycle.manifest(p.id),
  'handover.createManifest': (s, ctx, p) => s.lifecycle.createManifest(session(ctx), p.agency),
  'handover.scan': (s, ctx, p) => s.lifecycle.scanIntoManifest(session(ctx), p.manifestId, p.code),
  'handover.remove': (s, ctx, p) => s.lifecycle.removeFromManifest(session(ctx), p.manifestId, p.dossierId),
  'handover.dispatch': (s, ctx, p) => s.lifecycle.dispatch(ctx, session(ctx), p.manifestId, p.carrier, p.idempotencyKey),
  'handover.document': (s, _ctx, p) => s.lifecycle.manifestDocument(p.id),
  'handover.pdf': (s, _ctx, p) => s.lifecycle.pdf(s.lifecycle.manifestDocument(p.id), `bang-ke-${p.id}`),
  'handover.agencyReceipt': (s, ctx, p) => s.lifecycle.agencyReceipt(session(ctx), p),

  'results.scan': (s, ctx, p) => s.lifecycle.scanResult(session(ctx), p.code),
  'results.register': (s, ctx, p) => s.lifecycle.registerResult(ctx, session(ctx), p),
  'results.today': (s, ctx) => s.lifecycle.resultsToday(session(ctx)),

  'delivery.ready': (s) => s.lifecycle.readyForDelivery(),
  'delivery.createList': (s, ctx, p) => s.lifecycle.createDeliveryList(session(ctx), p.postman, p.dossierIds, p.idempotencyKey),
  'delivery.lists': (s, _ctx, p) => s.lifecycle.deliveryLists(p.limit),
  'delivery.list': (s, _ctx, p) => s.lifecycle.deliveryList(p.id),
  'delivery.listDocument': (s, _ctx, p) => s.lifecycle.deliveryListDocument(p.id),
  'delivery.listPdf': (s, _ctx, p) => s.lifecycle.pdf(s.lifecycle.deliveryListDocument(p.id), `danh-sach-phat-${p.id}`),
  'delivery.recordOutcome': (s, ctx, p) => s.lifecycle.recordOutcome(session(ctx), p.dossierId, p.outcome, p.idempotencyKey),
  'delivery.holdForPickup': (s, ctx, p) => s.lifecycle.holdForPickup(session(ctx), p.dossierId),
  'delivery.awaitingPickup': (s, ctx, p) => s.lifecycle.awaitingPickup(p.query, (q, limit, status) => s.tracking.search(q, limit, session(ctx).userId, status)),
  'delivery.verifyId': (s, ctx, p) => {
    const r = s.lifecycle.checkId(session(ctx), p.dossierId, p.scanned);
    return { match: r.match, who: r.who, name: r.name };
  },
  'delivery.handOver': (s, ctx, p) => s.lifecycle.handOver(ctx, session(ctx), p.dossierId, p.scanned, p.idempotencyKey),

  'agency.request': (s, ctx, p) => s.lifecycle.agencyRequest(session(ctx), p),
  'agency.letterPdf': (s, _ctx, p) => s.lifecycle.pdf(s.lifecycle.letter(p.dossierId), `thong-bao-${p.dossierId}`),
  'agency.supplementSent': (s, ctx, p) => s.lifecycle.supplementSent(session(ctx), p.dossierId),

  'tracking.find': (s, _ctx, p) => s.tracking.find(p.code),
  'tracking.search': (s, ctx, p) => s.tracking.search(p.query, p.limit, session(ctx).userId),
  'tracking.timeline': (s, ctx, p) => s.tracking.view(p.dossierId, session(ctx).userId),
  'tracking.dashboard': (s, _ctx, p) => s.tracking.dashboard(p.stuckDays),
  'tracking.statusSlip': (s, ctx, p) => s.tracking.statusSlip(ctx, p.dossierId, p.idempotencyKey),
  'tracking.statusSlipPreview': (s, _ctx, p) => s.tracking.statusSlipDocument(p.dossierId),

  ...dayCloseHandlers,
};
