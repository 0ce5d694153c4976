import { type ReactNode, type RefObject, useEffect } from 'react';

interface ModalDialogProps {
  /** Prefix for the title's and message's ids. */
  id: string;
  title: string;
  /** The element that takes focus when the dialog opens: the answer Enter should give. */
  initialFocus: RefObject<HTMLElement | null>;
  onCancel(): void;
  busy?: boolean;
  className?: string;
  /** What the question says, referenced as the dialog's description. */
  children: ReactNode;
  actions: ReactNode;
  /** A question is an alertdialog; a dialog that shows something to read (a stored revision) is a dialog. */
  role?: 'alertdialog' | 'dialog';
}

/** What Tab moves through inside the dialog: its buttons and any field the question asks for. */
const FOCUSABLE = 'button:not(:disabled), textarea:not(:disabled), input:not(:disabled), select:not(:disabled), a[href]';

/**
 * A modal question (alertdialog): focus starts on `initialFocus`, Tab stays among the dialog's
 * buttons and fields, Escape cancels, and focus goes back to where it was when the dialog closes.
 */
export function ModalDialog({ id, title, initialFocus, onCancel, busy, className, children, actions, role = 'alertdialog' }: ModalDialogProps) {
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    initialFocus.current?.focus();
    return () => {
      if (opener?.isConnected && !document.querySelector('[aria-modal="true"]')) opener.focus();
    };
    // Opened once per mount: the ref's element is in place by the first effect.
  }, [initialFocus]);

  return (
    <div className="dialog-backdrop">
      <div
        role={role}
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-message`}
        aria-busy={busy || undefined}
        className={className ? `dialog ${className}` : 'dialog'}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            onCancel();
          } else if (event.key === 'Tab') {
            const stops = Array.from(event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE));
            const index = stops.indexOf(document.activeElement as HTMLElement);
            event.preventDefault();
            stops[(index + (event.shiftKey ? stops.length - 1 : 1)) % stops.length]?.focus();
          }
        }}
      >
        <h2 id={`${id}-title`}>{title}</h2>
        <div id={`${id}-message`}>{children}</div>
        <div className="dialog-actions">{actions}</div>
      </div>
    </div>
  );
}
