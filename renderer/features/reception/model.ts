import { displayDate, vietnamClock } from '../../../shared/time/vietnam';
import { z } from 'zod';
import type { ProcedureDetail, ReceptionConfig } from '../../../shared/api/contract';
import {
  SERVICES,
  deliverySchema,
  personSchema,
  representativeSchema,
  type ChecklistAnswersInput,
  type Delivery,
  type Person,
  type ReceptionService,
  type Representative,
} from '../../../shared/api/reception';
import { zodIssueVi } from '../../../shared/api/zodMessages';
import { DOCUMENT_FORMS, type DocumentForm, type RequiredDocument } from '../../../shared/catalogue/schema';
import { t, type MessageKey } from '../../../shared/messages/vi';
import type { ChecklistAnswers, PresentedItem } from '../../../shared/reception/checklist';
import { vietnamToday } from '../../../shared/scan/cccd';
import { findUnit, matchUnit, type PreparedUnit } from '../../../shared/text/unitNames';

/**
 * The reception screen's state as plain data: what the clerk typed and chose, in the shape the
 * forms need (strings), and the conversions to the API's shapes (validated with the shared zod
 * schemas, so the screen refuses exactly what the host would refuse, in Vietnamese per field).
 */

export const STEPS = ['procedure', 'checklist', 'applicant', 'fees', 'confirm'] as const;
export type StepId = (typeof STEPS)[number];

export interface ApplicantForm {
  idNumber: string;
  oldIdNumber: string;
  fullName: string;
  dateOfBirth: string;
  sex: '' | 'male' | 'female';
  address: string;
  phone: string;
  email: string;
}

export interface RepresentativeForm {
  idNumber: string;
  fullName: string;
  phone: string;
  relation: string;
}

/** What the clerk chooses; 'at_agency' is implied when only the dossier goes by post. */
export type DeliveryKind = Exclude<Delivery['kind'], 'at_agency'>;

export interface DeliveryForm {
  kind: DeliveryKind;
  province: string;
  commune: string;
  street: string;
  pointName: string;
}

export interface FeesForm {
  phiTier: string;
  lePhiTier: string;
  exemptPhi: boolean;
  exemptLePhi: boolean;
  exemptionReason: string;
  zoneId: string;
  grams: string;
  postalExemptionId: string;
}

export type Payment = 'cash' | 'transfer';

export interface ReceptionForm {
  /** Created once per reception: a repeated confirm returns the same dossier. */
  idempotencyKey: string;
  service: ReceptionService | null;
  answers: ChecklistAnswers;
  applicant: ApplicantForm;
  hasRepresentative: boolean;
  representative: RepresentativeForm;
  delivery: DeliveryForm;
  fees: FeesForm;
  payment: Payment;
}

export function newKey(): string {
  return crypto.randomUUID();
}

/** FNV-1a of a text, 8 hex digits: one idempotency key per distinct content (a second F9 on the same answers never prints twice). */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

export const emptyApplicant = (): ApplicantForm => ({ idNumber: '', oldIdNumber: '', fullName: '', dateOfBirth: '', sex: '', address: '', phone: '', email: '' });

export function emptyForm(defaults: { province?: string; zoneId?: string } = {}): ReceptionForm {
  return {
    idempotencyKey: newKey(),
    service: null,
    answers: { conditions: {}, items: {} },
    applicant: emptyApplicant(),
    hasRepresentative: false,
    representative: { idNumber: '', fullName: '', phone: '', relation: '' },
    delivery: { kind: 'address', province: defaults.province ?? '', commune: '', street: '', pointName: '' },
    fees: { phiTier: '', lePhiTier: '', exemptPhi: false, exemptLePhi: false, exemptionReason: '', zoneId: defaults.zoneId ?? '', grams: '', postalExemptionId: '' },
    payment: 'cash',
  };
}

/** The services a procedure allows through the post. */
export function allowedServices(p: Pick<ProcedureDetail, 'bcciReceive' | 'bcciReturn'>): ReceptionService[] {
  return SERVICES.filter((s) => (s === 'send' ? p.bcciReceive : s === 'return' ? p.bcciReturn : p.bcciReceive && p.bcciReturn));
}

export const checksDocuments = (service: ReceptionService | null) => service === 'send' || service === 'both';
export const returnsByPost = (service: ReceptionService | null) => service === 'return' || service === 'both';

// ── Checklist answers ──

/** What the clerk records when a document is handed over: the required form and counts. */
export function presentedDefault(doc: RequiredDocument): PresentedItem {
  return { presented: true, form: doc.form, originals: doc.originals, copies: doc.copies };
}

const isCopy = (f: DocumentForm) => f !== 'original';

/** The next form (key F); the count moves with it between originals and copies. */
export function cycleForm(item: PresentedItem): PresentedItem {
  const next = DOCUMENT_FORMS[(DOCUMENT_FORMS.indexOf(item.form) + 1) % DOCUMENT_FORMS.length];
  return withForm(item, next);
}

export function withForm(item: PresentedItem, form: DocumentForm): PresentedItem {
  if (isCopy(item.form) === isCopy(form)) return { ...item, form };
  return isCopy(form)
    ? { ...item, form, copies: Math.max(item.copies, item.originals), originals: 0 }
    : { ...item, form, originals: Math.max(item.originals, item.copies), copies: 0 };
}

/** Digit keys: the count of the presented form (originals for an original, copies otherwise). */
export function withCount(item: PresentedItem, n: number): PresentedItem {
  return isCopy(item.form) ? { ...item, copies: n } : { ...item, originals: n };
}

/** The answers as the API takes them: answered questions only, items keyed by index, notes trimmed. */
export function apiAnswers(a: ChecklistAnswers): ChecklistAnswersInput {
  const conditions: Record<string, boolean> = {};
  for (const [q, v] of Object.entries(a.conditions)) if (typeof v === 'boolean') conditions[q] = v;
  const items: ChecklistAnswersInput['items'] = {};
  for (const [k, v] of Object.entries(a.items)) {
    if (!v) continue;
    const note = v.note?.trim();
    items[k] = { presented: v.presented, form: v.form, originals: v.originals, copies: v.copies, ...(note ? { note } : {}) };
  }
  return { conditions, items };
}

// ── Validation: the shared schemas, messages per field ──

export type FieldErrors = Partial<Record<string, string>>;

/** Messages for the schemas' format checks, by field. */
const FORMAT: Record<string, MessageKey> = {
  idNumber: 'recv.err.idNumber',
  oldIdNumber: 'recv.err.oldIdNumber',
  dateOfBirth: 'recv.err.date',
  sex: 'recv.err.sex',
  phone: 'recv.err.phone',
  email: 'recv.err.email',
  province: 'recv.err.province',
};

function issueText(field: string, issue: z.core.$ZodIssue): string {
  if (issue.code === 'too_small' && issue.origin === 'string') return t('field.tooShort', { min: Number(issue.minimum) });
  if (issue.code === 'too_big' && issue.origin === 'string') return t('field.tooLong', { max: Number(issue.maximum) });
  const key = FORMAT[field];
  if (key) return t(key);
  return zodIssueVi(issue);
}

function collect(result: z.ZodSafeParseResult<unknown>, required: Record<string, string>): FieldErrors {
  const errors: FieldErrors = {};
  for (const [field, value] of Object.entries(required)) if (!value.trim()) errors[field] = t('field.required');
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? '');
      errors[field] ??= issueText(field, issue);
    }
  }
  return errors;
}

const opt = (v: string) => (v.trim() ? v.trim() : undefined);

/**
 * A date as the clerk types it — day first, the Vietnamese way: "15/03/1990", "15-3-1990",
 * "15.03.1990", "15031990" — to ISO yyyy-mm-dd; null when it is not a real date.
 * (A native date input would show the machine's locale order: 03/15 on an English Windows.)
 */
export function parseDayFirst(text: string): string | null {
  const s = text.trim();
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(s);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function checkApplicant(f: ApplicantForm, today = vietnamToday()): { value?: Person; errors: FieldErrors } {
  const dateOfBirth = parseDayFirst(f.dateOfBirth);
  const input = {
    idNumber: f.idNumber.trim(),
    ...(opt(f.oldIdNumber) ? { oldIdNumber: opt(f.oldIdNumber) } : {}),
    fullName: f.fullName,
    dateOfBirth: dateOfBirth ?? '',
    sex: f.sex || undefined,
    address: f.address,
    phone: f.phone,
    ...(opt(f.email) ? { email: opt(f.email) } : {}),
  };
  const result = personSchema.safeParse(input);
  const errors = collect(result, { idNumber: f.idNumber, fullName: f.fullName, dateOfBirth: f.dateOfBirth, sex: f.sex, address: f.address, phone: f.phone });
  if (!errors.dateOfBirth && dateOfBirth && dateOfBirth > today) errors.dateOfBirth = t('recv.err.dobFuture');
  return Object.keys(errors).length === 0 && result.success ? { value: result.data, errors } : { errors };
}

export function checkRepresentative(f: RepresentativeForm): { value?: Representative; errors: FieldErrors } {
  const result = representativeSchema.safeParse({ idNumber: f.idNumber.trim(), fullName: f.fullName, phone: f.phone, relation: f.relation });
  const errors = collect(result, { idNumber: f.idNumber, fullName: f.fullName, phone: f.phone, relation: f.relation });
  return Object.keys(errors).length === 0 && result.success ? { value: result.data, errors } : { errors };
}

/** The current administrative units the address is checked against, as far as they are loaded (the host checks anyway). */
export interface UnitLists {
  provinces: readonly PreparedUnit[] | null;
  /** The communes of the form's province. */
  communes: readonly PreparedUnit[] | null;
}

/** A province and commune of the current units, in the data's spelling; errors per field otherwise. */
function checkUnits(f: DeliveryForm, units: UnitLists, errors: FieldErrors): { province: string; commune: string } | null {
  const province = units.provinces ? findUnit(units.provinces, f.province, 'province') : null;
  if (units.provinces && !province) {
    errors.province ??= t('recv.err.province');
    return null;
  }
  if (!province || !units.communes || errors.commune) return null;
  const m = matchUnit(units.communes, f.commune, 'commune');
  if (m.kind === 'one') return { province: province.name, commune: m.unit.name };
  errors.commune =
    m.kind === 'many'
      ? t('units.ambiguous', { commune: f.commune.trim(), names: m.units.map((u) => u.name).join(', ') })
      : t('units.notInProvince', { commune: f.commune.trim(), province: province.name });
  return null;
}

export function checkDelivery(f: DeliveryForm, units?: UnitLists): { value?: Delivery; errors: FieldErrors } {
  const input =
    f.kind === 'address'
      ? { kind: f.kind, province: f.province, commune: f.commune, street: f.street }
      : f.kind === 'pickup_other'
        ? { kind: f.kind, pointName: f.pointName }
        : { kind: f.kind };
  const result = deliverySchema.safeParse(input);
  const required: Record<string, string> =
    f.kind === 'address' ? { province: f.province, commune: f.commune, street: f.street } : f.kind === 'pickup_other' ? { pointName: f.pointName } : {};
  const errors = collect(result, required);
  const canonical = f.kind === 'address' && units ? checkUnits(f, units, errors) : null;
  if (Object.keys(errors).length > 0 || !result.success) return { errors };
  return { value: canonical && result.data.kind === 'address' ? { ...result.data, ...canonical } : result.data, errors };
}

export interface PartyCheck {
  applicant?: Person;
  representative?: Representative;
  delivery?: Delivery;
  /** Keyed "applicant.idNumber", "representative.phone", "delivery.street"… */
  errors: FieldErrors;
  ok: boolean;
}

/** Step 3 as a whole. When the service does not return the result by post, no delivery is asked. */
export function checkParties(form: ReceptionForm, units?: UnitLists): PartyCheck {
  const errors: FieldErrors = {};
  const a = checkApplicant(form.applicant);
  for (const [k, v] of Object.entries(a.errors)) errors[`applicant.${k}`] = v;
  const r = form.hasRepresentative ? checkRepresentative(form.representative) : { errors: {} };
  for (const [k, v] of Object.entries(r.errors)) errors[`representative.${k}`] = v;
  const d = returnsByPost(form.service) ? checkDelivery(form.delivery, units) : { value: undefined, errors: {} };
  for (const [k, v] of Object.entries(d.errors)) errors[`delivery.${k}`] = v;
  return {
    ...(a.value ? { applicant: a.value } : {}),
    ...('value' in r && r.value ? { representative: r.value } : {}),
    ...(d.value ? { delivery: d.value } : {}),
    errors,
    ok: Object.keys(errors).length === 0,
  };
}

// ── Fees and postal charge → the quote's input ──

export interface QuoteInput {
  procedureCode: string;
  versionId: number;
  service: ReceptionService;
  fees: { phiTier?: string; lePhiTier?: string; exemption?: { phi?: boolean; lePhi?: boolean; reason: string } };
  postal: { zoneId: string; grams: number; exemptionId?: string };
}

export function parseGrams(text: string): number | null {
  const s = text.trim().replace(/[.\s]/g, '');
  if (!/^\d{1,5}$/.test(s)) return null;
  const n = Number(s);
  return n >= 1 && n <= 30_000 ? n : null;
}

/** Errors the clerk must fix before a quote can be asked for, by field. */
export function feeFormErrors(f: FeesForm, config: ReceptionConfig | null): FieldErrors {
  const errors: FieldErrors = {};
  if ((f.exemptPhi || f.exemptLePhi) && f.exemptionReason.trim().length < 3) errors.exemptionReason = t('recv.err.exemptionReason');
  if (!f.zoneId || (config && !config.tariff.zones.some((z) => z.id === f.zoneId))) errors.zoneId = t('recv.err.zone');
  if (!f.grams.trim()) errors.grams = t('field.required');
  else if (parseGrams(f.grams) === null) errors.grams = t('recv.err.grams');
  return errors;
}

/** Phí and lệ phí are collected with the dossier; a "return only" reception collects only the postal charge. */
export const collectsProcedureFees = (service: ReceptionService | null) => checksDocuments(service);

export function quoteInput(procedure: ProcedureDetail, service: ReceptionService, f: FeesForm, config: ReceptionConfig | null): QuoteInput | null {
  if (Object.keys(feeFormErrors(f, config)).length) return null;
  const withFees = collectsProcedureFees(service);
  const exempt = withFees && (f.exemptPhi || f.exemptLePhi);
  return {
    procedureCode: procedure.code,
    versionId: procedure.versionId,
    service,
    fees: withFees
      ? {
          ...(f.phiTier ? { phiTier: f.phiTier } : {}),
          ...(f.lePhiTier ? { lePhiTier: f.lePhiTier } : {}),
          ...(exempt
            ? { exemption: { ...(f.exemptPhi ? { phi: true } : {}), ...(f.exemptLePhi ? { lePhi: true } : {}), reason: f.exemptionReason.trim() } }
            : {}),
        }
      : {},
    postal: { zoneId: f.zoneId, grams: parseGrams(f.grams) as number, ...(f.postalExemptionId ? { exemptionId: f.postalExemptionId } : {}) },
  };
}

// ── Drafts ──

export const DRAFT_FORMAT = 'bcci-reception-draft';

const presentedSchema = z.object({
  presented: z.boolean(),
  form: z.enum(DOCUMENT_FORMS),
  originals: z.number().int().min(0).max(99),
  copies: z.number().int().min(0).max(99),
  note: z.string().max(300).optional(),
});

const str = z.string().max(400).catch('');
const draftDataSchema = z.object({
  format: z.literal(DRAFT_FORMAT),
  procedureCode: z.string().min(1).max(60),
  procedureName: z.string().max(1000).catch(''),
  versionId: z.number().int().positive(),
  step: z.enum(STEPS).catch('procedure'),
  form: z.object({
    idempotencyKey: z.string().min(8).max(100),
    service: z.enum(SERVICES).nullable().catch(null),
    answers: z.object({ conditions: z.record(z.string(), z.boolean()), items: z.record(z.string(), presentedSchema) }).catch({ conditions: {}, items: {} }),
    applicant: z
      .object({ idNumber: str, oldIdNumber: str, fullName: str, dateOfBirth: str, sex: z.enum(['', 'male', 'female']).catch(''), address: str, phone: str, email: str })
      .catch(emptyApplicant()),
    hasRepresentative: z.boolean().catch(false),
    representative: z.object({ idNumber: str, fullName: str, phone: str, relation: str }).catch({ idNumber: '', fullName: '', phone: '', relation: '' }),
    delivery: z
      .object({ kind: z.enum(['address', 'pickup_here', 'pickup_other']).catch('address'), province: str, commune: str, street: str, pointName: str })
      .catch({ kind: 'address', province: '', commune: '', street: '', pointName: '' }),
    fees: z
      .object({
        phiTier: str,
        lePhiTier: str,
        exemptPhi: z.boolean().catch(false),
        exemptLePhi: z.boolean().catch(false),
        exemptionReason: str,
        zoneId: str,
        grams: str,
        postalExemptionId: str,
      })
      .catch(emptyForm().fees),
    payment: z.enum(['cash', 'transfer']).catch('cash'),
  }),
});

export type DraftData = z.infer<typeof draftDataSchema>;

export function draftData(procedure: ProcedureDetail, step: StepId, form: ReceptionForm): Record<string, unknown> {
  const data: DraftData = {
    format: DRAFT_FORMAT,
    procedureCode: procedure.code,
    procedureName: procedure.name,
    versionId: procedure.versionId,
    step,
    form: { ...form, answers: apiAnswers(form.answers) },
  };
  return data as unknown as Record<string, unknown>;
}

/** A saved draft read back, or null when it is not one of ours (or from an incompatible version). */
export function readDraft(data: unknown): (Omit<DraftData, 'form'> & { form: ReceptionForm }) | null {
  const parsed = draftDataSchema.safeParse(data);
  if (!parsed.success) return null;
  const { form, ...rest } = parsed.data;
  const items: ChecklistAnswers['items'] = {};
  for (const [k, v] of Object.entries(form.answers.items)) if (/^\d{1,3}$/.test(k)) items[Number(k)] = v;
  return { ...rest, form: { ...form, answers: { conditions: form.answers.conditions, items } } };
}

// ── Dates ──

/** 2025-06-03 → 03/06/2025. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^\d{4}-\d{2}-\d{2}/.exec(iso);
  return m ? displayDate(m[0]) : iso;
}

/** An ISO timestamp → "14:05 03/06/2025" in Vietnam's time, as on the printed receipt (whatever the PC's zone). */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : vietnamClock(d);
}
