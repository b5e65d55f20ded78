import { describe, expect, it } from 'vitest';
import { EscposTextEncoder } from '../../../main/devices/escpos/encoding/vietnamese';
import { getProfile, listProfiles } from '../../../main/devices/printing/profiles';
import { isEncodedMode } from '../../../main/devices/printing/modes';

describe('built-in printer profiles', () => {
  it('have unique ids and are found by id', () => {
    const ids = listProfiles().map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(getProfile(id)?.id).toBe(id);
    expect(getProfile('no-such-printer')).toBeUndefined();
  });

  it('cover the families of hardware.md, receipts and labels', () => {
    const ids = listProfiles().map((p) => p.id);
    for (const id of ['epson-tm-80', 'xprinter-80', 'xprinter-58', 'pos-5890', 'rongta-rp3xx', 'bixolon-srp', 'zywell-zy-q821', 'generic-58', 'generic-80', 'zpl-203', 'tspl-203']) {
      expect(ids).toContain(id);
    }
    expect(getProfile('zpl-203')?.language).toBe('zpl');
    expect(getProfile('tspl-203')?.language).toBe('tspl');
  });

  it('always offer image, never a mode twice, and have a table for every code-page mode', () => {
    for (const p of listProfiles()) {
      const modes = p.vietnamese.modes;
      expect(modes, p.id).toContain('image');
      expect(new Set(modes).size, p.id).toBe(modes.length);
      // image is the fallback (last), or the best choice (first) where text modes are doubtful
      expect([0, modes.length - 1], p.id).toContain(modes.indexOf('image'));
      for (const mode of modes.filter(isEncodedMode)) expect(() => new EscposTextEncoder(mode, p.vietnamese.slots), `${p.id} ${mode}`).not.toThrow();
    }
  });

  it('use the table numbers of escpos-printer-db', () => {
    expect(getProfile('epson-tm-80')?.vietnamese.slots).toMatchObject({ tcvn3Lower: 30, tcvn3Upper: 31, cp1258: 52 });
    expect(getProfile('rongta-rp3xx')?.vietnamese.slots.cp1258).toBe(35);
    expect(getProfile('pos-5890')?.vietnamese.slots.cp1258).toBe(27);
    expect(getProfile('bixolon-srp')?.vietnamese.slots).toMatchObject({ tcvn3Lower: 30, tcvn3Upper: 31 });
    expect(getProfile('epson-tm-t88v')).toMatchObject({ dotsPerLine: 512, columns: 42 });
  });

  it('put image first where text modes cannot be trusted', () => {
    for (const id of ['pos-5890', 'generic-58', 'generic-80']) expect(getProfile(id)?.vietnamese.modes[0]).toBe('image');
    expect(getProfile('xprinter-80')?.vietnamese.leaveChineseMode).toBe(true);
    expect(getProfile('pos-5890')?.status).toBe('none');
  });

  it('cannot be changed by a caller', () => {
    const p = getProfile('epson-tm-80')!;
    expect(() => {
      p.columns = 10;
    }).toThrow(TypeError);
    expect(() => p.vietnamese.modes.push('ascii')).toThrow(TypeError);
  });
});
