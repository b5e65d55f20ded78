import { useEffect, useState, type ReactNode } from 'react';
import type { Permission } from '../../shared/auth/roles';
import { t, type MessageKey } from '../../shared/messages/vi';
import { useApp } from './context';
import { CatalogueScreen } from '../features/catalogue/CatalogueScreen';
import { CatalogueAdmin } from '../features/catalogue/CatalogueAdmin';
import { ReceptionSettingsScreen } from '../features/receptionSettings/ReceptionSettingsScreen';
import { PublishedList } from '../features/catalogue/PublishedList';
import { UsersScreen } from '../features/users/UsersScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { AuditScreen } from '../features/audit/AuditScreen';
import { DevicesScreen } from '../features/devices/DevicesScreen';
import { FailedJobDialog } from '../features/devices/FailedJobDialog';
import { ScanBanner } from '../features/scanner/ScanBanner';
import { ReceptionScreen } from '../features/reception/ReceptionScreen';
import { HandoverScreen } from '../features/handover/HandoverScreen';
import { ResultsScreen } from '../features/results/ResultsScreen';
import { DeliveryScreen } from '../features/delivery/DeliveryScreen';
import { TrackingScreen } from '../features/tracking/TrackingScreen';
import { ShiftScreen } from '../features/shift/ShiftScreen';
import { DayCloseScreen } from '../features/dayClose/DayCloseScreen';
import { ReportsScreen } from '../features/reports/ReportsScreen';
import { NavigateContext } from './navigation';

interface View {
  id: string;
  label: MessageKey;
  needs: Permission;
  render: () => ReactNode;
}

const VIEWS: View[] = [
  { id: 'reception', label: 'nav.reception', needs: 'reception.receive', render: () => <ReceptionScreen /> },
  { id: 'handover', label: 'ui.nav.handover', needs: 'reception.receive', render: () => <HandoverScreen /> },
  { id: 'results', label: 'ui.nav.results', needs: 'reception.receive', render: () => <ResultsScreen /> },
  { id: 'delivery', label: 'ui.nav.delivery', needs: 'reception.receive', render: () => <DeliveryScreen /> },
  { id: 'tracking', label: 'ui.nav.tracking', needs: 'reception.receive', render: () => <TrackingScreen /> },
  { id: 'catalogue', label: 'nav.catalogue', needs: 'catalogue.read', render: () => <CatalogueScreen /> },
  { id: 'published', label: 'nav.publishedList', needs: 'catalogue.read', render: () => <PublishedList /> },
  { id: 'catalogueAdmin', label: 'nav.catalogueAdmin', needs: 'catalogue.manage', render: () => <CatalogueAdmin /> },
  { id: 'receptionSettings', label: 'nav.receptionSettings', needs: 'reception.configure', render: () => <ReceptionSettingsScreen /> },
  { id: 'users', label: 'nav.users', needs: 'users.manage', render: () => <UsersScreen /> },
  { id: 'devices', label: 'nav.devices', needs: 'devices.manage', render: () => <DevicesScreen /> },
  { id: 'settings', label: 'nav.settings', needs: 'settings.manage', render: () => <SettingsScreen /> },
  { id: 'audit', label: 'nav.audit', needs: 'audit.read', render: () => <AuditScreen /> },
  { id: 'shift', label: 'ui.nav.shift', needs: 'reception.receive', render: () => <ShiftScreen /> },
  { id: 'dayClose', label: 'ui.nav.dayClose', needs: 'day.close', render: () => <DayCloseScreen /> },
  { id: 'reports', label: 'ui.nav.reports', needs: 'day.close', render: () => <ReportsScreen /> },
];

/** The signed-in frame: the point, the user, the views their role allows (Alt+1…6), lock and sign-out. */
export function Shell({ onSignedOut, onLocked }: { onSignedOut: () => void; onLocked: () => void }) {
  const { api, info, session, can } = useApp();
  const views = VIEWS.filter((v) => can(v.needs));
  const [current, setCurrent] = useState(views[0]?.id ?? 'catalogue');

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && /^[1-9]$/.test(e.key)) {
        const v = views[Number(e.key) - 1];
        if (v) {
          e.preventDefault();
          setCurrent(v.id);
        }
      } else if (e.ctrlKey && e.key.toLowerCase() === 'l') {
        e.preventDefault();
        void api['auth.lock']({}).then(onLocked);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [views, api, onLocked]);

  const view = views.find((v) => v.id === current) ?? views[0];
  return (
    <div className="shell">
      <header className="topbar">
        <div className="brand">
          <strong>{t('app.shortTitle')}</strong>
          {info.point && (
            <span className="muted">
              {info.point.name} · {info.point.code}
            </span>
          )}
        </div>
        <nav aria-label="Chức năng">
          {views.map((v, i) => (
            <button key={v.id} className={v.id === view?.id ? 'tab active' : 'tab'} aria-current={v.id === view?.id ? 'page' : undefined} onClick={() => setCurrent(v.id)} title={`Alt+${i + 1}`}>
              {t(v.label)}
            </button>
          ))}
        </nav>
        <div className="user">
          <span>
            {session.user.fullName} · {t(`role.${session.user.role}`)}
          </span>
          <button onClick={() => void api['auth.lock']({}).then(onLocked)} title="Ctrl+L">
            {t('nav.lock')}
          </button>
          <button onClick={() => void api['auth.signOut']({}).finally(onSignedOut)}>{t('nav.signOut')}</button>
        </div>
      </header>
      <ScanBanner />
      <main className="content">
        <NavigateContext.Provider value={setCurrent}>{view?.render()}</NavigateContext.Provider>
      </main>
      <FailedJobDialog />
    </div>
  );
}
