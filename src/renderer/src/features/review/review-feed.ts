import { api } from '../../api';
import { isApprover, useReviewStore } from '../../stores/review-store';
import { useSessionStore } from '../../stores/session-store';

/**
 * Keeps the review desk current: the queue (and the top bar's count) for a supervisor or admin,
 * refetched on main's change notices and when the connection comes or goes; this workstation's
 * offline copy alongside. A change of operator starts the desk afresh. Returns the unsubscribe.
 */
export function startReviewFeed(): () => void {
  const review = () => useReviewStore.getState();
  const approverSignedIn = () => isApprover(useSessionStore.getState().operator?.role);

  const refresh = () => {
    if (!approverSignedIn()) return;
    void review().loadQueue();
    void review().loadOffline();
  };

  const stopNotices = api.onChanged((notice) => {
    if (notice.entities.includes('review') || notice.entities.includes('purchase-orders')) refresh();
  });
  // Going offline or coming back changes where answers come from, and the replay may leave conflicts.
  const stopConnection = api.onConnectionChanged(() => refresh());

  const stopSession = useSessionStore.subscribe((state, previous) => {
    if (state.operator?.id === previous.operator?.id) return;
    // Signing in from a package opened at the sign-in screen: the package stays until it is closed.
    if (previous.operator !== null || review().source !== 'package') review().reset();
    refresh();
  });

  refresh();
  return () => {
    stopNotices();
    stopConnection();
    stopSession();
  };
}
