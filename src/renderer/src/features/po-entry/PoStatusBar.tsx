import type { PoStep } from '../../../../shared/lifecycle-schemas';
import { useLocaleFormat } from '../../hooks/useLocaleFormat';
import { usePoEntryStore } from '../../stores/po-entry-store';
import { optionOf, STATUS_LABEL, STEP_LABEL, STEPS_AT } from './po-status-words';
import './po-status.css';

export const STATUS_BAR_TITLE_ID = 'po-status-title';
const stepButtonId = (step: PoStep) => `po-step-${step}`;
const stepReasonId = (step: PoStep) => `po-step-${step}-reason`;

const SHORTCUT: Partial<Record<PoStep, { label: string; aria: string }>> = {
  submit: { label: 'Ctrl+Enter', aria: 'Control+Enter Meta+Enter' },
};

/**
 * Where a stored PO stands: its status and revision, why it is there, the band and approvals, its
 * revisions, and the steps open now. A step main refuses stays on the bar, focusable and marked
 * unavailable, with main's reason beside it, so the operator reads why rather than finding nothing.
 */
export function PoStatusBar() {
  const po = usePoEntryStore((s) => s.po);
  const dirty = usePoEntryStore((s) => s.dirty);
  const busy = usePoEntryStore((s) => s.busy);
  const documentBusy = usePoEntryStore((s) => s.documentBusy);
  const requestStep = usePoEntryStore((s) => s.requestStep);
  const saveDocument = usePoEntryStore((s) => s.saveDocument);
  const showRevision = usePoEntryStore((s) => s.showRevision);
  const { formatDateTime } = useLocaleFormat();
  if (!po) return null;

  const { standing } = po;
  const unsaved = dirty && po.mode === 'change';
  const steps = STEPS_AT[po.status].flatMap((step) => {
    const option = optionOf(standing.actions, step);
    return option ? [{ step, option }] : [];
  });
  const refused = steps.filter(({ option }) => !option.allowed);
  const submitOption = steps.find(({ step }) => step === 'submit')?.option;
  // A draft with a note was sent back (rejected, recalled, a change order): the operator must read why.
  const noteNeedsAttention = po.status === 'draft' && standing.statusNote !== null;
  const canApprove = standing.actions.some((option) => option.action === 'approve' && option.allowed);

  const label = (step: PoStep) => (step === 'submit' && unsaved ? 'Save and submit' : STEP_LABEL[step]);

  return (
    <section className={`po-status-bar status-${po.status}`} aria-label={`Where ${po.number} stands`} aria-busy={busy === 'stepping' || undefined}>
      <div className="po-status-main">
        <div className="po-status-where">
          <h2 id={STATUS_BAR_TITLE_ID} className="po-status-title">
            <span className="sr-only">Status: </span>
            <span className={`badge status-${po.status}`}>{STATUS_LABEL[po.status]}</span>{' '}
            <span className="po-status-revision">Revision {standing.revision}</span>
          </h2>
          {standing.statusChangedAt && (
            <span className="po-status-since">
              since <time dateTime={standing.statusChangedAt}>{formatDateTime(standing.statusChangedAt)}</time>
            </span>
          )}
        </div>
        <div className="po-status-actions" role="group" aria-label={`Steps for ${po.number}`}>
          {steps.map(({ step, option }) => (
            <button
              key={step}
              id={stepButtonId(step)}
              type="button"
              className={step === steps[0]?.step && option.allowed ? 'primary' : 'secondary'}
              // Unavailable but focusable (not `disabled`): Tab reaches it and reads the reason.
              aria-disabled={!option.allowed || busy !== 'idle' || undefined}
              aria-describedby={!option.allowed ? stepReasonId(step) : undefined}
              aria-keyshortcuts={SHORTCUT[step]?.aria}
              onClick={() => requestStep(step)}
            >
              {label(step)}
              {SHORTCUT[step] && option.allowed && <kbd aria-hidden="true">{SHORTCUT[step].label}</kbd>}
            </button>
          ))}
          <button type="button" className="secondary" aria-keyshortcuts="Control+P Meta+P" aria-busy={documentBusy || undefined} onClick={() => void saveDocument()}>
            {documentBusy ? 'Making PDF…' : 'Document (PDF)'}
            <kbd aria-hidden="true">Ctrl+P</kbd>
          </button>
        </div>
      </div>

      {standing.statusNote && (
        <p className={noteNeedsAttention ? 'po-status-note attention' : 'po-status-note'}>
          <span className="sr-only">Why: </span>
          {standing.statusNote}
        </p>
      )}
      {submitOption?.allowed && (
        <p className="po-status-hint">
          <strong>On submit:</strong> {submitOption.reason}
          {unsaved && ' You have unsaved changes: “Save and submit” saves them first, then submits what was saved.'}
        </p>
      )}

      {refused.length > 0 && (
        <ul className="po-status-refusals" aria-label="Steps not open now">
          {refused.map(({ step, option }) => (
            <li key={step} id={stepReasonId(step)}>
              <strong>{STEP_LABEL[step].replace('…', '')}:</strong> {option.reason}
            </li>
          ))}
        </ul>
      )}
      {canApprove && <p className="po-status-hint">You may approve or reject this PO from the review desk: Review in the top bar.</p>}

      {(standing.band || standing.progress || standing.approvals.length > 0 || standing.revisions.length > 1) && (
        <dl className="po-status-facts">
          {standing.band && (
            <div>
              <dt>Band</dt>
              <dd>{standing.band}</dd>
            </div>
          )}
          {standing.progress && (
            <div>
              <dt>Progress</dt>
              <dd>{standing.progress}</dd>
            </div>
          )}
          {standing.approvals.length > 0 && (
            <div>
              <dt>Approvals</dt>
              <dd>
                <ul className="po-status-approvals">
                  {standing.approvals.map((approval) => (
                    <li key={`${approval.revision}-${approval.at}-${approval.approverName}`} className={approval.voided ? 'voided' : undefined}>
                      {approval.approverName} ({approval.approverRole}), <time dateTime={approval.at}>{formatDateTime(approval.at)}</time>
                      {standing.revisions.length > 1 && `, revision ${approval.revision}`}
                      {approval.voided && <span className="badge">void</span>}
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          )}
          {standing.revisions.length > 1 && (
            <div>
              <dt>Revisions</dt>
              <dd>
                <ul className="po-status-revisions">
                  {standing.revisions.map((entry) => (
                    <li key={entry.revision}>
                      <button
                        type="button"
                        className="link-button"
                        aria-label={`Read revision ${entry.revision}${entry.revision === standing.revision ? ' (on screen)' : ''}`}
                        onClick={() => void showRevision(entry.revision)}
                      >
                        Revision {entry.revision}
                      </button>
                      <span className="muted">
                        {entry.releasedAt ? ` released ${formatDateTime(entry.releasedAt)}` : ' not released'}
                        {entry.revision === standing.revision ? ' (on screen)' : ''}
                      </span>
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          )}
        </dl>
      )}
    </section>
  );
}
