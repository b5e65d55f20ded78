/**
 * A printer that answered in time, seen by a process that was stalled (a busy or suspended
 * machine): after a stall Node runs expired timers before it reads the sockets, and the driver
 * must not take the reply waiting there for silence ("máy in không trả lời").
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, expect, it } from 'vitest';
import { EscposDriver } from '../../../main/devices/drivers/escposDriver';
import { escposStatusProtocol } from '../../../main/devices/drivers/statusProtocol';
import { getProfile } from '../../../main/devices/printing/profiles';
import { TcpTransport } from '../../../main/devices/transports/tcpTransport';
import type { ByteTransport } from '../../../main/devices/types';

// A printer in another process, so its reply is written while this one is stalled: every
// DLE EOT n is answered "online, no error" (0x12) at once.
const PRINTER = `
const net = require('node:net');
const server = net.createServer((s) => s.on('data', (d) => { for (let i = 0; i + 1 < d.length; i++) if (d[i] === 0x10 && d[i + 1] === 0x04) s.write(Buffer.from([0x12])); }));
server.listen(0, '127.0.0.1', () => process.stdout.write(server.address().port + '\\n'));
`;

let child: ChildProcess | null = null;
afterEach(() => {
  child?.kill();
  child = null;
});

function busy(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // the process does nothing else: no timer, no socket read
  }
}

it('takes the status reply that arrived during a stall longer than the reply timeout', async () => {
  child = spawn(process.execPath, ['-e', PRINTER], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve) => child!.stdout!.once('data', (b: Buffer) => resolve(Number(String(b).trim()))));
  const tcp = new TcpTransport('127.0.0.1', port);
  let stalled = false;
  // The first request leaves, then the process stalls for 1 s (three reply timeouts) in the check
  // phase: the next loop turn finds the deadline passed before it has read the reply.
  const transport: ByteTransport = {
    get description() {
      return tcp.description;
    },
    get isOpen() {
      return tcp.isOpen;
    },
    open: () => tcp.open(),
    async write(data) {
      await tcp.write(data);
      if (!stalled) {
        stalled = true;
        setImmediate(() => busy(1000));
      }
    },
    onData: (l) => tcp.onData(l),
    onClose: (l) => tcp.onClose(l),
    close: () => tcp.close(),
  };
  const driver = new EscposDriver(transport, getProfile('epson-tm-80')!, escposStatusProtocol, { replyTimeoutMs: 300 });
  try {
    const status = await driver.status();
    expect(stalled).toBe(true);
    expect(status).toMatchObject({ online: true, paperOut: false });
  } finally {
    await tcp.close();
  }
});
