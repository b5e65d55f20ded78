import type { PrintBlock, ReceiptDocument } from '../../../shared/printing/document';
import { t } from '../../../shared/messages/vi';
import type { PrinterProfile } from '../types';
import { concatBytes } from './bytes';
import { renderReceipt } from './escpos';
import { describeMode, type TextMode } from './modes';

/**
 * The Vietnamese self-test page. Which code page a printer really has at which ESC t number is
 * often unknown (clones, firmware versions), so the page prints the whole alphabet once per
 * candidate mode of the profile, numbered, each section in its own mode; the clerk reads the
 * paper and picks the number whose letters are all right. The header is printed without marks
 * (ASCII), so it reads on any printer whatever its tables hold.
 */

const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];

/** One group per vowel with its five tones: "aàáảãạ ăằắẳẵặ … yỳýỷỹỵ đ". */
export function vietnameseAlphabet(letterCase: 'lower' | 'upper'): string {
  const groups = VOWELS.map((v) => TONES.map((tone) => (v + tone).normalize('NFC')).join(''));
  const text = `${groups.join(' ')} đ`;
  return letterCase === 'upper' ? text.toUpperCase() : text;
}

export interface SelfTestSection {
  /** What the clerk answers with. */
  number: number;
  mode: TextMode;
  /** "1. TCVN-3 (bảng 30/31)" */
  heading: string;
  blocks: PrintBlock[];
}

export function selfTestSections(profile: PrinterProfile): SelfTestSection[] {
  return profile.vietnamese.modes.map((mode, i) => {
    const heading = `${i + 1}. ${describeMode(mode, profile.vietnamese.slots)}`;
    return {
      number: i + 1,
      mode,
      heading,
      blocks: [
        { type: 'rule' },
        { type: 'text', text: heading, bold: true },
        { type: 'text', text: `${t('printing.selfTest.lowercase')} ${vietnameseAlphabet('lower')}` },
        { type: 'text', text: `${t('printing.selfTest.uppercase')} ${vietnameseAlphabet('upper')}` },
        { type: 'text', text: t('printing.selfTest.sentence') },
      ],
    };
  });
}

function headerBlocks(profile: PrinterProfile): PrintBlock[] {
  return [
    { type: 'text', text: t('printing.selfTest.title'), align: 'center', bold: true },
    { type: 'text', text: t('printing.selfTest.printer', { name: profile.name, id: profile.id }) },
    { type: 'text', text: t('printing.selfTest.instructions', { count: profile.vietnamese.modes.length }) },
  ];
}

const closing = (): PrintBlock[] => [{ type: 'rule' }, { type: 'feed', lines: 1 }, { type: 'cut' }];

/** The whole page as one document, for the on-screen preview (which shows every section right). */
export function selfTestDocument(profile: PrinterProfile): ReceiptDocument {
  return {
    kind: 'receipt',
    title: t('printing.selfTest.title'),
    blocks: [...headerBlocks(profile), ...selfTestSections(profile).flatMap((s) => s.blocks), ...closing()],
  };
}

/** The self-test page for a receipt printer: the header in ASCII, then each section encoded in its own mode. */
export function renderSelfTest(profile: PrinterProfile): Uint8Array {
  const part = (blocks: PrintBlock[], mode: TextMode): Uint8Array =>
    renderReceipt({ kind: 'receipt', title: t('printing.selfTest.title'), blocks }, profile, mode);
  return concatBytes([
    part(headerBlocks(profile), 'ascii'),
    ...selfTestSections(profile).map((s) => part(s.blocks, s.mode)),
    part(closing(), 'ascii'),
  ]);
}
