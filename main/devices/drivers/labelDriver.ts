import type { ByteTransport, PrinterStatus } from '../types';
import type { PrintHooks, PrintOutcome, PrinterDriver } from './driver';

/**
 * A ZPL / TSPL label printer. Their status dialects (~HS, <ESC>!?) differ by
 * model and over raw TCP often go unanswered, so labels are "sent, unconfirmed"
 * once the bytes have drained.
 */
export class LabelDriver implements PrinterDriver {
  constructor(private readonly transport: ByteTransport) {}

  async status(): Promise<PrinterStatus | null> {
    if (!this.transport.isOpen) await this.transport.open();
    return null;
  }

  async print(bytes: Uint8Array, hooks: PrintHooks = {}): Promise<PrintOutcome> {
    if (!this.transport.isOpen) await this.transport.open();
    hooks.beforeTransmit?.();
    await this.transport.write(bytes);
    return { confirmed: false };
  }

  close(): Promise<void> {
    return this.transport.close();
  }
}
