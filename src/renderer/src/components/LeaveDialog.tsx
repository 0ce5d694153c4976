import { useEffect, useRef } from 'react';
import { useLeaveGuardStore } from '../stores/leave-guard-store';

/** "Leave without saving?": focus starts on Stay, so Enter or Escape keeps the work; Tab then Enter discards it. */
export function LeaveDialog() {
  const question = useLeaveGuardStore((s) => s.question);
  const stay = useLeaveGuardStore((s) => s.stay);
  const leave = useLeaveGuardStore((s) => s.leave);
  const stayRef = useRef<HTMLButtonElement>(null);
  const returnTo = useRef<Element | null>(null);

  useEffect(() => {
    if (!question) return;
    returnTo.current = document.activeElement;
    stayRef.current?.focus();
  }, [question]);

  if (!question) return null;
  const keep = () => {
    stay();
    if (returnTo.current instanceof HTMLElement) returnTo.current.focus();
  };
  return (
    <div className="dialog-backdrop">
      <div
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="leave-title"
        aria-describedby="leave-message"
        className="dialog"
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            keep();
          } else if (event.key === 'Tab') {
            const buttons = Array.from(event.currentTarget.querySelectorAll('button'));
            const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
            event.preventDefault();
            buttons[(index + (event.shiftKey ? buttons.length - 1 : 1)) % buttons.length]?.focus();
          }
        }}
      >
        <h2 id="leave-title">Leave without saving?</h2>
        <p id="leave-message">{question.summary}</p>
        <div className="dialog-actions">
          <button ref={stayRef} type="button" className="primary" onClick={keep}>
            Stay and keep editing
          </button>
          <button type="button" className="danger" onClick={leave}>
            Discard changes
          </button>
        </div>
      </div>
    </div>
  );
}
