import { stmt } from '../../db/statements';
import type { Db } from '../../db/database';
import type { PrintJob, PrintJobState } from '../../../shared/api/devices';

interface JobRow {
  id: number;
  idempotency_key: string;
  device_id: number;
  device_name: string;
  kind: PrintJob['kind'];
  title: string;
  document: string;
  reprint_of: number | null;
  state: PrintJobState;
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  printed_at: string | null;
}

const SELECT = `SELECT j.*, d.name AS device_name FROM print_job j JOIN device d ON d.id = j.device_id`;

function toJob(r: JobRow): PrintJob {
  return {
    id: r.id,
    idempotencyKey: r.idempotency_key,
    deviceId: r.device_id,
    deviceName: r.device_name,
    kind: r.kind,
    title: r.title,
    reprintOf: r.reprint_of,
    state: r.state,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    lastError: r.last_error,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    printedAt: r.printed_at,
  };
}

export function getJob(db: Db, id: number): PrintJob | null {
  const r = stmt(db, `${SELECT} WHERE j.id = ?`).get(id) as JobRow | undefined;
  return r ? toJob(r) : null;
}

export function getJobDocument(db: Db, id: number): unknown {
  const r = stmt(db, 'SELECT document FROM print_job WHERE id = ?').get(id) as { document: string } | undefined;
  return r ? JSON.parse(r.document) : null;
}

export function findJobByKey(db: Db, key: string): PrintJob | null {
  const r = stmt(db, `${SELECT} WHERE j.idempotency_key = ?`).get(key) as JobRow | undefined;
  return r ? toJob(r) : null;
}

export function listJobs(db: Db, o: { states?: PrintJobState[]; limit: number }): PrintJob[] {
  const where = o.states?.length ? `WHERE j.state IN (${o.states.map(() => '?').join(',')})` : '';
  return (stmt(db, `${SELECT} ${where} ORDER BY j.id DESC LIMIT ?`).all(...(o.states ?? []), o.limit) as JobRow[]).map(toJob);
}

export function insertJob(
  db: Db,
  j: { key: string; deviceId: number; kind: PrintJob['kind']; title: string; document: unknown; reprintOf: number | null; createdBy: number | null; at: string },
): number {
  const id = Number(
    stmt(db, 
        `INSERT INTO print_job (idempotency_key, device_id, kind, title, document, reprint_of, state, created_by, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?)`,
      )
      .run(j.key, j.deviceId, j.kind, j.title, JSON.stringify(j.document), j.reprintOf, j.createdBy, j.at, j.at).lastInsertRowid,
  );
  appendJobEvent(db, id, j.at, 'queued', null);
  return id;
}

export function appendJobEvent(db: Db, jobId: number, at: string, state: string, detail: string | null): void {
  stmt(db, 'INSERT INTO print_job_event (job_id, at, state, detail) VALUES (?, ?, ?, ?)').run(jobId, at, state, detail);
}

/** Moves a job to a new state and appends the event, in one transaction. */
export function setJobState(
  db: Db,
  id: number,
  at: string,
  state: PrintJobState,
  patch: { lastError?: string | null; nextAttemptAt?: string | null; attemptsDelta?: number; printedAt?: string | null; deviceId?: number } = {},
): void {
  db.transaction(() => {
    stmt(db, 
      `UPDATE print_job SET state = ?, updated_at = ?,
         last_error = CASE WHEN ? THEN ? ELSE last_error END,
         next_attempt_at = CASE WHEN ? THEN ? ELSE next_attempt_at END,
         attempts = attempts + ?,
         printed_at = CASE WHEN ? THEN ? ELSE printed_at END,
         device_id = coalesce(?, device_id)
       WHERE id = ?`,
    ).run(
      state,
      at,
      patch.lastError !== undefined ? 1 : 0,
      patch.lastError ?? null,
      patch.nextAttemptAt !== undefined ? 1 : 0,
      patch.nextAttemptAt ?? null,
      patch.attemptsDelta ?? 0,
      patch.printedAt !== undefined ? 1 : 0,
      patch.printedAt ?? null,
      patch.deviceId ?? null,
      id,
    );
    appendJobEvent(db, id, at, state, patch.lastError ?? (patch.deviceId ? `device ${patch.deviceId}` : null));
  })();
}

/**
 * The oldest job a device still has to print: queued, or failed with a retry
 * planned (the caller waits for its time, so later jobs do not overtake it).
 */
export function nextJobFor(db: Db, deviceId: number): PrintJob | null {
  const r = stmt(db, 
      `${SELECT} WHERE j.device_id = ? AND (j.state = 'queued' OR (j.state = 'failed' AND j.next_attempt_at IS NOT NULL))
       ORDER BY j.id LIMIT 1`,
    )
    .get(deviceId) as JobRow | undefined;
  return r ? toJob(r) : null;
}

/**
 * Takes a job for sending, only if it is still waiting: two processes on one data folder (the app
 * and the admin CLI, say) can never both send the same job.
 */
export function claimJob(db: Db, id: number, at: string): boolean {
  return db.transaction(() => {
    const r = stmt(
      db,
      `UPDATE print_job SET state = 'sending', updated_at = ?, attempts = attempts + 1, transmit_started_at = NULL
        WHERE id = ? AND state IN ('queued', 'failed')`,
    ).run(at, id);
    if (r.changes !== 1) return false;
    appendJobEvent(db, id, at, 'sending', null);
    return true;
  })();
}

/** Marks that the current attempt has started writing bytes to the printer. */
export function markTransmitting(db: Db, id: number, at: string): void {
  stmt(db, 'UPDATE print_job SET transmit_started_at = ? WHERE id = ?').run(at, id);
}

/** Whether a job's bytes may have reached a printer in its last attempt. */
export function wasTransmitting(db: Db, id: number): boolean {
  return (stmt(db, 'SELECT transmit_started_at AS t FROM print_job WHERE id = ?').get(id) as { t: string | null }).t !== null;
}

export function jobsInState(db: Db, state: PrintJobState): PrintJob[] {
  return (stmt(db, `${SELECT} WHERE j.state = ? ORDER BY j.id`).all(state) as JobRow[]).map(toJob);
}
