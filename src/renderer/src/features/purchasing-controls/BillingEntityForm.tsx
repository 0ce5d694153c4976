import { type FormEvent, useEffect } from 'react';
import type { PurchasingControlsView } from '../../../../shared/purchasing-controls-schemas';
import { usePurchasingControlsStore } from '../../stores/purchasing-controls-store';
import type { EntityDraft, EntityField } from './control-drafts';
import { ControlFieldError, describedBy } from './ControlOutcome';
import { RecordFormActions } from '../../components/RecordFormActions';
import { cancelOnEscape, firstRefused } from '../../components/record-form';

const ID: Record<EntityField, string> = {
  code: 'entity-code',
  name: 'entity-name',
  customerPoNumber: 'entity-customer-po',
  active: 'entity-active',
  costCenterCodes: 'entity-cost-centers',
};
const FIELD_ORDER: readonly EntityField[] = ['code', 'name', 'customerPoNumber', 'active', 'costCenterCodes'];
const errorId = (field: EntityField) => `${ID[field]}-error`;
const costCenterBoxId = (code: string) => `entity-cc-${code}`;

/** The cursor goes to the first refused field; for the links, to the first cost center's box. */
function focusField(field: EntityField): void {
  const id = field === 'costCenterCodes' ? document.querySelector<HTMLInputElement>('.entity-cost-centers input')?.id : ID[field];
  if (id) document.getElementById(id)?.focus();
}

interface BillingEntityFormProps {
  view: PurchasingControlsView;
  draft: EntityDraft;
  onSaved(id: number | null): void;
  onCancel(): void;
}

/** Add or change a billing entity: its code, name, customer PO number, whether it is active, and its cost centers. */
export function BillingEntityForm({ view, draft, onSaved, onCancel }: BillingEntityFormProps) {
  const errors = usePurchasingControlsStore((s) => s.entityErrors);
  const formMessage = usePurchasingControlsStore((s) => s.formMessage);
  const saving = usePurchasingControlsStore((s) => s.saving);
  const store = usePurchasingControlsStore.getState();
  const editing = view.billingEntities.find((entity) => entity.id === draft.id);

  useEffect(() => {
    document.getElementById(draft.id === null ? ID.code : ID.name)?.focus();
  }, [draft.id]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await store.saveEntity();
    if (saved !== null || !usePurchasingControlsStore.getState().entityDraft) {
      onSaved(saved);
      return;
    }
    const refused = usePurchasingControlsStore.getState().entityErrors;
    const first = firstRefused(FIELD_ORDER, refused);
    if (first) focusField(first);
  };

  const onKeyDown = cancelOnEscape(onCancel);

  const invalid = (field: EntityField) => (errors[field] ? 'true' : undefined);
  const errorRef = (field: EntityField) => errors[field] && errorId(field);

  return (
    <section className="settings-card controls-form-card" aria-labelledby="entity-form-title">
      <h2 id="entity-form-title">{editing ? `Change billing entity ${editing.code}` : 'Add a billing entity'}</h2>
      <form className="settings-form" noValidate onSubmit={(event) => void onSubmit(event)} onKeyDown={onKeyDown}>
        <div className="controls-form-row">
          <div className="field">
            <label htmlFor={ID.code}>Code</label>
            <input
              id={ID.code}
              type="text"
              autoComplete="off"
              spellCheck={false}
              value={draft.code}
              aria-invalid={invalid('code')}
              aria-describedby={describedBy('entity-code-hint', errorRef('code'))}
              onChange={(event) => store.editEntity({ code: event.target.value })}
            />
            <ControlFieldError id={errorId('code')} message={errors.code} />
            <p className="hint" id="entity-code-hint">
              Up to 32 characters, kept in capitals.
            </p>
          </div>
          <div className="field controls-field-wide">
            <label htmlFor={ID.name}>Name</label>
            <input
              id={ID.name}
              type="text"
              autoComplete="off"
              value={draft.name}
              aria-invalid={invalid('name')}
              aria-describedby={describedBy(errorRef('name'))}
              onChange={(event) => store.editEntity({ name: event.target.value })}
            />
            <ControlFieldError id={errorId('name')} message={errors.name} />
          </div>
          <div className="field">
            <label htmlFor={ID.customerPoNumber}>Customer PO number</label>
            <input
              id={ID.customerPoNumber}
              type="text"
              autoComplete="off"
              spellCheck={false}
              value={draft.customerPoNumber}
              aria-invalid={invalid('customerPoNumber')}
              aria-describedby={describedBy('entity-customer-po-hint', errorRef('customerPoNumber'))}
              onChange={(event) => store.editEntity({ customerPoNumber: event.target.value })}
            />
            <ControlFieldError id={errorId('customerPoNumber')} message={errors.customerPoNumber} />
            <p className="hint" id="entity-customer-po-hint">
              Put on every PO that chooses this entity and printed on its document; blank for none.
            </p>
          </div>
        </div>

        <div className="field settings-check">
          <label htmlFor={ID.active}>
            <input
              id={ID.active}
              type="checkbox"
              checked={draft.active}
              aria-invalid={invalid('active')}
              aria-describedby={describedBy('entity-active-hint', errorRef('active'))}
              onChange={(event) => store.editEntity({ active: event.target.checked })}
            />
            Active
          </label>
          <ControlFieldError id={errorId('active')} message={errors.active} />
          <p className="hint" id="entity-active-hint">
            An inactive entity is no longer offered at PO entry; POs that carry it keep it.
          </p>
        </div>

        <fieldset className="field entity-cost-centers" aria-invalid={invalid('costCenterCodes')} aria-describedby={describedBy('entity-cc-hint', errorRef('costCenterCodes'))}>
          <legend>Linked cost centers</legend>
          <p className="hint" id="entity-cc-hint">
            At PO entry, with this entity chosen, the cost-center list offers these (those on the operator&apos;s scheme list too). In the order ticked:{' '}
            {draft.costCenterCodes.length > 0 ? draft.costCenterCodes.join(', ') : 'none yet'}.
          </p>
          <ul className="controls-checklist" aria-label="Cost centers">
            {view.costCenters.map((center) => (
              <li key={center.code}>
                <label htmlFor={costCenterBoxId(center.code)}>
                  <input
                    id={costCenterBoxId(center.code)}
                    type="checkbox"
                    checked={draft.costCenterCodes.includes(center.code)}
                    onChange={(event) => store.toggleEntityCostCenter(center.code, event.target.checked)}
                  />
                  <span className="code">{center.code}</span> {center.description}
                  {!center.active && <span className="badge">inactive</span>}
                </label>
              </li>
            ))}
          </ul>
          <ControlFieldError id={errorId('costCenterCodes')} message={errors.costCenterCodes} />
        </fieldset>

        <RecordFormActions noun="billing entity" isNew={draft.id === null} saving={saving} onCancel={onCancel} formMessage={formMessage} />
      </form>
    </section>
  );
}
