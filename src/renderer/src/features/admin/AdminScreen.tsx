import { useState } from 'react';
import { ScreenTabs, type ScreenTab } from '../../components/ScreenTabs';
import { leaveScreenThen } from '../../stores/leave-guard-store';
import { useSessionStore } from '../../stores/session-store';
import { AccessSimulatorPanel } from '../access-simulator/AccessSimulatorPanel';
import { CodingAdminPanel } from '../coding-admin/CodingAdminPanel';
import { ImportPanel } from '../imports/ImportPanel';
import { MasterDataPanel } from '../master-data/MasterDataPanel';
import { OperatorsPanel } from '../operators/OperatorsPanel';

type AdminTab = 'master-data' | 'operators' | 'simulator' | 'imports' | 'coding';

const TABS: readonly ScreenTab<AdminTab>[] = [
  { id: 'master-data', label: 'Master data' },
  { id: 'operators', label: 'Operators' },
  { id: 'simulator', label: 'What may this operator do?' },
  { id: 'imports', label: 'Import' },
  { id: 'coding', label: 'Row coding' },
];

/** Administration: admins keep the desk's master data, operators and coding; supervisors read them. */
export function AdminScreen() {
  const isAdmin = useSessionStore((s) => s.operator?.role === 'admin');
  const [tab, setTab] = useState<AdminTab>('master-data');
  return (
    <main className="screen admin-screen" aria-labelledby="admin-title">
      <header className="screen-header">
        <div>
          <h1 id="admin-title">Administration</h1>
          <p className="screen-meta">
            {isAdmin
              ? 'Master data, operators and row coding of this desk; every change is audited.'
              : 'Master data, operators and row coding of this desk, to read; admins change them.'}
          </p>
        </div>
      </header>
      <ScreenTabs idPrefix="admin" label="Administration sections" tabs={TABS} shown={tab} onShow={(next) => leaveScreenThen(() => setTab(next))}>
        {tab === 'master-data' && <MasterDataPanel />}
        {tab === 'operators' && <OperatorsPanel />}
        {tab === 'simulator' && <AccessSimulatorPanel />}
        {tab === 'imports' && <ImportPanel />}
        {tab === 'coding' && <CodingAdminPanel />}
      </ScreenTabs>
    </main>
  );
}
