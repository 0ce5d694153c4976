import { useEffect } from 'react';
import { api } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useLocaleFormat } from '../../hooks/useLocaleFormat';
import { useShortcut } from '../../hooks/useShortcut';
import { usePoEntryStore } from '../../stores/po-entry-store';
import { TITLE_ID } from '../../stores/po-entry/save-slice';
import { CodingBox } from './coding/CodingBox';
import { SAVE_BUTTON_ID } from './field-ids';
import { LinesGrid } from './grid/LinesGrid';
import { HeaderFields } from './HeaderFields';
import { PoStatusBar } from './PoStatusBar';
import { ProblemSummary } from './ProblemSummary';
import { EntryReadinessNotice } from '../entry-readiness/EntryReadinessNotice';
import { RevisionDialog } from './RevisionDialog';
import { StepDialogs } from './StepDialogs';

/**
 * PO entry: where the PO stands and its steps, header with its reasons, the lines grid, save as
 * draft (Ctrl+S), submit (Ctrl+Enter), its document (Ctrl+P).
 */
export function PoEntryScreen() {
  const po = usePoEntryStore((s) => s.po);
  const busy = usePoEntryStore((s) => s.busy);
  const alert = usePoEntryStore((s) => s.alert);
  const notice = usePoEntryStore((s) => s.notice);
  const dirty = usePoEntryStore((s) => s.dirty);
  const focus = usePoEntryStore((s) => s.focus);
  const warehouses = usePoEntryStore((s) => s.warehouses);
  const save = usePoEntryStore((s) => s.save);
  const loadWarehouses = usePoEntryStore((s) => s.loadWarehouses);
  const open = usePoEntryStore((s) => s.open);
  const pendingRemoval = usePoEntryStore((s) => s.pendingRemoval);
  const confirmRemoveLine = usePoEntryStore((s) => s.confirmRemoveLine);
  const cancelRemoveLine = usePoEntryStore((s) => s.cancelRemoveLine);
  const largePo = usePoEntryStore((s) => s.largePo);
  const confirmLargePo = usePoEntryStore((s) => s.confirmLargePo);
  const cancelLargePo = usePoEntryStore((s) => s.cancelLargePo);
  const requestStep = usePoEntryStore((s) => s.requestStep);
  const saveDocument = usePoEntryStore((s) => s.saveDocument);
  const refreshStanding = usePoEntryStore((s) => s.refreshStanding);
  const revisionShown = usePoEntryStore((s) => s.revisionView?.revision ?? null);
  const asking = usePoEntryStore((s) => s.stepQuestion !== null || s.largePo !== null || s.pendingRemoval !== null || s.codingBox !== null);
  const { formatMoney } = useLocaleFormat();
  const viewing = po?.mode === 'view';
  const openForChange = () => {
    if (po && viewing && po.canChange) void open(po.id, 'change');
  };

  useShortcut('Mod+S', () => void save());
  useShortcut('Alt+C', openForChange, viewing && po.canChange);
  // Submit from anywhere on the screen; with unsaved edits it saves them first, as the button does.
  useShortcut('Mod+Enter', () => requestStep('submit'), !asking && revisionShown === null);
  // The PO's document, never the browser's print dialog: on the screen of a new PO too, which says to save first.
  useShortcut('Mod+P', () => void saveDocument(revisionShown ?? undefined));

  // A decision or change made elsewhere (a supervisor's approval) shows here without a reload.
  useEffect(
    () =>
      api.onChanged((notice) => {
        if (notice.entities.includes('purchase-orders')) void refreshStanding();
      }),
    [refreshStanding],
  );

  useEffect(() => {
    if (warehouses.length === 0) void loadWarehouses();
  }, [warehouses.length, loadWarehouses]);

  // Reload and window close: the browser (or Electron's main process) asks before unsaved work goes.
  useEffect(() => {
    if (!dirty || viewing) return;
    const ask = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [dirty, viewing]);

  // Header fields, the title and buttons take focus here; line cells are the grid's to bring into view.
  useEffect(() => {
    if (!focus || focus.id.startsWith('line-')) return;
    const element = document.getElementById(focus.id);
    if (!element) return;
    element.focus();
    if (element instanceof HTMLInputElement) element.select();
  }, [focus]);

  return (
    <main className="screen po-entry" aria-labelledby={TITLE_ID} aria-busy={busy !== 'idle'}>
      <header className="screen-header">
        <div>
          <h1 id={TITLE_ID} tabIndex={-1}>
            {po ? po.number : 'New purchase order'}
          </h1>
          <p className="screen-meta">
            {po ? (
              <>
                <span className={`badge mode-${po.mode}`}>{po.mode === 'view' ? 'Viewing' : 'Changing'}</span>
                <span>Version {po.version}</span>
                <span>Entered by {po.createdBy}</span>
              </>
            ) : (
              <span>Not saved yet</span>
            )}
            {dirty && <span className="badge unsaved">Unsaved changes</span>}
            {busy === 'loading' && <span>Loading…</span>}
          </p>
        </div>
      </header>

      {po === null && <EntryReadinessNotice />}
      <PoStatusBar />
      <ProblemSummary />
      {alert && (
        <div role="alert" className="alert">
          {alert}
        </div>
      )}
      {po && (
        <div className={`mode-banner mode-${po.mode}`} role="note" aria-label="Mode">
          {po.mode === 'change' ? (
            <span>{po.accessReason} Lines outside your cost centers stay read-only.</span>
          ) : po.canChange ? (
            <>
              <span>You are viewing {po.number}; nothing can be changed in this mode.</span>
              <button type="button" className="secondary" aria-keyshortcuts="Alt+C" onClick={openForChange}>
                Open for change <kbd aria-hidden="true">Alt+C</kbd>
              </button>
            </>
          ) : (
            <span>View only. {po.accessReason}</span>
          )}
        </div>
      )}

      <form
        className="po-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <HeaderFields viewing={viewing} />
        <LinesGrid />
        <div className="form-actions">
          <p role="status" className="save-notice">
            {notice}
          </p>
          <button
            id={SAVE_BUTTON_ID}
            type="submit"
            className="primary"
            aria-keyshortcuts="Control+S Meta+S"
            aria-busy={busy === 'saving'}
            disabled={viewing}
          >
            {busy === 'saving' ? 'Saving…' : 'Save draft'}
            <kbd aria-hidden="true">Ctrl+S</kbd>
          </button>
        </div>
      </form>
      {pendingRemoval && (
        <ConfirmDialog
          title={`Remove line ${pendingRemoval.number}?`}
          message={`“${pendingRemoval.description}” leaves the PO when you save.`}
          confirmLabel="Remove line"
          cancelLabel="Keep line"
          onConfirm={confirmRemoveLine}
          onCancel={cancelRemoveLine}
        />
      )}
      {largePo && (
        <ConfirmDialog
          title="Save a large PO?"
          message={`This PO totals ${formatMoney(largePo.totalMinor)}, above the large-PO amount of ${formatMoney(largePo.thresholdMinor)}. Saving records your confirmation in the audit log.`}
          confirmLabel={`Save ${formatMoney(largePo.totalMinor)}`}
          cancelLabel="Go back"
          onConfirm={() => void confirmLargePo()}
          onCancel={cancelLargePo}
        />
      )}
      <StepDialogs />
      <RevisionDialog />
      <CodingBox />
    </main>
  );
}
