import type { ApiClient, EventName, EventPayload, MethodName } from '../../shared/api/contract';
import type { HostBridge } from '../../shared/api/bridge';
import { ApiError } from '../../shared/api/errors';
import { replySchema, pushSchema, type WirePush, type WireReply } from '../../shared/api/wire';
import { t } from '../../shared/messages/vi';

/** How requests reach main: the Electron bridge or the browser-mode WebSocket. */
export interface Transport {
  send(request: { id: number; method: string; params: unknown }): Promise<WireReply>;
  onPush(listener: (push: WirePush) => void): () => void;
  onStatus?(listener: (connected: boolean) => void): () => void;
}

declare global {
  interface Window {
    bcciHost?: HostBridge;
  }
}

export function electronTransport(bridge: HostBridge): Transport {
  return { send: (r) => bridge.call(r), onPush: (l) => bridge.onPush(l) };
}

/**
 * Browser mode: one WebSocket to 127.0.0.1 with the per-launch token. Calls
 * made while the socket is down wait for it to come back (or time out).
 */
export function webSocketTransport(url: string, timeoutMs = 60_000): Transport {
  const pending = new Map<number, { resolve: (r: WireReply) => void; timer: ReturnType<typeof setTimeout> }>();
  const pushListeners = new Set<(p: WirePush) => void>();
  const statusListeners = new Set<(c: boolean) => void>();
  let socket: WebSocket | null = null;
  let open: Promise<WebSocket> | null = null;
  let retry = 250;

  const connect = (): Promise<WebSocket> => {
    if (open) return open;
    open = new Promise((resolve) => {
      const ws = new WebSocket(url);
      ws.onopen = () => {
        retry = 250;
        socket = ws;
        statusListeners.forEach((l) => l(true));
        resolve(ws);
      };
      ws.onmessage = (msg) => {
        let data: unknown;
        try {
          data = JSON.parse(String(msg.data));
        } catch {
          return;
        }
        const reply = replySchema.safeParse(data);
        if (reply.success) {
          const p = pending.get(reply.data.id);
          if (p) {
            clearTimeout(p.timer);
            pending.delete(reply.data.id);
            p.resolve(reply.data as WireReply);
          }
          return;
        }
        const push = pushSchema.safeParse(data);
        if (push.success) pushListeners.forEach((l) => l(push.data));
      };
      ws.onclose = () => {
        socket = null;
        open = null;
        statusListeners.forEach((l) => l(false));
        // The host owns the session; a new socket after a drop must sign in again.
        for (const [id, p] of pending) {
          clearTimeout(p.timer);
          p.resolve({ id, ok: false, error: ApiError.of('UNAUTHENTICATED').toShape() });
        }
        pending.clear();
        setTimeout(() => void connect().then(resolve), retry);
        retry = Math.min(retry * 2, 5000);
      };
    });
    return open;
  };

  return {
    async send(request) {
      const ws = socket ?? (await connect());
      return new Promise<WireReply>((resolve) => {
        const timer = setTimeout(() => {
          pending.delete(request.id);
          resolve({ id: request.id, ok: false, error: ApiError.of('TIMEOUT').toShape() });
        }, timeoutMs);
        pending.set(request.id, { resolve, timer });
        ws.send(JSON.stringify(request));
      });
    },
    onPush(listener) {
      pushListeners.add(listener);
      return () => pushListeners.delete(listener);
    },
    onStatus(listener) {
      statusListeners.add(listener);
      void connect();
      return () => statusListeners.delete(listener);
    },
  };
}

/** The typed client: `api['catalogue.search']({ query })` → Promise of the method's result, or throws ApiError. */
export function createClient(transport: Transport): ApiClient & { on: <E extends EventName>(e: E, l: (p: EventPayload<E>) => void) => () => void } {
  let nextId = 1;
  const call = async (method: string, params: unknown) => {
    const reply = await transport.send({ id: nextId++, method, params: params ?? {} });
    if (reply.ok) return reply.value;
    throw new ApiError(reply.error.code, reply.error.message, reply.error.details);
  };
  const on = <E extends EventName>(event: E, listener: (p: EventPayload<E>) => void) =>
    transport.onPush((push) => {
      if (push.event === event) listener(push.payload as EventPayload<E>);
    });
  const target: Record<string, unknown> = { on };
  return new Proxy(target, {
    get: (t, name: string) => t[name] ?? ((params: unknown) => call(name as MethodName, params)),
  }) as unknown as ApiClient & { on: typeof on };
}

/** Picks the transport: the Electron bridge when present, else the browser-mode socket from the URL's token. */
export function connectFromPage(): { transport: Transport; error?: string } {
  if (window.bcciHost) return { transport: electronTransport(window.bcciHost) };
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (!token) return { transport: webSocketTransport('ws://invalid'), error: t('app.noToken') };
  const wsUrl = `ws://${window.location.host}/api?token=${encodeURIComponent(token)}`;
  return { transport: webSocketTransport(wsUrl) };
}
