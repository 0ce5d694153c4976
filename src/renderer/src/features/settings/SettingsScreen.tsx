import { type KeyboardEvent, useEffect, useState } from 'react';
import { useSessionStore } from '../../stores/session-store';
import { ApprovalRulesPanel } from '../approval-rules/ApprovalRulesPanel';
import { WorkstationSettings } from '../connection/WorkstationSettings';
import { PurchasingControlsPanel } from '../purchasing-controls/PurchasingControlsPanel';
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

const tabId = (tab: SettingsTab) => `settings-tab-${tab}`;
const panelId = (tab: SettingsTab) => `settings-panel-${tab}`;

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

  // Tabs follow the usual keys: ← → between them (each shows its panel at once), Home and End to the ends.
  const onTabKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const index = TABS.findIndex((t) => t.id === shown);
    const next =
      event.key === 'ArrowRight' ? (index + 1) % TABS.length : event.key === 'ArrowLeft' ? (index + TABS.length - 1) % TABS.length : event.key === 'Home' ? 0 : event.key === 'End' ? TABS.length - 1 : -1;
    const target = TABS[next];
    if (!target) return;
    event.preventDefault();
    setTab(target.id);
    document.getElementById(tabId(target.id))?.focus();
  };

  const general = (
    <div className={`settings-layout${isAdmin ? ' for-admin' : ''}`}>
      <MyPreferences />
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
        <>
          <div role="tablist" aria-label="Settings sections" className="settings-tabs">
            {TABS.map((t) => (
              <button
                key={t.id}
                id={tabId(t.id)}
                type="button"
                role="tab"
                className="settings-tab"
                aria-selected={shown === t.id}
                aria-controls={panelId(t.id)}
                tabIndex={shown === t.id ? 0 : -1}
                onClick={() => setTab(t.id)}
                onKeyDown={onTabKeyDown}
              >
                {t.label}
              </button>
            ))}
          </div>
          <div role="tabpanel" id={panelId(shown)} aria-labelledby={tabId(shown)}>
            {shown === 'general' ? general : shown === 'approval-rules' ? <ApprovalRulesPanel /> : <PurchasingControlsPanel />}
          </div>
        </>
      ) : (
        general
      )}
    </main>
  );
}
