import { useEffect, useRef } from 'react';
import { WedgeDetector, type WedgeAction, type WedgeOptions } from './wedgeDetector';

/**
 * Keyboard-wedge scanners, app-wide: a capture-phase keydown listener on `window` feeds a
 * `WedgeDetector` (see there for the timing design) and
 *
 * - prevents the default action (and stops propagation) of keys the detector holds, so a scan
 *   never types into the focused field — unless that field (or an ancestor) has the
 *   `data-accepts-scan` attribute (any value but "false"): then keys reach it as usual;
 * - re-inserts released keys (a person's typing, held ≤ maxInterKeyMs) into the field they were
 *   meant for, in order, through `execCommand('insertText')` when that field still has focus
 *   (keeps undo and React's onChange), else `setRangeText` + an `input` event; when no text
 *   field was focused, it re-dispatches the keydown so app shortcuts still see it;
 * - calls `onScan(raw, info)` for every scan (`info.typed`: it went into an accepting field).
 *
 * Focus leaving the window releases what is held.
 */

export interface WedgeScanInfo {
  typed: boolean;
  endedBy: string;
  gaps: number[];
}

export interface UseWedgeScannerOptions extends Partial<WedgeOptions> {
  /** Default true. */
  enabled?: boolean;
}

/** Events this hook dispatched itself (replays of released keys): never fed back. */
const replayed = new WeakSet<Event>();

function acceptsScan(el: Element | null): boolean {
  const host = el?.closest('[data-accepts-scan]');
  return !!host && host.getAttribute('data-accepts-scan') !== 'false';
}

type TextField = HTMLInputElement | HTMLTextAreaElement;

function isTextField(el: Element | null): el is TextField {
  if (el instanceof HTMLTextAreaElement) return !el.readOnly && !el.disabled;
  if (el instanceof HTMLInputElement) {
    const nonText = ['button', 'checkbox', 'radio', 'submit', 'reset', 'file', 'image', 'color', 'range', 'hidden'];
    return !nonText.includes(el.type) && !el.readOnly && !el.disabled;
  }
  return false;
}

function isEditable(el: Element | null): boolean {
  return isTextField(el) || (el instanceof HTMLElement && el.isContentEditable);
}

function insertInto(target: Element | null, text: string): void {
  if (!target || !target.isConnected) return;
  if (target === document.activeElement && isEditable(target)) {
    // Deprecated but the only way that behaves like typing (undo stack, input events).
    if (document.execCommand('insertText', false, text)) return;
  }
  if (isTextField(target)) {
    try {
      const start = target.selectionStart ?? target.value.length;
      const end = target.selectionEnd ?? start;
      target.setRangeText(text, start, end, 'end');
    } catch {
      target.value += text; // inputs without selection (type=number, email)
    }
    target.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
    return;
  }
  if (!isEditable(target)) {
    for (const key of text) {
      const ev = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
      replayed.add(ev);
      target.dispatchEvent(ev);
    }
  }
}

export function useWedgeScanner(onScan: (raw: string, info: WedgeScanInfo) => void, options: UseWedgeScannerOptions = {}): void {
  const onScanRef = useRef(onScan);
  onScanRef.current = onScan;
  const { enabled = true, maxInterKeyMs, minLength, idleEndMs, minIdleLength, endKeys } = options;
  const endKeysKey = endKeys?.join('\u0000');

  useEffect(() => {
    if (!enabled) return;
    const detector = new WedgeDetector({
      ...(maxInterKeyMs !== undefined ? { maxInterKeyMs } : {}),
      ...(minLength !== undefined ? { minLength } : {}),
      ...(idleEndMs !== undefined ? { idleEndMs } : {}),
      ...(minIdleLength !== undefined ? { minIdleLength } : {}),
      ...(endKeysKey !== undefined ? { endKeys: endKeysKey.split('\u0000') } : {}),
    });
    /** Where held keys were going: released text goes there even if focus moved since. */
    let heldTarget: Element | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;

    const perform = (actions: WedgeAction[]) => {
      for (const a of actions) {
        // A release or a scan always concludes the whole held burst.
        const target = heldTarget;
        heldTarget = null;
        if (a.type === 'release') {
          insertInto(target, a.keys.join(''));
        } else {
          try {
            onScanRef.current(a.raw, { typed: a.typed, endedBy: a.endedBy, gaps: a.gaps });
          } catch (err) {
            console.error(err);
          }
        }
      }
    };

    const schedule = () => {
      if (timer) clearTimeout(timer);
      timer = null;
      const deadline = detector.nextDeadline();
      if (deadline === null) return;
      timer = setTimeout(
        () => {
          timer = null;
          perform(detector.tick(performance.now()));
          schedule();
        },
        Math.max(0, deadline - performance.now()),
      );
    };

    const onKeyDown = (ev: KeyboardEvent) => {
      if (replayed.has(ev)) return;
      const focused = document.activeElement;
      const decision = detector.feed(
        {
          key: ev.key,
          timeStamp: ev.timeStamp,
          ctrlKey: ev.ctrlKey,
          altKey: ev.altKey,
          metaKey: ev.metaKey,
          repeat: ev.repeat,
          isComposing: ev.isComposing,
        },
        { acceptsScan: acceptsScan(focused) },
      );
      perform(decision.before);
      if (decision.key === 'hold') {
        ev.preventDefault();
        ev.stopImmediatePropagation();
        if (!heldTarget) heldTarget = focused;
      }
      schedule();
    };

    const release = () => {
      perform(detector.flush());
      schedule();
    };

    window.addEventListener('keydown', onKeyDown, { capture: true });
    window.addEventListener('blur', release);
    return () => {
      window.removeEventListener('keydown', onKeyDown, { capture: true });
      window.removeEventListener('blur', release);
      if (timer) clearTimeout(timer);
      perform(detector.flush());
    };
  }, [enabled, maxInterKeyMs, minLength, idleEndMs, minIdleLength, endKeysKey]);
}
