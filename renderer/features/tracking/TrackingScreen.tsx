import { useRef, useState } from 'react';
import type { DossierSummary } from '../../../shared/api/lifecycle';
import { t } from '../../../shared/messages/vi';
import { useApp } from '../../app/context';
import { errorMessage } from '../../app/errors';
import { SearchPanel } from '../../ui/SearchPanel';
import { useLatest } from '../../ui/useLatest';
import { note, NoteLine, StatusBadge, type Note } from '../lifecycle/controls';
import { day } from '../lifecycle/format';
import { focusSoon, scannedCode, scannedId, useScans } from '../lifecycle/scans';
import { Dashboard } from './Dashboard';
import { TimelinePanel } from './TimelinePanel';

/**
 * Tra cứu hồ sơ: "where is my dossier?" — one search box (code, item number, ID, phone, name
 * without diacritics; scans land here too), the dossier's history as a timeline with what may be
 * done next, and the overview of every stage with what is late or stuck.
 */
export function TrackingScreen() {
  const { api } = useApp();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<DossierSummary[] | null>(null);
  const [searchNote, setSearchNote] = useState<Note | null>(null);
  const [openId, setOpenId] = useState<number | null>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  const searchInput = useRef<HTMLInputElement>(null);
  const timeline = useRef<HTMLDivElement>(null);
  const latest = useLatest();

  function open(id: number) {
    setOpenId(id);
    setTimeout(() => timeline.current?.scrollIntoView({ block: 'start', behavior: 'smooth' }), 0);
  }

  const searchFailed = (err: unknown) => setSearchNote(note('error', errorMessage(err)));

  async function search(text: string) {
    const q = text.trim();
    if (q.length < 2) {
      setSearchNote(note('error', t('ui.tracking.err.query')));
      searchInput.current?.focus();
      return;
    }
    setSearchNote(null);
    await latest(
      () => api['tracking.search']({ query: q }),
      (found) => {
        setResults(found);
        if (found.length === 0) setSearchNote(note('warn', t('ui.tracking.noneFound', { query: q })));
        else if (found.length === 1) open(found[0].id);
      },
      searchFailed,
    );
  }

  /** A scanned code is exact: straight to its timeline. */
  async function find(code: string) {
    setSearchNote(null);
    await latest(
      () => api['tracking.find']({ code }),
      (d) => {
        setResults([d]);
        open(d.id);
      },
      searchFailed,
    );
  }

  useScans((e) => {
    if (dialogOpen) return;
    const id = scannedId(e);
    if (id) {
      setQuery(id.idNumber);
      void search(id.idNumber);
      return;
    }
    const c = scannedCode(e);
    if (!c.ok) {
      setSearchNote(note('error', c.message));
      return;
    }
    setQuery(c.code);
    if (e.kind === 'dossier' || e.kind === 's10') void find(c.code);
    else void search(c.code);
    focusSoon(searchInput);
  });

  return (
    <div className="lc-screen">
      <h1>{t('ui.tracking.title')}</h1>
      <section className="rx-panel" aria-label={t('ui.tracking.searchSection')}>
        <SearchPanel
          inputId="tr-search"
          label={t('ui.tracking.searchLabel')}
          hint={t('ui.tracking.searchHint')}
          query={query}
          onQueryChange={setQuery}
          onSearch={(text) => void search(text)}
          inputRef={searchInput}
          maxLength={200}
          landmark
          status={<NoteLine value={searchNote} />}
          results={results}
          isChosen={(d) => openId === d.id}
          onPick={(d) => open(d.id)}
          renderRow={(d) => (
            <>
              <span className="code">{d.code}</span>
              {d.itemNumber && <span className="code muted"> · {d.itemNumber}</span>}
              <strong className="lc-block">{d.applicantName}</strong>
              <span className="muted small lc-block">
                {d.procedureName} · {t('ui.lc.receivedOn', { date: day(d.receivedAt) })}
                {d.resultDate && ` · ${t('ui.lc.resultOn', { date: day(d.resultDate) })}`}
              </span>
              <StatusBadge dossier={d} />
            </>
          )}
        />
      </section>

      <div ref={timeline}>
        {openId !== null && (
          <TimelinePanel
            key={openId}
            dossierId={openId}
            onDialog={setDialogOpen}
            onClose={() => {
              setOpenId(null);
              searchInput.current?.focus();
            }}
            onChanged={(d) => setResults((r) => r?.map((x) => (x.id === d.id ? d : x)) ?? r)}
          />
        )}
      </div>

      <Dashboard onOpen={open} />
    </div>
  );
}
