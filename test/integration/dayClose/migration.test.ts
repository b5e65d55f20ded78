import type Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/db/database';
import type { CallContext } from '../../../main/services/context';
import { setUpAndSignIn, testApp, type TestApp } from '../../support/app';
import { allocateItemNumbers, confirmInput } from '../../support/reception';
import { tempDir } from '../../support/temp';
import { notesFor, session } from './support';

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** Rows a database of version 5 already holds: a procedure, a dossier with its history, fee lines. */
function seedVersion5(db: Database.Database): void {
  db.exec(`
    INSERT INTO app_user (id, username, full_name, role, password_hash, created_at) VALUES (1, 'hoa.nt', 'Hoa', 'manager', 'x', 't');
    INSERT INTO catalogue_version (id, imported_at, source_name, mode, procedure_count) VALUES (1, 't', 's', 'sample', 1);
    INSERT INTO catalogue_level (id, name) VALUES (1, 'Cấp Tỉnh');
    INSERT INTO catalogue_field (id, name) VALUES (1, 'Lý lịch tư pháp');
    INSERT INTO catalogue_agency (id, name) VALUES (1, 'Công an cấp tỉnh');
    INSERT INTO procedure (id, version_id, code, name, field_id, level_id, agency_id, bcci_receive, bcci_return, processing_days, phi, le_phi)
      VALUES (7, 1, '3.000333', 'LLTP', 1, 1, 1, 1, 1, 10, '{}', '{}');
    INSERT INTO dossier (id, code, idempotency_key, procedure_id, procedure_code, procedure_name, agency, service, applicant, applicant_name, applicant_folded,
        delivery, checklist, received_at, received_day, received_by, result_date, payment_method, total_amount, log_book_number, status, status_at)
      VALUES (1, 'A-1', 'k1', 7, '3.000333', 'LLTP', 'Công an cấp tỉnh', 'both', '{}', 'A', 'a', '{}', '{}', '2026-11-19T17:30:00.000Z', '2026-11-20', 1,
        '2026-11-25', 'cash', 240000, '1/2026', 'delivered', 't');
    INSERT INTO dossier_event (dossier_id, at, type, user_id) VALUES
      (1, '2026-11-19T17:30:00.000Z', 'received', 1),     -- 00:30 on the 20th in Vietnam
      (1, '2026-11-21T02:00:00.000Z', 'dispatched', 1),
      (1, '2026-11-26T02:00:00.000Z', 'delivered', 1);    -- a day after the promised date
    INSERT INTO ledger_entry (id, at, day, user_id, dossier_id, kind, label, agency, amount, payment_method) VALUES
      (1, 't', '2026-11-20', 1, 1, 'phi', 'Phí', 'Công an cấp tỉnh', 200000, 'cash'),
      (2, 't', '2026-11-20', 1, 1, 'postal_send', 'Cước', NULL, 40000, 'cash'),
      (3, 't', '2026-11-22', 1, NULL, 'agency_handover', 'Nộp', 'Công an cấp tỉnh', -150000, 'cash');
    INSERT INTO guidance_slip (at, day, user_id, procedure_id, missing, idempotency_key) VALUES ('t', '2026-11-20', 1, 7, '[]', 'g1');
  `);
}

const activity = (db: Database.Database) => db.prepare('SELECT day, metric, procedure_id AS p, n FROM dossier_activity ORDER BY day, metric').all();

describe('006 day close', () => {
  it('upgrades a version-5 database: the running aggregates start from the rows already there', () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const file = path.join(dir, 'db.sqlite');
    const v5 = openDatabase(file, { targetVersion: 5 });
    seedVersion5(v5);
    v5.close();
    const db = openDatabase(file, { targetVersion: 6 });
    cleanups.unshift(() => {
      db.close();
    });
    expect(activity(db)).toEqual([
      { day: '2026-11-20', metric: 'guided', p: 7, n: 1 },
      { day: '2026-11-20', metric: 'received', p: 7, n: 1 },
      { day: '2026-11-21', metric: 'dispatched', p: 7, n: 1 },
      { day: '2026-11-26', metric: 'delivered', p: 7, n: 1 },
      { day: '2026-11-26', metric: 'delivered_late', p: 7, n: 1 },
    ]);
    expect(db.prepare('SELECT * FROM agency_fee_balance').all()).toEqual([{ agency: 'Công an cấp tỉnh', collected: 200000, handed_over: 150000 }]);

    // From here on the triggers keep them in step: events, slips, fees, their reversals, hand-overs.
    db.prepare("INSERT INTO dossier_event (dossier_id, at, type, user_id) VALUES (1, '2026-11-26T03:00:00.000Z', 'delivered', 1)").run();
    db.prepare("INSERT INTO ledger_entry (at, day, user_id, dossier_id, kind, label, agency, amount, payment_method, reverses) VALUES ('t', '2026-11-27', 1, 1, 'reversal', 'Đảo', 'Công an cấp tỉnh', -200000, 'cash', 1)").run();
    db.prepare("INSERT INTO ledger_entry (at, day, user_id, dossier_id, kind, label, agency, amount, payment_method, reverses) VALUES ('t', '2026-11-27', 1, NULL, 'reversal', 'Đảo', 'Công an cấp tỉnh', 150000, 'cash', 3)").run();
    db.prepare("INSERT INTO ledger_entry (at, day, user_id, dossier_id, kind, label, agency, amount, payment_method) VALUES ('t', '2026-11-27', 1, 1, 'cod', 'Thu', 'Công an cấp tỉnh', 30000, 'cash')").run();
    expect(db.prepare("SELECT n FROM dossier_activity WHERE day = '2026-11-26' AND metric = 'delivered_late'").pluck().get()).toBe(2);
    expect(db.prepare('SELECT collected, handed_over FROM agency_fee_balance').get()).toEqual({ collected: 0, handed_over: 0 });

    for (const table of ['day_close', 'cash_count', 'shift_close', 'incident']) {
      expect(() => db.prepare(`UPDATE ${table} SET id = id`).run(), table).not.toThrow(); // no rows: nothing to refuse
      expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN (?, ?)").pluck().get(`${table}_no_update`, `${table}_no_delete`)).toBe(2);
    }
  });
});

describe('the hot queries read by index', () => {
  let app: TestApp;
  let manager: CallContext;

  /** Every SELECT the services run while closing a day and reporting, with the arguments they gave. */
  function capture(): { sql: string; args: unknown[] }[] {
    const seen: { sql: string; args: unknown[] }[] = [];
    const prepare = app.db.prepare.bind(app.db);
    app.db.prepare = ((sql: string) => {
      const st = prepare(sql);
      for (const m of ['all', 'get', 'iterate'] as const) {
        const original = st[m].bind(st) as (...a: unknown[]) => unknown;
        (st as unknown as Record<string, unknown>)[m] = (...args: unknown[]) => {
          seen.push({ sql, args });
          return original(...args);
        };
      }
      return st;
    }) as typeof app.db.prepare;
    cleanups.push(() => {
      app.db.prepare = prepare;
    });
    return seen;
  }

  it('never scans the history tables when closing a day, reporting on it or on a period', async () => {
    app = testApp(new Date('2026-11-20T08:00:00+07:00'));
    cleanups.push(() => app.dispose());
    manager = await setUpAndSignIn(app);
    allocateItemNumbers(app, manager);
    app.services.reception.confirm(manager, session(manager), confirmInput(app, '3.000333', 'eqp-1'));
    const seen = capture();
    app.services.dayClose.countShift(manager, session(manager), { denominations: [], transferConfirmed: 0, idempotencyKey: 'eqp-shift' });
    const cash = app.db.prepare("SELECT sum(amount) FROM ledger_entry WHERE payment_method = 'cash'").pluck().get() as number;
    const count = app.services.dayClose.countDay(manager, session(manager), { denominations: notesFor(cash), transferConfirmed: 0, idempotencyKey: 'eqp-count' });
    await app.services.dayClose.closeDay(manager, session(manager), { countId: count.id, overrideReason: 'Thử kế hoạch truy vấn', idempotencyKey: 'eqp-close' });
    app.services.dayClose.report('2026-11-20');
    app.services.reports.period('2026-01-01', '2026-12-31');
    app.services.ledger.lines({ from: '2026-11-01', to: '2026-11-30', userId: session(manager).userId, limit: 50 });

    const HISTORY = new Set(['ledger_entry', 'dossier_event', 'dossier', 'guidance_slip', 'print_job', 'dossier_activity', 'incident', 'cash_count', 'shift_close', 'day_close']);
    const KEYWORDS = new Set(['where', 'on', 'left', 'join', 'group', 'order', 'limit', 'inner', 'cross']);
    /** The table a plan line scans, through the query's aliases (`FROM ledger_entry l` → l). */
    const scanned = (sql: string, detail: string): string | null => {
      const m = /^SCAN (\w+)/.exec(detail);
      if (!m) return null;
      for (const [, table, alias] of sql.matchAll(/(?:FROM|JOIN)\s+(\w+)(?:\s+(?:AS\s+)?(\w+))?/gi))
        if (table === m[1] || (alias && !KEYWORDS.has(alias.toLowerCase()) && alias === m[1])) return table;
      return m[1];
    };
    const checked = new Set<string>();
    for (const { sql, args } of seen) {
      if (!/^\s*SELECT/i.test(sql) || checked.has(sql) || /FROM\s+ledger_entry\s+WHERE\s+payment_method/.test(sql)) continue;
      checked.add(sql);
      const plan = (app.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail);
      // An index walked in order to the first LIMIT rows (the latest close, the latest count) is no scan.
      const walksToLimit = (d: string) => /LIMIT \d+\s*$/.test(sql.trim()) && /USING (COVERING )?INDEX|USING INTEGER PRIMARY KEY/.test(d);
      expect(plan.filter((d) => HISTORY.has(scanned(sql, d) ?? '') && !walksToLimit(d)), `${sql}\n${plan.join('\n')}`).toEqual([]);
    }
    // The queries that matter were there: the day's ledger, the day's events (seal), the aggregates.
    const all = [...checked].join('\n');
    expect(all).toMatch(/FROM ledger_entry WHERE day = \?/);
    expect(all).toMatch(/FROM dossier_event WHERE at >= \? AND at < \?/);
    expect(all).toMatch(/FROM dossier_activity WHERE day BETWEEN/);
    expect(checked.size).toBeGreaterThan(20);
  });
});
