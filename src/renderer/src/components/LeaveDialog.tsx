import { useRef } from 'react';
import { useLeaveGuardStore } from '../stores/leave-guard-store';
import { ModalDialog } from './ModalDialog';

/** "Leave without saving?": focus starts on Stay, so Enter or Escape keeps the work; Tab then Enter discards it. */
export function LeaveDialog() {
  const question = useLeaveGuardStore((s) => s.question);
  const stay = useLeaveGuardStore((s) => s.stay);
  const leave = useLeaveGuardStore((s) => s.leave);
  const stayRef = useRef<HTMLButtonElement>(null);
  if (!question) return null;
  return (
    <ModalDialog
      id="leave"
      title="Leave without saving?"
      initialFocus={stayRef}
      onCancel={stay}
      actions={
        <>
          <button ref={stayRef} type="button" className="primary" onClick={stay}>
            Stay and keep editing
          </button>
          <button type="button" className="danger" onClick={leave}>
            Discard changes
          </button>
        </>
      }
    >
      <p>{question.summary}</p>
    </ModalDialog>
  );
}
