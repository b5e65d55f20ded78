import { useRef, useState } from 'react';
import type { z } from 'zod';
import type { PrintJob } from '../../../shared/api/devices';
import type { DossierSummary, idCheckSchema } from '../../../shared/api/lifecycle';
import { t } from '../../../shared/messages/vi';
import { useApp } from '../../app/context';
import { errorMessage } from '../../app/errors';
import { SearchPanel } from '../../ui/SearchPanel';
import { useLatest } from '../../ui/useLatest';
import { note, NoteLine, StatusBadge, type Note } from '../lifecycle/controls';
import { day, money } from '../lifecycle/format';
import { focusSoon, scannedCode, scannedId } from '../lifecycle/scans';
import { newKey } from '../reception/model';
import { JobList, useLiveJobs } from '../reception/PrintOutcome';
import type { ScanHandler } from './DeliveryScreen';
import { ErrorLine } from '../../ui/ErrorLine';

type IdCheck = z.infer<typeof idCheckSchema>;
type Check = { scanned: string; ok: IdCheck } | { scanned: string; error: string };

/**
 * Tại quầy: find the citizen's result (code, ID, phone, name), check the ID card against the
 * applicant or the representative (scan or type the 12 digits), and only then hand it over.
 * Scanning a CCCD with nothing chosen finds that citizen's results (and checks it at once when
 * there is only one).
 */
export function CounterTab({ scanHandler }: { scanHandler: ScanHandler }) {
  const { api } = useApp();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<DossierSummary[] | null>(null);
  const [searchNote, setSearchNote] = useState<Note | null>(null);
  const [selected, setSelected] = useState<DossierSummary | null>(null);
  const [idText, setIdText] = useState('');
  /** The last scanned card: its QR goes to the host while the field still shows its number. */
  const [scannedCard, setScannedCard] = useState<{ scanned: string; idNumber: string } | null>(null);
  const [check, setCheck] = useState<Check | null>(null);
  const [idNote, setIdNote] = useState<Note | null>(null);
  const [verifying, setVerifying] = useState(false);
  const [handing, setHanding] = useState(false);
  const [handError, setHandError] = useState<string | null>(null);
  const [done, setDone] = useState<{ dossier: DossierSummary; jobs: PrintJob[]; who: string } | null>(null);
  const key = useRef(newKey());
  const searchInput = useRef<HTMLInputElement>(null);
  const idInput = useRef<HTMLInputElement>(null);
  const handButton = useRef<HTMLButtonElement>(null);
  const latest = useLatest();
  /**
   * The dossier chosen, as the scan handler must see it: at once, not at the next render. A card
   * scanned while a new search is out must not be checked against the dossier chosen before it.
   */
  const chosen = useRef<DossierSummary | null>(null);
  const choose = (d: DossierSummary | null) => {
    chosen.current = d;
    setSelected(d);
  };

  async function search(text: string, then?: (found: DossierSummary[]) => void) {
    const q = text.trim();
    if (!q) {
      setSearchNote(note('error', t('ui.delivery.err.query')));
      searchInput.current?.focus();
      return;
    }
    setSearchNote(null);
    choose(null);
    setCheck(null);
    await latest(
      () => api['delivery.awaitingPickup']({ query: q }),
      (found) => {
        setResults(found);
        if (found.length === 0) setSearchNote(note('warn', t('ui.delivery.noneFound', { query: q })));
        if (found.length === 1) select(found[0]);
        then?.(found);
      },
      (err) => setSearchNote(note('error', errorMessage(err))),
    );
  }

  function select(d: DossierSummary) {
    choose(d);
    setIdText('');
    setScannedCard(null);
    setCheck(null);
    setIdNote(null);
    setHandError(null);
    setDone(null);
    key.current = newKey();
    focusSoon(idInput);
  }

  async function verify(dossier: DossierSummary, scanned: string) {
    setVerifying(true);
    setCheck(null);
    setIdNote(null);
    setHandError(null);
    try {
      const ok = await api['delivery.verifyId']({ dossierId: dossier.id, scanned });
      setCheck({ scanned, ok });
      focusSoon(handButton);
    } catch (err) {
      const message = errorMessage(err);
      setCheck({ scanned, error: message });
      idInput.current?.focus();
    } finally {
      setVerifying(false);
    }
  }

  function submitId() {
    if (!selected) return;
    const text = idText.trim();
    if (scannedCard && text === scannedCard.idNumber) {
      void verify(selected, scannedCard.scanned);
      return;
    }
    if (!/^\d{12}$/.test(text)) {
      setCheck(null);
      setIdNote(note('error', text ? t('recv.err.idNumber') : t('ui.delivery.err.noId')));
      idInput.current?.focus();
      return;
    }
    void verify(selected, text);
  }

  scanHandler.current = (e) => {
    const id = scannedId(e);
    if (id) {
      const current = chosen.current;
      if (current && !done) {
        setIdText(id.idNumber);
        setScannedCard({ scanned: id.scanned, idNumber: id.idNumber });
        void verify(current, id.scanned);
      } else {
        setQuery(id.idNumber);
        void search(id.idNumber, (found) => {
          if (found.length === 1) {
            setIdText(id.idNumber);
            setScannedCard({ scanned: id.scanned, idNumber: id.idNumber });
            void verify(found[0], id.scanned);
          }
        });
      }
      return;
    }
    const c = scannedCode(e);
    if (!c.ok) {
      setSearchNote(note('error', c.message));
      return;
    }
    setQuery(c.code);
    void search(c.code);
  };

  function handOver() {
    if (!selected || !check || !('ok' in check) || handing) return;
    setHanding(true);
    setHandError(null);
    api['delivery.handOver']({ dossierId: selected.id, scanned: check.scanned, idempotencyKey: key.current })
      .then(
        (r) => {
          setDone({ dossier: r.dossier, jobs: r.printJob ? [r.printJob] : [], who: check.ok.name });
          setResults((list) => list?.filter((d) => d.id !== r.dossier.id) ?? null);
        },
        (err) => setHandError(errorMessage(err)),
      )
      .finally(() => setHanding(false));
  }

  function next() {
    choose(null);
    setDone(null);
    setCheck(null);
    setIdText('');
    setScannedCard(null);
    setQuery('');
    setResults(null);
    setSearchNote(null);
    focusSoon(searchInput);
  }

  const verified = !!check && 'ok' in check;
  return (
    <div className="lc-split lc-split-even">
      <section className="rx-panel" aria-labelledby="dl-search-title">
        <h2 id="dl-search-title">{t('ui.delivery.findTitle')}</h2>
        <SearchPanel
          inputId="dl-search"
          label={t('ui.delivery.searchLabel')}
          hint={t('ui.delivery.searchHint')}
          query={query}
          onQueryChange={setQuery}
          onSearch={(text) => void search(text)}
          inputRef={searchInput}
          status={<NoteLine value={searchNote} />}
          results={results}
          isChosen={(d) => selected?.id === d.id}
          onPick={select}
          renderRow={(d) => (
            <>
              <span className="code">{d.code}</span>
              <strong>{d.applicantName}</strong>
              <span className="muted small lc-block">
                {d.procedureName}
                {d.applicantIdTail && ` · ${t('ui.lc.idTail', { tail: d.applicantIdTail })}`}
                {d.applicantPhone && ` · ${d.applicantPhone}`}
              </span>
              {d.amountDue > 0 && <span className="rx-badge warn">{t('ui.delivery.due', { amount: money(d.amountDue) })}</span>}
            </>
          )}
        />
      </section>

      <section className="rx-panel" aria-labelledby="dl-hand-title">
        <h2 id="dl-hand-title">{t('ui.delivery.handTitle')}</h2>
        {!selected && <p className="muted">{t('ui.delivery.pickHint')}</p>}
        {selected && done && <HandedOver done={done} onNext={next} />}
        {selected && !done && (
          <>
            <dl className="rx-facts">
              <dt>{t('ui.lc.col.code')}</dt>
              <dd className="code">{selected.code}</dd>
              <dt>{t('ui.lc.col.itemNumber')}</dt>
              <dd className="code">{selected.itemNumber ?? '—'}</dd>
              <dt>{t('ui.lc.col.applicant')}</dt>
              <dd>
                <strong>{selected.applicantName}</strong>
                {selected.applicantIdTail && <span className="muted"> · {t('ui.lc.idTail', { tail: selected.applicantIdTail })}</span>}
              </dd>
              <dt>{t('ui.lc.col.procedure')}</dt>
              <dd>{selected.procedureName}</dd>
              <dt>{t('ui.lc.col.resultDate')}</dt>
              <dd>{day(selected.resultDate) || '—'}</dd>
              <dt>{t('ui.lc.col.status')}</dt>
              <dd>
                <StatusBadge dossier={selected} />
              </dd>
            </dl>
            {selected.amountDue > 0 && (
              <p className="lc-due" data-testid="amount-due">
                {t('ui.delivery.collect', { amount: money(selected.amountDue) })}
              </p>
            )}
            <form
              className="lc-scan"
              onSubmit={(e) => {
                e.preventDefault();
                submitId();
              }}
            >
              <label htmlFor="dl-id" className="lc-scan-label">
                {t('ui.delivery.idLabel')}
              </label>
              <div className="lc-scan-row">
                <input
                  id="dl-id"
                  ref={idInput}
                  className="lc-scan-input"
                  inputMode="numeric"
                  autoComplete="off"
                  spellCheck={false}
                  maxLength={12}
                  value={idText}
                  aria-describedby="dl-id-result"
                  onChange={(e) => {
                    setIdText(e.target.value);
                    setScannedCard(null);
                    setCheck(null);
                    setIdNote(null);
                  }}
                />
                <button type="submit" disabled={verifying}>
                  {verifying ? t('ui.lc.sending') : t('ui.delivery.verify')}
                </button>
              </div>
              <div id="dl-id-result">
                {check && 'ok' in check && (
                  <p className="lc-note lc-note-ok lc-note-big" role="status" data-testid="id-match">
                    {t(check.ok.who === 'applicant' ? 'ui.delivery.matchApplicant' : 'ui.delivery.matchRepresentative', { name: check.ok.name })}
                  </p>
                )}
                {check && 'error' in check && (
                  <p className="lc-note lc-note-error lc-note-big" role="alert" data-testid="id-mismatch">
                    {check.error}
                  </p>
                )}
                <NoteLine value={idNote} big />
              </div>
            </form>
            <ErrorLine error={handError} />
            <div className="rx-actions">
              <button ref={handButton} type="button" className="primary lc-big-button" disabled={!verified || handing} onClick={handOver}>
                {handing ? t('ui.lc.sending') : t('ui.delivery.handOver')}
              </button>
              {!verified && <span className="muted small">{t('ui.delivery.verifyFirst')}</span>}
            </div>
          </>
        )}
      </section>
    </div>
  );
}

function HandedOver({ done, onNext }: { done: { dossier: DossierSummary; jobs: PrintJob[]; who: string }; onNext: () => void }) {
  const jobs = useLiveJobs(done.jobs);
  return (
    <div className="lc-done">
      <p className="lc-note lc-note-ok lc-note-big" role="status">
        {t('ui.delivery.handedOver', { code: done.dossier.code, name: done.who })}
      </p>
      {done.dossier.amountDue > 0 && <p className="lc-due">{t('ui.delivery.collect', { amount: money(done.dossier.amountDue) })}</p>}
      <h3>{t('recv.jobs.title')}</h3>
      <JobList jobs={jobs} />
      <div className="rx-actions">
        <button type="button" className="primary" autoFocus onClick={onNext}>
          {t('ui.delivery.next')}
        </button>
      </div>
    </div>
  );
}
