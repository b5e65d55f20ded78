import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp, type App } from '../../../main/app/compose';
import type { CallContext, Session } from '../../../main/services/context';
import { deriveState } from '../../../shared/dossier/lifecycle';
import { MANAGER, setUpAndSignIn } from '../../support/app';
import { allocateItemNumbers, APPLICANT, confirmInput } from '../../support/reception';
import { tempDir } from '../../support/temp';

/** After reception, through the real dispatch on a real SQLite file: manifests, agency receipt, results, delivery, tracking. */
let dir: { dir: string; cleanup: () => void };
let now: number;
let app: App;
let clerk: CallContext;
const session = (ctx: CallContext) => ctx.session as Session;

async function call<T = unknown>(method: string, params: unknown): Promise<T> {
  const r = (await app.dispatch(clerk, { id: 1, method, params })) as { ok: boolean; value?: T; error?: { code: string; message: string } };
  if (!r.ok) throw Object.assign(new Error(r.error?.message), { code: r.error?.code });
  return r.value as T;
}
const rows = (sql: string, ...args: unknown[]) => app.db.prepare(sql).all(...args) as Record<string, unknown>[];
/** Time passes (the idle lock closes the session); the clerk unlocks and goes on. */
async function later(ms: number) {
  now += ms;
  await app.services.auth.unlock(clerk, MANAGER.password);
}
const feesOf = (id: number) =>
  (app.db.prepare(`SELECT sum(amount) AS n FROM ledger_entry WHERE dossier_id = ? AND kind IN ('phi', 'le_phi')`).get(id) as { n: number }).n;
const statusOf = (id: number) => (app.db.prepare('SELECT status FROM dossier WHERE id = ?').get(id) as { status: string }).status;

interface Summary {
  id: number;
  code: string;
  itemNumber: string | null;
  status: string;
  agency: string;
  agencyFees: number;
  amountDue: number;
}
interface Detail {
  manifest: { id: number; number: string; status: string; count: number; totalFees: number; feesHandedOver: number | null };
  dossiers: Summary[];
}

const LLTP = '3.000333'; // Công an cấp tỉnh
const BIRTH = '1.001193'; // Ủy ban nhân dân cấp xã
const REP = { idNumber: '079080009999', fullName: 'Trần Văn Bình', phone: '0912345678', relation: 'Chồng' };
const CARD = (id: string, name: string) => `${id}||${name}|12051990|Nữ|Số 15 Lê Duẩn, phường Tuy Hòa, Đắk Lắk|01012021`;

function receive(code: string, key: string, over: Parameters<typeof confirmInput>[3] = {}): Summary {
  return app.services.reception.confirm(clerk, session(clerk), confirmInput(app, code, key, over)).dossier as unknown as Summary;
}

beforeEach(async () => {
  dir = tempDir();
  now = Date.parse('2026-11-20T02:15:00Z'); // Friday 09:15 in Vietnam
  app = openApp({ dataDir: dir.dir, host: 'browser', log: () => {}, clock: () => new Date(now) });
  clerk = await setUpAndSignIn(app);
  allocateItemNumbers(app, clerk);
});
afterEach(async () => {
  await app.close();
  dir.cleanup();
});

describe('handover manifests', () => {
  it('groups waiting dossiers per agency and refuses a scan not ready, of the wrong agency, or twice', async () => {
    const a = receive(LLTP, 'key-a-000001');
    const b = receive(BIRTH, 'key-b-000001');
    const c = receive(LLTP, 'key-c-000001');
    const pending = await call<{ agency: string; dossiers: Summary[] }[]>('handover.pending', {});
    expect(pending.map((g) => [g.agency, g.dossiers.length])).toEqual([
      ['Công an cấp tỉnh', 2],
      ['Ủy ban nhân dân cấp xã', 1],
    ]);
    const m = await call<Detail>('handover.createManifest', { agency: 'Công an cấp tỉnh' });
    expect(m.manifest.number).toBe('BK-BC560100-261120-01');
    // Asking again continues the open one.
    expect((await call<Detail>('handover.createManifest', { agency: 'Công an cấp tỉnh' })).manifest.id).toBe(m.manifest.id);

    // By dossier code (lower case, with the scanner's CR) and by item number.
    await call('handover.scan', { manifestId: m.manifest.id, code: `${a.code.toLowerCase()}\r` });
    const after = await call<{ manifest: Detail }>('handover.scan', { manifestId: m.manifest.id, code: c.itemNumber });
    expect(after.manifest.dossiers.map((d) => d.code)).toEqual([a.code, c.code]);
    expect(after.manifest.manifest.totalFees).toBe(feesOf(a.id) + feesOf(c.id));
    expect(feesOf(a.id)).toBeGreaterThan(0);
    expect(statusOf(a.id)).toBe('in_manifest');

    await expect(call('handover.scan', { manifestId: m.manifest.id, code: a.code })).rejects.toThrow(`Hồ sơ ${a.code} đã có trong bảng kê này (dòng 1)`);
    await expect(call('handover.scan', { manifestId: m.manifest.id, code: b.code })).rejects.toThrow('gửi tới «Ủy ban nhân dân cấp xã», không phải «Công an cấp tỉnh»');
    await expect(call('handover.scan', { manifestId: m.manifest.id, code: 'BC560100-261120-0999' })).rejects.toThrow('Không tìm thấy hồ sơ');
    const ubnd = await call<Detail>('handover.createManifest', { agency: 'Ủy ban nhân dân cấp xã' });
    app.services.reception.cancel(clerk, session(clerk), b.id, 'Công dân xin rút hồ sơ');
    await expect(call('handover.scan', { manifestId: ubnd.manifest.id, code: b.code })).rejects.toThrow('chưa sẵn sàng để giao');
    // Nothing changed by the refusals.
    expect(rows('SELECT count(*) AS n FROM manifest_item')).toEqual([{ n: 2 }]);
  });

  it('dispatch is one event per dossier; twice is refused; the agency receipt records dates, refusals and the fee hand-over', async () => {
    const a = receive(LLTP, 'key-a-000002');
    const c = receive(LLTP, 'key-c-000002');
    const m = await call<Detail>('handover.createManifest', { agency: 'Công an cấp tỉnh' });
    for (const d of [a, c]) await call('handover.scan', { manifestId: m.manifest.id, code: d.code });
    const sent = await call<{ manifest: Detail; printJob: { id: number } | null }>('handover.dispatch', { manifestId: m.manifest.id, carrier: 'Lê Văn Tài', idempotencyKey: 'dispatch-0001' });
    expect(sent.manifest.manifest.status).toBe('dispatched');
    expect(sent.printJob).not.toBeNull();
    expect(rows(`SELECT dossier_id FROM dossier_event WHERE type = 'dispatched' ORDER BY dossier_id`)).toEqual([{ dossier_id: a.id }, { dossier_id: c.id }]);
    // The same click again is the same dispatch; a new one is refused.
    expect((await call<{ manifest: Detail }>('handover.dispatch', { manifestId: m.manifest.id, carrier: 'Lê Văn Tài', idempotencyKey: 'dispatch-0001' })).manifest.manifest.status).toBe('dispatched');
    await expect(call('handover.dispatch', { manifestId: m.manifest.id, carrier: 'Lê Văn Tài', idempotencyKey: 'dispatch-0002' })).rejects.toThrow('đã giao đi');
    await expect(call('handover.scan', { manifestId: m.manifest.id, code: a.code })).rejects.toThrow('đã giao đi');

    const doc = await call<{ blocks: { type: string; rows?: string[][] }[] }>('handover.document', { id: m.manifest.id });
    const table = doc.blocks.find((b) => b.type === 'table');
    expect(table?.rows?.map((r) => r[1])).toEqual([a.code, c.code]);

    await later(3600_000);
    const received = await call<Detail>('handover.agencyReceipt', {
      manifestId: m.manifest.id,
      receiverName: 'Phạm Thị Thu',
      resultDates: [{ dossierId: a.id, resultDate: '2026-12-15' }],
      refused: [{ dossierId: c.id, reason: 'Không thuộc thẩm quyền' }],
      feesHandedOver: true,
    });
    expect(received.manifest.status).toBe('received');
    expect(statusOf(a.id)).toBe('at_agency');
    expect(statusOf(c.id)).toBe('refused');
    expect(rows('SELECT result_date FROM dossier WHERE id = ?', a.id)).toEqual([{ result_date: '2026-12-15' }]);
    // The fees of what the agency kept leave the drawer; the refused dossier's fees stay, to go back to the citizen.
    const owed = rows(`SELECT sum(amount) AS n FROM ledger_entry WHERE agency = 'Công an cấp tỉnh' AND kind IN ('phi', 'le_phi', 'reversal', 'agency_handover')`);
    expect(owed).toEqual([{ n: feesOf(c.id) }]);
    expect(received.manifest.feesHandedOver).toBe(feesOf(a.id));
    await expect(call('handover.agencyReceipt', { manifestId: m.manifest.id, receiverName: 'Phạm Thị Thu', feesHandedOver: false })).rejects.toThrow('đã xác nhận nhận bảng kê');
  });

  it('a result back before the agency’s receipt is recorded: the receipt skips it but hands over its fees; keys and dates are checked', async () => {
    const a = receive(LLTP, 'key-a-000003');
    const b = receive(LLTP, 'key-b-000003');
    const m = await call<Detail>('handover.createManifest', { agency: 'Công an cấp tỉnh' });
    for (const d of [a, b]) await call('handover.scan', { manifestId: m.manifest.id, code: d.code });
    await call('handover.dispatch', { manifestId: m.manifest.id, carrier: 'Lê Văn Tài', idempotencyKey: 'dispatch-0003' });
    // The same key for another manifest is refused in words, not an internal error.
    const c = receive(LLTP, 'key-c-000003');
    const other = await call<Detail>('handover.createManifest', { agency: 'Công an cấp tỉnh' });
    await call('handover.scan', { manifestId: other.manifest.id, code: c.code });
    await expect(call('handover.dispatch', { manifestId: other.manifest.id, carrier: 'Lê Văn Tài', idempotencyKey: 'dispatch-0003' })).rejects.toThrow('đã được dùng cho một thao tác khác');
    await expect(call('handover.createManifest', { agency: 'Sở Không Có' })).rejects.toThrow('Không có hồ sơ nào đang chờ gửi');

    await call('results.scan', { code: a.code });
    await expect(
      call('handover.agencyReceipt', { manifestId: m.manifest.id, receiverName: 'Phạm Thị Thu', resultDates: [{ dossierId: b.id, resultDate: '2026-11-31' }], feesHandedOver: true }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(call('handover.agencyReceipt', { manifestId: m.manifest.id, receiverName: 'Phạm Thị Thu', refused: [{ dossierId: a.id, reason: 'Sai thẩm quyền' }], feesHandedOver: true })).rejects.toThrow(
      'đã chuyển sang trạng thái',
    );
    await expect(call('handover.agencyReceipt', { manifestId: m.manifest.id, receiverName: 'Phạm Thị Thu', receivedAt: '2031-01-01T08:00:00+07:00', feesHandedOver: true })).rejects.toThrow('không ở tương lai');
    const done = await call<Detail>('handover.agencyReceipt', { manifestId: m.manifest.id, receiverName: 'Phạm Thị Thu', feesHandedOver: true });
    expect(done.manifest.feesHandedOver).toBe(feesOf(a.id) + feesOf(b.id));
    expect([statusOf(a.id), statusOf(b.id)]).toEqual(['result_received', 'at_agency']);
  });

  it('the status moves only with its event; a cancel takes the dossier off its open manifest', async () => {
    const a = receive(LLTP, 'key-a-000004');
    expect(() => app.db.prepare(`UPDATE dossier SET status = 'delivered', status_at = ? WHERE id = ?`).run(new Date(now + 1000).toISOString(), a.id)).toThrow('moves only with its event');
    const m = await call<Detail>('handover.createManifest', { agency: 'Công an cấp tỉnh' });
    await call('handover.scan', { manifestId: m.manifest.id, code: a.code });
    app.services.reception.cancel(clerk, session(clerk), a.id, 'Công dân xin rút hồ sơ');
    expect(statusOf(a.id)).toBe('cancelled');
    expect((await call<Detail>('handover.manifest', { id: m.manifest.id })).dossiers).toEqual([]);
  });
});

async function toAgency(...ds: Summary[]) {
  const agency = ds[0].agency;
  const m = await call<Detail>('handover.createManifest', { agency });
  for (const d of ds) await call('handover.scan', { manifestId: m.manifest.id, code: d.code });
  await call('handover.dispatch', { manifestId: m.manifest.id, carrier: 'Lê Văn Tài', idempotencyKey: `dispatch-${m.manifest.id}-x` });
  await call('handover.agencyReceipt', { manifestId: m.manifest.id, receiverName: 'Phạm Thị Thu', feesHandedOver: true });
}

describe('results and delivery', () => {
  it('results intake by scan: pickup results are held at the counter, address results wait for a list, a rescan is "already"', async () => {
    const here = receive(LLTP, 'key-h-000001', { delivery: { kind: 'pickup_here' }, representative: REP });
    const post = receive(LLTP, 'key-p-000001');
    await toAgency(here, post);
    const r1 = await call<{ outcome: string; next: string; dossier: Summary }>('results.scan', { code: here.itemNumber });
    expect(r1).toMatchObject({ outcome: 'received', next: 'Giữ tại quầy chờ công dân đến nhận', dossier: { status: 'awaiting_pickup' } });
    const r2 = await call<{ outcome: string; dossier: Summary }>('results.scan', { code: post.code });
    expect(r2).toMatchObject({ outcome: 'received', dossier: { status: 'result_received' } });
    expect((await call<{ outcome: string }>('results.scan', { code: post.code })).outcome).toBe('already');
    expect((await call<Summary[]>('results.today', {})).map((d) => d.code).sort()).toEqual([here.code, post.code].sort());

    // At the counter: an ID that matches nobody is refused and nothing moves; the representative's card is accepted.
    await expect(call('delivery.verifyId', { dossierId: here.id, scanned: CARD('001099012345', 'Ngô Văn Lạ') })).rejects.toThrow('không khớp');
    await expect(call('delivery.handOver', { dossierId: here.id, scanned: '001099012345', idempotencyKey: 'handover-0001' })).rejects.toThrow('KHÔNG trả kết quả');
    expect(statusOf(here.id)).toBe('awaiting_pickup');
    expect(rows(`SELECT count(*) AS n FROM audit_log WHERE action = 'delivery.idRefused'`)).toEqual([{ n: 2 }]);
    expect(await call('delivery.verifyId', { dossierId: here.id, scanned: REP.idNumber })).toEqual({ match: true, who: 'representative', name: REP.fullName });
    const handed = await call<{ dossier: Summary; printJob: unknown }>('delivery.handOver', { dossierId: here.id, scanned: CARD(APPLICANT.idNumber, APPLICANT.fullName), idempotencyKey: 'handover-0002' });
    expect(handed.dossier.status).toBe('delivered');
    expect(handed.printJob).not.toBeNull();

    // By post: a list, a failed attempt, then delivered.
    expect((await call<Summary[]>('delivery.ready', {})).map((d) => d.id)).toEqual([post.id]);
    const list = await call<{ list: { id: number; number: string; count: number } }>('delivery.createList', { postman: 'Võ Minh Phát', dossierIds: [post.id], idempotencyKey: 'list-000001' });
    expect(list.list).toMatchObject({ number: 'DS-BC560100-261120-01', count: 1 });
    await call('delivery.recordOutcome', { dossierId: post.id, outcome: { kind: 'failed', reason: 'Không có người nhận', nextAttempt: '2026-11-23' }, idempotencyKey: 'outcome-0001' });
    expect(statusOf(post.id)).toBe('delivery_failed');
    // Delivering a failed attempt needs a new round first.
    await expect(call('delivery.recordOutcome', { dossierId: post.id, outcome: { kind: 'delivered', receiverName: 'Đặng Thị Hồng Nhung', relation: 'Người nộp', idChecked: true }, idempotencyKey: 'outcome-0002' })).rejects.toThrow('không thể');
    await call('delivery.createList', { postman: 'Võ Minh Phát', dossierIds: [post.id], idempotencyKey: 'list-000002' });
    const done = await call<Summary>('delivery.recordOutcome', { dossierId: post.id, outcome: { kind: 'delivered', receiverName: 'Đặng Thị Hồng Nhung', relation: 'Người nộp', idChecked: true }, idempotencyKey: 'outcome-0003' });
    expect(done.status).toBe('delivered');

    const tl = await call<{ events: { type: string; detail: string; by: string }[]; derivedStatus: string }>('tracking.timeline', { dossierId: post.id });
    expect(tl.events.map((e) => e.type)).toEqual([
      'received',
      'added_to_manifest',
      'dispatched',
      'agency_received',
      'result_received',
      'out_for_delivery',
      'delivery_failed',
      'out_for_delivery',
      'delivered',
    ]);
    expect(tl.derivedStatus).toBe('delivered');
    expect(tl.events[2].detail).toContain('Lê Văn Tài');
    expect(tl.events[8].detail).toContain('Đặng Thị Hồng Nhung');
  });

  it('finds a result waiting at the counter by name, ID and phone even behind hundreds of newer dossiers of the same person', async () => {
    const here = receive(LLTP, 'key-w-000001', { delivery: { kind: 'pickup_here' } });
    await toAgency(here);
    await call('results.scan', { code: here.code });
    // 250 newer dossiers of the same applicant, still at the counter: more than a search returns
    for (let i = 0; i < 250; i++) receive(LLTP, `key-n-${String(i).padStart(6, '0')}`);
    const name = APPLICANT.fullName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
    for (const query of [name, APPLICANT.idNumber, APPLICANT.phone as string]) {
      const found = await call<Summary[]>('delivery.awaitingPickup', { query });
      expect(found.map((d) => d.code), query).toEqual([here.code]);
    }
    // a code finds it too, and a code of a dossier not waiting at the counter finds nothing
    expect((await call<Summary[]>('delivery.awaitingPickup', { query: here.code })).map((d) => d.code)).toEqual([here.code]);
    expect(await call<Summary[]>('delivery.awaitingPickup', { query: receive(LLTP, 'key-n-999999').code })).toEqual([]);
  });

  it('refuses to deliver a result that has not come back', async () => {
    const d = receive(LLTP, 'key-n-000001', { delivery: { kind: 'pickup_here' } });
    await expect(call('delivery.handOver', { dossierId: d.id, scanned: APPLICANT.idNumber, idempotencyKey: 'handover-0009' })).rejects.toThrow('không ở quầy chờ trả');
    await expect(call('delivery.createList', { postman: 'Võ Minh Phát', dossierIds: [d.id], idempotencyKey: 'list-000009' })).rejects.toThrow('không trả tại địa chỉ');
    expect(statusOf(d.id)).toBe('received');
  });

  it('registers a return-only result and collects the charge on delivery into the ledger', async () => {
    const reg = await call<{ dossier: Summary }>('results.register', {
      idempotencyKey: 'register-0001',
      procedureCode: BIRTH,
      agencyDossierCode: '000.00.53.H48-261120-0099',
      applicant: { fullName: 'Lò Thị Mai', phone: '0987654321' },
      delivery: { kind: 'pickup_here' },
      amountDue: 25000,
    });
    expect(reg.dossier).toMatchObject({ status: 'awaiting_pickup', amountDue: 25000, service: 'return' });
    // A reception's key never answers for a registration (keys live in separate namespaces).
    const received = receive(LLTP, 'shared-key-0001');
    const other = await call<{ dossier: Summary }>('results.register', {
      idempotencyKey: 'shared-key-0001',
      procedureCode: BIRTH,
      applicant: { fullName: 'Nguyễn Văn Ân', phone: '0987654322' },
      delivery: { kind: 'pickup_here' },
      amountDue: 0,
    });
    expect(other.dossier.id).not.toBe(received.id);
    // Diacritics matter when only the name can be compared.
    await expect(call('delivery.handOver', { dossierId: other.dossier.id, scanned: CARD('001099012345', 'NGUYEN VAN AN'), idempotencyKey: 'handover-0100' })).rejects.toThrow('không khớp');
    // No ID number on record: the card's name must be the addressee's.
    await expect(call('delivery.handOver', { dossierId: reg.dossier.id, scanned: '079190001234', idempotencyKey: 'handover-0101' })).rejects.toThrow('không lưu số CCCD');
    await call('delivery.handOver', { dossierId: reg.dossier.id, scanned: CARD('079190005555', 'LÒ THỊ MAI'), idempotencyKey: 'handover-0102' });
    expect(rows(`SELECT kind, amount, payment_method FROM ledger_entry WHERE dossier_id = ?`, reg.dossier.id)).toEqual([{ kind: 'cod', amount: 25000, payment_method: 'cash' }]);
    expect((await call<Summary>('tracking.find', { code: reg.dossier.code })).amountDue).toBe(0);
  });
});

describe('agency requests and tracking', () => {
  it('a supplement request prints a letter, the dossier waits, then goes back to the agency', async () => {
    const d = receive(BIRTH, 'key-s-000001');
    await toAgency(d);
    const r = await call<{ dossier: Summary; letter: { title: string; blocks: { type: string; rows?: string[][] }[] } }>('agency.request', {
      dossierId: d.id,
      kind: 'supplement',
      reason: 'Giấy chứng sinh bị mờ',
      items: ['Giấy chứng sinh (bản chính)'],
      reference: '123/UBND-TP',
    });
    expect(r.dossier.status).toBe('supplement_requested');
    expect(r.letter.title).toBe('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
    expect(r.letter.blocks.find((b) => b.type === 'table')?.rows).toEqual([['1', 'Giấy chứng sinh (bản chính)']]);
    const pdf = await call<{ mimeType: string; contentBase64: string }>('agency.letterPdf', { dossierId: d.id });
    expect(Buffer.from(pdf.contentBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    await expect(call('results.scan', { code: d.code })).rejects.toThrow('cơ quan đang chờ công dân bổ sung hồ sơ');
    expect((await call<Summary>('agency.supplementSent', { dossierId: d.id })).status).toBe('at_agency');
  });

  it('finds a dossier by code, item number, ID, phone and a name without diacritics; the history folds to the stored status', async () => {
    const d = receive(LLTP, 'key-t-000001');
    receive(BIRTH, 'key-t-000002', { applicant: { ...APPLICANT, idNumber: '079190007777', fullName: 'Nguyễn Văn Đức', phone: '0977000111' } });
    const codes = async (query: string) => (await call<Summary[]>('tracking.search', { query })).map((x) => x.code);
    expect(await codes(d.code)).toEqual([d.code]);
    expect(await codes(d.itemNumber as string)).toEqual([d.code]);
    expect(await codes(APPLICANT.idNumber)).toEqual([d.code]);
    expect(await codes('0905 123 456')).toEqual([d.code]);
    expect(await codes('dang thi hong nh')).toEqual([d.code]);
    expect(await codes('nguyen van duc')).toHaveLength(1);
    expect(await codes('hong')).toEqual([d.code]);
    expect(await codes('khong co ai')).toEqual([]);
    // Who looked up a person is on record (not what they typed).
    const looks = rows(`SELECT detail FROM audit_log WHERE action = 'dossier.search' ORDER BY id`).map((r) => JSON.parse(r.detail as string) as { by: string });
    expect(looks.map((l) => l.by)).toEqual(['id', 'phone', 'name', 'name', 'name', 'name']);
    expect(JSON.stringify(looks)).not.toContain(APPLICANT.idNumber);
    await expect(call('tracking.find', { code: 'EA999999999VN' })).rejects.toThrow('Không tìm thấy hồ sơ');

    const events = rows('SELECT type, detail FROM dossier_event WHERE dossier_id = ? ORDER BY id', d.id).map((e) => ({ type: e.type as string, ...JSON.parse((e.detail as string) ?? '{}') }));
    expect(deriveState(events)).toMatchObject({ ok: true, state: statusOf(d.id) });
  });

  it('the dashboard counts open dossiers per stage, the overdue and the stuck', async () => {
    const d = receive(LLTP, 'key-d-000001');
    receive(BIRTH, 'key-d-000002');
    let dash = await call<{ stages: { stage: string; count: number; overdue: number; stuck: number }[]; overdue: Summary[] }>('tracking.dashboard', { stuckDays: 5 });
    expect(dash.stages.find((s) => s.stage === 'at_counter')).toMatchObject({ count: 2, overdue: 0, stuck: 0 });
    await later(40 * 86_400_000); // forty days on, nothing happened
    dash = await call('tracking.dashboard', { stuckDays: 5 });
    expect(dash.stages.find((s) => s.stage === 'at_counter')).toMatchObject({ count: 2, overdue: 2, stuck: 2 });
    expect(dash.overdue.map((x) => x.code)).toContain(d.code);
    const slip = await call<{ blocks: { type: string; text?: string }[] }>('tracking.statusSlipPreview', { dossierId: d.id });
    expect(slip.blocks.some((b) => b.text === d.code)).toBe(true);
  });

  it('a send-only dossier the agency signed for is done for the post: never overdue nor stuck on the dashboard', async () => {
    const sendOnly = receive(LLTP, 'key-s-000001', { service: 'send' });
    const both = receive(LLTP, 'key-s-000002');
    await toAgency(sendOnly, both);
    type Dash = { stages: { stage: string; count: number; overdue: number; stuck: number }[]; overdue: Summary[]; stuck: Summary[] };
    expect((await call<Dash>('tracking.dashboard', { stuckDays: 5 })).stages.find((s) => s.stage === 'at_agency')).toMatchObject({ count: 1, overdue: 0, stuck: 0 });
    await later(60 * 86_400_000); // both promised dates long past, nothing happened
    const dash = await call<Dash>('tracking.dashboard', { stuckDays: 5 });
    expect(dash.stages.find((s) => s.stage === 'at_agency')).toMatchObject({ count: 1, overdue: 1, stuck: 1 });
    expect(dash.overdue.map((x) => x.code)).toEqual([both.code]);
    expect(dash.stuck.map((x) => x.code)).toEqual([both.code]);
    // both are still at the agency in their history; only the one the post answers for is late
    const found = async (code: string) => (await call<Summary[]>('tracking.search', { query: code }))[0] as Summary & { overdue: boolean };
    expect(await found(sendOnly.code)).toMatchObject({ status: 'at_agency', overdue: false });
    expect(await found(both.code)).toMatchObject({ status: 'at_agency', overdue: true });
  });
});
