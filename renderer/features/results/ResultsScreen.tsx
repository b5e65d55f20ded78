import { useEffect, useReducer, useRef, useState } from 'react';
import type { ScanEvent } from '../../../shared/api/contract';
import { t } from '../../../shared/messages/vi';
import { useApp } from '../../app/context';
import { errorMessage } from '../../app/errors';
import { ScanField, TabPanel, Tabs, note, type Note } from '../lifecycle/controls';
import { dateTime } from '../lifecycle/format';
import { scannedCode, useScans } from '../lifecycle/scans';
import { emptyIntake, intakeReducer } from './intakeList';
import { RegisterResult } from './RegisterResult';
import { ErrorLine } from '../../ui/ErrorLine';

type Tab = 'intake' | 'register';

/**
 * Nhận kết quả: the agency's results arrive in a batch; the clerk scans each one (scan, scan,
 * scan) and the list says where each goes next. A second tab registers a result for a citizen who
 * applied at the agency and asked only for the return by post.
 */
export function ResultsScreen() {
  const { api } = useApp();
  const [tab, setTab] = useState<Tab>('intake');
  const [list, dispatch] = useReducer(intakeReducer, emptyIntake);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [scanNote, setScanNote] = useState<Note | null>(null);
  const scanInput = useRef<HTMLInputElement>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const registerScan = useRef<((e: ScanEvent) => void) | null>(null);

  useEffect(() => {
    api['results.today']({}).then(
      (dossiers) => dispatch({ type: 'loaded', dossiers }),
      (err) => setLoadError(errorMessage(err)),
    );
  }, [api]);

  const scan = (text: string) => {
    const value = text.trim();
    setCode('');
    scanInput.current?.focus();
    if (!value) {
      setScanNote(note('error', t('ui.lc.scanEmpty')));
      return;
    }
    queue.current = queue.current.then(async () => {
      try {
        const r = await api['results.scan']({ code: value });
        dispatch({ type: 'scanned', outcome: r.outcome, dossier: r.dossier, next: r.next, at: new Date().toISOString() });
        setScanNote(
          r.outcome === 'already'
            ? note('warn', t('ui.results.already', { code: r.dossier.code, status: r.dossier.statusLabel }))
            : note('ok', t('ui.results.received', { code: r.dossier.code, next: r.next })),
        );
      } catch (err) {
        setScanNote(note('error', errorMessage(err)));
      }
      scanInput.current?.focus();
    });
  };

  useScans((e) => {
    if (tab === 'register') {
      registerScan.current?.(e);
      return;
    }
    const c = scannedCode(e);
    if (c.ok) scan(c.code);
    else {
      setScanNote(note('error', c.message));
      scanInput.current?.focus();
    }
  });

  return (
    <div className="lc-screen">
      <h1>{t('ui.results.title')}</h1>
      <Tabs
        idBase="res"
        label={t('ui.results.title')}
        current={tab}
        onChange={(id, clicked) => {
          setTab(id);
          if (clicked) setTimeout(() => document.querySelector<HTMLElement>(`#res-panel-${id} input:not([type="radio"]):not([type="checkbox"])`)?.focus(), 0);
        }}
        tabs={[
          { id: 'intake', label: t('ui.results.tab.intake') },
          { id: 'register', label: t('ui.results.tab.register') },
        ]}
      />
      <TabPanel idBase="res" id="intake" current={tab}>
        <section className="rx-panel">
          <p className="lc-counter" data-testid="intake-count">
            {t('ui.results.count', { n: list.count })}
          </p>
          <ScanField label={t('ui.lc.scanLabel')} value={code} onChange={setCode} onSubmit={scan} inputRef={scanInput} note={scanNote} hint={t('ui.results.scanHint')} />
          <ErrorLine error={loadError} />
          {list.entries.length === 0 ? (
            <p className="muted lc-empty">{t('ui.results.none')}</p>
          ) : (
            <ol className="lc-intake" aria-label={t('ui.results.listLabel')}>
              {list.entries.map((e) => (
                <li key={e.dossier.id} className={e.repeat ? 'lc-intake-item repeat' : 'lc-intake-item'} data-code={e.dossier.code}>
                  <div className="lc-intake-main">
                    <span className="code">{e.dossier.code}</span>
                    {e.dossier.itemNumber && <span className="code muted"> · {e.dossier.itemNumber}</span>}
                    <strong className="lc-block">{e.dossier.applicantName}</strong>
                    <span className="muted small lc-block">
                      {e.dossier.procedureName} · {e.dossier.agency}
                    </span>
                  </div>
                  <div className="lc-intake-next">
                    <span className="lc-next">{e.next ?? e.dossier.deliveryText}</span>
                    {e.repeat && <span className="rx-badge warn">{t('ui.results.repeatBadge')}</span>}
                    <span className="muted small lc-block">{dateTime(e.at)}</span>
                  </div>
                </li>
              ))}
            </ol>
          )}
        </section>
      </TabPanel>
      <TabPanel idBase="res" id="register" current={tab}>
        <RegisterResult
          active={tab === 'register'}
          scanHandler={registerScan}
          onRegistered={(dossier) => dispatch({ type: 'registered', dossier, next: dossier.deliveryText, at: new Date().toISOString() })}
        />
      </TabPanel>
    </div>
  );
}
