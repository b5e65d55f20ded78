import { z } from 'zod';
import type { Permission } from '../auth/roles';
import { DENOMINATIONS } from '../dayClose/cash';
import { a4ChartSchema, a4DocumentSchema } from '../printing/a4';
import { t } from '../messages/vi';
import { receiptDocumentSchema } from '../printing/document';
import { isIsoDay } from '../time/vietnam';
import { printJobSchema } from './devices';

/**
 * Money and the end of the day: ledger queries, the clerk's shift close, the manager's day close
 * (blind count, pending work, seal), the X / Z reports, reports upward for a period, and incidents
 * (lost / damaged). Schemas and `dayCloseMethods`, spread into the one contract.
 */

/** A real calendar day, yyyy-mm-dd (the one helper `isIsoDay`: no 2026-02-30, no month 13, no year 0000). */
export const isoDate = z.string().refine(isIsoDay, t('dayClose.isoDate'));
const id = z.number().int().positive();
const int = z.number().int();
const key = z.string().min(8).max(100);
const reason = z.string().trim().min(5).max(500);
/** The longest remittance note (slip number, bank reference) a day close keeps. */
export const REMITTANCE_NOTE_MAX = 200;

export const LEDGER_KINDS = ['phi', 'le_phi', 'postal_send', 'postal_return', 'cod', 'reversal', 'agency_handover', 'transfer_received'] as const;
export const ledgerKindSchema = z.enum(LEDGER_KINDS);
export type LedgerKind = z.infer<typeof ledgerKindSchema>;
export const PAYMENT_METHODS = ['cash', 'transfer', 'none'] as const;
export const paymentMethodSchema = z.enum(PAYMENT_METHODS);
export type PaymentMethod = z.infer<typeof paymentMethodSchema>;

// ── Ledger ──

export const ledgerLineSchema = z.object({
  id: int,
  at: z.string(),
  day: z.string(),
  userId: int,
  user: z.string(),
  dossierId: int.nullable(),
  dossierCode: z.string().nullable(),
  kind: ledgerKindSchema,
  label: z.string(),
  agency: z.string().nullable(),
  amount: int,
  paymentMethod: paymentMethodSchema,
  reverses: int.nullable(),
  /** The id of the reversal that cancels this line, if any. */
  reversedBy: int.nullable(),
  note: z.string().nullable(),
});
export type LedgerLineView = z.infer<typeof ledgerLineSchema>;

export const ledgerFilterSchema = z
  .object({
    from: isoDate,
    to: isoDate,
    userId: id.optional(),
    /** The lines of one closed shift (its clerk, its range of lines); from/to still apply. */
    shiftId: id.optional(),
    kind: ledgerKindSchema.optional(),
    paymentMethod: paymentMethodSchema.optional(),
    agency: z.string().trim().min(1).max(500).optional(),
  })
  .strict();
export type LedgerFilter = z.infer<typeof ledgerFilterSchema>;

export const LEDGER_GROUPS = ['day', 'user', 'kind', 'paymentMethod', 'agency'] as const;
export const ledgerTotalRowSchema = z.object({
  day: z.string().optional(),
  userId: int.optional(),
  user: z.string().optional(),
  kind: ledgerKindSchema.optional(),
  paymentMethod: paymentMethodSchema.optional(),
  agency: z.string().nullable().optional(),
  lines: int,
  amount: int,
});
export type LedgerTotalRow = z.infer<typeof ledgerTotalRowSchema>;

export const agencyFeeSchema = z.object({
  agency: z.string(),
  /** Phí + lệ phí collected on the agency's behalf, net of reversals, since the first line. */
  collected: int,
  /** Handed over to the agency (net of reversed hand-overs). */
  handedOver: int,
  /** Still to hand over. */
  outstanding: int,
});
export type AgencyFee = z.infer<typeof agencyFeeSchema>;

// ── Counting and closing ──

export const countedNoteSchema = z.object({ value: int, count: int, amount: int });

export const countInputSchema = z.object({
  denominations: z
    .array(
      z
        .object({ value: z.number().int().refine((v) => (DENOMINATIONS as readonly number[]).includes(v), 'denomination'), count: z.number().int().min(0).max(1_000_000) })
        .strict(),
    )
    .max(DENOMINATIONS.length),
  /** The total of transfers the clerk confirms on the bank statement / app. */
  transferConfirmed: z.number().int().min(-1_000_000_000_000).max(1_000_000_000_000),
  idempotencyKey: key,
});

export const cashCountSchema = z.object({
  id: int,
  scope: z.enum(['shift', 'day']),
  day: z.string(),
  at: z.string(),
  countedBy: z.string(),
  denominations: z.array(countedNoteSchema),
  cashCounted: int,
  transferConfirmed: int,
  /**
   * Day counts: the cash the previous day close counted less the cash it remitted, carried forward
   * as the opening float (0 before the first close); cashExpected = openingCash + the day's net cash lines. Shift
   * counts: always 0 — a shift expects the clerk's takings since their last shift close.
   */
  openingCash: int,
  cashExpected: int,
  transferExpected: int,
  cashDifference: int,
  transferDifference: int,
  needsReason: z.boolean(),
  needsApproval: z.boolean(),
  threshold: int,
  /** Ledger lines the expectation covers. */
  lines: int,
});
export type CashCount = z.infer<typeof cashCountSchema>;

export const approvalSchema = z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(200) }).strict();

export const shiftSchema = z.object({
  id: int,
  clerkId: int,
  clerk: z.string(),
  day: z.string(),
  openedAt: z.string().nullable(),
  closedAt: z.string(),
  lines: int,
  cashExpected: int,
  cashCounted: int,
  transferExpected: int,
  transferConfirmed: int,
  reason: z.string().nullable(),
  approvedBy: z.string().nullable(),
  /** Totals per ledger kind and payment method, as closed. */
  money: z.array(z.object({ kind: ledgerKindSchema, paymentMethod: paymentMethodSchema, lines: int, amount: int })),
});
export type Shift = z.infer<typeof shiftSchema>;

const listed = <T extends z.ZodType>(item: T) => z.object({ count: int, items: z.array(item) });

export const pendingSchema = z.object({
  printJobs: listed(z.object({ id: int, title: z.string(), state: z.string(), createdAt: z.string() })),
  notInManifest: listed(z.object({ id: int, code: z.string(), agency: z.string(), receivedAt: z.string() })),
  notDelivered: listed(z.object({ id: int, code: z.string(), status: z.string(), statusLabel: z.string(), resultDate: z.string().nullable() })),
  feesOutstanding: z.array(z.object({ agency: z.string(), amount: int })),
  /**
   * Clerks (any user with a drawer) whose ledger lines of the day no shift close covers yet: how
   * many lines and the time of the first one. A reversal counts in the drawer of the line it reverses.
   */
  openShifts: listed(z.object({ userId: int, name: z.string(), lines: int, since: z.string() })),
  /** Open items in the categories the manager set to block the close: an override reason is needed. */
  blocking: z.boolean(),
});
export type Pending = z.infer<typeof pendingSchema>;

// ── Reports ──

export const activitySchema = z.object({
  received: int,
  guided: int,
  dispatched: int,
  resultsReceived: int,
  delivered: int,
  returnedToAgency: int,
  cancelled: int,
});
export type Activity = z.infer<typeof activitySchema>;
export const activityRowSchema = activitySchema.extend({ name: z.string() });
export type ActivityRow = z.infer<typeof activityRowSchema>;

const byMethod = { cash: int, transfer: int, none: int, total: int, lines: int };
export const moneyRowSchema = z.object({ kind: ledgerKindSchema, label: z.string(), ...byMethod });
export type MoneyRow = z.infer<typeof moneyRowSchema>;
export const moneyTotalsSchema = z.object(byMethod);
export type MoneyTotals = z.infer<typeof moneyTotalsSchema>;

export const agencyDayRowSchema = z.object({
  agency: z.string(),
  /** Phí + lệ phí collected that day (before reversals). */
  collected: int,
  /** Reversals of phí / lệ phí posted that day (negative). */
  reversed: int,
  /** Handed over to the agency that day (positive). */
  handedOver: int,
  /** Still owed to the agency when the report was made (all days). */
  outstanding: int,
});
export type AgencyDayRow = z.infer<typeof agencyDayRowSchema>;

export const dayReportSchema = z.object({
  kind: z.enum(['X', 'Z']),
  day: z.string(),
  point: z.object({ code: z.string(), name: z.string(), province: z.string(), commune: z.string() }),
  generatedAt: z.string(),
  /** Z only: running number of the point's day closes. */
  sequence: int.nullable(),
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
  activity: activitySchema,
  byField: z.array(activityRowSchema),
  byAgency: z.array(activityRowSchema),
  money: z.object({ byKind: z.array(moneyRowSchema), totals: moneyTotalsSchema }),
  byClerk: z.array(z.object({ userId: int, name: z.string(), ...byMethod })),
  /**
   * Cash in the drawers when the day began: what the previous day close counted less what it
   * remitted (0 before the first close). Z: as at the close; X: carried from the latest close before the day.
   * Cash expected at the end of the day = openingCash + money.totals.cash.
   */
  openingCash: int.default(0),
  agencies: z.array(agencyDayRowSchema),
  voids: z.object({
    cancelled: z.array(z.object({ dossierId: int, code: z.string(), at: z.string(), by: z.string(), reason: z.string() })),
    reversals: z.array(
      z.object({ id: int, reverses: int.nullable(), originalDay: z.string().nullable(), label: z.string(), amount: int, paymentMethod: paymentMethodSchema, by: z.string(), note: z.string().nullable() }),
    ),
    reversalTotal: int,
  }),
  reprints: z.array(z.object({ id: int, title: z.string(), reprintOf: int, at: z.string(), by: z.string() })),
  shifts: z.array(shiftSchema.omit({ money: true })),
  count: z
    .object({
      denominations: z.array(countedNoteSchema),
      cashExpected: int,
      cashCounted: int,
      cashDifference: int,
      transferExpected: int,
      transferConfirmed: int,
      transferDifference: int,
      reason: z.string().nullable(),
      approvedBy: z.string().nullable(),
      /** How many times the day was counted before closing (every count is kept). */
      attempts: int,
      /** Cash counted that left the office at the close (bank, provincial post); the next day starts from cashCounted - cashRemitted. */
      cashRemitted: int.default(0),
      /** The remittance slip / bank reference. */
      remittanceNote: z.string().nullable().default(null),
    })
    .nullable(),
  pending: pendingSchema.nullable(),
  overrideReason: z.string().nullable(),
  seal: z.object({ hash: z.string(), prevHash: z.string() }).nullable(),
});
export type DayReport = z.infer<typeof dayReportSchema>;

export const dayCloseSummarySchema = z.object({
  id: int,
  sequence: int,
  day: z.string(),
  closedAt: z.string(),
  closedBy: z.string(),
  cashExpected: int,
  cashCounted: int,
  transferExpected: int,
  transferConfirmed: int,
  reason: z.string().nullable(),
  approvedBy: z.string().nullable(),
  overrideReason: z.string().nullable(),
  /** Cash counted that left the office at the close; the next day's opening float is cashCounted - cashRemitted. */
  cashRemitted: int,
  remittanceNote: z.string().nullable(),
  hash: z.string(),
});
export type DayCloseSummary = z.infer<typeof dayCloseSummarySchema>;

export const periodRowSchema = z.object({ name: z.string(), received: int, resultsReceived: int, delivered: int });
export type PeriodRow = z.infer<typeof periodRowSchema>;

export const periodReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  generatedAt: z.string(),
  point: z.object({ code: z.string(), name: z.string(), province: z.string(), commune: z.string() }),
  totals: z.object({ received: int, resultsReceived: int, delivered: int, guided: int, returnedToAgency: int, cancelled: int }),
  byLevel: z.array(periodRowSchema),
  byField: z.array(periodRowSchema),
  byAgency: z.array(periodRowSchema),
  /** Share of the current catalogue's procedures accepted via BCCI, per level, against the target. */
  bcciShare: z.array(z.object({ level: z.string(), procedures: int, bcci: int, percent: z.number(), target: z.number().nullable(), met: z.boolean().nullable() })),
  quality: z.object({
    delivered: int,
    onTime: int,
    late: int,
    /** Delivered results with no promised date (return-only records). */
    noDate: int,
    lost: int,
    damaged: int,
    /** Per cent of delivered results on or before the promised date (of those with a date). */
    onTimePercent: z.number().nullable(),
    /** Per cent of dossiers and results handled with nothing lost or damaged. */
    intactPercent: z.number().nullable(),
    incidents: z.array(z.object({ id: int, dossierCode: z.string(), kind: z.enum(['lost', 'damaged']), note: z.string(), day: z.string(), by: z.string() })),
  }),
  guidance: z.object({ issued: int, byField: z.array(z.object({ name: z.string(), issued: int })) }),
  trend: z.array(z.object({ month: z.string(), received: int, delivered: int, late: int })),
  charts: z.object({ trend: a4ChartSchema, share: a4ChartSchema }),
});
export type PeriodReport = z.infer<typeof periodReportSchema>;

/** The kinds of open work the day close lists; `blockOn` picks those that refuse the close. */
export const PENDING_GROUPS = ['printJobs', 'notInManifest', 'notDelivered', 'feesOutstanding', 'openShifts'] as const;
export type PendingGroup = (typeof PENDING_GROUPS)[number];

export const dayCloseConfigSchema = z.object({
  /** A difference above this (đồng, either method) needs a manager's approval. */
  differenceThreshold: z.number().int().min(0).max(100_000_000),
  /**
   * Targets (%) for the share of procedures accepted via BCCI, per catalogue level by its name (a
   * level without one has no target). By name, not by place: the levels' order is whatever order the
   * catalogue import met them in.
   */
  bcciTargets: z
    .array(z.object({ level: z.string().trim().min(1).max(200), percent: z.number().min(0).max(100) }).strict())
    .max(20)
    .refine((ts) => new Set(ts.map((x) => x.level)).size === ts.length, t('dayClose.targetTwice')),
  /** Open items that refuse the close unless the manager records an override reason. */
  blockOn: z.array(z.enum(PENDING_GROUPS)).max(PENDING_GROUPS.length),
});
export type DayCloseConfig = z.infer<typeof dayCloseConfigSchema>;

/** The configuration as the settings form shows it: with the current catalogue's level names (in catalogue order), each of which may have a target. */
export const dayCloseSettingsSchema = dayCloseConfigSchema.extend({ levels: z.array(z.string()) });
export type DayCloseSettings = z.infer<typeof dayCloseSettingsSchema>;

export const incidentSchema = z.object({
  id: int,
  dossierId: int,
  dossierCode: z.string(),
  kind: z.enum(['lost', 'damaged']),
  note: z.string(),
  at: z.string(),
  day: z.string(),
  by: z.string(),
});
export type Incident = z.infer<typeof incidentSchema>;

const fileSchema = z.object({ fileName: z.string(), mimeType: z.string(), contentBase64: z.string() });
const range = { from: isoDate, to: isoDate };

const m = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, access: Permission) => ({ input, output, access, whileLocked: false, background: false });

/**
 * The day-close and report methods, spread into `api` in contract.ts. Clerks count and close
 * their own shift and record incidents; everything that shows expected money, closes the day or
 * reports upward is the manager's (`day.close`). Nothing shows an expected amount before the
 * count it is compared with has been recorded.
 */
export const dayCloseMethods = {
  'ledger.lines': m(ledgerFilterSchema.extend({ limit: z.number().int().min(1).max(5000).default(500), beforeId: id.optional() }).strict(), z.array(ledgerLineSchema), 'day.close'),
  'ledger.totals': m(ledgerFilterSchema.extend({ groupBy: z.array(z.enum(LEDGER_GROUPS)).min(1).max(5) }).strict(), z.array(ledgerTotalRowSchema), 'day.close'),
  'ledger.agencyFees': m(z.object({}).strict(), z.array(agencyFeeSchema), 'day.close'),
  /** A correction: a reversal line today that points at line N (a closed day is never changed). */
  'ledger.reverse': m(z.object({ ledgerId: id, reason }).strict(), ledgerLineSchema, 'day.close'),

  /** The signed-in clerk's open shift: since when and how many lines — never the amounts. */
  'shift.current': m(z.object({}).strict(), z.object({ since: z.string().nullable(), lines: int, lastCount: z.object({ id: int, at: z.string() }).nullable() }), 'reception.receive'),
  'shift.count': m(countInputSchema.strict(), cashCountSchema, 'reception.receive'),
  'shift.close': m(
    z.object({ countId: id, reason: reason.optional(), approval: approvalSchema.optional(), idempotencyKey: key }).strict(),
    z.object({ shift: shiftSchema, printJob: printJobSchema.nullable() }),
    'reception.receive',
  ),
  'shift.list': m(z.object({ day: isoDate.optional(), userId: id.optional(), limit: z.number().int().min(1).max(500).default(100) }).strict(), z.array(shiftSchema), 'day.close'),

  'dayClose.config': m(z.object({}).strict(), dayCloseSettingsSchema, 'day.close'),
  'dayClose.updateConfig': m(dayCloseConfigSchema.partial().strict(), dayCloseConfigSchema, 'day.close'),
  'dayClose.pending': m(z.object({ day: isoDate.optional() }).strict(), pendingSchema, 'day.close'),
  'dayClose.count': m(countInputSchema.extend({ day: isoDate.optional() }).strict(), cashCountSchema, 'day.close'),
  /**
   * cashRemitted: the cash counted that leaves the office at the close (to the bank or the provincial
   * post), 0 to cashCounted (the service refuses more); remittanceNote: its slip / bank reference.
   */
  'dayClose.close': m(
    z
      .object({
        day: isoDate.optional(),
        countId: id,
        reason: reason.optional(),
        approval: approvalSchema.optional(),
        overrideReason: reason.optional(),
        cashRemitted: z.number().int().min(0).max(1_000_000_000_000).default(0),
        remittanceNote: z.string().trim().max(REMITTANCE_NOTE_MAX).optional(),
        idempotencyKey: key,
      })
      .strict(),
    z.object({ close: dayCloseSummarySchema, report: dayReportSchema, printJob: printJobSchema.nullable() }),
    'day.close',
  ),
  'dayClose.list': m(z.object({ limit: z.number().int().min(1).max(500).default(60), beforeSequence: id.optional() }).strict(), z.array(dayCloseSummarySchema), 'day.close'),
  /** The Z report of a closed day exactly as sealed, or an X report (live, nothing closed) of another. */
  'dayClose.report': m(z.object({ day: isoDate.optional() }).strict(), dayReportSchema, 'day.close'),
  'dayClose.document': m(
    z.object({ day: isoDate.optional(), format: z.enum(['receipt', 'a4']) }).strict(),
    z.object({ receipt: receiptDocumentSchema.nullable(), a4: a4DocumentSchema.nullable() }),
    'day.close',
  ),
  'dayClose.print': m(z.object({ day: isoDate.optional(), idempotencyKey: key }).strict(), printJobSchema, 'day.close'),
  'dayClose.file': m(z.object({ day: isoDate.optional(), format: z.enum(['pdf', 'xlsx']) }).strict(), fileSchema, 'day.close'),

  'reports.period': m(z.object(range).strict(), periodReportSchema, 'day.close'),
  'reports.periodDocument': m(z.object(range).strict(), a4DocumentSchema, 'day.close'),
  'reports.periodFile': m(z.object({ ...range, format: z.enum(['pdf', 'xlsx']) }).strict(), fileSchema, 'day.close'),

  'incidents.record': m(
    z.object({ dossierId: id, kind: z.enum(['lost', 'damaged']), note: z.string().trim().min(5).max(1000), idempotencyKey: key }).strict(),
    incidentSchema,
    'reception.receive',
  ),
  'incidents.list': m(z.object({ ...range, limit: z.number().int().min(1).max(1000).default(200) }).strict(), z.array(incidentSchema), 'day.close'),
} as const;
