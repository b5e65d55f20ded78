import net from 'node:net';
import type { ByteTransport } from '../types';
import { DeviceError } from './deviceError';
import { Listeners } from '../listeners';

/** A network printer's raw port (9100 by convention). */
export class TcpTransport implements ByteTransport {
  private socket: net.Socket | null = null;
  private readonly data = new Listeners<[Uint8Array]>();
  private readonly closed = new Listeners<[Error | undefined]>();

  constructor(
    private readonly host: string,
    private readonly port: number,
    private readonly connectTimeoutMs = 2500,
  ) {}

  get description(): string {
    return `tcp://${this.host}:${this.port}`;
  }
  get isOpen(): boolean {
    return this.socket !== null && !this.socket.destroyed;
  }

  open(): Promise<void> {
    if (this.isOpen) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host: this.host, port: this.port });
      socket.setNoDelay(true);
      socket.setKeepAlive(true, 5000);
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new DeviceError('disconnected', `${this.description}: hết thời gian chờ kết nối`));
      }, this.connectTimeoutMs);
      socket.once('connect', () => {
        clearTimeout(timer);
        this.socket = socket;
        socket.on('data', (chunk) => this.data.emit(new Uint8Array(chunk)));
        socket.once('close', () => {
          if (this.socket === socket) this.socket = null;
          this.closed.emit(undefined);
        });
        socket.on('error', () => {
          // 'close' follows and reports it.
        });
        resolve();
      });
      socket.once('error', (err) => {
        clearTimeout(timer);
        socket.destroy();
        reject(new DeviceError('disconnected', `${this.description}: ${(err as NodeJS.ErrnoException).code ?? err.message}`));
      });
    });
  }

  write(bytes: Uint8Array): Promise<void> {
    const socket = this.socket;
    if (!socket || socket.destroyed) return Promise.reject(new DeviceError('disconnected', this.description));
    return new Promise((resolve, reject) => {
      socket.write(bytes, (err) => (err ? reject(new DeviceError('disconnected', `${this.description}: ${err.message}`)) : resolve()));
    });
  }

  onData(listener: (chunk: Uint8Array) => void): () => void {
    return this.data.add(listener);
  }
  onClose(listener: (error?: Error) => void): () => void {
    return this.closed.add(listener);
  }

  close(): Promise<void> {
    const socket = this.socket;
    this.socket = null;
    if (!socket || socket.destroyed) return Promise.resolve();
    return new Promise((resolve) => {
      socket.once('close', () => resolve());
      socket.end();
      setTimeout(() => socket.destroy(), 500).unref();
    });
  }
}
