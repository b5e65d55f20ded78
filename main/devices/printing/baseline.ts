import { CharacterSet, PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
import type { ReceiptDocument } from '../../../shared/printing/document';
import type { PrinterProfile } from '../types';

/**
 * The comparison point for the printing bench and tests: the same receipt as node-thermal-printer
 * builds it when used the ordinary way (println, tableCustom, drawLine, code128, printQR, cut),
 * text through the library's own encoding. Not used for printing.
 *
 * One departure from a bare constructor: characterSet PC437_USA, the table an ESC/POS printer is
 * in at power-on. Without it the library logs an iconv error with a stack trace for the first
 * non-ASCII character of every receipt (then falls into the same code-page search), which would
 * flood a benchmark's output.
 */
export function renderWithNodeThermalPrinterDefault(doc: ReceiptDocument, profile: PrinterProfile): Uint8Array {
  const printer = new ThermalPrinter({ type: PrinterTypes.EPSON, interface: '', width: profile.columns, characterSet: CharacterSet.PC437_USA });
  const align = (a: 'left' | 'center' | 'right' | undefined): void => {
    if (a === 'center') printer.alignCenter();
    else if (a === 'right') printer.alignRight();
    else printer.alignLeft();
  };
  for (const block of doc.blocks) {
    switch (block.type) {
      case 'text':
        align(block.align);
        if (block.size === 2) printer.setTextQuadArea();
        printer.bold(block.bold ?? false);
        printer.underline(block.underline ?? false);
        printer.println(block.text);
        printer.setTextNormal();
        break;
      case 'columns': {
        const total = block.cells.reduce((sum, c) => sum + c.width, 0);
        align('left');
        printer.tableCustom(
          block.cells.map((c) => ({
            text: c.text,
            width: c.width / total,
            align: c.align === 'center' ? 'CENTER' : c.align === 'right' ? 'RIGHT' : 'LEFT',
            bold: c.bold ?? false,
          })),
        );
        break;
      }
      case 'rule':
        printer.drawLine(block.char);
        break;
      case 'barcode':
        align(block.align ?? 'center');
        printer.code128(block.data, { height: block.height ?? 64 });
        break;
      case 'qr':
        align(block.align ?? 'center');
        printer.printQR(block.data, { cellSize: Math.min(block.size ?? 6, 8) });
        break;
      case 'feed':
        for (let i = 0; i < block.lines; i++) printer.newLine();
        break;
      case 'cut':
        printer.cut();
        break;
    }
  }
  return Uint8Array.from(printer.getBuffer());
}
