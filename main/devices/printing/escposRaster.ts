import { concatBytes } from './bytes';
import type { MonoBitmap } from './monoBitmap';

/** Rows per GS v 0 command: small (58 mm) printers have small receive buffers. */
const MAX_BAND_ROWS = 255;

/**
 * `GS v 0 m xL xH yL yH d…` (print raster bit image, normal density) for a bitmap, in bands of at
 * most MAX_BAND_ROWS rows. Each band is only as wide as its rightmost black dot needs: blank space
 * on the right costs bytes on a slow serial line and prints the same.
 */
export function rasterCommands(bitmap: MonoBitmap): Uint8Array {
  const parts: Uint8Array[] = [];
  for (let top = 0; top < bitmap.height; top += MAX_BAND_ROWS) {
    const rows = Math.min(MAX_BAND_ROWS, bitmap.height - top);
    let width = 1;
    for (let row = top; row < top + rows; row++) {
      for (let b = bitmap.bytesPerRow - 1; b >= width; b--) {
        if (bitmap.data[row * bitmap.bytesPerRow + b] !== 0) {
          width = b + 1;
          break;
        }
      }
    }
    const band = new Uint8Array(8 + width * rows);
    band.set([0x1d, 0x76, 0x30, 0x00, width & 0xff, width >> 8, rows & 0xff, rows >> 8]);
    for (let row = 0; row < rows; row++) {
      const from = (top + row) * bitmap.bytesPerRow;
      band.set(bitmap.data.subarray(from, from + width), 8 + row * width);
    }
    parts.push(band);
  }
  return concatBytes(parts);
}
