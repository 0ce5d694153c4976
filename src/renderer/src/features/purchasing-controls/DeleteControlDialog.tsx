import { useRef } from 'react';
import { ModalDialog } from '../../components/ModalDialog';
import type { PendingControlDelete } from '../../stores/purchasing-controls-store';

interface DeleteControlDialogProps {
  pending: PendingControlDelete;
  busy: boolean;
  onConfirm(): void;
  onCancel(): void;
}

/** Asks before a billing entity or user group goes: Enter deletes, Escape keeps it. */
export function DeleteControlDialog({ pending, busy, onConfirm, onCancel }: DeleteControlDialogProps) {
  const confirmRef = useRef<HTMLButtonElement>(null);
  const isEntity = pending.kind === 'entity';
  const what = isEntity ? `billing entity ${pending.entity.code}` : `user group ${pending.group.name}`;
  return (
    <ModalDialog
      id="delete-control"
      title={`Delete ${what}?`}
      initialFocus={confirmRef}
      onCancel={onCancel}
      busy={busy}
      actions={
        <>
          <button type="button" className="secondary" onClick={onCancel}>
            {isEntity ? 'Keep the billing entity' : 'Keep the group'}
          </button>
          <button ref={confirmRef} type="button" className="danger" aria-disabled={busy || undefined} onClick={onConfirm}>
            {isEntity ? 'Delete billing entity' : 'Delete group'}
          </button>
        </>
      }
    >
      {isEntity ? (
        <p>
          <strong>{pending.entity.code}</strong> ({pending.entity.name}) and its cost-center links go; no user group sees it any more. A billing entity
          that POs carry is not deleted: deactivate it instead. The deletion is recorded in the audit log.
        </p>
      ) : (
        <p>
          The group <strong>{pending.group.name}</strong> goes: its {pending.group.members.length} member{pending.group.members.length === 1 ? '' : 's'} no
          longer see its billing entities through it. The deletion is recorded in the audit log.
        </p>
      )}
    </ModalDialog>
  );
}
