import { z } from 'zod';
import { printJobSchema } from './devices';
import { deliverySchema, phoneSchema, serviceSchema } from './reception';
import { DOSSIER_EVENT_TYPES, DOSSIER_STAGES, DOSSIER_STATES } from '../dossier/lifecycle';
import { a4DocumentSchema } from '../printing/a4';
import { receiptDocumentSchema } from '../printing/document';
import { isIsoDay } from '../time/vietnam';

/**
 * After reception: handover manifests to agencies, the agency's receipt, results intake, delivery
 * (postman's list or the counter), agency requests (supplement / refusal) and tracking. Schemas
 * only; the methods are listed in `lifecycleMethods` (spread into the one contract).
 */

const isoDate = z.string().refine(isIsoDay, 'isoDate');
const id = z.number().int().positive();
const key = z.string().min(8).max(100);
const reason = z.string().trim().min(3).max(500);
const personName = z.string().trim().min(2).max(120);

/** One dossier as lists and scans show it. */
export const dossierSummarySchema = z.object({
  id: z.number().int(),
  code: z.string(),
  itemNumber: z.string().nullable(),
  procedureCode: z.string(),
  procedureName: z.string(),
  agency: z.string(),
  service: serviceSchema,
  applicantName: z.string(),
  /** Last 4 digits only: lists are seen by anyone at the counter. */
  applicantIdTail: z.string().nullable(),
  applicantPhone: z.string().nullable(),
  deliveryKind: z.enum(['address', 'pickup_here', 'pickup_other', 'at_agency']),
  deliveryText: z.string(),
  originals: z.number().int(),
  copies: z.number().int(),
  /** Fees collected on the agency's behalf (phí + lệ phí, net of reversals). */
  agencyFees: z.number().int(),
  /** Money still to collect when the result is handed over (return charge of a return-only record). */
  amountDue: z.number().int(),
  receivedAt: z.string(),
  resultDate: z.string().nullable(),
  status: z.enum(DOSSIER_STATES),
  statusLabel: z.string(),
  statusAt: z.string(),
  overdue: z.boolean(),
});
export type DossierSummary = z.infer<typeof dossierSummarySchema>;

export const MANIFEST_STATES = ['open', 'dispatched', 'received'] as const;
export const manifestSchema = z.object({
  id: z.number().int(),
  number: z.string(),
  agency: z.string(),
  status: z.enum(MANIFEST_STATES),
  createdAt: z.string(),
  createdBy: z.string(),
  dispatchedAt: z.string().nullable(),
  carrier: z.string().nullable(),
  agencyReceivedAt: z.string().nullable(),
  agencyReceiver: z.string().nullable(),
  feesHandedOver: z.number().int().nullable(),
  count: z.number().int(),
  totalFees: z.number().int(),
});
export type Manifest = z.infer<typeof manifestSchema>;
export const manifestDetailSchema = z.object({ manifest: manifestSchema, dossiers: z.array(dossierSummarySchema) });
export type ManifestDetail = z.infer<typeof manifestDetailSchema>;

export const pendingGroupSchema = z.object({ agency: z.string(), dossiers: z.array(dossierSummarySchema), openManifestId: z.number().int().nullable() });

export const fileSchemaLike = z.object({ fileName: z.string(), mimeType: z.string(), contentBase64: z.string() });

export const agencyReceiptInputSchema = z
  .object({
    manifestId: id,
    receiverName: personName,
    /** When the agency signed (ISO date-time); defaults to now. */
    receivedAt: z.string().datetime({ offset: true }).optional(),
    resultDates: z.array(z.object({ dossierId: id, resultDate: isoDate })).max(500).default([]),
    refused: z.array(z.object({ dossierId: id, reason })).max(500).default([]),
    feesHandedOver: z.boolean(),
  })
  .strict();

export const registerResultInputSchema = z
  .object({
    idempotencyKey: key,
    procedureCode: z.string().trim().min(1).max(60),
    /** The one-stop system's own dossier code, when the result carries one. */
    agencyDossierCode: z.string().trim().max(60).optional(),
    applicant: z.object({ fullName: personName, phone: phoneSchema, idNumber: z.string().regex(/^\d{12}$/).optional() }).strict(),
    delivery: deliverySchema,
    /** The return charge the postman collects on delivery (đồng). */
    amountDue: z.number().int().min(0).max(10_000_000),
  })
  .strict();
export type RegisterResultInput = z.infer<typeof registerResultInputSchema>;

export const intakeResultSchema = z.object({
  dossier: dossierSummarySchema,
  /** 'already': scanned before (the list is not counted twice). */
  outcome: z.enum(['received', 'already']),
  /** Where the result goes next, in words ("Giữ tại quầy", "Phát tại địa chỉ"). */
  next: z.string(),
});

export const deliveryListSchema = z.object({
  id: z.number().int(),
  number: z.string(),
  postman: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  count: z.number().int(),
  open: z.number().int(),
});
export const deliveryListDetailSchema = z.object({ list: deliveryListSchema, dossiers: z.array(dossierSummarySchema) });

export const deliveryOutcomeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('delivered'), receiverName: personName, relation: z.string().trim().min(2).max(100), idChecked: z.boolean() }).strict(),
  z.object({ kind: z.literal('failed'), reason, nextAttempt: isoDate.optional() }).strict(),
  z.object({ kind: z.literal('returned'), reason }).strict(),
]);

export const idCheckSchema = z.object({ match: z.literal(true), who: z.enum(['applicant', 'representative']), name: z.string() });

export const timelineEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  type: z.enum(DOSSIER_EVENT_TYPES),
  label: z.string(),
  /** The step in words with its particulars ("Bảng kê số BK-…", "Người nhận: …"). */
  detail: z.string(),
  by: z.string().nullable(),
});
export const timelineSchema = z.object({
  dossier: dossierSummarySchema,
  events: z.array(timelineEntrySchema),
  /** The status derived again from the history: equals dossier.status unless the data was tampered with. */
  derivedStatus: z.enum(DOSSIER_STATES),
});
export type Timeline = z.infer<typeof timelineSchema>;

export const dashboardSchema = z.object({
  stuckDays: z.number().int(),
  stages: z.array(z.object({ stage: z.enum(DOSSIER_STAGES), label: z.string(), count: z.number().int(), overdue: z.number().int(), stuck: z.number().int() })),
  overdue: z.array(dossierSummarySchema),
  stuck: z.array(dossierSummarySchema),
});

export const agencyRequestInputSchema = z
  .object({
    dossierId: id,
    kind: z.enum(['supplement', 'refusal']),
    reason,
    /** What the agency asks the citizen to add (supplement only). */
    items: z.array(z.string().trim().min(2).max(300)).max(30).default([]),
    /** The agency's letter number/date, as written on its paper. */
    reference: z.string().trim().max(100).optional(),
  })
  .strict();

const empty = z.object({}).strict();
type Access = 'reception.receive';
const m = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, access: Access = 'reception.receive', background = false) => ({
  input,
  output,
  access,
  whileLocked: false,
  background,
});

/** The lifecycle methods, spread into `api` in contract.ts. Every step is for the counter's clerks. */
export const lifecycleMethods = {
  'handover.pending': m(empty, z.array(pendingGroupSchema)),
  'handover.manifests': m(z.object({ status: z.enum(MANIFEST_STATES).optional(), limit: z.number().int().min(1).max(500).default(50) }).strict(), z.array(manifestSchema)),
  'handover.manifest': m(z.object({ id }).strict(), manifestDetailSchema),
  'handover.createManifest': m(z.object({ agency: z.string().trim().min(2).max(300) }).strict(), manifestDetailSchema),
  /** A scan of a sealed envelope: dossier code or item number. */
  'handover.scan': m(z.object({ manifestId: id, code: z.string().trim().min(1).max(4096) }).strict(), z.object({ added: dossierSummarySchema, manifest: manifestDetailSchema })),
  'handover.remove': m(z.object({ manifestId: id, dossierId: id }).strict(), manifestDetailSchema),
  'handover.dispatch': m(
    z.object({ manifestId: id, carrier: personName, idempotencyKey: key }).strict(),
    z.object({ manifest: manifestDetailSchema, printJob: printJobSchema.nullable() }),
  ),
  'handover.document': m(z.object({ id }).strict(), a4DocumentSchema),
  'handover.pdf': m(z.object({ id }).strict(), fileSchemaLike),
  'handover.agencyReceipt': m(agencyReceiptInputSchema, manifestDetailSchema),

  'results.scan': m(z.object({ code: z.string().trim().min(1).max(4096) }).strict(), intakeResultSchema),
  'results.register': m(registerResultInputSchema, z.object({ dossier: dossierSummarySchema, printJob: printJobSchema.nullable() })),
  'results.today': m(empty, z.array(dossierSummarySchema)),

  'delivery.ready': m(empty, z.array(dossierSummarySchema)),
  'delivery.createList': m(z.object({ postman: personName, dossierIds: z.array(id).min(1).max(500), idempotencyKey: key }).strict(), deliveryListDetailSchema),
  'delivery.lists': m(z.object({ limit: z.number().int().min(1).max(200).default(30) }).strict(), z.array(deliveryListSchema)),
  'delivery.list': m(z.object({ id }).strict(), deliveryListDetailSchema),
  'delivery.listDocument': m(z.object({ id }).strict(), a4DocumentSchema),
  'delivery.listPdf': m(z.object({ id }).strict(), fileSchemaLike),
  'delivery.recordOutcome': m(z.object({ dossierId: id, outcome: deliveryOutcomeSchema, idempotencyKey: key }).strict(), dossierSummarySchema),
  /** A failed attempt left a notice: the citizen collects the result at the counter. */
  'delivery.holdForPickup': m(z.object({ dossierId: id }).strict(), dossierSummarySchema),
  'delivery.awaitingPickup': m(z.object({ query: z.string().trim().min(1).max(4096) }).strict(), z.array(dossierSummarySchema)),
  /** The scanned ID card (raw CCCD QR or the 12 digits) against the applicant and the representative. */
  'delivery.verifyId': m(z.object({ dossierId: id, scanned: z.string().trim().min(9).max(4096) }).strict(), idCheckSchema),
  'delivery.handOver': m(
    z.object({ dossierId: id, scanned: z.string().trim().min(9).max(4096), idempotencyKey: key }).strict(),
    z.object({ dossier: dossierSummarySchema, printJob: printJobSchema.nullable() }),
  ),

  'agency.request': m(agencyRequestInputSchema, z.object({ dossier: dossierSummarySchema, letter: a4DocumentSchema })),
  'agency.letterPdf': m(z.object({ dossierId: id }).strict(), fileSchemaLike),
  'agency.supplementSent': m(z.object({ dossierId: id }).strict(), dossierSummarySchema),

  /** A scan or a typed code: exact dossier code or item number (the hot path). */
  'tracking.find': m(z.object({ code: z.string().trim().min(1).max(4096) }).strict(), dossierSummarySchema),
  /** Code, item number, 12-digit ID, phone, or name without diacritics. */
  'tracking.search': m(z.object({ query: z.string().trim().min(2).max(200), limit: z.number().int().min(1).max(200).default(50) }).strict(), z.array(dossierSummarySchema)),
  'tracking.timeline': m(z.object({ dossierId: id }).strict(), timelineSchema),
  'tracking.dashboard': m(z.object({ stuckDays: z.number().int().min(1).max(90).default(5) }).strict(), dashboardSchema, 'reception.receive', true),
  /** "Where is my dossier?": a slip on the receipt printer. */
  'tracking.statusSlip': m(z.object({ dossierId: id, idempotencyKey: key }).strict(), printJobSchema),
  'tracking.statusSlipPreview': m(z.object({ dossierId: id }).strict(), receiptDocumentSchema),
} as const;
