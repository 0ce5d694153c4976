import { useRef } from 'react';
import { ModalDialog } from '../../components/ModalDialog';
import { type SettingChangeDescription, sentenceOf } from './setting-changes';

interface ConfirmChangesDialogProps {
  title: string;
  descriptions: SettingChangeDescription[];
  confirmLabel: string;
  cancelLabel: string;
  busy: boolean;
  onConfirm(): void;
  onCancel(): void;
}

/**
 * A modal question that lists each change it would make. Focus starts on the confirming button, so
 * Enter confirms; Escape cancels; Tab stays inside; focus goes back where it was when it closes.
 */
export function ConfirmChangesDialog({ title, descriptions, confirmLabel, cancelLabel, busy, onConfirm, onCancel }: ConfirmChangesDialogProps) {
  const confirmRef = useRef<HTMLButtonElement>(null);
  return (
    <ModalDialog
      id="confirm-changes"
      title={title}
      initialFocus={confirmRef}
      onCancel={onCancel}
      busy={busy}
      className="confirm-changes"
      actions={
        <>
          <button type="button" className="secondary" onClick={onCancel}>
            {cancelLabel}
          </button>
          <button
            ref={confirmRef}
            type="button"
            className="primary"
            aria-disabled={busy || undefined}
            onClick={() => {
              if (!busy) onConfirm();
            }}
          >
            {busy ? 'Saving…' : confirmLabel}
          </button>
        </>
      }
    >
      <ul className="confirm-changes-list">
        {descriptions.map((description) => (
          <li key={description.summary}>{sentenceOf(description)}</li>
        ))}
      </ul>
      <p className="hint">
        {descriptions.length === 1 ? 'The change is' : 'Each change is'} recorded in the audit log. Enter saves · Esc cancels
      </p>
    </ModalDialog>
  );
}
