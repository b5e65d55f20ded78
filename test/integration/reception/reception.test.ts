import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp, type App } from '../../../main/app/compose';
import type { CallContext, Session } from '../../../main/services/context';
import { parseS10 } from '../../../shared/scan/s10';
import { MANAGER, POINT, setUpAndSignIn } from '../../support/app';
import { allocateItemNumbers, APPLICANT, confirmInput } from '../../support/reception';
import { tempDir } from '../../support/temp';
import type { EscposEmulator } from '../../../main/devices/emulators/escposEmulator';

/** Reception against a real SQLite file, the real services and the emulated printers. */
let dir: { dir: string; cleanup: () => void };
let now: number;
let app: App;
let manager: CallContext;

function open(): App {
  return openApp({ dataDir: dir.dir, host: 'browser', log: () => {}, clock: () => new Date(now) });
}
const session = (ctx: CallContext) => ctx.session as Session;
const rows = (sql: string, ...args: unknown[]) => app.db.prepare(sql).all(...args) as Record<string, unknown>[];

beforeEach(async () => {
  dir = tempDir();
  now = Date.parse('2026-11-20T02:15:00Z'); // 09:15 in Vietnam, a Friday
  app = open();
  manager = await setUpAndSignIn(app);
  allocateItemNumbers(app, manager);
});
afterEach(async () => {
  await app.close();
  dir.cleanup();
});

describe('confirming a reception', () => {
  it('writes the dossier, its checklist snapshot, fee lines, event, audit and print jobs in one go', async () => {
    const { dossier, printJobs } = app.services.reception.confirm(manager, session(manager), confirmInput(app, '3.000333', 'key-000001'));
    expect(dossier.code).toBe(`${POINT.code}-261120-0001`);
    expect(parseS10(dossier.itemNumber as string)).toMatchObject({ ok: true, value: { service: 'EA', serial: '12345000', country: 'VN' } });
    expect(dossier).toMatchObject({ applicantName: APPLICANT.fullName, status: 'received', paymentMethod: 'cash' });
    const ledger = rows('SELECT kind, agency, amount FROM ledger_entry WHERE dossier_id = ? ORDER BY id', dossier.id);
    // The judicial record has no lệ phí (0 đ): no line for it.
    expect(ledger.map((l) => l.kind)).toEqual(['phi', 'postal_send', 'postal_return']);
    expect(ledger[0]).toMatchObject({ agency: 'Công an cấp tỉnh', amount: 200000 });
    expect(ledger.reduce((s, l) => s + (l.amount as number), 0)).toBe(dossier.totalAmount);
    expect(rows('SELECT type FROM dossier_event WHERE dossier_id = ?', dossier.id)).toEqual([{ type: 'received' }]);
    expect(rows("SELECT action FROM audit_log WHERE action = 'dossier.receive'")).toHaveLength(1);
    const snapshot = JSON.parse((rows('SELECT checklist FROM dossier WHERE id = ?', dossier.id)[0].checklist as string)) as { versionId: number };
    expect(snapshot.versionId).toBe(app.services.catalogue.currentVersion());
    expect(printJobs.map((j) => j.kind)).toEqual(['receipt', 'receipt', 'label']);
    await app.services.printQueue.idle();
    const receipt = (app.services.devices.emulatorOf(printJobs[0].deviceId) as EscposEmulator).receipts();
    const text = receipt.map((r) => r.text()).join('\n');
    expect(text).toContain(APPLICANT.fullName);
    expect(text).toContain(dossier.code);
    expect(text).toContain('BẢN KÊ GIẤY TỜ TRONG BÌ HỒ SƠ');
  });

  it('counts the expected result date in working days from the day the agency receives it', () => {
    const q = app.services.reception.quote({ ...confirmInput(app, '3.000333', 'x'.repeat(8)) });
    // Friday 20/11/2026 + 1 transit day = Monday 23/11; + 10 working days = Monday 07/12.
    expect(q.agencyReceivesOn).toBe('2026-11-23');
    expect(q.resultDate).toBe('2026-12-07');
    expect(q.skipped.map((s) => s.date)).toContain('2026-11-21');
  });

  it('is idempotent: the same request twice is the same dossier, received once', () => {
    const a = app.services.reception.confirm(manager, session(manager), confirmInput(app, '3.000333', 'key-000002'));
    const b = app.services.reception.confirm(manager, session(manager), confirmInput(app, '3.000333', 'key-000002'));
    expect(b.dossier.id).toBe(a.dossier.id);
    expect(rows('SELECT count(*) AS n FROM dossier')[0].n).toBe(1);
    expect(rows('SELECT count(*) AS n FROM ledger_entry')[0].n).toBe(3);
  });

  it('numbers dossiers per point per day, across midnight and across restarts', async () => {
    const r = () => app.services.reception.confirm(manager, session(manager), confirmInput(app, '3.000333', `key-${Math.random()}`)).dossier.code;
    expect(r()).toMatch(/-261120-0001$/);
    expect(r()).toMatch(/-261120-0002$/);
    now = Date.parse('2026-11-20T16:59:59Z'); // 23:59:59 in Vietnam
    expect(r()).toMatch(/-261120-0003$/);
    now = Date.parse('2026-11-20T17:00:01Z'); // 00:00:01 on the 21st in Vietnam
    expect(r()).toMatch(/-261121-0001$/);
    await app.close();
    app = open();
    expect(r()).toMatch(/-261121-0002$/);
  });

  it('refuses an incomplete dossier with the exact list of what is missing, and changes nothing', () => {
    const input = confirmInput(app, '3.000333', 'key-000003');
    const items = { ...input.answers.items };
    const mandatory = Object.keys(items).find((k) => app.services.catalogue.get('3.000333').documents[Number(k)].kind === 'mandatory') as string;
    delete items[mandatory];
    expect(() => app.services.reception.confirm(manager, session(manager), { ...input, answers: { ...input.answers, items } })).toThrow(/Hồ sơ chưa đầy đủ.*Bản chụp thẻ căn cước/);
    expect(rows('SELECT count(*) AS n FROM dossier')[0].n).toBe(0);
    expect(rows('SELECT count(*) AS n FROM dossier_sequence')[0].n).toBe(0);
  });

  it('offers nothing for a procedure not accepted via BCCI', () => {
    const notAccepted = app.services.catalogue.search('', { receive: false, return: false }, 1).items[0];
    expect(() => app.services.reception.confirm(manager, session(manager), confirmInput(app, notAccepted.code, 'key-000004'))).toThrow(/KHÔNG được tiếp nhận/);
  });

  it('records and prints the supplement guidance slip listing exactly the missing items', async () => {
    const input = confirmInput(app, '3.000333', 'key-000005');
    const job = app.services.reception.guidance(manager, session(manager), {
      procedureCode: input.procedureCode,
      versionId: input.versionId,
      answers: { conditions: input.answers.conditions, items: {} },
      applicantName: APPLICANT.fullName,
      idempotencyKey: 'guide-000001',
    });
    await app.services.printQueue.idle();
    const slip = (app.services.devices.emulatorOf(job.deviceId) as EscposEmulator).receipts().at(-1)?.text() ?? '';
    expect(slip).toContain('PHIẾU HƯỚNG DẪN BỔ SUNG');
    expect(slip).toContain('Bản chụp thẻ căn cước');
    expect(slip).toContain('Một trong các giấy tờ sau');
    expect(rows('SELECT count(*) AS n FROM guidance_slip')[0].n).toBe(1);
    expect(rows('SELECT count(*) AS n FROM dossier')[0].n).toBe(0);
    // A retried request is the same slip: counted once.
    const again = app.services.reception.guidance(manager, session(manager), {
      procedureCode: input.procedureCode,
      versionId: input.versionId,
      answers: { conditions: input.answers.conditions, items: {} },
      applicantName: APPLICANT.fullName,
      idempotencyKey: 'guide-000001',
    });
    expect(again.id).toBe(job.id);
    expect(rows('SELECT count(*) AS n FROM guidance_slip')[0].n).toBe(1);
  });

  it('lets a manager cancel before dispatch: reversal lines, an event, an audit line, nothing deleted', () => {
    const { dossier } = app.services.reception.confirm(manager, session(manager), confirmInput(app, '3.000333', 'key-000006'));
    const cancelled = app.services.reception.cancel(manager, session(manager), dossier.id, 'Công dân xin rút hồ sơ');
    expect(cancelled.status).toBe('cancelled');
    const ledger = rows('SELECT kind, amount, reverses FROM ledger_entry WHERE dossier_id = ? ORDER BY id', dossier.id);
    expect(ledger).toHaveLength(6);
    expect(ledger.reduce((s, l) => s + (l.amount as number), 0)).toBe(0);
    expect(ledger.filter((l) => l.kind === 'reversal').every((l) => l.reverses !== null)).toBe(true);
    expect(rows('SELECT type FROM dossier_event WHERE dossier_id = ? ORDER BY id', dossier.id).map((e) => e.type)).toEqual(['received', 'cancelled']);
    expect(() => app.services.reception.cancel(manager, session(manager), dossier.id, 'Lần nữa')).toThrow(/không hủy được/);
    expect(() => app.db.prepare('DELETE FROM ledger_entry').run()).toThrow(/append-only/);
  });

  it('refuses a clerk the cancel, through the API', async () => {
    await app.services.auth.createUser(manager, { username: 'gdv.lan', fullName: 'Lê Thị Lan', role: 'clerk', password: 'giao-dich-1' });
    const { newContext } = await import('../../../main/services/context');
    const clerk = newContext();
    await app.services.auth.signIn(clerk, 'gdv.lan', 'giao-dich-1');
    const { dossier } = app.services.reception.confirm(clerk, session(clerk), confirmInput(app, '3.000333', 'key-000007'));
    expect(await app.dispatch(clerk, { id: 1, method: 'reception.cancel', params: { dossierId: dossier.id, reason: 'thử hủy hồ sơ' } })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    void MANAGER;
  });

  it('refuses a confirm checked against an older catalogue version, or whose total changed since the citizen was told', async () => {
    const old = confirmInput(app, '3.000333', 'key-000010');
    const json = (await app.services.catalogue.export('json')).contentBase64;
    await app.services.catalogue.import(manager, 'again.json', Buffer.from(json, 'base64'), 'replace');
    expect(() => app.services.reception.confirm(manager, session(manager), old)).toThrow(/Danh mục thủ tục vừa được cập nhật/);
    const fresh = confirmInput(app, '3.000333', 'key-000011');
    expect(() => app.services.reception.confirm(manager, session(manager), { ...fresh, expectedTotal: 1 })).toThrow(/Số tiền đã thay đổi/);
    expect(rows('SELECT count(*) AS n FROM dossier')[0].n).toBe(0);
  });

  it('keeps what was received immutable: only the status moves, corrections are events and reversals', () => {
    const { dossier } = app.services.reception.confirm(manager, session(manager), confirmInput(app, '3.000333', 'key-000012'));
    expect(() => app.db.prepare('UPDATE dossier SET total_amount = 0 WHERE id = ?').run(dossier.id)).toThrow(/immutable/);
    expect(() => app.db.prepare('DELETE FROM dossier').run()).toThrow(/never deleted/);
    expect(dossier.code).toBeTruthy();
    const logBook = rows('SELECT log_book_number FROM dossier WHERE id = ?', dossier.id)[0].log_book_number;
    expect(logBook).toBe('0001/2026');
  });

  it('keeps drafts per clerk until confirm removes them', () => {
    const { id } = app.services.reception.saveDraft(session(manager), undefined, { step: 2, procedureCode: '3.000333' });
    expect(app.services.reception.saveDraft(session(manager), id, { step: 3, procedureCode: '3.000333' }).id).toBe(id);
    expect(app.services.reception.drafts(session(manager))).toMatchObject([{ id, data: { step: 3 } }]);
    app.services.reception.confirm(manager, session(manager), { ...confirmInput(app, '3.000333', 'key-000008'), draftId: id });
    expect(app.services.reception.drafts(session(manager))).toEqual([]);
  });

  it('stops with a clear message when the point has no item numbers left', async () => {
    await app.close();
    const other = tempDir();
    dir.cleanup();
    dir = other;
    app = open();
    manager = await setUpAndSignIn(app);
    expect(() => app.services.reception.confirm(manager, session(manager), confirmInput(app, '3.000333', 'key-000009'))).toThrow(/hết số hiệu bưu gửi/);
  });
});
