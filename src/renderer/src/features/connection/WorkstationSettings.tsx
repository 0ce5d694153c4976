import { useState } from 'react';
import { useConnectionStore } from '../../stores/connection-store';
import { ConnectionChoiceForm } from './ConnectionChoiceForm';
import { connectionName, connectionSentence } from './connection-words';
import './connection.css';

/** Settings, "This workstation": where this computer's POs are kept, and (in the desktop app) changing it. */
export function WorkstationSettings() {
  const connection = useConnectionStore((s) => s.connection);
  const [changing, setChanging] = useState(false);
  if (!connection) return null;
  return (
    <section className="settings-card workstation-settings" aria-labelledby="workstation-title">
      <h2 id="workstation-title">This workstation</h2>
      <p>
        <strong>{connectionName(connection)}</strong>
      </p>
      <p className="hint">{connectionSentence(connection)}</p>
      {connection.canChoose &&
        (changing ? (
          <ConnectionChoiceForm current={connection} onCancel={() => setChanging(false)} note="Using another connection signs you out on this computer." />
        ) : (
          <div>
            <button type="button" className="secondary" onClick={() => setChanging(true)}>
              Change connection…
            </button>
          </div>
        ))}
    </section>
  );
}
