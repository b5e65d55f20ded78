import { useEffect, type RefObject } from 'react';

/** What Tab can reach, in document order (the browser's own rules, short of layout). */
const TABBABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The traps of the dialogs open now, the topmost last: only it handles Tab. */
const open: ((e: KeyboardEvent) => void)[] = [];

function tabbables(box: HTMLElement): HTMLElement[] {
  return [...box.querySelectorAll<HTMLElement>(TABBABLE)].filter((el) => el.tabIndex >= 0 && el.getClientRects().length > 0);
}

/**
 * Keeps Tab and Shift+Tab inside a modal dialog (aria-modal): from the last control Tab goes to
 * the first, from the first Shift+Tab to the last, and a focus that left the dialog (its button
 * went away) comes back to it. Keyboard-first clerks otherwise tab into the screen behind.
 */
export function useFocusTrap(box: RefObject<HTMLElement | null>, active = true): void {
  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      const root = box.current;
      // a dialog opened over this one (a failed print job over a form) keeps the focus
      if (e.key !== 'Tab' || e.defaultPrevented || !root || open[open.length - 1] !== onKey) return;
      const items = tabbables(root);
      if (items.length === 0) {
        e.preventDefault();
        root.focus();
        return;
      }
      const first = items[0];
      const last = items[items.length - 1];
      const focused = document.activeElement;
      const inside = focused instanceof Node && root.contains(focused);
      if (!inside || (e.shiftKey ? focused === first || focused === root : focused === last)) {
        e.preventDefault();
        (e.shiftKey ? last : first).focus();
      }
    };
    // on the window (capture): a focus already outside the dialog must come back on the next Tab
    window.addEventListener('keydown', onKey, true);
    open.push(onKey);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      open.splice(open.indexOf(onKey), 1);
    };
  }, [box, active]);
}
