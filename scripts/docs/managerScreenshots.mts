/**
 * The manager's screenshots of the README (docs/screenshots/manager-*.png) and the sample Z report
 * text (docs/screenshots/manager-z-report.txt).
 *
 *   node --import tsx scripts/docs/managerScreenshots.mts
 *
 * 1. In a temp data folder, through the real services (the API dispatch), builds a point with a
 *    manager and two clerks, a few days a month of history since July (receptions, manifests,
 *    agency receipts with fee hand-over, results, deliveries, shift and day closes — each history
 *    day is sealed) on a moved clock, then today (the real date: the UI's day close is for today)
 *    from 07:30: ~20 receptions over several procedures and agencies in cash and by transfer, a
 *    cancellation, a guidance slip, a manifest signed for by the agency with its fees handed over,
 *    results in and delivered (return-only records with money due), the clerks' shift closes
 *    (one short 70.000 đ, approved by the manager).
 * 2. Starts the browser-mode host on the folder and, in Chromium (1280×900, vi-VN), signs in as
 *    the manager: the day close's settings tab and first three steps, the Z report (receipt paper and A4), the reports
 *    screen (charts, BCCI share). The Z report's receipt document is laid out as the 80 mm printer
 *    prints it (48 columns) into the text sample.
 * 3. Stops the browser and the host and deletes the temp folder.
 *
 * The host serves dist/renderer: it is rebuilt first (npm run build:renderer) when a renderer or
 * shared source is newer than the build.
 *
 * Needs Debian's Chromium (CHROMIUM_PATH) like the e2e tests. Run it after 09:00 Vietnam time:
 * today's activity is laid out between 07:30 and a few minutes ago.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { openApp, type App } from '../../main/app/compose';
import { newContext, type CallContext } from '../../main/services/context';
import type { CashCount, DayReport, Pending } from '../../shared/api/dayClose';
import type { ReceiptDocument } from '../../shared/printing/document';
import { layoutReceipt, lineText, type LayoutLine } from '../../shared/printing/layout';
import { DENOMINATIONS } from '../../shared/dayClose/cash';
import { formatMoney } from '../../shared/messages/vi';
import { displayDate, vietnamDay } from '../../shared/time/vietnam';
import { launchChromium, startHostProcess, watchPageErrors, type RunningHost } from '../../test/support/browserMode';
import { allocateItemNumbers, confirmInput } from '../../test/support/reception';
import { WsClient } from '../../test/support/wsClient';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const outDir = path.join(root, 'docs', 'screenshots');
const log = (...a: unknown[]) => console.log('[docs]', ...a);

// ── The point and its people ──

const POINT = { code: 'BC560100', name: 'Bưu cục Trung tâm Phan Rang', province: 'Khánh Hòa', commune: 'Phường Phan Rang', kind: 'transaction_point' as const };
const MANAGER = { fullName: 'Nguyễn Thị Hoa', username: 'hoa.nt', password: 'mat-khau-123' };
const CLERKS = [
  { fullName: 'Lê Thị Lan', username: 'gdv.lan', password: 'giao-dich-1', role: 'clerk' as const },
  { fullName: 'Phạm Văn Minh', username: 'gdv.minh', password: 'giao-dich-2', role: 'clerk' as const },
];

/** Procedures a post office in Khánh Hòa sees most, with how often (weights). */
const PROCEDURES: [code: string, weight: number][] = [
  ['3.000333', 5], // Phiếu lý lịch tư pháp — Công an cấp tỉnh
  ['1.001193', 3], // Đăng ký khai sinh — UBND cấp xã
  ['1.004873', 2], // Xác nhận tình trạng hôn nhân — UBND cấp xã
  ['1.001456', 3], // Hộ chiếu (cấp tỉnh) — Phòng QLXNC
  ['3.000347', 3], // Đổi giấy phép lái xe — Phòng CSGT
  ['1.012783.H19', 2], // Cấp đổi GCN quyền sử dụng đất — VP đăng ký đất đai
  ['3.000465', 1], // Bản sao văn bằng — Sở GD&ĐT
];

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE_F = ['Thị', 'Thị Thu', 'Thị Ngọc', 'Thị Mỹ', 'Ngọc', 'Thị Kim'];
const MIDDLE_M = ['Văn', 'Minh', 'Quốc', 'Đức', 'Hữu', 'Thanh'];
const GIVEN_F = ['Hoa', 'Lan', 'Trang', 'Hằng', 'Nhung', 'Thảo', 'Linh', 'Hương', 'Yến', 'Vy', 'Ngân', 'Phương'];
const GIVEN_M = ['Bình', 'Hùng', 'Dũng', 'Tuấn', 'Long', 'Nam', 'Sơn', 'Khoa', 'Phúc', 'Thắng', 'Tài', 'Hiếu'];
const COMMUNES = ['Phường Phan Rang', 'Phường Đô Vinh', 'Phường Bảo An', 'Phường Đông Hải', 'Phường Nha Trang'];
const STREETS = ['Thống Nhất', 'Lê Hồng Phong', 'Ngô Gia Tự', 'Trần Phú', '21 Tháng 8', 'Yên Ninh', 'Nguyễn Văn Cừ', 'Hải Thượng Lãn Ông'];

// A fixed seed: the same pictures on every run.
let seed = 20261121;
function rand(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
  return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
}
const pick = <T,>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
function weighted(list: readonly [string, number][]): string {
  let r = rand() * list.reduce((s, [, w]) => s + w, 0);
  for (const [v, w] of list) if ((r -= w) < 0) return v;
  return list[0][0];
}

interface Person {
  idNumber: string;
  fullName: string;
  dateOfBirth: string;
  sex: 'male' | 'female';
  address: string;
  phone: string;
}
function person(): Person {
  const female = rand() < 0.5;
  const year = between(1958, 2006);
  const fullName = `${pick(SURNAMES)} ${pick(female ? MIDDLE_F : MIDDLE_M)} ${pick(female ? GIVEN_F : GIVEN_M)}`;
  const century = year >= 2000 ? (female ? 3 : 2) : female ? 1 : 0;
  const idNumber = `058${century}${String(year % 100).padStart(2, '0')}${String(between(0, 999_999)).padStart(6, '0')}`;
  const commune = pick(COMMUNES);
  return {
    idNumber,
    fullName,
    dateOfBirth: `${year}-${String(between(1, 12)).padStart(2, '0')}-${String(between(1, 28)).padStart(2, '0')}`,
    sex: female ? 'female' : 'male',
    address: `Số ${between(1, 250)} ${pick(STREETS)}, ${commune}, tỉnh Khánh Hòa`,
    phone: `09${between(0, 9)}${String(between(0, 9_999_999)).padStart(7, '0')}`,
  };
}

// ── Time ──

const VN = 7 * 3_600_000;
let now = Date.now();
const at = (day: string, hhmm: string) => {
  now = Date.parse(`${day}T${hhmm}:00+07:00`);
};
const plusDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(Math.floor(minutes % 60)).padStart(2, '0')}`;

// ── The app, in process ──

let app!: App;
const manager = newContext();
const clerks = [newContext(), newContext()];
let keyNo = 0;
const key = (what: string) => `docs-${what}-${String(++keyNo).padStart(5, '0')}`;

/** One call through the real dispatch, as the UI makes it; the session counts as active on the moved clock. */
async function call<T = unknown>(ctx: CallContext, method: string, params: unknown): Promise<T> {
  if (ctx.session) {
    ctx.session.lastActivity = now;
    ctx.session.locked = false;
  }
  const r = (await app.dispatch(ctx, { id: 1, method, params })) as { ok: boolean; value?: unknown; error?: { code: string; message: string } };
  if (!r.ok) throw new Error(`${method}: ${r.error?.code} ${r.error?.message}`);
  return r.value as T;
}

interface Received {
  id: number;
  code: string;
  applicant: Person;
}

async function receive(ctx: CallContext, o: { procedure?: string; payment?: 'cash' | 'transfer'; delivery?: 'address' | 'pickup_here' | 'at_agency' } = {}): Promise<Received> {
  const code = o.procedure ?? weighted(PROCEDURES);
  const applicant = person();
  const kind = o.delivery ?? (rand() < 0.5 ? 'address' : rand() < 0.85 ? 'pickup_here' : 'at_agency');
  const delivery =
    kind === 'address'
      ? { kind, province: 'Khánh Hòa', commune: applicant.address.split(', ')[1], street: applicant.address.split(', ')[0] }
      : { kind };
  const zones = app.services.reception.config().tariff.zones;
  const input = confirmInput(app, code, key('rx'), {
    service: kind === 'at_agency' ? 'send' : 'both',
    applicant,
    delivery: delivery as never,
    payment: o.payment ?? (rand() < 0.7 ? 'cash' : 'transfer'),
    postal: { zoneId: (rand() < 0.8 ? zones[0] : zones[Math.min(1, zones.length - 1)]).id, grams: pick([100, 200, 200, 300, 500]) },
  });
  const r = await call<{ dossier: { id: number; code: string } }>(ctx, 'reception.confirm', input);
  return { id: r.dossier.id, code: r.dossier.code, applicant };
}

async function guidance(ctx: CallContext, procedure: string): Promise<void> {
  const input = confirmInput(app, procedure, 'unused-key');
  await call(ctx, 'reception.guidance', {
    procedureCode: input.procedureCode,
    versionId: input.versionId,
    answers: { conditions: input.answers.conditions, items: {} },
    applicantName: person().fullName,
    idempotencyKey: key('guide'),
  });
}

/** Every received dossier into its agency's manifest, dispatched. Returns the manifests. */
async function dispatchAll(ctx: CallContext, carrier: string, only?: (agency: string) => boolean): Promise<{ id: number; agency: string; dossiers: { id: number; receivedAt: string }[] }[]> {
  const groups = await call<{ agency: string; dossiers: { id: number; code: string; receivedAt: string }[]; openManifestId: number | null }[]>(ctx, 'handover.pending', {});
  const out = [];
  for (const g of groups) {
    if (!g.dossiers.length || (only && !only(g.agency))) continue;
    const m = g.openManifestId ?? (await call<{ manifest: { id: number } }>(ctx, 'handover.createManifest', { agency: g.agency })).manifest.id;
    for (const d of g.dossiers) await call(ctx, 'handover.scan', { manifestId: m, code: d.code });
    await call(ctx, 'handover.dispatch', { manifestId: m, carrier, idempotencyKey: key('dispatch') });
    out.push({ id: m, agency: g.agency, dossiers: g.dossiers.map((d) => ({ id: d.id, receivedAt: d.receivedAt })) });
  }
  return out;
}

const RECEIVERS = ['Nguyễn Thị Thanh Tâm', 'Trần Quốc Việt', 'Lê Thị Mai', 'Phạm Minh Đức'];

/**
 * The agency signs for a manifest and takes its fees. With `returnBy`, it dates the results it
 * cannot give sooner on that day (the history only visits the counter every few days); `lateOne`
 * gives one a date it will miss.
 */
async function agencyReceipt(
  ctx: CallContext,
  m: { id: number; dossiers: { id: number; receivedAt: string }[] },
  o: { lateOne?: boolean; refuseOne?: boolean; returnBy?: string } = {},
): Promise<void> {
  const dateOf = (id: number) => app.db.prepare('SELECT result_date FROM dossier WHERE id = ?').pluck().get(id) as string | null;
  const resultDates = m.dossiers.flatMap((d, i) => {
    if (o.lateOne && i === 0 && m.dossiers.length > 1) return [{ dossierId: d.id, resultDate: plusDays(vietnamDay(new Date(d.receivedAt)), 3) }];
    const current = dateOf(d.id);
    return o.returnBy && current && current < o.returnBy ? [{ dossierId: d.id, resultDate: o.returnBy }] : [];
  });
  const refused = o.refuseOne && m.dossiers.length > 2 ? [{ dossierId: m.dossiers[m.dossiers.length - 1].id, reason: 'Hồ sơ không thuộc thẩm quyền giải quyết của cơ quan' }] : [];
  await call(ctx, 'handover.agencyReceipt', { manifestId: m.id, receiverName: pick(RECEIVERS), resultDates, refused, feesHandedOver: true });
}

/**
 * Results back from the agencies: those due by `ahead` days from now (an agency returns a result
 * around its date; the history visits the counter every few days), a share of them.
 */
async function resultsIn(ctx: CallContext, day: string, ahead: number, share = 1): Promise<void> {
  const due = app.db
    .prepare(
      `SELECT code FROM dossier WHERE status = 'at_agency' AND received_day < ? AND result_date <= ? AND json_extract(delivery, '$.kind') <> 'at_agency' ORDER BY id`,
    )
    .pluck()
    .all(day, plusDays(day, ahead)) as string[];
  for (const code of due) if (rand() < share) await call(ctx, 'results.scan', { code });
}

async function handOverAtCounter(ctx: CallContext, share: number): Promise<void> {
  const waiting = app.db.prepare(`SELECT id, applicant_id AS idNumber FROM dossier WHERE status = 'awaiting_pickup' AND applicant_id IS NOT NULL ORDER BY id`).all() as { id: number; idNumber: string }[];
  for (const d of waiting) if (rand() < share) await call(ctx, 'delivery.handOver', { dossierId: d.id, scanned: d.idNumber, idempotencyKey: key('handover') });
}

async function postmanRound(ctx: CallContext, postman: string, o: { failOne?: boolean } = {}): Promise<void> {
  const ready = await call<{ id: number; applicantName: string }[]>(ctx, 'delivery.ready', {});
  if (!ready.length) return;
  await call(ctx, 'delivery.createList', { postman, dossierIds: ready.map((d) => d.id), idempotencyKey: key('list') });
  for (const [i, d] of ready.entries()) {
    const outcome =
      o.failOne && i === ready.length - 1
        ? { kind: 'failed', reason: 'Không có người nhận tại địa chỉ, đã hẹn phát lại' }
        : { kind: 'delivered', receiverName: d.applicantName, relation: 'Bản thân', idChecked: true };
    await call(ctx, 'delivery.recordOutcome', { dossierId: d.id, outcome, idempotencyKey: key('outcome') });
  }
}

async function registerReturnOnly(ctx: CallContext, procedure: string, amountDue: number, delivery: 'address' | 'pickup_here'): Promise<{ id: number; idNumber: string }> {
  const p = person();
  const r = await call<{ dossier: { id: number } }>(ctx, 'results.register', {
    idempotencyKey: key('register'),
    procedureCode: procedure,
    agencyDossierCode: `H56.${between(10, 99)}-${String(between(1, 99999)).padStart(6, '0')}`,
    applicant: { fullName: p.fullName, phone: p.phone, idNumber: p.idNumber },
    delivery: delivery === 'address' ? { kind: 'address', province: 'Khánh Hòa', commune: p.address.split(', ')[1], street: p.address.split(', ')[0] } : { kind: 'pickup_here' },
    amountDue,
  });
  return { id: r.dossier.id, idNumber: p.idNumber };
}

/** Notes a drawer really holds for `amount`: some big notes, many small ones. */
function notesFor(amount: number): { value: number; count: number }[] {
  let rest = amount;
  const notes = new Map<number, number>();
  const shares: Record<number, number> = { 500_000: 0.45, 200_000: 0.5, 100_000: 0.5, 50_000: 0.5, 20_000: 0.5, 10_000: 0.6 };
  for (const value of DENOMINATIONS) {
    const n = Math.floor((rest * (shares[value] ?? 1)) / value);
    if (n > 0) notes.set(value, n);
    rest -= n * value;
  }
  for (const value of DENOMINATIONS) {
    const n = Math.floor(rest / value);
    if (n > 0) notes.set(value, (notes.get(value) ?? 0) + n);
    rest -= n * value;
  }
  if (rest !== 0) throw new Error(`${amount} đ cannot be counted in notes`);
  return [...notes].map(([value, count]) => ({ value, count }));
}

/** What the day's drawers and statement should hold: the X report's opening float plus the day's lines (read as the manager). */
async function expected(ctx: CallContext, day: string): Promise<{ cash: number; transfer: number }> {
  const r = await call<DayReport>(ctx, 'dayClose.report', { day });
  return { cash: (r.openingCash ?? 0) + r.money.totals.cash, transfer: r.money.totals.transfer };
}

async function closeShift(ctx: CallContext, short = 0, reason?: string): Promise<void> {
  const current = await call<{ lines: number }>(ctx, 'shift.current', {});
  if (!current.lines) return;
  // The clerk's guess of the drawer: their lines since the last shift close. The count then says
  // what the ledger expected (the drawer rules are the service's); a wrong guess is counted again.
  const since = app.db.prepare('SELECT coalesce(max(last_ledger_id), 0) FROM shift_close WHERE clerk_id = ?').pluck().get(ctx.session?.userId) as number;
  const guess = app.db
    .prepare(`SELECT coalesce(sum(CASE WHEN payment_method = 'cash' THEN amount END), 0) AS cash, coalesce(sum(CASE WHEN payment_method = 'transfer' THEN amount END), 0) AS transfer FROM ledger_entry WHERE user_id = ? AND id > ?`)
    .get(ctx.session?.userId, since) as { cash: number; transfer: number };
  let count = await call<CashCount>(ctx, 'shift.count', { denominations: notesFor(Math.max(0, guess.cash - short)), transferConfirmed: guess.transfer, idempotencyKey: key('shift-count') });
  if (count.cashDifference !== -short || count.transferDifference !== 0)
    count = await call<CashCount>(ctx, 'shift.count', { denominations: notesFor(count.cashExpected - short), transferConfirmed: count.transferExpected, idempotencyKey: key('shift-count') });
  await call(ctx, 'shift.close', {
    countId: count.id,
    ...(count.needsReason ? { reason } : {}),
    ...(count.needsApproval ? { approval: { username: MANAGER.username, password: MANAGER.password } } : {}),
    idempotencyKey: key('shift-close'),
  });
}

async function closeDay(day: string): Promise<void> {
  await app.services.printQueue.idle();
  const e = await expected(manager, day);
  const pending = await call<Pending>(manager, 'dayClose.pending', { day });
  const count = await call<CashCount>(manager, 'dayClose.count', { day, denominations: notesFor(e.cash), transferConfirmed: e.transfer, idempotencyKey: key('day-count') });
  const reasons = [
    pending.notDelivered.count ? 'kết quả chờ công dân đến nhận tại quầy' : '',
    pending.notInManifest.count ? 'hồ sơ nhận buổi chiều gửi chuyến sáng mai' : '',
    pending.feesOutstanding.length ? 'cơ quan chưa ký nhận bảng kê' : '',
  ].filter(Boolean);
  await call(manager, 'dayClose.close', {
    day,
    countId: count.id,
    ...(pending.blocking ? { overrideReason: `Còn ${reasons.join('; ')}.` } : {}),
    idempotencyKey: key('day-close'),
  });
}

// ── History: a few days a month since July ──

function historyDays(today: string): string[] {
  const days: string[] = [];
  const [y, m] = today.split('-').map(Number);
  for (let month = 7; month <= m; month++)
    for (const d of [3, 9, 15, 22, 27]) {
      let day = `${y}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      while (weekday(day) === 0 || weekday(day) === 6 || day === `${y}-09-02`) day = plusDays(day, 1);
      if (day < plusDays(today, -1) && !days.includes(day)) days.push(day);
    }
  return days;
}

async function historyDay(day: string, i: number, next: string): Promise<void> {
  at(day, '07:45');
  // Results of dossiers sent earlier, then the citizens who come for them.
  await resultsIn(clerks[i % 2], day, 5, 0.95);
  at(day, '08:00');
  await handOverAtCounter(clerks[(i + 1) % 2], 0.85);
  await postmanRound(manager, 'Trần Văn Nam', { failOne: i % 5 === 2 });
  for (let n = between(4, 8), k = 0; k < n; k++) {
    at(day, hhmm(8 * 60 + 10 + k * 25));
    await receive(k % 3 === 2 ? manager : clerks[k % 2]);
  }
  if (i % 2 === 0) {
    at(day, '11:20');
    await guidance(clerks[i % 2], weighted(PROCEDURES));
  }
  if (i % 4 === 1) {
    at(day, '11:30');
    const r = await registerReturnOnly(clerks[0], '1.001193', 25_000, 'pickup_here');
    at(day, '15:20');
    await call(clerks[1], 'delivery.handOver', { dossierId: r.id, scanned: r.idNumber, idempotencyKey: key('handover') });
  }
  at(day, '16:00');
  const manifests = await dispatchAll(manager, 'Lê Văn Chuyển');
  at(day, '16:40');
  for (const [j, m] of manifests.entries()) await agencyReceipt(manager, m, { lateOne: (i + j) % 4 === 0, refuseOne: i === 7 && j === 0, returnBy: plusDays(next, 1) });
  if (i === 5 || i === 12) {
    const victim = app.db.prepare(`SELECT id FROM dossier WHERE status = 'at_agency' ORDER BY id DESC LIMIT 1`).pluck().get() as number | undefined;
    if (victim)
      await call(clerks[0], 'incidents.record', {
        dossierId: victim,
        kind: i === 5 ? 'damaged' : 'lost',
        note: i === 5 ? 'Bì hồ sơ bị ướt, rách góc khi vận chuyển' : 'Thất lạc trên đường chuyển đến cơ quan, đã báo bưu điện tỉnh',
        idempotencyKey: key('incident'),
      });
  }
  at(day, '17:00');
  for (const c of clerks) await closeShift(c);
  at(day, '17:20');
  await closeDay(day);
}

// ── Today, from 07:30 to a few minutes ago ──

async function today(day: string): Promise<{ cashShort: number }> {
  const nowVn = (Date.now() + VN) % 86_400_000;
  const startMin = 7 * 60 + 30;
  const endMin = Math.floor(nowVn / 60_000) - 10;
  if (endMin < 9 * 60) throw new Error('Run this after 09:00 Vietnam time: today’s activity is laid out between 07:30 and now.');
  const scale = Math.min(1, (endMin - startMin) / (15 * 60 - startMin));
  const t = (nominal: string) => {
    const [h, m] = nominal.split(':').map(Number);
    at(day, hhmm(startMin + (h * 60 + m - startMin) * scale));
  };
  const [lan, minh] = clerks;

  t('07:35');
  await resultsIn(lan, day, 3, 1);
  t('07:50');
  const due1 = await registerReturnOnly(lan, '3.000347', 32_000, 'pickup_here');
  await registerReturnOnly(lan, '1.001193', 25_000, 'address');
  t('08:00');
  const plan: [CallContext, Parameters<typeof receive>[1]][] = [
    [lan, { procedure: '3.000333', payment: 'cash', delivery: 'address' }],
    [minh, { procedure: '1.001456', payment: 'transfer', delivery: 'pickup_here' }],
    [lan, { procedure: '1.001193', payment: 'cash', delivery: 'pickup_here' }],
    [minh, { procedure: '3.000333', payment: 'cash', delivery: 'pickup_here' }],
    [lan, { procedure: '3.000347', payment: 'cash', delivery: 'address' }],
    [minh, { procedure: '1.012783.H19', payment: 'transfer', delivery: 'address' }],
    [lan, { procedure: '3.000333', payment: 'transfer', delivery: 'address' }],
    [minh, { procedure: '1.004873', payment: 'cash', delivery: 'pickup_here' }],
    [lan, { procedure: '3.000347', payment: 'cash', delivery: 'pickup_here' }],
    [minh, { procedure: '3.000333', payment: 'cash', delivery: 'at_agency' }],
    [lan, { procedure: '1.001456', payment: 'cash', delivery: 'address' }],
    [minh, { procedure: '3.000465', payment: 'cash', delivery: 'address' }],
  ];
  const morning: Received[] = [];
  for (const [k, [ctx, o]] of plan.entries()) {
    t(hhmm(8 * 60 + k * 14));
    morning.push(await receive(ctx, o));
    if (k === 3) {
      t('08:50');
      await call(lan, 'delivery.handOver', { dossierId: due1.id, scanned: due1.idNumber, idempotencyKey: key('handover') });
      await handOverAtCounter(minh, 0.7);
    }
  }
  t('10:40');
  await call(manager, 'reception.cancel', { dossierId: morning[4].id, reason: 'Công dân xin rút hồ sơ để bổ sung giấy khám sức khỏe' });
  t('10:45');
  await guidance(lan, '3.000333');
  t('10:50');
  await postmanRound(manager, 'Trần Văn Nam', { failOne: true });
  t('11:00');
  const manifests = await dispatchAll(manager, 'Lê Văn Chuyển');
  const afternoon: [CallContext, Parameters<typeof receive>[1]][] = [
    [lan, { procedure: '3.000333', payment: 'cash', delivery: 'pickup_here' }],
    [minh, { procedure: '1.001193', payment: 'cash', delivery: 'address' }],
    [lan, { procedure: '3.000347', payment: 'transfer', delivery: 'address' }],
    [minh, { procedure: '1.001456', payment: 'cash', delivery: 'pickup_here' }],
    [lan, { procedure: '3.000333', payment: 'cash', delivery: 'address' }],
    [minh, { procedure: '1.004873', payment: 'transfer', delivery: 'pickup_here' }],
    [lan, { procedure: '1.012783.H19', payment: 'cash', delivery: 'pickup_here' }],
  ];
  for (const [k, [ctx, o]] of afternoon.entries()) {
    t(hhmm(13 * 60 + 30 + k * 12));
    await receive(ctx, o);
  }
  t('14:50');
  const police = manifests.find((m) => m.agency === 'Công an cấp tỉnh') ?? manifests[0];
  await agencyReceipt(manager, police);
  t('14:55');
  await closeShift(lan);
  const cashShort = 70_000;
  await closeShift(minh, cashShort, 'Thiếu 70.000 đ: trả nhầm tiền thừa cho khách, đã lập biên bản');
  await app.services.printQueue.idle();
  return { cashShort };
}

// ── The Z report as the 80 mm printer prints it ──

function receiptText(doc: ReceiptDocument, columns = 48): string {
  const lines: string[] = [];
  for (const item of layoutReceipt(doc, columns).items) {
    if (item.type === 'line') {
      // Double-size text (the title) takes two columns a character on paper: lay its box out on the full width.
      const line: LayoutLine = item.size === 2 ? { ...item, size: 1, cells: item.cells.map((c) => ({ ...c, start: c.start * 2, width: c.width * 2 })) } : item;
      lines.push(lineText(line));
    } else if (item.type === 'feed') for (let i = 0; i < item.lines; i++) lines.push('');
    else if (item.type === 'barcode' || item.type === 'qr') lines.push(`[${item.type}: ${item.data}]`);
  }
  while (lines.length && !lines[lines.length - 1].trim()) lines.pop();
  return `${lines.join('\n')}\n`;
}

// ── The screenshots ──

/** A picture of the element (its top `maxHeight` pixels when given), or of the window. */
async function shot(page: Page, name: string, selector?: string, maxHeight?: number): Promise<void> {
  const file = path.join(outDir, `manager-${name}.png`);
  await page.waitForTimeout(250);
  const el = selector ? page.locator(selector).first() : null;
  const box = el && maxHeight ? await el.boundingBox() : null;
  if (el && box && box.height > maxHeight!) {
    await el.evaluate((e) => e.scrollIntoView());
    const top = (await el.boundingBox())!;
    await page.screenshot({ path: file, fullPage: true, clip: { x: top.x, y: top.y + (await page.evaluate(() => window.scrollY)), width: top.width, height: maxHeight! } });
  } else if (el) await el.screenshot({ path: file });
  else await page.screenshot({ path: file });
  const kb = Math.round(fs.statSync(file).size / 1024);
  log(`${path.relative(root, file)} ${kb} KB${kb >= 300 ? '  ← over 300 KB' : ''}`);
}

async function screenshots(host: RunningHost, day: string, cash: { expected: number; short: number }, transfer: number): Promise<string> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    page.setDefaultTimeout(15_000);
    const errors = watchPageErrors(page);
    await page.goto(host.url);
    await page.getByLabel('Tên đăng nhập').fill(MANAGER.username);
    await page.getByLabel('Mật khẩu').fill(MANAGER.password);
    await page.keyboard.press('Enter');
    const nav = page.getByRole('navigation').first();
    await nav.getByRole('button', { name: 'Khóa sổ ngày', exact: true }).click();

    // The settings tab, then back to the steps.
    await page.getByRole('tab', { name: 'Cài đặt khóa sổ' }).click();
    await page.getByRole('button', { name: 'Lưu cài đặt' }).waitFor();
    await shot(page, 'dayclose-settings', '.dc-screen');
    await page.getByRole('tab', { name: 'Các bước khóa sổ' }).click();

    // 1. Việc còn dở
    await page.getByRole('heading', { name: 'Việc còn dở' }).waitFor();
    await page.getByLabel('Lý do vẫn khóa sổ khi còn việc dở').fill('Kết quả chờ công dân đến nhận; hồ sơ nhận buổi chiều gửi chuyến sáng mai; các cơ quan còn lại ký nhận bảng kê ngày mai.');
    await shot(page, 'dayclose-pending', '.dc-screen');
    await page.getByRole('button', { name: 'Ghi lý do và đếm tiền' }).click();

    // 2. Đếm tiền (blind)
    await page.getByRole('heading', { name: 'Đếm tiền (đếm mù)' }).waitFor();
    for (const n of notesFor(cash.expected - cash.short)) await page.getByLabel(`Số tờ ${formatMoney(n.value)} đ`, { exact: true }).fill(String(n.count));
    await page.getByLabel('Tổng tiền chuyển khoản đã đối chiếu').fill(formatMoney(transfer));
    await shot(page, 'dayclose-count', '.dc-screen');
    await page.getByRole('button', { name: 'Gửi số đã đếm' }).click();

    // 3. Chênh lệch
    await page.getByRole('heading', { name: 'Đối chiếu và chênh lệch' }).waitFor();
    await page.getByLabel('Lý do chênh lệch').fill('Ca của GDV Phạm Văn Minh thiếu 70.000 đ (trả nhầm tiền thừa), đã lập biên bản.');
    await page.getByLabel('Tên đăng nhập người duyệt').fill(MANAGER.username);
    await page.getByLabel('Mật khẩu người duyệt').fill(MANAGER.password);
    await shot(page, 'dayclose-difference', '.dc-screen');
    await page.getByRole('button', { name: 'Tiếp tục: khóa sổ' }).click();

    // 4. Khóa sổ → the Z report
    await page.getByRole('button', { name: 'Khóa sổ và in báo cáo Z' }).waitFor();
    await page.getByRole('button', { name: 'Khóa sổ và in báo cáo Z' }).click();
    await page.getByRole('heading', { name: /Đã khóa sổ ngày/ }).waitFor();
    await page.locator('.dc-receipt .receipt-line').first().waitFor();
    // The preview box scrolls at 75% of the window; show the whole paper for the picture.
    await page.locator('.dc-receipt').evaluate((el: HTMLElement) => el.style.setProperty('max-height', 'none'));
    await shot(page, 'z-receipt', '.dc-receipt');
    await page.getByRole('tab', { name: 'Bản A4' }).click();
    await page.locator('.a4-table').first().waitFor();
    await shot(page, 'z-a4', '.a4-paper', 1250);

    // Reports upward: July to today.
    await nav.getByRole('button', { name: 'Báo cáo', exact: true }).click();
    await page.getByLabel('Từ ngày', { exact: true }).first().fill(displayDate(`${day.slice(0, 4)}-07-01`));
    await page.getByLabel('Đến ngày', { exact: true }).first().fill(displayDate(day));
    await page.getByRole('button', { name: 'Xem số liệu' }).click();
    await page.getByText(new RegExp(`Từ 01/07/${day.slice(0, 4)} đến`)).waitFor();
    await page.locator('.rp-chart').first().waitFor();
    await page.evaluate(() => document.getElementById('rp-totals')?.scrollIntoView());
    await shot(page, 'reports-charts', 'section[aria-labelledby="rp-charts"]');
    await shot(page, 'reports-share', 'section[aria-labelledby="rp-share"]');
    if (errors.length) log('page errors:', errors);

    // The Z report's receipt document, as printed at the close.
    const url = new URL(host.url);
    const ws = await WsClient.connect(`ws://127.0.0.1:${url.port}/api?token=${url.hash.slice('#token='.length)}`);
    try {
      await ws.call('auth.signIn', { username: MANAGER.username, password: MANAGER.password });
      const r = await ws.call('dayClose.document', { day, format: 'receipt' });
      if (!r.ok) throw new Error(`dayClose.document: ${r.error?.message}`);
      return receiptText((r.value as { receipt: ReceiptDocument }).receipt);
    } finally {
      ws.close();
    }
  } finally {
    await browser.close();
  }
}

/** The host serves dist/renderer: rebuild it when a renderer or shared source is newer (the pictures show the current UI). */
function buildRendererIfStale(): void {
  const built = path.join(root, 'dist', 'renderer', 'index.html');
  const builtAt = fs.existsSync(built) ? fs.statSync(built).mtimeMs : 0;
  const newer = (dir: string): boolean =>
    fs.readdirSync(dir, { withFileTypes: true }).some((e) => (e.isDirectory() ? newer(path.join(dir, e.name)) : fs.statSync(path.join(dir, e.name)).mtimeMs > builtAt));
  if (!newer(path.join(root, 'renderer')) && !newer(path.join(root, 'shared'))) return;
  log('renderer sources changed since the last build: npm run build:renderer');
  const r = spawnSync('npm', ['run', 'build:renderer'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm run build:renderer failed');
}

// ── Run ──

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bcci-docs-'));
let host: RunningHost | null = null;
let appOpen = false;
try {
  fs.mkdirSync(outDir, { recursive: true });
  const day = vietnamDay();
  const history = historyDays(day);
  at(history[0], '07:00');
  app = openApp({ dataDir: dir, host: 'browser', clock: () => new Date(now), log: () => {} });
  appOpen = true;
  await app.services.setup.complete({ point: POINT, manager: MANAGER });
  await app.services.auth.signIn(manager, MANAGER.username, MANAGER.password);
  app.services.settings.update(manager, { idleLockMinutes: 240 });
  allocateItemNumbers(app, manager, 10_000_000, 10_009_999);
  for (const [i, c] of CLERKS.entries()) {
    await call(manager, 'users.create', c);
    await app.services.auth.signIn(clerks[i], c.username, c.password);
  }

  for (const [i, d] of history.entries()) await historyDay(d, i, history[i + 1] ?? day);
  log(`history: ${history.length} days sealed, ${history[0]} … ${history[history.length - 1]}`);
  const { cashShort } = await today(day);
  const e = await expected(manager, day);
  log(`today ${day}: ${app.db.prepare('SELECT count(*) FROM dossier WHERE received_day = ?').pluck().get(day)} dossiers; cash ${e.cash}, transfer ${e.transfer}`);
  app.services.settings.update(manager, { idleLockMinutes: 10 });
  await app.close();
  appOpen = false;

  buildRendererIfStale();
  host = await startHostProcess(dir);
  const zText = await screenshots(host, day, { expected: e.cash, short: cashShort }, e.transfer);
  fs.writeFileSync(path.join(outDir, 'manager-z-report.txt'), zText);
  log(`${path.relative(root, path.join(outDir, 'manager-z-report.txt'))}:\n${zText}`);
} catch (err) {
  console.error('[docs] FAILED', err);
  if (host) console.error(host.output().slice(-3000));
  process.exitCode = 1;
} finally {
  if (appOpen) await app.close();
  if (host) await host.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
