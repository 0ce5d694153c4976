import { useEffect } from 'react';
import { api } from '../../api';
import { usePurchasingControlsStore } from '../../stores/purchasing-controls-store';
import { BillingEntitiesTable } from './BillingEntitiesTable';
import { BillingEntityForm } from './BillingEntityForm';
import { ControlOutcome } from './ControlOutcome';
import { DeleteControlDialog } from './DeleteControlDialog';
import { UserGroupForm } from './UserGroupForm';
import { UserGroupsTable } from './UserGroupsTable';
import './purchasing-controls.css';

const ADD_ENTITY_ID = 'billing-entity-add';
const ADD_GROUP_ID = 'user-group-add';

const afterRender = (work: () => void) => setTimeout(work, 0);
/** After a form closes the cursor goes to the row's Change button, or to the Add button when the row is gone. */
const focusButton = (label: string | null, fallback: string) =>
  afterRender(() => {
    const buttons = Array.from(document.querySelectorAll<HTMLButtonElement>('.controls-table .link-button'));
    const match = label === null ? undefined : buttons.find((button) => button.getAttribute('aria-label') === label);
    (match ?? document.getElementById(fallback))?.focus();
  });

/**
 * Billing entities (their cost centers and customer PO numbers) and user groups (members and the
 * entities they see): how the cost-center list at PO entry is made. Admins change them; supervisors read.
 */
export function PurchasingControlsPanel() {
  const view = usePurchasingControlsStore((s) => s.view);
  const status = usePurchasingControlsStore((s) => s.status);
  const loadError = usePurchasingControlsStore((s) => s.loadError);
  const entityDraft = usePurchasingControlsStore((s) => s.entityDraft);
  const groupDraft = usePurchasingControlsStore((s) => s.groupDraft);
  const outcome = usePurchasingControlsStore((s) => s.outcome);
  const pendingDelete = usePurchasingControlsStore((s) => s.pendingDelete);
  const saving = usePurchasingControlsStore((s) => s.saving);
  const store = usePurchasingControlsStore.getState();

  // Read afresh on every visit, and again whenever any desk changes them.
  useEffect(() => {
    void usePurchasingControlsStore.getState().load();
    return api.onChanged((notice) => {
      if (notice.entities.includes('settings')) void usePurchasingControlsStore.getState().load();
    });
  }, []);

  if (!view) {
    return status === 'error' ? (
      <p role="alert" className="alert">
        The billing entities and user groups could not be read: {loadError}
      </p>
    ) : (
      <p className="muted" aria-busy="true">
        Reading the billing entities and user groups…
      </p>
    );
  }

  const canEdit = view.canEdit;
  const entityDone = (code: string | null) => focusButton(code && `Change billing entity ${code}`, ADD_ENTITY_ID);
  const groupDone = (name: string | null) => focusButton(name && `Change user group ${name}`, ADD_GROUP_ID);

  return (
    <div className="purchasing-controls">
      <section className="settings-card" aria-labelledby="billing-entities-title">
        <div className="controls-card-header">
          <h2 id="billing-entities-title">Billing entities</h2>
          {canEdit && (
            <button id={ADD_ENTITY_ID} type="button" className="primary" onClick={() => store.startNewEntity()}>
              Add a billing entity…
            </button>
          )}
        </div>
        <p className="controls-lead">
          Who a PO is billed to. With an entity chosen at PO entry, the cost-center list offers the cost centers linked to it that are also on the
          operator&apos;s scheme list; where the scheme does not require a header cost center, &quot;None&quot; is offered too. An entity&apos;s customer
          PO number goes on the PO and its document.
        </p>
        {status === 'error' && (
          <p role="alert" className="alert">
            They could not be read again: {loadError} What is shown may be out of date.
          </p>
        )}
        <div className="table-card">
          <BillingEntitiesTable
            entities={view.billingEntities}
            canEdit={canEdit}
            onEdit={(entity) => store.startEditEntity(entity)}
            onDelete={(entity) => store.askDelete({ kind: 'entity', entity })}
          />
        </div>
        {!canEdit && <p className="hint">You may read the billing entities; only an administrator changes them.</p>}
        <ControlOutcome outcome={outcome} about="entities" />
      </section>

      {canEdit && entityDraft && (
        <BillingEntityForm
          view={view}
          draft={entityDraft}
          onSaved={() => entityDone(entityDraft.code.trim().toUpperCase() || null)}
          onCancel={() => {
            const code = entityDraft.id === null ? null : (view.billingEntities.find((entity) => entity.id === entityDraft.id)?.code ?? null);
            store.cancelEdit();
            entityDone(code);
          }}
        />
      )}

      <section className="settings-card" aria-labelledby="user-groups-title">
        <div className="controls-card-header">
          <h2 id="user-groups-title">User groups</h2>
          {canEdit && (
            <button id={ADD_GROUP_ID} type="button" className="primary" onClick={() => store.startNewGroup()}>
              Add a user group…
            </button>
          )}
        </div>
        <p className="controls-lead">Operators belong to user groups; a group&apos;s members may bill to the billing entities it sees.</p>
        <div className="table-card">
          <UserGroupsTable
            groups={view.userGroups}
            canEdit={canEdit}
            onEdit={(group) => store.startEditGroup(group)}
            onDelete={(group) => store.askDelete({ kind: 'group', group })}
          />
        </div>
        <ControlOutcome outcome={outcome} about="groups" />
      </section>

      {canEdit && groupDraft && (
        <UserGroupForm
          view={view}
          draft={groupDraft}
          onSaved={() => groupDone(groupDraft.name.trim() || null)}
          onCancel={() => {
            const name = groupDraft.id === null ? null : (view.userGroups.find((group) => group.id === groupDraft.id)?.name ?? null);
            store.cancelEdit();
            groupDone(name);
          }}
        />
      )}

      {pendingDelete && (
        <DeleteControlDialog
          pending={pendingDelete}
          busy={saving}
          onConfirm={() => {
            const fallback = pendingDelete.kind === 'entity' ? ADD_ENTITY_ID : ADD_GROUP_ID;
            void store.confirmDelete().then(() => afterRender(() => document.getElementById(fallback)?.focus()));
          }}
          onCancel={() => store.cancelDelete()}
        />
      )}
    </div>
  );
}
