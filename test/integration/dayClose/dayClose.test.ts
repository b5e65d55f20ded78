import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EscposEmulator } from '../../../main/devices/emulators/escposEmulator';
import type { CallContext } from '../../../main/services/context';
import { dayClosedError } from '../../../main/services/dayClose/dayClosedError';
import { dayWindow, verifySeals } from '../../../main/services/dayClose/seal';
import { buildDayReport } from '../../../main/services/reports/reportBuilders';
import type { CashCount, DayReport, LedgerLineView, Shift } from '../../../shared/api/dayClose';
import type { Dossier } from '../../../shared/api/reception';
import type { PrintJob } from '../../../shared/api/devices';
import { formatMoney } from '../../../shared/messages/vi';
import { MANAGER, type TestApp } from '../../support/app';
import { confirmInput } from '../../support/reception';
import { readSheets } from '../../support/xlsx';
import { pdfTextRuns } from '../../unit/printing/pdfText';
import { addClerk, appendLine, CLERK, count, IN_DRAWER, ledgerSum, notesFor, ok, openCounter, refused } from './support';

/**
 * A day at the counter generated through the services — receptions in cash and by transfer, a
 * cancellation, money collected on delivery and fees handed to an agency — then a clerk's shift
 * close, the manager's day close with a counted difference, the Z report checked against plain SQL
 * over the ledger, its PDF and XLSX read back, the closed day refusing every change, and a
 * correction on the next day.
 */

const DAY = '2026-11-20';
const NEXT = '2026-11-21';
const POLICE = 'Công an cấp tỉnh';

let app: TestApp;
let manager: CallContext;
let clerk: CallContext;
let clerkId: number;
const dossiers: Record<'a' | 'b' | 'c' | 'd', Dossier> = {} as never;
let sealed: DayReport;
let closeJob: PrintJob | null;

const minutes = (n: number) => app.advance(n * 60_000);

beforeAll(async () => {
  ({ app, manager } = await openCounter(DAY));
  ({ clerk, clerkId } = await addClerk(app, manager));

  const confirm = async (code: string, key: string, payment: 'cash' | 'transfer') =>
    (await ok<{ dossier: Dossier }>(app, clerk, 'reception.confirm', confirmInput(app, code, key, { payment }))).dossier;
  dossiers.a = await confirm('3.000333', 'day-close-a', 'cash');
  minutes(10);
  dossiers.b = await confirm('1.001456', 'day-close-b', 'transfer');
  minutes(10);
  dossiers.c = await confirm('3.000333', 'day-close-c', 'cash');
  minutes(10);
  dossiers.d = await confirm('1.001471', 'day-close-d', 'cash');
  const input = confirmInput(app, '3.000333', 'unused');
  await ok(app, clerk, 'reception.guidance', {
    procedureCode: input.procedureCode,
    versionId: input.versionId,
    answers: { conditions: input.answers.conditions, items: {} },
    applicantName: 'Trần Văn Bình',
    idempotencyKey: 'day-close-guide',
  });
  minutes(30);
  await ok(app, manager, 'reception.cancel', { dossierId: dossiers.c.id, reason: 'Công dân xin rút hồ sơ' });
  // Money the lifecycle writes, through its services: the fees handed to the agency with the
  // manifest it signed for, and the return charge collected when a result is handed over.
  const manifest = await ok<{ manifest: { id: number } }>(app, manager, 'handover.createManifest', { agency: POLICE });
  await ok(app, manager, 'handover.scan', { manifestId: manifest.manifest.id, code: dossiers.a.code });
  await ok(app, manager, 'handover.dispatch', { manifestId: manifest.manifest.id, carrier: 'Lê Văn Tài', idempotencyKey: 'day-close-dispatch' });
  minutes(30);
  await ok(app, manager, 'handover.agencyReceipt', { manifestId: manifest.manifest.id, receiverName: 'Phạm Thị Thu', feesHandedOver: true });
  const result = await ok<{ dossier: { id: number } }>(app, clerk, 'results.register', {
    idempotencyKey: 'day-close-result',
    procedureCode: '1.001193',
    applicant: { fullName: 'Lò Thị Mai', phone: '0987654321', idNumber: '079190005555' },
    delivery: { kind: 'pickup_here' },
    amountDue: 30000,
  });
  await ok(app, clerk, 'delivery.handOver', { dossierId: result.dossier.id, scanned: '079190005555', idempotencyKey: 'day-close-handover' });
  await app.services.printQueue.idle();
});
afterAll(async () => {
  await app?.dispose();
});

describe('shift close', () => {
  it('is blind: the open shift shows how many lines, never an amount', async () => {
    const current = await ok<Record<string, unknown>>(app, clerk, 'shift.current', {});
    expect(Object.keys(current).sort()).toEqual(['lastCount', 'lines', 'since']);
    // Her drawer: her lines, and the manager's reversals of them (the cancelled dossier's refund).
    expect(current.lines).toBe(count(app, `SELECT count(*) FROM ledger_entry WHERE ${IN_DRAWER}`, clerkId));
    expect(current.lines).toBe(count(app, 'SELECT count(*) FROM ledger_entry WHERE user_id = ?', clerkId) + 3);
    expect(await refused(app, clerk, 'dayClose.report', {})).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refused(app, clerk, 'ledger.lines', { from: DAY, to: DAY })).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('shows the difference once counted, wants a reason for it, and closes the clerk’s lines since the last close', async () => {
    const cashExpected = ledgerSum(app, `${IN_DRAWER} AND payment_method = 'cash'`, clerkId);
    const transferExpected = ledgerSum(app, `${IN_DRAWER} AND payment_method = 'transfer'`, clerkId);
    expect(cashExpected).toBeGreaterThan(0);
    expect(transferExpected).toBeGreaterThan(0);
    const counted = await ok<CashCount>(app, clerk, 'shift.count', { denominations: notesFor(cashExpected - 10000), transferConfirmed: transferExpected, idempotencyKey: 'shift-count-1' });
    expect(counted).toMatchObject({ cashExpected, cashCounted: cashExpected - 10000, cashDifference: -10000, transferDifference: 0, needsReason: true, needsApproval: false });

    const noReason = await refused(app, clerk, 'shift.close', { countId: counted.id, idempotencyKey: 'shift-close-1' });
    expect(noReason.message).toMatch(/Tiền mặt thiếu 10\.000 đ.*ghi lý do/);
    const closed = await ok<{ shift: Shift; printJob: PrintJob }>(app, clerk, 'shift.close', { countId: counted.id, reason: 'Trả lại tiền thừa nhầm cho khách', idempotencyKey: 'shift-close-1' });
    expect(closed.shift).toMatchObject({ clerk: CLERK.fullName, cashExpected, cashCounted: cashExpected - 10000, transferExpected, lines: count(app, `SELECT count(*) FROM ledger_entry WHERE ${IN_DRAWER}`, clerkId) });
    expect(closed.shift.money.reduce((s, m) => s + m.amount, 0)).toBe(ledgerSum(app, IN_DRAWER, clerkId));
    expect(closed.printJob.title).toBe('BÁO CÁO KẾT CA');
    const again = await ok<{ shift: Shift }>(app, clerk, 'shift.close', { countId: counted.id, reason: 'Trả lại tiền thừa nhầm cho khách', idempotencyKey: 'shift-close-1' });
    expect(again.shift.id).toBe(closed.shift.id);
    expect(await ok(app, clerk, 'shift.current', {})).toMatchObject({ lines: 0 });
    // The lines of the shift, as the manager reads them.
    const lines = await ok<LedgerLineView[]>(app, manager, 'ledger.lines', { from: DAY, to: DAY, shiftId: closed.shift.id, limit: 100 });
    expect(lines.length).toBe(closed.shift.lines);
  });
});

describe('day close', () => {
  let countId: number;
  let cashExpected: number;
  let transferExpected: number;

  it('lists what is still open before the close', async () => {
    const pending = await ok<DayReport['pending'] & object>(app, manager, 'dayClose.pending', {});
    expect(pending.blocking).toBe(true);
    expect(pending.notInManifest.count).toBe(2); // b, d: received, not yet in a manifest (a went to the agency, c was cancelled)
    expect(pending.notInManifest.items.map((d) => d.code).sort()).toEqual([dossiers.b.code, dossiers.d.code].sort());
    const owed = app.db
      .prepare("SELECT agency, sum(amount) AS amount FROM ledger_entry WHERE agency IS NOT NULL AND kind IN ('phi', 'le_phi', 'reversal', 'agency_handover') GROUP BY agency HAVING sum(amount) <> 0 ORDER BY agency")
      .all();
    expect(owed.length).toBeGreaterThan(0);
    expect(pending.feesOutstanding).toEqual(owed);
  });

  it('counts blind, then refuses a difference above the threshold without a reason, an approval and an override', async () => {
    cashExpected = ledgerSum(app, "day = ? AND payment_method = 'cash'", DAY);
    transferExpected = ledgerSum(app, "day = ? AND payment_method = 'transfer'", DAY);
    const c = await ok<CashCount>(app, manager, 'dayClose.count', { denominations: notesFor(cashExpected - 70000), transferConfirmed: transferExpected, idempotencyKey: 'day-count-1' });
    expect(c).toMatchObject({ cashExpected, transferExpected, cashDifference: -70000, needsReason: true, needsApproval: true, threshold: 50000 });
    countId = c.id;
    const base = { countId, idempotencyKey: 'day-close-1' };
    expect((await refused(app, manager, 'dayClose.close', base)).message).toMatch(/thiếu 70\.000 đ.*ghi lý do/);
    const reason = 'Thiếu tiền, đang xác minh với giao dịch viên';
    expect((await refused(app, manager, 'dayClose.close', { ...base, reason })).message).toMatch(/vượt ngưỡng 50\.000 đ.*duyệt/);
    expect(await refused(app, manager, 'dayClose.close', { ...base, reason, approval: { username: MANAGER.username, password: 'sai-mat-khau' } })).toMatchObject({ code: 'BAD_CREDENTIALS' });
    expect(await refused(app, manager, 'dayClose.close', { ...base, reason, approval: { username: CLERK.username, password: CLERK.password } })).toMatchObject({ code: 'FORBIDDEN' });
    const blocked = await refused(app, manager, 'dayClose.close', { ...base, reason, approval: { username: MANAGER.username, password: MANAGER.password } });
    expect(blocked.message).toMatch(/Còn việc chưa xong:.*2 hồ sơ chưa vào bảng kê/);
    expect(count(app, 'SELECT count(*) FROM day_close')).toBe(0);
  });

  it('closes with the reason, the approval and a recorded override; the same request again is the same close', async () => {
    const params = {
      countId,
      reason: 'Thiếu tiền, đang xác minh với giao dịch viên',
      approval: { username: MANAGER.username, password: MANAGER.password },
      overrideReason: 'Hồ sơ chuyển cơ quan sáng mai theo lịch',
      idempotencyKey: 'day-close-1',
    };
    const r = await ok<{ close: { id: number; sequence: number; hash: string }; report: DayReport; printJob: PrintJob }>(app, manager, 'dayClose.close', params);
    expect(r.close).toMatchObject({ sequence: 1 });
    expect(r.close.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(r.report).toMatchObject({ kind: 'Z', day: DAY, sequence: 1, closedBy: MANAGER.fullName, overrideReason: params.overrideReason, seal: { hash: r.close.hash, prevHash: '0'.repeat(64) } });
    expect(r.report.count).toMatchObject({ cashExpected, cashCounted: cashExpected - 70000, cashDifference: -70000, reason: params.reason, approvedBy: MANAGER.fullName, attempts: 1 });
    sealed = r.report;
    closeJob = r.printJob;
    const again = await ok<{ close: { id: number } }>(app, manager, 'dayClose.close', params);
    expect(again.close.id).toBe(r.close.id);
    expect((await refused(app, manager, 'dayClose.close', { ...params, idempotencyKey: 'day-close-2' })).message).toMatch(/Ngày 20\/11\/2026 đã khóa sổ/);
    expect(await ok(app, manager, 'dayClose.report', { day: DAY })).toEqual(sealed);
  });

  it('reports the numbers plain SQL over the ledger and the history gives', () => {
    const sums = app.db.prepare('SELECT kind, payment_method AS m, sum(amount) AS s, count(*) AS n FROM ledger_entry WHERE day = ? GROUP BY 1, 2').all(DAY) as { kind: string; m: 'cash' | 'transfer' | 'none'; s: number; n: number }[];
    for (const x of sums) expect(sealed.money.byKind.find((k) => k.kind === x.kind)?.[x.m], `${x.kind} ${x.m}`).toBe(x.s);
    expect(sealed.money.totals.cash).toBe(cashExpected);
    expect(sealed.money.totals.transfer).toBe(transferExpected);
    expect(sealed.money.totals.total).toBe(ledgerSum(app, 'day = ?', DAY));
    expect(sealed.money.totals.lines).toBe(count(app, 'SELECT count(*) FROM ledger_entry WHERE day = ?', DAY));
    expect(sealed.byClerk.find((c) => c.userId === clerkId)?.cash).toBe(ledgerSum(app, "day = ? AND user_id = ? AND payment_method = 'cash'", DAY, clerkId));
    const police = sealed.agencies.find((a) => a.agency === POLICE);
    expect(police).toEqual({
      agency: POLICE,
      collected: ledgerSum(app, "day = ? AND agency = ? AND kind IN ('phi', 'le_phi')", DAY, POLICE),
      reversed: ledgerSum(app, "day = ? AND agency = ? AND kind = 'reversal'", DAY, POLICE),
      handedOver: -ledgerSum(app, "day = ? AND agency = ? AND kind = 'agency_handover'", DAY, POLICE),
      outstanding: ledgerSum(app, "agency = ? AND kind IN ('phi', 'le_phi', 'reversal', 'agency_handover')", POLICE),
    });
    const w = dayWindow(DAY);
    const events = (type: string) => count(app, 'SELECT count(*) FROM dossier_event WHERE type = ? AND at >= ? AND at < ?', type, w.start, w.end);
    expect(sealed.activity).toMatchObject({ received: events('received'), cancelled: events('cancelled'), guided: count(app, 'SELECT count(*) FROM guidance_slip WHERE day = ?', DAY) });
    expect(sealed.activity).toMatchObject({ received: 4, cancelled: 1, guided: 1 });
    expect(sealed.byField.find((f) => f.name === 'Lý lịch tư pháp')).toMatchObject({ received: 2, cancelled: 1, guided: 1 });
    expect(sealed.byAgency.reduce((s, a) => s + a.received, 0)).toBe(4);
    expect(sealed.voids.cancelled.map((c) => c.code)).toEqual([dossiers.c.code]);
    expect(sealed.voids.reversals.length).toBe(count(app, "SELECT count(*) FROM ledger_entry WHERE day = ? AND kind = 'reversal'", DAY));
    expect(sealed.voids.reversalTotal).toBe(ledgerSum(app, "day = ? AND kind = 'reversal'", DAY));
    expect(sealed.shifts).toHaveLength(1);
  });

  it('prints the Z report on the receipt printer and exports it as PDF and XLSX carrying the same numbers', async () => {
    await app.services.printQueue.idle();
    const paper = (app.services.devices.emulatorOf((closeJob as PrintJob).deviceId) as EscposEmulator).receipts().map((r) => r.text()).join('\n');
    expect(paper.replace(/\s+/g, ' ')).toContain('BÁO CÁO KHÓA SỔ CUỐI NGÀY (Z)');
    expect(paper).toContain(formatMoney(sealed.money.totals.cash));

    const pdf = await app.services.dayClose.file(DAY, 'pdf', { compress: false });
    expect(pdf.fileName).toBe(`bao-cao-Z-${DAY}.pdf`);
    const text = pdfTextRuns(Buffer.from(pdf.contentBase64, 'base64')).flat().join('\n');
    expect(text).toContain('BÁO CÁO KHÓA SỔ CUỐI NGÀY (Z)');
    expect(text).toContain('Số: 1/Z-BC560100');
    for (const n of [sealed.money.totals.cash, sealed.money.totals.transfer, cashExpected, cashExpected - 70000]) expect(text).toContain(formatMoney(n));
    expect(text).toContain(sealed.seal?.hash.slice(0, 16));
    expect(text).toContain('Lý lịch tư pháp');

    const xlsx = await ok<{ fileName: string; contentBase64: string }>(app, manager, 'dayClose.file', { day: DAY, format: 'xlsx' });
    const sheets = await readSheets(Buffer.from(xlsx.contentBase64, 'base64'));
    expect(sheets['Tiền theo loại'].at(-1)).toEqual(['Cộng', String(cashExpected), String(transferExpected), '0', String(ledgerSum(app, 'day = ?', DAY)), String(sealed.money.totals.lines)]);
    expect(sheets['Tổng hợp']).toContainEqual(['Tiếp nhận', '4']);
    expect(sheets['Tổng hợp']).toContainEqual(['Tiền mặt theo sổ', String(cashExpected)]);
    expect(sheets['Nộp cơ quan'].find((r) => r[0] === POLICE)?.[3]).toBe('200000');
  });
});

describe('reading and reprinting a sealed day', () => {
  it('lists the closes, shows the papers, and reprints the Z report marked as a reprint', async () => {
    expect(await ok(app, manager, 'dayClose.list', {})).toEqual([expect.objectContaining({ sequence: 1, day: DAY, closedBy: MANAGER.fullName, hash: sealed.seal?.hash })]);
    const receipt = await ok<{ receipt: { title: string } }>(app, manager, 'dayClose.document', { day: DAY, format: 'receipt' });
    expect(receipt.receipt.title).toBe('BÁO CÁO KHÓA SỔ CUỐI NGÀY (Z) 20/11/2026');
    const a4 = await ok<{ a4: { number: string } }>(app, manager, 'dayClose.document', { day: DAY, format: 'a4' });
    expect(a4.a4.number).toBe('Số: 1/Z-BC560100');
    const job = await ok<PrintJob>(app, manager, 'dayClose.print', { day: DAY, idempotencyKey: 'reprint-z-1' });
    expect((await ok<PrintJob>(app, manager, 'dayClose.print', { day: DAY, idempotencyKey: 'reprint-z-1' })).id).toBe(job.id);
    await app.services.printQueue.idle();
    const paper = (app.services.devices.emulatorOf(job.deviceId) as EscposEmulator).receipts().at(-1)?.text() ?? '';
    expect(paper).toContain('BẢN IN LẠI');
    expect(paper.replace(/\s+/g, ' ')).toContain('BÁO CÁO KHÓA SỔ CUỐI NGÀY (Z)');
    expect(job.reprintOf).toBe(closeJob?.id);
    expect(await ok(app, manager, 'shift.list', { day: DAY })).toEqual([expect.objectContaining({ clerk: CLERK.fullName, day: DAY })]);
    expect(await ok(app, manager, 'dayClose.config', {})).toEqual({
      differenceThreshold: 50000,
      bcciTargets: [
        { level: 'Cấp Tỉnh', percent: 85 },
        { level: 'Cấp Xã', percent: 60 },
      ],
      blockOn: ['printJobs', 'notInManifest', 'notDelivered', 'feesOutstanding', 'openShifts'],
      // the sample catalogue's levels, in the order its import met them
      levels: ['Cấp Xã', 'Cấp Tỉnh', 'Trung ương'],
    });
  });
});

describe('a closed day stays closed', () => {
  const CLOSED = /^Ngày 20\/11\/2026 đã khóa sổ/;

  it('refuses a ledger line or an event dated that day, even written directly in SQL', () => {
    const lines = count(app, 'SELECT count(*) FROM ledger_entry');
    let err: unknown;
    try {
      appendLine(app, { userId: clerkId, kind: 'cod', amount: 10000, method: 'cash' });
    } catch (e) {
      err = e;
    }
    expect(String(err)).toMatch(/DAY_CLOSED:2026-11-20/);
    expect(dayClosedError(err)?.message).toMatch(CLOSED);
    expect(() =>
      app.db.prepare("INSERT INTO dossier_event (dossier_id, at, type) VALUES (?, ?, 'dispatched')").run(dossiers.a.id, `${DAY}T10:00:00.000Z`),
    ).toThrow(/DAY_CLOSED:2026-11-20/);
    expect(() => app.db.prepare("INSERT INTO guidance_slip (at, day, user_id, procedure_id, missing, idempotency_key) VALUES ('x', ?, 1, 1, '[]', 'k')").run(DAY)).toThrow(/DAY_CLOSED/);
    expect(() => app.db.prepare('UPDATE ledger_entry SET amount = 0 WHERE day = ?').run(DAY)).toThrow(/append-only/);
    expect(count(app, 'SELECT count(*) FROM ledger_entry')).toBe(lines);
  });

  it('refuses every service that would write on it, with the Vietnamese message, and changes nothing', async () => {
    const before = count(app, 'SELECT count(*) FROM ledger_entry');
    for (const [ctx, method, params] of [
      [manager, 'reception.cancel', { dossierId: dossiers.b.id, reason: 'Công dân xin rút hồ sơ' }],
      [clerk, 'reception.confirm', confirmInput(app, '3.000333', 'after-close-1')],
      [clerk, 'shift.count', { denominations: [], transferConfirmed: 0, idempotencyKey: 'after-close-2' }],
      [clerk, 'incidents.record', { dossierId: dossiers.a.id, kind: 'damaged', note: 'Bì hồ sơ bị ướt', idempotencyKey: 'after-close-3' }],
      [manager, 'ledger.reverse', { ledgerId: 1, reason: 'Thu nhầm phí' }],
    ] as const) {
      const e = await refused(app, ctx, method, params);
      expect(e.code, method).toBe('CONFLICT');
      expect(e.message, method).toMatch(CLOSED);
    }
    expect(count(app, 'SELECT count(*) FROM ledger_entry')).toBe(before);
    expect(app.services.reception.get(dossiers.b.code).status).toBe('received');
    expect(verifySeals(app.db).problems).toEqual([]);
  });
});

describe('a correction on the next day', () => {
  it('is a reversal dated the next day that points at the original; the closed day’s report does not move', async () => {
    app.advance(24 * 3600_000);
    await app.services.auth.unlock(manager, MANAGER.password);
    const original = app.db.prepare("SELECT id, amount, agency FROM ledger_entry WHERE dossier_id = ? AND kind = 'phi'").get(dossiers.a.id) as { id: number; amount: number; agency: string };
    const reversal = await ok<LedgerLineView>(app, manager, 'ledger.reverse', { ledgerId: original.id, reason: 'Thu nhầm phí, hoàn cho công dân' });
    expect(reversal).toMatchObject({ day: NEXT, kind: 'reversal', reverses: original.id, amount: -original.amount, agency: POLICE, paymentMethod: 'cash' });
    expect((await ok<LedgerLineView>(app, manager, 'ledger.reverse', { ledgerId: original.id, reason: 'Lần nữa' })).id).toBe(reversal.id);
    expect((await refused(app, manager, 'ledger.reverse', { ledgerId: reversal.id, reason: 'Đảo của đảo' })).message).toMatch(/bút toán đảo/);

    expect(await ok(app, manager, 'dayClose.report', { day: DAY })).toEqual(sealed);
    const live = buildDayReport(app.db, DAY, app.services.clock());
    expect(live.money).toEqual(sealed.money);
    expect(live.activity).toEqual(sealed.activity);

    const next = await ok<DayReport>(app, manager, 'dayClose.report', { day: NEXT });
    expect(next.kind).toBe('X');
    expect(next.voids.reversals).toEqual([expect.objectContaining({ id: reversal.id, reverses: original.id, originalDay: DAY, amount: -original.amount })]);
    expect(next.money.totals.cash).toBe(ledgerSum(app, "day = ? AND payment_method = 'cash'", NEXT));
    expect(next.agencies.find((a) => a.agency === POLICE)).toMatchObject({ reversed: -original.amount, outstanding: ledgerSum(app, "agency = ? AND kind IN ('phi', 'le_phi', 'reversal', 'agency_handover')", POLICE) });

    const lines = await ok<LedgerLineView[]>(app, manager, 'ledger.lines', { from: DAY, to: NEXT, kind: 'phi', limit: 50 });
    expect(lines.find((l) => l.id === original.id)?.reversedBy).toBe(reversal.id);
    const totals = await ok<{ day: string; paymentMethod: string; amount: number }[]>(app, manager, 'ledger.totals', { from: DAY, to: NEXT, groupBy: ['day', 'paymentMethod'] });
    expect(totals.find((x) => x.day === NEXT && x.paymentMethod === 'cash')?.amount).toBe(-original.amount);
    const fees = await ok<{ agency: string; outstanding: number }[]>(app, manager, 'ledger.agencyFees', {});
    expect(fees.find((f) => f.agency === POLICE)?.outstanding).toBe(ledgerSum(app, "agency = ? AND kind IN ('phi', 'le_phi', 'reversal', 'agency_handover')", POLICE));
    expect(verifySeals(app.db)).toEqual({ sealedDays: 1, problems: [], agencyBalanceMismatches: [] });
  });
});
