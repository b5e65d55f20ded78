import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, type MethodName } from '../../shared/api/contract';
import { startBrowserHost, type BrowserHost } from '../../main/host/browserHost';
import { MANAGER, POINT, testApp, type TestApp } from '../support/app';
import { WsClient } from '../support/wsClient';

let app: TestApp;
let host: BrowserHost;
let manager: WsClient;
let admin: WsClient;
const wsUrl = (token: string) => `ws://127.0.0.1:${host.port}/api?token=${token}`;

beforeAll(async () => {
  app = testApp();
  host = await startBrowserHost({ dispatch: app.dispatch, rendererDir: `${app.paths.appRoot}/dist/renderer` });
  manager = await WsClient.connect(wsUrl(host.token));
  expect(await manager.call('setup.complete', { point: POINT, manager: MANAGER })).toMatchObject({ ok: true });
  expect(await manager.call('auth.signIn', { username: MANAGER.username, password: MANAGER.password })).toMatchObject({ ok: true });
  expect(await manager.call('users.create', { username: 'it.admin', fullName: 'Quản trị', role: 'admin', password: 'quan-tri-123' })).toMatchObject({ ok: true });
  admin = await WsClient.connect(wsUrl(host.token));
  expect(await admin.call('auth.signIn', { username: 'it.admin', password: 'quan-tri-123' })).toMatchObject({ ok: true });
});
afterAll(async () => {
  manager.close();
  admin.close();
  await host.close();
  app.dispose();
});

/** Payloads that no method accepts: wrong shapes, wrong types, unknown fields, oversized strings. */
const BAD_PAYLOADS: unknown[] = [
  'chuỗi thay vì đối tượng',
  42,
  [1, 2, 3],
  { __proto_pollution__: true, extra: 'x'.repeat(100) },
];

describe('every API method validates its payload', () => {
  const methods = Object.keys(api) as MethodName[];
  it.each(methods)('%s rejects invalid payloads with a Vietnamese validation error', async (method) => {
    const access = api[method].access;
    const client = access === 'settings.manage' || access === 'devices.manage' ? admin : manager;
    for (const payload of BAD_PAYLOADS) {
      const reply = await client.call(method, payload);
      expect(reply.ok, `${method} accepted ${JSON.stringify(payload).slice(0, 40)}`).toBe(false);
      expect(reply.error?.code).toBe('VALIDATION');
      expect(reply.error?.message).toMatch(/^Dữ liệu gửi lên không hợp lệ/);
    }
  });

  it('rejects wrong types inside otherwise well-formed payloads', async () => {
    expect(await manager.call('catalogue.search', { query: 123 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await manager.call('catalogue.search', { query: 'a', limit: 1e9 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await manager.call('catalogue.get', { code: "1.001193' OR 1=1 --" })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await manager.call('users.create', { username: 'Ab', fullName: '', role: 'root', password: '1' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await manager.call('catalogue.import', { fileName: 'x.xlsx', contentBase64: '%%%not base64%%%' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('answers garbage on the wire with a clear error and keeps serving', async () => {
    expect(await manager.raw('{ đây không phải JSON')).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await manager.raw(Buffer.from([0, 1, 2, 255]))).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await manager.raw(JSON.stringify({ id: 'x', method: 5 }))).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await manager.call('no.such.method', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD', message: 'Chức năng "no.such.method" không tồn tại.' } });
    // The host is still up and the session still works.
    const after = (await manager.call('catalogue.search', { query: 'khai sinh' })) as { ok: boolean; value: { items: { code: string }[] } };
    expect(after.ok).toBe(true);
    expect(after.value.items[0].code).toBe('1.001193');
  });

  it('refuses a connection without the launch token or from another origin', async () => {
    await expect(WsClient.connect(wsUrl('sai-token'))).rejects.toThrow(/403/);
    await expect(WsClient.connect(wsUrl(host.token), { Origin: 'http://evil.example' })).rejects.toThrow(/403/);
    const fromOwnPage = await WsClient.connect(wsUrl(host.token), { Origin: `http://127.0.0.1:${host.port}` });
    expect(await fromOwnPage.call('app.info', {})).toMatchObject({ ok: true, value: { needsSetup: false } });
    fromOwnPage.close();
  });

  it('answers a malformed URL with 400 and keeps serving (any page in the browser can send one)', async () => {
    const net = await import('node:net');
    const raw = (request: string) =>
      new Promise<string>((resolve) => {
        const sock = net.connect(host.port, '127.0.0.1', () => sock.write(request));
        let data = '';
        sock.on('data', (d) => (data += d));
        sock.on('close', () => resolve(data));
        sock.on('error', () => resolve(data));
        setTimeout(() => sock.destroy(), 1000);
      });
    expect(await raw('GET /% HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/);
    await raw('GET //x:99999/ HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n');
    expect((await fetch(`http://127.0.0.1:${host.port}/`)).status).toBe(200);
    expect(await manager.call('app.info', {})).toMatchObject({ ok: true });
  });

  it('serves the UI with a strict Content-Security-Policy, on 127.0.0.1 only', async () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=/);
    const res = await fetch(`http://127.0.0.1:${host.port}/`);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('content-security-policy')).toContain(`connect-src 'self' ws://127.0.0.1:${host.port}`);
    const traversal = await fetch(`http://127.0.0.1:${host.port}/%2e%2e/%2e%2e/package.json`);
    expect(await traversal.text()).not.toContain('"name": "bcci-counter"');
  });
});
