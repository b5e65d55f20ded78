import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallContext } from '../../../main/services/context';
import { ApiError } from '../../../shared/api/errors';
import type { Pending, Shift } from '../../../shared/api/dayClose';
import { type TestApp } from '../../support/app';
import { confirmInput } from '../../support/reception';
import { ok, openCounter, refused, session } from './support';

/**
 * The inputs the ledger and the day close accept (real calendar days only), and the plans of the
 * per-call queries of the pending list and the shift list on a point with years of results
 * nobody collected.
 */

const DAY = '2026-11-20';
const NOT_DELIVERED = ['result_received', 'awaiting_pickup', 'out_for_delivery', 'delivery_failed'];
let app: TestApp;
let manager: CallContext;

beforeAll(async () => {
  ({ app, manager } = await openCounter(DAY));
  const a = app.services.reception.confirm(manager, session(manager), confirmInput(app, '3.000333', 'queries-a')).dossier;
  // 240 old results not collected, in the four not-delivered states, their times not in id order.
  const cols = app.db
    .prepare("SELECT name FROM pragma_table_info('dossier') WHERE name NOT IN ('id', 'code', 'idempotency_key', 'item_number', 'status', 'status_at', 'received_day')")
    .pluck()
    .all() as string[];
  const copy = app.db.prepare(
    `INSERT INTO dossier (code, idempotency_key, item_number, status, status_at, received_day, ${cols.join(', ')})
     SELECT ?, ?, NULL, ?, ?, '2024-01-01', ${cols.join(', ')} FROM dossier WHERE id = ?`,
  );
  app.db.transaction(() => {
    for (let i = 0; i < 240; i++) {
      const minute = (i * 37) % 240;
      copy.run(`OLD-${i}`, `old-${i}`, NOT_DELIVERED[i % 4], new Date(Date.UTC(2024, 1, 1, 0, minute)).toISOString(), a.id);
    }
  })();
});
afterAll(async () => {
  await app?.dispose();
});

/** Every statement run while `fn` runs, with its arguments. */
function capture(fn: () => void): { sql: string; args: unknown[] }[] {
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
  try {
    fn();
  } finally {
    app.db.prepare = prepare;
  }
  return seen;
}

const plan = (sql: string, args: unknown[]) => (app.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...(args as [])) as { detail: string }[]).map((r) => r.detail);

describe('days the ledger and the day close accept', () => {
  it('refuses dates that are no calendar day, through the API and in the service', async () => {
    for (const [method, params] of [
      ['ledger.lines', { from: '0000-00-00', to: '9999-99-99', limit: 5000 }],
      ['ledger.totals', { from: '2000-01-01', to: '2099-13-01', groupBy: ['day'] }],
      ['ledger.lines', { from: '2026-02-30', to: '2026-03-01' }],
      ['shift.list', { day: '2026-11-31' }],
      ['dayClose.pending', { day: '2026-00-10' }],
      ['reports.period', { from: '2026-01-01', to: '2026-04-31' }],
    ] as const)
      expect(await refused(app, manager, method, params), `${method} ${JSON.stringify(params)}`).toMatchObject({ code: 'VALIDATION' });
    let err: unknown;
    try {
      app.services.ledger.lines({ from: '0000-00-00', to: '9999-99-99', limit: 10 });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('VALIDATION');
    // Real days over more than a year and a day are refused as too long, not read.
    expect(await refused(app, manager, 'ledger.totals', { from: '2000-01-01', to: '2099-12-31', groupBy: ['day'] })).toMatchObject({ code: 'CONFLICT' });
    expect(await ok(app, manager, 'ledger.totals', { from: '2026-02-28', to: DAY, groupBy: ['day'] })).toEqual([{ day: DAY, lines: 3, amount: 240000 }]);
  });
});

describe('the pending list on a point with many results not collected', () => {
  it('counts them on the index and lists the oldest 50 without reading or sorting the others', async () => {
    let pending: Pending | undefined;
    const seen = capture(() => {
      pending = app.services.dayClose.pending();
    });
    const expected = app.db
      .prepare(`SELECT id, code, status, result_date AS resultDate FROM dossier WHERE status IN (${NOT_DELIVERED.map(() => '?').join(', ')}) ORDER BY status_at, id LIMIT 50`)
      .all(...NOT_DELIVERED) as { id: number }[];
    expect(pending?.notDelivered.count).toBe(240);
    expect(pending?.notDelivered.items.map(({ id, code, status, resultDate }) => ({ id, code, status, resultDate }))).toEqual(expected);
    expect(pending?.notDelivered.items[0].statusLabel).toBeTruthy();

    const undelivered = seen.filter((s) => /awaiting_pickup/.test(s.sql));
    expect(undelivered.length).toBeGreaterThanOrEqual(2);
    for (const s of undelivered) {
      const reads = plan(s.sql, s.args).filter((d) => /^(SCAN|SEARCH) (dossier|d)\b/.test(d));
      expect(reads.length, s.sql).toBeGreaterThan(0);
      // Index entries only, or a row fetched by its id (the 50 shown).
      for (const d of reads) expect(d, s.sql).toMatch(/COVERING INDEX|INTEGER PRIMARY KEY \(rowid=\?\)/);
    }
    // Still the same answer through the API (schema and all).
    expect((await ok<Pending>(app, manager, 'dayClose.pending', {})).notDelivered.items).toEqual(pending?.notDelivered.items);
  });

  it('reads the shift list by its day or its clerk, not the whole table', async () => {
    const c = await ok<{ id: number }>(app, manager, 'shift.count', { denominations: [{ value: 200000, count: 1 }, { value: 20000, count: 2 }], transferConfirmed: 0, idempotencyKey: 'queries-shift' });
    await ok(app, manager, 'shift.close', { countId: c.id, idempotencyKey: 'queries-shift-close' });
    const userId = session(manager).userId;
    for (const filter of [{ day: DAY }, { userId }, { day: DAY, userId }]) {
      let shifts: Shift[] = [];
      const seen = capture(() => {
        shifts = app.services.dayClose.listShifts({ ...filter, limit: 10 });
      });
      expect(shifts.map((s) => s.clerkId)).toEqual([userId]);
      const list = seen.filter((s) => /FROM shift_close/.test(s.sql));
      expect(list).toHaveLength(1);
      expect(plan(list[0].sql, list[0].args).join('\n'), list[0].sql).not.toMatch(/SCAN shift_close/);
    }
    expect(app.services.dayClose.listShifts({ day: '2026-11-19', limit: 10 })).toEqual([]);
    expect(app.services.dayClose.listShifts({ limit: 10 })).toHaveLength(1);
  });
});
