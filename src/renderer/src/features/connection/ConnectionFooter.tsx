import { useConnectionStore } from '../../stores/connection-store';
import { connectionName } from './connection-words';
import './connection.css';

/** Under the sign-in screen of the desktop app: which desk this computer signs in to, and a way to change it. */
export function ConnectionFooter() {
  const connection = useConnectionStore((s) => s.connection);
  const startChoosing = useConnectionStore((s) => s.startChoosing);
  if (!connection?.canChoose) return null;
  return (
    <footer className="connection-footer">
      <span>
        Connection: <strong>{connectionName(connection)}</strong>
      </span>
      <button type="button" className="link-button" onClick={startChoosing}>
        Change connection
      </button>
    </footer>
  );
}
