/**
 * The database the reception bench times `confirm` against: 1,000,000 dossiers
 * received at one transaction point over five years, with their ledger lines,
 * events, audit lines, day sequences and (used-up) S10 item-number ranges.
 *
 * Seeded once with direct SQL in large transactions (on a separate connection,
 * journal off, synchronous=OFF, secondary indexes built after the rows), then
 * cached in the OS temp dir; every run copies the cache to a fresh folder and
 * opens it the way the app does (WAL, synchronous=FULL).
 *
 * The values come from the real pieces where that is cheap: the sample
 * catalogue's procedures, the checklist snapshot `confirm` writes, the fee and
 * postage lines of the real `quote`, real dossier codes and S10 numbers.
 * Synthetic data: never shipped, never shown to a clerk.
 */
import Database from 'better-sqlite3';
import type { App } from '../../main/app/compose';
import type { ConfirmInput, Delivery, FeeLine, Person, ReceptionService as Service } from '../../shared/api/reception';
import type { Procedure } from '../../shared/catalogue/schema';
import { documentCounts, evaluateChecklist, type ChecklistAnswers } from '../../shared/reception/checklist';
import { formatDossierCode } from '../../shared/reception/codes';
import { formatS10 } from '../../shared/scan/s10';
import { foldVietnamese } from '../../shared/text/fold';
import { vietnamDay } from '../../shared/time/vietnam';
import { POINT } from '../../test/support/app';
import { confirmInput } from '../../test/support/reception';
import { seededRandom } from './generate';
import { fmtCount } from './report';
import {
  addClerks,
  addDays,
  benchSource,
  cachedSeed,
  cacheFileFor,
  DAY_MS,
  digits,
  endBulkLoad,
  firstRun,
  foldCache,
  pad2,
  pick,
  readSeedMarker,
  rowStatements,
  S10_RANGE_SIZE,
  seededUuid,
  seedIntoCache,
  startBulkLoad,
  weighted,
  type Rng,
  type SeededDb,
} from './seedKit';

/** Part of the cache key, with the migrations, the sample catalogue and the seeders' text (this file and seedKit.ts). */
const SEED_FORMAT = 1;
const SEED_MARKER = 'bench.seed';
const YEARS = 5;
const S10_FIRST_SERIAL = 10_000_000;
const BATCH = 25_000;

const sends = (s: Service) => s === 'send' || s === 'both';
const returns = (s: Service) => s === 'return' || s === 'both';

// ── People ──

const FAMILY: readonly (readonly [string, number])[] = [
  ['Nguyễn', 38], ['Trần', 11], ['Lê', 9.5], ['Phạm', 7], ['Huỳnh', 3], ['Hoàng', 2], ['Phan', 4.5], ['Vũ', 2], ['Võ', 3.5],
  ['Đặng', 2], ['Bùi', 2], ['Đỗ', 1.4], ['Hồ', 1.3], ['Ngô', 1.3], ['Dương', 1], ['Lý', 0.5], ['Trương', 1.2], ['Đinh', 0.7],
  ['Lương', 0.5], ['Mai', 0.5], ['Châu', 0.4], ['Thái', 0.4], ['Chế', 0.3], ['Đàng', 0.4], ['Thuận', 0.2],
];
const MIDDLE_M = ['Văn', 'Văn', 'Văn', 'Hữu', 'Đức', 'Minh', 'Quang', 'Công', 'Thành', 'Xuân', 'Ngọc', 'Anh', 'Trung', 'Gia', 'Hoàng', 'Quốc', 'Thanh', 'Tấn'];
const MIDDLE_F = ['Thị', 'Thị', 'Thị', 'Thị', 'Ngọc', 'Thanh', 'Thu', 'Minh', 'Hồng', 'Mỹ', 'Kim', 'Bảo', 'Phương', 'Diệu', 'Hoài', 'Thùy'];
const GIVEN_M = [
  'Anh', 'Bảo', 'Bình', 'Cường', 'Dũng', 'Duy', 'Đạt', 'Đức', 'Hải', 'Hiếu', 'Hòa', 'Hùng', 'Huy', 'Khang', 'Khánh', 'Khoa', 'Kiên', 'Lâm',
  'Long', 'Lộc', 'Minh', 'Nam', 'Nghĩa', 'Nhân', 'Phát', 'Phong', 'Phúc', 'Quân', 'Quang', 'Sơn', 'Tài', 'Tâm', 'Thắng', 'Thành',
  'Thiện', 'Thịnh', 'Tiến', 'Toàn', 'Trí', 'Trung', 'Tuấn', 'Tùng', 'Việt', 'Vinh', 'Vũ', 'Hậu', 'Lợi', 'Trọng',
];
const GIVEN_F = [
  'An', 'Anh', 'Ánh', 'Châu', 'Chi', 'Diễm', 'Dung', 'Duyên', 'Giang', 'Hà', 'Hạnh', 'Hằng', 'Hiền', 'Hoa', 'Hồng', 'Hương', 'Huyền',
  'Lan', 'Liên', 'Linh', 'Loan', 'Mai', 'My', 'Nga', 'Ngân', 'Ngọc', 'Nhung', 'Nhi', 'Oanh', 'Phương', 'Quỳnh', 'Tâm', 'Thảo',
  'Thoa', 'Thu', 'Thủy', 'Trang', 'Trâm', 'Tuyết', 'Uyên', 'Vân', 'Vy', 'Xuân', 'Yến', 'Nhàn', 'Hậu',
];
/** CCCD province codes: mostly the point's own area (Ninh Thuận 058, Khánh Hòa 056), some from elsewhere. */
const ID_PROVINCES: readonly (readonly [string, number])[] = [
  ['058', 45], ['056', 33], ['001', 3], ['079', 4], ['048', 2], ['066', 2], ['068', 2], ['049', 1], ['052', 2], ['054', 1],
  ['060', 1], ['062', 1], ['064', 1], ['075', 1], ['038', 1],
];
const PHONE_PREFIXES = ['090', '093', '089', '070', '076', '077', '078', '079', '091', '094', '088', '081', '082', '083', '084', '085', '096', '097', '098', '086', '032', '033', '034', '035', '036', '037', '038', '039', '056', '058', '059', '092', '0259'];
const STREETS = [
  'Thống Nhất', '21 Tháng 8', 'Ngô Gia Tự', 'Trần Phú', 'Lê Duẩn', 'Nguyễn Văn Cừ', 'Yên Ninh', 'Hải Thượng Lãn Ông', '16 Tháng 4',
  'Quang Trung', 'Lê Hồng Phong', 'Ngô Quyền', 'Trường Chinh', 'Phan Chu Trinh', 'Bác Ái', 'Tô Hiệu', 'Nguyễn Thị Minh Khai',
  'Trần Quang Diệu', 'Lý Thường Kiệt', 'Hùng Vương', 'Võ Thị Sáu', 'Cao Bá Quát', 'Minh Mạng', 'Ngô Thì Nhậm',
];
const COMMUNES = [
  'Phường Phan Rang', 'Phường Đông Hải', 'Phường Bảo An', 'Phường Đô Vinh', 'Phường Ninh Chử', 'Xã Ninh Phước', 'Xã Phước Hữu',
  'Xã Thuận Nam', 'Xã Phước Dinh', 'Xã Ninh Hải', 'Xã Xuân Hải', 'Xã Ninh Sơn', 'Xã Lâm Sơn', 'Xã Công Hải', 'Xã Bác Ái',
];
const OTHER_POINTS = ['Bưu cục Tháp Chàm', 'Bưu cục Khánh Hải', 'Bưu cục Phước Dân', 'Bưu cục Tân Sơn', 'Bưu cục Nha Trang'];
const RELATIONS = ['Vợ', 'Chồng', 'Con', 'Cha', 'Mẹ', 'Anh trai', 'Chị gái', 'Em', 'Người được ủy quyền'];

/** A plausible applicant: CCCD matching birth year and sex, mobile number, an address around the point. */
export function randomPerson(rng: Rng, year: number): Person {
  const male = rng() < 0.48;
  const family = weighted(rng, FAMILY);
  const middle = pick(rng, male ? MIDDLE_M : MIDDLE_F);
  const second = rng() < 0.18 ? ` ${pick(rng, male ? ['Minh', 'Quốc', 'Hoàng', 'Thanh', 'Đình'] : ['Thanh', 'Ngọc', 'Thu', 'Kim', 'Bích'])}` : '';
  const fullName = `${family} ${middle}${second} ${pick(rng, male ? GIVEN_M : GIVEN_F)}`;
  const age = 16 + Math.floor(rng() ** 1.4 * 68);
  const born = year - age;
  const centurySex = (born >= 2000 ? 2 : 0) + (male ? 0 : 1);
  const prefix = pick(rng, PHONE_PREFIXES);
  return {
    idNumber: `${weighted(rng, ID_PROVINCES)}${centurySex}${String(born % 100).padStart(2, '0')}${digits(rng, 6)}`,
    fullName,
    dateOfBirth: `${born}-${pad2(1 + Math.floor(rng() * 12))}-${pad2(1 + Math.floor(rng() * 28))}`,
    sex: male ? 'male' : 'female',
    address: `${rng() < 0.3 ? `Thôn ${1 + Math.floor(rng() * 9)}` : `Số ${1 + Math.floor(rng() * 320)} ${pick(rng, STREETS)}`}, ${pick(rng, COMMUNES)}, tỉnh Khánh Hòa`,
    phone: `${prefix}${digits(rng, (prefix.startsWith('02') ? 11 : 10) - prefix.length)}`,
    ...(rng() < 0.05 ? { email: `${foldVietnamese(fullName).replace(/ /g, '.')}${Math.floor(rng() * 100)}@gmail.com` } : {}),
  };
}

export function randomRepresentative(rng: Rng, year: number): NonNullable<ConfirmInput['representative']> {
  const p = randomPerson(rng, year);
  return { idNumber: p.idNumber, fullName: p.fullName, phone: p.phone, relation: pick(rng, RELATIONS) };
}

export function randomDelivery(rng: Rng, service: Service, applicant: Person): Delivery {
  if (!returns(service)) return { kind: 'pickup_here' };
  const r = rng();
  if (r < 0.68) {
    const [street, commune] = applicant.address.split(', ');
    return { kind: 'address', province: 'Khánh Hòa', commune, street };
  }
  if (r < 0.95) return { kind: 'pickup_here' };
  return { kind: 'pickup_other', pointName: pick(rng, OTHER_POINTS) };
}

// ── Procedures: what the sample catalogue lets a point receive ──

export const ZONES: readonly (readonly [string, number])[] = [
  ['noi-tinh', 62],
  ['lien-tinh-gan', 25],
  ['lien-tinh-xa', 13],
];
export const GRAMS = [120, 200, 200, 350, 600, 1200] as const;
export const SERVICE_MIX: readonly (readonly [Service, number])[] = [
  ['both', 60],
  ['send', 30],
  ['return', 10],
];

export interface ProcedureTemplate {
  code: string;
  name: string;
  agency: string;
  rowId: number;
  processingDays: number;
  services: Service[];
  /** Zipf-like popularity. */
  weight: number;
  /** Per service: the checklist snapshot exactly as `confirm` writes it, and the document counts. */
  snapshot: Partial<Record<Service, { checklist: string; originals: number; copies: number }>>;
  /** Fee + postage lines of the real `quote`, by `${service}|${zoneId}|${grams}`. */
  lines: Map<string, FeeLine[]>;
}

function toAnswers(a: ConfirmInput['answers']): ChecklistAnswers {
  const items: ChecklistAnswers['items'] = {};
  for (const [k, v] of Object.entries(a.items)) items[Number(k)] = v;
  return { conditions: a.conditions, items };
}

/**
 * The procedures `confirmInput` builds a valid request for, per service the
 * procedure allows, with everything the seeder needs from the real services.
 */
export function procedureTemplates(app: App, seed = 7): ProcedureTemplate[] {
  const rng = seededRandom(seed);
  const out: ProcedureTemplate[] = [];
  for (const p of app.services.catalogue.all() as Procedure[]) {
    const detail = app.services.catalogue.get(p.code);
    const rowId = (app.db.prepare('SELECT id FROM procedure WHERE version_id = ? AND code = ?').get(detail.versionId, p.code) as { id: number }).id;
    const template: ProcedureTemplate = {
      code: p.code,
      name: detail.name,
      agency: detail.agency,
      rowId,
      processingDays: detail.processingDays,
      services: [],
      weight: 0,
      snapshot: {},
      lines: new Map(),
    };
    for (const [service] of SERVICE_MIX) {
      if (sends(service) && !detail.bcciReceive) continue;
      if (returns(service) && !detail.bcciReturn) continue;
      const input = confirmInput(app, p.code, 'template-key', { service });
      const answers = toAnswers(input.answers);
      const verdict = evaluateChecklist(detail, answers);
      if (sends(service) && !verdict.complete) continue;
      let ok = true;
      for (const [zoneId] of ZONES)
        for (const grams of new Set(GRAMS)) {
          const quote = app.services.reception.quote({ ...input, postal: { zoneId, grams } });
          if (quote.errors.length) ok = false;
          else template.lines.set(`${service}|${zoneId}|${grams}`, quote.lines);
        }
      if (!ok) continue;
      const counts = sends(service) ? documentCounts(detail, answers) : { originals: 0, copies: 0, items: [] };
      template.snapshot[service] = {
        checklist: JSON.stringify({ versionId: detail.versionId, answers: input.answers, received: counts.items, verdict: { complete: verdict.complete } }),
        originals: counts.originals,
        copies: counts.copies,
      };
      template.services.push(service);
    }
    if (template.services.length) out.push(template);
  }
  // Popularity: a few procedures (judicial records, passports, land) carry most of the volume.
  const order = out.map((_, i) => i).sort(() => rng() - 0.5);
  order.forEach((i, rank) => (out[i].weight = 1 / (rank + 1) ** 0.9));
  return out;
}

export function pickProcedure(rng: Rng, templates: readonly ProcedureTemplate[]): ProcedureTemplate {
  return weighted(
    rng,
    templates.map((t) => [t, t.weight] as const),
  );
}

export function pickService(rng: Rng, t: ProcedureTemplate): Service {
  return weighted(
    rng,
    SERVICE_MIX.filter(([s]) => t.services.includes(s)),
  );
}

// ── Days ──

const dow = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();
/** A Vietnam wall-clock time (minutes after midnight) on `day`, as the ISO instant the app stores. */
const vnIso = (day: string, minutes: number) => new Date(Date.parse(`${day}T00:00:00+07:00`) + minutes * 60_000).toISOString();
const nextWorkingDay = (day: string) => {
  let d = addDays(day, 1);
  while (dow(d) === 0) d = addDays(d, 1);
  return d;
};

/** Dossiers per day over `years` ending yesterday: weekdays full, Saturday half, Sunday almost closed, growing over time. */
function dailyCounts(rng: Rng, total: number, lastDay: string, years: number): { day: string; n: number }[] {
  const first = addDays(lastDay, -Math.round(years * 365.25) + 1);
  const days: { day: string; w: number }[] = [];
  for (let d = first; d <= lastDay; d = addDays(d, 1)) days.push({ day: d, w: 0 });
  days.forEach((d, i) => {
    const wd = dow(d.day);
    const base = wd === 0 ? 0.04 : wd === 6 ? 0.5 : 1;
    const trend = 0.5 + (i / days.length) * 1.0;
    d.w = base * trend * (0.7 + rng() * 0.6);
  });
  const sum = days.reduce((s, d) => s + d.w, 0);
  const out = days.map((d) => ({ day: d.day, n: Math.floor((d.w / sum) * total), frac: ((d.w / sum) * total) % 1 }));
  let left = total - out.reduce((s, d) => s + d.n, 0);
  for (const d of [...out].sort((a, b) => b.frac - a.frac)) {
    if (left-- <= 0) break;
    d.n++;
  }
  return out.map(({ day, n }) => ({ day, n }));
}

// ── The cache ──

export interface SeedInfo {
  format: number;
  dossiers: number;
  ledgerLines: number;
  events: number;
  auditLines: number;
  s10Ranges: number;
  firstDay: string;
  lastDay: string;
  seededAt: string;
  seedSeconds: number;
}

/** The marker the seeder leaves in `setting`; null when the file is not a complete seed. */
export function readSeedInfo(db: Database.Database): SeedInfo | null {
  return readSeedMarker<SeedInfo>(db, SEED_MARKER, SEED_FORMAT);
}

/** The cached seeded database: reused when present (same schema, same seed format), else seeded now. */
export async function seededDatabase(o: { dossiers: number; appRoot: string; reseed?: boolean; log: (line: string) => void }): Promise<SeededDb> {
  const label = o.dossiers === 1_000_000 ? '1m' : String(o.dossiers);
  // The seeder itself: a change to what it writes must not reuse an old cache.
  const cacheFile = cacheFileFor(o.appRoot, `bcci-bench-${label}`, String(SEED_FORMAT), [benchSource('receptionSeed.ts')]);
  return cachedSeed(cacheFile, o.reseed, () => seed(cacheFile, o));
}

async function seed(cacheFile: string, o: { dossiers: number; appRoot: string; log: (line: string) => void }): Promise<void> {
  const started = Date.now();
  await seedIntoCache(cacheFile, 'bcci-bench-seed-', async (dir) => {
    // 1. The app itself: migrations, sample catalogue, first run (point + manager).
    const { file, managerId, prepared: templates } = await firstRun(dir, o.log, procedureTemplates);
    o.log(`  seeding ${fmtCount(o.dossiers)} dossiers (${templates.length} receivable procedures) into ${file}…`);

    // 2. Bulk rows on a connection of our own: no journal, no fsync, a big cache, indexes afterwards.
    const db = new Database(file);
    try {
      startBulkLoad(db, 1_000_000);
      const info = seedRows(db, { ...o, templates, managerId });
      info.seedSeconds = Math.round((Date.now() - started) / 100) / 10;
      db.prepare('INSERT INTO setting (key, value) VALUES (?, ?)').run(SEED_MARKER, JSON.stringify(info));
      endBulkLoad(db);
      const fk = db.pragma('foreign_key_check(dossier)') as unknown[];
      if (fk.length) throw new Error(`seeded dossiers break ${fk.length} foreign keys`);
      o.log(
        `  seeded in ${info.seedSeconds} s: ${fmtCount(info.dossiers)} dossiers, ${fmtCount(info.ledgerLines)} ledger lines, ${fmtCount(info.events)} events, ${fmtCount(info.auditLines)} audit lines`,
      );
    } finally {
      db.close();
    }
    return file;
  });
}

function seedRows(db: Database.Database, o: { dossiers: number; templates: ProcedureTemplate[]; managerId: number; log: (line: string) => void }): SeedInfo {
  const rng = seededRandom(20_251_120);
  const lastDay = addDays(vietnamDay(new Date()), -1);
  const days = dailyCounts(rng, o.dossiers, lastDay, YEARS);
  const at0 = vnIso(days[0].day, 7 * 60);

  // Clerks of the point over the years (the manager also receives).
  const clerks = addClerks(db, o.managerId, { prefix: 'clerk', retired: 2, createdAt: at0, name: () => randomPerson(rng, 1990).fullName });

  // Secondary indexes are rebuilt after the rows (the UNIQUE ones stay: they cannot be dropped).
  const indexes = db
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('dossier', 'ledger_entry', 'dossier_event', 'audit_log')`)
    .all() as { name: string; sql: string }[];
  for (const ix of indexes) db.exec(`DROP INDEX ${ix.name}`);

  const { insDossier, insEvent, insRange } = rowStatements(db);
  const insLedger = db.prepare(
    `INSERT INTO ledger_entry (id, at, day, user_id, dossier_id, kind, label, agency, amount, payment_method, reverses, note)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)`,
  );
  const insAudit = db.prepare(`INSERT INTO audit_log (at, user_id, action, entity, entity_id, detail) VALUES (?, ?, ?, 'dossier', ?, ?)`);
  const insSequence = db.prepare('INSERT INTO dossier_sequence (point_code, day, last) VALUES (?, ?, ?)');

  const fold = foldCache();
  const procedureWeights = o.templates.map((t) => [t, t.weight] as const);
  const serviceMix = new Map(o.templates.map((t) => [t, SERVICE_MIX.filter(([s]) => t.services.includes(s))]));
  const recent: Person[] = [];
  let dossierId = 0;
  let ledgerId = (db.prepare('SELECT coalesce(max(id), 0) AS m FROM ledger_entry').get() as { m: number }).m;
  let events = 0;
  let audits = 0;
  let serial = S10_FIRST_SERIAL - 1;
  const ranges: { start: number; createdAt: string }[] = [];
  let dayIndex = 0;
  const lastAge = Date.parse(`${lastDay}T00:00:00Z`);

  const seedDay = (day: string, n: number) => {
    const year = Number(day.slice(0, 4));
    const age = Math.round((lastAge - Date.parse(`${day}T00:00:00Z`)) / DAY_MS) + 1; // 1 = yesterday
    const span = 570 / Math.max(n, 1);
    for (let seq = 1; seq <= n; seq++) {
      dossierId++;
      const minutes = 450 + (seq - 1) * span + rng() * span;
      const at = vnIso(day, minutes);
      const t = weighted(rng, procedureWeights);
      const service = weighted(rng, serviceMix.get(t) as (readonly [Service, number])[]);
      const snap = t.snapshot[service] as NonNullable<ProcedureTemplate['snapshot'][Service]>;
      const zone = weighted(rng, ZONES);
      const grams = pick(rng, GRAMS);
      const lines = t.lines.get(`${service}|${zone}|${grams}`) as FeeLine[];
      const total = lines.reduce((s, l) => s + l.amount, 0);
      const payment = total > 0 ? (rng() < 0.78 ? 'cash' : 'transfer') : 'none';
      // Some people come back (a second procedure, a family member's dossier).
      const person = recent.length > 50 && rng() < 0.12 ? pick(rng, recent) : randomPerson(rng, year);
      if (recent.length < 5000) recent.push(person);
      else recent[Math.floor(rng() * recent.length)] = person;
      const representative = rng() < 0.08 ? JSON.stringify(randomRepresentative(rng, year)) : null;
      const delivery = randomDelivery(rng, service, person);
      const clerk = weighted(rng, clerks);
      const code = formatDossierCode(POINT.code, day, seq);
      let itemNumber: string | null = null;
      if (sends(service)) {
        serial++;
        if ((serial - S10_FIRST_SERIAL) % S10_RANGE_SIZE === 0) ranges.push({ start: serial, createdAt: at });
        itemNumber = formatS10('EA', String(serial).padStart(8, '0'), 'VN');
      }
      const agencyDay = sends(service) ? nextWorkingDay(day) : null;
      const resultDay = agencyDay ? addDays(agencyDay, Math.ceil((t.processingDays * 7) / 5)) : null;

      // Where the dossier is now, and the events that brought it there (1–3).
      const history: [string, string][] = [['received', at]];
      if (rng() < 0.008) {
        history.push(['cancelled', vnIso(day, Math.min(minutes + 5 + rng() * 120, 1200))]);
      } else if (service === 'send') {
        if (age > 1 && (agencyDay as string) <= lastDay) history.push(['dispatched', vnIso(agencyDay as string, 900 + rng() * 60)]);
      } else if (service === 'return') {
        if (age > 2) history.push(['delivered', vnIso(addDays(day, 1 + Math.floor(rng() * 3)), 480 + rng() * 540)]);
      } else if (age > 1 && (agencyDay as string) <= lastDay) {
        history.push(['dispatched', vnIso(agencyDay as string, 900 + rng() * 60)]);
        const back = Date.parse(`${resultDay}T00:00:00Z`) + (1 + Math.floor(rng() * 3)) * DAY_MS;
        if (back <= lastAge && rng() > 0.03) history.push([rng() < 0.97 ? 'delivered' : 'result_received', new Date(back + (1 + rng() * 9) * 3_600_000).toISOString()]);
      }
      const [status, statusAt] = history[history.length - 1];

      insDossier.run(
        dossierId,
        code,
        seededUuid(rng),
        itemNumber,
        t.rowId,
        t.code,
        t.name,
        t.agency,
        service,
        JSON.stringify(person),
        person.idNumber,
        person.fullName,
        fold(person.fullName),
        person.phone,
        representative,
        JSON.stringify(delivery),
        snap.checklist,
        snap.originals,
        snap.copies,
        at,
        day,
        clerk,
        agencyDay,
        resultDay,
        payment,
        total,
        `${String(dossierId).padStart(4, '0')}/${day.slice(0, 4)}`,
        status,
        statusAt,
      );
      const firstLine = ledgerId + 1;
      for (const l of lines) insLedger.run(++ledgerId, at, day, clerk, dossierId, l.kind, l.label, l.agency, l.amount, payment, null);
      insEvent.run(dossierId, at, 'received', clerk, JSON.stringify({ code, itemNumber, service, total }));
      insAudit.run(at, clerk, 'dossier.receive', code, JSON.stringify({ procedure: t.code, total }));
      events++;
      audits++;
      for (const [type, when] of history.slice(1)) {
        events++;
        if (type === 'cancelled') {
          const reason = 'Công dân xin rút hồ sơ';
          lines.forEach((l, i) => insLedger.run(++ledgerId, when, day, o.managerId, dossierId, 'reversal', `Hoàn: ${l.label}`, l.agency, -l.amount, payment, firstLine + i));
          insEvent.run(dossierId, when, 'cancelled', o.managerId, JSON.stringify({ reason }));
          insAudit.run(when, o.managerId, 'dossier.cancel', code, JSON.stringify({ reason }));
          audits++;
        } else insEvent.run(dossierId, when, type, clerk, type === 'dispatched' ? JSON.stringify({ itemNumber }) : null);
      }
    }
    if (n > 0) insSequence.run(POINT.code, day, n);
  };

  const t0 = Date.now();
  let nextLog = 100_000;
  while (dayIndex < days.length) {
    db.transaction(() => {
      const stop = dossierId + BATCH;
      while (dayIndex < days.length && dossierId < stop) {
        seedDay(days[dayIndex].day, days[dayIndex].n);
        dayIndex++;
      }
    })();
    if (dossierId >= nextLog) {
      o.log(`    ${fmtCount(dossierId)} dossiers (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
      nextLog += 100_000;
    }
  }

  // Item-number ranges Vietnam Post allocated over the years: all used up but the last.
  db.transaction(() => {
    ranges.forEach((r, i) => {
      const end = r.start + S10_RANGE_SIZE - 1;
      insRange.run(r.start, end, i === ranges.length - 1 ? serial : end, r.createdAt, o.managerId);
    });
  })();

  const ti = Date.now();
  for (const ix of indexes) db.exec(ix.sql);
  o.log(`    indexes rebuilt (${indexes.map((i) => i.name).join(', ')}) in ${((Date.now() - ti) / 1000).toFixed(0)} s`);
  return {
    format: SEED_FORMAT,
    dossiers: dossierId,
    ledgerLines: ledgerId,
    events,
    auditLines: audits,
    s10Ranges: ranges.length,
    firstDay: days[0].day,
    lastDay,
    seededAt: new Date().toISOString(),
    seedSeconds: 0,
  };
}
