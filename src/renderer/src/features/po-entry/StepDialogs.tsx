import { useRef } from 'react';
import { ModalDialog } from '../../components/ModalDialog';
import { usePoEntryStore } from '../../stores/po-entry-store';
import { ReasonDialog } from './ReasonDialog';

interface StepConfirmProps {
  title: string;
  message: string;
  confirmLabel: string;
  cancelLabel: string;
  busy: boolean;
  onConfirm(): void;
  onCancel(): void;
}

/** A yes-or-no before a step that cannot be taken back; Enter says yes (focus starts there), Escape no. */
function StepConfirm({ title, message, confirmLabel, cancelLabel, busy, onConfirm, onCancel }: StepConfirmProps) {
  const confirmRef = useRef<HTMLButtonElement>(null);
  return (
    <ModalDialog
      id="step"
      title={title}
      initialFocus={confirmRef}
      onCancel={onCancel}
      busy={busy}
      actions={
        <>
          <button type="button" className="secondary" onClick={onCancel}>
            {cancelLabel}
          </button>
          <button ref={confirmRef} type="button" className="primary" aria-busy={busy || undefined} onClick={() => !busy && onConfirm()}>
            {busy ? 'Working…' : confirmLabel}
          </button>
        </>
      }
    >
      <p>{message}</p>
    </ModalDialog>
  );
}

/** The question a status-bar step asks before it is taken: a reason to cancel, a yes to release, close or start a change order. */
export function StepDialogs() {
  const question = usePoEntryStore((s) => s.stepQuestion);
  const po = usePoEntryStore((s) => s.po);
  const dirty = usePoEntryStore((s) => s.dirty);
  const busy = usePoEntryStore((s) => s.busy);
  const takeStep = usePoEntryStore((s) => s.takeStep);
  const dismiss = usePoEntryStore((s) => s.dismissStepQuestion);
  const clearStepError = usePoEntryStore((s) => s.clearStepError);
  if (!question || !po) return null;

  const n = po.number;
  const revision = po.standing.revision;
  switch (question.step) {
    case 'cancel':
      return (
        <ReasonDialog
          title={`Cancel ${n}?`}
          message={`A cancelled PO is kept but can only be viewed; nothing of it goes to the vendor. The reason goes to the audit log.${
            dirty && po.mode === 'change' ? ' Your unsaved changes are discarded.' : ''
          }`}
          confirmLabel={`Cancel ${n}`}
          cancelLabel="Keep the PO"
          error={question.error}
          busy={busy === 'stepping'}
          onConfirm={(reason) => void takeStep('cancel', reason)}
          onEdit={clearStepError}
          onCancel={dismiss}
        />
      );
    case 'release':
      return (
        <StepConfirm
          title={`Release ${n} to the vendor?`}
          message={`Revision ${revision} becomes the PO the vendor has, and its document is kept with it. After this it is changed only by a change order, and it can no longer be cancelled.`}
          confirmLabel={`Release revision ${revision}`}
          cancelLabel="Not yet"
          busy={busy === 'stepping'}
          onConfirm={() => void takeStep('release')}
          onCancel={dismiss}
        />
      );
    case 'close':
      return (
        <StepConfirm
          title={`Close ${n}?`}
          message={`A closed PO is finished: it can only be viewed, and no change order can be started on it.`}
          confirmLabel={`Close ${n}`}
          cancelLabel="Keep it open"
          busy={busy === 'stepping'}
          onConfirm={() => void takeStep('close')}
          onCancel={dismiss}
        />
      );
    case 'change-order':
      return (
        <StepConfirm
          title={`Start a change order on ${n}?`}
          message={`Revision ${revision + 1} becomes a draft to edit; revision ${revision} stays readable as the vendor has it. The change is submitted again, and needs approval again if its total rises above the approved total or a cost center changes.`}
          confirmLabel={`Start revision ${revision + 1}`}
          cancelLabel="Not now"
          busy={busy === 'stepping'}
          onConfirm={() => void takeStep('change-order')}
          onCancel={dismiss}
        />
      );
  }
}
