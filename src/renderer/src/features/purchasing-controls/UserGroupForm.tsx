import { type FormEvent, useEffect } from 'react';
import type { PurchasingControlsView } from '../../../../shared/purchasing-controls-schemas';
import { usePurchasingControlsStore } from '../../stores/purchasing-controls-store';
import type { GroupDraft, GroupField } from './control-drafts';
import { ControlFieldError, describedBy } from './ControlOutcome';
import { RecordFormActions } from '../../components/RecordFormActions';
import { cancelOnEscape, firstRefused } from '../../components/record-form';

const ID: Record<GroupField, string> = {
  name: 'group-name',
  description: 'group-description',
  memberIds: 'group-members',
  billingEntityCodes: 'group-entities',
};
const FIELD_ORDER: readonly GroupField[] = ['name', 'description', 'memberIds', 'billingEntityCodes'];
const errorId = (field: GroupField) => `${ID[field]}-error`;

function focusField(field: GroupField): void {
  const selector = field === 'memberIds' ? '.group-members input' : field === 'billingEntityCodes' ? '.group-entities input' : null;
  const id = selector ? document.querySelector<HTMLInputElement>(selector)?.id : ID[field];
  if (id) document.getElementById(id)?.focus();
}

interface UserGroupFormProps {
  view: PurchasingControlsView;
  draft: GroupDraft;
  onSaved(id: number | null): void;
  onCancel(): void;
}

/** Add or change a user group: its name, what it is for, its members and the billing entities they see through it. */
export function UserGroupForm({ view, draft, onSaved, onCancel }: UserGroupFormProps) {
  const errors = usePurchasingControlsStore((s) => s.groupErrors);
  const formMessage = usePurchasingControlsStore((s) => s.formMessage);
  const saving = usePurchasingControlsStore((s) => s.saving);
  const store = usePurchasingControlsStore.getState();
  const editing = view.userGroups.find((group) => group.id === draft.id);

  useEffect(() => {
    document.getElementById(ID.name)?.focus();
  }, [draft.id]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await store.saveGroup();
    if (saved !== null || !usePurchasingControlsStore.getState().groupDraft) {
      onSaved(saved);
      return;
    }
    const refused = usePurchasingControlsStore.getState().groupErrors;
    const first = firstRefused(FIELD_ORDER, refused);
    if (first) focusField(first);
  };

  const onKeyDown = cancelOnEscape(onCancel);

  const invalid = (field: GroupField) => (errors[field] ? 'true' : undefined);
  const errorRef = (field: GroupField) => errors[field] && errorId(field);

  return (
    <section className="settings-card controls-form-card" aria-labelledby="group-form-title">
      <h2 id="group-form-title">{editing ? `Change user group ${editing.name}` : 'Add a user group'}</h2>
      <form className="settings-form" noValidate onSubmit={(event) => void onSubmit(event)} onKeyDown={onKeyDown}>
        <div className="controls-form-row">
          <div className="field">
            <label htmlFor={ID.name}>Group name</label>
            <input
              id={ID.name}
              type="text"
              autoComplete="off"
              value={draft.name}
              aria-invalid={invalid('name')}
              aria-describedby={describedBy(errorRef('name'))}
              onChange={(event) => store.editGroup({ name: event.target.value })}
            />
            <ControlFieldError id={errorId('name')} message={errors.name} />
          </div>
          <div className="field controls-field-wide">
            <label htmlFor={ID.description}>Description</label>
            <input
              id={ID.description}
              type="text"
              autoComplete="off"
              value={draft.description}
              aria-invalid={invalid('description')}
              aria-describedby={describedBy(errorRef('description'))}
              onChange={(event) => store.editGroup({ description: event.target.value })}
            />
            <ControlFieldError id={errorId('description')} message={errors.description} />
          </div>
        </div>

        <div className="controls-form-columns">
          <fieldset className="field group-members" aria-invalid={invalid('memberIds')} aria-describedby={describedBy(errorRef('memberIds'))}>
            <legend>Members</legend>
            <ul className="controls-checklist" aria-label="Operators">
              {view.operators.map((person) => (
                <li key={person.id}>
                  <label htmlFor={`group-member-${person.id}`}>
                    <input
                      id={`group-member-${person.id}`}
                      type="checkbox"
                      checked={draft.memberIds.includes(person.id)}
                      onChange={(event) => store.toggleGroupMember(person.id, event.target.checked)}
                    />
                    {person.displayName} <span className="muted">({person.signInName}, {person.role})</span>
                  </label>
                </li>
              ))}
            </ul>
            <ControlFieldError id={errorId('memberIds')} message={errors.memberIds} />
          </fieldset>

          <fieldset
            className="field group-entities"
            aria-invalid={invalid('billingEntityCodes')}
            aria-describedby={describedBy('group-entities-hint', errorRef('billingEntityCodes'))}
          >
            <legend>Billing entities the members see</legend>
            <p className="hint" id="group-entities-hint">
              Members may bill POs to these, and pick the cost centers linked to them.
            </p>
            {view.billingEntities.length === 0 ? (
              <p className="muted">No billing entities yet.</p>
            ) : (
              <ul className="controls-checklist" aria-label="Billing entities">
                {view.billingEntities.map((entity) => (
                  <li key={entity.code}>
                    <label htmlFor={`group-entity-${entity.code}`}>
                      <input
                        id={`group-entity-${entity.code}`}
                        type="checkbox"
                        checked={draft.billingEntityCodes.includes(entity.code)}
                        onChange={(event) => store.toggleGroupEntity(entity.code, event.target.checked)}
                      />
                      <span className="code">{entity.code}</span> {entity.name}
                      {!entity.active && <span className="badge">inactive</span>}
                    </label>
                  </li>
                ))}
              </ul>
            )}
            <ControlFieldError id={errorId('billingEntityCodes')} message={errors.billingEntityCodes} />
          </fieldset>
        </div>

        <RecordFormActions noun="user group" isNew={draft.id === null} saving={saving} onCancel={onCancel} formMessage={formMessage} />
      </form>
    </section>
  );
}
