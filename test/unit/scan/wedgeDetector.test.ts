import { describe, expect, it } from 'vitest';
import { WedgeDetector, type WedgeAction, type WedgeKeyInput, type WedgeOptions } from '../../../renderer/features/scanner/wedgeDetector';
import { calibrate, calibrationMessages, type CalibrationSample } from '../../../renderer/features/scanner/calibrate';

type Key = Omit<WedgeKeyInput, 'timeStamp'> & { t: number };

interface Outcome {
  /** What the focused field ends up containing. */
  field: string;
  scans: Extract<WedgeAction, { type: 'scan' }>[];
  /** End keys (Enter/Tab) that reached the page. */
  passedEndKeys: number;
  /** For each released character: how long it was held. */
  holdTimes: number[];
}

/**
 * Plays keystrokes through a detector the way the hook does: timers fire at `nextDeadline()`
 * before later keys, and the field receives passed keys and released text in order.
 */
function play(keys: Key[], options: Partial<WedgeOptions> = {}, acceptsScan = false): Outcome {
  const d = new WedgeDetector(options);
  const out: Outcome = { field: '', scans: [], passedEndKeys: 0, holdTimes: [] };
  const heldAt: number[] = [];
  let now = 0;
  const perform = (actions: WedgeAction[]) => {
    for (const a of actions) {
      if (a.type === 'release') {
        out.field += a.keys.join('');
        for (let i = 0; i < a.keys.length; i++) out.holdTimes.push(now - (heldAt.shift() ?? now));
      } else {
        out.scans.push(a);
        heldAt.length = 0;
      }
    }
  };
  const runTimers = (until: number) => {
    for (let dl = d.nextDeadline(); dl !== null && dl <= until; dl = d.nextDeadline()) {
      now = dl;
      perform(d.tick(dl));
    }
  };
  for (const k of keys) {
    runTimers(k.t);
    now = k.t;
    const { t, ...rest } = k;
    const dec = d.feed({ ...rest, timeStamp: t }, { acceptsScan });
    perform(dec.before);
    if (dec.key === 'hold') heldAt.push(t);
    else if (k.key === 'Backspace') out.field = out.field.slice(0, -1);
    else if (k.key === 'Enter' || k.key === 'Tab') out.passedEndKeys++;
    else if (Array.from(k.key).length === 1 && !k.ctrlKey && !k.metaKey) out.field += k.key;
  }
  runTimers(Infinity);
  return out;
}

/** Deterministic pseudo-random numbers in [a, b]. */
function rng(seed: number) {
  let s = seed >>> 0;
  return (a: number, b: number) => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return a + (s / 2 ** 32) * (b - a);
  };
}

function typed(text: string, start: number, gap: (i: number) => number, end?: { key: string; gap: number }): Key[] {
  const keys: Key[] = [];
  let t = start;
  for (const [i, ch] of Array.from(text).entries()) {
    if (i > 0) t += gap(i);
    keys.push({ key: ch, t });
  }
  if (end) keys.push({ key: end.key, t: t + end.gap });
  return keys;
}

const S10 = 'EA123456785VN';

describe('WedgeDetector — scanners', () => {
  it('a scanner at 5–20 ms per key with Enter: one scan, nothing typed, Enter swallowed', () => {
    const r = rng(1);
    const out = play(typed(S10, 1000, () => r(5, 20), { key: 'Enter', gap: 8 }));
    expect(out.scans.map((s) => [s.raw, s.endedBy, s.typed])).toEqual([[S10, 'Enter', false]]);
    expect(out.field).toBe('');
    expect(out.passedEndKeys).toBe(0);
    expect(Math.max(...out.scans[0].gaps)).toBeLessThanOrEqual(20);
  });

  it('a long CCCD QR typed at 1–10 ms per key with Tab', () => {
    const qr = '001092012345||NGUYEN VAN AN|15061992|Nam|So 12 Hang Bac, Hoan Kiem, Ha Noi|20042021';
    const r = rng(2);
    const out = play(typed(qr, 50, () => r(1, 10), { key: 'Tab', gap: 3 }));
    expect(out.scans.map((s) => s.raw)).toEqual([qr]);
    expect(out.field).toBe('');
  });

  it('Shift before capitals (as scanners send them) does not break a scan', () => {
    const keys: Key[] = [];
    let t = 0;
    for (const ch of S10) {
      if (/[A-Z]/.test(ch)) keys.push({ key: 'Shift', t: (t += 2) });
      keys.push({ key: ch, t: (t += 6) });
    }
    keys.push({ key: 'Enter', t: t + 5 });
    expect(play(keys).scans.map((s) => s.raw)).toEqual([S10]);
  });

  it('a Zebra-like scanner at ~60 ms per key: typed like a person with the defaults, a scan once calibrated', () => {
    const r = rng(3);
    const scan = (start: number) => typed(S10, start, () => r(50, 62), { key: 'Enter', gap: 55 });
    // default 40 ms: cannot be told from typing — it reaches the field (late), Enter passes
    const raw = play(scan(0));
    expect(raw.scans).toEqual([]);
    expect(raw.field).toBe(S10);
    // calibrate on three test scans, as the setup screen does
    const samples: CalibrationSample[] = [0, 5000, 10000].map((s) => ({ keys: scan(s).map((k) => ({ key: k.key, timeStamp: k.t })) }));
    const cal = calibrate(samples, { expected: S10 });
    expect(cal.ok).toBe(true);
    if (!cal.ok) return;
    expect(cal.options.maxInterKeyMs).toBe(100); // 62 × 1.5 + 10 = 103 → capped at 100
    const out = play(scan(20000), cal.options);
    expect(out.scans.map((s) => s.raw)).toEqual([S10]);
    expect(out.field).toBe('');
    expect(out.passedEndKeys).toBe(0);
  });

  it('a scan without Enter ends after idleEndMs of silence', () => {
    const out = play(typed(S10, 0, () => 10));
    expect(out.scans.map((s) => [s.raw, s.endedBy, s.endedAt])).toEqual([[S10, 'idle', 120]]);
    expect(out.field).toBe('');
  });

  it('a short fast burst ended by silence (< minIdleLength) is released, not taken for a scan', () => {
    const out = play(typed('abcde', 0, () => 15));
    expect(out.scans).toEqual([]);
    expect(out.field).toBe('abcde');
  });

  it('two scans back to back', () => {
    const keys = [...typed(S10, 0, () => 8, { key: 'Enter', gap: 8 }), ...typed('RR473124829GB', 300, () => 8, { key: 'Enter', gap: 8 })];
    expect(play(keys).scans.map((s) => s.raw)).toEqual([S10, 'RR473124829GB']);
  });

  it('a person typing, then a scan soon after: both handled', () => {
    const keys = [...typed('abc', 0, () => 150), ...typed(S10, 600, () => 7, { key: 'Enter', gap: 7 })];
    const out = play(keys);
    expect(out.field).toBe('abc');
    expect(out.scans.map((s) => s.raw)).toEqual([S10]);
  });

  it('a field that accepts scans receives the keys at once; the scan is still reported', () => {
    const out = play(typed(S10, 0, () => 9, { key: 'Enter', gap: 9 }), {}, true);
    expect(out.field).toBe(S10);
    expect(out.holdTimes).toEqual([]);
    expect(out.passedEndKeys).toBe(1);
    expect(out.scans.map((s) => [s.raw, s.typed])).toEqual([[S10, true]]);
  });
});

describe('WedgeDetector — people', () => {
  it('a person at 120–250 ms per key never counts as a scan; each key is held at most maxInterKeyMs', () => {
    const r = rng(4);
    const text = 'Nguyen Van An 1.001193 EA123456785VN';
    const out = play(typed(text, 0, () => r(120, 250), { key: 'Enter', gap: 180 }));
    expect(out.scans).toEqual([]);
    expect(out.field).toBe(text);
    expect(out.passedEndKeys).toBe(1);
    expect(Math.max(...out.holdTimes)).toBeLessThanOrEqual(41);
  });

  it.each([
    ['ab', 20],
    ['the', 25],
    ['ing', 12],
  ])('a quick burst %j at %i ms, even followed by Enter at once, is typing', (word, gap) => {
    const out = play(typed(word, 0, () => gap, { key: 'Enter', gap }));
    expect(out.scans).toEqual([]);
    expect(out.field).toBe(word);
    expect(out.passedEndKeys).toBe(1);
  });

  it('a fast typist: bursts of 2–3 keys inside slower typing', () => {
    const gaps = [90, 25, 20, 140, 30, 110, 18, 22, 160, 95, 28];
    const text = 'dang ky ket';
    const out = play(typed(text, 0, (i) => gaps[i - 1], { key: 'Enter', gap: 120 }));
    expect(out.scans).toEqual([]);
    expect(out.field).toBe(text);
  });

  it('key auto-repeat (held key) is typing', () => {
    const keys: Key[] = [{ key: 'a', t: 0 }, ...Array.from({ length: 12 }, (_, i) => ({ key: 'a', t: 500 + i * 33, repeat: true }))];
    const out = play(keys);
    expect(out.scans).toEqual([]);
    expect(out.field).toBe('a'.repeat(13));
  });

  it('order is kept: held keys are released before a Backspace takes effect', () => {
    const out = play([
      { key: 'a', t: 0 },
      { key: 'b', t: 20 },
      { key: 'Backspace', t: 30 },
    ]);
    expect(out.field).toBe('a');
  });

  it('Vietnamese input methods (Unikey/EVKey): Backspaces followed by a fast rewrite pass at once', () => {
    // "truowng" → the IME deletes and re-sends "ường" within a few ms
    const keys: Key[] = [
      ...typed('truowng', 0, () => 130),
      { key: 'Backspace', t: 1000 },
      { key: 'Backspace', t: 1002 },
      { key: 'Backspace', t: 1004 },
      { key: 'Backspace', t: 1006 },
      { key: 'Backspace', t: 1008 },
      ...typed('ường', 1010, () => 2),
    ];
    const out = play(keys);
    expect(out.scans).toEqual([]);
    expect(out.field).toBe('trường');
  });

  it('IME composition and Ctrl/Alt shortcuts are never part of a scan', () => {
    const composing = play([...typed('abcdefgh', 0, () => 5).map((k) => ({ ...k, isComposing: true })), { key: 'Enter', t: 45, isComposing: true }]);
    expect(composing.scans).toEqual([]);
    const shortcut = play([...typed('abcd', 0, () => 5), { key: 'l', t: 22, ctrlKey: true }, ...typed('efgh', 25, () => 5, { key: 'Enter', gap: 5 })]);
    expect(shortcut.scans).toEqual([]);
    expect(shortcut.field).toBe('abcdefgh');
  });

  it('AltGr characters (Ctrl+Alt) count as characters', () => {
    const keys = typed('ab@cd.vn', 0, () => 6, { key: 'Enter', gap: 6 }).map((k) => (k.key === '@' ? { ...k, ctrlKey: true, altKey: true } : k));
    expect(play(keys).scans.map((s) => s.raw)).toEqual(['ab@cd.vn']);
  });

  it('flush gives back everything held', () => {
    const d = new WedgeDetector();
    d.feed({ key: 'x', timeStamp: 0 });
    d.feed({ key: 'y', timeStamp: 5 });
    expect(d.heldCount).toBe(2);
    expect(d.flush()).toEqual([{ type: 'release', keys: ['x', 'y'] }]);
    expect(d.nextDeadline()).toBeNull();
  });
});

describe('calibrate', () => {
  const sample = (gaps: number[], end: string | null = 'Enter', text = 'TEST-12345'): CalibrationSample => {
    const keys = [];
    let t = 100;
    const chars = Array.from(text);
    for (let i = 0; i < chars.length; i++) {
      if (i > 0) t += gaps[(i - 1) % gaps.length];
      keys.push({ key: chars[i], timeStamp: t });
    }
    if (end) keys.push({ key: end, timeStamp: t + gaps[0] });
    return { keys };
  };

  it('max gap × 1.5 + 10, not below the default 40', () => {
    const fast = calibrate([sample([3, 5]), sample([4, 8]), sample([6, 2])]);
    expect(fast).toMatchObject({ ok: true, options: { maxInterKeyMs: 40, idleEndMs: 150 }, observed: { maxGapMs: 8, endKey: 'Enter' } });
    const mid = calibrate([sample([20, 30]), sample([25]), sample([22, 28])]);
    expect(mid).toMatchObject({ ok: true, options: { maxInterKeyMs: 55 }, warnings: [] });
  });

  it('slow scanners: capped at 100 with a warning; ≥ 100 ms refused', () => {
    const slow = calibrate([sample([70, 80]), sample([75]), sample([72])]);
    expect(slow).toMatchObject({ ok: true, options: { maxInterKeyMs: 100, idleEndMs: 150 }, warnings: [{ code: 'slow', maxGapMs: 80 }] });
    const tooSlow = calibrate([sample([70, 120]), sample([75]), sample([72])]);
    expect(tooSlow).toEqual({ ok: false, issue: 'too-slow', maxGapMs: 120 });
    expect(calibrationMessages(tooSlow)[1]).toMatch(/cổng COM/);
  });

  it('refuses too few, different or mangled scans', () => {
    expect(calibrate([sample([5]), sample([5])])).toEqual({ ok: false, issue: 'too-few', needed: 3 });
    expect(calibrate([sample([5]), sample([5]), sample([5], 'Enter', 'TEST-12346')])).toMatchObject({ ok: false, issue: 'inconsistent' });
    const mangled = calibrate([sample([5], 'Enter', 'TEST)12345'), sample([5], 'Enter', 'TEST)12345'), sample([5], 'Enter', 'TEST)12345')], { expected: 'TEST-12345' });
    expect(mangled).toEqual({ ok: false, issue: 'mismatch', got: 'TEST)12345', expected: 'TEST-12345' });
    expect(calibrationMessages(mangled)[0]).toBe('Máy quét gõ ra "TEST)12345" thay vì "TEST-12345": bố cục bàn phím của máy quét không khớp với máy tính. Hãy đặt máy quét về bố cục US.');
  });

  it('no end key: warns that scans end by silence', () => {
    const r = calibrate([sample([5], null), sample([5], null), sample([5], null)]);
    expect(r).toMatchObject({ ok: true, observed: { endKey: null }, warnings: [{ code: 'no-end-key', idleEndMs: 150 }] });
    expect(calibrationMessages(r)).toEqual([
      'Đã hiệu chỉnh: khoảng cách lớn nhất giữa hai phím 5 ms → ngưỡng 40 ms.',
      'Máy quét không gửi Enter hoặc Tab sau mã; mã được nhận sau 150 ms không gõ. Nên cài máy quét gửi Enter.',
    ]);
  });
});
