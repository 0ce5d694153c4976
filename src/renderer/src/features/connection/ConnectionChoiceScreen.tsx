import { useConnectionStore } from '../../stores/connection-store';
import { ConnectionChoiceForm } from './ConnectionChoiceForm';
import './connection.css';

/**
 * The Electron app's first run (nothing chosen yet), and the same choice opened from the sign-in
 * screen; after a choice the app goes on to sign-in on the desk it leads to.
 */
export function ConnectionChoiceScreen() {
  const connection = useConnectionStore((s) => s.connection);
  const stopChoosing = useConnectionStore((s) => s.stopChoosing);
  if (!connection) return null;
  const firstRun = connection.mode === 'unchosen';
  return (
    <main className="sign-in connection-screen" aria-labelledby="connection-title">
      <section className="sign-in-card connection-card">
        <div className="brand brand-large" aria-hidden="true">
          PD
        </div>
        <h1 id="connection-title">{firstRun ? 'Set up this computer' : 'Connection of this computer'}</h1>
        <p className="muted">
          {firstRun
            ? 'Choose where this computer keeps its purchase orders. You can change it later under Settings, This workstation.'
            : 'Choose where this computer keeps its purchase orders. Nothing changes until you use the new choice.'}
        </p>
        {connection.problem && (
          <p role="alert" className="alert">
            {connection.problem}
          </p>
        )}
        <ConnectionChoiceForm current={connection} onCancel={firstRun ? undefined : stopChoosing} />
      </section>
    </main>
  );
}
