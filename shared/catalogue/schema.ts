import { z } from 'zod';

/**
 * The procedure catalogue as data. Levels, fields and agencies are plain names
 * (data, not code): the 2025 two-level reform only changes the imported list.
 * This is also the JSON interchange format ("JSON keeps everything").
 */

export const DOCUMENT_FORMS = ['original', 'certified_copy', 'copy', 'copy_with_original'] as const;
export const documentForm = z.enum(DOCUMENT_FORMS);
export type DocumentForm = z.infer<typeof documentForm>;

export const DOCUMENT_KINDS = ['mandatory', 'conditional', 'alternative', 'optional'] as const;
export const documentKind = z.enum(DOCUMENT_KINDS);
export type DocumentKind = z.infer<typeof documentKind>;

const text = (max: number) => z.string().trim().min(1).max(max);
const money = z.number().int().min(0).max(10_000_000_000);

export const requiredDocumentSchema = z
  .object({
    /** As published, e.g. "Tờ khai đăng ký khai sinh theo mẫu". */
    name: text(1000),
    /** The form the clerk must see: original, certified copy, copy, or copy shown with the original. */
    form: documentForm,
    /** "Bản chính: N - Bản sao: M" as published. */
    originals: z.number().int().min(0).max(99),
    copies: z.number().int().min(0).max(99),
    kind: documentKind,
    /** For kind=conditional: the yes/no question the clerk asks, e.g. "Người nộp là người được ủy quyền?". */
    condition: text(500).optional(),
    /** For kind=alternative: items sharing a group name are alternatives; exactly one must be satisfied. */
    group: text(200).optional(),
    /** Optional form template code, e.g. "Mẫu số 01/TK-HT". */
    templateCode: text(200).optional(),
    note: text(1000).optional(),
  })
  .superRefine((d, ctx) => {
    if (d.kind === 'conditional' && !d.condition)
      ctx.addIssue({ code: 'custom', path: ['condition'], message: 'conditional document needs a condition question' });
    if (d.kind === 'alternative' && !d.group)
      ctx.addIssue({ code: 'custom', path: ['group'], message: 'alternative document needs a group name' });
    if (d.originals + d.copies === 0)
      ctx.addIssue({ code: 'custom', path: ['originals'], message: 'at least one original or copy' });
  });
export type RequiredDocument = z.infer<typeof requiredDocumentSchema>;

export const feeTierSchema = z.object({ label: text(300), amount: money });
export type FeeTier = z.infer<typeof feeTierSchema>;

/** A phí or a lệ phí: a fixed amount (0 = none) or a list of tiers the clerk chooses from. */
export const feeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('fixed'), amount: money }),
  z.object({ kind: z.literal('tiers'), tiers: z.array(feeTierSchema).min(1).max(50) }),
]);
export type Fee = z.infer<typeof feeSchema>;

export const procedureSourceSchema = z.object({
  /** Where the record was taken from, e.g. "Cổng Dịch vụ công quốc gia". */
  name: text(300),
  url: z.string().trim().max(1000).optional(),
  /** Date of the published record or the decision it follows, ISO yyyy-mm-dd. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  note: z.string().trim().max(1000).optional(),
});

export const procedureCodeSchema = z
  .string()
  .trim()
  .regex(/^[0-9]\.[0-9]{6}(\.[0-9A-Za-z]+)*$/, 'procedure code like 1.001193 or 1.001612.000.00.00.H48');

export const procedureSchema = z.object({
  code: procedureCodeSchema,
  name: text(1000),
  field: text(300),
  level: text(200),
  agency: text(500),
  bcciReceive: z.boolean(),
  bcciReturn: z.boolean(),
  /** Statutory processing time in working days; 0 = same day. */
  processingDays: z.number().min(0).max(3650),
  processingNote: z.string().trim().max(2000).optional(),
  phi: feeSchema,
  lePhi: feeSchema,
  /** Who is exempt or pays less, as published. */
  feeNote: z.string().trim().max(2000).optional(),
  documents: z.array(requiredDocumentSchema).max(200),
  source: procedureSourceSchema.optional(),
});
export type Procedure = z.infer<typeof procedureSchema>;

export const catalogueFileSchema = z.object({
  format: z.literal('bcci-counter-catalogue'),
  formatVersion: z.literal(1),
  title: z.string().trim().max(500).optional(),
  note: z.string().trim().max(5000).optional(),
  procedures: z.array(procedureSchema).max(100_000),
});
export type CatalogueFile = z.infer<typeof catalogueFileSchema>;
