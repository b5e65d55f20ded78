/**
 * What tests need to talk to emulated printers over real channels, plus small helpers.
 * (Scanner emulators live elsewhere.)
 */
import net from 'node:net';
import type { SerialPort } from 'serialport';
import { createSerialPort } from '../../../main/devices/transports/serialBinding';

export * from '../../../main/devices/emulators';

/** Concatenates byte parts; strings are taken as ASCII / Latin-1 bytes. */
export function bytes(...parts: (number | readonly number[] | Uint8Array | string)[]): Uint8Array {
  const out: number[] = [];
  for (const p of parts) {
    if (typeof p === 'number') out.push(p);
    else if (typeof p === 'string') for (const ch of p) out.push(ch.charCodeAt(0) & 0xff);
    else for (const b of p) out.push(b);
  }
  return Uint8Array.from(out);
}

/** Polls `check` until it returns a truthy value (or throws after `timeoutMs`). */
export async function waitFor<T>(check: () => T | undefined | null | false, timeoutMs = 3000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Resolves like `promise`, or rejects after `timeoutMs` (so a test fails fast instead of hanging). */
export async function within<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** A TCP client that collects what the printer sends back. */
export interface TcpTestClient {
  socket: net.Socket;
  received(): Buffer;
  /** Resolves with the first `n` bytes received after the call's current position. */
  read(n: number, timeoutMs?: number): Promise<Buffer>;
  write(data: Uint8Array): Promise<void>;
  /** Resolves on 'close' with the error (if any) that preceded it. */
  closed: Promise<Error | undefined>;
  end(): Promise<void>;
}

export function connectTcp(port: number, host = '127.0.0.1'): Promise<TcpTestClient> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ port, host });
    let buf = Buffer.alloc(0);
    let readPos = 0;
    let lastError: Error | undefined;
    socket.on('data', (c: Buffer) => {
      buf = Buffer.concat([buf, c]);
    });
    const closed = new Promise<Error | undefined>((res) => socket.once('close', () => res(lastError)));
    socket.once('connect', () => {
      socket.off('error', reject);
      socket.on('error', (e) => {
        lastError = e;
      });
      resolve({
        socket,
        closed,
        received: () => buf,
        async read(n, timeoutMs = 2000) {
          const from = readPos;
          await waitFor(() => buf.length >= from + n, timeoutMs, `${n} reply bytes`);
          readPos = from + n;
          return buf.subarray(from, from + n);
        },
        write: (data) =>
          new Promise<void>((res, rej) => {
            socket.write(data, (err) => (err ? rej(err) : res()));
          }),
        end: () =>
          new Promise<void>((res) => {
            if (socket.destroyed) {
              res();
              return;
            }
            socket.end(() => res());
            socket.once('close', () => res());
          }),
      });
    });
    socket.once('error', reject);
  });
}

/** Opens a serial port the way the app does. */
export function openSerial(path: string, baudRate: number): Promise<SerialPort> {
  return new Promise((resolve, reject) => {
    const port = createSerialPort({ path, baudRate, autoOpen: false });
    port.open((err) => (err ? reject(err) : resolve(port)));
  });
}

export function closeSerial(port: SerialPort): Promise<void> {
  return new Promise((resolve) => {
    if (!port.isOpen) {
      resolve();
      return;
    }
    port.close(() => resolve());
  });
}
