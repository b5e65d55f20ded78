import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../main/devices/escpos/encoding/decode';
import { getProfile, listProfiles } from '../../../main/devices/printing/profiles';
import { renderSelfTest, selfTestDocument, selfTestSections, vietnameseAlphabet } from '../../../main/devices/printing/selfTest';
import type { PrinterProfile } from '../../../main/devices/types';
import { walkEscpos } from './escposStream';

const epson = getProfile('epson-tm-80') as PrinterProfile;

/** Splits self-test bytes at each ESC @: the header, one part per section, the closing. */
function parts(bytes: Uint8Array): Uint8Array[] {
  const starts: number[] = [];
  for (let i = 0; i + 1 < bytes.length; i++) {
    if (bytes[i] === 0x1b && bytes[i + 1] === 0x40 && (i === 0 || bytes[i - 1] !== 0x1d)) starts.push(i);
  }
  return starts.map((s, k) => bytes.subarray(s, starts[k + 1] ?? bytes.length));
}

describe('the Vietnamese alphabet of the self-test', () => {
  it('has every toned vowel and đ, in both cases', () => {
    const lower = vietnameseAlphabet('lower');
    expect([...lower.replace(/ /g, '')]).toHaveLength(12 * 6 + 1);
    expect(lower).toContain('ệ');
    expect(lower).toContain('ỵ');
    expect(vietnameseAlphabet('upper')).toContain('Ặ');
    expect(vietnameseAlphabet('upper').endsWith('Đ')).toBe(true);
  });
});

describe('self-test page', () => {
  it('numbers one section per candidate mode, named with its tables', () => {
    expect(selfTestSections(epson).map((s) => s.heading)).toEqual(['1. TCVN-3 (bảng 30/31)', '2. CP1258 (bảng 52)', '3. In dạng ảnh (luôn đúng, chậm hơn)']);
    const xprinter = getProfile('xprinter-58') as PrinterProfile;
    expect(selfTestSections(xprinter)[0].heading).toBe('1. TCVN-3 (bảng 27, chữ hoa in thành chữ thường)');
  });

  it('encodes each section in its own mode, the whole alphabet reading right', () => {
    const bytes = renderSelfTest(epson);
    const [header, tcvn3, cp1258, image] = parts(bytes);
    const headerText = decodeText(walkEscpos(header).text, epson.vietnamese.slots);
    expect(headerText).toContain('TRANG IN THU TIENG VIET');
    expect(headerText).toContain(epson.name);
    for (const [section, number] of [
      [tcvn3, 1],
      [cp1258, 2],
    ] as const) {
      const printed = decodeText(walkEscpos(section).text, epson.vietnamese.slots).replace(/\s+/g, ' ');
      expect(printed).toContain(`${number}. `);
      expect(printed).toContain(vietnameseAlphabet('lower'));
      expect(printed).toContain(vietnameseAlphabet('upper'));
      expect(printed).not.toContain('?');
    }
    const tcvnTables = new Set<number>();
    const t = walkEscpos(tcvn3).text;
    for (let i = 0; i + 2 < t.length; i++) if (t[i] === 0x1b && t[i + 1] === 0x74) tcvnTables.add(t[i + 2]);
    expect(tcvnTables).toEqual(new Set([30, 31]));
    expect(walkEscpos(cp1258).text).toContain(52);
    expect(walkEscpos(image).commands).toContain('GS v 0');
    expect(walkEscpos(bytes).commands).toContain('GS V');
  });

  it('prints for every receipt profile and previews as one document', () => {
    for (const p of listProfiles().filter((x) => x.language === 'escpos')) {
      expect(() => walkEscpos(renderSelfTest(p)), p.id).not.toThrow();
      const doc = selfTestDocument(p);
      expect(doc.blocks.filter((b) => b.type === 'text' && /^\d\. /.test(b.text))).toHaveLength(p.vietnamese.modes.length);
    }
  });
});
