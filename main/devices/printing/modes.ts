import type { CodePageSlots, VietnameseMode } from '../escpos/encoding/vietnamese';
import { t } from '../../../shared/messages/vi';

/**
 * How a receipt printer is made to print Vietnamese: one of the encoder's code pages, or 'image'
 * (the text drawn with a font and sent as a raster), which works on every printer at ~20x the bytes.
 */
export type TextMode = VietnameseMode | 'image';

export function isEncodedMode(mode: TextMode): mode is VietnameseMode {
  return mode !== 'image';
}

/** The self-test's name for a mode on one printer, with the ESC t tables it uses: "TCVN-3 (bảng 30/31)". */
export function describeMode(mode: TextMode, slots: CodePageSlots): string {
  switch (mode) {
    case 'tcvn3':
      // A clone with only the lowercase table prints capitals as lowercase letters (marks kept).
      if (slots.tcvn3Upper === undefined) return t('printing.mode.tcvn3LowerOnly', { lower: String(slots.tcvn3Lower) });
      return t('printing.mode.tcvn3', { lower: String(slots.tcvn3Lower), upper: slots.tcvn3Upper });
    case 'cp1258':
      return t('printing.mode.cp1258', { table: String(slots.cp1258) });
    case 'viscii':
      return t('printing.mode.viscii', { table: String(slots.viscii) });
    case 'ascii':
      return t('printing.mode.ascii');
    case 'image':
      return t('printing.mode.image');
  }
}
