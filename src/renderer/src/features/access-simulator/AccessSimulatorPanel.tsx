import { type FormEvent, useEffect, useState } from 'react';
import type { AccessSimulation, SchemeComparisonView, SimulatorAnswer, SimulatorChoices } from '../../../../shared/operator-admin-schemas';
import { api } from '../../api';
import { fieldErrorsOf } from '../../components/field-errors';
import { SchemeMoveComparison } from './SchemeMoveComparison';
import './access-simulator.css';

type Question = { operatorId: string; vendorCode: string; warehouseCode: string; poNumber: string; lineNumber: string };

/** "Allowed" or "Refused", then the sentence the operator would read and the list that decided. */
function Verdict({ answer }: { answer: SimulatorAnswer }) {
  return (
    <>
      <span className={`verdict ${answer.allowed ? 'is-allowed' : 'is-refused'}`}>{answer.allowed ? 'Allowed' : 'Refused'}</span> {answer.reason}
      {answer.list && (
        <div className="simulator-list">
          Rule {answer.rule}; list: {answer.list.label} ({answer.list.codes.join(', ') || 'none'})
        </div>
      )}
    </>
  );
}

function AnswerTable({ label, rows }: { label: string; rows: { key: string; name: string; answer: SimulatorAnswer }[] }) {
  return (
    <section aria-label={label}>
      <h3>{label}</h3>
      <div className="simulator-scroll">
        <table className="po-table simulator-table" aria-label={label}>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} data-allowed={row.answer.allowed}>
                <th scope="row" className="code">
                  {row.key}
                  <div className="muted">{row.name}</div>
                </th>
                <td>
                  <Verdict answer={row.answer} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/**
 * Admin → "What may this operator do?": choose an operator and optionally a vendor, warehouse, PO
 * and line, and read what the desk would let them do, each answer with its rule and list; then try
 * another scheme and see what the move would change. Main decides every answer; nothing is saved.
 */
export function AccessSimulatorPanel() {
  const [choices, setChoices] = useState<SimulatorChoices | null>(null);
  const [question, setQuestion] = useState<Question>({ operatorId: '', vendorCode: '', warehouseCode: '', poNumber: '', lineNumber: '' });
  const [answer, setAnswer] = useState<AccessSimulation | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [scheme, setScheme] = useState('');
  const [comparison, setComparison] = useState<SchemeComparisonView | null>(null);

  useEffect(() => {
    void api.simulatorChoices({}).then((result) => {
      if (result.ok) {
        setChoices(result.value);
        setQuestion((current) => ({ ...current, operatorId: current.operatorId || String(result.value.operators[0]?.id ?? '') }));
      } else setProblem(result.error.message);
    });
  }, []);

  const ask = async (event?: FormEvent) => {
    event?.preventDefault();
    if (question.operatorId === '') return;
    const result = await api.simulateAccess({
      operatorId: Number(question.operatorId),
      vendorCode: question.vendorCode || null,
      warehouseCode: question.warehouseCode || null,
      poNumber: question.poNumber || null,
      lineNumber: question.lineNumber === '' ? null : Number(question.lineNumber),
    });
    if (result.ok) {
      setAnswer(result.value);
      setErrors({});
      setProblem(null);
    } else {
      setErrors(fieldErrorsOf(result.error));
      setProblem(result.error.field ? null : result.error.message);
    }
  };

  const compare = async (event: FormEvent) => {
    event.preventDefault();
    if (question.operatorId === '') return;
    const result = await api.compareSchemeMove({ operatorId: Number(question.operatorId), schemeCode: scheme === '' ? null : scheme });
    if (result.ok) setComparison(result.value);
    else setProblem(result.error.message);
  };

  if (!choices) return problem ? <p role="alert" className="alert">{problem}</p> : <p className="hint">Loading…</p>;
  const edit = (change: Partial<Question>) => setQuestion((current) => ({ ...current, ...change }));
  const po = choices.pos.find((choice) => choice.number === question.poNumber);
  const select = (id: keyof Question, label: string, options: { value: string; text: string }[], blank: string | null, onChange = (value: string) => edit({ [id]: value })) => (
    <div className="field">
      <label htmlFor={`simulator-${id}`}>{label}</label>
      <select id={`simulator-${id}`} value={question[id]} aria-invalid={errors[id] ? 'true' : undefined} aria-describedby={errors[id] ? `simulator-${id}-error` : undefined} onChange={(event) => onChange(event.target.value)}>
        {blank !== null && <option value="">{blank}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.text}
          </option>
        ))}
      </select>
      {errors[id] && (
        <p className="field-error" id={`simulator-${id}-error`}>
          {errors[id]}
        </p>
      )}
    </div>
  );

  return (
    <div className="operators-panel">
      <form className="simulator-form" onSubmit={(event) => void ask(event)} aria-label="Ask what an operator may do">
        {select('operatorId', 'Operator', choices.operators.map((o) => ({ value: String(o.id), text: `${o.displayName} (${o.schemeCode ?? 'no scheme'})${o.active ? '' : ', inactive'}` })), null, (value) => {
          edit({ operatorId: value });
          setAnswer(null);
          setComparison(null);
        })}
        {select('vendorCode', 'Vendor', choices.vendors.map((v) => ({ value: v.code, text: `${v.code} — ${v.name}` })), 'Any vendor')}
        {select('warehouseCode', 'Warehouse', choices.warehouses.map((w) => ({ value: w.code, text: `${w.code} — ${w.name}` })), 'Any warehouse')}
        {select('poNumber', 'PO', choices.pos.map((p) => ({ value: p.number, text: `${p.number} (${p.status})` })), 'No PO', (value) => edit({ poNumber: value, lineNumber: '' }))}
        {po && select('lineNumber', 'Line', po.lineNumbers.map((n) => ({ value: String(n), text: `Line ${n}` })), 'Every line')}
        <button type="submit" className="primary">
          Show what they may do
        </button>
      </form>
      {problem && (
        <p role="alert" className="alert">
          {problem}
        </p>
      )}
      {answer && (
        <div className="simulator-answer" aria-live="polite">
          {answer.inactiveNote && <p className="note">{answer.inactiveNote}</p>}
          <p className={`note simulator-entry${answer.entry.allowed ? '' : ' is-refused'}`} data-rule={answer.entry.rule}>
            {answer.entry.reason}
          </p>
          {answer.header && (
            <p className="hint">
              New PO header: {answer.header.vendor.reason} {answer.header.warehouse.reason} {answer.header.costCenter.reason}
            </p>
          )}
          {answer.po && (
            <section className="simulator-po" aria-label={`PO ${answer.po.number}`}>
              <h3>
                PO {answer.po.number} <span className={`badge status-${answer.po.status}`}>{answer.po.status}</span>
              </h3>
              <p>
                <Verdict answer={answer.po.change} />
              </p>
              <table className="po-table simulator-table" aria-label={`Lines of ${answer.po.number}`}>
                <thead>
                  <tr>
                    <th scope="col">Line</th>
                    <th scope="col">Cost center</th>
                    <th scope="col">Change</th>
                    <th scope="col">Delete</th>
                  </tr>
                </thead>
                <tbody>
                  {answer.po.lines.map((line) => (
                    <tr key={line.lineNumber} id={`simulated-line-${line.lineNumber}`}>
                      <th scope="row">{line.lineNumber}</th>
                      <td className="code">{line.costCenterCode ?? 'none'}</td>
                      <td>
                        <Verdict answer={line.change} />
                      </td>
                      <td>
                        <Verdict answer={line.delete} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )}
          <div className="simulator-results">
            <AnswerTable label="Cost centers" rows={answer.costCenters.map((c) => ({ key: c.code, name: c.description, answer: c }))} />
            <AnswerTable label="Vendors" rows={answer.vendors.map((v) => ({ key: v.code, name: v.name, answer: v }))} />
            <AnswerTable label="Warehouses" rows={answer.warehouses.map((w) => ({ key: w.code, name: w.name, answer: w }))} />
          </div>
        </div>
      )}
      <section className="settings-card" aria-labelledby="scheme-move-title">
        <h2 id="scheme-move-title">Before a scheme is assigned or changed</h2>
        <form className="simulator-form" onSubmit={(event) => void compare(event)}>
          <div className="field">
            <label htmlFor="simulator-scheme">Move them to</label>
            <select id="simulator-scheme" value={scheme} onChange={(event) => setScheme(event.target.value)}>
              <option value="">No scheme</option>
              {choices.schemes.map((s) => (
                <option key={s.code} value={s.code}>
                  {s.code} — {s.description}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="secondary">
            Compare
          </button>
        </form>
        {comparison && <SchemeMoveComparison id="simulator-scheme-move" comparison={comparison} />}
      </section>
    </div>
  );
}
