import { z } from 'zod';

/**
 * An A4 paper document (handover manifest, delivery list, letters to citizens, status slips,
 * Z reports, reports upward) described once, as data. Main renders it to PDF for the office
 * printer (`main/services/printing/a4Pdf.ts`); the renderer shows the same description on screen
 * (`renderer/features/printing/A4Preview.tsx`). Charts are data too, so the app and the PDF draw
 * the same figures.
 */

const text = z.string().max(4000);

export const a4ColumnSchema = z.object({
  title: z.string().max(200),
  /** Relative weight; the renderer scales the weights to the printable width. */
  width: z.number().positive().max(100),
  align: z.enum(['left', 'center', 'right']).optional(),
});

export const a4ChartSchema = z.object({
  chart: z.enum(['bar', 'line']),
  title: z.string().max(200),
  categories: z.array(z.string().max(60)).min(1).max(60),
  series: z
    .array(z.object({ name: z.string().max(100), values: z.array(z.number()) }))
    .min(1)
    .max(6),
  /** Shown after the axis values, e.g. "hồ sơ" or "%". */
  unit: z.string().max(20).optional(),
});
export type A4Chart = z.infer<typeof a4ChartSchema>;

export const a4BlockSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('heading'), text: z.string().max(300) }),
  z.object({
    type: z.literal('paragraph'),
    text,
    align: z.enum(['left', 'center', 'right', 'justify']).optional(),
    bold: z.boolean().optional(),
    italic: z.boolean().optional(),
  }),
  /** Label: value lines ("Người nhận: …"). */
  z.object({ type: z.literal('fields'), rows: z.array(z.object({ label: z.string().max(200), value: text })).max(100) }),
  z.object({
    type: z.literal('table'),
    columns: z.array(a4ColumnSchema).min(1).max(14),
    rows: z.array(z.array(text)).max(20_000),
    /** A bold last row (totals). */
    footer: z.array(text).optional(),
  }),
  /** Side-by-side signature blocks: title (bold), subtitle (italic, "Ký, ghi rõ họ tên"), then the signer's name under the space. */
  z.object({
    type: z.literal('signatures'),
    blocks: z.array(z.object({ title: z.string().max(200), subtitle: z.string().max(200).optional(), name: z.string().max(200).optional() })).min(1).max(4),
  }),
  z.object({ type: z.literal('chart'), ...a4ChartSchema.shape }),
  z.object({ type: z.literal('barcode'), data: z.string().min(1).max(80) }),
  z.object({ type: z.literal('pageBreak') }),
]);
export type A4Block = z.infer<typeof a4BlockSchema>;

export const a4DocumentSchema = z.object({
  kind: z.literal('a4'),
  title: z.string().max(300),
  /** "Số: 12/BK-BC560100"; printed under the title. */
  number: z.string().max(100).optional(),
  orientation: z.enum(['portrait', 'landscape']).optional(),
  /** The two header columns of an official Vietnamese document: issuing body (left), national motto (right). */
  header: z.object({ left: z.array(z.string().max(200)).max(4), right: z.array(z.string().max(200)).max(4) }),
  /** "Khánh Hòa, ngày 21 tháng 11 năm 2026" right-aligned under the header. */
  placeDate: z.string().max(200).optional(),
  blocks: z.array(a4BlockSchema).max(5000),
  /** Small print at the foot of every page (printed by, at, page n/m is added by the renderer). */
  footer: z.string().max(300).optional(),
});
export type A4Document = z.infer<typeof a4DocumentSchema>;

export const NATIONAL_MOTTO = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'];

/** "Khánh Hòa, ngày 21 tháng 11 năm 2026" from an ISO day. */
export function placeDateLine(place: string, isoDay: string): string {
  const [y, m, d] = isoDay.split('-');
  return `${place}, ngày ${d} tháng ${m} năm ${y}`;
}

/**
 * Page margins in millimetres, shared by the PDF and the on-screen preview. Official documents
 * (Nghị định 30/2020) bind on the left, so the left margin is the widest.
 */
export const A4_MARGINS_MM = { top: 15, bottom: 15, left: 20, right: 15 } as const;

/** Paper size in millimetres for an orientation. */
export function a4PaperMm(orientation: 'portrait' | 'landscape' = 'portrait'): { width: number; height: number } {
  return orientation === 'landscape' ? { width: 297, height: 210 } : { width: 210, height: 297 };
}
