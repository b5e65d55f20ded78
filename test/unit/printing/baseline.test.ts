import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../main/devices/escpos/encoding/decode';
import { renderWithNodeThermalPrinterDefault } from '../../../main/devices/printing/baseline';
import { renderReceipt } from '../../../main/devices/printing/escpos';
import { getProfile } from '../../../main/devices/printing/profiles';
import { STANDARD_RECEIPT_DATA, standardReceipt } from '../../../main/devices/printing/sampleReceipt';
import type { PrinterProfile } from '../../../main/devices/types';
import { walkEscpos } from './escposStream';

const epson = getProfile('epson-tm-80') as PrinterProfile;

/** What an Epson with its real tables prints for the bytes. */
const printed = (bytes: Uint8Array): string => decodeText(walkEscpos(bytes).text, epson.vietnamese.slots);

describe("node-thermal-printer's default output (the bench's baseline)", () => {
  const baseline = renderWithNodeThermalPrinterDefault(standardReceipt(), epson);

  it('builds a receipt, with the dossier code', () => {
    expect(baseline.length).toBeGreaterThan(1000);
    expect(Buffer.from(baseline).includes(Buffer.from(STANDARD_RECEIPT_DATA.dossierCode))).toBe(true);
  });

  it('loses the Vietnamese on an Epson: TCVN-3 bytes under ESC t 52 (CP1258)', () => {
    expect(Buffer.from(baseline).includes(Buffer.from([0x1b, 0x74, 52]))).toBe(true);
    expect(printed(baseline)).not.toContain(STANDARD_RECEIPT_DATA.applicant);
    expect(printed(renderReceipt(standardReceipt(), epson, 'tcvn3'))).toContain(STANDARD_RECEIPT_DATA.applicant);
  });
});
