/**
 * A 1-bit picture as printers take it: rows of bytes, 8 dots per byte, the leftmost dot in the
 * high bit, 1 = black (ESC/POS raster and ZPL ^GF; TSPL inverts it when sending).
 */
export interface MonoBitmap {
  width: number;
  height: number;
  bytesPerRow: number;
  data: Uint8Array;
}

export function createMonoBitmap(width: number, height: number): MonoBitmap {
  const bytesPerRow = Math.ceil(width / 8);
  return { width, height, bytesPerRow, data: new Uint8Array(bytesPerRow * height) };
}

export function setDot(bitmap: MonoBitmap, x: number, y: number): void {
  if (x < 0 || y < 0 || x >= bitmap.width || y >= bitmap.height) return;
  bitmap.data[y * bitmap.bytesPerRow + (x >> 3)] |= 0x80 >> (x & 7);
}

export function fillRect(bitmap: MonoBitmap, x: number, y: number, width: number, height: number): void {
  for (let row = Math.max(0, y); row < Math.min(bitmap.height, y + height); row++) {
    for (let col = Math.max(0, x); col < Math.min(bitmap.width, x + width); col++) setDot(bitmap, col, row);
  }
}
