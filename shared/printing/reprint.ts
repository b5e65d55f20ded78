import type { ReceiptDocument } from './document';
import { t } from '../messages/vi';

/**
 * A reprint says so at the top, big enough that nobody takes it for a second original receipt.
 * Shared so the preview of a reprint shows the same mark as the paper.
 */
export function withReprintMark(doc: ReceiptDocument): ReceiptDocument {
  return {
    ...doc,
    blocks: [
      { type: 'text', text: t('printing.reprint'), align: 'center', bold: true, size: 2 },
      { type: 'rule', char: '=' },
      ...doc.blocks,
    ],
  };
}
