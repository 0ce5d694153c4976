import type { BillingEntityOption } from '../../../../shared/purchasing-controls-schemas';
import { Combobox } from '../../components/Combobox';
import { describedBy, FieldError, FieldReason } from '../../components/FieldReason';
import { usePoEntryStore } from '../../stores/po-entry-store';
import { normalCode } from '../../stores/po-entry/draft-mapping';
import { CONTROL_IDS } from './control-field-ids';

const matches = (entity: BillingEntityOption, typed: string): boolean => {
  const text = typed.trim();
  return text === '' || entity.code.startsWith(text.toUpperCase()) || entity.name.toLowerCase().includes(text.toLowerCase());
};

/**
 * The customer PO number the PO carries: the stored one while its billing entity is unchanged (a
 * later change to the entity never rewrites a PO), else the chosen entity's.
 */
function useCustomerPoNumber(): string | null {
  return usePoEntryStore((s) => {
    const code = normalCode(s.billingEntityText);
    if (code === '') return null;
    if (s.po && s.po.billingEntityCode === code) return s.po.customerPoNumber;
    const verdict = s.resolution?.billingEntity;
    return verdict?.status === 'ok' && verdict.code === code ? verdict.customerPoNumber : null;
  });
}

/**
 * Billing entity: who is billed; one of the entities the operator's user groups see. Chosen, it
 * narrows the cost-center list (cost-center mode) and puts its customer PO number on the PO.
 */
export function BillingEntityField() {
  const text = usePoEntryStore((s) => s.billingEntityText);
  const options = usePoEntryStore((s) => s.resolution?.billingEntities ?? null);
  const verdict = usePoEntryStore((s) => s.resolution?.billingEntity);
  const error = usePoEntryStore((s) => s.fieldErrors.billingEntity);
  const setText = usePoEntryStore((s) => s.setBillingEntityText);
  const commit = usePoEntryStore((s) => s.commitBillingEntity);
  const customerPoNumber = useCustomerPoNumber();
  const shownError = error && error !== verdict?.reason ? error : undefined;
  const id = CONTROL_IDS.billingEntity;

  return (
    <div className="field">
      <div className="field-label-row">
        <label htmlFor={id}>Billing entity</label>
        {verdict?.status === 'ok' && verdict.name && <span className="field-aside">{verdict.name}</span>}
      </div>
      <Combobox<BillingEntityOption>
        id={id}
        text={text}
        options={options}
        optionKey={(entity) => entity.code}
        isExact={(entity, typed) => entity.code === typed.trim().toUpperCase()}
        filterOption={matches}
        listLabel="Billing entities you may bill to"
        onTextChange={setText}
        onCommit={(typed) => commit(typed)}
        className="combobox-wide"
        listMinWidth={380}
        inputProps={{
          maxLength: 32,
          placeholder: options && options.length > 0 ? 'None · ↓ for choices' : 'None',
          'aria-invalid': verdict?.status === 'refused' || Boolean(error) || undefined,
          'aria-describedby': describedBy('billing-entity-reason', customerPoNumber && 'po-customer-po-number', shownError && 'billing-entity-error'),
        }}
        renderOption={(entity) => (
          <span className="option-line">
            <span className="option-code">{entity.code}</span>
            <span className="option-name">{entity.name}</span>
            {entity.customerPoNumber && <span className="option-meta">Customer PO {entity.customerPoNumber}</span>}
          </span>
        )}
      />
      {/* No entity is allowed: said plainly, not as a question to answer. */}
      <FieldReason id="billing-entity-reason" status={error ? 'refused' : verdict?.status === 'blank' ? 'not-used' : verdict?.status} text={verdict?.reason} />
      {customerPoNumber && (
        <p id="po-customer-po-number" className="field-fact">
          Customer PO number <strong>{customerPoNumber}</strong>: on this PO and printed on its document.
        </p>
      )}
      <FieldError id="billing-entity-error" message={shownError} />
    </div>
  );
}
