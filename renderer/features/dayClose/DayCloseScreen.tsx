import { useCallback, useEffect, useMemo, useState } from 'react';
import type { DayCloseSummary } from '../../../shared/api/dayClose';
import { t } from '../../../shared/messages/vi';
import { vietnamDay } from '../../../shared/time/vietnam';
import { useApp } from '../../app/context';
import { errorMessage } from '../../app/errors';
import { TabPanel, Tabs } from '../lifecycle/controls';
import { CloseHistory } from './CloseHistory';
import { CloseWizard } from './CloseWizard';
import { DayReportDialog, reportTitle } from './DayReportView';
import { LedgerTab } from './LedgerTab';
import { SettingsTab } from './SettingsTab';
import './dayClose.css';

type Tab = 'close' | 'history' | 'ledger' | 'settings';
const PAGE = 30;

/**
 * Khóa sổ ngày (the branch manager's): the close in four steps, the X report at any time of the
 * day (nothing closed), the past closes with their Z reports to print again or download, the
 * ledger with its corrections (reversal lines), and the settings (approval threshold, targets, what blocks the close).
 */
export function DayCloseScreen() {
  const { api } = useApp();
  const [tab, setTab] = useState<Tab>('close');
  const [closes, setCloses] = useState<DayCloseSummary[] | null>(null);
  const [hasMore, setHasMore] = useState(false);
  const [listError, setListError] = useState<string | null>(null);
  const [report, setReport] = useState<{ day: string; title: string } | null>(null);

  const loadCloses = useCallback(
    (beforeSequence?: number) => {
      setListError(null);
      api['dayClose.list']({ limit: PAGE, ...(beforeSequence ? { beforeSequence } : {}) }).then(
        (page) => {
          setCloses((old) => (beforeSequence && old ? [...old, ...page] : page));
          setHasMore(page.length === PAGE);
        },
        (err) => setListError(errorMessage(err)),
      );
    },
    [api],
  );
  useEffect(() => loadCloses(), [loadCloses]);
  const closedDays = useMemo(() => new Set((closes ?? []).map((c) => c.day)), [closes]);

  const openReport = (day: string, title: string) => setReport({ day, title });
  const today = vietnamDay();

  return (
    <div className="lc-screen dc-screen">
      <div className="lc-head">
        <h1>{t('ui.dayClose.title')}</h1>
        <button type="button" className="lc-push" onClick={() => openReport(today, reportTitle(closedDays.has(today) ? 'Z' : 'X', today))} title={t('ui.dayClose.xHelp')}>
          {t('ui.dayClose.xReport')}
        </button>
      </div>
      <Tabs
        idBase="dc"
        label={t('ui.dayClose.title')}
        current={tab}
        onChange={setTab}
        tabs={[
          { id: 'close', label: t('ui.dayClose.tab.close') },
          { id: 'history', label: t('ui.dayClose.tab.history') },
          { id: 'ledger', label: t('ui.dayClose.tab.ledger') },
          { id: 'settings', label: t('ui.dayClose.tab.settings') },
        ]}
      />
      <TabPanel idBase="dc" id="close" current={tab}>
        <CloseWizard closes={closes ?? []} onClosed={() => loadCloses()} onOpenReport={openReport} />
      </TabPanel>
      <TabPanel idBase="dc" id="history" current={tab}>
        <CloseHistory closes={closes} error={listError} hasMore={hasMore} onMore={() => loadCloses(closes?.[closes.length - 1]?.sequence)} onOpen={openReport} />
      </TabPanel>
      <TabPanel idBase="dc" id="ledger" current={tab}>
        <LedgerTab closedDays={closedDays} active={tab === 'ledger'} />
      </TabPanel>
      <TabPanel idBase="dc" id="settings" current={tab}>
        <SettingsTab active={tab === 'settings'} />
      </TabPanel>
      {report && <DayReportDialog day={report.day} title={report.title} onClose={() => setReport(null)} />}
    </div>
  );
}
