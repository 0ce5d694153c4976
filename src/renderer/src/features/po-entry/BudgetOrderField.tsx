import { useEffect } from 'react';
import type { BudgetFigures } from '../../../../shared/purchasing-controls-schemas';
import { api } from '../../api';
import { Combobox } from '../../components/Combobox';
import { describedBy, FieldError, FieldReason } from '../../components/FieldReason';
import { useLocaleFormat } from '../../hooks/useLocaleFormat';
import { usePoEntryStore } from '../../stores/po-entry-store';
import { BudgetHeadroomNote } from './BudgetHeadroomNote';
import { CONTROL_IDS } from './control-field-ids';

const matches = (budget: BudgetFigures, typed: string): boolean => {
  const text = typed.trim();
  return text === '' || budget.number.startsWith(text.toUpperCase()) || (budget.customerPoNumber ?? '').toLowerCase().includes(text.toLowerCase());
};

/** Whether the field belongs on the screen: budget orders exist for the PO's date, one is required, or the PO has one. */
export function useBudgetFieldShown(): boolean {
  return usePoEntryStore(
    (s) =>
      (s.budgetPicker !== null && (s.budgetPicker.required || s.budgetPicker.options.length > 0)) ||
      s.budgetOrderText !== '' ||
      s.po?.budgetOrder != null ||
      s.budgetPickerError !== null,
  );
}

/**
 * Budget order: picked from the open budget orders valid on the PO's date, each with its total and
 * unallocated amount. From approval on it is locked: the field is read-only and says why. Under it,
 * what the PO as typed would leave unallocated.
 */
export function BudgetOrderField() {
  const po = usePoEntryStore((s) => s.po);
  const picker = usePoEntryStore((s) => s.budgetPicker);
  const pickerError = usePoEntryStore((s) => s.budgetPickerError);
  const text = usePoEntryStore((s) => s.budgetOrderText);
  const budgetOrderId = usePoEntryStore((s) => s.budgetOrderId);
  const error = usePoEntryStore((s) => s.fieldErrors.budgetOrder);
  const load = usePoEntryStore((s) => s.loadBudgetPicker);
  const setText = usePoEntryStore((s) => s.setBudgetOrderText);
  const commit = usePoEntryStore((s) => s.commitBudgetOrder);
  const shown = useBudgetFieldShown();
  const { formatMoney, formatDate } = useLocaleFormat();
  const id = CONTROL_IDS.budgetOrder;

  // Read again for each PO and each stored version of it, and whenever any desk moves budget figures.
  useEffect(() => {
    void load();
  }, [po?.id, po?.version, load]);
  useEffect(
    () =>
      api.onChanged((notice) => {
        if (notice.entities.includes('purchase-orders')) void load();
      }),
    [load],
  );

  if (!shown) return null;

  const lock = po?.budgetOrder?.locked ? po.budgetOrder : null;
  const chosen = picker?.options.find((option) => option.id === budgetOrderId) ?? null;
  const date = picker ? formatDate(picker.date) : null;
  const reason = (() => {
    if (lock) return { status: 'locked', text: lock.reason };
    if (pickerError) return { status: 'refused', text: `The budget orders could not be read: ${pickerError}` };
    if (chosen) {
      return {
        status: 'ok',
        text: `Valid ${formatDate(chosen.validFrom)} to ${formatDate(chosen.validTo)}; total ${formatMoney(chosen.totalMinor)}, ${formatMoney(chosen.unallocatedMinor)} unallocated for this PO.`,
      };
    }
    if (budgetOrderId !== null) return { status: 'ok', text: po?.budgetOrder?.reason ?? '' };
    if (!picker) return { status: 'pending', text: '' };
    const count = picker.options.length;
    const offered = count === 0 ? `No budget order is open on ${date}` : `${count} budget order${count === 1 ? ' is' : 's are'} open on ${date}: ↓ shows them`;
    return picker.required
      ? { status: 'blank', text: `Required before this PO is submitted. ${offered}.` }
      : { status: 'not-used', text: `Optional. ${offered}.` };
  })();
  const shownError = error && error !== reason.text ? error : undefined;
  const described = describedBy('budget-order-reason', budgetOrderId !== null && 'budget-headroom', shownError && 'budget-order-error');

  return (
    <div className="field field-budget">
      <div className="budget-field-row">
        <div className="budget-field-input">
          <div className="field-label-row">
            <label htmlFor={id}>Budget order</label>
            {lock ? <span className="field-aside">Locked</span> : picker?.required && <span className="field-aside">Required to submit</span>}
          </div>
          {lock ? (
            <input id={id} type="text" value={text} readOnly aria-readonly="true" className="is-locked" aria-describedby={described} />
          ) : (
            <Combobox<BudgetFigures>
              id={id}
              text={text}
              options={picker?.options ?? null}
              optionKey={(budget) => budget.number}
              isExact={(budget, typed) => budget.number === typed.trim().toUpperCase()}
              filterOption={matches}
              listLabel={`Budget orders open on ${date ?? 'the PO date'}`}
              onTextChange={setText}
              onCommit={(typed) => commit(typed)}
              className="combobox-wide"
              listMinWidth={460}
              inputProps={{
                maxLength: 32,
                placeholder: picker && picker.options.length > 0 ? 'None · ↓ for choices' : 'None',
                'aria-invalid': Boolean(error) || undefined,
                'aria-required': picker?.required || undefined,
                'aria-describedby': described,
              }}
              renderOption={(budget) => (
                <span className="option-body">
                  <span className="option-line">
                    <span className="option-code">{budget.number}</span>
                    <span className="option-name">
                      Total <span className="num">{formatMoney(budget.totalMinor)}</span> · unallocated <span className="num">{formatMoney(budget.unallocatedMinor)}</span>
                    </span>
                  </span>
                  <span className="option-line">
                    <span className="option-code" aria-hidden="true" />
                    <span className="option-meta">
                      Valid {formatDate(budget.validFrom)} to {formatDate(budget.validTo)}
                      {budget.customerPoNumber ? ` · customer PO ${budget.customerPoNumber}` : ''}
                    </span>
                  </span>
                </span>
              )}
            />
          )}
          <FieldReason id="budget-order-reason" status={reason.status} text={reason.text} />
          <FieldError id="budget-order-error" message={shownError} />
        </div>
        <BudgetHeadroomNote />
      </div>
    </div>
  );
}
