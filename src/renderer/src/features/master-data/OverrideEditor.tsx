import type { SchemeEditorView, SchemeOverride, SchemeOverrideKind } from '../../../../shared/admin-schemas';
import { CostCenterListEditor } from './CostCenterListEditor';

const KIND_LABEL: Readonly<Record<SchemeOverrideKind, string>> = { warehouse: 'Warehouse', site: 'Site address', 'gl-wip': 'WIP G/L account' };
const KINDS: readonly SchemeOverrideKind[] = ['warehouse', 'site', 'gl-wip'];
/** How a kind reads inside a sentence: "Add warehouse override", "cost centers for WIP G/L account 1400". */
const KIND_WORD: Readonly<Record<SchemeOverrideKind, string>> = { warehouse: 'warehouse', site: 'site', 'gl-wip': 'WIP G/L account' };

interface OverrideEditorProps {
  facts: SchemeEditorView;
  schemeOwner: string;
  overrides: readonly SchemeOverride[];
  errors: Record<string, string>;
  readOnly: boolean;
  onChange(index: number, change: Partial<SchemeOverride>): void;
  onAdd(kind: SchemeOverrideKind): void;
  onRemove(index: number): void;
}

/** The scheme's overrides: for a warehouse, a site address or a WIP G/L account, a list that replaces the scheme's. */
export function OverrideEditor({ facts, schemeOwner, overrides, errors, readOnly, onChange, onAdd, onRemove }: OverrideEditorProps) {
  const keyOptions = (kind: SchemeOverrideKind) =>
    kind === 'warehouse'
      ? facts.warehouses.map((warehouse) => ({ value: warehouse.code, label: warehouse.name }))
      : kind === 'site'
        ? facts.siteAddresses.map((address) => ({ value: address, label: address }))
        : facts.wipGlAccounts.map((account) => ({ value: account.code, label: account.description }));
  return (
    <section className="scheme-overrides" aria-labelledby="scheme-overrides-title">
      <h3 id="scheme-overrides-title">Overrides</h3>
      <p className="hint">At PO entry, a warehouse, a site (a job’s or work order’s address) or a WIP G/L account with an override uses its list instead of the scheme’s. An empty list closes the case.</p>
      {overrides.length === 0 && <p className="muted">No overrides.</p>}
      {overrides.map((override, index) => {
        const prefix = `override-${index}`;
        const keyError = errors[`overrides.${index}.key`];
        const keyName = override.key.trim() === '' ? 'new' : override.key.trim();
        return (
          <div key={prefix} className="override-card">
            <div className="override-head">
              <div className="field">
                <label htmlFor={`${prefix}-kind`}>Override {index + 1} for</label>
                <select id={`${prefix}-kind`} value={override.kind} disabled={readOnly} onChange={(event) => onChange(index, { kind: event.target.value as SchemeOverrideKind, key: '' })}>
                  {KINDS.map((kind) => (
                    <option key={kind} value={kind}>
                      {KIND_LABEL[kind]}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field master-field-wide">
                <label htmlFor={`${prefix}-key`}>{KIND_LABEL[override.kind]}</label>
                <input
                  id={`${prefix}-key`}
                  type="text"
                  autoComplete="off"
                  list={`${prefix}-keys`}
                  readOnly={readOnly}
                  value={override.key}
                  aria-invalid={keyError ? 'true' : undefined}
                  aria-describedby={keyError ? `${prefix}-key-error` : undefined}
                  onChange={(event) => onChange(index, { key: event.target.value })}
                />
                <datalist id={`${prefix}-keys`}>
                  {keyOptions(override.kind).map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                    </option>
                  ))}
                </datalist>
                {keyError && (
                  <p className="field-error" id={`${prefix}-key-error`}>
                    {keyError}
                  </p>
                )}
              </div>
              {!readOnly && (
                <button type="button" className="secondary override-remove" aria-label={`Remove override ${index + 1}`} onClick={() => onRemove(index)}>
                  Remove override
                </button>
              )}
            </div>
            <CostCenterListEditor
              idPrefix={`${prefix}-list`}
              label={`Cost centers for ${KIND_WORD[override.kind]} ${keyName}`}
              owner={`the override for ${KIND_WORD[override.kind]} ${keyName} in ${schemeOwner}`}
              codes={override.costCenterCodes}
              facts={facts}
              readOnly={readOnly}
              error={errors[`overrides.${index}.costCenterCodes`]}
              onChange={(costCenterCodes) => onChange(index, { costCenterCodes })}
            />
          </div>
        );
      })}
      {!readOnly && (
        <div className="override-add">
          {KINDS.map((kind) => (
            <button key={kind} type="button" className="secondary" onClick={() => onAdd(kind)}>
              Add {KIND_WORD[kind]} override
            </button>
          ))}
        </div>
      )}
    </section>
  );
}
