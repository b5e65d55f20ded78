import { describe, expect, it } from 'vitest';
import {
  asbCommand,
  combineStatus,
  dleEot,
  isDleEotStatusByte,
  parseAsb,
  parseDleEot,
  statusWords,
} from '../../../main/devices/printing/status';

/** A DLE EOT reply: the fixed bits (1 and 4 set) plus the given bits. */
const reply = (...bits: number[]): number => bits.reduce((b, n) => b | (1 << n), 0x12);

describe('DLE EOT', () => {
  it('builds the four requests', () => {
    expect([...dleEot(1)]).toEqual([0x10, 0x04, 0x01]);
    expect([...dleEot(4)]).toEqual([0x10, 0x04, 0x04]);
  });

  it('reads a ready printer', () => {
    const facts = ([1, 2, 3, 4] as const).map((n) => parseDleEot(n, 0x12));
    expect(combineStatus(facts.map((f) => f ?? {}))).toEqual({
      online: true,
      coverOpen: false,
      paperOut: false,
      paperNearEnd: false,
      error: false,
      feedButton: false,
    });
  });

  it('decodes paper out, cover open, near end, offline and errors', () => {
    expect(parseDleEot(1, reply(3))).toEqual({ online: false });
    expect(parseDleEot(2, reply(2))).toMatchObject({ coverOpen: true, paperOut: false, error: false });
    expect(parseDleEot(2, reply(5))).toMatchObject({ paperOut: true });
    expect(parseDleEot(2, reply(3))).toMatchObject({ feedButton: true });
    expect(parseDleEot(2, reply(6))).toMatchObject({ error: true });
    expect(parseDleEot(3, reply(3))).toEqual({ error: true });
    expect(parseDleEot(3, reply(5))).toEqual({ error: true });
    expect(parseDleEot(3, reply(6))).toEqual({ error: true });
    expect(parseDleEot(3, 0x12)).toEqual({ error: false });
    expect(parseDleEot(4, reply(2, 3))).toEqual({ paperNearEnd: true, paperOut: false });
    expect(parseDleEot(4, reply(5, 6))).toEqual({ paperNearEnd: false, paperOut: true });
    expect(parseDleEot(4, reply(2, 3, 5, 6))).toEqual({ paperNearEnd: true, paperOut: true });
    // Epson's actual bytes: 0x72 = paper end on the roll sensor, 0x1e = near end
    expect(parseDleEot(4, 0x72)).toMatchObject({ paperOut: true });
    expect(parseDleEot(4, 0x1e)).toMatchObject({ paperNearEnd: true });
  });

  it('rejects bytes without the fixed bits as not a status byte', () => {
    for (const byte of [0x00, 0xff, 0x10, 0x02, 0x13, 0x92, 0x41, 0x0a, 0x3f]) {
      expect(isDleEotStatusByte(byte), byte.toString(16)).toBe(false);
      expect(parseDleEot(1, byte)).toBeNull();
      expect(parseDleEot(4, byte)).toBeNull();
    }
    expect(isDleEotStatusByte(0x12)).toBe(true);
    expect(isDleEotStatusByte(0x16 | 0x60)).toBe(true);
  });

  it('combines replies: any fault reported counts', () => {
    const status = combineStatus([{ online: false }, { coverOpen: true, paperOut: false }, { error: false }, { paperNearEnd: true, paperOut: false }]);
    expect(status).toMatchObject({ online: false, coverOpen: true, paperOut: false, paperNearEnd: true, error: false });
  });
});

describe('Automatic Status Back', () => {
  it('enables and disables ASB with GS a', () => {
    expect([...asbCommand()]).toEqual([0x1d, 0x61, 0x0e]);
    expect([...asbCommand(false)]).toEqual([0x1d, 0x61, 0x00]);
  });

  it('parses the 4-byte message', () => {
    expect(parseAsb([0x10, 0x00, 0x00, 0x00])).toEqual({
      online: true,
      coverOpen: false,
      feedButton: false,
      error: false,
      paperNearEnd: false,
      paperOut: false,
    });
    expect(parseAsb([0x10 | 0x08 | 0x20, 0x00, 0x0c, 0x00])).toMatchObject({ online: false, coverOpen: true, paperOut: true });
    expect(parseAsb([0x10, 0x08, 0x03, 0x00])).toMatchObject({ error: true, paperNearEnd: true, paperOut: false });
  });

  it('rejects what is not an ASB message', () => {
    expect(parseAsb([0x12, 0, 0, 0])).toBeNull(); // a DLE EOT reply, not ASB
    expect(parseAsb([0x10, 0x80, 0, 0])).toBeNull();
    expect(parseAsb([0x10, 0, 0x10, 0])).toBeNull();
    expect(parseAsb([0x10, 0, 0])).toBeNull();
  });
});

describe('statusWords', () => {
  const ok = { online: true, coverOpen: false, paperOut: false, paperNearEnd: false, error: false };

  it('says nothing for a ready printer', () => {
    expect(statusWords(ok)).toEqual([]);
  });

  it('names the causes in Vietnamese, not the offline they cause', () => {
    expect(statusWords({ ...ok, online: false, paperOut: true, paperNearEnd: true })).toEqual(['hết giấy']);
    expect(statusWords({ ...ok, paperNearEnd: true })).toEqual(['sắp hết giấy']);
    expect(statusWords({ ...ok, online: false, coverOpen: true })).toEqual(['nắp mở']);
    expect(statusWords({ ...ok, error: true })).toEqual(['máy in lỗi']);
    expect(statusWords({ ...ok, online: false })).toEqual(['máy in ngoại tuyến']);
    expect(statusWords({ ...ok, online: false, coverOpen: true, paperOut: true, error: true })).toEqual(['hết giấy', 'nắp mở', 'máy in lỗi']);
  });
});
