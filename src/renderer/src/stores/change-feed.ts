import { api } from '../api';
import { useAuditStore } from './audit-store';
import { usePoEntryStore } from './po-entry-store';
import { usePoListStore } from './po-list-store';
import { useSessionStore } from './session-store';

/**
 * Wires main's change notices to the stores, and clears per-operator state when the operator
 * changes. Called once at start; returns the unsubscribe.
 */
export function startChangeFeed(): () => void {
  const stopNotices = api.onChanged((notice) => {
    const session = useSessionStore.getState();
    if (notice.entities.includes('session')) void session.refreshOperator();
    if (!session.operator) return;
    if (notice.entities.includes('settings')) {
      void session.refreshSettings();
      usePoEntryStore.getState().settingsChanged();
    }
    if (notice.entities.includes('purchase-orders')) void usePoListStore.getState().load();
    if (notice.entities.includes('audit') && session.view === 'audit') void useAuditStore.getState().refresh();
  });

  const stopSession = useSessionStore.subscribe((state, previous) => {
    if (state.operator?.id === previous.operator?.id) return;
    usePoEntryStore.getState().reset();
    usePoListStore.getState().reset();
    useAuditStore.getState().reset();
  });

  return () => {
    stopNotices();
    stopSession();
  };
}
