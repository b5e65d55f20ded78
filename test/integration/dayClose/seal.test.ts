import Database from 'better-sqlite3';
import type { CallContext } from '../../../main/services/context';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp } from '../../support/app';
import { confirmInput } from '../../support/reception';
import { repoRoot } from '../../support/temp';
import { readSheets } from '../../support/xlsx';
import { ledgerSum, notesFor, openCounter, session } from './support';

/**
 * The seal of a closed day against someone with sqlite3 and the file: `db check` recomputes
 * every sealed day and names the day and what changed. And the admin's report commands.
 */

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'bcci-counter.mjs'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, BCCI_COUNTER_DATA_DIR: '' },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const DAY = '2026-11-20';
let app: TestApp;
let dbFile: string;

/** What an attacker does: drop the append-only trigger, change the row, put the trigger back. */
function tamper(table: 'ledger_entry' | 'dossier_event', sql: string): void {
  const db = new Database(dbFile);
  const trigger = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name = ?").get(`${table}_no_update`) as { name: string; sql: string };
  db.exec(`DROP TRIGGER ${trigger.name}`);
  expect(db.prepare(sql).run().changes).toBe(1);
  db.exec(trigger.sql);
  db.close();
}

beforeAll(async () => {
  let manager: CallContext;
  ({ app, manager } = await openCounter(DAY));
  app.services.reception.confirm(manager, session(manager), confirmInput(app, '3.000333', 'seal-a'));
  app.services.reception.confirm(manager, session(manager), confirmInput(app, '1.001456', 'seal-b', { payment: 'transfer' }));
  const cash = ledgerSum(app, "day = ? AND payment_method = 'cash'", DAY);
  const transfer = ledgerSum(app, "day = ? AND payment_method = 'transfer'", DAY);
  const count = app.services.dayClose.countDay(manager, session(manager), { denominations: notesFor(cash), transferConfirmed: transfer, idempotencyKey: 'seal-count' });
  await app.services.dayClose.closeDay(manager, session(manager), { countId: count.id, overrideReason: 'Chuyển hồ sơ sáng mai', idempotencyKey: 'seal-close' });
  app.advance(24 * 3600_000);
  app.services.reception.confirm(manager, session(manager), confirmInput(app, '3.000333', 'seal-c'));
  await app.services.printQueue.idle();
  dbFile = app.paths.dbFile;
  await app.close();
});
afterAll(async () => {
  await app?.dispose();
});

describe('report commands', () => {
  it('writes the Z report of a closed day and says so', async () => {
    const out = path.join(app.dir, 'z.xlsx');
    const r = cli('--data-dir', app.dir, 'report', 'day', DAY, '--format', 'xlsx', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/báo cáo Z \(đã khóa sổ, số 1\) ngày 20\/11\/2026/);
    const sheets = await readSheets(fs.readFileSync(out));
    expect(sheets['Tổng hợp']).toContainEqual(['Loại báo cáo', 'Z — đã khóa sổ']);
    expect(sheets['Tổng hợp']).toContainEqual(['Tiếp nhận', '2']);
  });

  it('writes an X report of a day not closed yet, and says that too', () => {
    const out = path.join(app.dir, 'x.pdf');
    const r = cli('--data-dir', app.dir, 'report', 'day', '21/11/2026', '--format', 'pdf', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Ngày 21\/11\/2026 chưa khóa sổ: đã ghi báo cáo X/);
    expect(fs.readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('writes the report for a period', async () => {
    const out = path.join(app.dir, 'period.xlsx');
    const r = cli('--data-dir', app.dir, 'report', 'period', '2026-11-01', '2026-11-30', '--format', 'xlsx', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const sheets = await readSheets(fs.readFileSync(out));
    expect(sheets['Theo tháng']).toEqual([
      ['Tháng', 'Hồ sơ tiếp nhận', 'Kết quả đã trả', 'Trả trễ hẹn'],
      ['11/2026', '3', '0', '0'],
    ]);
  });

  it('refuses a wrong date, a wrong format and a reversed period as wrong usage (exit 2)', () => {
    const out = path.join(app.dir, 'never.pdf');
    const bad = cli('--data-dir', app.dir, 'report', 'day', '2026-02-30', '--out', out);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/"2026-02-30" không phải ngày hợp lệ/);
    expect(cli('--data-dir', app.dir, 'report', 'day', DAY, '--format', 'docx', '--out', out).code).toBe(2);
    expect(cli('--data-dir', app.dir, 'report', 'period', '2026-12-01', '2026-11-01', '--out', out).code).toBe(2);
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe('db check and the seal', () => {
  it('passes an untouched database', () => {
    const r = cli('--data-dir', app.dir, 'db', 'check');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Niêm phong: 1 ngày đã khóa sổ, 0 ngày không khớp');
    const json = JSON.parse(cli('--data-dir', app.dir, 'db', 'check', '--json').stdout) as { ok: boolean; seals: unknown };
    expect(json).toMatchObject({ ok: true, seals: { sealedDays: 1, problems: [], agencyBalanceMismatches: [] } });
  });

  it('names the day and the ledger when a sealed line was changed behind the app’s back', () => {
    tamper('ledger_entry', `UPDATE ledger_entry SET amount = amount - 5000 WHERE id = (SELECT min(id) FROM ledger_entry WHERE day = '${DAY}' AND kind = 'postal_send')`);
    const r = cli('--data-dir', app.dir, 'db', 'check');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('ngày 20/11/2026 (khóa sổ số 1) không khớp niêm phong: sổ thu');
    expect(r.stderr).not.toContain('sự kiện');
  });

  it('names the events too when an event of that day was changed', () => {
    tamper('dossier_event', `UPDATE dossier_event SET detail = '{"reason":"sửa"}' WHERE id = (SELECT min(id) FROM dossier_event)`);
    const r = cli('--data-dir', app.dir, 'db', 'check', '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).seals.problems).toEqual([{ day: DAY, sequence: 1, parts: ['ledger', 'events'] }]);
  });

  it('notices the report aggregates were edited (they are derived, so they are checked against the history)', () => {
    const db = new Database(dbFile);
    db.prepare(`UPDATE dossier_activity SET n = n + 5 WHERE day = '${DAY}' AND metric = 'received'`).run();
    db.close();
    const r = cli('--data-dir', app.dir, 'db', 'check');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('không khớp niêm phong: sổ thu, sự kiện hồ sơ, bảng tổng hợp hồ sơ');
  });
});
