import { SerialPort } from 'serialport';
import { createSerialPort } from './serialBinding';
import type { ByteTransport, TransportConfig } from '../types';
import { DeviceError } from './deviceError';
import { Listeners } from '../listeners';

type SerialConfig = Extract<TransportConfig, { kind: 'serial' }>;

/**
 * RS-232 / USB-serial / Bluetooth SPP. node-thermal-printer has no serial
 * interface of its own (no baud rate), so bytes go through serialport here;
 * `write` resolves after `drain`, i.e. once the OS has taken them.
 */
export class SerialTransport implements ByteTransport {
  private port: SerialPort | null = null;
  private readonly data = new Listeners<[Uint8Array]>();
  private readonly closed = new Listeners<[Error | undefined]>();

  constructor(private readonly config: SerialConfig) {}

  get description(): string {
    return `${this.config.path} @ ${this.config.baudRate} ${this.config.dataBits}${this.config.parity[0].toUpperCase()}${this.config.stopBits}`;
  }
  get isOpen(): boolean {
    return this.port?.isOpen ?? false;
  }

  open(): Promise<void> {
    if (this.isOpen) return Promise.resolve();
    const c = this.config;
    return new Promise((resolve, reject) => {
      const port = createSerialPort({
        path: c.path,
        baudRate: c.baudRate,
        dataBits: c.dataBits,
        parity: c.parity,
        stopBits: c.stopBits,
        rtscts: c.flowControl === 'rtscts',
        xon: c.flowControl === 'xonxoff',
        xoff: c.flowControl === 'xonxoff',
        autoOpen: false,
      });
      port.open((err) => {
        if (err) {
          reject(new DeviceError(/ENOENT|cannot open|No such file/i.test(err.message) ? 'not_found' : 'disconnected', `${c.path}: ${err.message}`));
          return;
        }
        this.port = port;
        port.on('data', (chunk: Buffer) => this.data.emit(new Uint8Array(chunk)));
        port.on('error', () => {
          // 'close' reports it.
        });
        port.once('close', (e?: Error) => {
          if (this.port === port) this.port = null;
          this.closed.emit(e ?? undefined);
        });
        resolve();
      });
    });
  }

  write(bytes: Uint8Array): Promise<void> {
    const port = this.port;
    if (!port?.isOpen) return Promise.reject(new DeviceError('disconnected', this.config.path));
    return new Promise((resolve, reject) => {
      port.write(Buffer.from(bytes), (err) => {
        if (err) return reject(new DeviceError('disconnected', `${this.config.path}: ${err.message}`));
        port.drain((e) => (e ? reject(new DeviceError('disconnected', `${this.config.path}: ${e.message}`)) : resolve()));
      });
    });
  }

  onData(listener: (chunk: Uint8Array) => void): () => void {
    return this.data.add(listener);
  }
  onClose(listener: (error?: Error) => void): () => void {
    return this.closed.add(listener);
  }

  close(): Promise<void> {
    const port = this.port;
    this.port = null;
    if (!port?.isOpen) return Promise.resolve();
    return new Promise((resolve) => port.close(() => resolve()));
  }
}

/** Serial ports present now, for the setup screen's live list and for hot-plug detection. */
export async function listSerialPorts(): Promise<{ path: string; manufacturer?: string; serialNumber?: string; vendorId?: string; productId?: string }[]> {
  try {
    return (await SerialPort.list()).map((p) => ({
      path: p.path,
      manufacturer: p.manufacturer,
      serialNumber: p.serialNumber,
      vendorId: p.vendorId,
      productId: p.productId,
    }));
  } catch {
    return [];
  }
}
