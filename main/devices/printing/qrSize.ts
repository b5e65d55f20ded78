/**
 * How many modules wide a QR code will be, without encoding it (bwip-js takes ~10 ms per QR code,
 * twice the whole text receipt's budget). Bytes per version at error correction level M in byte
 * mode (ISO/IEC 18004 table 7): an upper bound, since a printer that picks the alphanumeric or
 * numeric mode may fit the data in a smaller version.
 */
const BYTE_CAPACITY_M = [
  14, 26, 42, 62, 84, 106, 122, 152, 180, 213, 251, 287, 331, 362, 412, 450, 504, 560, 624, 666, 711, 779, 857, 911, 997, 1059,
  1125, 1190, 1264, 1370, 1452, 1538, 1628, 1722, 1809, 1911, 1989, 2099, 2213, 2331,
];

/** Modules per side of the QR code holding `byteLength` bytes at level M, without the quiet zone. */
export function qrModules(byteLength: number): number {
  const version = BYTE_CAPACITY_M.findIndex((capacity) => capacity >= byteLength) + 1;
  if (version === 0) throw new RangeError(`${byteLength} bytes do not fit in a QR code at error correction level M`);
  return 17 + 4 * version;
}

/** A QR code needs 4 modules of white around it to scan. */
export const QR_QUIET_ZONE_MODULES = 4;
