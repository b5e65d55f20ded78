import { afterEach, describe, expect, it, vi } from 'vitest';
import { ScanFramer, decodeUtf8, type FramerTimers, type ScanFrame, type ScanFramerOptions } from '../../../main/devices/scanner/framing';
import { classifyScan } from '../../../shared/scan/classify';

/** A manual clock: time moves only when the test says so. */
class ManualTimers implements FramerTimers {
  t = 0;
  private seq = 0;
  private pending = new Map<number, { at: number; fn: () => void }>();
  now = () => this.t;
  setTimeout = (fn: () => void, ms: number) => {
    const id = ++this.seq;
    this.pending.set(id, { at: this.t + ms, fn });
    return id;
  };
  clearTimeout = (h: unknown) => {
    this.pending.delete(h as number);
  };
  advance(ms: number): void {
    const until = this.t + ms;
    for (;;) {
      const next = [...this.pending.entries()].filter(([, p]) => p.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
      if (!next) break;
      this.pending.delete(next[0]);
      this.t = next[1].at;
      next[1].fn();
    }
    this.t = until;
  }
  get count(): number {
    return this.pending.size;
  }
}

const enc = (s: string) => new TextEncoder().encode(s);

function framer(options: ScanFramerOptions) {
  const frames: ScanFrame[] = [];
  const f = new ScanFramer(options, (fr) => frames.push(fr));
  return { f, frames, texts: () => frames.map((x) => x.text) };
}

const CCCD = '079303001234||Trần Thị Bích Ngọc|02012003|Nữ|Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh|10082021';
const S10 = 'EA123456785VN';

afterEach(() => {
  vi.useRealTimers();
});

describe('ScanFramer — suffix mode', () => {
  it('one frame per scan, suffix removed', () => {
    const { f, texts, frames } = framer({ mode: 'suffix', suffix: 'CR' });
    f.push(enc(`${S10}\r`));
    expect(texts()).toEqual([S10]);
    expect(frames[0]).toMatchObject({ end: 'suffix', invalidUtf8: false, byteLength: 13 });
  });

  it.each(['CR', 'LF', 'CRLF', 'TAB'] as const)('the same frames for chunk splits at every position (%s)', (suffix) => {
    const sfx = { CR: '\r', LF: '\n', CRLF: '\r\n', TAB: '\t' }[suffix];
    const stream = enc(`${CCCD}${sfx}${S10}${sfx}1.001193${sfx}`);
    for (let i = 0; i <= stream.length; i++) {
      for (const j of [i, Math.min(stream.length, i + 1), Math.min(stream.length, i + 3)]) {
        const { f, texts } = framer({ mode: 'suffix', suffix });
        f.push(stream.subarray(0, i));
        f.push(stream.subarray(i, j));
        f.push(stream.subarray(j));
        expect(texts()).toEqual([CCCD, S10, '1.001193']);
      }
    }
  });

  it('byte by byte, with multi-byte Vietnamese letters split across chunks', () => {
    const { f, texts, frames } = framer({ mode: 'suffix', suffix: 'CR' });
    for (const b of enc(`${CCCD}\r`)) f.push(Uint8Array.of(b));
    expect(texts()).toEqual([CCCD]);
    expect(frames[0].invalidUtf8).toBe(false);
  });

  it('CR and LF always end a frame; CRLF never yields an empty frame', () => {
    for (const suffix of ['CR', 'LF', 'CRLF'] as const) {
      const { f, texts } = framer({ mode: 'suffix', suffix });
      f.push(enc(`A1\r\nB2\rC3\nD4\r\n\r\n`));
      expect(texts()).toEqual(['A1', 'B2', 'C3', 'D4']);
    }
  });

  it('TAB ends a frame only when configured', () => {
    const tab = framer({ mode: 'suffix', suffix: 'TAB' });
    tab.f.push(enc('A\tB\t'));
    expect(tab.texts()).toEqual(['A', 'B']);
    const cr = framer({ mode: 'suffix', suffix: 'CR' });
    cr.f.push(enc('A\tB\r'));
    expect(cr.texts()).toEqual(['A\tB']);
  });

  it('a lost suffix: what arrived is emitted as incomplete after the timeout, never glued to the next scan', () => {
    const timers = new ManualTimers();
    const { f, frames, texts } = framer({ mode: 'suffix', suffix: 'CR', incompleteAfterMs: 1000, timers });
    f.push(enc('EA1234'));
    timers.advance(999);
    expect(frames).toHaveLength(0);
    f.push(enc('56785VN'));
    timers.advance(999);
    expect(frames).toHaveLength(0);
    timers.advance(1);
    expect(frames).toHaveLength(1);
    expect(frames[0]).toMatchObject({ text: S10, end: 'incomplete' });
    f.push(enc(`${S10}\r`));
    expect(texts()).toEqual([S10, S10]);
    expect(frames[1].end).toBe('suffix');
    expect(timers.count).toBe(0);
  });

  it('overlong frames: cut to maxLength, the rest discarded up to the suffix, one frame, the next scan intact', () => {
    const { f, frames, texts } = framer({ mode: 'suffix', suffix: 'CR', maxLength: 16 });
    f.push(enc('x'.repeat(10)));
    f.push(enc('y'.repeat(30)));
    f.push(enc(`z\r${S10}\r`));
    expect(frames).toHaveLength(2);
    expect(frames[0]).toMatchObject({ end: 'overflow', byteLength: 41, text: 'x'.repeat(10) + 'y'.repeat(6) });
    expect(frames[0].bytes).toHaveLength(16);
    expect(texts()[1]).toBe(S10);
    expect(frames[1].end).toBe('suffix');
  });

  it('exactly maxLength bytes is not an overflow', () => {
    const { f, frames } = framer({ mode: 'suffix', suffix: 'CR', maxLength: 13 });
    f.push(enc(`${S10}\r`));
    expect(frames[0]).toMatchObject({ text: S10, end: 'suffix' });
  });

  it('invalid UTF-8 and binary noise become one frame that classifies as unknown', () => {
    const { f, frames } = framer({ mode: 'suffix', suffix: 'CR' });
    f.push(Uint8Array.of(0xff, 0x00, 0x13, 0x41, 0xc3, 0x28, 0xe2, 0x82, 0x0d));
    f.push(enc(`${S10}\r`));
    expect(frames).toHaveLength(2);
    expect(frames[0].invalidUtf8).toBe(true);
    expect(frames[0].text).toContain('\uFFFD');
    expect(classifyScan(frames[0].text)).toMatchObject({ kind: 'unknown', reason: 'encoding' });
    expect(classifyScan(frames[1].text)).toMatchObject({ kind: 's10' });
  });

  it('random binary noise never throws and never produces more frames than terminators', () => {
    let seed = 12345;
    const rnd = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
    const { f, frames } = framer({ mode: 'suffix', suffix: 'CR', maxLength: 64 });
    let terminators = 0;
    for (let i = 0; i < 2000; i++) {
      const chunk = Uint8Array.from({ length: Math.floor(rnd() * 40) }, () => Math.floor(rnd() * 256));
      terminators += chunk.filter((b) => b === 0x0d || b === 0x0a).length;
      f.push(chunk);
    }
    expect(frames.length).toBeLessThanOrEqual(terminators);
    for (const fr of frames) expect(fr.bytes.length).toBeLessThanOrEqual(64);
    for (const fr of frames) expect(() => classifyScan(fr.text)).not.toThrow();
  });

  it('a throwing listener does not break the next scan', () => {
    const seen: string[] = [];
    const f = new ScanFramer({ mode: 'suffix', suffix: 'CR' }, (fr) => {
      seen.push(fr.text);
      throw new Error('listener bug');
    });
    f.push(enc('A1\rB2\r'));
    expect(seen).toEqual(['A1', 'B2']);
  });

  it('flush, reset and dispose', () => {
    const { f, frames } = framer({ mode: 'suffix', suffix: 'CR' });
    f.push(enc('ABC'));
    expect(f.pendingBytes).toBe(3);
    f.flush();
    expect(frames.map((x) => [x.text, x.end])).toEqual([['ABC', 'flush']]);
    f.push(enc('DEF'));
    f.reset();
    f.push(enc('G\r'));
    expect(frames.map((x) => x.text)).toEqual(['ABC', 'G']);
    f.dispose();
    f.push(enc('H\r'));
    expect(frames).toHaveLength(2);
  });
});

describe('ScanFramer — idle mode', () => {
  it('ends a scan after the gap (injected clock), not before', () => {
    const timers = new ManualTimers();
    const { f, frames } = framer({ mode: 'idle', gapMs: 300, timers });
    f.push(enc('EA1234'));
    timers.advance(200);
    f.push(enc('56785VN'));
    timers.advance(299);
    expect(frames).toHaveLength(0);
    timers.advance(1);
    expect(frames).toHaveLength(1);
    expect(frames[0]).toMatchObject({ text: S10, end: 'idle', firstByteAt: 0, endedAt: 500 });
  });

  it('defaults to 300 ms; two scans separated by a pause stay two', () => {
    const timers = new ManualTimers();
    const { f, texts } = framer({ mode: 'idle', timers });
    f.push(enc(S10));
    timers.advance(300);
    f.push(enc('1.001193'));
    timers.advance(300);
    expect(texts()).toEqual([S10, '1.001193']);
  });

  it('CR / LF still end a frame at once in idle mode', () => {
    const timers = new ManualTimers();
    const { f, frames } = framer({ mode: 'idle', gapMs: 300, timers });
    f.push(enc(`${S10}\r\n`));
    expect(frames.map((x) => [x.text, x.end])).toEqual([[S10, 'suffix']]);
    expect(timers.count).toBe(0);
  });

  it('overlong without a terminator: one overflow frame at the gap', () => {
    const timers = new ManualTimers();
    const { f, frames } = framer({ mode: 'idle', gapMs: 300, maxLength: 8, timers });
    f.push(enc('0123456789abcdef'));
    timers.advance(300);
    expect(frames).toHaveLength(1);
    expect(frames[0]).toMatchObject({ end: 'overflow', byteLength: 16, text: '01234567' });
  });

  it('works with the default timers under vitest fake timers', () => {
    vi.useFakeTimers();
    const { f, texts } = framer({ mode: 'idle', gapMs: 300 });
    f.push(enc(S10));
    vi.advanceTimersByTime(299);
    expect(texts()).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(texts()).toEqual([S10]);
  });
});

describe('decodeUtf8', () => {
  it('flags invalid input', () => {
    expect(decodeUtf8(enc('Nguyễn'))).toEqual({ text: 'Nguyễn', invalid: false });
    expect(decodeUtf8(Uint8Array.of(0x4e, 0xff))).toEqual({ text: 'N\uFFFD', invalid: true });
    // overlong encoding of "/" and a lone surrogate are invalid too
    expect(decodeUtf8(Uint8Array.of(0xc0, 0xaf)).invalid).toBe(true);
    expect(decodeUtf8(Uint8Array.of(0xed, 0xa0, 0x80)).invalid).toBe(true);
  });
});
