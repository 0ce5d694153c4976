import { useState } from 'react';
import type { SchemeEditorView } from '../../../../shared/admin-schemas';
import { api } from '../../api';

interface SchemeOperatorsProps {
  schemeCode: string;
  operators: SchemeEditorView['operators'];
  readOnly: boolean;
  onChanged(): void;
}

/** Who is on the scheme: a box per operator; ticking moves them onto it (off their old one), unticking leaves them without a scheme. */
export function SchemeOperators({ schemeCode, operators, readOnly, onChanged }: SchemeOperatorsProps) {
  const [said, setSaid] = useState<string | null>(null);
  const assign = async (signInName: string, assigned: boolean) => {
    const result = await api.assignSchemeOperator({ schemeCode, signInName, assigned });
    setSaid(result.ok ? result.value.reason : result.error.message);
    if (result.ok) onChanged();
  };
  return (
    <section className="scheme-operators" aria-labelledby="scheme-operators-title">
      <h3 id="scheme-operators-title">Operators on scheme {schemeCode}</h3>
      <p className="hint">Their next PO entry follows this scheme’s lists. Changes here are saved at once.</p>
      <ul className="controls-checklist scheme-operator-list" aria-label={`Operators on scheme ${schemeCode}`}>
        {operators.map((operator) => {
          const id = `scheme-operator-${operator.signInName}`;
          const here = operator.schemeCode === schemeCode;
          return (
            <li key={operator.signInName}>
              <label htmlFor={id}>
                <input id={id} type="checkbox" checked={here} disabled={readOnly} onChange={(event) => void assign(operator.signInName, event.target.checked)} />
                <span>
                  {operator.displayName}{' '}
                  <span className="muted">
                    ({operator.signInName}, {operator.role}){here ? '' : ` — ${operator.schemeCode === null ? 'no scheme' : `on ${operator.schemeCode}`}`}
                  </span>
                  {!operator.active && <span className="badge">inactive</span>}
                </span>
              </label>
            </li>
          );
        })}
      </ul>
      <p className="hint" role="status" aria-live="polite">
        {said}
      </p>
    </section>
  );
}
