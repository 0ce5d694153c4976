import { type KeyboardEvent, useEffect, useRef } from 'react';
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

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    confirmRef.current?.focus();
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    } else if (event.key === 'Tab') {
      const buttons = Array.from(event.currentTarget.querySelectorAll('button'));
      const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
      event.preventDefault();
      buttons[(index + (event.shiftKey ? buttons.length - 1 : 1)) % buttons.length]?.focus();
    }
  };

  return (
    <div className="dialog-backdrop">
      <div
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="confirm-changes-title"
        aria-describedby="confirm-changes-list"
        aria-busy={busy || undefined}
        className="dialog confirm-changes"
        onKeyDown={onKeyDown}
      >
        <h2 id="confirm-changes-title">{title}</h2>
        <ul id="confirm-changes-list" className="confirm-changes-list">
          {descriptions.map((description) => (
            <li key={description.summary}>{sentenceOf(description)}</li>
          ))}
        </ul>
        <p className="hint">
          {descriptions.length === 1 ? 'The change is' : 'Each change is'} recorded in the audit log. Enter saves · Esc cancels
        </p>
        <div className="dialog-actions">
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
        </div>
      </div>
    </div>
  );
}
