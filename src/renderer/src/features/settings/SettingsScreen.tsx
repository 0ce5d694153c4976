import { useEffect } from 'react';
import { useSessionStore } from '../../stores/session-store';
import { WorkstationSettings } from '../connection/WorkstationSettings';
import { InstallationSettings } from './InstallationSettings';
import { LockedSignIns } from './LockedSignIns';
import { MyPreferences } from './MyPreferences';
import './settings.css';

/** Every operator's own preferences; for admins also the installation's settings and sign-in unlocks. */
export function SettingsScreen() {
  const operator = useSessionStore((s) => s.operator);
  const settings = useSessionStore((s) => s.settings);
  const isAdmin = operator?.role === 'admin';

  useEffect(() => {
    document.getElementById('my-locale')?.focus();
  }, []);

  return (
    <main className="screen settings-screen" aria-labelledby="settings-title">
      <header className="screen-header">
        <div>
          <h1 id="settings-title">Settings</h1>
          <p className="screen-meta">{isAdmin ? 'Your own preferences, and the settings of this installation.' : 'Your own preferences.'}</p>
        </div>
      </header>
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
    </main>
  );
}
