import { useEffect, useRef, useState } from 'react';
import type { MasterRecord, MasterRecordView } from '../../../../shared/admin-schemas';
import { ModalDialog } from '../../components/ModalDialog';
import { api } from '../../api';
import { KIND_DEFS } from './kind-fields';

interface DeleteRecordDialogProps {
  record: MasterRecord;
  /** With the outcome when something changed; null when the admin kept the record. */
  onDone(outcome: string | null): void;
}

/**
 * Asks before deleting. Main says first where the record is used: one in use is not offered for
 * deletion, the dialog names the places instead, and a cost center is offered deactivation.
 */
export function DeleteRecordDialog({ record, onDone }: DeleteRecordDialogProps) {
  const [view, setView] = useState<MasterRecordView | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const answerRef = useRef<HTMLButtonElement>(null);
  const keepRef = useRef<HTMLButtonElement>(null);
  const noun = KIND_DEFS[record.kind].noun;

  useEffect(() => {
    void api.readMasterRecord({ kind: record.kind, code: record.code }).then((result) => {
      if (result.ok) setView(result.value);
      else setMessage(result.error.message);
    });
  }, [record]);
  useEffect(() => {
    (answerRef.current ?? keepRef.current)?.focus();
  }, [view]);

  const run = async (action: 'delete' | 'deactivate') => {
    setBusy(true);
    const result =
      action === 'delete' ? await api.deleteMasterRecord({ kind: record.kind, code: record.code }) : await api.setCostCenterActive({ code: record.code, active: false });
    setBusy(false);
    if (result.ok) onDone(result.value.reason);
    else setMessage(result.error.message);
  };

  const deactivatable = view !== null && !view.deletable && view.record.kind === 'cost-center' && view.record.active;
  return (
    <ModalDialog
      id="master-delete"
      title={`Delete ${noun} ${record.code}?`}
      initialFocus={keepRef}
      onCancel={() => onDone(null)}
      busy={busy || view === null}
      actions={
        <>
          <button ref={keepRef} type="button" className="secondary" onClick={() => onDone(null)}>
            {view?.deletable ? 'Keep it' : 'Close'}
          </button>
          {view?.deletable && (
            <button ref={answerRef} type="button" className="danger" onClick={() => void run('delete')}>
              Delete {noun}
            </button>
          )}
          {deactivatable && (
            <button ref={answerRef} type="button" className="primary" onClick={() => void run('deactivate')}>
              Deactivate instead
            </button>
          )}
        </>
      }
    >
      {view === null && !message && <p>Checking where it is used…</p>}
      {view && (
        <p className={view.deletable ? undefined : 'master-in-use'} data-testid="master-usage">
          {view.deletable ? `${view.usage} Deleting cannot be undone.` : `It cannot be deleted. ${view.usage}`}
        </p>
      )}
      {message && (
        <p role="alert" className="settings-outcome is-refused">
          {message}
        </p>
      )}
    </ModalDialog>
  );
}
