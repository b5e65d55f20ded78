import type { App } from '../../../main/app/compose';
import { newContext, type CallContext, type Session } from '../../../main/services/context';
import { appendDossierEvent } from '../../../main/services/reception/receptionRepository';
import type { LedgerKind, PaymentMethod } from '../../../shared/api/dayClose';
import { vietnamDay } from '../../../shared/time/vietnam';
import { call, CLERK, setUpAndSignIn, testApp, type TestApp } from '../../support/app';
import { allocateItemNumbers } from '../../support/reception';

export const session = (ctx: CallContext) => ctx.session as Session;

/**
 * A counter at 08:00 (Vietnam) on `day`: set up, item numbers allocated, and the manager signed in
 * for the whole day (a test's clock moves in big steps: no idle lock in between).
 */
export async function openCounter(day: string): Promise<{ app: TestApp; manager: CallContext }> {
  const app = testApp(new Date(`${day}T08:00:00+07:00`));
  const manager = await setUpAndSignIn(app);
  app.services.settings.update(manager, { idleLockMinutes: 240 });
  allocateItemNumbers(app, manager);
  return { app, manager };
}

export { CLERK };

/** The clerk's account, created by the manager, and her signed-in session. */
export async function addClerk(app: TestApp, manager: CallContext): Promise<{ clerk: CallContext; clerkId: number }> {
  const clerkId = (await app.services.auth.createUser(manager, CLERK)).id;
  const clerk = newContext();
  await app.services.auth.signIn(clerk, CLERK.username, CLERK.password);
  return { clerk, clerkId };
}

/** One call through the real dispatch; the value, or the test fails with the error it got. */
export async function ok<T = unknown>(app: App, ctx: CallContext, method: string, params: unknown): Promise<T> {
  const r = await call(app, ctx, method, params);
  if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

/** One call expected to fail: its error code and message. */
export async function refused(app: App, ctx: CallContext, method: string, params: unknown): Promise<{ code: string; message: string }> {
  const r = await call(app, ctx, method, params);
  if (r.ok) throw new Error(`${method} should have been refused`);
  return r.error;
}

export { notesFor } from '../../support/cash';

/**
 * A ledger line as the lifecycle service writes them (cod on delivery, agency_handover when an
 * agency signs for its fees), dated by the app's clock.
 */
export function appendLine(app: App, o: { userId: number; kind: LedgerKind; amount: number; method: PaymentMethod; agency?: string | null; dossierId?: number | null; label?: string }): number {
  const at = app.services.clock();
  return Number(
    app.db
      .prepare('INSERT INTO ledger_entry (at, day, user_id, dossier_id, kind, label, agency, amount, payment_method) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(at.toISOString(), vietnamDay(at), o.userId, o.dossierId ?? null, o.kind, o.label ?? o.kind, o.agency ?? null, o.amount, o.method).lastInsertRowid,
  );
}

/** A step of a dossier's life as the lifecycle service records it: the event and the derived status. */
export function lifecycleStep(app: App, dossierId: number, type: string, status: string, at: Date, userId: number, detail?: unknown): void {
  app.db.transaction(() => {
    appendDossierEvent(app.db, dossierId, at.toISOString(), type, userId, detail);
    app.db.prepare('UPDATE dossier SET status = ?, status_at = ? WHERE id = ?').run(status, at.toISOString(), dossierId);
  })();
}

/** Plain-SQL sums over ledger_entry, computed apart from the code under test. */
export function ledgerSum(app: App, where: string, ...args: unknown[]): number {
  return (app.db.prepare(`SELECT coalesce(sum(amount), 0) AS s FROM ledger_entry WHERE ${where}`).get(...args) as { s: number }).s;
}

/**
 * `ledgerSum` / `count` condition: the line is in user ?'s drawer — written by them, or a reversal
 * (by anyone) of a line they wrote. Plain SQL, apart from the code under test.
 */
export const IN_DRAWER = 'coalesce((SELECT o.user_id FROM ledger_entry o WHERE o.id = ledger_entry.reverses), ledger_entry.user_id) = ?';

export function count(app: App, sql: string, ...args: unknown[]): number {
  return (app.db.prepare(sql).pluck().get(...args) as number) ?? 0;
}
