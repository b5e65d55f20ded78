import { useEffect, useId, useState } from 'react';
import type { DayReport } from '../../../shared/api/dayClose';
import type { PrintJob } from '../../../shared/api/devices';
import { t } from '../../../shared/messages/vi';
import type { A4Document } from '../../../shared/printing/a4';
import type { ReceiptDocument } from '../../../shared/printing/document';
import { useApp } from '../../app/context';
import { errorMessage } from '../../app/errors';
import { Dialog, NoteLine, TabPanel, Tabs, note, type Note } from '../lifecycle/controls';
import { dateTime, day as dayText } from '../lifecycle/format';
import { A4Preview } from '../printing/A4Preview';
import { ReceiptPreview } from '../printing/ReceiptPreview';
import { JobList, useLiveJobs } from '../reception/PrintOutcome';
import { useReceiptPaper } from '../shift/paper';
import { newKey } from '../shift/model';
import { FileButton } from '../../ui/FileButton';
import './dayClose.css';

interface Loaded {
  report: DayReport;
  receipt: ReceiptDocument | null;
  a4: A4Document | null;
}

/** "Báo cáo Z số 12 ngày 21/11/2026" / "Báo cáo X ngày 21/11/2026". */
export function reportTitle(kind: 'X' | 'Z', day: string, sequence?: number | null): string {
  return kind === 'Z' && sequence ? t('ui.report.zTitle', { day: dayText(day), sequence }) : t(kind === 'Z' ? 'ui.report.zTitleNoSeq' : 'ui.report.xTitle', { day: dayText(day) });
}

/**
 * The X or Z report of a day as the host makes it: on the receipt printer's paper and on A4
 * (the same documents it prints and renders to PDF), printing on the receipt printer, PDF and
 * XLSX. A Z report printed again says it is a reprint.
 */
export function DayReportView({ day, printed = [] }: { day: string; printed?: PrintJob[] }) {
  const { api } = useApp();
  const idBase = useId();
  const paper = useReceiptPaper();
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tab, setTab] = useState<'receipt' | 'a4'>('receipt');
  const [jobs, setJobs] = useState<PrintJob[]>(printed);
  const live = useLiveJobs(jobs);
  const [printing, setPrinting] = useState(false);
  const [message, setMessage] = useState<Note | null>(null);

  useEffect(() => {
    let alive = true;
    setData(null);
    setError(null);
    Promise.all([api['dayClose.report']({ day }), api['dayClose.document']({ day, format: 'receipt' }), api['dayClose.document']({ day, format: 'a4' })]).then(
      ([report, r, a]) => alive && setData({ report, receipt: r.receipt, a4: a.a4 }),
      (err) => alive && setError(errorMessage(err)),
    );
    return () => {
      alive = false;
    };
  }, [api, day]);

  async function print() {
    setPrinting(true);
    setMessage(null);
    try {
      const job = await api['dayClose.print']({ day, idempotencyKey: newKey() });
      setJobs((list) => [...list, job]);
      setMessage(note('ok', t('ui.report.printQueued')));
    } catch (err) {
      setMessage(note('error', errorMessage(err)));
    } finally {
      setPrinting(false);
    }
  }

  if (error)
    return (
      <p className="error" role="alert">
        {error}
      </p>
    );
  if (!data) return <p className="muted">{t('app.loading')}</p>;
  const r = data.report;
  const isZ = r.kind === 'Z';
  return (
    <div className="dc-report" data-kind={r.kind}>
      <p className="dc-report-head">
        {isZ
          ? t('ui.report.zHead', { sequence: r.sequence ?? '—', closedAt: dateTime(r.closedAt), closedBy: r.closedBy ?? '—' })
          : t('ui.report.xHead', { at: dateTime(r.generatedAt) })}
      </p>
      <div className="rx-actions">
        <button type="button" className="primary" onClick={print} disabled={printing}>
          {printing ? t('ui.lc.sending') : t(isZ ? 'ui.report.reprint' : 'ui.report.print')}
        </button>
        <FileButton label={t('ui.report.pdf')} load={() => api['dayClose.file']({ day, format: 'pdf' })} />
        <FileButton label={t('ui.report.xlsx')} load={() => api['dayClose.file']({ day, format: 'xlsx' })} />
      </div>
      <NoteLine value={message} />
      {live.length > 0 && <JobList jobs={live} />}
      <Tabs
        idBase={idBase}
        label={t('ui.report.previews')}
        current={tab}
        onChange={setTab}
        tabs={[
          { id: 'receipt', label: t('ui.report.tab.receipt') },
          { id: 'a4', label: t('ui.report.tab.a4') },
        ]}
      />
      <TabPanel idBase={idBase} id="receipt" current={tab}>
        <div className="dc-receipt">
          {data.receipt && paper ? <ReceiptPreview document={data.receipt} columns={paper.columns} dotsPerLine={paper.dotsPerLine} reprint={isZ && printed.length === 0} /> : <p className="muted">{t('app.loading')}</p>}
          {isZ && <p className="muted small">{t('ui.report.reprintNote')}</p>}
        </div>
      </TabPanel>
      <TabPanel idBase={idBase} id="a4" current={tab}>
        {data.a4 ? <A4Preview doc={data.a4} /> : <p className="muted">{t('app.loading')}</p>}
      </TabPanel>
    </div>
  );
}

/** A report of a day in a dialog (the X report, a past Z report). */
export function DayReportDialog({ day, title, onClose }: { day: string; title: string; onClose: () => void }) {
  return (
    <Dialog title={title} onClose={onClose} wide>
      <DayReportView day={day} />
    </Dialog>
  );
}
