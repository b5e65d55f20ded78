import { formatMoney, t } from '../messages/vi';
import { NATIONAL_MOTTO, placeDateLine, type A4Document } from './a4';
import { formatVnd } from '../reception/fees';
import type { PrintBlock, ReceiptDocument } from './document';

/**
 * The papers after reception, described once as data: the handover manifest (A4, signed by the
 * post, the carrier and the agency) and its summary on the receipt printer, the postman's delivery
 * list (A4, with a signature column), the letter to a citizen when the agency asks for a supplement
 * or refuses, the delivery confirmation, and the status slip for "where is my dossier?".
 */

export interface Letterhead {
  /** "BƯU ĐIỆN TỈNH KHÁNH HÒA" */
  office: string;
  /** The point's name. */
  point: string;
  /** Province, for "Khánh Hòa, ngày … tháng … năm …". */
  place: string;
}

/** The heading of every paper the point prints: the provincial post office, the point, its province. */
export function letterheadOf(point: { code: string; name: string; province: string }): Letterhead & { pointCode: string } {
  return { office: `BƯU ĐIỆN TỈNH ${point.province.toUpperCase()}`, point: point.name, place: point.province, pointCode: point.code };
}

export interface ManifestLine {
  code: string;
  itemNumber: string | null;
  applicant: string;
  procedure: string;
  originals: number;
  copies: number;
  fees: number;
}

export interface ManifestPaper {
  head: Letterhead;
  number: string;
  agency: string;
  day: string;
  carrier: string | null;
  clerk: string;
  lines: readonly ManifestLine[];
  agencyReceiver?: string | null;
}

const money = formatVnd;

function header(head: Letterhead) {
  return { left: [head.office, head.point], right: NATIONAL_MOTTO };
}

export function manifestDocument(m: ManifestPaper): A4Document {
  const totals = m.lines.reduce((s, l) => ({ originals: s.originals + l.originals, copies: s.copies + l.copies, fees: s.fees + l.fees }), { originals: 0, copies: 0, fees: 0 });
  return {
    kind: 'a4',
    title: t('lifecycle.doc.manifest.title'),
    number: t('lifecycle.doc.number', { number: m.number }),
    orientation: 'landscape',
    header: header(m.head),
    placeDate: placeDateLine(m.head.place, m.day),
    blocks: [
      {
        type: 'fields',
        rows: [
          { label: t('lifecycle.doc.manifest.from'), value: `${m.head.office} — ${m.head.point}` },
          { label: t('lifecycle.doc.manifest.to'), value: m.agency },
          { label: t('lifecycle.doc.manifest.carrier'), value: m.carrier ?? '……………………………………' },
          { label: t('lifecycle.doc.manifest.count'), value: String(m.lines.length) },
        ],
      },
      {
        type: 'table',
        columns: [
          { title: t('lifecycle.doc.col.no'), width: 3, align: 'center' },
          { title: t('lifecycle.doc.col.code'), width: 12 },
          { title: t('lifecycle.doc.col.item'), width: 9 },
          { title: t('lifecycle.doc.col.applicant'), width: 11 },
          { title: t('lifecycle.doc.col.procedure'), width: 20 },
          { title: t('lifecycle.doc.col.originals'), width: 4, align: 'right' },
          { title: t('lifecycle.doc.col.copies'), width: 4, align: 'right' },
          { title: t('lifecycle.doc.col.fees'), width: 7, align: 'right' },
          { title: t('lifecycle.doc.col.note'), width: 8 },
        ],
        rows: m.lines.map((l, i) => [String(i + 1), l.code, l.itemNumber ?? '', l.applicant, l.procedure, String(l.originals), String(l.copies), formatMoney(l.fees), '']),
        footer: [t('lifecycle.doc.total'), '', '', '', '', String(totals.originals), String(totals.copies), formatMoney(totals.fees), ''],
      },
      { type: 'paragraph', text: t('lifecycle.doc.manifest.note', { count: m.lines.length, fees: money(totals.fees) }), italic: true },
      {
        type: 'signatures',
        blocks: [
          { title: t('lifecycle.doc.sign.post'), subtitle: t('lifecycle.doc.sign.hint'), name: m.clerk },
          { title: t('lifecycle.doc.sign.carrier'), subtitle: t('lifecycle.doc.sign.hint'), name: m.carrier ?? undefined },
          { title: t('lifecycle.doc.sign.agency'), subtitle: t('lifecycle.doc.sign.hint'), name: m.agencyReceiver ?? undefined },
        ],
      },
    ],
    footer: t('lifecycle.doc.footer', { number: m.number }),
  };
}

/** The summary the carrier keeps: number, agency, count, codes, fees; printed on the receipt printer at dispatch. */
export function manifestSummaryDocument(m: ManifestPaper & { dispatchedAt: string }): ReceiptDocument {
  const fees = m.lines.reduce((s, l) => s + l.fees, 0);
  const blocks: PrintBlock[] = [
    { type: 'text', text: m.head.office, align: 'center', bold: true },
    { type: 'text', text: m.head.point, align: 'center' },
    { type: 'rule' },
    { type: 'text', text: t('lifecycle.doc.manifest.summaryTitle'), align: 'center', bold: true },
    { type: 'text', text: t('lifecycle.doc.number', { number: m.number }), align: 'center' },
    { type: 'barcode', symbology: 'code128', data: m.number, height: 60, showText: false, align: 'center' },
    { type: 'text', text: `${t('lifecycle.doc.manifest.to')}: ${m.agency}` },
    { type: 'text', text: `${t('lifecycle.doc.manifest.carrier')}: ${m.carrier ?? ''}` },
    { type: 'text', text: `${t('lifecycle.doc.dispatchedAt')}: ${m.dispatchedAt}` },
    { type: 'rule' },
    ...m.lines.map(
      (l, i): PrintBlock => ({
        type: 'columns',
        cells: [
          { text: `${i + 1}. ${l.code}`, width: 3 },
          { text: `${l.originals}/${l.copies}`, width: 1, align: 'right' },
        ],
      }),
    ),
    { type: 'rule' },
    { type: 'columns', cells: [{ text: t('lifecycle.doc.manifest.count'), width: 2, bold: true }, { text: String(m.lines.length), width: 1, align: 'right', bold: true }] },
    { type: 'columns', cells: [{ text: t('lifecycle.doc.col.fees'), width: 2, bold: true }, { text: money(fees), width: 1, align: 'right', bold: true }] },
    { type: 'feed', lines: 1 },
    {
      type: 'columns',
      cells: [
        { text: t('lifecycle.doc.sign.post'), width: 1, align: 'center', bold: true },
        { text: t('lifecycle.doc.sign.carrier'), width: 1, align: 'center', bold: true },
      ],
    },
    { type: 'feed', lines: 3 },
    { type: 'columns', cells: [{ text: m.clerk, width: 1, align: 'center' }, { text: m.carrier ?? '', width: 1, align: 'center' }] },
    { type: 'cut' },
  ];
  return { kind: 'receipt', title: t('lifecycle.doc.manifest.summaryTitle'), blocks };
}

export interface DeliveryListPaper {
  head: Letterhead;
  number: string;
  day: string;
  postman: string;
  clerk: string;
  lines: readonly { code: string; itemNumber: string | null; addressee: string; address: string; phone: string; amountDue: number }[];
}

export function deliveryListDocument(d: DeliveryListPaper): A4Document {
  const due = d.lines.reduce((s, l) => s + l.amountDue, 0);
  return {
    kind: 'a4',
    title: t('lifecycle.doc.deliveryList.title'),
    number: t('lifecycle.doc.number', { number: d.number }),
    orientation: 'landscape',
    header: header(d.head),
    placeDate: placeDateLine(d.head.place, d.day),
    blocks: [
      { type: 'fields', rows: [{ label: t('lifecycle.doc.deliveryList.postman'), value: d.postman }, { label: t('lifecycle.doc.manifest.count'), value: String(d.lines.length) }] },
      {
        type: 'table',
        columns: [
          { title: t('lifecycle.doc.col.no'), width: 3, align: 'center' },
          { title: t('lifecycle.doc.col.item'), width: 9 },
          { title: t('lifecycle.doc.col.code'), width: 11 },
          { title: t('lifecycle.doc.col.addressee'), width: 11 },
          { title: t('lifecycle.doc.col.address'), width: 20 },
          { title: t('lifecycle.doc.col.phone'), width: 7 },
          { title: t('lifecycle.doc.col.due'), width: 6, align: 'right' },
          { title: t('lifecycle.doc.col.receiver'), width: 10 },
          { title: t('lifecycle.doc.col.signature'), width: 8 },
        ],
        rows: d.lines.map((l, i) => [String(i + 1), l.itemNumber ?? '', l.code, l.addressee, l.address, l.phone, l.amountDue ? formatMoney(l.amountDue) : '', '', '']),
        footer: [t('lifecycle.doc.total'), '', '', '', '', '', formatMoney(due), '', ''],
      },
      {
        type: 'signatures',
        blocks: [
          { title: t('lifecycle.doc.sign.handedBy'), subtitle: t('lifecycle.doc.sign.hint'), name: d.clerk },
          { title: t('lifecycle.doc.sign.postman'), subtitle: t('lifecycle.doc.sign.hint'), name: d.postman },
        ],
      },
    ],
    footer: t('lifecycle.doc.footer', { number: d.number }),
  };
}

export interface AgencyLetterPaper {
  head: Letterhead;
  kind: 'supplement' | 'refusal';
  day: string;
  dossierCode: string;
  applicant: string;
  address: string;
  procedure: string;
  agency: string;
  receivedOn: string;
  reason: string;
  items: readonly string[];
  reference?: string;
  clerk: string;
}

/** Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ / phiếu từ chối, as the post hands it to the citizen on the agency's behalf. */
export function agencyLetterDocument(l: AgencyLetterPaper): A4Document {
  const supplement = l.kind === 'supplement';
  return {
    kind: 'a4',
    title: t(supplement ? 'lifecycle.doc.letter.supplementTitle' : 'lifecycle.doc.letter.refusalTitle'),
    number: l.reference ? t('lifecycle.doc.letter.reference', { reference: l.reference }) : undefined,
    header: header(l.head),
    placeDate: placeDateLine(l.head.place, l.day),
    blocks: [
      { type: 'paragraph', text: t('lifecycle.doc.letter.to', { applicant: l.applicant }), bold: true },
      { type: 'fields', rows: [{ label: t('lifecycle.doc.letter.address'), value: l.address }] },
      {
        type: 'paragraph',
        text: t(supplement ? 'lifecycle.doc.letter.supplementIntro' : 'lifecycle.doc.letter.refusalIntro', {
          agency: l.agency,
          procedure: l.procedure,
          code: l.dossierCode,
          receivedOn: l.receivedOn,
        }),
        align: 'justify',
      },
      ...(supplement && l.items.length
        ? [
            {
              type: 'table' as const,
              columns: [
                { title: t('lifecycle.doc.col.no'), width: 1, align: 'center' as const },
                { title: t('lifecycle.doc.letter.item'), width: 12 },
              ],
              rows: l.items.map((item, i) => [String(i + 1), item]),
            },
          ]
        : []),
      { type: 'fields', rows: [{ label: t('lifecycle.doc.letter.reason'), value: l.reason }] },
      { type: 'paragraph', text: t(supplement ? 'lifecycle.doc.letter.supplementClose' : 'lifecycle.doc.letter.refusalClose', { code: l.dossierCode, point: l.head.point }), align: 'justify' },
      { type: 'barcode', data: l.dossierCode },
      { type: 'signatures', blocks: [{ title: t('lifecycle.doc.sign.citizen'), subtitle: t('lifecycle.doc.sign.hint') }, { title: t('lifecycle.doc.sign.post'), subtitle: t('lifecycle.doc.sign.hint'), name: l.clerk }] },
    ],
    footer: t('lifecycle.doc.footer', { number: l.dossierCode }),
  };
}

export interface HandOverPaper {
  head: Letterhead;
  dossierCode: string;
  itemNumber: string | null;
  procedure: string;
  applicant: string;
  receiver: string;
  relation: string;
  idTail: string;
  at: string;
  amountCollected: number;
  clerk: string;
}

/** Phiếu xác nhận trả kết quả: the citizen signs the clerk's copy. */
export function handOverDocument(h: HandOverPaper): ReceiptDocument {
  const blocks: PrintBlock[] = [
    { type: 'text', text: h.head.office, align: 'center', bold: true },
    { type: 'text', text: h.head.point, align: 'center' },
    { type: 'rule' },
    { type: 'text', text: t('lifecycle.doc.handOver.title'), align: 'center', bold: true },
    { type: 'barcode', symbology: 'code128', data: h.dossierCode, height: 60, showText: true, align: 'center' },
    { type: 'text', text: `${t('lifecycle.doc.col.procedure')}: ${h.procedure}` },
    ...(h.itemNumber ? [{ type: 'text' as const, text: `${t('lifecycle.doc.col.item')}: ${h.itemNumber}` }] : []),
    { type: 'text', text: `${t('lifecycle.doc.col.applicant')}: ${h.applicant}` },
    { type: 'text', text: `${t('lifecycle.doc.col.receiver')}: ${h.receiver} (${h.relation})` },
    { type: 'text', text: t('lifecycle.doc.handOver.idChecked', { tail: h.idTail }) },
    { type: 'text', text: `${t('lifecycle.doc.handOver.at')}: ${h.at}` },
    ...(h.amountCollected ? [{ type: 'text' as const, text: `${t('lifecycle.doc.col.due')}: ${money(h.amountCollected)}`, bold: true }] : []),
    { type: 'rule' },
    {
      type: 'columns',
      cells: [
        { text: t('lifecycle.doc.sign.receiver'), width: 1, align: 'center', bold: true },
        { text: t('lifecycle.doc.sign.post'), width: 1, align: 'center', bold: true },
      ],
    },
    { type: 'feed', lines: 3 },
    { type: 'columns', cells: [{ text: h.receiver, width: 1, align: 'center' }, { text: h.clerk, width: 1, align: 'center' }] },
    { type: 'cut' },
  ];
  return { kind: 'receipt', title: t('lifecycle.doc.handOver.title'), blocks };
}

export interface StatusSlipPaper {
  head: Letterhead;
  dossierCode: string;
  itemNumber: string | null;
  procedure: string;
  agency: string;
  applicant: string;
  receivedAt: string;
  resultDate: string;
  status: string;
  steps: readonly { at: string; label: string }[];
  printedAt: string;
}

/** For the citizen who asks "where is my dossier?": what happened, when, and what comes next. */
export function statusSlipDocument(s: StatusSlipPaper): ReceiptDocument {
  return {
    kind: 'receipt',
    title: t('lifecycle.doc.statusSlip.title'),
    blocks: [
      { type: 'text', text: s.head.office, align: 'center', bold: true },
      { type: 'text', text: s.head.point, align: 'center' },
      { type: 'rule' },
      { type: 'text', text: t('lifecycle.doc.statusSlip.title'), align: 'center', bold: true },
      { type: 'text', text: s.dossierCode, align: 'center', bold: true },
      ...(s.itemNumber ? [{ type: 'text' as const, text: `${t('lifecycle.doc.col.item')}: ${s.itemNumber}` }] : []),
      { type: 'text', text: `${t('lifecycle.doc.col.applicant')}: ${s.applicant}` },
      { type: 'text', text: `${t('lifecycle.doc.col.procedure')}: ${s.procedure}` },
      { type: 'text', text: `${t('lifecycle.doc.manifest.to')}: ${s.agency}` },
      { type: 'text', text: `${t('lifecycle.doc.statusSlip.received')}: ${s.receivedAt}` },
      { type: 'text', text: `${t('lifecycle.doc.statusSlip.resultDate')}: ${s.resultDate}` },
      { type: 'text', text: `${t('lifecycle.doc.statusSlip.status')}: ${s.status}`, bold: true },
      { type: 'rule' },
      ...s.steps.map((step): PrintBlock => ({ type: 'columns', cells: [{ text: step.at, width: 2 }, { text: step.label, width: 3 }] })),
      { type: 'rule' },
      { type: 'text', text: t('lifecycle.doc.statusSlip.printedAt', { at: s.printedAt }), align: 'center' },
      { type: 'cut' },
    ],
  };
}
