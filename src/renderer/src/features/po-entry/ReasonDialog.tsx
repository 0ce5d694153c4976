import { useId, useRef, useState } from 'react';
import { formatScaled } from '../../../../shared/locale-format';
import { ModalDialog } from '../../components/ModalDialog';
import { useLocaleFormat } from '../../hooks/useLocaleFormat';

interface ReasonDialogProps {
  title: string;
  /** What the step does and who reads the reason. */
  message: string;
  confirmLabel: string;
  cancelLabel: string;
  /** Main's refusal, or the screen's own "give a reason", shown under the field. */
  error: string | null;
  busy: boolean;
  onConfirm(reason: string): void;
  /** Typing again: a refusal shown under the field is about the reason as it was. */
  onEdit(): void;
  onCancel(): void;
}

const MAX_REASON = 500;

/**
 * A step that needs a reason (cancel): focus starts in the reason field, Ctrl+Enter confirms,
 * Escape keeps the PO as it is. A blank reason is refused in words, here and again by main.
 */
export function ReasonDialog({ title, message, confirmLabel, cancelLabel, error, busy, onConfirm, onEdit, onCancel }: ReasonDialogProps) {
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const [reason, setReason] = useState('');
  const { locale } = useLocaleFormat();
  const fieldId = useId();
  const errorId = `${fieldId}-error`;
  const countId = `${fieldId}-count`;
  const confirm = () => {
    if (!busy) onConfirm(reason);
  };
  return (
    <ModalDialog
      id="reason"
      title={title}
      initialFocus={fieldRef}
      onCancel={onCancel}
      busy={busy}
      className="reason-dialog"
      actions={
        <>
          <button type="button" className="secondary" onClick={onCancel}>
            {cancelLabel}
          </button>
          <button type="button" className="danger" aria-keyshortcuts="Control+Enter" aria-busy={busy || undefined} onClick={confirm}>
            {busy ? 'Working…' : confirmLabel}
          </button>
        </>
      }
    >
      <p>{message}</p>
      <label htmlFor={fieldId} className="reason-label">
        Reason (required)
      </label>
      <textarea
        ref={fieldRef}
        id={fieldId}
        rows={3}
        maxLength={MAX_REASON}
        value={reason}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${errorId} ${countId}` : countId}
        onChange={(event) => {
          setReason(event.target.value);
          onEdit();
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            // Stops here: the screen's own Ctrl+Enter (submit) must not also run.
            event.preventDefault();
            event.stopPropagation();
            confirm();
          }
        }}
      />
      <div className="reason-foot">
        <span id={errorId} className="field-error" role={error ? 'alert' : undefined}>
          {error}
        </span>
        <span id={countId} className="reason-count">
          {formatScaled(reason.length, 0, locale)} / {formatScaled(MAX_REASON, 0, locale)} · Ctrl+Enter confirms
        </span>
      </div>
    </ModalDialog>
  );
}
