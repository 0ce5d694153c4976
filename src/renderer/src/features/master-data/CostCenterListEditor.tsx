import { type KeyboardEvent, useState } from 'react';
import type { ListPickInput, SchemeEditorView } from '../../../../shared/admin-schemas';
import { api } from '../../api';
import { splitCodes } from './kind-fields';

interface CostCenterListEditorProps {
  /** Prefix of every id inside, unique on the page. */
  idPrefix: string;
  /** "Cost centers of the scheme", "Cost centers for warehouse HARBOUR". */
  label: string;
  /** How main names the list in its answer: "scheme NORTH". */
  owner: string;
  codes: readonly string[];
  facts: Pick<SchemeEditorView, 'costCenters' | 'costGroups'>;
  readOnly: boolean;
  error?: string;
  onChange(codes: string[]): void;
}

/**
 * An ordered list of cost centers as Spectrum's scheme maintenance keeps it: add all, a cost
 * group or codes one by one (main's rule says what was not added and why), move with Alt+↑/↓ or
 * the buttons, remove. Nothing is stored until the scheme is saved.
 */
export function CostCenterListEditor({ idPrefix, label, owner, codes, facts, readOnly, error, onChange }: CostCenterListEditorProps) {
  const [typed, setTyped] = useState('');
  const [group, setGroup] = useState(facts.costGroups[0] ?? '');
  const [said, setSaid] = useState<string | null>(null);
  const byCode = new Map(facts.costCenters.map((costCenter) => [costCenter.code, costCenter]));
  const itemId = (code: string) => `${idPrefix}-item-${code}`;

  const pick = async (choice: ListPickInput) => {
    const result = await api.pickSchemeCostCenters({ current: [...codes], pick: choice, owner });
    if (!result.ok) return setSaid(result.error.message);
    onChange(result.value.codes);
    setSaid(result.value.reason);
    if (choice.by === 'one-by-one') setTyped('');
  };

  const move = (code: string, by: number) => {
    const from = codes.indexOf(code);
    const to = Math.max(0, Math.min(codes.length - 1, from + by));
    if (from < 0 || to === from) return;
    const next = codes.filter((each) => each !== code);
    next.splice(to, 0, code);
    onChange(next);
    setSaid(`${code} moved to position ${to + 1} of ${codes.length}.`);
    requestAnimationFrame(() => document.getElementById(itemId(code))?.focus());
  };

  const remove = (code: string) => {
    const index = codes.indexOf(code);
    const next = codes.filter((each) => each !== code);
    onChange(next);
    setSaid(`${code} removed from ${owner}.`);
    const neighbour = next[Math.min(index, next.length - 1)];
    requestAnimationFrame(() => (neighbour ? document.getElementById(itemId(neighbour)) : document.getElementById(`${idPrefix}-add-code`))?.focus());
  };

  const onItemKey = (event: KeyboardEvent<HTMLLIElement>, code: string) => {
    if (readOnly) return;
    if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) move(code, event.key === 'ArrowUp' ? -1 : 1);
    else if (event.key === 'Delete') remove(code);
    else if (!event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      const next = codes[codes.indexOf(code) + (event.key === 'ArrowUp' ? -1 : 1)];
      if (next) document.getElementById(itemId(next))?.focus();
    } else return;
    event.preventDefault();
  };

  return (
    <fieldset className="cc-list-editor" aria-describedby={`${idPrefix}-keys${error ? ` ${idPrefix}-error` : ''}`} aria-invalid={error ? 'true' : undefined}>
      <legend>{label}</legend>
      <p className="hint" id={`${idPrefix}-keys`}>
        In order; the first is offered first. {readOnly ? '' : 'On an entry: Alt+↑/↓ moves it, Delete removes it.'}
      </p>
      {codes.length === 0 ? (
        <p className="muted">No cost center listed.</p>
      ) : (
        <ol className="cc-list" aria-label={label}>
          {codes.map((code, index) => {
            const costCenter = byCode.get(code);
            return (
              <li key={code} id={itemId(code)} tabIndex={0} onKeyDown={(event) => onItemKey(event, code)}>
                <span className="cc-position">{index + 1}.</span>
                <span className="code">{code}</span>
                <span className="cc-description">{costCenter?.description ?? 'unknown'}</span>
                {costCenter && !costCenter.active && <span className="badge">inactive</span>}
                {!readOnly && (
                  <span className="cc-buttons">
                    <button type="button" className="link-button" tabIndex={-1} aria-label={`Move ${code} up`} disabled={index === 0} onClick={() => move(code, -1)}>
                      ↑
                    </button>
                    <button type="button" className="link-button" tabIndex={-1} aria-label={`Move ${code} down`} disabled={index === codes.length - 1} onClick={() => move(code, 1)}>
                      ↓
                    </button>
                    <button type="button" className="link-button" aria-label={`Remove ${code}`} onClick={() => remove(code)}>
                      Remove
                    </button>
                  </span>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {error && (
        <p className="field-error" id={`${idPrefix}-error`}>
          {error}
        </p>
      )}
      {!readOnly && (
        <div className="cc-add">
          <label htmlFor={`${idPrefix}-add-code`}>Add cost centers</label>
          <input
            id={`${idPrefix}-add-code`}
            type="text"
            autoComplete="off"
            spellCheck={false}
            placeholder="210; 220"
            list={`${idPrefix}-codes`}
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            onKeyDown={(event) => {
              if (event.key !== 'Enter') return;
              event.preventDefault();
              void pick({ by: 'one-by-one', codes: splitCodes(typed) });
            }}
          />
          <datalist id={`${idPrefix}-codes`}>
            {facts.costCenters.map((costCenter) => (
              <option key={costCenter.code} value={costCenter.code}>
                {costCenter.description}
              </option>
            ))}
          </datalist>
          <button type="button" className="secondary" onClick={() => void pick({ by: 'one-by-one', codes: splitCodes(typed) })}>
            Add
          </button>
          {facts.costGroups.length > 0 && (
            <>
              <label htmlFor={`${idPrefix}-group`} className="sr-only">
                Cost group
              </label>
              <select id={`${idPrefix}-group`} value={group} onChange={(event) => setGroup(event.target.value)}>
                {facts.costGroups.map((each) => (
                  <option key={each} value={each}>
                    Group {each}
                  </option>
                ))}
              </select>
              <button type="button" className="secondary" onClick={() => void pick({ by: 'cost-group', groups: [group] })}>
                Add group
              </button>
            </>
          )}
          <button type="button" className="secondary" onClick={() => void pick({ by: 'all' })}>
            Add all active
          </button>
        </div>
      )}
      <p className="hint cc-said" role="status" aria-live="polite">
        {said}
      </p>
    </fieldset>
  );
}
