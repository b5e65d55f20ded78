import bwipjs from 'bwip-js';
import PDFDocument from 'pdfkit';
import { layoutReceipt, lineSegments } from '../../../shared/printing/layout';
import type { ReceiptDocument } from '../../../shared/printing/document';

export interface PdfFonts {
  regular: string;
  bold: string;
}

const MM = 72 / 25.4;

/**
 * A receipt as a PDF on paper of the printer's width, laid out with the same
 * line breaks as the printed one: the "save as PDF" way out when no printer
 * works, and a file the clerk can send or print on A4 later.
 */
export async function receiptToPdf(doc: ReceiptDocument, o: { columns: number; paperWidthMm: number; fonts: PdfFonts; reprintMark?: string }): Promise<Buffer> {
  const layout = layoutReceipt(doc, o.columns);
  const margin = 4 * MM;
  const width = o.paperWidthMm * MM;
  const charWidth = (width - 2 * margin) / o.columns;
  const fontSize = charWidth / 0.6; // DejaVu Sans Mono advances 0.6 em
  const lineHeight = fontSize * 1.25;
  const barcodeHeight = 14 * MM;
  const qrSize = 28 * MM;
  const advance = (item: (typeof layout.items)[number]): number =>
    item.type === 'line'
      ? lineHeight * item.size
      : item.type === 'barcode'
        ? barcodeHeight + lineHeight / 2
        : item.type === 'qr'
          ? qrSize + lineHeight / 2
          : item.type === 'feed'
            ? lineHeight * item.lines
            : lineHeight;
  // The page is exactly as long as the receipt, like the paper roll.
  const height = margin * 2 + (o.reprintMark ? lineHeight * 2 : 0) + layout.items.reduce((sum, item) => sum + advance(item), 0);
  const pdf = new PDFDocument({ size: [width, height], margin, info: { Title: doc.title, Producer: 'BCCI Counter' } });
  pdf.registerFont('mono', o.fonts.regular);
  pdf.registerFont('mono-bold', o.fonts.bold);
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => pdf.on('end', () => resolve(Buffer.concat(chunks))));

  let y = margin;
  if (o.reprintMark) {
    pdf.font('mono-bold').fontSize(fontSize * 2).text(o.reprintMark, margin, y, { width: width - 2 * margin, align: 'center' });
    y += lineHeight * 2;
  }
  for (const item of layout.items) {
    if (item.type === 'line') {
      const scale = item.size;
      let x = margin;
      for (const seg of lineSegments(item)) {
        pdf.font(seg.bold ? 'mono-bold' : 'mono').fontSize(fontSize * scale);
        pdf.text(seg.text, x, y, { lineBreak: false, underline: item.underline });
        x += [...seg.text.normalize('NFC')].length * charWidth * scale;
      }
      y += lineHeight * scale;
    } else if (item.type === 'barcode' || item.type === 'qr') {
      const png = await bwipjs.toBuffer(
        item.type === 'barcode'
          ? { bcid: 'code128', text: item.data, scale: 2, height: 10, includetext: item.showText ?? true, textxalign: 'center' }
          : { bcid: 'qrcode', text: item.data, scale: 3 },
      );
      const w = item.type === 'barcode' ? width - 2 * margin - 8 * MM : qrSize;
      const h = item.type === 'barcode' ? barcodeHeight : qrSize;
      pdf.image(png, margin + (width - 2 * margin - w) / 2, y, { fit: [w, h], align: 'center' });
      y += advance(item);
    } else if (item.type === 'feed') {
      y += advance(item);
    } else {
      pdf.moveTo(margin, y + lineHeight / 2).lineTo(width - margin, y + lineHeight / 2).dash(3, { space: 3 }).stroke().undash();
      y += advance(item);
    }
  }
  pdf.end();
  return done;
}
