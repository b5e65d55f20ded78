import { useCallback, useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import type { PrintJob } from '../../../shared/api/devices';
import type { Manifest, ManifestDetail, pendingGroupSchema } from '../../../shared/api/lifecycle';
import { t } from '../../../shared/messages/vi';
import { useApp } from '../../app/context';
import { errorMessage } from '../../app/errors';
import { A4Dialog, NoteLine, PdfButton, ScanField, note, type Note } from '../lifecycle/controls';
import { dateTime, money } from '../lifecycle/format';
import { focusSoon, scannedCode, useScans } from '../lifecycle/scans';
import { AgencyReceiptDialog } from './AgencyReceiptDialog';
import { DispatchDialog } from './DispatchDialog';
import { ManifestLines } from './ManifestLines';
import { JobList, useLiveJobs } from '../reception/PrintOutcome';
import { ErrorLine } from '../../ui/ErrorLine';

type PendingGroup = z.infer<typeof pendingGroupSchema>;

type Open = { kind: 'dispatch' } | { kind: 'document'; id: number; number: string } | { kind: 'receipt'; id: number } | null;

/**
 * Bàn giao hồ sơ: the sealed dossiers waiting to go, per agency; a manifest per agency filled by
 * scanning each envelope; dispatch to the carrier (the manifest prints); then, when the agency
 * signs, its receipt (with new result dates, refusals, and whether the fees went with it).
 */
export function HandoverScreen() {
  const { api } = useApp();
  const [groups, setGroups] = useState<PendingGroup[] | null>(null);
  const [openManifests, setOpenManifests] = useState<Manifest[]>([]);
  const [dispatched, setDispatched] = useState<Manifest[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [current, setCurrent] = useState<ManifestDetail | null>(null);
  const [openError, setOpenError] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [scanNote, setScanNote] = useState<Note | null>(null);
  const [pageNote, setPageNote] = useState<Note | null>(null);
  const [dialog, setDialog] = useState<Open>(null);
  const [sent, setSent] = useState<{ manifestId: number; jobs: PrintJob[] } | null>(null);
  const scanInput = useRef<HTMLInputElement>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());

  const reload = useCallback(async () => {
    try {
      const [g, open, out] = await Promise.all([
        api['handover.pending']({}),
        api['handover.manifests']({ status: 'open' }),
        api['handover.manifests']({ status: 'dispatched' }),
      ]);
      setGroups(g);
      setOpenManifests(open);
      setDispatched(out);
      setLoadError(null);
    } catch (err) {
      setLoadError(errorMessage(err));
    }
  }, [api]);
  useEffect(() => {
    void reload();
  }, [reload]);

  const show = (detail: ManifestDetail) => {
    setCurrent(detail);
    setScanNote(null);
    if (sent?.manifestId !== detail.manifest.id) setSent(null);
    focusSoon(scanInput);
  };

  async function openAgency(g: PendingGroup) {
    setOpenError(null);
    try {
      const openId = g.openManifestId ?? openManifests.find((m) => m.agency === g.agency)?.id ?? null;
      show(openId ? await api['handover.manifest']({ id: openId }) : await api['handover.createManifest']({ agency: g.agency }));
      void reload();
    } catch (err) {
      setOpenError(errorMessage(err));
    }
  }
  // ── Scans: one at a time, in the order they came ──
  const scan = (text: string) => {
    const value = text.trim();
    setCode('');
    scanInput.current?.focus();
    if (!value) {
      setScanNote(note('error', t('ui.lc.scanEmpty')));
      return;
    }
    if (!current || current.manifest.status !== 'open') {
      setScanNote(note('error', current ? t('ui.handover.notOpen', { number: current.manifest.number }) : t('ui.handover.pickFirst')));
      return;
    }
    const manifestId = current.manifest.id;
    queue.current = queue.current.then(async () => {
      try {
        const r = await api['handover.scan']({ manifestId, code: value });
        setCurrent((c) => (c && c.manifest.id === manifestId ? r.manifest : c));
        setScanNote(note('ok', t('ui.handover.added', { code: r.added.code, name: r.added.applicantName, n: r.manifest.dossiers.length })));
        void reload();
      } catch (err) {
        setScanNote(note('error', errorMessage(err)));
      }
      if (!document.querySelector('.lc-dialog')) scanInput.current?.focus();
    });
  };
  useScans((e) => {
    if (dialog) return;
    const c = scannedCode(e);
    if (c.ok) scan(c.code);
    else setScanNote(note('error', c.message));
  });

  async function remove(dossierId: number) {
    if (!current) return;
    try {
      setCurrent(await api['handover.remove']({ manifestId: current.manifest.id, dossierId }));
      setScanNote(null);
      void reload();
    } catch (err) {
      setScanNote(note('error', errorMessage(err)));
    }
    scanInput.current?.focus();
  }

  const m = current?.manifest;
  const pendingHere = current ? (groups?.find((g) => g.agency === current.manifest.agency)?.dossiers ?? []).filter((d) => !current.dossiers.some((x) => x.id === d.id)) : [];
  const backToScan = () => scanInput.current?.focus();

  return (
    <div className="lc-screen">
      <h1>{t('ui.handover.title')}</h1>
      <ErrorLine error={loadError} />
      <NoteLine value={pageNote} />
      <div className="lc-split">
        <aside className="rx-panel lc-side" aria-labelledby="ho-pending-title">
          <h2 id="ho-pending-title">{t('ui.handover.pending')}</h2>
          {groups === null && !loadError && <p className="muted small">{t('app.loading')}</p>}
          {groups?.length === 0 && <p className="muted small">{t('ui.handover.noPending')}</p>}
          <ul className="lc-agencies">
            {groups?.map((g) => {
              const open = openManifests.find((x) => x.id === g.openManifestId);
              return (
                <li key={g.agency}>
                  <button type="button" className={m?.agency === g.agency && m.status === 'open' ? 'lc-agency chosen' : 'lc-agency'} onClick={() => void openAgency(g)}>
                    <span className="rx-badge pending">{t('ui.lc.count', { n: g.dossiers.length })}</span>
                    <span className="lc-agency-name">{g.agency}</span>
                    <span className="muted small lc-block">
                      {g.openManifestId ? t('ui.handover.continue', { number: open?.number ?? '', n: open?.count ?? 0 }) : t('ui.handover.create')}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
          <ErrorLine error={openError} />
        </aside>

        <section className="rx-panel lc-main" aria-labelledby="ho-manifest-title">
          <div className="lc-head">
            <h2 id="ho-manifest-title">{m ? `${t('ui.handover.manifestTitle', { number: m.number })} — ${m.agency}` : t('ui.handover.manifest')}</h2>
            {m && <span className={`rx-badge ${m.status === 'open' ? 'pending' : 'ok'}`}>{t(`ui.handover.state.${m.status}`)}</span>}
          </div>
          {!m && <p className="muted">{t('ui.handover.pickHint')}</p>}
          {!m || m.status === 'open' ? (
            <ScanField label={t('ui.lc.scanLabel')} value={code} onChange={setCode} onSubmit={scan} inputRef={scanInput} note={scanNote} hint={t('ui.handover.scanHint')} />
          ) : (
            <>
              <p className="lc-note lc-note-ok">{t('ui.handover.dispatchedAt', { at: dateTime(m.dispatchedAt), carrier: m.carrier ?? '' })}</p>
              <NoteLine value={scanNote} />
            </>
          )}
          {current && m && (
            <>
              {sent?.manifestId === m.id && <SentJobs jobs={sent.jobs} />}
              <ManifestLines dossiers={current.dossiers} totalFees={m.totalFees} onRemove={m.status === 'open' ? (id) => void remove(id) : undefined} />
              {m.status === 'open' && pendingHere.length > 0 && (
                <details className="lc-waiting">
                  <summary>{t('ui.handover.stillWaiting', { n: pendingHere.length })}</summary>
                  <ul>
                    {pendingHere.map((d) => (
                      <li key={d.id}>
                        <span className="code">{d.code}</span> · {d.itemNumber ?? '—'} · {d.applicantName}
                      </li>
                    ))}
                  </ul>
                </details>
              )}
              <div className="rx-actions">
                {m.status === 'open' && (
                  <button type="button" className="primary" disabled={current.dossiers.length === 0} onClick={() => setDialog({ kind: 'dispatch' })}>
                    {t('ui.handover.dispatch')}
                  </button>
                )}
                <button type="button" onClick={() => setDialog({ kind: 'document', id: m.id, number: m.number })}>
                  {t('ui.handover.preview')}
                </button>
                <PdfButton load={() => api['handover.pdf']({ id: m.id })} label={t('ui.handover.pdf')} />
              </div>
            </>
          )}
        </section>
      </div>

      <section className="rx-panel" aria-labelledby="ho-sent-title">
        <h2 id="ho-sent-title">{t('ui.handover.awaitingReceipt')}</h2>
        {dispatched.length === 0 ? (
          <p className="muted small">{t('ui.handover.noneAwaiting')}</p>
        ) : (
          <table className="grid lc-table">
            <thead>
              <tr>
                <th>{t('ui.handover.col.number')}</th>
                <th>{t('ui.handover.col.agency')}</th>
                <th>{t('ui.handover.col.dispatchedAt')}</th>
                <th>{t('ui.handover.col.carrier')}</th>
                <th className="num">{t('ui.handover.col.count')}</th>
                <th className="num">{t('ui.handover.col.fees')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {dispatched.map((x) => (
                <tr key={x.id}>
                  <td className="code">{x.number}</td>
                  <td>{x.agency}</td>
                  <td>{dateTime(x.dispatchedAt)}</td>
                  <td>{x.carrier}</td>
                  <td className="num">{x.count}</td>
                  <td className="num">{money(x.totalFees)}</td>
                  <td className="lc-row-actions">
                    <button type="button" onClick={() => setDialog({ kind: 'document', id: x.id, number: x.number })} aria-label={t('ui.handover.previewOf', { number: x.number })}>
                      {t('ui.lc.view')}
                    </button>
                    <button type="button" className="primary" onClick={() => setDialog({ kind: 'receipt', id: x.id })} aria-label={t('ui.handover.receiptOf', { number: x.number })}>
                      {t('ui.handover.receipt')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {dialog?.kind === 'dispatch' && m && (
        <DispatchDialog
          manifest={m}
          onClose={() => setDialog(null)}
          returnFocus={backToScan}
          onDone={(r) => {
            setDialog(null);
            setCurrent(r.manifest);
            setSent({ manifestId: r.manifest.manifest.id, jobs: r.printJob ? [r.printJob] : [] });
            void reload();
          }}
        />
      )}
      {dialog?.kind === 'document' && (
        <DocumentDialog id={dialog.id} number={dialog.number} onClose={() => setDialog(null)} returnFocus={current?.manifest.status === 'open' ? backToScan : undefined} />
      )}
      {dialog?.kind === 'receipt' && (
        <AgencyReceiptDialog
          manifestId={dialog.id}
          onClose={() => setDialog(null)}
          onDone={(d) => {
            setDialog(null);
            setPageNote(note('ok', t('ui.handover.receiptDone', { number: d.manifest.number, agency: d.manifest.agency, receiver: d.manifest.agencyReceiver ?? '' })));
            if (current?.manifest.id === d.manifest.id) setCurrent(d);
            void reload();
          }}
        />
      )}
    </div>
  );
}

function DocumentDialog({ id, number, onClose, returnFocus }: { id: number; number: string; onClose: () => void; returnFocus?: () => void }) {
  const { api } = useApp();
  const load = useCallback(() => api['handover.document']({ id }), [api, id]);
  const pdf = useCallback(() => api['handover.pdf']({ id }), [api, id]);
  return <A4Dialog title={t('ui.handover.manifestTitle', { number })} load={load} pdf={pdf} onClose={onClose} returnFocus={returnFocus} />;
}

function SentJobs({ jobs }: { jobs: PrintJob[] }) {
  const live = useLiveJobs(jobs);
  return (
    <div className="lc-sent">
      <h3>{t('recv.jobs.title')}</h3>
      <JobList jobs={live} />
    </div>
  );
}
