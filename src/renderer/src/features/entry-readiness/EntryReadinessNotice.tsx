import { useEffect, useState } from 'react';
import type { EntryReadinessView } from '../../../../shared/operator-admin-schemas';
import { api } from '../../api';
import './entry-readiness.css';

/**
 * On the PO entry screen: when cost centers are in use and the operator has no scheme (or one that
 * allows no active cost center), says why they cannot enter POs and what to ask for, before they
 * type anything. Asked again when an admin changes operators or settings. Says nothing otherwise.
 */
export function EntryReadinessNotice() {
  const [readiness, setReadiness] = useState<EntryReadinessView | null>(null);

  useEffect(() => {
    let live = true;
    const load = () =>
      void api.poEntryReadiness({}).then((result) => {
        if (live && result.ok) setReadiness(result.value);
      });
    load();
    const stop = api.onChanged((notice) => {
      if (notice.entities.some((entity) => entity === 'operators' || entity === 'master-data' || entity === 'settings' || entity === 'session')) load();
    });
    return () => {
      live = false;
      stop();
    };
  }, []);

  if (readiness === null || readiness.allowed) return null;
  return (
    <div className="entry-readiness note" role="alert" data-rule={readiness.rule}>
      <strong>You cannot enter POs yet.</strong> {readiness.reason}
    </div>
  );
}
