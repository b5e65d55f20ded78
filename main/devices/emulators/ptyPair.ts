/**
 * Serial printers without hardware: a pseudo-terminal pair made by socat (the app opens one end with
 * `serialport` as it would /dev/ttyUSB0; the emulator opens the other), and the printer side that
 * feeds an emulator and replies on the same port.
 *
 * What a pty pair can and cannot do:
 * - Baud rate, parity, stop bits are accepted on both ends but do NOT limit or check anything: bytes
 *   arrive as fast as the kernel moves them, and a wrong baud rate does not garble. The kernel and
 *   socat buffer ~100 KB, so the app's `drain()` resolves long before a real 9600-baud line would
 *   have sent the data. `simulateBaudRate` makes the printer side consume bytes at baudRate / 10
 *   bytes per second (8N1), so replies to DLE EOT come when a real line would have delivered it.
 * - No modem lines (CTS / DSR / DTR): hardware flow control cannot be tested.
 * - Hot-plug: closing the printer's end alone is invisible to the app. `disconnect()` kills socat:
 *   the app's port gets a 'close' event with `disconnected: true` (like pulling a USB-serial cable)
 *   — serialport notices only while it is reading (a 'data' listener or a pending read), as with a
 *   real cable — and the link paths disappear; `reconnect()` starts socat again with the same link paths (new
 *   /dev/pts numbers behind them), like the device re-enumerating behind a stable by-id link.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SerialPort } from 'serialport';
import { createSerialPort } from '../transports/serialBinding';
import type { PrinterLanguage } from '../types';
import { createPrinterCore, type CoreOptions, type EmulatorFor } from './printerCore';

export class SocatMissingError extends Error {
  constructor() {
    super('socat is not installed: virtual serial ports need it (Debian/Ubuntu: apt-get install socat)');
    this.name = 'SocatMissingError';
  }
}

/** The socat executable, or null when it is not installed. */
export function findSocat(): string | null {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/bin', '/usr/local/bin', '/bin'];
  for (const dir of dirs) {
    if (!dir) continue;
    const candidate = path.join(dir, 'socat');
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // next
    }
  }
  return null;
}

export interface PtyPair {
  /** Open this one from the app (a symlink to /dev/pts/N that stays the same across reconnect()). */
  readonly appPath: string;
  /** The printer's end. */
  readonly devicePath: string;
  /** The /dev/pts/N behind each link (from socat's log), current socat run. */
  readonly ptys: readonly string[];
  readonly connected: boolean;
  /** Kill socat: the app's open port is closed under it; the links disappear. */
  disconnect(): Promise<void>;
  /** Start socat again with the same links. */
  reconnect(): Promise<void>;
  /** Stop socat and remove the temporary folder. */
  close(): Promise<void>;
}

export interface OpenPtyPairOptions {
  /** Folder for the two links (default: a new temporary folder, removed by close()). */
  dir?: string;
  /** How long to wait for socat to create the links (default 5000 ms). */
  timeoutMs?: number;
}

interface SocatRun {
  child: ChildProcess;
  ptys: string[];
  exited: Promise<void>;
}

async function startSocat(socat: string, appPath: string, devicePath: string, timeoutMs: number): Promise<SocatRun> {
  const child = spawn(socat, ['-d', '-d', `pty,raw,echo=0,link=${appPath}`, `pty,raw,echo=0,link=${devicePath}`], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const ptys: string[] = [];
  let log = '';
  let exitInfo: string | null = null;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exitInfo = `code ${String(code)}, signal ${String(signal)}`;
      resolve();
    });
    child.once('error', (err) => {
      exitInfo = err.message;
      resolve();
    });
  });
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (text: string) => {
    log = (log + text).slice(-4000);
    for (const m of text.matchAll(/PTY is (\S+)/g)) ptys.push(m[1]);
  });
  const deadline = Date.now() + timeoutMs;
  while (!(fs.existsSync(appPath) && fs.existsSync(devicePath))) {
    if (exitInfo !== null) throw new Error(`socat exited (${exitInfo}) before creating the ports: ${log.trim()}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`socat did not create ${appPath} and ${devicePath} within ${timeoutMs} ms: ${log.trim()}`);
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  return { child, ptys, exited };
}

async function stopSocat(run: SocatRun): Promise<void> {
  if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill('SIGTERM');
  const timer = setTimeout(() => run.child.kill('SIGKILL'), 2000);
  await run.exited;
  clearTimeout(timer);
}

export async function openPtyPair(options: OpenPtyPairOptions = {}): Promise<PtyPair> {
  const socat = findSocat();
  if (!socat) throw new SocatMissingError();
  const ownDir = options.dir === undefined;
  const dir = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'bcci-pty-'));
  const appPath = path.join(dir, 'app');
  const devicePath = path.join(dir, 'printer');
  const timeoutMs = options.timeoutMs ?? 5000;
  let run: SocatRun | null = await startSocat(socat, appPath, devicePath, timeoutMs);
  let closed = false;

  return {
    appPath,
    devicePath,
    get ptys() {
      return run ? [...run.ptys] : [];
    },
    get connected() {
      return run !== null;
    },
    async disconnect() {
      if (!run) return;
      const r = run;
      run = null;
      await stopSocat(r);
    },
    async reconnect() {
      if (run || closed) return;
      run = await startSocat(socat, appPath, devicePath, timeoutMs);
    },
    async close() {
      if (closed) return;
      closed = true;
      if (run) await stopSocat(run);
      run = null;
      if (ownDir) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------------------------------------
// the printer on the device end

export interface SerialPrinterEmulatorOptions<L extends PrinterLanguage = 'escpos'> extends CoreOptions<L> {
  /** The printer's end (PtyPair.devicePath, or a real port wired to the app's). */
  path: string;
  baudRate: number;
  /** The pair `path` belongs to: lets setDisconnected() unplug the "cable" (kill / restart socat). */
  pty?: PtyPair;
  /** Consume bytes no faster than baudRate / 10 per second (see the file comment). Default false. */
  simulateBaudRate?: boolean;
}

export interface SerialPrinterEmulator<E> {
  readonly path: string;
  readonly baudRate: number;
  readonly emulator: E;
  readonly connected: boolean;
  /** Bytes read from the port so far. */
  readonly bytesReceived: number;
  /**
   * true: close the printer's end and, with `pty`, kill socat so the app sees its port close;
   * false: restart socat (same paths) and reopen. Without `pty` the app side may not notice.
   */
  setDisconnected(disconnected: boolean): Promise<void>;
  close(): Promise<void>;
}

function openPort(pathName: string, baudRate: number): Promise<SerialPort> {
  return new Promise((resolve, reject) => {
    const port = createSerialPort({ path: pathName, baudRate, autoOpen: false });
    port.open((err) => (err ? reject(err) : resolve(port)));
  });
}

function closePort(port: SerialPort): Promise<void> {
  return new Promise((resolve) => {
    if (!port.isOpen) {
      resolve();
      return;
    }
    port.close(() => resolve());
  });
}

export async function startSerialPrinterEmulator<L extends PrinterLanguage = 'escpos'>(
  options: SerialPrinterEmulatorOptions<L>,
): Promise<SerialPrinterEmulator<EmulatorFor<L>>> {
  const emulator = createPrinterCore(options);
  const bytesPerMs = options.baudRate / 10 / 1000;
  let port: SerialPort | null = null;
  let received = 0;
  let closed = false;
  // simulateBaudRate: bytes waiting to be "transmitted"
  const backlog: Uint8Array[] = [];
  let backlogBytes = 0;
  let pump: NodeJS.Timeout | null = null;
  let lastPump = 0;
  let credit = 0;

  const removeReply = emulator.onReply((bytes) => {
    if (port?.isOpen) port.write(Buffer.from(bytes));
  });

  const runPump = (): void => {
    const now = Date.now();
    credit += (now - lastPump) * bytesPerMs;
    lastPump = now;
    while (backlog.length > 0 && credit >= 1) {
      const head = backlog[0];
      const n = Math.min(head.length, Math.floor(credit));
      emulator.feed(head.subarray(0, n));
      credit -= n;
      backlogBytes -= n;
      if (n === head.length) backlog.shift();
      else backlog[0] = head.subarray(n);
    }
    if (backlog.length === 0) {
      credit = 0;
      if (pump) clearInterval(pump);
      pump = null;
    }
    if (port?.isPaused() && backlogBytes < 4096) port.resume();
  };

  const onData = (chunk: Buffer): void => {
    received += chunk.length;
    if (!options.simulateBaudRate) {
      emulator.feed(chunk);
      return;
    }
    backlog.push(new Uint8Array(chunk));
    backlogBytes += chunk.length;
    if (backlogBytes > 16384) port?.pause(); // push back on the writer
    if (!pump) {
      lastPump = Date.now();
      pump = setInterval(runPump, 5);
    }
  };

  const connect = async (): Promise<void> => {
    const p = await openPort(options.path, options.baudRate);
    p.on('data', onData);
    p.on('error', () => undefined);
    p.on('close', () => {
      if (port === p) port = null;
    });
    port = p;
  };

  await connect();

  return {
    path: options.path,
    baudRate: options.baudRate,
    emulator,
    get connected() {
      return port !== null;
    },
    get bytesReceived() {
      return received;
    },
    async setDisconnected(disconnected) {
      if (closed) return;
      if (disconnected) {
        const p = port;
        port = null;
        if (p) await closePort(p);
        if (options.pty) await options.pty.disconnect();
      } else if (!port) {
        if (options.pty) await options.pty.reconnect();
        await connect();
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      removeReply();
      if (pump) clearInterval(pump);
      pump = null;
      const p = port;
      port = null;
      if (p) await closePort(p);
    },
  };
}

export interface PtyPrinterEmulator<E> extends SerialPrinterEmulator<E> {
  /** Open this path from the app. */
  readonly appPath: string;
  readonly pty: PtyPair;
}

/** A pty pair plus the printer on its device end; close() stops both. */
export async function startPtyPrinterEmulator<L extends PrinterLanguage = 'escpos'>(
  options: Omit<SerialPrinterEmulatorOptions<L>, 'path' | 'pty'> & { ptyOptions?: OpenPtyPairOptions },
): Promise<PtyPrinterEmulator<EmulatorFor<L>>> {
  const pty = await openPtyPair(options.ptyOptions);
  try {
    const serial = await startSerialPrinterEmulator({ ...options, path: pty.devicePath, pty } as SerialPrinterEmulatorOptions<L>);
    return {
      appPath: pty.appPath,
      pty,
      path: serial.path,
      baudRate: serial.baudRate,
      emulator: serial.emulator,
      get connected() {
        return serial.connected;
      },
      get bytesReceived() {
        return serial.bytesReceived;
      },
      setDisconnected: (d) => serial.setDisconnected(d),
      async close() {
        await serial.close();
        await pty.close();
      },
    };
  } catch (err) {
    await pty.close();
    throw err;
  }
}
