import type { ByteTransport, PrinterProfile, PrinterStatus } from '../types';
import { DeviceError } from '../transports/deviceError';
import type { PrintHooks, PrintOutcome, PrinterDriver } from './driver';

/** The status dialect the driver speaks: `DLE EOT n` requests and their one-byte replies. */
export interface StatusProtocol {
  request(n: 1 | 2 | 4): Uint8Array;
  /** Whether a byte has the fixed bits of a status reply (anything else is noise or a late echo). */
  isStatusByte(byte: number): boolean;
  /** One status from the replies to n = 1, 2 and 4. */
  combine(replies: { printer: number; offline: number; paper: number }): PrinterStatus;
}

export interface EscposDriverOptions {
  /** How long to wait for one status reply before deciding the printer cannot answer. */
  replyTimeoutMs?: number;
  /** Extra time allowed for the job's bytes to reach the printer before the confirming status (slow serial lines). */
  drainAllowanceMs?: (bytes: number) => number;
}

/**
 * A receipt printer over any byte transport. A print is "confirmed" the way
 * ReceiptIO does it: status before (refuse to send to a printer that is open or
 * out of paper), send, then status again; an answer after the data drained
 * means the printer took the whole job. A printer that never answers is a state
 * ("sent, unconfirmed"), not an error. A problem found after sending is reported
 * with `afterSend`, so the queue never resends on its own what may be on paper.
 */
export class EscposDriver implements PrinterDriver {
  private readonly pending: number[] = [];
  private waiter: (() => void) | null = null;
  private unsubscribe: (() => void) | null = null;
  /** Whether this model answers DLE EOT at all (its profile says so); cheap clones never do. */
  private readonly answers: boolean;

  constructor(
    private readonly transport: ByteTransport,
    private readonly profile: PrinterProfile,
    private readonly protocol: StatusProtocol,
    private readonly options: EscposDriverOptions = {},
  ) {
    this.answers = profile.status === 'dle-eot';
  }

  private async ensureOpen(): Promise<void> {
    if (this.transport.isOpen) return;
    await this.transport.open();
    this.unsubscribe?.();
    const offData = this.transport.onData((chunk) => {
      for (const b of chunk) this.pending.push(b);
      this.waiter?.();
    });
    const offClose = this.transport.onClose(() => this.waiter?.());
    this.unsubscribe = () => {
      offData();
      offClose();
    };
  }

  private nextStatusByte(timeoutMs: number): Promise<number | null> {
    return new Promise((resolve) => {
      const take = () => {
        while (this.pending.length) {
          const b = this.pending.shift() as number;
          if (this.protocol.isStatusByte(b)) return b;
        }
        return null;
      };
      const now = take();
      if (now !== null) return resolve(now);
      // After a stall (a busy or suspended machine) Node runs expired timers before it reads the
      // sockets: a reply that came in time would count as silence. So the deadline gives pending
      // I/O two more turns of the loop (a serial read completes in the thread pool one turn after
      // its poll) before it decides.
      const timer = setTimeout(() => setImmediate(() => setImmediate(give)), timeoutMs);
      const give = () => {
        if (this.waiter !== waiter) return; // answered meanwhile
        this.waiter = null;
        resolve(take());
      };
      const waiter = () => {
        const b = take();
        if (b !== null || !this.transport.isOpen) {
          clearTimeout(timer);
          this.waiter = null;
          resolve(b);
        }
      };
      this.waiter = waiter;
    });
  }

  private async ask(n: 1 | 2 | 4, timeoutMs: number): Promise<number | null> {
    // Replies may come one request late: whatever is waiting now belongs to an older question.
    this.pending.length = 0;
    await this.transport.write(this.protocol.request(n));
    const reply = await this.nextStatusByte(timeoutMs);
    // Silence from a printer that hung up is not "cannot answer": the connection is gone.
    if (reply === null && !this.transport.isOpen) throw new DeviceError('disconnected', this.transport.description);
    return reply;
  }

  private async query(timeoutMs: number): Promise<PrinterStatus | null> {
    if (!this.answers) return null;
    const printer = await this.ask(1, timeoutMs);
    if (printer === null) return null;
    const offline = await this.ask(2, timeoutMs);
    const paper = await this.ask(4, timeoutMs);
    if (offline === null || paper === null) return null;
    return this.protocol.combine({ printer, offline, paper });
  }

  async status(): Promise<PrinterStatus | null> {
    await this.ensureOpen();
    return this.query(this.options.replyTimeoutMs ?? 800);
  }

  async print(bytes: Uint8Array, hooks: PrintHooks = {}): Promise<PrintOutcome> {
    await this.ensureOpen();
    const timeout = this.options.replyTimeoutMs ?? 800;
    const before = await this.query(timeout);
    // A model that answers and now does not is off or unplugged (a serial port opens even then):
    // nothing is sent, the queue retries, and the clerk sees why.
    if (this.answers && before === null) throw new DeviceError('timeout', this.transport.description);
    if (before) {
      const problem = failureOf(before);
      if (problem) throw new DeviceError(problem);
    }
    hooks.beforeTransmit?.();
    try {
      await this.transport.write(bytes);
    } catch (err) {
      throw markAfterSend(err);
    }
    if (!this.answers) return { confirmed: false };
    const allowance = this.options.drainAllowanceMs?.(bytes.length) ?? 0;
    const after = await this.query(timeout + allowance).catch((err: unknown) => {
      throw markAfterSend(err);
    });
    if (after) {
      const problem = failureOf(after);
      if (problem) throw markAfterSend(new DeviceError(problem));
    }
    return { confirmed: after !== null };
  }

  async close(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = null;
    await this.transport.close();
  }
}

function failureOf(s: PrinterStatus): 'cover_open' | 'paper_out' | 'printer_error' | 'offline' | null {
  if (s.coverOpen) return 'cover_open';
  if (s.paperOut) return 'paper_out';
  if (s.error) return 'printer_error';
  if (!s.online) return 'offline';
  return null;
}

function markAfterSend(err: unknown): DeviceError {
  const e = err instanceof DeviceError ? err : new DeviceError('disconnected', err instanceof Error ? err.message : String(err));
  e.afterSend = true;
  return e;
}
