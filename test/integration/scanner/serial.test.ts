import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SerialScanner, type ScanEvent, type ScannerStateEvent } from '../../../main/devices/scanner/serialScanner';
import { scanMessage } from '../../../shared/scan/classify';
import { ScannerEmulator, createPtyPair, type PtyPair } from '../../support/scannerEmulator';

/**
 * A real pseudo-terminal pair (socat): the emulator writes into the device side exactly as a
 * USB-CDC scanner would; the SerialScanner under test opens the host side with serialport.
 */

const NAME = 'Nguyễn Thị Hồng Nhung';
const CCCD = `079303001234||${NAME}|02012003|Nữ|Số 5 Lê Lợi, Phường Bến Thành, Thành phố Hồ Chí Minh|10082021`;
const S10 = 'EA123456785VN';
/** Binary noise: invalid UTF-8, NUL, XOFF/XON, then fixed "random" bytes — no CR/LF (they would end a frame by design). */
const GARBAGE = Uint8Array.from([0xff, 0x00, 0x13, 0x9c, 0xfe, 0x11, 0x80, 0x7f, 0xc3, 0x28, 0x42, 0xe2, 0x82, 0x01, 0xf0, 0x9f]);

type Stamped<T> = T & { receivedAt: number };

/** Resolves with the first item (from index `from`) matching, polling every 5 ms. */
function waitFor<T>(items: T[], predicate: (e: T) => boolean, timeoutMs: number, what: string, from = 0): Promise<T> {
  return new Promise((resolve, reject) => {
    const until = performance.now() + timeoutMs;
    const poll = () => {
      const found = items.slice(from).find(predicate);
      if (found) return resolve(found);
      if (performance.now() > until) return reject(new Error(`timed out waiting for ${what}; got ${JSON.stringify(items.slice(from))}`));
      setTimeout(poll, 5);
    };
    poll();
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('SerialScanner over a socat pty pair', () => {
  let pair: PtyPair;
  let emulator: ScannerEmulator;
  let scanner: SerialScanner;
  const scans: Stamped<ScanEvent>[] = [];
  const states: Stamped<ScannerStateEvent>[] = [];

  beforeAll(async () => {
    pair = await createPtyPair();
    emulator = new ScannerEmulator(pair.devicePath, { suffix: 'CR' });
    await emulator.open();
    scanner = new SerialScanner({ path: pair.hostPath, baudRate: 9600, framing: { mode: 'suffix', suffix: 'CR' }, retryMs: 1000 });
    scanner.on('scan', (e) => scans.push({ ...e, receivedAt: performance.now() }));
    scanner.on('state', (s) => states.push({ ...s, receivedAt: performance.now() }));
    scanner.start();
    await waitFor(states, (s) => s.state === 'connected', 3000, 'connected');
  });

  afterAll(async () => {
    await scanner?.stop();
    await emulator?.close();
    await pair?.dispose();
  });

  it('a CCCD QR, an S10 code and garbage → exactly three scan events', async () => {
    const latencies: Record<string, { writeToEvent: number; firstByteToEvent: number }> = {};
    const send = async (what: string, data: string | Uint8Array) => {
      const before = scans.length;
      const t0 = performance.now();
      await emulator.scan(data);
      const e = await waitFor(scans, () => true, 2000, what, before);
      latencies[what] = { writeToEvent: +(e.receivedAt - t0).toFixed(2), firstByteToEvent: +(e.latencyMs ?? NaN).toFixed(2) };
    };

    await send('cccd', CCCD);
    await send('s10', S10);
    await send('garbage', GARBAGE);
    await sleep(300); // nothing else may arrive
    expect(scans).toHaveLength(3);

    const [cccd, s10, garbage] = scans;
    expect(cccd.raw).toBe(CCCD);
    expect(cccd.result).toMatchObject({
      kind: 'cccd',
      value: { idNumber: '079303001234', fullName: NAME, sex: 'female', dateOfBirth: '2003-01-02', issueDate: '2021-08-10' },
    });
    expect(s10.result).toEqual({ kind: 's10', value: { service: 'EA', serial: '12345678', check: 5, country: 'VN', full: S10 } });
    expect(garbage.result).toMatchObject({ kind: 'unknown', reason: 'encoding' });
    expect(garbage.frame).toEqual({ end: 'suffix', invalidUtf8: true, byteLength: GARBAGE.length });
    expect(scanMessage(garbage.result)).toMatch(/^Không nhận ra mã vừa quét: dữ liệu hỏng hoặc không phải văn bản UTF-8/);

    // Reported, not asserted: emulator write start → event, and first byte received → event.
    console.log('[scanner latency, ms]', JSON.stringify(latencies));
  });

  it('a slow scanner (2 ms between bytes) sending CRLF: one event, no empty frame', async () => {
    const before = scans.length;
    const t0 = performance.now();
    await emulator.scan('000.00.53.H48-220921-0099', { suffix: 'CRLF', interByteDelayMs: 2 });
    const e = await waitFor(scans, () => true, 2000, 'dossier', before);
    await sleep(100);
    expect(scans.slice(before).map((s) => s.result)).toEqual([
      { kind: 'dossier', code: '000.00.53.H48-220921-0099', pointCode: '000.00.53.H48', date: '2022-09-21', sequence: '0099' },
    ]);
    console.log('[scanner latency, byte-by-byte scan, ms]', JSON.stringify({ writeStartToEvent: +(e.receivedAt - t0).toFixed(2), firstByteToEvent: +(e.latencyMs ?? NaN).toFixed(2) }));
  });

  it('reconnects when the device disappears and comes back (socat killed and restarted)', async () => {
    const from = states.length;
    await pair.stop();
    await emulator.close();
    const lost = await waitFor(states, (s) => s.state === 'disconnected', 2000, 'disconnected', from);
    expect(lost.message).toMatch(/^Mất kết nối máy quét/);

    await sleep(1200); // at least one failed reopen while the device is gone
    await pair.start();
    const back = performance.now();
    await emulator.open();
    const again = await waitFor(states, (s) => s.state === 'connected', 3000, 'connected again', from);
    console.log('[scanner reconnect, ms after the device came back]', Math.round(again.receivedAt - back));
    expect(again.receivedAt - back).toBeLessThan(3000);
    // While it was gone, the scanner stayed "disconnected": no error flapping on every retry.
    expect(states.slice(from).map((s) => s.state)).toEqual(['disconnected', 'connected']);

    const before = scans.length;
    await emulator.scan('RR473124829GB');
    await waitFor(scans, () => true, 2000, 'scan after reconnect', before);
    await sleep(50);
    expect(scans.slice(before).map((s) => s.result)).toEqual([
      { kind: 's10', value: { service: 'RR', serial: '47312482', check: 9, country: 'GB', full: 'RR473124829GB' } },
    ]);
  });

  it('a port that does not exist: error with a Vietnamese reason, retried quietly, stop() ends it', async () => {
    const missing = new SerialScanner({ path: `${pair.hostPath}-missing`, retryMs: 100 });
    const seen: ScannerStateEvent[] = [];
    missing.on('state', (s) => seen.push(s));
    missing.start();
    await waitFor(seen, (s) => s.state === 'error', 2000, 'error');
    await sleep(350); // ~3 more attempts, no new state events
    await missing.stop();
    expect(seen.map((s) => s.state)).toEqual(['connecting', 'error', 'stopped']);
    expect(seen[1]).toMatchObject({ error: { code: 'not-found' } });
    expect(seen[1].message).toMatch(/^Không tìm thấy máy quét ở cổng .*scanner-host-missing/);
  });
});
