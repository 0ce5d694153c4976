import { useEffect, useState } from 'react';
import type { ApprovalBandView } from '../../../../shared/lifecycle-schemas';
import { api } from '../../api';
import { type RulesOutcome, useApprovalRulesStore } from '../../stores/approval-rules-store';
import { useSessionStore } from '../../stores/session-store';
import { ApproversTable } from './ApproversTable';
import { BandForm } from './BandForm';
import { BandsTable, focusBandRow } from './BandsTable';
import { DeleteBandDialog } from './DeleteBandDialog';
import './approval-rules.css';

const ADD_BUTTON_ID = 'approval-band-add';

/** Kept in place for screen readers; says what the last change under this table did. */
function Outcome({ outcome, about }: { outcome: RulesOutcome | null; about: RulesOutcome['about'] }) {
  const shown = outcome?.about === about ? outcome : null;
  return (
    <p role="status" className={`settings-outcome approval-outcome${shown?.kind === 'refused' ? ' is-refused' : ''}`}>
      {shown?.message}
    </p>
  );
}

const afterRender = (work: () => void) => setTimeout(work, 0);

/** The approval rules: every band and who approves with their limits. Admins change them; supervisors read them. */
export function ApprovalRulesPanel() {
  const canEdit = useSessionStore((s) => s.operator?.role === 'admin');
  const view = useApprovalRulesStore((s) => s.view);
  const status = useApprovalRulesStore((s) => s.status);
  const loadError = useApprovalRulesStore((s) => s.loadError);
  const draft = useApprovalRulesStore((s) => s.draft);
  const outcome = useApprovalRulesStore((s) => s.outcome);
  const pendingDelete = useApprovalRulesStore((s) => s.pendingDelete);
  const saving = useApprovalRulesStore((s) => s.saving);
  const store = useApprovalRulesStore.getState();
  const [selectedId, setSelectedId] = useState<number | null>(null);

  // Read afresh on every visit, and again whenever any desk changes the rules.
  useEffect(() => {
    void useApprovalRulesStore.getState().load();
    return api.onChanged((notice) => {
      if (notice.entities.includes('approval-rules')) void useApprovalRulesStore.getState().load();
    });
  }, []);

  const focusBandOrAdd = (id: number | null) =>
    afterRender(() => {
      if (id !== null && document.getElementById(`approval-band-${id}`)) focusBandRow(id);
      else document.getElementById(ADD_BUTTON_ID)?.focus();
    });

  const onSaved = (id: number | null) => {
    if (id !== null) setSelectedId(id);
    focusBandOrAdd(id);
  };

  const onCancel = () => {
    const editedId = useApprovalRulesStore.getState().draft?.id ?? null;
    store.cancelEdit();
    focusBandOrAdd(editedId);
  };

  const onEdit = (band: ApprovalBandView) => {
    setSelectedId(band.id);
    store.startEdit(band);
  };

  const onConfirmDelete = async () => {
    const bands = useApprovalRulesStore.getState().view?.bands ?? [];
    const index = bands.findIndex((band) => band.id === pendingDelete?.id);
    await store.confirmDelete();
    const remaining = useApprovalRulesStore.getState().view?.bands ?? [];
    const next = remaining[Math.min(index, remaining.length - 1)]?.id ?? null;
    setSelectedId(next);
    focusBandOrAdd(next);
  };

  if (!view) {
    return status === 'error' ? (
      <p role="alert" className="alert">
        The approval rules could not be read: {loadError}
      </p>
    ) : (
      <p className="muted" aria-busy="true">
        Reading the approval rules…
      </p>
    );
  }

  return (
    <div className="approval-rules">
      <section className="settings-card" aria-labelledby="approval-bands-title">
        <div className="approval-card-header">
          <h2 id="approval-bands-title">Approval bands</h2>
          {canEdit && (
            <button id={ADD_BUTTON_ID} type="button" className="primary" onClick={() => store.startNew()}>
              Add a band…
            </button>
          )}
        </div>
        <p className="approval-rules-lead">Under every band a PO is approved on submit.</p>
        {status === 'error' && (
          <p role="alert" className="alert">
            The approval rules could not be read again: {loadError} What is shown may be out of date.
          </p>
        )}
        <div className="table-card">
          <BandsTable view={view} canEdit={canEdit} selectedId={selectedId} onSelect={setSelectedId} onEdit={onEdit} onDelete={(band) => store.askDelete(band)} />
        </div>
        <p className="hint" id="approval-bands-keys">
          {canEdit
            ? '↑ ↓ move between bands; Enter changes the band, Delete removes it. Each change is recorded in the audit log.'
            : 'You may read the approval rules; only an administrator changes them.'}
        </p>
        <Outcome outcome={outcome} about="bands" />
      </section>

      {canEdit && draft && <BandForm view={view} draft={draft} onSaved={onSaved} onCancel={onCancel} />}

      <section className="settings-card approvers-card" aria-labelledby="approvers-title">
        <h2 id="approvers-title">Approvers and their limits</h2>
        <p className="hint" id="approval-limit-hint">
          Active supervisors and admins. Each approves POs only up to their approval limit; blank means no limit.
          {canEdit ? ' Type a limit and press Enter to save it.' : ''}
        </p>
        <div className="table-card">
          <ApproversTable view={view} canEdit={canEdit} />
        </div>
        {canEdit && <Outcome outcome={outcome} about="limits" />}
      </section>

      {pendingDelete && <DeleteBandDialog band={pendingDelete} busy={saving} onConfirm={() => void onConfirmDelete()} onCancel={() => store.cancelDelete()} />}
    </div>
  );
}
