/**
 * Emulated printers over real channels: a TCP socket on 127.0.0.1 and socat pty pairs opened with
 * serialport, as the app opens them.
 */
import net from 'node:net';
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeText, type CodePageSlots } from '../../../main/devices/escpos/encoding/vietnamese';
import type { PrinterProfile } from '../../../main/devices/types';
import {
  EscposEmulator,
  SocatMissingError,
  bytes,
  closeSerial,
  connectTcp,
  findSocat,
  openSerial,
  startPtyPrinterEmulator,
  startTcpPrinterEmulator,
  waitFor,
  within,
} from '../../support/emulators';

const SLOTS: CodePageSlots = { tcvn3Lower: 30, tcvn3Upper: 31, cp1258: 52, ascii: 0 };
const DLE_EOT = (n: number): Uint8Array => bytes([0x10, 0x04, n]);

function job(name: string): Uint8Array {
  return bytes([0x1b, 0x40], encodeText(`Người nộp: ${name}`, 'tcvn3', SLOTS), 0x0a, [0x1d, 0x56, 0x00]);
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

function refused(port: number): Promise<string> {
  return new Promise((resolve) => {
    const s = net.connect({ port, host: '127.0.0.1' });
    s.once('connect', () => {
      s.destroy();
      resolve('connected');
    });
    s.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
  });
}

describe('TCP printer emulator (127.0.0.1)', () => {
  it('prints a job and answers DLE EOT on the same socket', async () => {
    const printer = await startTcpPrinterEmulator({ language: 'escpos', slots: SLOTS });
    cleanups.push(() => printer.close());
    const client = await connectTcp(printer.port);
    cleanups.push(() => client.end());
    await client.write(bytes(job('Đặng Thị Hồng'), DLE_EOT(1)));
    expect([...(await client.read(1))]).toEqual([0x12]);
    await waitFor(() => printer.emulator.receipts().length === 1, 2000, 'the receipt');
    expect(printer.emulator.receipts()[0]).toMatchObject({ lines: ['Người nộp: Đặng Thị Hồng'], cut: true });
    expect(printer.connections()).toHaveLength(1);

    // Automatic Status Back: the first status at once, then on every change, on the connection
    await client.write(bytes([0x1d, 0x61, 0xff]));
    expect([...(await client.read(4))]).toEqual([0x10, 0x00, 0x00, 0x00]);
    printer.emulator.setPaperOut(true);
    expect([...(await client.read(4))]).toEqual([0x18, 0x00, 0x0c, 0x00]);
    // paper out: the next job is held, DLE EOT is still answered
    await client.write(bytes(job('Lê Văn Tám'), DLE_EOT(4)));
    expect([...(await client.read(1))]).toEqual([0x72]);
    expect(printer.emulator.receipts()).toHaveLength(1);
    printer.emulator.setPaperOut(false);
    expect([...(await client.read(4))]).toEqual([0x10, 0x00, 0x00, 0x00]);
    expect(printer.emulator.receipts().map((r) => r.lines[0])).toEqual(['Người nộp: Đặng Thị Hồng', 'Người nộp: Lê Văn Tám']);
  });

  it('serves a given core (the app\'s emulated printer); a mute model never answers', async () => {
    const profile: PrinterProfile = {
      id: 'xprinter-clone',
      name: 'Xprinter clone',
      models: 'XP-80C',
      language: 'escpos',
      paperWidthMm: 80,
      dotsPerLine: 576,
      columns: 48,
      vietnamese: { modes: ['tcvn3'], slots: { tcvn3Lower: 30, tcvn3Upper: 31 }, leaveChineseMode: true },
      cutter: 'partial',
      status: 'none',
    };
    const core = EscposEmulator.forProfile(profile);
    const printer = await startTcpPrinterEmulator({ language: 'escpos', emulator: core });
    cleanups.push(() => printer.close());
    expect(printer.emulator).toBe(core);
    const client = await connectTcp(printer.port);
    cleanups.push(() => client.end());
    // a clone starts in Chinese mode and ESC @ brings it back: FS . must come after ESC @
    await client.write(bytes([0x1b, 0x40, 0x1c, 0x2e], encodeText('Người nộp: Phạm Văn Đồng', 'tcvn3', SLOTS), [0x0a, 0x1d, 0x56, 0x01], DLE_EOT(1)));
    await waitFor(() => core.receipts().length === 1, 2000, 'the receipt');
    expect(core.receipts()[0].lines).toEqual(['Người nộp: Phạm Văn Đồng']);
    await new Promise((r) => setTimeout(r, 100));
    expect(client.received()).toHaveLength(0);
  });

  it('a label printer over TCP (ZPL)', async () => {
    const printer = await startTcpPrinterEmulator({ language: 'zpl' });
    cleanups.push(() => printer.close());
    const client = await connectTcp(printer.port);
    cleanups.push(() => client.end());
    await client.write(bytes('^XA^CI28^FO10,10^A0N,30,30^FD', Buffer.from('Hồ sơ', 'utf8'), '^FS^XZ~HS'));
    expect((await client.read(4)).toString('latin1')).toBe('\x02030');
    await waitFor(() => printer.emulator.labels().length === 1, 2000, 'the label');
    expect(printer.emulator.labels()[0].texts[0].text).toBe('Hồ sơ');
  });

  it('drop-after-bytes resets the connection in the middle of a job', async () => {
    const printer = await startTcpPrinterEmulator({ language: 'escpos', slots: SLOTS });
    cleanups.push(() => printer.close());
    const client = await connectTcp(printer.port);
    cleanups.push(() => client.end());
    const data = job('Nguyễn Văn An');
    printer.setDropAfterBytes(10);
    await client.write(data).catch(() => undefined);
    const err = await within(client.closed, 3000, 'the reset');
    expect(err === undefined || /ECONNRESET|EPIPE/.test(err.message)).toBe(true);
    expect(printer.emulator.bytesReceived).toBe(10);
    expect(printer.emulator.receipts()).toEqual([]); // the job never finished
    await waitFor(() => printer.connections().length === 0, 2000, 'the connection to go');

    // the printer still works for the next connection (the half command is still in its buffer,
    // as on a real printer: the app must start the next job with something that resyncs it)
    printer.emulator.discardPending();
    const again = await connectTcp(printer.port);
    cleanups.push(() => again.end());
    await again.write(bytes(data, DLE_EOT(1)));
    expect([...(await again.read(1))]).toEqual([0x12]);
    await waitFor(() => printer.emulator.receipts().length === 1, 2000, 'the receipt');
  });

  it('refuse-connections closes the port; turning it back on listens on the same port', async () => {
    const printer = await startTcpPrinterEmulator({ language: 'escpos', slots: SLOTS });
    cleanups.push(() => printer.close());
    const open = await connectTcp(printer.port);
    await printer.setRefuseConnections(true);
    expect(await within(open.closed, 3000, 'the reset')).toBeDefined(); // the printer went off under an open connection: reset
    expect(await refused(printer.port)).toBe('ECONNREFUSED');
    await printer.setRefuseConnections(false);
    const client = await connectTcp(printer.port);
    cleanups.push(() => client.end());
    await client.write(DLE_EOT(2));
    expect([...(await client.read(1))]).toEqual([0x12]);
    expect(printer.acceptedConnections).toBe(2);
  });
});

describe('serial printer emulator on a socat pty pair', () => {
  it('socat is installed (CI installs it)', () => {
    if (!findSocat()) throw new SocatMissingError();
  });

  for (const baudRate of [9600, 115200]) {
    it(`receives a job and answers DLE EOT at ${baudRate} baud`, async () => {
      const printer = await startPtyPrinterEmulator({ slots: SLOTS, baudRate }); // ESC/POS by default
      cleanups.push(() => printer.close());
      const app = await openSerial(printer.appPath, baudRate);
      cleanups.push(() => closeSerial(app));
      const replies: number[] = [];
      app.on('data', (c: Buffer) => replies.push(...c));
      app.write(Buffer.from(bytes(job('Trần Thị Bích Ngọc'), DLE_EOT(1), DLE_EOT(4))));
      await waitFor(() => replies.length >= 2, 3000, 'two status bytes');
      expect(replies).toEqual([0x12, 0x12]);
      expect(printer.emulator.receipts()[0]).toMatchObject({ lines: ['Người nộp: Trần Thị Bích Ngọc'], cut: true });
    });
  }

  it('simulateBaudRate: the reply comes when a 9600-baud line would have delivered the data', async () => {
    const printer = await startPtyPrinterEmulator({ language: 'escpos', slots: SLOTS, baudRate: 9600, simulateBaudRate: true });
    cleanups.push(() => printer.close());
    const app = await openSerial(printer.appPath, 9600);
    cleanups.push(() => closeSerial(app));
    const started = Date.now();
    let answeredAt = 0;
    app.on('data', () => {
      answeredAt ||= Date.now();
    });
    app.write(Buffer.from(bytes(new Uint8Array(300).fill(0x41), 0x0a, DLE_EOT(1)))); // 304 bytes ≈ 317 ms
    await waitFor(() => answeredAt > 0, 3000, 'the status byte');
    expect(answeredAt - started).toBeGreaterThanOrEqual(280);
    expect(printer.emulator.text()).toBe('A'.repeat(300));
  });

  it('setDisconnected: the app sees its port close; after reconnect it can open the same path again', async () => {
    const printer = await startPtyPrinterEmulator({ language: 'escpos', slots: SLOTS, baudRate: 19200 });
    cleanups.push(() => printer.close());
    const app = await openSerial(printer.appPath, 19200);
    app.on('data', () => undefined); // serialport notices the hang-up only while it reads, as the app does
    const closed = new Promise<Error | null>((resolve) => app.once('close', (err: Error | null) => resolve(err)));
    await printer.setDisconnected(true);
    const err = (await within(closed, 3000, "the app port's close event")) as (Error & { disconnected?: boolean }) | null;
    expect(err?.disconnected).toBe(true);
    expect(fs.existsSync(printer.appPath)).toBe(false);
    expect(printer.connected).toBe(false);

    await printer.setDisconnected(false);
    const again = await openSerial(printer.appPath, 19200);
    cleanups.push(() => closeSerial(again));
    const replies: number[] = [];
    again.on('data', (c: Buffer) => replies.push(...c));
    again.write(Buffer.from(DLE_EOT(1)));
    await waitFor(() => replies.length >= 1, 3000, 'a status byte');
    expect(replies).toEqual([0x12]);
  });

  it('a port hung up while nothing read it closes as disconnected on the next read (serialport alone spins forever)', async () => {
    const printer = await startPtyPrinterEmulator({ language: 'escpos', slots: SLOTS, baudRate: 19200 });
    cleanups.push(() => printer.close());
    const app = await openSerial(printer.appPath, 19200);
    cleanups.push(() => closeSerial(app));
    const closed = new Promise<Error | null>((resolve) => app.once('close', (err: Error | null) => resolve(err)));
    await printer.setDisconnected(true);
    // the hang-up is complete before anyone reads: read(2) now returns 0 (end of file), not EAGAIN,
    // which serialport 13 retries at once for ever (serialport/bindings-cpp#162)
    await new Promise((r) => setTimeout(r, 100));
    app.on('data', () => undefined);
    const err = (await within(closed, 3000, "the app port's close event")) as (Error & { disconnected?: boolean }) | null;
    expect(err?.disconnected).toBe(true);
    expect(app.isOpen).toBe(false);
  });
});
