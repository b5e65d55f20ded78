import { afterEach, describe, expect, it } from 'vitest';
import type { CallContext } from '../../../main/services/context';
import type { CashCount, DayReport, LedgerLineView, Pending, Shift } from '../../../shared/api/dayClose';
import { dayReportA4, dayReportReceipt } from '../../../shared/dayClose/documents';
import type { Dossier } from '../../../shared/api/reception';
import { formatMoney } from '../../../shared/messages/vi';
import { MANAGER, type TestApp } from '../../support/app';
import { confirmInput } from '../../support/reception';
import { readSheets } from '../../support/xlsx';
import { addClerk, appendLine, CLERK, count, IN_DRAWER, ledgerSum, notesFor, ok, openCounter, refused, session } from './support';

/**
 * The cash in a drawer: the day's expected cash starts from the float the previous close
 * counted; a manager's cancel or reversal of a clerk's line is paid out of that clerk's drawer;
 * a clerk whose lines of the day are not covered by a shift close is open work at the day close.
 */

const DAY1 = '2026-11-20';
const DAY2 = '2026-11-21';
const DAY3 = '2026-11-22';
const POLICE = 'Công an cấp tỉnh';

let app: TestApp;
let manager: CallContext;
let clerk: CallContext;
let clerkId: number;

afterEach(async () => {
  await app?.dispose();
});

async function start(): Promise<void> {
  ({ app, manager } = await openCounter(DAY1));
  ({ clerk, clerkId } = await addClerk(app, manager));
}

/** The next morning: both sessions unlocked again. */
async function nextDay(): Promise<void> {
  app.advance(24 * 3600_000);
  await app.services.auth.unlock(manager, MANAGER.password);
  await app.services.auth.unlock(clerk, CLERK.password);
}

const receive = async (key: string, payment: 'cash' | 'transfer' = 'cash') =>
  (await ok<{ dossier: Dossier }>(app, clerk, 'reception.confirm', confirmInput(app, '3.000333', key, { payment }))).dossier;

describe('the opening float', () => {
  it('carries the previous close’s counted cash into the next day’s expected cash, and shows it', async () => {
    await start();
    await receive('float-dossier-a');
    const day1Cash = ledgerSum(app, "day = ? AND payment_method = 'cash'", DAY1);
    expect(day1Cash).toBe(240000);
    const c1 = await ok<CashCount>(app, manager, 'dayClose.count', { denominations: notesFor(day1Cash), transferConfirmed: 0, idempotencyKey: 'float-count-1' });
    expect(c1).toMatchObject({ openingCash: 0, cashExpected: day1Cash, cashDifference: 0 });
    await ok(app, manager, 'dayClose.close', { countId: c1.id, overrideReason: 'Hồ sơ chuyển cơ quan ngày mai', idempotencyKey: 'float-close-1' });

    // Day 2: the fees go to the agency out of the drawer; nothing else happens.
    await nextDay();
    appendLine(app, { userId: clerkId, kind: 'agency_handover', amount: -200000, method: 'cash', agency: POLICE, label: 'Nộp phí cho Công an cấp tỉnh' });
    const x = await ok<DayReport>(app, manager, 'dayClose.report', { day: DAY2 });
    expect(x).toMatchObject({ kind: 'X', openingCash: 240000 });
    const c2 = await ok<CashCount>(app, manager, 'dayClose.count', { denominations: notesFor(40000), transferConfirmed: 0, idempotencyKey: 'float-count-2' });
    expect(c2).toMatchObject({ openingCash: 240000, cashExpected: 40000, cashCounted: 40000, cashDifference: 0, needsReason: false, needsApproval: false });
    // Replaying the request shows the same count, float included.
    expect(await ok(app, manager, 'dayClose.count', { denominations: notesFor(40000), transferConfirmed: 0, idempotencyKey: 'float-count-2' })).toEqual(c2);

    // A clerk's shift is still her takings since her last shift close, without the float.
    const shift = await ok<CashCount>(app, clerk, 'shift.count', { denominations: notesFor(40000), transferConfirmed: 0, idempotencyKey: 'float-shift-1' });
    expect(shift).toMatchObject({ openingCash: 0, cashExpected: ledgerSum(app, "user_id = ? AND payment_method = 'cash'", clerkId) });

    const closed = await ok<{ report: DayReport }>(app, manager, 'dayClose.close', { countId: c2.id, overrideReason: 'Hồ sơ chuyển cơ quan ngày mai', idempotencyKey: 'float-close-2' });
    const z = closed.report;
    expect(z).toMatchObject({ kind: 'Z', openingCash: 240000, money: { totals: { cash: -200000 } }, count: { cashExpected: 40000, cashCounted: 40000, cashDifference: 0 } });
    expect(await ok(app, manager, 'dayClose.report', { day: DAY2 })).toEqual(z);

    // The papers say where the expected cash comes from.
    const receipt = dayReportReceipt(z).blocks.map((b) => ('cells' in b ? b.cells.map((c) => c.text).join(' | ') : 'text' in b ? b.text : '')).join('\n');
    expect(receipt).toContain(`Tồn quỹ tiền mặt đầu ngày | ${formatMoney(240000)}`);
    const a4 = JSON.stringify(dayReportA4(z));
    expect(a4).toContain('Tồn quỹ tiền mặt đầu ngày');
    expect(a4).toContain(formatMoney(240000));
    const xlsx = await ok<{ contentBase64: string }>(app, manager, 'dayClose.file', { day: DAY2, format: 'xlsx' });
    const sheets = await readSheets(Buffer.from(xlsx.contentBase64, 'base64'));
    expect(sheets['Tổng hợp']).toContainEqual(['Tồn quỹ tiền mặt đầu ngày', '240000']);
    expect(sheets['Tổng hợp']).toContainEqual(['Tiền mặt theo sổ', '40000']);

    // Day 3 starts from what day 2 counted.
    await nextDay();
    expect(await ok(app, manager, 'dayClose.report', { day: DAY3 })).toMatchObject({ openingCash: 40000 });
    const c3 = await ok<CashCount>(app, manager, 'dayClose.count', { denominations: notesFor(40000), transferConfirmed: 0, idempotencyKey: 'float-count-3' });
    expect(c3).toMatchObject({ openingCash: 40000, cashExpected: 40000, cashDifference: 0 });
  });
});

describe('a reversal lands in the drawer of the line it reverses', () => {
  it('puts a manager’s cancel of a clerk’s dossier in the clerk’s shift, not the manager’s, and leaves the ledger and the day as they were', async () => {
    await start();
    const a = await receive('drawer-dossier-a');
    await receive('drawer-dossier-b', 'transfer');
    await ok(app, manager, 'reception.cancel', { dossierId: a.id, reason: 'Công dân rút hồ sơ, hoàn tiền' });
    const managerId = session(manager).userId;
    // The ledger keeps who wrote the reversal.
    expect(count(app, "SELECT count(*) FROM ledger_entry WHERE kind = 'reversal' AND user_id = ?", managerId)).toBe(3);
    const clerkLines = count(app, 'SELECT count(*) FROM ledger_entry WHERE user_id = ?', clerkId) + 3;

    expect(await ok(app, clerk, 'shift.current', {})).toMatchObject({ lines: clerkLines });
    expect(await ok(app, manager, 'shift.current', {})).toMatchObject({ lines: 0 });

    // The refund was paid out of the clerk's drawer: what is left is the transfer dossier's money only.
    const transfer = ledgerSum(app, "payment_method = 'transfer'");
    const c = await ok<CashCount>(app, clerk, 'shift.count', { denominations: [], transferConfirmed: transfer, idempotencyKey: 'drawer-count-1' });
    expect(c).toMatchObject({ cashExpected: 0, transferExpected: transfer, cashDifference: 0, transferDifference: 0, needsReason: false, lines: clerkLines });
    const m = await ok<CashCount>(app, manager, 'shift.count', { denominations: [], transferConfirmed: 0, idempotencyKey: 'drawer-count-2' });
    expect(m).toMatchObject({ cashExpected: 0, transferExpected: 0, lines: 0 });

    const closed = await ok<{ shift: Shift }>(app, clerk, 'shift.close', { countId: c.id, idempotencyKey: 'drawer-close-1' });
    expect(closed.shift).toMatchObject({ lines: clerkLines, cashExpected: 0 });
    expect(closed.shift.money.find((x) => x.kind === 'reversal')).toMatchObject({ paymentMethod: 'cash', lines: 3, amount: -240000 });
    const lines = await ok<LedgerLineView[]>(app, manager, 'ledger.lines', { from: DAY1, to: DAY1, shiftId: closed.shift.id, limit: 100 });
    expect(lines).toHaveLength(clerkLines);
    expect(lines.filter((l) => l.kind === 'reversal').map((l) => l.userId)).toEqual([managerId, managerId, managerId]);
    expect(await ok(app, clerk, 'shift.current', {})).toMatchObject({ lines: 0 });

    // The day is every drawer together: unchanged.
    const day = await ok<CashCount>(app, manager, 'dayClose.count', { denominations: [], transferConfirmed: transfer, idempotencyKey: 'drawer-day-1' });
    expect(day.cashExpected).toBe(ledgerSum(app, "day = ? AND payment_method = 'cash'", DAY1));
    expect(day.cashExpected).toBe(0);

    // A reversal written after the clerk closed her shift opens her drawer again.
    const b = app.db.prepare("SELECT id FROM ledger_entry WHERE kind = 'postal_send' AND payment_method = 'transfer'").pluck().get() as number;
    await ok(app, manager, 'ledger.reverse', { ledgerId: b, reason: 'Thu nhầm cước gửi' });
    expect(await ok(app, clerk, 'shift.current', {})).toMatchObject({ lines: 1 });
    expect(await ok(app, manager, 'shift.current', {})).toMatchObject({ lines: 0 });
  });
});

describe('open shifts at the day close', () => {
  it('lists the clerks whose lines of the day no shift close covers, blocks the close until they close, and shows them in the Z report', async () => {
    await start();
    await ok(app, manager, 'dayClose.updateConfig', { blockOn: ['openShifts'] });
    const before = await ok<Pending>(app, manager, 'dayClose.pending', {});
    expect(before.openShifts).toEqual({ count: 0, items: [] });
    expect(before.blocking).toBe(false);
    // The manager's own reception: her drawer is counted by the day close itself, not a shift left open.
    await ok(app, manager, 'reception.confirm', confirmInput(app, '3.000333', 'open-manager-a'));
    expect(await ok<Pending>(app, manager, 'dayClose.pending', {})).toMatchObject({ openShifts: { count: 0, items: [] }, blocking: false });

    await receive('open-dossier-a');
    const pending = await ok<Pending>(app, manager, 'dayClose.pending', {});
    const lines = count(app, 'SELECT count(*) FROM ledger_entry WHERE user_id = ?', clerkId);
    expect(pending.openShifts).toEqual({
      count: 1,
      items: [{ userId: clerkId, name: CLERK.fullName, lines, since: app.db.prepare('SELECT min(at) FROM ledger_entry WHERE user_id = ?').pluck().get(clerkId) }],
    });
    expect(pending.blocking).toBe(true);

    const cash = ledgerSum(app, "day = ? AND payment_method = 'cash'", DAY1);
    const clerkCash = ledgerSum(app, `day = ? AND payment_method = 'cash' AND ${IN_DRAWER}`, DAY1, clerkId);
    const dayCount = await ok<CashCount>(app, manager, 'dayClose.count', { denominations: notesFor(cash), transferConfirmed: 0, idempotencyKey: 'open-day-1' });
    const refusal = await refused(app, manager, 'dayClose.close', { countId: dayCount.id, idempotencyKey: 'open-close-1' });
    expect(refusal.message).toMatch(/1 giao dịch viên chưa kết ca/);

    // She counts and closes her shift: nothing open any more.
    const c = await ok<CashCount>(app, clerk, 'shift.count', { denominations: notesFor(clerkCash), transferConfirmed: 0, idempotencyKey: 'open-shift-1' });
    await ok(app, clerk, 'shift.close', { countId: c.id, idempotencyKey: 'open-shift-close-1' });
    expect(await ok<Pending>(app, manager, 'dayClose.pending', {})).toMatchObject({ openShifts: { count: 0, items: [] }, blocking: false });

    // The manager's reversal of the clerk's line is the clerk's drawer's again: open until she closes again.
    const line = app.db.prepare("SELECT id FROM ledger_entry WHERE kind = 'postal_send' AND user_id = ?").pluck().get(clerkId) as number;
    await ok(app, manager, 'ledger.reverse', { ledgerId: line, reason: 'Thu nhầm cước gửi' });
    const again = await ok<Pending>(app, manager, 'dayClose.pending', {});
    expect(again.openShifts.items).toEqual([expect.objectContaining({ userId: clerkId, lines: 1 })]);

    const recount = await ok<CashCount>(app, manager, 'dayClose.count', { denominations: notesFor(cash - 20000), transferConfirmed: 0, idempotencyKey: 'open-day-2' });
    const closed = await ok<{ report: DayReport }>(app, manager, 'dayClose.close', {
      countId: recount.id,
      overrideReason: 'Giao dịch viên đã về, kết ca sáng mai',
      idempotencyKey: 'open-close-2',
    });
    expect(closed.report.pending?.openShifts.items).toEqual([expect.objectContaining({ userId: clerkId, name: CLERK.fullName })]);
    const receipt = dayReportReceipt(closed.report).blocks.map((b) => ('cells' in b ? b.cells.map((x) => x.text).join(' | ') : '')).join('\n');
    expect(receipt).toContain('Giao dịch viên chưa kết ca | 1');
  });
});
