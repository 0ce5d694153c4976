import { useEffect, useRef } from 'react';
import { formatScaled } from '../../../../shared/locale-format';
import { useLocaleFormat } from '../../hooks/useLocaleFormat';
import { shownRows, useReviewStore } from '../../stores/review-store';
import { useSessionStore } from '../../stores/session-store';
import { ConflictsPanel } from './ConflictsPanel';
import { CONFIRM_ID, REASON_ID } from './DecisionBar';
import { ImportResults } from './ImportResults';
import { OfflineBanner } from './OfflineBanner';
import { PackageBar } from './PackageBar';
import { DETAIL_TITLE_ID, ReviewDetailPane } from './ReviewDetailPane';
import { ReviewFileTools } from './ReviewFileTools';
import { focusRow, ReviewQueue } from './ReviewQueue';
import { type ReviewKeyAction, reviewKeyAction, reviewKeyTargetOf } from './review-keys';
import './review.css';

const TITLE_ID = 'review-title';
/** Offline state can change without a notice (the server goes away); it is asked again this often while the desk is open. */
const OFFLINE_POLL_MS = 15_000;

const focusFacts = (target: EventTarget | null) => {
  const element = target instanceof HTMLElement ? target : null;
  return {
    tagName: element?.tagName ?? 'BODY',
    type: element instanceof HTMLInputElement ? element.type : undefined,
    isContentEditable: element?.isContentEditable ?? false,
    inDialog: element?.closest('[role="dialog"], [role="alertdialog"], dialog') != null,
    isReasonBox: element?.id === REASON_ID,
  };
};

function runKey(action: ReviewKeyAction): void {
  const review = useReviewStore.getState();
  switch (action) {
    case 'next':
      review.move(1);
      return;
    case 'previous':
      review.move(-1);
      return;
    case 'approve':
    case 'reject':
      review.startDecision(action);
      return;
    case 'confirm':
      void review.confirmDecision();
      return;
    case 'cancel':
      review.cancelDecision();
      return;
  }
}

/**
 * "Needs my review": the queue beside the selected PO, read-only, decided by keys. The same screen
 * reviews a package opened from a file, where decisions are collected for a decisions file.
 */
export function ReviewDeskScreen() {
  const { locale } = useLocaleFormat();
  const signedIn = useSessionStore((s) => s.operator !== null);
  const source = useReviewStore((s) => s.source);
  const rows = useReviewStore(shownRows);
  const queueStatus = useReviewStore((s) => s.queueStatus);
  const queueError = useReviewStore((s) => s.queueError);
  const selectedId = useReviewStore((s) => s.selectedId);
  const detail = useReviewStore((s) => s.detail);
  const detailStatus = useReviewStore((s) => s.detailStatus);
  const detailError = useReviewStore((s) => s.detailError);
  const pendingKind = useReviewStore((s) => s.pending?.decision ?? null);
  const outcome = useReviewStore((s) => s.outcome);
  const offline = useReviewStore((s) => s.offline);
  const pkg = useReviewStore((s) => s.pkg);
  const packageDecisions = useReviewStore((s) => s.packageDecisions);
  const fileProblem = useReviewStore((s) => s.fileProblem);
  const importResults = useReviewStore((s) => s.importResults);
  const { select, decideAgain, dismissConflict, clearImportResults } = useReviewStore.getState();
  const screenRef = useRef<HTMLElement>(null);
  const mainRef = useRef<HTMLDivElement>(null);
  const focusedOnArrival = useRef(false);

  useEffect(() => {
    if (!signedIn) return;
    const review = useReviewStore.getState();
    if (review.source === 'desk') void review.loadQueue();
    void review.loadOffline();
    const timer = setInterval(() => void useReviewStore.getState().loadOffline(), OFFLINE_POLL_MS);
    return () => clearInterval(timer);
  }, [signedIn]);

  // The queue and the decision stick just under the top bar, whose height changes with the window's width.
  useEffect(() => {
    const screen = screenRef.current;
    const bar = document.querySelector<HTMLElement>('.top-bar');
    if (!screen || !bar) return;
    const place = () => screen.style.setProperty('--review-sticky-top', `${Math.ceil(bar.getBoundingClientRect().height) + 12}px`);
    place();
    const observer = new ResizeObserver(place);
    observer.observe(bar);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const action = reviewKeyAction(event, reviewKeyTargetOf(focusFacts(event.target)), useReviewStore.getState().pending?.decision ?? null);
      if (!action) return;
      event.preventDefault();
      // Holding J or K walks the queue; holding any other key must not decide twice.
      if (event.repeat && action !== 'next' && action !== 'previous') return;
      runKey(action);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  // Focus follows the decision: the question's button, or the reason box; else the selected PO in the queue,
  // unless the operator has gone elsewhere on the screen (the file buttons, a conflict).
  useEffect(() => {
    if (pendingKind === 'approve') {
      document.getElementById(CONFIRM_ID)?.focus({ preventScroll: true });
      document.querySelector('.review-decision')?.scrollIntoView({ block: 'nearest' });
      return;
    }
    if (pendingKind === 'reject') {
      // The whole box in view, its buttons too, not only the text area focus would scroll to.
      document.getElementById(REASON_ID)?.focus({ preventScroll: true });
      document.querySelector('.review-decision')?.scrollIntoView({ block: 'nearest' });
      return;
    }
    const active = document.activeElement;
    const arriving = !focusedOnArrival.current && selectedId !== null;
    if (arriving || active === null || active === document.body || mainRef.current?.contains(active)) {
      focusedOnArrival.current ||= selectedId !== null;
      focusRow(selectedId);
    }
  }, [pendingKind, selectedId]);

  const onDecideAgain = (poId: number) => {
    // After React has shown the PO: the reader lands on its title, above the reason it can (not) be decided.
    void decideAgain(poId).then(() => requestAnimationFrame(() => document.getElementById(DETAIL_TITLE_ID)?.focus()));
  };

  const count = rows.length;
  const waiting =
    source === 'package'
      ? `${formatScaled(count, 0, locale)} ${count === 1 ? 'PO' : 'POs'} in the package`
      : count === 0
        ? 'Nothing waits for you'
        : `${formatScaled(count, 0, locale)} ${count === 1 ? 'PO waits' : 'POs wait'} for you, oldest first`;

  return (
    <main ref={screenRef} className="screen review-desk" aria-labelledby={TITLE_ID} data-review-source={source}>
      {signedIn && source === 'desk' && <OfflineBanner state={offline} />}
      <header className="screen-header review-header">
        <div>
          <h1 id={TITLE_ID}>{source === 'package' ? 'Review package' : 'Needs my review'}</h1>
          <p className="screen-meta">
            {(source === 'package' || queueStatus === 'ready') && <span className="review-count">{waiting}</span>}
            <span className="hint">J K move · A approve · R reject · Enter confirms · Esc cancels</span>
          </p>
        </div>
        {signedIn && source === 'desk' && <ReviewFileTools />}
      </header>

      {pkg && source === 'package' && <PackageBar pkg={pkg} />}
      {fileProblem && (
        <div role="alert" className="alert">
          {fileProblem}
        </div>
      )}
      {importResults && <ImportResults fileName={importResults.fileName} results={importResults.results} onClose={clearImportResults} />}
      {source === 'desk' && offline && (
        <ConflictsPanel conflicts={offline.conflicts} onDecideAgain={onDecideAgain} onDismiss={(id) => void dismissConflict(id)} />
      )}
      <p role="status" className={outcome ? 'review-outcome' : 'review-outcome is-empty'}>
        {outcome}
      </p>

      <div className="review-main" ref={mainRef}>
        <div className="review-queue-pane">
          {queueError && source === 'desk' && (
            <div role="alert" className="alert">
              {queueError}
            </div>
          )}
          {count > 0 ? (
            <ReviewQueue rows={rows} selectedId={selectedId} labelledBy={TITLE_ID} decisions={source === 'package' ? packageDecisions : undefined} onSelect={(id) => void select(id)} />
          ) : (
            (source === 'package' || queueStatus === 'ready') && (
              <p className="empty-state review-empty">{source === 'package' ? 'This package holds no POs.' : 'Nothing waits for your review.'}</p>
            )
          )}
        </div>
        <div className="review-detail-pane" aria-busy={detailStatus === 'loading' || undefined}>
          {detail && detail.po.id === selectedId ? (
            <ReviewDetailPane detail={detail} source={source} />
          ) : detailStatus === 'error' ? (
            <div role="alert" className="alert">
              {detailError}
            </div>
          ) : detailStatus === 'loading' ? (
            <p className="muted review-detail-loading">Opening the PO…</p>
          ) : null}
        </div>
      </div>
    </main>
  );
}
