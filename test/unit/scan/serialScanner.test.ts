import { afterEach, describe, expect, it } from 'vitest';
import { SerialPortMock } from 'serialport';
import { SerialScanner, scannerErrorCode, type ScanEvent, type ScannerStateEvent } from '../../../main/devices/scanner/serialScanner';

/** The scanner's state machine and frame handling over serialport's mock binding (the real pty test is in test/integration/scanner). */

const PATH = '/dev/ttyACM-scanner';
/** Through serialport's own reference: importing @serialport/binding-mock as ESM would give a second instance. */
const MockBinding = SerialPortMock.binding;

function waitUntil(check: () => boolean, timeoutMs = 2000): Promise<void> {
  return new Promise((resolve, reject) => {
    const until = Date.now() + timeoutMs;
    const poll = () => (check() ? resolve() : Date.now() > until ? reject(new Error('timed out')) : setTimeout(poll, 2));
    poll();
  });
}

function setup(options: Partial<ConstructorParameters<typeof SerialScanner>[0]> = {}) {
  MockBinding.reset();
  MockBinding.createPort(PATH, { echo: false, record: false });
  let present = true;
  let current: SerialPortMock | null = null;
  const scanner = new SerialScanner({
    path: PATH,
    retryMs: 30,
    presencePollMs: 0,
    createPort: (s) => {
      current = new SerialPortMock({ path: present ? s.path : `${s.path}-gone`, baudRate: s.baudRate, autoOpen: false });
      return current;
    },
    listPorts: async () => (present ? [{ path: PATH }] : []),
    ...options,
  });
  const scans: ScanEvent[] = [];
  const states: ScannerStateEvent[] = [];
  scanner.on('scan', (e) => scans.push(e));
  scanner.on('state', (s) => states.push(s));
  return {
    scanner,
    scans,
    states,
    emit: (data: string | Buffer) => current!.port!.emitData(data),
    setPresent: (p: boolean) => (present = p),
  };
}

let active: SerialScanner | null = null;
afterEach(async () => {
  await active?.stop();
  active = null;
  MockBinding.reset();
});

describe('SerialScanner (mock binding)', () => {
  it('connects, classifies each frame and reports latency', async () => {
    const t = setup();
    active = t.scanner;
    t.scanner.start();
    await waitUntil(() => t.scanner.state.state === 'connected');
    t.emit('EA123456785VN\r1.001193\r');
    await waitUntil(() => t.scans.length === 2);
    expect(t.scans.map((s) => s.result.kind)).toEqual(['s10', 'procedure']);
    expect(t.scans[0].latencyMs).toBeGreaterThanOrEqual(0);
    expect(t.states.map((s) => s.state)).toEqual(['connecting', 'connected']);
    expect(t.states[1].message).toBe(`Máy quét ở cổng ${PATH} đã sẵn sàng.`);
  });

  it('an overlong frame is one unknown "too-long" event; a lost suffix is "incomplete"', async () => {
    const t = setup({ framing: { mode: 'suffix', suffix: 'CR', maxLength: 32, incompleteAfterMs: 40 } });
    active = t.scanner;
    t.scanner.start();
    await waitUntil(() => t.scanner.state.state === 'connected');
    t.emit(`${'9'.repeat(100)}\r`);
    await waitUntil(() => t.scans.length === 1);
    expect(t.scans[0].result).toMatchObject({ kind: 'unknown', reason: 'too-long', length: 100 });
    t.emit('EA123456785VN');
    await waitUntil(() => t.scans.length === 2);
    expect(t.scans[1].result).toMatchObject({ kind: 'unknown', reason: 'incomplete', suffix: 'CR', raw: 'EA123456785VN' });
    expect(t.scans[1].frame.end).toBe('incomplete');
  });

  it('idle framing: a scanner without suffix', async () => {
    const t = setup({ framing: { mode: 'idle', gapMs: 30 } });
    active = t.scanner;
    t.scanner.start();
    await waitUntil(() => t.scanner.state.state === 'connected');
    t.emit('RR4731248');
    t.emit('29GB');
    await waitUntil(() => t.scans.length === 1);
    expect(t.scans[0].result).toMatchObject({ kind: 's10', value: { full: 'RR473124829GB' } });
    expect(t.scans[0].frame.end).toBe('idle');
  });

  it('a throwing listener does not stop scanning', async () => {
    const t = setup();
    active = t.scanner;
    t.scanner.prependListener('scan', () => {
      throw new Error('listener bug');
    });
    t.scanner.start();
    await waitUntil(() => t.scanner.state.state === 'connected');
    t.emit('EA123456785VN\rEA123456785VN\r');
    await waitUntil(() => t.scans.length === 2);
  });

  it('presence polling: a port that vanishes from the list is disconnected, then reconnected when back', async () => {
    const t = setup({ presencePollMs: 20 });
    active = t.scanner;
    t.scanner.start();
    await waitUntil(() => t.scanner.state.state === 'connected');
    await new Promise((r) => setTimeout(r, 30)); // presence polling armed
    t.setPresent(false);
    await waitUntil(() => t.scanner.state.state === 'disconnected');
    await new Promise((r) => setTimeout(r, 100)); // a few failed retries: still "disconnected"
    expect(t.scanner.state.state).toBe('disconnected');
    t.setPresent(true);
    await waitUntil(() => t.scanner.state.state === 'connected');
    expect(t.states.map((s) => s.state)).toEqual(['connecting', 'connected', 'disconnected', 'connected']);
    t.emit('EA123456785VN\r');
    await waitUntil(() => t.scans.length === 1);
  });

  it('stop() closes the port and stops retrying', async () => {
    const t = setup();
    t.scanner.start();
    await waitUntil(() => t.scanner.state.state === 'connected');
    await t.scanner.stop();
    expect(t.scanner.state.state).toBe('stopped');
    const count = t.states.length;
    await new Promise((r) => setTimeout(r, 100));
    expect(t.states).toHaveLength(count);
  });
});

describe('scannerErrorCode', () => {
  it.each([
    ['Error: No such file or directory, cannot open /dev/ttyACM0', 'not-found'],
    ['Opening COM7: File not found', 'not-found'],
    ['Error: Permission denied, cannot open /dev/ttyACM0', 'access-denied'],
    ['Opening COM3: Access denied', 'access-denied'],
    ['Error Resource temporarily unavailable Cannot lock port', 'busy'],
    ['Something odd', 'other'],
  ])('%s → %s', (message, code) => {
    expect(scannerErrorCode(new Error(message))).toBe(code);
  });
});
