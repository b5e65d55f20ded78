/**
 * Tells a USB "keyboard wedge" barcode scanner from a person, by keystroke timing alone.
 * Pure logic: no React, no DOM — keystrokes in, decisions and actions out, time taken from
 * the keystrokes' own `timeStamp` and from `tick(now)`.
 *
 * ## The problem
 *
 * A scanner "types" its code at 1–20 ms per key (Zebra: up to 60–100 ms) and usually presses
 * Enter or Tab; a person types at 80–300 ms per key. A scan must never type into the focused
 * field (unless that field asks for scans), yet the first characters of a scan arrive before
 * anything tells them apart from a person's.
 *
 * ## The design: hold every character briefly, then release or swallow it
 *
 * A *burst* is a run of character keys each following the previous by ≤ `maxInterKeyMs`.
 *
 * 1. A character key for a field that does not accept scans is HELD: the hook prevents its
 *    default action and remembers it. (For a field that accepts scans — `data-accepts-scan` —
 *    keys PASS at once: the scan is meant to be typed there; detection still reports it.)
 * 2. When `maxInterKeyMs` passes without another key and the burst is shorter than
 *    `minLength`, it was a person: the held characters are RELEASED — the hook inserts them
 *    into the field, in order. A person's keystroke thus appears at most `maxInterKeyMs`
 *    (+ timer latency) late — 40 ms by default, below what people notice. A person at 120 ms
 *    per key makes one-key bursts; a fast typist's 2–3-key roll-over makes a burst shorter
 *    than `minLength`: both are released, never taken for a scan.
 * 3. A burst of ≥ `minLength` characters is a scan candidate, held entirely:
 *    - an end key (`endKeys`: Enter, Tab) within `maxInterKeyMs` of its last character ends it
 *      as a SCAN: the characters and the end key are swallowed and a `scan` action is returned;
 *    - `idleEndMs` of silence ends it as a scan too ("scanner sends no suffix") — if it has at
 *      least `minIdleLength` characters (default 8: every code we read is longer, and a person's
 *      rare 4–7-key roll-over followed by a pause stays theirs); otherwise it is released;
 *    - any other key before that (a character after a gap, Backspace, an arrow…) means a person
 *      was typing: the burst is released first, then that key is handled.
 * 4. Keys that cannot be part of a scan end the burst (released) and pass: keys with Ctrl / Alt
 *    / Meta (AltGr — Ctrl+Alt — counts as a character), non-character keys, auto-repeat
 *    (`repeat`), IME composition (`isComposing`, "Process"). Lone modifiers (Shift, which
 *    scanners send before capitals, CapsLock…) are ignored completely.
 * 5. A burst that starts within `maxInterKeyMs` after a non-character key is not a scan and its
 *    keys pass at once: Vietnamese input methods (Unikey, EVKey: "Telex") rewrite a word by
 *    sending Backspaces followed by a fast run of characters; scanners never send Backspace.
 *
 * Order is preserved: every decision returns the actions to perform BEFORE the key's own
 * default action (e.g. release "ab", then let Backspace delete). The hook must run `tick(now)`
 * at `nextDeadline()` (a timer), and `flush()` when focus leaves or the hook unmounts.
 */

export interface WedgeKeyInput {
  key: string;
  /** Milliseconds, same clock as `tick(now)` (DOM: `event.timeStamp` / `performance.now()`). */
  timeStamp: number;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
  repeat?: boolean;
  isComposing?: boolean;
}

export interface WedgeOptions {
  /** Largest gap between two keys of a scan (default 40). */
  maxInterKeyMs: number;
  /** Shortest scan ended by an end key (default 4). */
  minLength: number;
  /** Keys that end a scan and are swallowed with it (default Enter, Tab). */
  endKeys: readonly string[];
  /** Silence that ends a scan without end key (default 150). */
  idleEndMs: number;
  /** Shortest scan ended by silence (default 8). */
  minIdleLength: number;
}

export const DEFAULT_WEDGE_OPTIONS: Readonly<WedgeOptions> = Object.freeze({
  maxInterKeyMs: 40,
  minLength: 4,
  endKeys: Object.freeze(['Enter', 'Tab']),
  idleEndMs: 150,
  minIdleLength: 8,
});

export interface WedgeTarget {
  /** The focused element asks for scans: keys pass through to it, detection still reports. */
  acceptsScan: boolean;
}

export type WedgeAction =
  /** Held characters judged a person's: insert them, in order. */
  | { type: 'release'; keys: string[] }
  | {
      type: 'scan';
      raw: string;
      /** The end key ("Enter", "Tab"), or "idle". */
      endedBy: string;
      /** Some characters went into the focused field (it accepts scans). */
      typed: boolean;
      /** Gaps between consecutive keys (characters, then the end key), ms. */
      gaps: number[];
      startedAt: number;
      endedAt: number;
    };

export interface WedgeDecision {
  /** `pass`: let the browser handle the key. `hold`: prevent its default action. */
  key: 'pass' | 'hold';
  /** To perform before the key itself, in order. */
  before: WedgeAction[];
}

interface BurstKey {
  key: string;
  t: number;
  held: boolean;
}

interface Burst {
  keys: BurstKey[];
  lastT: number;
  /** Started right after a non-character key: an input method, not a scanner. */
  disqualified: boolean;
}

const IGNORED = new Set(['Shift', 'CapsLock', 'Control', 'Alt', 'AltGraph', 'Meta', 'OS', 'Fn', 'FnLock', 'NumLock', 'ScrollLock', 'Hyper', 'Super']);

function isCharacter(ev: WedgeKeyInput): boolean {
  if (Array.from(ev.key).length !== 1) return false;
  const altGr = !!ev.ctrlKey && !!ev.altKey;
  return altGr || (!ev.ctrlKey && !ev.altKey && !ev.metaKey);
}

export class WedgeDetector {
  readonly options: Readonly<WedgeOptions>;
  private burst: Burst | null = null;
  /** Time of the last non-character, non-modifier key. */
  private lastOtherKeyAt = -Infinity;

  constructor(options: Partial<WedgeOptions> = {}) {
    const o = { ...DEFAULT_WEDGE_OPTIONS, ...options };
    this.options = Object.freeze({
      ...o,
      maxInterKeyMs: Math.max(1, o.maxInterKeyMs),
      minLength: Math.max(2, Math.floor(o.minLength)),
      idleEndMs: Math.max(o.idleEndMs, o.maxInterKeyMs + 1),
      minIdleLength: Math.max(Math.floor(o.minIdleLength), Math.floor(o.minLength), 2),
      endKeys: Object.freeze([...o.endKeys]),
    });
  }

  /** Characters currently held (for tests and diagnostics). */
  get heldCount(): number {
    return this.burst?.keys.filter((k) => k.held).length ?? 0;
  }

  /** One keydown. */
  feed(ev: WedgeKeyInput, target: WedgeTarget = { acceptsScan: false }): WedgeDecision {
    const now = ev.timeStamp;
    const before = this.tick(now);

    if (IGNORED.has(ev.key) && !ev.isComposing) return { key: 'pass', before };

    const o = this.options;
    const composing = !!ev.isComposing || ev.key === 'Process' || ev.key === 'Unidentified';

    if (!composing && !ev.repeat && !ev.ctrlKey && !ev.altKey && !ev.metaKey && o.endKeys.includes(ev.key)) {
      const b = this.burst;
      if (b && !b.disqualified && b.keys.length >= o.minLength && now - b.lastT <= o.maxInterKeyMs) {
        this.burst = null;
        before.push(this.scanAction(b, ev.key, now));
        return { key: target.acceptsScan ? 'pass' : 'hold', before };
      }
      before.push(...this.release());
      this.lastOtherKeyAt = now;
      return { key: 'pass', before };
    }

    if (composing || ev.repeat || !isCharacter(ev)) {
      before.push(...this.release());
      this.lastOtherKeyAt = now;
      return { key: 'pass', before };
    }

    // A character.
    let b = this.burst;
    if (b && now - b.lastT > o.maxInterKeyMs) {
      // Too slow to continue the burst. Had it been a scan, silence would have ended it
      // (tick above); a key this soon after means a person was typing.
      before.push(...this.release());
      b = null;
    }
    if (!b) {
      b = { keys: [], lastT: now, disqualified: now - this.lastOtherKeyAt <= o.maxInterKeyMs };
      this.burst = b;
    }
    const hold = !target.acceptsScan && !b.disqualified;
    b.keys.push({ key: ev.key, t: now, held: hold });
    b.lastT = now;
    return { key: hold ? 'hold' : 'pass', before };
  }

  /** Time passes: returns what the silence decided. Call at `nextDeadline()`. */
  tick(now: number): WedgeAction[] {
    const b = this.burst;
    if (!b) return [];
    const o = this.options;
    const gap = now - b.lastT;
    const candidate = !b.disqualified && b.keys.length >= o.minLength;
    if (!candidate) return gap > o.maxInterKeyMs ? this.release() : [];
    if (gap < o.idleEndMs) return [];
    if (b.keys.length >= o.minIdleLength) {
      this.burst = null;
      return [this.scanAction(b, 'idle', b.lastT)];
    }
    return this.release();
  }

  /** When `tick` must run next, or null when nothing is pending. */
  nextDeadline(): number | null {
    const b = this.burst;
    if (!b) return null;
    const o = this.options;
    const candidate = !b.disqualified && b.keys.length >= o.minLength;
    return candidate ? b.lastT + o.idleEndMs : b.lastT + o.maxInterKeyMs + 1;
  }

  /** Gives back everything held (focus left, hook unmounted, detector disabled). */
  flush(): WedgeAction[] {
    return this.release();
  }

  private release(): WedgeAction[] {
    const b = this.burst;
    this.burst = null;
    if (!b) return [];
    const keys = b.keys.filter((k) => k.held).map((k) => k.key);
    return keys.length ? [{ type: 'release', keys }] : [];
  }

  private scanAction(b: Burst, endedBy: string, endedAt: number): WedgeAction {
    const gaps: number[] = [];
    for (let i = 1; i < b.keys.length; i++) gaps.push(b.keys[i].t - b.keys[i - 1].t);
    if (endedBy !== 'idle') gaps.push(endedAt - b.lastT);
    return {
      type: 'scan',
      raw: b.keys.map((k) => k.key).join(''),
      endedBy,
      typed: b.keys.some((k) => !k.held),
      gaps,
      startedAt: b.keys[0].t,
      endedAt,
    };
  }
}
