import { useEffect, useRef } from 'react';
import type { ScanEvent } from '../../../shared/api/contract';
import { cleanScan } from '../../../shared/scan/classify';
import { useApp } from '../../app/context';

/**
 * Scans for the screen that is showing. Every scanner ends up as the pushed 'scanner.scan' event:
 * a serial scanner directly, a keyboard-wedge scanner through the app-wide detector (ScanBanner),
 * which swallows the keys of a scan so they never type into the focused field. A scan field
 * therefore never gets a scan twice: scans come from here, typed codes from its Enter.
 * Nothing is handled while the session is locked.
 */
export function useScans(onScan: (event: ScanEvent) => void): void {
  const { api, session } = useApp();
  const handler = useRef(onScan);
  handler.current = onScan;
  const locked = useRef(session.locked);
  locked.current = session.locked;
  useEffect(
    () =>
      api.on('scanner.scan', (e) => {
        if (!locked.current) handler.current(e);
      }),
    [api],
  );
}

export type ScannedCode = { ok: true; code: string } | { ok: false; message: string };

/**
 * What to look a dossier up by: the dossier code or the item number as classified; anything not
 * recognised is passed on as scanned (the host answers "not found" in words), but a scan that
 * looks like a known kind and breaks its rules (a wrong S10 check digit) is refused here with the
 * classifier's precise message.
 */
export function scannedCode(e: ScanEvent): ScannedCode {
  const v = e.value as { code?: unknown; full?: unknown } | undefined;
  if (e.kind === 'dossier' && typeof v?.code === 'string') return { ok: true, code: v.code };
  if (e.kind === 's10' && typeof v?.full === 'string') return { ok: true, code: v.full };
  if (e.kind === 'invalid') return { ok: false, message: e.message };
  const raw = cleanScan(e.raw);
  return raw ? { ok: true, code: raw } : { ok: false, message: e.message };
}

/** A scanned citizen ID: the CCCD QR (raw as scanned, for the host to read) or 12 digits. */
export interface ScannedId {
  /** What the host checks: the whole QR text, or the 12 digits. */
  scanned: string;
  idNumber: string;
  fullName: string | null;
}

export function scannedId(e: ScanEvent): ScannedId | null {
  const v = e.value as { idNumber?: unknown; fullName?: unknown } | undefined;
  if (e.kind === 'cccd' && typeof v?.idNumber === 'string') {
    return { scanned: cleanScan(e.raw), idNumber: v.idNumber, fullName: typeof v.fullName === 'string' ? v.fullName : null };
  }
  const raw = cleanScan(e.raw);
  return /^\d{12}$/.test(raw) ? { scanned: raw, idNumber: raw, fullName: null } : null;
}

/** Focus after React has drawn (the field may have just appeared). */
export function focusSoon(el: { current: HTMLElement | null }): void {
  setTimeout(() => el.current?.focus(), 0);
}
