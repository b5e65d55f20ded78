import WebSocket from 'ws';

/** A raw client of the browser-mode host, as the renderer's transport would talk to it. */
export class WsClient {
  private nextId = 1;
  private readonly waiting = new Map<number, (reply: unknown) => void>();
  readonly unmatched: unknown[] = [];

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const msg = JSON.parse(data.toString()) as { id?: number };
      const resolve = msg.id !== undefined ? this.waiting.get(msg.id) : undefined;
      if (resolve && msg.id !== undefined) {
        this.waiting.delete(msg.id);
        resolve(msg);
      } else this.unmatched.push(msg);
    });
  }

  static connect(url: string, headers: Record<string, string> = {}): Promise<WsClient> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { headers });
      ws.once('open', () => resolve(new WsClient(ws)));
      ws.once('error', reject);
      ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    });
  }

  call(method: string, params: unknown): Promise<{ id: number; ok: boolean; value?: unknown; error?: { code: string; message: string } }> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve as (r: unknown) => void);
      this.ws.send(JSON.stringify({ id, method, params }));
    });
  }

  /** Sends raw bytes and waits for the next reply the host sends back. */
  raw(data: string | Buffer): Promise<unknown> {
    const before = this.unmatched.length;
    this.ws.send(data);
    return new Promise((resolve) => {
      const poll = setInterval(() => {
        if (this.unmatched.length > before) {
          clearInterval(poll);
          resolve(this.unmatched[before]);
        }
      }, 5);
    });
  }

  close(): void {
    this.ws.close();
  }
}
