import { useEffect, useState } from 'react';
import type { ProcedureDetail } from '../../../shared/api/contract';
import type { Quote } from '../../../shared/api/reception';
import { t } from '../../../shared/messages/vi';
import { documentCounts, type ChecklistAnswers } from '../../../shared/reception/checklist';
import { receptionReceiptDocument } from '../../../shared/printing/receptionDocuments';
import { displayDate, vietnamClock, vietnamDay } from '../../../shared/time/vietnam';
import { useApp } from '../../app/context';
import { ReceiptPreview } from '../printing/ReceiptPreview';
import type { PartyCheck, Payment } from './model';

/**
 * The receipt as it will print, before it is confirmed: the same shared layout the
 * host prints from, with the code and item number still to be issued.
 */
export function ReceiptBeforeConfirm(props: { procedure: ProcedureDetail; answers: ChecklistAnswers; check: PartyCheck; quote: Quote; payment: Payment; returnVia: string; sendsDocuments: boolean }) {
  const { api, info, session } = useApp();
  const [paper, setPaper] = useState<{ columns: number; dotsPerLine: number } | null>(null);
  useEffect(() => {
    Promise.all([api['devices.list']({}), api['devices.profiles']({})]).then(([devices, profiles]) => {
      const printer = devices.find((d) => d.kind === 'receipt_printer' && d.isDefault);
      const profile = profiles.find((p) => p.id === printer?.profileId);
      setPaper({ columns: profile?.columns ?? 48, dotsPerLine: profile ? profile.columns * 12 : 576 });
    }, () => setPaper({ columns: 48, dotsPerLine: 576 }));
  }, [api]);
  const a = props.check.applicant;
  if (!paper || !a || !info.point) return null;
  const pending = t('recv.preview.pending');
  const counts = props.sendsDocuments ? documentCounts(props.procedure, props.answers) : { items: [] };
  const document = receptionReceiptDocument({
    office: `BƯU ĐIỆN TỈNH ${info.point.province.toUpperCase()}`,
    point: info.point.name,
    pointAddress: `${info.point.commune}, ${info.point.province}`,
    // The number is issued at confirm; an ASCII stand-in keeps the barcode drawable.
    dossierCode: `${info.point.code}-${vietnamDay().slice(2).replace(/-/g, '')}-????`,
    applicant: a.fullName,
    address: a.address,
    phone: a.phone,
    representative: props.check.representative ? `${props.check.representative.fullName} (${props.check.representative.relation})` : undefined,
    procedure: `${props.procedure.name} (${props.procedure.code})`,
    agency: props.procedure.agency,
    documents: counts.items.map((i) => ({ name: i.name, originals: i.originals, copies: i.copies })),
    fees: props.quote.lines.map((l) => ({ name: l.label, amount: l.amount })),
    payment: props.quote.total === 0 ? t('recv.pay.none') : props.payment === 'cash' ? t('recv.pay.cash') : t('recv.pay.transfer'),
    vietQr: props.payment === 'transfer' ? (props.quote.vietQr ?? undefined) : undefined,
    receivedAt: vietnamClock(new Date()),
    resultDate: props.quote.resultDate ? displayDate(props.quote.resultDate) : t('recv.quote.noResultDate'),
    returnVia: props.returnVia,
    logBookNumber: pending,
    receiver: session.user.fullName,
  });
  return (
    <section className="rx-panel rx-receipt" aria-label={t('recv.preview.before')}>
      <h3>{t('recv.preview.before')}</h3>
      <ReceiptPreview document={document} columns={paper.columns} dotsPerLine={paper.dotsPerLine} />
    </section>
  );
}
