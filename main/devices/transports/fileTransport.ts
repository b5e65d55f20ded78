import fs from 'node:fs';
import type { ByteTransport } from '../types';
import { DeviceError } from './deviceError';
import { Listeners } from '../listeners';

/**
 * A printer reached through a file: the Linux USB printer class device
 * (/dev/usb/lp0) or, on Windows, a shared printer's UNC path (\\localhost\XP80),
 * which the spooler passes through raw. Write-only: such printers cannot answer
 * status, so their jobs end as "sent, unconfirmed".
 */
export class FileTransport implements ByteTransport {
  private fd: number | null = null;
  private readonly closed = new Listeners<[Error | undefined]>();

  constructor(private readonly path: string) {}

  get description(): string {
    return this.path;
  }
  get isOpen(): boolean {
    return this.fd !== null;
  }

  async open(): Promise<void> {
    if (this.fd !== null) return;
    try {
      this.fd = await new Promise<number>((resolve, reject) => fs.open(this.path, 'a', (err, fd) => (err ? reject(err) : resolve(fd))));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new DeviceError(code === 'ENOENT' ? 'not_found' : 'disconnected', `${this.path}: ${code ?? (err as Error).message}`);
    }
  }

  async write(bytes: Uint8Array): Promise<void> {
    const fd = this.fd;
    if (fd === null) throw new DeviceError('disconnected', this.path);
    let offset = 0;
    while (offset < bytes.length) {
      const written = await new Promise<number>((resolve, reject) =>
        fs.write(fd, bytes, offset, bytes.length - offset, null, (err, n) => (err ? reject(err) : resolve(n))),
      ).catch((err: NodeJS.ErrnoException) => {
        void this.close();
        throw new DeviceError('disconnected', `${this.path}: ${err.code ?? err.message}`);
      });
      offset += written;
    }
  }

  onData(): () => void {
    return () => {};
  }
  onClose(listener: (error?: Error) => void): () => void {
    return this.closed.add(listener);
  }

  async close(): Promise<void> {
    const fd = this.fd;
    this.fd = null;
    if (fd === null) return;
    await new Promise<void>((resolve) => fs.close(fd, () => resolve()));
    this.closed.emit(undefined);
  }
}
