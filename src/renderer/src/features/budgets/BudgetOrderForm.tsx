import { type FormEvent, useEffect } from 'react';
import type { BudgetView } from '../../../../shared/purchasing-controls-schemas';
import { useLocaleFormat } from '../../hooks/useLocaleFormat';
import { useBudgetStore } from '../../stores/budget-store';
import { BUDGET_FIELDS, type BudgetDraft, type BudgetField } from './budget-draft';
import { RecordFormActions } from '../../components/RecordFormActions';
import { cancelOnEscape, fieldAria, firstRefused } from '../../components/record-form';

const ID: Record<BudgetField, string> = {
  number: 'budget-number',
  customerPoNumber: 'budget-customer-po',
  totalMinor: 'budget-total',
  validFrom: 'budget-valid-from',
  validTo: 'budget-valid-to',
  status: 'budget-status',
};
const errorId = (field: BudgetField) => `${ID[field]}-error`;

function FieldError({ field, message }: { field: BudgetField; message: string | undefined }) {
  if (!message) return null;
  return (
    <p className="field-error" id={errorId(field)} role="alert">
      {message}
    </p>
  );
}

interface BudgetOrderFormProps {
  view: BudgetView;
  draft: BudgetDraft;
  onSaved(id: number | null): void;
  onCancel(): void;
}

/** Add or change a budget order; main's refusals stand beside the field they are about. Escape cancels, Enter saves. */
export function BudgetOrderForm({ view, draft, onSaved, onCancel }: BudgetOrderFormProps) {
  const { formatMoney, locale } = useLocaleFormat();
  const errors = useBudgetStore((s) => s.fieldErrors);
  const formMessage = useBudgetStore((s) => s.formMessage);
  const saving = useBudgetStore((s) => s.saving);
  const store = useBudgetStore.getState();
  const editing = view.budgets.find((row) => row.id === draft.id);

  useEffect(() => {
    document.getElementById(draft.id === null ? ID.number : ID.totalMinor)?.focus();
  }, [draft.id]);

  useEffect(() => {
    useBudgetStore.getState().relocale(locale);
  }, [locale]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await store.save();
    if (saved !== null || !useBudgetStore.getState().draft) {
      onSaved(saved);
      return;
    }
    const refused = useBudgetStore.getState().fieldErrors;
    const first = firstRefused(BUDGET_FIELDS, refused);
    if (first) document.getElementById(ID[first])?.focus();
  };

  const onKeyDown = cancelOnEscape(onCancel);

  const { invalid, describedBy } = fieldAria(errors, errorId);

  return (
    <section className="settings-card budget-form-card" aria-labelledby="budget-form-title">
      <h2 id="budget-form-title">{editing ? `Change budget order ${editing.number}` : 'Add a budget order'}</h2>
      <form className="settings-form" noValidate onSubmit={(event) => void onSubmit(event)} onKeyDown={onKeyDown}>
        <div className="budget-form-row">
          <div className="field">
            <label htmlFor={ID.number}>Number</label>
            <input
              id={ID.number}
              type="text"
              autoComplete="off"
              spellCheck={false}
              value={draft.number}
              aria-invalid={invalid('number')}
              aria-describedby={describedBy('number')}
              onChange={(event) => store.edit({ number: event.target.value })}
            />
            <FieldError field="number" message={errors.number} />
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
              aria-describedby={describedBy('customerPoNumber', 'budget-customer-po-hint')}
              onChange={(event) => store.edit({ customerPoNumber: event.target.value })}
            />
            <FieldError field="customerPoNumber" message={errors.customerPoNumber} />
            <p className="hint" id="budget-customer-po-hint">
              Optional; blank for none.
            </p>
          </div>
          <div className="field">
            <label htmlFor={ID.totalMinor}>Total</label>
            <input
              id={ID.totalMinor}
              type="text"
              inputMode="decimal"
              autoComplete="off"
              spellCheck={false}
              className="num"
              value={draft.total.text}
              aria-invalid={invalid('totalMinor')}
              aria-describedby={describedBy('totalMinor', 'budget-total-hint')}
              onChange={(event) => store.editTotal(event.target.value)}
              onBlur={() => store.checkTotal()}
            />
            <FieldError field="totalMinor" message={errors.totalMinor} />
            <p className="hint" id="budget-total-hint">
              Typed as in {formatMoney(1_000_000)}. It cannot go below what POs already hold.
            </p>
          </div>
        </div>
        <div className="budget-form-row">
          <div className="field">
            <label htmlFor={ID.validFrom}>Valid from</label>
            <input
              id={ID.validFrom}
              type="date"
              value={draft.validFrom}
              aria-invalid={invalid('validFrom')}
              aria-describedby={describedBy('validFrom')}
              onChange={(event) => store.edit({ validFrom: event.target.value })}
            />
            <FieldError field="validFrom" message={errors.validFrom} />
          </div>
          <div className="field">
            <label htmlFor={ID.validTo}>Valid to</label>
            <input
              id={ID.validTo}
              type="date"
              value={draft.validTo}
              aria-invalid={invalid('validTo')}
              aria-describedby={describedBy('validTo', 'budget-valid-hint')}
              onChange={(event) => store.edit({ validTo: event.target.value })}
            />
            <FieldError field="validTo" message={errors.validTo} />
            <p className="hint" id="budget-valid-hint">
              Both days included: POs dated in the period may draw on it.
            </p>
          </div>
          <div className="field">
            <label htmlFor={ID.status}>Status</label>
            <select
              id={ID.status}
              value={draft.status}
              aria-invalid={invalid('status')}
              aria-describedby={describedBy('status', 'budget-status-hint')}
              onChange={(event) => store.edit({ status: event.target.value === 'closed' ? 'closed' : 'open' })}
            >
              <option value="open">Open</option>
              <option value="closed">Closed</option>
            </select>
            <FieldError field="status" message={errors.status} />
            <p className="hint" id="budget-status-hint">
              Closed: no PO may newly draw on it or raise its amount on it.
            </p>
          </div>
        </div>
        <RecordFormActions noun="budget order" isNew={draft.id === null} saving={saving} onCancel={onCancel} formMessage={formMessage} />
      </form>
    </section>
  );
}
