import { useRef, useState } from 'react';
import type { ScanEvent } from '../../../shared/api/contract';
import { t } from '../../../shared/messages/vi';
import { TabPanel, Tabs } from '../lifecycle/controls';
import { useScans } from '../lifecycle/scans';
import { CounterTab } from './CounterTab';
import { PostmanTab } from './PostmanTab';

type Tab = 'counter' | 'postman';
export type ScanHandler = { current: ((e: ScanEvent) => void) | null };

/**
 * Trả kết quả: at the counter against the citizen's ID card, or by a postman's delivery list.
 * Scans go to the tab that is showing.
 */
export function DeliveryScreen() {
  const [tab, setTab] = useState<Tab>('counter');
  const counterScan: ScanHandler = useRef(null);
  const postmanScan: ScanHandler = useRef(null);
  useScans((e) => (tab === 'counter' ? counterScan : postmanScan).current?.(e));
  return (
    <div className="lc-screen">
      <h1>{t('ui.delivery.title')}</h1>
      <Tabs
        idBase="dl"
        label={t('ui.delivery.title')}
        current={tab}
        onChange={(id, clicked) => {
          setTab(id);
          if (clicked) setTimeout(() => document.querySelector<HTMLElement>(`#dl-panel-${id} input:not([type="radio"]):not([type="checkbox"])`)?.focus(), 0);
        }}
        tabs={[
          { id: 'counter', label: t('ui.delivery.tab.counter') },
          { id: 'postman', label: t('ui.delivery.tab.postman') },
        ]}
      />
      <TabPanel idBase="dl" id="counter" current={tab}>
        <CounterTab scanHandler={counterScan} />
      </TabPanel>
      <TabPanel idBase="dl" id="postman" current={tab}>
        <PostmanTab scanHandler={postmanScan} active={tab === 'postman'} />
      </TabPanel>
    </div>
  );
}
