import { useConnectionStore } from '../../stores/connection-store';
import './connection.css';

/** Shown while the desk's server does not answer; it goes by itself once the retries reach it again. */
export function UnreachableBanner() {
  const connection = useConnectionStore((s) => s.connection);
  if (!connection || connection.reachable) return null;
  return (
    <div role="status" className="unreachable-banner">
      <strong>Team server unreachable — retrying…</strong>
      <span>
        {connection.serverUrl ?? 'The server'} does not answer. Anything you save meanwhile is refused with a message, never stored in part; this
        clears by itself when the server is back.
      </span>
    </div>
  );
}
