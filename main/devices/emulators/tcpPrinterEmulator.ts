/**
 * The printer side of a raw TCP (port 9100) connection, for tests and demos: a real listening socket
 * on 127.0.0.1 that feeds an emulator and sends its status replies back on the socket that asked.
 *
 * - Several connections may be open at once; their bytes go to the one emulator in arrival order (a
 *   real printer interleaves or queues them; do not rely on either).
 * - A reply produced while a socket's data is being fed goes to that socket; replies produced
 *   otherwise (ASB on a fault change, held data printed later) go to every open connection.
 * - `setDropAfterBytes(n)`: after n more received bytes the connection is reset (RST) mid-job; the
 *   n bytes are fed, the rest of that chunk is lost. One-shot.
 * - `setRefuseConnections(true)`: the printer is "off": open connections are reset and the listening
 *   socket is closed (connect gets ECONNREFUSED); `false` listens again on the same port.
 */
import net from 'node:net';
import type { PrinterLanguage } from '../types';
import { createPrinterCore, type CoreOptions, type EmulatorFor } from './printerCore';

export interface TcpPrinterEmulatorOptions<L extends PrinterLanguage = 'escpos'> extends CoreOptions<L> {
  /** 0 or undefined: any free port. */
  port?: number;
  /** default 127.0.0.1 */
  host?: string;
}

export interface TcpConnectionInfo {
  id: number;
  remoteAddress: string;
  remotePort: number;
  bytesReceived: number;
}

export interface TcpPrinterEmulator<E> {
  readonly port: number;
  readonly host: string;
  readonly emulator: E;
  /** Currently open connections. */
  connections(): TcpConnectionInfo[];
  /** Connections accepted since start. */
  readonly acceptedConnections: number;
  /** Reset the connection after n more received bytes (null: never). */
  setDropAfterBytes(n: number | null): void;
  /** true: printer off (connections reset, port closed); false: listening again on the same port. */
  setRefuseConnections(refuse: boolean): Promise<void>;
  readonly refusing: boolean;
  close(): Promise<void>;
}

interface Conn {
  id: number;
  socket: net.Socket;
  info: TcpConnectionInfo;
}

function listen(server: net.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error): void => reject(err);
    server.once('error', onError);
    server.listen({ port, host, exclusive: true }, () => {
      server.off('error', onError);
      const addr = server.address();
      resolve(typeof addr === 'object' && addr ? addr.port : port);
    });
  });
}

function closeServer(server: net.Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) {
      resolve();
      return;
    }
    server.close(() => resolve());
  });
}

export async function startTcpPrinterEmulator<L extends PrinterLanguage = 'escpos'>(options: TcpPrinterEmulatorOptions<L>): Promise<TcpPrinterEmulator<EmulatorFor<L>>> {
  const host = options.host ?? '127.0.0.1';
  const emulator = createPrinterCore(options);
  const open = new Map<number, Conn>();
  let nextId = 1;
  let accepted = 0;
  let dropAfter: number | null = null;
  let refusing = false;
  let closed = false;
  let current: Conn | null = null;

  const removeReply = emulator.onReply((bytes) => {
    const targets = current && !current.socket.destroyed ? [current] : [...open.values()];
    for (const c of targets) {
      if (!c.socket.destroyed && c.socket.writable) c.socket.write(bytes);
    }
  });

  const onConnection = (socket: net.Socket): void => {
    if (refusing || closed) {
      socket.destroy();
      return;
    }
    accepted++;
    const conn: Conn = {
      id: nextId++,
      socket,
      info: { id: 0, remoteAddress: socket.remoteAddress ?? '', remotePort: socket.remotePort ?? 0, bytesReceived: 0 },
    };
    conn.info.id = conn.id;
    open.set(conn.id, conn);
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => {
      let data: Uint8Array = chunk;
      let drop = false;
      if (dropAfter !== null) {
        if (data.length >= dropAfter) {
          data = data.subarray(0, dropAfter);
          dropAfter = null;
          drop = true;
        } else {
          dropAfter -= data.length;
        }
      }
      conn.info.bytesReceived += data.length;
      current = conn;
      try {
        if (data.length > 0) emulator.feed(data);
      } finally {
        current = null;
      }
      if (drop) {
        open.delete(conn.id);
        socket.resetAndDestroy();
      }
    });
    socket.on('error', () => undefined); // the client going away is not our error
    socket.on('close', () => open.delete(conn.id));
  };

  let server = net.createServer(onConnection);
  const port = await listen(server, options.port ?? 0, host);

  const resetAll = (): void => {
    for (const c of open.values()) c.socket.resetAndDestroy();
    open.clear();
  };

  return {
    port,
    host,
    emulator,
    connections: () => [...open.values()].map((c) => ({ ...c.info })),
    get acceptedConnections() {
      return accepted;
    },
    get refusing() {
      return refusing;
    },
    setDropAfterBytes(n) {
      if (n !== null && (!Number.isInteger(n) || n < 0)) throw new RangeError(`setDropAfterBytes: ${n} is not a byte count`);
      dropAfter = n;
    },
    async setRefuseConnections(refuse) {
      if (closed || refuse === refusing) return;
      refusing = refuse;
      if (refuse) {
        resetAll();
        await closeServer(server);
      } else {
        server = net.createServer(onConnection);
        await listen(server, port, host);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      removeReply();
      resetAll();
      await closeServer(server);
    },
  };
}
