/**
 * The database the lifecycle bench reads: 1,000,000 dossiers over two years at one transaction
 * point with their whole life after the counter — handover manifests, agency receipts, supplement
 * requests, results back, delivery lists, failed attempts, hand-overs — about 10,000,000 rows in
 * `dossier_event`, statuses that are the fold of those events, and the ledger lines reception
 * writes (plus reversals of cancelled dossiers and the money collected on delivery).
 *
 * Seeded once with direct SQL in large transactions on a connection of our own (no journal — WAL
 * switched off first — synchronous=OFF; the migrations' indexes and the FTS trigger stay in place), then
 * cached in the OS temp dir keyed by the migrations, the sample catalogue, the seed format and the
 * seeders' text. The bench opens the cached file read-only through the app (`openApp`).
 *
 * Each dossier's life is simulated when it is received; its later steps wait in per-day buckets
 * and are written in time order, so row ids follow time as in a real database (a dossier's events
 * are spread over weeks of other dossiers' rows, not packed together).
 */
import Database from 'better-sqlite3';
import type { Delivery, FeeLine, Person, ReceptionService as Service } from '../../shared/api/reception';
import { applyEvent, type DossierLifecycle } from '../../shared/dossier/lifecycle';
import { t } from '../../shared/messages/vi';
import { formatDossierCode } from '../../shared/reception/codes';
import { foldVietnamese } from '../../shared/text/fold';
import { POINT } from '../../test/support/app';
import { seededRandom } from './generate';
import { fmtCount } from './report';
import { GRAMS, procedureTemplates, randomDelivery, randomPerson, randomRepresentative, ZONES, type ProcedureTemplate } from './receptionSeed';
import {
  benchSource,
  between,
  cachedSeed,
  cacheFileFor,
  CARRIERS,
  counterLife,
  DAY_MS,
  digits,
  endBulkLoad,
  firstRun,
  MINUTE,
  pad2,
  pick,
  POSTMEN,
  readSeedMarker,
  RELATIONS,
  seededUuid,
  seedIntoCache,
  startBulkLoad,
  statusCounts,
  weighted,
  type Manifest,
  type Rng,
  type SeededDb,
} from './seedKit';

/** Part of the cache key, with the migrations, the sample catalogue and the seeders' text. */
const SEED_FORMAT = 1;
const SEED_MARKER = 'bench.lifecycleSeed';
const YEARS = 2;
/** Events per dossier the loop rates are steered to (a little over 10: the last weeks' dossiers are young). */
const EVENTS_TARGET = 10.25;
const S10_FIRST_SERIAL = 20_000_000;
const BATCH = 25_000;

// ── People: the reception seed's, with a sprinkle of rare given names ──

/** Given names seen a few hundred times in a million (the bench's "rare name" queries). */
export const RARE_GIVEN = ['Khuê', 'Diệp', 'Quế', 'Thục', 'Tường', 'Chiêu', 'Nghi', 'Triều', 'Luân', 'Điệp', 'Sương', 'Kiều', 'Nguyệt', 'Xoan', 'Lụa', 'Thơm', 'Cúc', 'Lài', 'Mận', 'Khiêm', 'Toản', 'Vỹ', 'Quyền', 'Ngạn'];

function lifecyclePerson(rng: Rng, year: number): Person {
  const p = randomPerson(rng, year);
  if (rng() >= 0.025) return p;
  const words = p.fullName.split(' ');
  words[words.length - 1] = pick(rng, RARE_GIVEN);
  const fullName = words.join(' ');
  return { ...p, fullName, ...(p.email ? { email: `${foldVietnamese(fullName).replace(/ /g, '.')}${Math.floor(rng() * 100)}@gmail.com` } : {}) };
}

const FAIL_REASONS = ['Vắng nhà', 'Không liên lạc được', 'Người nhận hẹn phát lại', 'Địa chỉ chưa rõ, đang xác minh', 'Người nhận đi vắng dài ngày'];
const SUPPLEMENT_REASONS: readonly (readonly [string, string[]])[] = [
  ['Thiếu giấy tờ chứng minh nơi cư trú', ['Xác nhận thông tin về cư trú']],
  ['Bản sao chưa được chứng thực', ['Bản sao có chứng thực giấy khai sinh']],
  ['Ảnh không đúng quy cách', ['02 ảnh 4x6 nền trắng']],
  ['Tờ khai ghi sai thông tin', ['Tờ khai (bản khai lại)', 'Giấy tờ tùy thân (bản sao)']],
];
const REFUSAL_REASONS = ['Không thuộc thẩm quyền giải quyết', 'Hồ sơ không đủ điều kiện', 'Quá thời hạn bổ sung hồ sơ'];
/** What the lifecycle bench's counter receives: mostly send-and-return, some return-only, a few results registered for return. */
const KIND_MIX: readonly (readonly [Service | 'registered', number])[] = [
  ['both', 88],
  ['send', 2],
  ['return', 7],
  ['registered', 3],
];

// ── The cache ──

export interface LifecycleSeedInfo {
  format: number;
  dossiers: number;
  events: number;
  ledgerLines: number;
  auditLines: number;
  manifests: number;
  deliveryLists: number;
  byStatus: Record<string, number>;
  firstDay: string;
  lastDay: string;
  seededAt: string;
  seedSeconds: number;
  /** Insert phase only (rows + indexes + FTS, in the big transactions). */
  insertSeconds: number;
  /** The loop rates' multiplier (manifest shuffles, supplements, failed deliveries), averaged over the dossiers. */
  loopRate: number;
}

export function readLifecycleSeedInfo(db: Database.Database): LifecycleSeedInfo | null {
  return readSeedMarker<LifecycleSeedInfo>(db, SEED_MARKER, SEED_FORMAT);
}

/** The cached seeded database: reused when present, else seeded now (stale caches of this seed removed). */
export async function lifecycleDatabase(o: { dossiers: number; appRoot: string; reseed?: boolean; log: (line: string) => void }): Promise<SeededDb> {
  const label = o.dossiers === 1_000_000 ? '1m' : String(o.dossiers);
  // What it writes: this seeder and the reception seed's generators it reuses.
  const cacheFile = cacheFileFor(o.appRoot, `bcci-bench-lifecycle-${label}`, String(SEED_FORMAT), [benchSource('lifecycleSeed.ts'), benchSource('receptionSeed.ts')]);
  return cachedSeed(cacheFile, o.reseed, () => seed(cacheFile, o));
}

async function seed(cacheFile: string, o: { dossiers: number; appRoot: string; log: (line: string) => void }): Promise<void> {
  const started = Date.now();
  await seedIntoCache(cacheFile, 'bcci-bench-lcseed-', async (dir) => {
    // 1. The app itself: migrations (indexes, FTS5 table and its trigger), sample catalogue, first run.
    const { file, managerId, prepared: templates } = await firstRun(dir, o.log, procedureTemplates);
    o.log(`  seeding ${fmtCount(o.dossiers)} dossiers with their lifecycle (~${fmtCount(o.dossiers * 10)} events) into ${file}…`);

    // 2. Bulk rows on a connection of our own: no journal, no fsync, a big cache; the schema's indexes stay.
    const db = new Database(file);
    try {
      startBulkLoad(db, 2_000_000);
      const info = seedRows(db, { ...o, templates, managerId });
      info.seedSeconds = Math.round((Date.now() - started) / 100) / 10;
      db.prepare('INSERT INTO setting (key, value) VALUES (?, ?)').run(SEED_MARKER, JSON.stringify(info));
      endBulkLoad(db);
      o.log(
        `  seeded in ${info.seedSeconds} s (inserts ${info.insertSeconds} s): ${fmtCount(info.dossiers)} dossiers, ${fmtCount(info.events)} events, ${fmtCount(info.ledgerLines)} ledger lines, ${fmtCount(info.auditLines)} audit lines, ${fmtCount(info.manifests)} manifests, ${fmtCount(info.deliveryLists)} delivery lists`,
      );
    } finally {
      db.close();
    }
    return file;
  });
}

// ── The rows ──

function seedRows(db: Database.Database, o: { dossiers: number; templates: ProcedureTemplate[]; managerId: number; log: (line: string) => void }): LifecycleSeedInfo {
  const rng = seededRandom(20_260_301);
  const world = counterLife(db, rng, {
    dossiers: o.dossiers,
    years: YEARS,
    shape: { growth: [0.5, 1.0], jitter: [0.7, 0.6] },
    templates: o.templates,
    managerId: o.managerId,
    clerkPrefix: 'lc.clerk',
    clerkName: () => randomPerson(rng, 1990).fullName,
    s10First: S10_FIRST_SERIAL,
  });
  const { days, lastDay, counts, iso, clerk, st, later, audit, ledger, tally, morningTrip, tripMinutes, nextPostDay, nextAgencyDay, listFor, procedureWeights, returnTemplates, recent } = world;
  /** "Now" for the seed: mid-afternoon of the last counter day (today's manifests still open). Nothing later is written. */
  const horizon = days.at(lastDay, 15 * 60 + 30);
  const updManifest = db.prepare(
    `UPDATE manifest SET created_at = ?, status = ?, dispatched_at = ?, dispatched_by = ?, carrier = ?, agency_received_at = ?, agency_receiver = ?, agency_recorded_by = ? WHERE id = ?`,
  );

  const manifests = new Map<string, Manifest>();
  const manifestSeq = new Map<number, number>();
  let manifestId = 0;
  const manifestFor = (agency: string, addAt: number, by: number): Manifest => {
    const { addDay: createdDay, dispatchDay } = world.tripFor(agency, addAt);
    const key = `${agency}|${dispatchDay}`;
    let m = manifests.get(key);
    if (!m) {
      const seq = (manifestSeq.get(createdDay) ?? 0) + 1;
      manifestSeq.set(createdDay, seq);
      const dispatchAt = days.at(dispatchDay, between(rng, tripMinutes(agency), tripMinutes(agency) + 45));
      m = {
        id: ++manifestId,
        number: `BK-${POINT.code}-${days.day(createdDay).slice(2).replaceAll('-', '')}-${pad2(seq)}`,
        agency,
        createdAt: addAt,
        createdBy: by,
        dispatchAt,
        dispatchedBy: clerk(),
        carrier: pick(rng, CARRIERS),
        agencyAt: morningTrip.has(agency) ? days.at(dispatchDay, between(rng, 13.5 * 60, 17 * 60)) : days.at(nextAgencyDay(dispatchDay), between(rng, 7.5 * 60, 11 * 60)),
        receiver: randomPerson(rng, 1985).fullName,
        recordedBy: clerk(),
      };
      manifests.set(key, m);
      st.insManifest.run(m.id, m.number, agency, iso(addAt), by);
      const mm = m;
      if (mm.dispatchAt <= horizon) audit(mm.dispatchAt, mm.dispatchedBy, 'manifest.dispatch', 'manifest', mm.number, { carrier: mm.carrier });
      if (mm.agencyAt <= horizon) audit(mm.agencyAt, mm.recordedBy, 'manifest.agencyReceipt', 'manifest', mm.number, { receiver: mm.receiver, feesHandedOver: 0 });
    } else if (addAt < m.createdAt) m.createdAt = addAt;
    return m;
  };

  // Loop rates (manifest shuffles, supplement requests, failed deliveries) are scaled by `boost`,
  // steered so that the history averages EVENTS_TARGET events per dossier.
  let boost = 1.4;
  let boostSum = 0;
  let dossierId = 0;

  /** One dossier received (or a result registered) at `r`: the row as it stands at the horizon, its history queued. */
  const simulate = (day: number, seq: number, r: number): number => {
    const id = ++dossierId;
    const dayStr = days.day(day);
    const year = Number(dayStr.slice(0, 4));
    const u = () => rng();
    const kind = weighted(rng, KIND_MIX);
    const registered = kind === 'registered';
    const proc = registered ? pick(rng, returnTemplates) : weighted(rng, procedureWeights);
    const service: Service = kind === 'registered' ? 'return' : proc.services.includes(kind) ? kind : proc.services[0];
    const sends = service === 'send' || service === 'both';
    const person = recent.length > 50 && u() < 0.1 ? pick(rng, recent) : lifecyclePerson(rng, year);
    if (recent.length < 5000) recent.push(person);
    else recent[Math.floor(u() * recent.length)] = person;
    const idNumber = registered && u() < 0.2 ? null : person.idNumber;
    const applicantJson = registered
      ? JSON.stringify({ fullName: person.fullName, phone: person.phone, ...(idNumber ? { idNumber } : {}) })
      : JSON.stringify(person);
    const representative = !registered && u() < 0.08 ? randomRepresentative(rng, year) : null;
    const delivery: Delivery = randomDelivery(rng, service, person);
    const byAtCounter = clerk();
    const code = formatDossierCode(POINT.code, dayStr, seq);
    const book = world.nextBook(dayStr);
    const snap = registered ? null : (proc.snapshot[service] ?? null);
    const lines: FeeLine[] = registered ? [] : (proc.lines.get(`${service}|${weighted(rng, ZONES)}|${pick(rng, GRAMS)}`) ?? []);
    const total = lines.reduce((s, l) => s + l.amount, 0);
    const payment = registered || total <= 0 ? 'none' : u() < 0.78 ? 'cash' : 'transfer';
    const itemNumber = sends || (registered && delivery.kind === 'address') ? world.nextItemNumber(r) : null;
    const due = registered ? pick(rng, [18_000, 22_000, 25_000, 30_000, 35_000, 45_000]) : 0;
    const agencyCode = registered ? `${proc.code.replace(/\./g, '')}-${digits(rng, 6)}` : null;
    const agencyDay = sends ? nextPostDay(day) : null;
    let resultDay = agencyDay !== null ? agencyDay + Math.ceil((proc.processingDays * 7) / 5) : null;

    let state: DossierLifecycle | null = null;
    let last = r;
    let emitted = 0;
    /** One step, when it happened before the horizon: checked against the state machine, queued for its day. */
    const emit = (type: string, when: number, user: number, detail: Record<string, unknown>): boolean => {
      if (when > horizon) return false;
      const at = Math.max(when, last);
      const step = applyEvent(state, { type, ...detail });
      if (!step.ok) throw new Error(`seed: dossier ${code}: ${step.message}`);
      state = { state: step.state, manifestId: step.manifestId };
      last = at;
      emitted++;
      const json = JSON.stringify(detail);
      later(at, () => {
        st.insEvent.run(id, iso(at), type, user, json);
        tally.events++;
      });
      return true;
    };
    const pLoop = (base: number, cap: number) => Math.min(cap, base * boost);
    const collect = (at: number, user: number) => {
      if (due > 0) later(at, () => void ledger(at, user, id, 'cod', t('lifecycle.cod.label', { code }), null, due, 'cash', null, null));
    };

    /** Held at the counter from `at` until the citizen (or the representative) collects it, or it goes back. */
    const hold = (at: number) => {
      if (!emit('held_for_pickup', at, clerk(), {})) return;
      if (u() < 0.02) {
        emit('returned_to_agency', at + between(rng, 30, 45) * DAY_MS, clerk(), { reason: 'Quá thời hạn lưu giữ, công dân không đến nhận', requestKey: seededUuid(rng) });
        return;
      }
      let d = days.of(at) + Math.min(40, Math.floor(-Math.log(1 - u()) * 3.5));
      if (days.dow(d) === 0) d++;
      const when = Math.max(at + 10 * MINUTE, days.at(d, between(rng, 7.5 * 60, 17 * 60)));
      const rep = representative && u() < 0.6 ? representative : null;
      const who = rep ? { name: rep.fullName, relation: rep.relation, id: rep.idNumber } : { name: person.fullName, relation: t('lifecycle.id.applicant'), id: person.idNumber };
      const by = clerk();
      if (emit('delivered', when, by, { receiverName: who.name, relation: who.relation, idChecked: true, atCounter: true, requestKey: seededUuid(rng), idTail: who.id.slice(-4), collected: due })) {
        collect(last, by);
        audit(last, by, 'delivery.handOver', 'dossier', code, { who: rep ? 'representative' : 'applicant', collected: due });
      }
    };

    /** The result back at the post at `x`: held at the counter, or taken out to the address until it ends. */
    const returnPhase = (x: number) => {
      if (delivery.kind !== 'address') return hold(x);
      const postman = delivery.commune.length % POSTMEN.length;
      let d = days.of(x);
      for (let attempt = 1; ; attempt++) {
        d = nextPostDay(d);
        const list = listFor(d, postman);
        if (!emit('out_for_delivery', days.at(d, between(rng, 7 * 60 + 45, 8 * 60 + 30)), clerk(), { listId: list.id, number: list.number, postman: list.postman })) return;
        const position = ++list.positions;
        later(last, () => st.insListItem.run(list.id, id, position));
        const outcomeAt = days.at(d, between(rng, 9 * 60, 16 * 60 + 30));
        const by = clerk();
        if (u() >= pLoop(attempt === 1 ? 0.32 : 0.28, 0.8)) {
          if (u() < 0.005) {
            emit('returned_to_agency', outcomeAt, by, { reason: 'Không có địa chỉ này', requestKey: seededUuid(rng) });
            return;
          }
          const self = u() < 0.7;
          const receiverName = self ? person.fullName : randomPerson(rng, year).fullName;
          const relation = self ? t('lifecycle.id.applicant') : pick(rng, RELATIONS);
          if (emit('delivered', outcomeAt, by, { receiverName, relation, idChecked: u() < 0.6, atCounter: false, requestKey: seededUuid(rng), collected: due })) collect(last, by);
          return;
        }
        const retry = attempt < 5 && u() < 0.88;
        const nextAttempt = retry ? days.day(nextPostDay(d)) : undefined;
        if (!emit('delivery_failed', outcomeAt, by, { reason: pick(rng, FAIL_REASONS), ...(nextAttempt ? { nextAttempt } : {}), requestKey: seededUuid(rng) })) return;
        if (retry) continue;
        if (attempt >= 5 && u() < 0.3) emit('returned_to_agency', days.at(nextPostDay(d), between(rng, 8 * 60, 10 * 60)), clerk(), { reason: 'Phát không thành công nhiều lần', requestKey: seededUuid(rng) });
        else hold(days.at(nextPostDay(d), between(rng, 7.5 * 60, 8.5 * 60)));
        return;
      }
    };

    /** Everything after the counter, until the horizon or the end. */
    const life = () => {
      if (registered) return returnPhase(r);
      if (u() < 0.006) {
        const at = r + between(rng, 5, 150) * MINUTE;
        const reason = 'Công dân xin rút hồ sơ';
        if (!emit('cancelled', at, o.managerId, { reason })) return;
        later(last, () => {
          lines.forEach((l, i) => ledger(at, o.managerId, id, 'reversal', t('reception.reversalOf', { label: l.label }), l.agency, -l.amount, payment, lineIds[i] ?? null, reason));
        });
        audit(last, o.managerId, 'dossier.cancel', 'dossier', code, { reason, actor: 'counter' });
        return;
      }
      if (!sends) {
        // Return only: the citizen applied at the agency; the result reaches the post some days later.
        let d = day + 1 + Math.floor(between(rng, 0, Math.max(2, proc.processingDays)));
        if (days.dow(d) === 0) d++;
        const x = Math.max(r + 30 * MINUTE, days.at(d, between(rng, 8 * 60, 16 * 60)));
        if (emit('result_received', x, clerk(), { returnOnly: true })) returnPhase(last);
        return;
      }
      // Into a manifest: the same day when received before 15:00 on a working day, else the next one.
      const minutes = (r - days.start(day)) / MINUTE;
      const addDay = minutes < 15 * 60 && days.dow(day) !== 0 ? day : nextPostDay(day);
      const addAt = addDay === day ? Math.min(r + between(rng, 15, 90) * MINUTE, days.at(day, 15 * 60 + 50)) : days.at(addDay, between(rng, 7 * 60 + 45, 14 * 60 + 45));
      if (addAt > horizon) return;
      const by = clerk();
      const m = manifestFor(proc.agency, addAt, by);
      if (!emit('added_to_manifest', addAt, by, { manifestId: m.id, number: m.number })) return;
      let itemAt = last;
      if (u() < pLoop(0.07, 0.3)) {
        // Scanned into the wrong pile, or pulled back to check a paper: off the manifest and on again.
        const off = Math.min(itemAt + between(rng, 5, 60) * MINUTE, m.dispatchAt - 12 * MINUTE);
        const on = Math.min(off + between(rng, 2, 30) * MINUTE, m.dispatchAt - 5 * MINUTE);
        if (emit('removed_from_manifest', off, clerk(), { manifestId: m.id, number: m.number })) {
          if (!emit('added_to_manifest', on, by, { manifestId: m.id, number: m.number })) return; // off the manifest at the horizon
          itemAt = last;
        }
      }
      const addedAt = itemAt;
      later(addedAt, () => st.insManifestItem.run(m.id, id, iso(addedAt), by));
      if (!emit('dispatched', m.dispatchAt, m.dispatchedBy, { manifestId: m.id, number: m.number, carrier: m.carrier })) return;
      if (u() < 0.008) {
        emit('agency_refused', m.agencyAt, m.recordedBy, { reason: pick(rng, REFUSAL_REASONS), number: m.number, receiver: m.receiver });
        return;
      }
      const newDate = u() < 0.05 && resultDay !== null ? resultDay + 2 + Math.floor(u() * 9) : null;
      if (!emit('agency_received', m.agencyAt, m.recordedBy, { ...(newDate !== null ? { resultDate: days.day(newDate) } : {}), number: m.number, receiver: m.receiver })) return;
      if (newDate !== null) resultDay = newDate;
      // The agency's requests: a supplement (sometimes twice or three times), rarely a refusal after waiting.
      for (let cycle = 0; cycle < 3 && u() < pLoop(cycle === 0 ? 0.22 : 0.18, 0.6); cycle++) {
        const asked = last + between(rng, 1, Math.max(2, proc.processingDays * 0.6)) * DAY_MS;
        const [reason, items] = pick(rng, SUPPLEMENT_REASONS);
        const by2 = clerk();
        if (!emit('supplement_requested', asked, by2, { reason, items, ...(u() < 0.5 ? { reference: `${100 + Math.floor(u() * 900)}/TB` } : {}) })) return;
        audit(last, by2, 'agency.supplement', 'dossier', code, { reason });
        const w = u();
        if (w < 0.005) return; // the citizen never came back: waiting still
        if (w < 0.035) {
          emit('agency_refused', asked + between(rng, 20, 40) * DAY_MS, clerk(), { reason: 'Quá thời hạn bổ sung hồ sơ' });
          return;
        }
        if (!emit('supplement_sent', asked + between(rng, 2, 15) * DAY_MS, clerk(), {})) return;
        if (resultDay !== null) resultDay += Math.ceil((last - asked) / DAY_MS);
      }
      if (service === 'send') return; // the post's part ends at the agency
      // The result back at the post: mostly on time, some late.
      const late = u();
      let d = Math.max((resultDay as number) + Math.floor(late < 0.7 ? between(rng, -2, 2) : late < 0.95 ? between(rng, 2, 7) : between(rng, 7, 21)), days.of(last) + 1);
      if (days.dow(d) === 0) d++;
      if (emit('result_received', days.at(d, between(rng, 8 * 60, 16 * 60 + 30)), clerk(), {})) returnPhase(last);
    };

    // At the counter.
    const lineIds: number[] = [];
    if (registered) {
      emit('result_registered', r, byAtCounter, { code, itemNumber, agencyDossierCode: agencyCode, amountDue: due });
      audit(r, byAtCounter, 'result.register', 'dossier', code, { procedure: proc.code, amountDue: due });
    } else {
      later(r, () => {
        for (const l of lines) lineIds.push(ledger(r, byAtCounter, id, l.kind, l.label, l.agency, l.amount, payment, null, l.exemptReason ?? null));
      });
      emit('received', r, byAtCounter, { code, itemNumber, service, total });
      audit(r, byAtCounter, 'dossier.receive', 'dossier', code, { procedure: proc.code, total });
    }
    life();

    world.writeDossier({ id, code, idempotencyKey: seededUuid(rng), itemNumber, proc, service, applicantJson, idNumber, person, representative, delivery, registered, agencyCode, due, snap, r, dayStr, byAtCounter, agencyDay, resultDay, payment, total, book, state: state as DossierLifecycle | null, last });
    return emitted;
  };

  const t0 = Date.now();
  let nextLog = 100_000;
  let sumEvents = 0;
  let day = 0;
  while (day <= lastDay) {
    db.transaction(() => {
      const stop = dossierId + BATCH;
      while (day <= lastDay && dossierId < stop) {
        const n = counts[day];
        // The counter opens at 07:30; on the last day only until "now".
        const span = ((day === lastDay ? 15 * 60 + 25 : 17 * 60) - 450) / Math.max(n, 1);
        let dayEvents = 0;
        for (let seq = 1; seq <= n; seq++) dayEvents += simulate(day, seq, days.at(day, 450 + (seq - 1) * span + rng() * span));
        if (n > 0) st.insSequence.run(POINT.code, days.day(day), n);
        world.flush(day);
        sumEvents += dayEvents;
        // Integral steering towards EVENTS_TARGET per dossier (the young dossiers of the last weeks pull it up at the end).
        boostSum += boost * n;
        if (n > 0) boost = Math.min(3, Math.max(0.3, boost + (0.002 * (EVENTS_TARGET * dossierId - sumEvents)) / n));
        day++;
      }
    })();
    if (dossierId >= nextLog) {
      o.log(`    ${fmtCount(dossierId)} dossiers, ${fmtCount(tally.events)} events written (${((Date.now() - t0) / 1000).toFixed(0)} s, loop rate ×${boost.toFixed(2)})`);
      nextLog += 100_000;
    }
  }
  world.drained();

  db.transaction(() => {
    world.writeBooks();
    for (const m of manifests.values()) {
      const status = m.agencyAt <= horizon ? 'received' : m.dispatchAt <= horizon ? 'dispatched' : 'open';
      updManifest.run(
        iso(m.createdAt),
        status,
        status === 'open' ? null : iso(m.dispatchAt),
        status === 'open' ? null : m.dispatchedBy,
        status === 'open' ? null : m.carrier,
        status === 'received' ? iso(m.agencyAt) : null,
        status === 'received' ? m.receiver : null,
        status === 'received' ? m.recordedBy : null,
        m.id,
      );
    }
  })();
  const insertSeconds = Math.round((Date.now() - t0) / 100) / 10;
  return {
    format: SEED_FORMAT,
    dossiers: dossierId,
    events: tally.events,
    ledgerLines: tally.ledgerLines,
    auditLines: tally.audits,
    manifests: manifests.size,
    deliveryLists: world.lists.size,
    byStatus: statusCounts(db),
    firstDay: world.firstDayStr,
    lastDay: world.lastDayStr,
    seededAt: new Date().toISOString(),
    seedSeconds: 0,
    insertSeconds,
    loopRate: Math.round((boostSum / Math.max(1, dossierId)) * 100) / 100,
  };
}
