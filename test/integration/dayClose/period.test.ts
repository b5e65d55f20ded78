import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallContext } from '../../../main/services/context';
import type { DayReport, Incident, PeriodReport } from '../../../shared/api/dayClose';
import type { Dossier } from '../../../shared/api/reception';
import type { A4Document } from '../../../shared/printing/a4';
import { MANAGER, type TestApp } from '../../support/app';
import { confirmInput } from '../../support/reception';
import { readSheets } from '../../support/xlsx';
import { pdfTextRuns } from '../../unit/printing/pdfText';
import { count, lifecycleStep, ok, openCounter, refused, session } from './support';

/**
 * The report upward for a period, over dossiers received through the services and their later
 * life (dispatch, results, delivery on time or late, a return-only record, incidents), checked
 * against plain SQL over the history and the catalogue.
 */

let app: TestApp;
let manager: CallContext;
const d: Record<string, Dossier> = {};
const FROM = '2026-10-01';
const TO = '2026-11-30';
const at = (day: string, time = '10:00') => new Date(`${day}T${time}:00+07:00`);
const plusDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  ({ app, manager } = await openCounter('2026-10-05'));
  const confirm = (code: string, key: string, over = {}) => app.services.reception.confirm(manager, session(manager), confirmInput(app, code, key, over)).dossier;
  d.a = confirm('3.000333', 'period-a');
  d.b = confirm('1.001456', 'period-b');
  d.c = confirm('1.001193', 'period-c');
  d.r = confirm('1.001193', 'period-r', { service: 'return', delivery: { kind: 'pickup_here' } }); // return only: no promised date
  const input = confirmInput(app, '3.000333', 'x');
  app.services.reception.guidance(manager, session(manager), {
    procedureCode: input.procedureCode,
    versionId: input.versionId,
    answers: { conditions: input.answers.conditions, items: {} },
    idempotencyKey: 'period-guide',
  });
  const userId = session(manager).userId;
  const resultDate = (x: Dossier) => app.services.reception.get(x.code).resultDate as string;
  for (const x of [d.a, d.b, d.c]) lifecycleStep(app, x.id, 'dispatched', 'dispatched', at('2026-10-06'), userId, { manifestId: 1 });
  lifecycleStep(app, d.a.id, 'result_received', 'result_received', at(resultDate(d.a), '08:00'), userId);
  lifecycleStep(app, d.a.id, 'delivered', 'delivered', at(resultDate(d.a), '15:00'), userId, { atCounter: true }); // on the promised day
  lifecycleStep(app, d.b.id, 'result_received', 'result_received', at(resultDate(d.b)), userId);
  lifecycleStep(app, d.b.id, 'delivered', 'delivered', at(plusDays(resultDate(d.b), 2)), userId, { atCounter: true }); // two days late
  lifecycleStep(app, d.r.id, 'result_received', 'result_received', at('2026-10-20'), userId);
  lifecycleStep(app, d.r.id, 'delivered', 'delivered', at('2026-10-21'), userId, { atCounter: true });
  app.advance(2 * 86_400_000);
  await app.services.auth.unlock(manager, MANAGER.password);
  await ok<Incident>(app, manager, 'incidents.record', { dossierId: d.c.id, kind: 'lost', note: 'Thất lạc trên đường chuyển', idempotencyKey: 'incident-1' });
  await ok<Incident>(app, manager, 'incidents.record', { dossierId: d.c.id, kind: 'lost', note: 'Thất lạc trên đường chuyển', idempotencyKey: 'incident-1' }); // retried: once
  await ok<Incident>(app, manager, 'incidents.record', { dossierId: d.b.id, kind: 'damaged', note: 'Bì hồ sơ bị rách góc', idempotencyKey: 'incident-2' });
  app.advance(36 * 86_400_000); // November
  await app.services.auth.unlock(manager, MANAGER.password);
  d.e = confirm('3.000333', 'period-e');
});
afterAll(async () => {
  await app?.dispose();
});

const eventsOf = (type: string) =>
  count(app, "SELECT count(*) FROM dossier_event WHERE type = ? AND at >= ? AND at < ?", type, at(FROM, '00:00').toISOString(), at(plusDays(TO, 1), '00:00').toISOString());

describe('report upward for a period', () => {
  let report: PeriodReport;

  beforeAll(async () => {
    report = await ok<PeriodReport>(app, manager, 'reports.period', { from: FROM, to: TO });
  });

  it('counts dossiers and results as the history says, per level, field and agency', () => {
    expect(report.totals).toEqual({
      received: eventsOf('received'),
      resultsReceived: eventsOf('result_received') + eventsOf('result_registered'),
      delivered: eventsOf('delivered'),
      guided: count(app, 'SELECT count(*) FROM guidance_slip WHERE day BETWEEN ? AND ?', FROM, TO),
      returnedToAgency: 0,
      cancelled: 0,
    });
    expect(report.totals).toMatchObject({ received: 5, resultsReceived: 3, delivered: 3, guided: 1 });
    const byLevel = app.db
      .prepare(
        `SELECT l.name, count(*) AS n FROM dossier_event e JOIN dossier x ON x.id = e.dossier_id JOIN procedure p ON p.id = x.procedure_id
           JOIN catalogue_level l ON l.id = p.level_id WHERE e.type = 'received' GROUP BY l.name`,
      )
      .all() as { name: string; n: number }[];
    for (const l of byLevel) expect(report.byLevel.find((r) => r.name === l.name)?.received, l.name).toBe(l.n);
    expect(report.byField.find((f) => f.name === 'Hộ tịch')).toMatchObject({ received: 2, resultsReceived: 1, delivered: 1 });
    expect(report.byAgency.reduce((s, a) => s + a.delivered, 0)).toBe(3);
  });

  it('compares the share of procedures accepted via BCCI per level with the targets', async () => {
    const levels = app.db
      .prepare(
        `SELECT l.name AS level, count(*) AS procedures, sum(p.bcci_receive) AS bcci FROM procedure p JOIN catalogue_level l ON l.id = p.level_id
          WHERE p.version_id = (SELECT max(id) FROM catalogue_version) GROUP BY l.id ORDER BY l.id`,
      )
      .all() as { level: string; procedures: number; bcci: number }[];
    expect(report.bcciShare.map((s) => [s.level, s.procedures, s.bcci])).toEqual(levels.map((l) => [l.level, l.procedures, l.bcci]));
    // the default targets are the province's, by level name, whatever order the catalogue lists them in
    const target = (share: PeriodReport['bcciShare']) => Object.fromEntries(share.map((s) => [s.level, s.target]));
    expect(target(report.bcciShare)).toEqual({ 'Cấp Tỉnh': 85, 'Cấp Xã': 60, 'Trung ương': null });
    for (const s of report.bcciShare) expect(s.met).toBe(s.target === null ? null : s.percent >= s.target);
    const defaults = (await ok<{ bcciTargets: unknown }>(app, manager, 'dayClose.config', {})).bcciTargets;
    await ok(app, manager, 'dayClose.updateConfig', { bcciTargets: [{ level: 'Trung ương', percent: 30 }, { level: 'Cấp Xã', percent: 40 }] });
    const again = await ok<PeriodReport>(app, manager, 'reports.period', { from: FROM, to: TO });
    expect(target(again.bcciShare)).toEqual({ 'Cấp Tỉnh': null, 'Cấp Xã': 40, 'Trung ương': 30 });
    expect(again.charts.share.series[1].values).toEqual(again.bcciShare.map((s) => s.target ?? 0));
    // the same level twice is refused, and nothing changes
    const twice = await refused(app, manager, 'dayClose.updateConfig', { bcciTargets: [{ level: 'Cấp Xã', percent: 40 }, { level: 'Cấp Xã', percent: 50 }] });
    expect(twice.code).toBe('VALIDATION');
    expect(twice.message).toContain('Mỗi cấp thủ tục chỉ có một chỉ tiêu');
    expect(target((await ok<PeriodReport>(app, manager, 'reports.period', { from: FROM, to: TO })).bcciShare)['Cấp Xã']).toBe(40);
    await ok(app, manager, 'dayClose.updateConfig', { bcciTargets: defaults });
    // settings stored by an earlier version: targets by place among the levels (id order), the old
    // default meaning the new one; a field that does not parse falls back alone
    const stored = app.db.prepare("SELECT value FROM setting WHERE key = 'dayClose.config'").pluck().get() as string;
    const storeRaw = (value: unknown) => app.db.prepare("UPDATE setting SET value = ? WHERE key = 'dayClose.config'").run(JSON.stringify(value));
    const levelsById = app.db.prepare('SELECT name FROM catalogue_level ORDER BY id').pluck().all() as string[];
    storeRaw({ differenceThreshold: 20000, bcciTargets: [85, 70, 60], blockOn: ['openShifts'] });
    expect(await ok(app, manager, 'dayClose.config', {})).toMatchObject({ differenceThreshold: 20000, bcciTargets: defaults, blockOn: ['openShifts'] });
    storeRaw({ differenceThreshold: 20000, bcciTargets: [50, 40], blockOn: 'printJobs' });
    expect(await ok(app, manager, 'dayClose.config', {})).toMatchObject({
      differenceThreshold: 20000,
      bcciTargets: [
        { level: levelsById[0], percent: 50 },
        { level: levelsById[1], percent: 40 },
      ],
      blockOn: ['printJobs', 'notInManifest', 'notDelivered', 'feesOutstanding', 'openShifts'],
    });
    storeRaw(null); // not even an object: every default, and the day close still works
    expect(await ok(app, manager, 'dayClose.config', {})).toMatchObject({ differenceThreshold: 50000, bcciTargets: defaults });
    app.db.prepare("UPDATE setting SET value = ? WHERE key = 'dayClose.config'").run(stored);
  });

  it('measures quality: on time against the promised result date, late, without a date, lost and damaged', () => {
    const onTime = count(app, "SELECT count(*) FROM dossier_event e JOIN dossier x ON x.id = e.dossier_id WHERE e.type = 'delivered' AND date(e.at, '+7 hours') <= x.result_date");
    const late = count(app, "SELECT count(*) FROM dossier_event e JOIN dossier x ON x.id = e.dossier_id WHERE e.type = 'delivered' AND date(e.at, '+7 hours') > x.result_date");
    expect([onTime, late]).toEqual([1, 1]);
    expect(report.quality).toMatchObject({ delivered: 3, onTime, late, noDate: 1, lost: 1, damaged: 1, onTimePercent: 50 });
    expect(report.quality.intactPercent).toBe(Math.round(((8 - 2) / 8) * 1000) / 10); // 5 received + 3 results handled, 2 with an incident
    expect(report.quality.incidents.map((i) => [i.dossierCode, i.kind])).toEqual([
      [d.c.code, 'lost'],
      [d.b.code, 'damaged'],
    ]);
  });

  it('gives the monthly trend as the chart the app and the PDF draw', () => {
    expect(report.trend).toEqual([
      { month: '2026-10', received: 4, delivered: 3, late: 1 },
      { month: '2026-11', received: 1, delivered: 0, late: 0 },
    ]);
    expect(report.charts.trend).toMatchObject({ categories: ['10/2026', '11/2026'], series: [{ values: [4, 1] }, { values: [3, 0] }, { values: [1, 0] }] });
  });

  it('exports XLSX with a sheet per breakdown and an A4 PDF with the charts', async () => {
    const xlsx = await ok<{ fileName: string; contentBase64: string }>(app, manager, 'reports.periodFile', { from: FROM, to: TO, format: 'xlsx' });
    expect(xlsx.fileName).toBe(`bao-cao-ky-${FROM}_${TO}.xlsx`);
    const sheets = await readSheets(Buffer.from(xlsx.contentBase64, 'base64'));
    expect(Object.keys(sheets)).toEqual(['Tổng hợp', 'Theo cấp', 'Theo lĩnh vực', 'Theo cơ quan', 'Tỷ lệ BCCI', 'Chất lượng', 'Sự cố', 'Hướng dẫn', 'Theo tháng']);
    expect(sheets['Chất lượng']).toContainEqual(['Trả trễ hẹn', '1']);
    expect(sheets['Theo lĩnh vực']).toContainEqual(['Hộ tịch', '2', '1', '1']);
    expect(sheets['Sự cố'].map((r) => r[1])).toEqual(['Sự cố', 'Thất lạc', 'Hư hỏng']);

    const doc = await ok<A4Document>(app, manager, 'reports.periodDocument', { from: FROM, to: TO });
    expect(doc.blocks.filter((b) => b.type === 'chart').map((b) => (b as { title: string }).title)).toEqual([report.charts.share.title, report.charts.trend.title]);
    const pdf = await app.services.reports.periodFile(FROM, TO, 'pdf', { compress: false });
    const text = pdfTextRuns(Buffer.from(pdf.contentBase64, 'base64')).flat().join('\n');
    expect(text).toContain('Kỳ báo cáo: từ ngày 01/10/2026 đến ngày 30/11/2026');
    expect(text).toContain('VI. CHẤT LƯỢNG DỊCH VỤ');
    expect(text.replace(/\s+/g, '')).toContain(d.c.code); // the incident's dossier (wrapped in its narrow column)
  });

  it('refuses a reversed or impossible period', async () => {
    expect((await refused(app, manager, 'reports.period', { from: TO, to: FROM })).message).toMatch(/Ngày bắt đầu phải trước/);
    expect((await refused(app, manager, 'reports.period', { from: '2026-02-30', to: TO })).code).toBe('VALIDATION');
  });
});

describe('the day report sees the later life of dossiers too', () => {
  it('counts dispatches and deliveries on the day they happened', async () => {
    const oct6 = await ok<DayReport>(app, manager, 'dayClose.report', { day: '2026-10-06' });
    expect(oct6).toMatchObject({ kind: 'X', activity: { dispatched: 3, received: 0 } });
    const oct21 = await ok<DayReport>(app, manager, 'dayClose.report', { day: '2026-10-21' });
    expect(oct21.activity.delivered).toBe(count(app, "SELECT count(*) FROM dossier_event WHERE type = 'delivered' AND date(at, '+7 hours') = '2026-10-21'"));
  });
});
