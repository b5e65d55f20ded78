import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { ApiError } from '../../shared/api/errors';
import type { WirePush } from '../../shared/api/wire';
import type { Dispatch } from '../ipc/dispatch';
import type { EventBus } from '../services/eventBus';
import { newContext, type CallContext } from '../services/context';
import { contentSecurityPolicy } from './csp';

export interface BrowserHostOptions {
  dispatch: Dispatch;
  /** Events for every signed-in connection (device states, print jobs, scans). */
  bus?: EventBus;
  /** Whether a connection may receive pushes now (signed in, not locked, not idle). */
  isActive?: (ctx: CallContext) => boolean;
  rendererDir: string;
  port?: number;
  /** Fixed token for tests; a fresh random one per launch otherwise. */
  token?: string;
  log?: (line: string) => void;
}

export interface BrowserHost {
  url: string;
  port: number;
  token: string;
  /** Open connections (one per browser tab). */
  connections(): number;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** 40 MB: a base64 catalogue spreadsheet fits, a runaway client does not. */
const MAX_MESSAGE = 40 * 1024 * 1024;

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

/**
 * Browser mode: the same dispatch as Electron, over a WebSocket on 127.0.0.1.
 * The static UI is public; the API needs the per-launch token and our own origin
 * (so no other page in the browser can drive it).
 */
export async function startBrowserHost(o: BrowserHostOptions): Promise<BrowserHost> {
  const token = o.token ?? crypto.randomBytes(24).toString('base64url');
  const log = o.log ?? (() => {});
  const rendererRoot = path.resolve(o.rendererDir);
  let origin = '';

  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    } catch {
      // Any page in the browser can send us a malformed URL: answer it, never crash on it.
      res.writeHead(400).end();
      return;
    }
    let file = path.resolve(rendererRoot, '.' + pathname);
    if (!file.startsWith(rendererRoot + path.sep) && file !== rendererRoot) {
      res.writeHead(403).end();
      return;
    }
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(rendererRoot, 'index.html');
    if (!fs.existsSync(file)) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Giao diện chưa được build. Chạy: npm run build:renderer');
      return;
    }
    const headers: http.OutgoingHttpHeaders = {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': file.endsWith('.html') ? 'no-store' : 'public, max-age=31536000, immutable',
    };
    if (file.endsWith('.html')) {
      headers['content-security-policy'] = contentSecurityPolicy(origin.replace(/^http/, 'ws'));
      headers['x-frame-options'] = 'DENY';
    }
    res.writeHead(200, headers);
    if (req.method === 'HEAD') res.end();
    else
      fs.createReadStream(file)
        .on('error', () => res.destroy())
        .pipe(res);
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE });
  const sockets = new Set<WebSocket>();
  const contexts = new Set<CallContext>();
  const unsubscribe = o.bus?.subscribe((event, payload) => {
    // A scan carries a citizen's name and address: never to a locked or abandoned screen.
    for (const ctx of contexts) if (o.isActive ? o.isActive(ctx) : ctx.session && !ctx.session.locked) ctx.push?.(event, payload);
  });

  server.on('upgrade', (req, socket, head) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://127.0.0.1');
    } catch {
      socket.destroy();
      return;
    }
    const given = url.searchParams.get('token') ?? '';
    const fromOrigin = req.headers.origin;
    // Browsers always send Origin on WebSocket upgrades; tools like the CLI tests may omit it.
    const originOk = fromOrigin === undefined || fromOrigin === origin;
    if (url.pathname !== '/api' || !sameToken(given, token) || !originOk) {
      log(`từ chối kết nối API (origin ${fromOrigin ?? '-'})`);
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws));
  });

  wss.on('connection', (ws: WebSocket) => {
    sockets.add(ws);
    const send = (msg: unknown) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(msg));
    };
    const ctx: CallContext = newContext((event, payload) => send({ event, payload } satisfies WirePush));
    contexts.add(ctx);
    ws.on('message', async (data, isBinary) => {
      let request: unknown;
      try {
        if (isBinary) throw new Error('binary');
        request = JSON.parse(data.toString());
      } catch {
        send({ id: 0, ok: false, error: ApiError.of('BAD_REQUEST').toShape() });
        return;
      }
      send(await o.dispatch(ctx, request));
    });
    const gone = () => {
      sockets.delete(ws);
      contexts.delete(ctx);
    };
    ws.on('close', gone);
    ws.on('error', gone);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/#token=${token}`,
    port,
    token,
    connections: () => sockets.size,
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe?.();
        for (const ws of sockets) ws.terminate();
        wss.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
