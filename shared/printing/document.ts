import { z } from 'zod';

/**
 * A receipt or a label described once, as data. The same description becomes
 * printer bytes (ESC/POS, ZPL, TSPL) in main and an on-screen preview that looks
 * like the paper in the renderer.
 */

export const alignSchema = z.enum(['left', 'center', 'right']);
export type Align = z.infer<typeof alignSchema>;

const line = z.string().max(2000);

export const printBlockSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('text'),
    text: line,
    align: alignSchema.optional(),
    bold: z.boolean().optional(),
    /** 2 = double width and height (titles). */
    size: z.union([z.literal(1), z.literal(2)]).optional(),
    underline: z.boolean().optional(),
  }),
  z.object({
    type: z.literal('columns'),
    /** Widths are relative weights; the layout turns them into character columns for the paper. */
    cells: z
      .array(z.object({ text: line, width: z.number().positive().max(100), align: alignSchema.optional(), bold: z.boolean().optional() }))
      .min(1)
      .max(6),
  }),
  z.object({ type: z.literal('rule'), char: z.enum(['-', '=']).optional() }),
  z.object({
    type: z.literal('barcode'),
    symbology: z.literal('code128'),
    data: z.string().min(1).max(80),
    /** Bar height in dots. */
    height: z.number().int().min(24).max(255).optional(),
    showText: z.boolean().optional(),
    align: alignSchema.optional(),
  }),
  z.object({
    type: z.literal('qr'),
    data: z.string().min(1).max(1000),
    /** Module size in dots (1–16). */
    size: z.number().int().min(1).max(16).optional(),
    align: alignSchema.optional(),
  }),
  z.object({ type: z.literal('feed'), lines: z.number().int().min(1).max(10) }),
  z.object({ type: z.literal('cut') }),
]);
export type PrintBlock = z.infer<typeof printBlockSchema>;

export const receiptDocumentSchema = z.object({
  kind: z.literal('receipt'),
  title: z.string().max(200),
  blocks: z.array(printBlockSchema).max(2000),
});
export type ReceiptDocument = z.infer<typeof receiptDocumentSchema>;

/** Label positions and sizes in millimetres from the top-left corner. */
export const labelElementSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('text'),
    x: z.number().min(0),
    y: z.number().min(0),
    text: line,
    /** Cap height in millimetres. */
    heightMm: z.number().min(1).max(20),
    bold: z.boolean().optional(),
    maxWidthMm: z.number().positive().optional(),
  }),
  z.object({
    type: z.literal('barcode'),
    x: z.number().min(0),
    y: z.number().min(0),
    symbology: z.literal('code128'),
    data: z.string().min(1).max(80),
    heightMm: z.number().min(3).max(40),
    showText: z.boolean().optional(),
  }),
  z.object({ type: z.literal('qr'), x: z.number().min(0), y: z.number().min(0), data: z.string().min(1).max(1000), cellMm: z.number().min(0.2).max(2) }),
  z.object({ type: z.literal('box'), x: z.number().min(0), y: z.number().min(0), widthMm: z.number().positive(), heightMm: z.number().positive(), thicknessMm: z.number().positive().max(3) }),
]);
export type LabelElement = z.infer<typeof labelElementSchema>;

export const labelDocumentSchema = z.object({
  kind: z.literal('label'),
  title: z.string().max(200),
  widthMm: z.number().min(20).max(200),
  heightMm: z.number().min(10).max(300),
  elements: z.array(labelElementSchema).max(200),
});
export type LabelDocument = z.infer<typeof labelDocumentSchema>;

export const printDocumentSchema = z.discriminatedUnion('kind', [receiptDocumentSchema, labelDocumentSchema]);
export type PrintDocument = z.infer<typeof printDocumentSchema>;
