import { useEffect, useState } from 'react';
import { ScreenTabs } from '../../components/ScreenTabs';
import { useSessionStore } from '../../stores/session-store';
import { ApprovalRulesPanel } from '../approval-rules/ApprovalRulesPanel';
import { WorkstationSettings } from '../connection/WorkstationSettings';
import { PurchasingControlsPanel } from '../purchasing-controls/PurchasingControlsPanel';
import { ChangePasswordForm } from './ChangePasswordForm';
import { InstallationSettings } from './InstallationSettings';
import { LockedSignIns } from './LockedSignIns';
import { MyPreferences } from './MyPreferences';
import './settings.css';

type SettingsTab = 'general' | 'approval-rules' | 'billing-entities';

const TABS: { id: SettingsTab; label: string }[] = [
  { id: 'general', label: 'General' },
  { id: 'approval-rules', label: 'Approval rules' },
  { id: 'billing-entities', label: 'Billing entities and groups' },
];


/**
 * Every operator's own preferences; for admins also the installation's settings and sign-in unlocks.
 * Supervisors and admins have more tabs: the approval rules, and the billing entities and user groups
 * the cost-center list at entry is made from (admins change them, supervisors read them).
 */
export function SettingsScreen() {
  const operator = useSessionStore((s) => s.operator);
  const settings = useSessionStore((s) => s.settings);
  const isAdmin = operator?.role === 'admin';
  const readsRules = operator?.role === 'admin' || operator?.role === 'supervisor';
  const [tab, setTab] = useState<SettingsTab>('general');
  const shown: SettingsTab = readsRules ? tab : 'general';

  useEffect(() => {
    document.getElementById('my-locale')?.focus();
  }, []);

  const general = (
    <div className={`settings-layout${isAdmin ? ' for-admin' : ''}`}>
      <MyPreferences />
      <ChangePasswordForm />
      {isAdmin &&
        (settings ? (
          <InstallationSettings settings={settings} />
        ) : (
          <p role="alert" className="alert settings-unreadable">
            The installation settings could not be read from the desk service. Reopen Settings to try again.
          </p>
        ))}
      {isAdmin && <LockedSignIns />}
      <WorkstationSettings />
    </div>
  );

  const meta = isAdmin
    ? 'Your own preferences, the settings of this installation, its approval rules, billing entities and user groups.'
    : readsRules
      ? 'Your own preferences, the approval rules you review under, and the billing entities and user groups.'
      : 'Your own preferences.';

  return (
    <main className="screen settings-screen" aria-labelledby="settings-title">
      <header className="screen-header">
        <div>
          <h1 id="settings-title">Settings</h1>
          <p className="screen-meta">{meta}</p>
        </div>
      </header>
      {readsRules ? (
          <ScreenTabs idPrefix="settings" label="Settings sections" tabs={TABS} shown={shown} onShow={setTab}>
            {shown === 'general' ? general : shown === 'approval-rules' ? <ApprovalRulesPanel /> : <PurchasingControlsPanel />}
          </ScreenTabs>
      ) : (
        general
      )}
    </main>
  );
}
