import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sealProblems } from '../../../main/cli/reportCommands';
import { checkDatabase, type Db } from '../../../main/db/database';
import type { CallContext } from '../../../main/services/context';
import type { CashCount, DayCloseSummary, DayReport } from '../../../shared/api/dayClose';
import { dayReportA4, dayReportReceipt } from '../../../shared/dayClose/documents';
import { formatMoney } from '../../../shared/messages/vi';
import { MANAGER, type TestApp } from '../../support/app';
import { repoRoot } from '../../support/temp';
import { readSheets } from '../../support/xlsx';
import { appendLine, count, notesFor, ok, openCounter, refused, session } from './support';

/**
 * The cash that leaves the office at the day close (to the bank or the provincial post): recorded
 * with the close, sealed with it, printed on the Z report, and taken out of the float the next day
 * starts from — so the float does not grow for ever.
 */

const DAY1 = '2026-11-20';
const DAY2 = '2026-11-21';
const OVERRIDE = 'Hồ sơ chuyển cơ quan ngày mai';

let app: TestApp;
let manager: CallContext;

afterEach(async () => {
  await app?.dispose();
});

async function start(): Promise<void> {
  ({ app, manager } = await openCounter(DAY1));
}

/** A day's cash takings of exactly `amount` (one postage line by the manager, dated by the app's clock). */
function takeCash(amount: number): void {
  appendLine(app, { userId: session(manager).userId, kind: 'postal_send', amount, method: 'cash', label: 'Cước gửi hồ sơ' });
}

async function countDay(amount: number, key: string): Promise<CashCount> {
  return ok<CashCount>(app, manager, 'dayClose.count', { denominations: notesFor(amount), transferConfirmed: 0, idempotencyKey: key });
}

const receiptText = (r: DayReport) =>
  dayReportReceipt(r)
    .blocks.map((b) => ('cells' in b ? b.cells.map((c) => c.text).join(' | ') : 'text' in b ? b.text : ''))
    .join('\n');

/** Someone with sqlite3: drops the append-only trigger of `table`, runs the statement, puts it back. */
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

describe('cash remitted at the day close', () => {
  it('takes the remitted cash out of the float the next day starts from, and says so on the Z report', async () => {
    await start();
    takeCash(7_209_000);
    const c1 = await countDay(7_209_000, 'remit-count-1');
    expect(c1).toMatchObject({ openingCash: 0, cashExpected: 7_209_000, cashCounted: 7_209_000, cashDifference: 0 });
    const closed = await ok<{ close: DayCloseSummary; report: DayReport }>(app, manager, 'dayClose.close', {
      countId: c1.id,
      overrideReason: OVERRIDE,
      cashRemitted: 7_000_000,
      remittanceNote: '  Giấy nộp tiền số 0012345, Agribank Phan Rang  ',
      idempotencyKey: 'remit-close-1',
    });
    expect(closed.close).toMatchObject({ cashCounted: 7_209_000, cashRemitted: 7_000_000, remittanceNote: 'Giấy nộp tiền số 0012345, Agribank Phan Rang' });
    expect(closed.report.count).toMatchObject({ cashCounted: 7_209_000, cashRemitted: 7_000_000, remittanceNote: 'Giấy nộp tiền số 0012345, Agribank Phan Rang' });
    expect(app.db.prepare('SELECT cash_counted, cash_remitted, remittance_note FROM day_close WHERE day = ?').get(DAY1)).toEqual({
      cash_counted: 7_209_000,
      cash_remitted: 7_000_000,
      remittance_note: 'Giấy nộp tiền số 0012345, Agribank Phan Rang',
    });
    expect((await ok<DayCloseSummary[]>(app, manager, 'dayClose.list', {}))[0]).toMatchObject({ cashRemitted: 7_000_000 });

    // The papers: what left the office and what stays for tomorrow (counted − remitted).
    const z = closed.report;
    const receipt = receiptText(z);
    expect(receipt).toContain(`Tiền mặt nộp về | ${formatMoney(7_000_000)}`);
    expect(receipt).toContain(`Tồn quỹ chuyển sang ngày sau | ${formatMoney(209_000)}`);
    expect(receipt).toContain('Giấy nộp tiền số 0012345');
    const a4 = JSON.stringify(dayReportA4(z));
    expect(a4).toContain('Tiền mặt nộp về');
    expect(a4).toContain('Tồn quỹ chuyển sang ngày sau');
    expect(a4).toContain(formatMoney(209_000));
    const xlsx = await ok<{ contentBase64: string }>(app, manager, 'dayClose.file', { day: DAY1, format: 'xlsx' });
    const sheets = await readSheets(Buffer.from(xlsx.contentBase64, 'base64'));
    expect(sheets['Tổng hợp']).toContainEqual(['Tiền mặt nộp về', '7000000']);
    expect(sheets['Tổng hợp']).toContainEqual(['Tồn quỹ chuyển sang ngày sau', '209000']);

    // Day 2 starts from 209.000 đ, not from the 7.209.000 đ counted.
    app.advance(24 * 3600_000);
    await app.services.auth.unlock(manager, MANAGER.password);
    expect(await ok<DayReport>(app, manager, 'dayClose.report', { day: DAY2 })).toMatchObject({ kind: 'X', openingCash: 209_000 });
    takeCash(91_000);
    const c2 = await countDay(300_000, 'remit-count-2');
    expect(c2).toMatchObject({ openingCash: 209_000, cashExpected: 300_000, cashCounted: 300_000, cashDifference: 0, needsReason: false });
    // No remittance given: nothing leaves, the whole count is carried.
    const closed2 = await ok<{ close: DayCloseSummary; report: DayReport }>(app, manager, 'dayClose.close', { countId: c2.id, overrideReason: OVERRIDE, idempotencyKey: 'remit-close-2' });
    expect(closed2.close).toMatchObject({ cashRemitted: 0, remittanceNote: null });
    expect(closed2.report).toMatchObject({ openingCash: 209_000, count: { cashRemitted: 0, remittanceNote: null } });
    expect(receiptText(closed2.report)).toContain(`Tồn quỹ chuyển sang ngày sau | ${formatMoney(300_000)}`);
    expect(checkDatabase(app.db).seals.problems).toEqual([]);
  });

  it('refuses to remit more than was counted, with a message, and writes nothing', async () => {
    await start();
    takeCash(7_209_000);
    const c = await countDay(7_209_000, 'over-count');
    const base = { countId: c.id, overrideReason: OVERRIDE, idempotencyKey: 'over-close' };
    const before = {
      closes: count(app, 'SELECT count(*) FROM day_close'),
      audit: count(app, 'SELECT count(*) FROM audit_log'),
      jobs: count(app, 'SELECT count(*) FROM print_job'),
    };

    const over = await refused(app, manager, 'dayClose.close', { ...base, cashRemitted: 7_209_001 });
    expect(over.code).toBe('CONFLICT');
    expect(over.message).toBe(`Tiền mặt nộp về (${formatMoney(7_209_001)} đ) nhiều hơn tiền mặt đếm được (${formatMoney(7_209_000)} đ): không nộp được số tiền không có trong két. Hãy sửa số tiền nộp về.`);
    expect((await refused(app, manager, 'dayClose.close', { ...base, cashRemitted: -1 })).code).toBe('VALIDATION');
    expect((await refused(app, manager, 'dayClose.close', { ...base, cashRemitted: 1.5 })).code).toBe('VALIDATION');
    expect((await refused(app, manager, 'dayClose.close', { ...base, cashRemitted: 1000, remittanceNote: 'x'.repeat(201) })).code).toBe('VALIDATION');
    // The service checks too, for callers that do not go through the contract.
    await expect(app.services.dayClose.closeDay(manager, session(manager), { ...base, cashRemitted: -5000 })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/không âm/) });
    await expect(app.services.dayClose.closeDay(manager, session(manager), { ...base, cashRemitted: 1000, remittanceNote: 'y'.repeat(201) })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/dài quá 200 ký tự/),
    });

    expect({
      closes: count(app, 'SELECT count(*) FROM day_close'),
      audit: count(app, 'SELECT count(*) FROM audit_log'),
      jobs: count(app, 'SELECT count(*) FROM print_job'),
    }).toEqual(before);
    expect(app.services.dayClose.isClosed(DAY1)).toBe(false);

    // Exactly what was counted may leave; the same request key still works (nothing was written under it).
    const r = await ok<{ close: DayCloseSummary }>(app, manager, 'dayClose.close', { ...base, cashRemitted: 7_209_000 });
    expect(r.close).toMatchObject({ cashCounted: 7_209_000, cashRemitted: 7_209_000 });
  });

  it('is sealed: a remittance changed behind the app’s back is reported by db check', async () => {
    await start();
    takeCash(7_209_000);
    const c = await countDay(7_209_000, 'seal-remit-count');
    await ok(app, manager, 'dayClose.close', { countId: c.id, overrideReason: OVERRIDE, cashRemitted: 7_000_000, remittanceNote: 'GNT 0012345', idempotencyKey: 'seal-remit-close' });
    await app.services.printQueue.idle();
    expect(checkDatabase(app.db).seals.problems).toEqual([]);

    // Someone makes the office "remit" less, so that 1.000.000 đ more seems to stay in the drawer.
    expect(tamper(app.db, 'day_close', 'UPDATE day_close SET cash_remitted = 6000000 WHERE day = ?', DAY1)).toBe(1);
    const check = checkDatabase(app.db);
    expect(check.seals.problems).toEqual([{ day: DAY1, sequence: 1, parts: ['count'] }]);
    expect(sealProblems(check.seals)).toEqual(['ngày 20/11/2026 (khóa sổ số 1) không khớp niêm phong: kiểm đếm và khóa sổ']);
    const r = cli('--data-dir', app.dir, 'db', 'check');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('ngày 20/11/2026 (khóa sổ số 1) không khớp niêm phong: kiểm đếm và khóa sổ');

    // The slip reference is sealed too.
    tamper(app.db, 'day_close', 'UPDATE day_close SET cash_remitted = 7000000, remittance_note = ? WHERE day = ?', 'GNT 0099999', DAY1);
    expect(checkDatabase(app.db).seals.problems).toEqual([{ day: DAY1, sequence: 1, parts: ['count'] }]);
    tamper(app.db, 'day_close', 'UPDATE day_close SET remittance_note = ? WHERE day = ?', 'GNT 0012345', DAY1);
    expect(checkDatabase(app.db).seals.problems).toEqual([]);
  });
});
