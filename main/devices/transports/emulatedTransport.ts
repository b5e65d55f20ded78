import type { ByteTransport } from '../types';
import { Listeners } from '../listeners';

/** The device end of an emulated printer: anything that takes bytes and may answer. */
export interface EmulatedDevice {
  feed(bytes: Uint8Array): void;
  onReply?(listener: (bytes: Uint8Array) => void): () => void;
}

/**
 * An in-process wire to an emulated device, so the emulated printer goes
 * through the same driver, queue and status logic as a real one.
 */
export class EmulatedTransport implements ByteTransport {
  private open_ = false;
  private offReply: (() => void) | null = null;
  private readonly data = new Listeners<[Uint8Array]>();
  private readonly closed = new Listeners<[Error | undefined]>();

  constructor(
    private readonly device: EmulatedDevice,
    readonly description = 'emulated',
  ) {}

  get isOpen(): boolean {
    return this.open_;
  }

  async open(): Promise<void> {
    if (this.open_) return;
    this.open_ = true;
    // Replies are delivered asynchronously, as they would arrive over a wire.
    this.offReply = this.device.onReply?.((bytes) => queueMicrotask(() => this.data.emit(bytes))) ?? null;
  }

  async write(bytes: Uint8Array): Promise<void> {
    if (!this.open_) throw new Error('emulated transport is closed');
    this.device.feed(bytes);
  }

  onData(listener: (chunk: Uint8Array) => void): () => void {
    return this.data.add(listener);
  }
  onClose(listener: (error?: Error) => void): () => void {
    return this.closed.add(listener);
  }

  async close(): Promise<void> {
    if (!this.open_) return;
    this.open_ = false;
    this.offReply?.();
    this.offReply = null;
    this.closed.emit(undefined);
  }
}
