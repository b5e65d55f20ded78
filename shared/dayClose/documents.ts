import type { ActivityRow, DayReport, PeriodReport, PeriodRow, Shift } from '../api/dayClose';
import { formatMoney, t } from '../messages/vi';
import { NATIONAL_MOTTO, placeDateLine, type A4Block, type A4Document } from '../printing/a4';
import type { PrintBlock, ReceiptDocument } from '../printing/document';
import { displayDate, vietnamClock, vietnamDay } from '../time/vietnam';
import { letterheadOf } from '../printing/lifecycleDocuments';
import { ACTIVITY_KEYS, ledgerKindLabel, monthLabel } from './report';

/**
 * The papers of the end of the day, described once as data: the X / Z report on the receipt
 * printer and on A4, the clerk's shift report, and the report upward for a period (A4, charts as
 * data). A reprint says so on the paper.
 */

const money = (n: number) => formatMoney(n);
const clock = (iso: string) => vietnamClock(new Date(iso));
const signed = (n: number) => (n > 0 ? `+${formatMoney(n)}` : formatMoney(n));

const row = (left: string, right: string, bold = false): PrintBlock => ({
  type: 'columns',
  cells: [
    { text: left, width: 3, bold },
    { text: right, width: 1.4, align: 'right', bold },
  ],
});

const row4 = (cells: [string, string, string, string], bold = false): PrintBlock => ({
  type: 'columns',
  cells: [
    { text: cells[0], width: 2.4, bold },
    { text: cells[1], width: 1.3, align: 'right', bold },
    { text: cells[2], width: 1.3, align: 'right', bold },
    { text: cells[3], width: 1.4, align: 'right', bold },
  ],
});

const section = (title: string): PrintBlock[] => [{ type: 'rule' }, { type: 'text', text: title, bold: true }];

const officeOf = (report: Pick<DayReport, 'point'>): string => letterheadOf(report.point).office;

export function activityLabel(key: (typeof ACTIVITY_KEYS)[number]): string {
  return t(`dayClose.activity.${key}`);
}

function dayTitle(report: DayReport): string {
  return t(report.kind === 'Z' ? 'dayClose.doc.zTitle' : 'dayClose.doc.xTitle');
}

/** The X / Z report on the counter's receipt printer: figures only, no citizen's personal data. */
export function dayReportReceipt(report: DayReport, o: { reprint?: boolean } = {}): ReceiptDocument {
  const blocks: PrintBlock[] = [
    { type: 'text', text: officeOf(report), align: 'center', bold: true },
    { type: 'text', text: `${report.point.name} (${report.point.code})`, align: 'center' },
    { type: 'feed', lines: 1 },
    { type: 'text', text: dayTitle(report), align: 'center', bold: true, size: 2 },
  ];
  if (o.reprint) blocks.push({ type: 'text', text: t('dayClose.doc.reprint'), align: 'center', bold: true });
  blocks.push({ type: 'text', text: t('dayClose.doc.day', { day: displayDate(report.day) }), align: 'center' });
  if (report.sequence !== null) blocks.push({ type: 'text', text: t('dayClose.doc.sequence', { n: report.sequence }), align: 'center' });
  if (report.kind === 'X') blocks.push({ type: 'text', text: t('dayClose.doc.xNotice'), align: 'center' });

  blocks.push(...section(t('dayClose.doc.dossiers')));
  for (const k of ACTIVITY_KEYS) blocks.push(row(activityLabel(k), String(report.activity[k])));

  blocks.push(...section(t('dayClose.doc.money')));
  blocks.push(row4([t('dayClose.doc.kind'), t('dayClose.method.cashShort'), t('dayClose.method.transferShort'), t('dayClose.doc.total')], true));
  for (const m of report.money.byKind) blocks.push(row4([m.label, money(m.cash), money(m.transfer), money(m.total)]));
  const tot = report.money.totals;
  blocks.push(row4([t('dayClose.doc.total'), money(tot.cash), money(tot.transfer), money(tot.total)], true));
  blocks.push(row(t('dayClose.doc.openingCash'), money(report.openingCash)));
  blocks.push(row(t('dayClose.doc.cashInDrawer'), money(report.openingCash + tot.cash), true));

  if (report.agencies.length) {
    blocks.push(...section(t('dayClose.doc.agencies')));
    for (const a of report.agencies) {
      blocks.push({ type: 'text', text: a.agency });
      blocks.push(row(`  ${t('dayClose.doc.collected')}`, money(a.collected + a.reversed)));
      blocks.push(row(`  ${t('dayClose.doc.handedOver')}`, money(a.handedOver)));
      blocks.push(row(`  ${t('dayClose.doc.outstanding')}`, money(a.outstanding), true));
    }
  }

  if (report.byClerk.length) {
    blocks.push(...section(t('dayClose.doc.clerks')));
    for (const c of report.byClerk) blocks.push(row4([c.name, money(c.cash), money(c.transfer), money(c.total)]));
  }

  if (report.count) {
    const c = report.count;
    blocks.push(...section(t('dayClose.doc.count')));
    for (const n of c.denominations.filter((d) => d.count > 0)) blocks.push(row(`${money(n.value)} x ${n.count}`, money(n.amount)));
    blocks.push(row(t('dayClose.doc.cashExpected'), money(c.cashExpected)));
    blocks.push(row(t('dayClose.doc.cashCounted'), money(c.cashCounted)));
    blocks.push(row(t('dayClose.doc.difference'), signed(c.cashDifference), true));
    blocks.push(row(t('dayClose.doc.transferExpected'), money(c.transferExpected)));
    blocks.push(row(t('dayClose.doc.transferConfirmed'), money(c.transferConfirmed)));
    blocks.push(row(t('dayClose.doc.difference'), signed(c.transferDifference), true));
    blocks.push(row(t('dayClose.doc.cashRemitted'), money(c.cashRemitted)));
    blocks.push(row(t('dayClose.doc.cashCarried'), money(c.cashCounted - c.cashRemitted), true));
    if (c.remittanceNote) blocks.push({ type: 'text', text: t('dayClose.doc.remittanceNote', { note: c.remittanceNote }) });
    if (c.reason) blocks.push({ type: 'text', text: t('dayClose.doc.reason', { reason: c.reason }) });
    if (c.approvedBy) blocks.push({ type: 'text', text: t('dayClose.doc.approvedBy', { name: c.approvedBy }) });
    if (c.attempts > 1) blocks.push({ type: 'text', text: t('dayClose.doc.attempts', { n: c.attempts }) });
  }

  blocks.push(...section(t('dayClose.doc.voids')));
  blocks.push(row(t('dayClose.doc.cancelledDossiers'), String(report.voids.cancelled.length)));
  blocks.push(row(t('dayClose.doc.reversalLines'), String(report.voids.reversals.length)));
  blocks.push(row(t('dayClose.doc.reversalTotal'), money(report.voids.reversalTotal)));
  blocks.push(row(t('dayClose.doc.reprints'), String(report.reprints.length)));

  if (report.shifts.length) {
    blocks.push(...section(t('dayClose.doc.shifts')));
    blocks.push({ type: 'text', text: t('dayClose.doc.shiftsNote') });
    for (const s of report.shifts) blocks.push(row(`${s.clerk} ${clock(s.closedAt).slice(0, 5)}`, signed(s.cashCounted - s.cashExpected)));
  }

  if (report.pending) {
    const p = report.pending;
    blocks.push(...section(t('dayClose.doc.pending')));
    blocks.push(row(t('dayClose.pending.printJobs'), String(p.printJobs.count)));
    blocks.push(row(t('dayClose.pending.notInManifest'), String(p.notInManifest.count)));
    blocks.push(row(t('dayClose.pending.notDelivered'), String(p.notDelivered.count)));
    blocks.push(row(t('dayClose.pending.feesOutstanding'), money(p.feesOutstanding.reduce((s, f) => s + f.amount, 0))));
    blocks.push(row(t('dayClose.pending.openShifts'), String(p.openShifts.count)));
    for (const o of p.openShifts.items) blocks.push({ type: 'text', text: `  ${o.name} (${t('dayClose.doc.openShiftLines', { n: o.lines })})` });
    if (report.overrideReason) blocks.push({ type: 'text', text: t('dayClose.doc.override', { reason: report.overrideReason }) });
  }

  blocks.push({ type: 'rule', char: '=' });
  if (report.closedAt) blocks.push({ type: 'text', text: t('dayClose.doc.closedBy', { name: report.closedBy ?? '', at: clock(report.closedAt) }) });
  else blocks.push({ type: 'text', text: t('dayClose.doc.generatedAt', { at: clock(report.generatedAt) }) });
  if (report.seal) blocks.push({ type: 'text', text: t('dayClose.doc.seal', { hash: report.seal.hash.slice(0, 16) }) });
  blocks.push({ type: 'feed', lines: 3 }, { type: 'cut' });
  return { kind: 'receipt', title: `${dayTitle(report)} ${displayDate(report.day)}`, blocks };
}

/** The clerk's shift report, printed when the shift is closed. */
export function shiftReceipt(shift: Shift, point: DayReport['point']): ReceiptDocument {
  const blocks: PrintBlock[] = [
    { type: 'text', text: officeOf({ point }), align: 'center', bold: true },
    { type: 'text', text: `${point.name} (${point.code})`, align: 'center' },
    { type: 'text', text: t('dayClose.doc.shiftTitle'), align: 'center', bold: true, size: 2 },
    { type: 'text', text: t('dayClose.doc.shiftClerk', { name: shift.clerk }) },
    { type: 'text', text: t('dayClose.doc.shiftSpan', { from: shift.openedAt ? clock(shift.openedAt) : '—', to: clock(shift.closedAt) }) },
    ...section(t('dayClose.doc.money')),
  ];
  for (const m of shift.money) blocks.push(row(`${ledgerKindLabel(m.kind)} (${t(`dayClose.method.${m.paymentMethod}Short`)})`, money(m.amount)));
  blocks.push(
    ...section(t('dayClose.doc.count')),
    row(t('dayClose.doc.cashExpected'), money(shift.cashExpected)),
    row(t('dayClose.doc.cashCounted'), money(shift.cashCounted)),
    row(t('dayClose.doc.difference'), signed(shift.cashCounted - shift.cashExpected), true),
    row(t('dayClose.doc.transferExpected'), money(shift.transferExpected)),
    row(t('dayClose.doc.transferConfirmed'), money(shift.transferConfirmed)),
    row(t('dayClose.doc.difference'), signed(shift.transferConfirmed - shift.transferExpected), true),
  );
  if (shift.reason) blocks.push({ type: 'text', text: t('dayClose.doc.reason', { reason: shift.reason }) });
  if (shift.approvedBy) blocks.push({ type: 'text', text: t('dayClose.doc.approvedBy', { name: shift.approvedBy }) });
  blocks.push({ type: 'feed', lines: 3 }, { type: 'cut' });
  return { kind: 'receipt', title: t('dayClose.doc.shiftTitle'), blocks };
}

// ── A4 ──

function a4Header(point: DayReport['point']): A4Document['header'] {
  return { left: [officeOf({ point }), point.name.toUpperCase()], right: NATIONAL_MOTTO };
}

/** A column of figures (right-aligned) in an A4 table. */
const figures = (title: string, width: number) => ({ title, width, align: 'right' as const });

const activityColumns = (first: string) => [
  { title: first, width: 4 },
  ...ACTIVITY_KEYS.map((k) => figures(activityLabel(k), 1.2)),
];

function activityTable(first: string, rows: readonly ActivityRow[], total: DayReport['activity']): A4Block {
  return {
    type: 'table',
    columns: activityColumns(first),
    rows: rows.map((r) => [r.name, ...ACTIVITY_KEYS.map((k) => String(r[k]))]),
    footer: [t('dayClose.doc.total'), ...ACTIVITY_KEYS.map((k) => String(total[k]))],
  };
}

/** The X / Z report on A4 (landscape: the activity tables are wide), with signatures. */
export function dayReportA4(report: DayReport, o: { reprint?: boolean } = {}): A4Document {
  const blocks: A4Block[] = [];
  const meta = [
    { label: t('dayClose.doc.dayLabel'), value: displayDate(report.day) },
    { label: t('dayClose.doc.kindLabel'), value: report.kind === 'Z' ? t('dayClose.doc.zKind') : t('dayClose.doc.xKind') },
  ];
  if (report.closedAt) meta.push({ label: t('dayClose.doc.closedByLabel'), value: `${report.closedBy ?? ''} — ${clock(report.closedAt)}` });
  else meta.push({ label: t('dayClose.doc.generatedAtLabel'), value: clock(report.generatedAt) });
  if (report.seal) meta.push({ label: t('dayClose.doc.sealLabel'), value: report.seal.hash });
  if (o.reprint) blocks.push({ type: 'paragraph', text: t('dayClose.doc.reprint'), align: 'center', bold: true });
  blocks.push({ type: 'fields', rows: meta });

  blocks.push({ type: 'heading', text: t('dayClose.doc.h.dossiers') });
  blocks.push(activityTable(t('dayClose.doc.field'), report.byField, report.activity));
  blocks.push(activityTable(t('dayClose.doc.agency'), report.byAgency, report.activity));

  blocks.push({ type: 'heading', text: t('dayClose.doc.h.money') });
  const tot = report.money.totals;
  blocks.push({
    type: 'table',
    columns: [
      { title: t('dayClose.doc.kind'), width: 4 },
      figures(t('dayClose.method.cash'), 2),
      figures(t('dayClose.method.transfer'), 2),
      figures(t('dayClose.method.none'), 1.5),
      figures(t('dayClose.doc.total'), 2),
      figures(t('dayClose.doc.lines'), 1),
    ],
    rows: report.money.byKind.map((m) => [m.label, money(m.cash), money(m.transfer), money(m.none), money(m.total), String(m.lines)]),
    footer: [t('dayClose.doc.total'), money(tot.cash), money(tot.transfer), money(tot.none), money(tot.total), String(tot.lines)],
  });
  if (report.byClerk.length)
    blocks.push({
      type: 'table',
      columns: [
        { title: t('dayClose.doc.clerk'), width: 4 },
        figures(t('dayClose.method.cash'), 2),
        figures(t('dayClose.method.transfer'), 2),
        figures(t('dayClose.doc.total'), 2),
        figures(t('dayClose.doc.lines'), 1),
      ],
      rows: report.byClerk.map((c) => [c.name, money(c.cash), money(c.transfer), money(c.total), String(c.lines)]),
    });
  blocks.push({
    type: 'fields',
    rows: [
      { label: t('dayClose.doc.openingCash'), value: money(report.openingCash) },
      { label: t('dayClose.doc.cashInDrawer'), value: money(report.openingCash + tot.cash) },
    ],
  });

  blocks.push({ type: 'heading', text: t('dayClose.doc.h.agencies') });
  blocks.push({
    type: 'table',
    columns: [
      { title: t('dayClose.doc.agency'), width: 5 },
      figures(t('dayClose.doc.collected'), 2),
      figures(t('dayClose.doc.reversed'), 2),
      figures(t('dayClose.doc.handedOver'), 2),
      figures(t('dayClose.doc.outstanding'), 2),
    ],
    rows: report.agencies.map((a) => [a.agency, money(a.collected), money(a.reversed), money(a.handedOver), money(a.outstanding)]),
  });

  if (report.count) {
    const c = report.count;
    blocks.push({ type: 'heading', text: t('dayClose.doc.h.count') });
    blocks.push({
      type: 'table',
      columns: [
        figures(t('dayClose.doc.note'), 2),
        figures(t('dayClose.doc.quantity'), 1),
        figures(t('dayClose.doc.amount'), 2),
      ],
      rows: c.denominations.filter((d) => d.count > 0).map((d) => [money(d.value), String(d.count), money(d.amount)]),
      footer: [t('dayClose.doc.total'), '', money(c.cashCounted)],
    });
    blocks.push({
      type: 'table',
      columns: [
        { title: t('dayClose.doc.method'), width: 3 },
        figures(t('dayClose.doc.expected'), 2),
        figures(t('dayClose.doc.counted'), 2),
        figures(t('dayClose.doc.difference'), 2),
      ],
      rows: [
        [t('dayClose.method.cash'), money(c.cashExpected), money(c.cashCounted), signed(c.cashDifference)],
        [t('dayClose.method.transfer'), money(c.transferExpected), money(c.transferConfirmed), signed(c.transferDifference)],
      ],
    });
    const notes = [
      { label: t('dayClose.doc.cashRemitted'), value: money(c.cashRemitted) },
      { label: t('dayClose.doc.cashCarried'), value: money(c.cashCounted - c.cashRemitted) },
    ];
    if (c.remittanceNote) notes.push({ label: t('dayClose.doc.remittanceNoteLabel'), value: c.remittanceNote });
    if (c.reason) notes.push({ label: t('dayClose.doc.reasonLabel'), value: c.reason });
    if (c.approvedBy) notes.push({ label: t('dayClose.doc.approvedByLabel'), value: c.approvedBy });
    notes.push({ label: t('dayClose.doc.attemptsLabel'), value: String(c.attempts) });
    blocks.push({ type: 'fields', rows: notes });
  }

  if (report.shifts.length) {
    blocks.push({ type: 'heading', text: t('dayClose.doc.h.shifts') });
    blocks.push({ type: 'paragraph', text: t('dayClose.doc.shiftsNote'), italic: true });
    blocks.push({
      type: 'table',
      columns: [
        { title: t('dayClose.doc.clerk'), width: 3 },
        { title: t('dayClose.doc.closedAtCol'), width: 2 },
        figures(t('dayClose.doc.cashExpected'), 2),
        figures(t('dayClose.doc.cashCounted'), 2),
        { title: t('dayClose.doc.reasonLabel'), width: 3 },
      ],
      rows: report.shifts.map((s) => [s.clerk, clock(s.closedAt), money(s.cashExpected), money(s.cashCounted), s.reason ?? '']),
    });
  }

  blocks.push({ type: 'heading', text: t('dayClose.doc.h.voids') });
  blocks.push({
    type: 'table',
    columns: [
      { title: t('dayClose.doc.dossierCode'), width: 3 },
      { title: t('dayClose.doc.time'), width: 2 },
      { title: t('dayClose.doc.by'), width: 2 },
      { title: t('dayClose.doc.reasonLabel'), width: 4 },
    ],
    rows: report.voids.cancelled.map((c) => [c.code, clock(c.at), c.by, c.reason]),
  });
  blocks.push({
    type: 'table',
    columns: [
      figures(t('dayClose.doc.line'), 1),
      { title: t('dayClose.doc.reverses'), width: 2 },
      { title: t('dayClose.doc.label'), width: 4 },
      figures(t('dayClose.doc.amount'), 2),
      { title: t('dayClose.doc.by'), width: 2 },
    ],
    rows: report.voids.reversals.map((r) => [
      String(r.id),
      r.reverses === null ? '' : `#${r.reverses}${r.originalDay ? ` (${displayDate(r.originalDay)})` : ''}`,
      r.note ? `${r.label} — ${r.note}` : r.label,
      money(r.amount),
      r.by,
    ]),
    footer: ['', '', t('dayClose.doc.total'), money(report.voids.reversalTotal), ''],
  });
  blocks.push({ type: 'fields', rows: [{ label: t('dayClose.doc.reprints'), value: String(report.reprints.length) }] });
  if (report.reprints.length)
    blocks.push({
      type: 'table',
      columns: [
        figures(t('dayClose.doc.job'), 1),
        { title: t('dayClose.doc.label'), width: 5 },
        { title: t('dayClose.doc.time'), width: 2 },
        { title: t('dayClose.doc.by'), width: 2 },
      ],
      rows: report.reprints.map((r) => [String(r.id), r.title, clock(r.at), r.by]),
    });

  if (report.pending) {
    const p = report.pending;
    blocks.push({ type: 'heading', text: t('dayClose.doc.h.pending') });
    blocks.push({
      type: 'fields',
      rows: [
        { label: t('dayClose.pending.printJobs'), value: String(p.printJobs.count) },
        { label: t('dayClose.pending.notInManifest'), value: String(p.notInManifest.count) },
        { label: t('dayClose.pending.notDelivered'), value: String(p.notDelivered.count) },
        { label: t('dayClose.pending.feesOutstanding'), value: money(p.feesOutstanding.reduce((s, f) => s + f.amount, 0)) },
        {
          label: t('dayClose.pending.openShifts'),
          value: [String(p.openShifts.count), ...p.openShifts.items.map((o) => `${o.name} (${t('dayClose.doc.openShiftLines', { n: o.lines })})`)].join(' — '),
        },
        ...(report.overrideReason ? [{ label: t('dayClose.doc.overrideLabel'), value: report.overrideReason }] : []),
      ],
    });
  }

  blocks.push({
    type: 'signatures',
    blocks: [
      { title: t('dayClose.doc.signClerk'), subtitle: t('dayClose.doc.signHint') },
      { title: t('dayClose.doc.signManager'), subtitle: t('dayClose.doc.signHint'), name: report.closedBy ?? undefined },
    ],
  });
  return {
    kind: 'a4',
    title: dayTitle(report),
    number: report.sequence !== null ? t('dayClose.doc.number', { n: report.sequence, point: report.point.code }) : undefined,
    orientation: 'landscape',
    header: a4Header(report.point),
    placeDate: placeDateLine(report.point.province, report.day),
    blocks,
    footer: report.seal ? t('dayClose.doc.footerSealed', { day: displayDate(report.day), hash: report.seal.hash.slice(0, 16) }) : t('dayClose.doc.footerX', { day: displayDate(report.day) }),
  };
}

function periodTable(first: string, rows: readonly PeriodRow[]): A4Block {
  const sum = (k: 'received' | 'resultsReceived' | 'delivered') => String(rows.reduce((s, r) => s + r[k], 0));
  return {
    type: 'table',
    columns: [
      { title: first, width: 5 },
      figures(t('dayClose.period.received'), 1.5),
      figures(t('dayClose.period.resultsReceived'), 1.5),
      figures(t('dayClose.period.delivered'), 1.5),
    ],
    rows: rows.map((r) => [r.name, String(r.received), String(r.resultsReceived), String(r.delivered)]),
    footer: [t('dayClose.doc.total'), sum('received'), sum('resultsReceived'), sum('delivered')],
  };
}

const pct = (n: number | null) => (n === null ? '—' : `${String(n).replace('.', ',')}%`);

/** The report upward for a period, with the two charts as `chart` blocks. */
export function periodReportA4(report: PeriodReport): A4Document {
  const q = report.quality;
  const blocks: A4Block[] = [
    { type: 'paragraph', text: t('dayClose.period.span', { from: displayDate(report.from), to: displayDate(report.to) }), align: 'center', italic: true },
    { type: 'heading', text: t('dayClose.period.h.totals') },
    {
      type: 'fields',
      rows: [
        { label: t('dayClose.period.received'), value: String(report.totals.received) },
        { label: t('dayClose.period.guided'), value: String(report.totals.guided) },
        { label: t('dayClose.period.resultsReceived'), value: String(report.totals.resultsReceived) },
        { label: t('dayClose.period.delivered'), value: String(report.totals.delivered) },
        { label: t('dayClose.period.returnedToAgency'), value: String(report.totals.returnedToAgency) },
        { label: t('dayClose.period.cancelled'), value: String(report.totals.cancelled) },
      ],
    },
    { type: 'heading', text: t('dayClose.period.h.byLevel') },
    periodTable(t('dayClose.period.level'), report.byLevel),
    { type: 'heading', text: t('dayClose.period.h.byField') },
    periodTable(t('dayClose.doc.field'), report.byField),
    { type: 'heading', text: t('dayClose.period.h.byAgency') },
    periodTable(t('dayClose.doc.agency'), report.byAgency),
    { type: 'heading', text: t('dayClose.period.h.share') },
    {
      type: 'table',
      columns: [
        { title: t('dayClose.period.level'), width: 3 },
        figures(t('dayClose.period.procedures'), 1.5),
        figures(t('dayClose.period.bcci'), 1.5),
        figures(t('dayClose.period.shareActual'), 1.5),
        figures(t('dayClose.period.shareTarget'), 1.5),
        { title: t('dayClose.period.met'), width: 1.5, align: 'center' },
      ],
      rows: report.bcciShare.map((s) => [
        s.level,
        String(s.procedures),
        String(s.bcci),
        pct(s.percent),
        pct(s.target),
        s.met === null ? '—' : t(s.met ? 'dayClose.period.yes' : 'dayClose.period.no'),
      ]),
    },
    { type: 'chart', ...report.charts.share },
    { type: 'heading', text: t('dayClose.period.h.quality') },
    {
      type: 'fields',
      rows: [
        { label: t('dayClose.period.delivered'), value: String(q.delivered) },
        { label: t('dayClose.period.onTime'), value: `${q.onTime} (${pct(q.onTimePercent)})` },
        { label: t('dayClose.period.late'), value: String(q.late) },
        { label: t('dayClose.period.noDate'), value: String(q.noDate) },
        { label: t('dayClose.period.lost'), value: String(q.lost) },
        { label: t('dayClose.period.damaged'), value: String(q.damaged) },
        { label: t('dayClose.period.intact'), value: pct(q.intactPercent) },
      ],
    },
  ];
  if (q.incidents.length)
    blocks.push({
      type: 'table',
      columns: [
        { title: t('dayClose.doc.dossierCode'), width: 3 },
        { title: t('dayClose.period.incidentKind'), width: 1.5 },
        { title: t('dayClose.doc.dayLabel'), width: 1.5 },
        { title: t('dayClose.doc.label'), width: 5 },
        { title: t('dayClose.doc.by'), width: 2 },
      ],
      rows: q.incidents.map((i) => [i.dossierCode, t(`dayClose.incident.${i.kind}`), displayDate(i.day), i.note, i.by]),
    });
  blocks.push(
    { type: 'heading', text: t('dayClose.period.h.guidance') },
    {
      type: 'table',
      columns: [
        { title: t('dayClose.doc.field'), width: 5 },
        figures(t('dayClose.period.guided'), 2),
      ],
      rows: report.guidance.byField.map((g) => [g.name, String(g.issued)]),
      footer: [t('dayClose.doc.total'), String(report.guidance.issued)],
    },
    { type: 'heading', text: t('dayClose.period.h.trend') },
    {
      type: 'table',
      columns: [
        { title: t('dayClose.period.month'), width: 2 },
        figures(t('dayClose.period.received'), 2),
        figures(t('dayClose.period.delivered'), 2),
        figures(t('dayClose.period.late'), 2),
      ],
      rows: report.trend.map((m) => [monthLabel(m.month), String(m.received), String(m.delivered), String(m.late)]),
    },
    { type: 'chart', ...report.charts.trend },
    {
      type: 'signatures',
      blocks: [
        { title: t('dayClose.doc.signPreparer'), subtitle: t('dayClose.doc.signHint') },
        { title: t('dayClose.doc.signManager'), subtitle: t('dayClose.doc.signHint') },
      ],
    },
  );
  return {
    kind: 'a4',
    title: t('dayClose.period.title'),
    header: a4Header(report.point),
    placeDate: placeDateLine(report.point.province, vietnamDay(new Date(report.generatedAt))),
    blocks,
    footer: t('dayClose.period.footer', { from: displayDate(report.from), to: displayDate(report.to) }),
  };
}
