import { useEffect, useState } from 'react';

/**
 * Barcode and QR code geometry for the previews, from bwip-js (the browser build). bwip-js carries
 * all of BWIPP (~2 MB), so it is loaded on first use into its own chunk, not with the app.
 */

type BwipRaw = typeof import('bwip-js/browser').raw;

let loading: Promise<BwipRaw> | undefined;

/** bwip-js's encoder once it has loaded (undefined until then). */
export function useBwipRaw(): BwipRaw | undefined {
  const [raw, setRaw] = useState<BwipRaw>();
  useEffect(() => {
    let live = true;
    // the encoder is the default export's raw; the named export "raw" is BWIPP's raw symbology
    loading ??= import('bwip-js/browser').then((m) => m.default.raw);
    loading.then((r) => live && setRaw(() => r), () => undefined);
    return () => {
      live = false;
    };
  }, []);
  return raw;
}

/** Bar and space widths in modules, bar first; null when Code 128 cannot carry the data. */
export function code128Widths(raw: BwipRaw, data: string): number[] | null {
  try {
    const [symbol] = raw({ bcid: 'code128', text: data });
    return symbol && 'sbs' in symbol ? symbol.sbs : null;
  } catch {
    return null;
  }
}

/** The QR matrix (error correction M, as the printers get it): side in modules and dark modules row by row. */
export function qrMatrix(raw: BwipRaw, data: string): { side: number; dark: boolean[] } | null {
  try {
    const [symbol] = raw({ bcid: 'qrcode', text: data }); // BWIPP's default level is M
    return symbol && 'pixs' in symbol ? { side: symbol.pixx, dark: symbol.pixs.map((p: number) => p === 1) } : null;
  } catch {
    return null;
  }
}
