import type { OfflineReviewState } from '../../../../shared/lifecycle-schemas';
import { useLocaleFormat } from '../../hooks/useLocaleFormat';
import { countOf } from './review-words';

/**
 * Where the desk's answers come from when the team server is away, and what waits to be sent.
 * Always in the page (empty when there is nothing to say), so a change is announced.
 */
export function OfflineBanner({ state }: { state: OfflineReviewState | null }) {
  const format = useLocaleFormat();
  const waiting = state ? countOf(state.pending, 'decision', 'decisions', format.locale) : '';
  const copiedAt = state?.copiedAt ? format.formatDateTime(state.copiedAt) : 'an unknown time';
  let words: string | null = null;
  if (state?.offline) {
    words = `The team server cannot be reached: reviewing from this workstation's copy made at ${copiedAt}; ${waiting} waiting to be sent.`;
  } else if (state && state.pending > 0) {
    words = `The team server is back: ${waiting} made offline ${state.pending === 1 ? 'is' : 'are'} being sent.`;
  }
  return (
    <div role="status" className={words ? `review-offline${state?.offline ? ' is-offline' : ''}` : 'review-offline is-empty'}>
      {words && (
        <>
          <strong>{state?.offline ? 'Offline review' : 'Sending decisions'}</strong> <span>{words}</span>
          {state?.offline && <span className="hint">Your decisions are kept on this computer and sent, in order, when the server answers again.</span>}
        </>
      )}
    </div>
  );
}
