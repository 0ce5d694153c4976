import { useRef } from 'react';
import type { ApprovalBandView } from '../../../../shared/lifecycle-schemas';
import { ModalDialog } from '../../components/ModalDialog';

interface DeleteBandDialogProps {
  band: ApprovalBandView;
  busy: boolean;
  onConfirm(): void;
  onCancel(): void;
}

/** Asks before a band goes: Enter deletes, Escape keeps it. */
export function DeleteBandDialog({ band, busy, onConfirm, onCancel }: DeleteBandDialogProps) {
  const confirmRef = useRef<HTMLButtonElement>(null);
  return (
    <ModalDialog
      id="delete-band"
      title="Delete this approval band?"
      initialFocus={confirmRef}
      onCancel={onCancel}
      busy={busy}
      actions={
        <>
          <button type="button" className="secondary" onClick={onCancel}>
            Keep the band
          </button>
          <button ref={confirmRef} type="button" className="danger" aria-disabled={busy || undefined} onClick={onConfirm}>
            Delete band
          </button>
        </>
      }
    >
      <p>
        The band <strong>{band.label}</strong> will no longer apply. POs already submitted keep the band they were submitted under; the deletion is
        recorded in the audit log.
      </p>
    </ModalDialog>
  );
}
