import ExcelJS from 'exceljs';
import type { FilePayload } from '../../../shared/api/contract';
import type { DayReport, PeriodReport } from '../../../shared/api/dayClose';
import { ACTIVITY_KEYS, monthLabel } from '../../../shared/dayClose/report';
import { activityLabel } from '../../../shared/dayClose/documents';
import { t } from '../../../shared/messages/vi';
import type { A4Document } from '../../../shared/printing/a4';
import { displayDate, vietnamClock } from '../../../shared/time/vietnam';
import { a4Fonts, a4ToPdf } from '../printing/a4Pdf';

/**
 * The reports as files: XLSX (one sheet per breakdown, amounts as numbers so a province's
 * spreadsheet can add them up) and A4 PDF (from the same A4 description the app shows).
 */

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PDF_MIME = 'application/pdf';

type Cell = string | number | null;

function sheet(wb: ExcelJS.Workbook, name: string, header: string[], rows: Cell[][], widths?: number[]): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = header.map((h, i) => ({ header: h, width: widths?.[i] ?? (i === 0 ? 40 : 16) }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).alignment = { wrapText: true, vertical: 'middle' };
  ws.addRows(rows);
}

const clock = (iso: string | null) => (iso ? vietnamClock(new Date(iso)) : '');

export async function dayReportXlsx(r: DayReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'BCCI Counter';
  const summary: Cell[][] = [
    [t('dayClose.doc.kindLabel'), r.kind === 'Z' ? t('dayClose.doc.zKind') : t('dayClose.doc.xKind')],
    [t('dayClose.doc.dayLabel'), displayDate(r.day)],
    [t('dayClose.xlsx.point'), `${r.point.name} (${r.point.code})`],
    [t('dayClose.xlsx.sequence'), r.sequence],
    [t('dayClose.doc.closedByLabel'), r.closedBy ? `${r.closedBy} — ${clock(r.closedAt)}` : ''],
    [t('dayClose.doc.generatedAtLabel'), clock(r.generatedAt)],
    [t('dayClose.doc.sealLabel'), r.seal?.hash ?? ''],
    ...ACTIVITY_KEYS.map((k): Cell[] => [activityLabel(k), r.activity[k]]),
    [t('dayClose.xlsx.cashTotal'), r.money.totals.cash],
    [t('dayClose.xlsx.transferTotal'), r.money.totals.transfer],
    [t('dayClose.xlsx.grandTotal'), r.money.totals.total],
    [t('dayClose.doc.openingCash'), r.openingCash],
    [t('dayClose.doc.cashInDrawer'), r.openingCash + r.money.totals.cash],
  ];
  if (r.count)
    summary.push(
      [t('dayClose.doc.cashExpected'), r.count.cashExpected],
      [t('dayClose.doc.cashCounted'), r.count.cashCounted],
      [t('dayClose.xlsx.cashDifference'), r.count.cashDifference],
      [t('dayClose.doc.transferExpected'), r.count.transferExpected],
      [t('dayClose.doc.transferConfirmed'), r.count.transferConfirmed],
      [t('dayClose.xlsx.transferDifference'), r.count.transferDifference],
      [t('dayClose.doc.cashRemitted'), r.count.cashRemitted],
      [t('dayClose.doc.cashCarried'), r.count.cashCounted - r.count.cashRemitted],
      [t('dayClose.doc.remittanceNoteLabel'), r.count.remittanceNote ?? ''],
      [t('dayClose.doc.reasonLabel'), r.count.reason ?? ''],
      [t('dayClose.doc.approvedByLabel'), r.count.approvedBy ?? ''],
      [t('dayClose.doc.attemptsLabel'), r.count.attempts],
    );
  if (r.overrideReason) summary.push([t('dayClose.doc.overrideLabel'), r.overrideReason]);
  sheet(wb, t('dayClose.xlsx.summary'), [t('dayClose.xlsx.item'), t('dayClose.xlsx.value')], summary, [40, 70]);

  const activityHeader = (first: string) => [first, ...ACTIVITY_KEYS.map(activityLabel)];
  sheet(wb, t('dayClose.xlsx.byField'), activityHeader(t('dayClose.doc.field')), r.byField.map((x) => [x.name, ...ACTIVITY_KEYS.map((k) => x[k])]));
  sheet(wb, t('dayClose.xlsx.byAgency'), activityHeader(t('dayClose.doc.agency')), r.byAgency.map((x) => [x.name, ...ACTIVITY_KEYS.map((k) => x[k])]));
  sheet(
    wb,
    t('dayClose.xlsx.money'),
    [t('dayClose.doc.kind'), t('dayClose.method.cash'), t('dayClose.method.transfer'), t('dayClose.method.none'), t('dayClose.doc.total'), t('dayClose.doc.lines')],
    [
      ...r.money.byKind.map((m): Cell[] => [m.label, m.cash, m.transfer, m.none, m.total, m.lines]),
      [t('dayClose.doc.total'), r.money.totals.cash, r.money.totals.transfer, r.money.totals.none, r.money.totals.total, r.money.totals.lines],
    ],
  );
  sheet(
    wb,
    t('dayClose.xlsx.clerks'),
    [t('dayClose.doc.clerk'), t('dayClose.method.cash'), t('dayClose.method.transfer'), t('dayClose.method.none'), t('dayClose.doc.total'), t('dayClose.doc.lines')],
    r.byClerk.map((c) => [c.name, c.cash, c.transfer, c.none, c.total, c.lines]),
  );
  sheet(
    wb,
    t('dayClose.xlsx.agencies'),
    [t('dayClose.doc.agency'), t('dayClose.doc.collected'), t('dayClose.doc.reversed'), t('dayClose.doc.handedOver'), t('dayClose.doc.outstanding')],
    r.agencies.map((a) => [a.agency, a.collected, a.reversed, a.handedOver, a.outstanding]),
  );
  sheet(
    wb,
    t('dayClose.xlsx.count'),
    [t('dayClose.doc.note'), t('dayClose.doc.quantity'), t('dayClose.doc.amount')],
    (r.count?.denominations ?? []).map((d) => [d.value, d.count, d.amount]),
    [20, 12, 20],
  );
  sheet(
    wb,
    t('dayClose.xlsx.voids'),
    [t('dayClose.xlsx.voidKind'), t('dayClose.doc.dossierCode'), t('dayClose.doc.reverses'), t('dayClose.doc.label'), t('dayClose.doc.amount'), t('dayClose.doc.time'), t('dayClose.doc.by'), t('dayClose.doc.reasonLabel')],
    [
      ...r.voids.cancelled.map((c): Cell[] => [t('dayClose.xlsx.cancelled'), c.code, null, null, null, clock(c.at), c.by, c.reason]),
      ...r.voids.reversals.map((v): Cell[] => [t('dayClose.xlsx.reversal'), null, v.reverses, v.label, v.amount, v.originalDay ? displayDate(v.originalDay) : '', v.by, v.note ?? '']),
    ],
    [14, 24, 10, 40, 14, 18, 20, 40],
  );
  sheet(
    wb,
    t('dayClose.xlsx.reprints'),
    [t('dayClose.doc.job'), t('dayClose.doc.label'), t('dayClose.doc.reverses'), t('dayClose.doc.time'), t('dayClose.doc.by')],
    r.reprints.map((p) => [p.id, p.title, p.reprintOf, clock(p.at), p.by]),
    [10, 50, 10, 18, 20],
  );
  sheet(
    wb,
    t('dayClose.xlsx.shifts'),
    [t('dayClose.doc.clerk'), t('dayClose.doc.closedAtCol'), t('dayClose.doc.cashExpected'), t('dayClose.doc.cashCounted'), t('dayClose.doc.transferExpected'), t('dayClose.doc.transferConfirmed'), t('dayClose.doc.reasonLabel'), t('dayClose.doc.approvedByLabel')],
    [
      ...r.shifts.map((s): Cell[] => [s.clerk, clock(s.closedAt), s.cashExpected, s.cashCounted, s.transferExpected, s.transferConfirmed, s.reason ?? '', s.approvedBy ?? '']),
      ...(r.shifts.length ? [[t('dayClose.doc.shiftsNote')]] : []),
    ],
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function periodReportXlsx(r: PeriodReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'BCCI Counter';
  const q = r.quality;
  sheet(
    wb,
    t('dayClose.xlsx.summary'),
    [t('dayClose.xlsx.item'), t('dayClose.xlsx.value')],
    [
      [t('dayClose.xlsx.point'), `${r.point.name} (${r.point.code})`],
      [t('dayClose.xlsx.from'), displayDate(r.from)],
      [t('dayClose.xlsx.to'), displayDate(r.to)],
      [t('dayClose.period.received'), r.totals.received],
      [t('dayClose.period.guided'), r.totals.guided],
      [t('dayClose.period.resultsReceived'), r.totals.resultsReceived],
      [t('dayClose.period.delivered'), r.totals.delivered],
      [t('dayClose.period.returnedToAgency'), r.totals.returnedToAgency],
      [t('dayClose.period.cancelled'), r.totals.cancelled],
    ],
    [40, 30],
  );
  const breakdown = (name: string, first: string, rows: PeriodReport['byLevel']) =>
    sheet(
      wb,
      name,
      [first, t('dayClose.period.received'), t('dayClose.period.resultsReceived'), t('dayClose.period.delivered')],
      rows.map((x) => [x.name, x.received, x.resultsReceived, x.delivered]),
    );
  breakdown(t('dayClose.xlsx.byLevel'), t('dayClose.period.level'), r.byLevel);
  breakdown(t('dayClose.xlsx.byField'), t('dayClose.doc.field'), r.byField);
  breakdown(t('dayClose.xlsx.byAgency'), t('dayClose.doc.agency'), r.byAgency);
  sheet(
    wb,
    t('dayClose.xlsx.share'),
    [t('dayClose.period.level'), t('dayClose.period.procedures'), t('dayClose.period.bcci'), t('dayClose.period.shareActual'), t('dayClose.period.shareTarget'), t('dayClose.period.met')],
    r.bcciShare.map((s) => [s.level, s.procedures, s.bcci, s.percent, s.target, s.met === null ? '' : t(s.met ? 'dayClose.period.yes' : 'dayClose.period.no')]),
  );
  sheet(
    wb,
    t('dayClose.xlsx.quality'),
    [t('dayClose.xlsx.item'), t('dayClose.xlsx.value')],
    [
      [t('dayClose.period.delivered'), q.delivered],
      [t('dayClose.period.onTime'), q.onTime],
      [t('dayClose.period.late'), q.late],
      [t('dayClose.period.noDate'), q.noDate],
      [t('dayClose.xlsx.onTimePercent'), q.onTimePercent],
      [t('dayClose.period.lost'), q.lost],
      [t('dayClose.period.damaged'), q.damaged],
      [t('dayClose.period.intact'), q.intactPercent],
    ],
    [40, 16],
  );
  sheet(
    wb,
    t('dayClose.xlsx.incidents'),
    [t('dayClose.doc.dossierCode'), t('dayClose.period.incidentKind'), t('dayClose.doc.dayLabel'), t('dayClose.doc.label'), t('dayClose.doc.by')],
    q.incidents.map((i) => [i.dossierCode, t(`dayClose.incident.${i.kind}`), displayDate(i.day), i.note, i.by]),
    [24, 14, 14, 50, 20],
  );
  sheet(
    wb,
    t('dayClose.xlsx.guidance'),
    [t('dayClose.doc.field'), t('dayClose.period.guided')],
    [...r.guidance.byField.map((g): Cell[] => [g.name, g.issued]), [t('dayClose.doc.total'), r.guidance.issued]],
  );
  sheet(
    wb,
    t('dayClose.xlsx.trend'),
    [t('dayClose.period.month'), t('dayClose.period.received'), t('dayClose.period.delivered'), t('dayClose.period.late')],
    r.trend.map((m) => [monthLabel(m.month), m.received, m.delivered, m.late]),
    [14, 16, 16, 16],
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** An A4 report as PDF with the app's DejaVu Sans (every Vietnamese letter). */
export function reportPdf(doc: A4Document, fontsDir: string, compress = true): Promise<Buffer> {
  return a4ToPdf(doc, { fonts: a4Fonts(fontsDir), compress });
}

export function filePayload(fileName: string, buffer: Buffer): FilePayload {
  return { fileName, mimeType: fileName.endsWith('.pdf') ? PDF_MIME : XLSX_MIME, contentBase64: buffer.toString('base64') };
}
