import { z } from 'zod';
import { documentForm } from '../catalogue/schema';
import { printJobSchema } from './devices';

/** Reception as the API carries it: what the clerk checked, who applied, where the result goes, how it was paid. */

export const SERVICES = ['send', 'return', 'both'] as const;
export const serviceSchema = z.enum(SERVICES);
export type ReceptionService = z.infer<typeof serviceSchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Vietnamese phone numbers: mobiles 0[35789]xxxxxxxx, landlines 02xxxxxxxxx; +84 accepted and normalised. */
export const phoneSchema = z
  .string()
  .trim()
  .transform((v) => v.replace(/[\s.-]/g, '').replace(/^\+84/, '0'))
  .pipe(z.string().regex(/^0(?:[35789]\d{8}|2\d{9})$/, 'phone'));

export const personSchema = z.object({
  idNumber: z.string().regex(/^\d{12}$/, 'idNumber'),
  oldIdNumber: z.string().regex(/^\d{9}$/).optional(),
  fullName: z.string().trim().min(2).max(120),
  dateOfBirth: isoDate,
  sex: z.enum(['male', 'female']),
  address: z.string().trim().min(5).max(300),
  phone: phoneSchema,
  email: z.string().trim().email().max(200).optional(),
});
export type Person = z.infer<typeof personSchema>;

export const representativeSchema = personSchema.pick({ idNumber: true, fullName: true, phone: true }).extend({
  relation: z.string().trim().min(2).max(100),
});
export type Representative = z.infer<typeof representativeSchema>;

export const deliverySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('address'), province: z.string().trim().min(2).max(100), commune: z.string().trim().min(2).max(100), street: z.string().trim().min(3).max(200) }),
  z.object({ kind: z.literal('pickup_here') }),
  z.object({ kind: z.literal('pickup_other'), pointName: z.string().trim().min(3).max(200) }),
  /** Only the dossier goes by post: the citizen collects the result at the agency. */
  z.object({ kind: z.literal('at_agency') }),
]);
export type Delivery = z.infer<typeof deliverySchema>;

export const checklistAnswersSchema = z.object({
  conditions: z.record(z.string().max(500), z.boolean()),
  items: z.record(
    z.string().regex(/^\d{1,3}$/),
    z.object({
      presented: z.boolean(),
      form: documentForm,
      originals: z.number().int().min(0).max(99),
      copies: z.number().int().min(0).max(99),
      note: z.string().max(300).optional(),
    }),
  ),
});
export type ChecklistAnswersInput = z.infer<typeof checklistAnswersSchema>;

export const feeChoiceSchema = z.object({
  phiTier: z.string().max(300).optional(),
  lePhiTier: z.string().max(300).optional(),
  exemption: z.object({ phi: z.boolean().optional(), lePhi: z.boolean().optional(), reason: z.string().trim().min(3).max(300) }).optional(),
});

export const postalChoiceSchema = z.object({
  zoneId: z.string().min(1).max(40),
  grams: z.number().int().min(1).max(30_000),
  exemptionId: z.string().max(40).optional(),
});

export const quoteInputSchema = z
  .object({
    procedureCode: z.string().min(1).max(60),
    versionId: z.number().int().positive(),
    service: serviceSchema,
    fees: feeChoiceSchema,
    postal: postalChoiceSchema,
  })
  .strict();

export const feeLineSchema = z.object({
  kind: z.enum(['phi', 'le_phi', 'postal_send', 'postal_return']),
  label: z.string(),
  amount: z.number().int(),
  agency: z.string().nullable(),
  exemptReason: z.string().optional(),
});
export type FeeLine = z.infer<typeof feeLineSchema>;

export const quoteSchema = z.object({
  lines: z.array(feeLineSchema),
  total: z.number().int(),
  /** Problems the clerk must fix (a tier not chosen, an exemption without reason…). */
  errors: z.array(z.string()),
  agencyReceivesOn: isoDate.nullable(),
  resultDate: isoDate.nullable(),
  /** Days skipped when counting, for the clerk to explain ("Tết Nguyên đán"). */
  skipped: z.array(z.object({ date: isoDate, name: z.string() })),
  /** VietQR payload for a transfer of the exact total, when the point has an account configured. */
  vietQr: z.string().nullable(),
});
export type Quote = z.infer<typeof quoteSchema>;

export const confirmInputSchema = quoteInputSchema
  .extend({
    /** The same key twice returns the same dossier: a double Enter never receives twice. */
    idempotencyKey: z.string().min(8).max(100),
    answers: checklistAnswersSchema,
    applicant: personSchema,
    representative: representativeSchema.optional(),
    delivery: deliverySchema,
    payment: z.enum(['cash', 'transfer']),
    /** The total the clerk told the citizen: confirm refuses if the host now computes another. */
    expectedTotal: z.number().int().min(0).optional(),
    draftId: z.number().int().positive().optional(),
  })
  .strict();
export type ConfirmInput = z.infer<typeof confirmInputSchema>;

export const dossierSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  itemNumber: z.string().nullable(),
  procedureCode: z.string(),
  procedureName: z.string(),
  agency: z.string(),
  service: serviceSchema,
  applicantName: z.string(),
  receivedAt: z.string(),
  resultDate: z.string().nullable(),
  totalAmount: z.number().int(),
  paymentMethod: z.enum(['cash', 'transfer', 'none']),
  status: z.string(),
  originals: z.number().int(),
  copies: z.number().int(),
});
export type Dossier = z.infer<typeof dossierSchema>;

export const confirmResultSchema = z.object({ dossier: dossierSchema, printJobs: z.array(printJobSchema) });

export const guidanceInputSchema = z
  .object({
    procedureCode: z.string().min(1).max(60),
    versionId: z.number().int().positive(),
    answers: checklistAnswersSchema,
    applicantName: z.string().trim().max(120).optional(),
    idempotencyKey: z.string().min(8).max(100),
  })
  .strict();

export const draftSchema = z.object({ id: z.number().int(), updatedAt: z.string(), data: z.record(z.string(), z.unknown()) });
