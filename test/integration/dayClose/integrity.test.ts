import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dossierStatusProblems, sealProblems } from '../../../main/cli/reportCommands';
import { checkDatabase, type Db } from '../../../main/db/database';
import type { CallContext } from '../../../main/services/context';
import type { Dossier } from '../../../shared/api/reception';
import { type TestApp } from '../../support/app';
import { confirmInput } from '../../support/reception';
import { repoRoot } from '../../support/temp';
import { ledgerSum, notesFor, ok, openCounter, session } from './support';

/**
 * What `db check` vouches for beyond the day's rows: the stored Z report (what every reprint
 * shows) is covered by the seal, and every dossier's stored status is the fold of its history.
 */

const DAY = '2026-11-20';
let app: TestApp;
let manager: CallContext;
const d: Dossier[] = [];

/** Someone with sqlite3: drops the triggers that guard `table`, runs the statement, puts them back. */
function tamper(db: Db, table: string, sql: string, ...args: unknown[]): number {
  const triggers = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? AND sql LIKE '%BEFORE UPDATE%'").all(table) as { name: string; sql: string }[];
  for (const tr of triggers) db.exec(`DROP TRIGGER ${tr.name}`);
  try {
    return db.prepare(sql).run(...args).changes;
  } finally {
    for (const tr of triggers) db.exec(tr.sql);
  }
}

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'bcci-counter.mjs'), ...args], { encoding: 'utf8', env: { ...process.env, BCCI_COUNTER_DATA_DIR: '' }, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  ({ app, manager } = await openCounter(DAY));
  for (const key of ['check-a', 'check-b', 'check-c']) d.push(app.services.reception.confirm(manager, session(manager), confirmInput(app, '3.000333', key)).dossier);
  // Some real history: one in a manifest, one taken out again, one cancelled.
  const m = await ok<{ manifest: { id: number } }>(app, manager, 'handover.createManifest', { agency: d[0].agency });
  await ok(app, manager, 'handover.scan', { manifestId: m.manifest.id, code: d[0].code });
  await ok(app, manager, 'handover.scan', { manifestId: m.manifest.id, code: d[1].code });
  await ok(app, manager, 'handover.remove', { manifestId: m.manifest.id, dossierId: d[1].id });
  await ok(app, manager, 'reception.cancel', { dossierId: d[2].id, reason: 'Công dân xin rút hồ sơ' });
  const cash = ledgerSum(app, "day = ? AND payment_method = 'cash'", DAY);
  const count = app.services.dayClose.countDay(manager, session(manager), { denominations: notesFor(cash), transferConfirmed: 0, idempotencyKey: 'check-count' });
  await app.services.dayClose.closeDay(manager, session(manager), { countId: count.id, overrideReason: 'Chuyển hồ sơ sáng mai', idempotencyKey: 'check-close' });
  await app.services.printQueue.idle();
});
afterAll(async () => {
  await app?.dispose();
});

describe('db check', () => {
  it('passes the untouched database: seals, and every status as its history says', () => {
    const c = checkDatabase(app.db);
    expect(c.seals.problems).toEqual([]);
    expect(c.dossierStatus).toEqual({ dossiers: 3, mismatches: 0, codes: [] });
  });

  it('names the stored Z report when it was rewritten behind the app’s back', () => {
    const stored = JSON.parse(app.db.prepare('SELECT report FROM day_close WHERE day = ?').pluck().get(DAY) as string) as { money: { totals: { total: number; cash: number } } };
    const original = JSON.stringify(stored);
    stored.money.totals.total = 40000;
    stored.money.totals.cash = 40000;
    expect(tamper(app.db, 'day_close', 'UPDATE day_close SET report = ? WHERE day = ?', JSON.stringify(stored), DAY)).toBe(1);
    const c = checkDatabase(app.db);
    expect(c.seals.problems).toEqual([{ day: DAY, sequence: 1, parts: ['report'] }]);
    expect(sealProblems(c.seals)).toEqual(['ngày 20/11/2026 (khóa sổ số 1) không khớp niêm phong: báo cáo Z đã lưu']);
    tamper(app.db, 'day_close', 'UPDATE day_close SET report = ? WHERE day = ?', original, DAY);
    expect(checkDatabase(app.db).seals.problems).toEqual([]);
  });

  it('names the dossiers whose stored status is not what their history gives, reading the history in one ordered pass', () => {
    const { at } = app.db.prepare("SELECT at FROM dossier_event WHERE dossier_id = ? AND type = 'received'").get(d[1].id) as { at: string };
    expect(tamper(app.db, 'dossier', "UPDATE dossier SET status = 'delivered', status_at = ? WHERE id = ?", at, d[1].id)).toBe(1);
    // Thirty copies with a status and no history at all (dated the day before: the day is closed).
    const cols = app.db
      .prepare("SELECT name FROM pragma_table_info('dossier') WHERE name NOT IN ('id', 'code', 'idempotency_key', 'item_number', 'received_day')")
      .pluck()
      .all() as string[];
    const copy = app.db.prepare(`INSERT INTO dossier (code, idempotency_key, item_number, received_day, ${cols.join(', ')}) SELECT ?, ?, NULL, '2026-11-19', ${cols.join(', ')} FROM dossier WHERE id = ?`);
    for (let i = 0; i < 30; i++) copy.run(`COPY-${String(i).padStart(2, '0')}`, `copy-${i}`, d[0].id);

    const seen: { sql: string; how: string }[] = [];
    const prepare = app.db.prepare.bind(app.db);
    app.db.prepare = ((sql: string) => {
      const st = prepare(sql);
      for (const how of ['all', 'get', 'iterate'] as const) {
        const original = st[how].bind(st) as (...a: unknown[]) => unknown;
        (st as unknown as Record<string, unknown>)[how] = (...a: unknown[]) => {
          seen.push({ sql, how });
          return original(...a);
        };
      }
      return st;
    }) as typeof app.db.prepare;
    let c: ReturnType<typeof checkDatabase>;
    try {
      c = checkDatabase(app.db);
    } finally {
      app.db.prepare = prepare;
    }
    expect(c.dossierStatus.dossiers).toBe(33);
    expect(c.dossierStatus.mismatches).toBe(31);
    expect(c.dossierStatus.codes).toEqual([d[1].code, ...Array.from({ length: 19 }, (_, i) => `COPY-${String(i).padStart(2, '0')}`)]);
    expect(dossierStatusProblems(c.dossierStatus)[0]).toMatch(/^31 hồ sơ có trạng thái khác lịch sử: .*BC560100/);

    const events = seen.filter((s) => /FROM dossier_event/.test(s.sql) && /ORDER BY/i.test(s.sql) && !/WHERE/i.test(s.sql));
    expect(events.map((s) => s.how)).toEqual(['iterate']);
    const plan = (app.db.prepare(`EXPLAIN QUERY PLAN ${events[0].sql}`).all() as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(plan).not.toMatch(/TEMP B-TREE/);

    const r = cli('--data-dir', app.dir, 'db', 'check');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('31 hồ sơ có trạng thái khác lịch sử');
  });
});
