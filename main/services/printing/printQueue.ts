import type { Db } from '../../db/database';
import { ApiError } from '../../../shared/api/errors';
import type { PrintJob, PrintJobState } from '../../../shared/api/devices';
import { t } from '../../../shared/messages/vi';
import type { PrinterDriver } from '../../devices/drivers/driver';
import { DeviceError, type DeviceFailure } from '../../devices/transports/deviceError';
import type { Clock } from '../context';
import {
  claimJob,
  markTransmitting,
  wasTransmitting,
  findJobByKey,
  getJob,
  insertJob,
  jobsInState,
  listJobs,
  nextJobFor,
  setJobState,
} from './printJobRepository';

export interface NewPrintJob {
  /** Same key, same job: enqueueing twice returns the first job and prints nothing more. */
  idempotencyKey: string;
  deviceId: number;
  kind: PrintJob['kind'];
  title: string;
  document: unknown;
  createdBy: number | null;
}

export interface PrintQueueDeps {
  /** The driver of a device (created and cached by the device manager). */
  driverFor(deviceId: number): PrinterDriver;
  /** Printer bytes for a job on its device; reprints carry the "BẢN IN LẠI" mark. */
  render(job: PrintJob, document: unknown): Uint8Array | Promise<Uint8Array>;
  onJobChange?(job: PrintJob): void;
  onPrinterState?(deviceId: number, state: 'printing' | 'connected' | 'paper_low' | 'error' | 'disconnected', detail: string | null): void;
}

/**
 * The print queue: a job is on disk before any byte is sent; each device prints
 * its jobs one at a time, oldest first; a printer that is off, out of paper or
 * open is retried with backoff until it comes back, and the job then prints
 * exactly once. A job interrupted by a crash is never resent blindly: it waits
 * for the clerk (it may already be on paper).
 */
export class PrintQueue {
  private readonly running = new Map<number, Promise<void>>();
  private readonly again = new Set<number>();
  private readonly timers = new Map<number, ReturnType<typeof setTimeout>>();
  private stopped = false;
  private pendingReleases = 0;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly deps: PrintQueueDeps,
  ) {}

  private now(): string {
    return this.clock().toISOString();
  }

  private changed(id: number): PrintJob {
    const job = getJob(this.db, id) as PrintJob;
    this.deps.onJobChange?.(job);
    return job;
  }

  /**
   * After a restart: a job caught before its bytes left is simply queued again; one caught while
   * its bytes were going out may be half on paper, so it waits for the clerk. Queued ones resume.
   */
  resume(): void {
    for (const job of jobsInState(this.db, 'sending')) {
      if (wasTransmitting(this.db, job.id)) setJobState(this.db, job.id, this.now(), 'failed', { lastError: t('job.interrupted'), nextAttemptAt: null });
      else setJobState(this.db, job.id, this.now(), 'queued', { nextAttemptAt: null });
      this.changed(job.id);
    }
    const devices = this.db
      .prepare(`SELECT DISTINCT device_id AS id FROM print_job WHERE state = 'queued' OR (state = 'failed' AND next_attempt_at IS NOT NULL)`)
      .all() as { id: number }[];
    for (const d of devices) this.kick(d.id);
  }

  /**
   * Puts a job on disk. `kick: false` when the caller is inside its own transaction:
   * it kicks the device after committing, so nothing prints before the data it prints is durable.
   */
  enqueue(job: NewPrintJob, options: { reprintOf?: number | null; kick?: boolean } = {}): PrintJob {
    const existing = findJobByKey(this.db, job.idempotencyKey);
    if (existing) return existing;
    const reprintOf = options.reprintOf ?? null;
    const id = this.db
      .transaction(() =>
        insertJob(this.db, {
          key: job.idempotencyKey,
          deviceId: job.deviceId,
          kind: job.kind,
          title: job.title,
          document: job.document,
          reprintOf,
          createdBy: job.createdBy,
          at: this.now(),
        }),
      )
      .immediate();
    const created = getJob(this.db, id) as PrintJob;
    if (options.kick ?? true) {
      this.deps.onJobChange?.(created);
      this.kick(job.deviceId);
    }
    return created;
  }

  /**
   * An explicit reprint: a new job, marked "BẢN IN LẠI" on paper, linked to the original.
   * The caller's key makes a double click (or a retried request) one reprint.
   */
  reprint(originalId: number, createdBy: number | null, document: unknown, requestKey: string): { job: PrintJob; created: boolean } {
    const original = this.require(originalId);
    const root = original.reprintOf ?? original.id;
    const key = `reprint:${root}:${requestKey}`;
    const existing = findJobByKey(this.db, key);
    if (existing) return { job: existing, created: false };
    const job = this.enqueue(
      {
        idempotencyKey: key,
        deviceId: original.deviceId,
        kind: original.kind,
        title: original.title,
        document,
        createdBy,
      },
      { reprintOf: root },
    );
    return { job, created: true };
  }

  private require(id: number): PrintJob {
    const job = getJob(this.db, id);
    if (!job) throw ApiError.of('NOT_FOUND', { what: t('job.notFound', { id }) });
    return job;
  }

  private expect(job: PrintJob, states: PrintJobState[]): void {
    if (!states.includes(job.state))
      throw new ApiError('CONFLICT', t('job.notRetryable', { id: job.id, state: t(`job.state.${job.state}`) }));
  }

  /** The clerk's "retry now": also the way to resend a job interrupted by a crash. */
  retry(id: number): PrintJob {
    const job = this.require(id);
    this.expect(job, ['failed', 'held', 'queued']);
    setJobState(this.db, id, this.now(), 'queued', { nextAttemptAt: null });
    this.kick(job.deviceId);
    return this.changed(id);
  }

  /** "Print later": keeps the job, stops retrying it until the clerk releases it. */
  hold(id: number): PrintJob {
    const job = this.require(id);
    this.expect(job, ['failed', 'queued']);
    setJobState(this.db, id, this.now(), 'held', { nextAttemptAt: null });
    return this.changed(id);
  }

  cancel(id: number): PrintJob {
    const job = this.require(id);
    this.expect(job, ['failed', 'queued', 'held']);
    setJobState(this.db, id, this.now(), 'cancelled', { nextAttemptAt: null });
    return this.changed(id);
  }

  /** "Another printer": the job moves and prints there. */
  moveTo(id: number, deviceId: number): PrintJob {
    const job = this.require(id);
    this.expect(job, ['failed', 'queued', 'held']);
    setJobState(this.db, id, this.now(), 'queued', { deviceId, nextAttemptAt: null });
    this.kick(deviceId);
    return this.changed(id);
  }

  get(id: number): PrintJob {
    return this.require(id);
  }

  list(states: PrintJobState[] | undefined, limit: number): PrintJob[] {
    return listJobs(this.db, { states, limit });
  }

  /** After the caller's transaction committed: announce the jobs it queued and start their devices. */
  release(jobs: readonly PrintJob[]): void {
    // On the next turn: the clerk's confirm returns now; rendering and sending happen after.
    this.pendingReleases++;
    setImmediate(() => {
      this.pendingReleases--;
      for (const job of jobs) this.deps.onJobChange?.(job);
      for (const deviceId of new Set(jobs.map((j) => j.deviceId))) this.kick(deviceId);
    });
  }

  /** Starts (or re-runs) the device's worker. */
  kick(deviceId: number): void {
    if (this.stopped) return;
    const timer = this.timers.get(deviceId);
    if (timer) {
      clearTimeout(timer);
      this.timers.delete(deviceId);
    }
    if (this.running.has(deviceId)) {
      this.again.add(deviceId);
      return;
    }
    const run = this.work(deviceId).finally(() => {
      this.running.delete(deviceId);
      if (this.again.delete(deviceId)) this.kick(deviceId);
    });
    this.running.set(deviceId, run);
  }

  /** Resolves when every device's worker has nothing left to do now (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running.size > 0 || this.pendingReleases > 0) {
      if (this.running.size > 0) await Promise.all([...this.running.values()]);
      else await new Promise((resolve) => setImmediate(resolve));
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await Promise.all([...this.running.values()]);
  }

  private arm(deviceId: number, atIso: string): void {
    if (this.stopped) return;
    const delay = Math.max(0, Date.parse(atIso) - this.clock().getTime());
    const existing = this.timers.get(deviceId);
    if (existing) clearTimeout(existing);
    const timer = setTimeout(() => {
      this.timers.delete(deviceId);
      this.kick(deviceId);
    }, delay);
    timer.unref?.();
    this.timers.set(deviceId, timer);
  }

  private async work(deviceId: number): Promise<void> {
    while (!this.stopped) {
      const job = nextJobFor(this.db, deviceId);
      if (!job) return;
      if (job.state === 'failed' && job.nextAttemptAt && job.nextAttemptAt > this.now()) {
        // The oldest job waits for its retry time; newer ones wait behind it so receipts keep their order.
        this.arm(deviceId, job.nextAttemptAt);
        return;
      }
      if (!claimJob(this.db, job.id, this.now())) continue;
      this.changed(job.id);
      this.deps.onPrinterState?.(deviceId, 'printing', null);
      try {
        const document = this.db.prepare('SELECT document FROM print_job WHERE id = ?').get(job.id) as { document: string };
        let bytes: Uint8Array;
        try {
          bytes = await this.deps.render(job, JSON.parse(document.document));
        } catch (err) {
          throw new DeviceError('render', err instanceof Error ? err.message : String(err));
        }
        const driver = this.deps.driverFor(deviceId);
        const outcome = await driver.print(bytes, { beforeTransmit: () => markTransmitting(this.db, job.id, this.now()) });
        setJobState(this.db, job.id, this.now(), outcome.confirmed ? 'printed' : 'sent_unconfirmed', {
          lastError: null,
          nextAttemptAt: null,
          printedAt: this.now(),
        });
        this.changed(job.id);
        const after = await driver.status().catch(() => null);
        this.deps.onPrinterState?.(deviceId, after?.paperNearEnd ? 'paper_low' : 'connected', null);
      } catch (err) {
        const failure: DeviceFailure = err instanceof DeviceError ? err.failure : 'printer_error';
        const message = err instanceof DeviceError ? err.message : `${t('device.failure.printer_error')}: ${String(err)}`;
        const attempts = (getJob(this.db, job.id) as PrintJob).attempts;
        // A job that cannot be rendered will not render better later, and one that failed after its
        // bytes left may be partly on paper: both wait for the clerk instead of being resent blindly.
        const afterSend = err instanceof DeviceError && err.afterSend;
        const next = failure === 'render' || afterSend ? null : new Date(this.clock().getTime() + retryDelayMs(failure, attempts)).toISOString();
        setJobState(this.db, job.id, this.now(), 'failed', { lastError: afterSend ? t('job.failedWhilePrinting', { reason: message }) : message, nextAttemptAt: next });
        this.changed(job.id);
        this.deps.onPrinterState?.(deviceId, failure === 'disconnected' || failure === 'not_found' ? 'disconnected' : 'error', message);
        if (next) this.arm(deviceId, next);
        return;
      }
    }
  }
}

/**
 * Backoff per cause: a printer that went away is tried again within 2 s (so it
 * resumes within 3 s of coming back); paper and cover are polled every 2 s;
 * anything else backs off up to 30 s.
 */
export function retryDelayMs(failure: DeviceFailure, attempts: number): number {
  if (failure === 'disconnected' || failure === 'not_found' || failure === 'timeout') return Math.min(250 * 2 ** Math.max(0, attempts - 1), 2000);
  if (failure === 'paper_out' || failure === 'cover_open' || failure === 'offline') return 2000;
  return Math.min(1000 * 2 ** Math.max(0, attempts - 1), 30_000);
}
