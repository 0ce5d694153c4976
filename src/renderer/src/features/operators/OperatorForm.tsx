import { type FormEvent, useEffect, useState } from 'react';
import { useUnsavedForm } from '../../stores/unsaved-forms';
import type { OperatorAccount, OperatorListPage, SchemeComparisonView } from '../../../../shared/operator-admin-schemas';
import { RecordFormActions } from '../../components/RecordFormActions';
import { cancelOnEscape, fieldAria, firstRefused } from '../../components/record-form';
import { api } from '../../api';
import { fieldErrorsOf } from '../../components/field-errors';
import { SchemeMoveComparison } from '../access-simulator/SchemeMoveComparison';
import '../access-simulator/access-simulator.css';

type Field = 'signInName' | 'displayName' | 'role' | 'schemeCode' | 'initialPassword';
const ORDER: readonly Field[] = ['signInName', 'displayName', 'role', 'schemeCode', 'initialPassword'];
const ID: Record<Field, string> = {
  signInName: 'operator-sign-in-name',
  displayName: 'operator-display-name',
  role: 'operator-role',
  schemeCode: 'operator-scheme',
  initialPassword: 'operator-initial-password',
};
const errorId = (field: Field) => `${ID[field]}-error`;

interface OperatorFormProps {
  page: OperatorListPage;
  /** null: a new operator. */
  editing: OperatorAccount | null;
  onSaved(message: string): void;
  onCancel(): void;
}

/**
 * Add or change an operator: sign-in name (new only), name, role, scheme, and for a new one the
 * initial password they replace at the first sign-in. Changing a stored operator's scheme shows
 * what the move changes for them before anything is saved.
 */
export function OperatorForm({ page, editing, onSaved, onCancel }: OperatorFormProps) {
  const [opened] = useState(() => ({
    signInName: editing?.signInName ?? '',
    displayName: editing?.displayName ?? '',
    role: editing?.role ?? 'operator',
    schemeCode: editing?.schemeCode ?? '',
    initialPassword: '',
  }));
  const [draft, setDraft] = useState(opened);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formMessage, setFormMessage] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [comparison, setComparison] = useState<SchemeComparisonView | null>(null);
  useUnsavedForm('operator-form', !saving && JSON.stringify(draft) !== JSON.stringify(opened), 'Leaving now discards the operator you changed but have not saved.');
  const aria = fieldAria(errors, errorId);
  const schemeMoves = editing !== null && (editing.schemeCode ?? '') !== draft.schemeCode;

  useEffect(() => {
    document.getElementById(editing ? ID.displayName : ID.signInName)?.focus();
  }, [editing]);

  useEffect(() => {
    if (!editing || !schemeMoves) {
      setComparison(null);
      return;
    }
    let live = true;
    void api.compareSchemeMove({ operatorId: editing.id, schemeCode: draft.schemeCode === '' ? null : draft.schemeCode }).then((result) => {
      if (live) setComparison(result.ok ? result.value : null);
    });
    return () => {
      live = false;
    };
  }, [editing, schemeMoves, draft.schemeCode]);

  const edit = (change: Partial<typeof draft>) => setDraft((current) => ({ ...current, ...change }));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    const schemeCode = draft.schemeCode === '' ? null : draft.schemeCode;
    const result = editing
      ? await api.updateOperator({ id: editing.id, displayName: draft.displayName, role: draft.role, schemeCode })
      : await api.createOperator({ signInName: draft.signInName, displayName: draft.displayName, role: draft.role, schemeCode, initialPassword: draft.initialPassword });
    setSaving(false);
    if (result.ok) {
      onSaved([result.value.reason, ...result.value.notes].join(' '));
      return;
    }
    const byField = fieldErrorsOf(result.error) as Partial<Record<Field, string>>;
    setErrors(byField);
    const first = firstRefused(ORDER, byField);
    setFormMessage(first && result.error.issues ? null : result.error.message);
    if (first) document.getElementById(ID[first])?.focus();
  };

  const fieldError = (field: Field) =>
    errors[field] ? (
      <p id={errorId(field)} className="field-error">
        {errors[field]}
      </p>
    ) : null;

  return (
    <section className="settings-card" aria-labelledby="operator-form-title">
      <h2 id="operator-form-title">{editing ? `Change ${editing.displayName}` : 'Add an operator'}</h2>
      <form className="settings-form" noValidate onSubmit={(event) => void onSubmit(event)} onKeyDown={cancelOnEscape(onCancel)}>
        <div className="operator-form-grid">
          <div className="field">
            <label htmlFor={ID.signInName}>Sign-in name</label>
            <input
              id={ID.signInName}
              type="text"
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              readOnly={editing !== null}
              value={draft.signInName}
              aria-invalid={aria.invalid('signInName')}
              aria-describedby={aria.describedBy('signInName', 'operator-sign-in-hint')}
              onChange={(event) => edit({ signInName: event.target.value })}
            />
            {fieldError('signInName')}
            <p className="hint" id="operator-sign-in-hint">
              {editing ? 'A sign-in name stays as it is.' : "Letters a–z, digits, '.', '-' and '_'; kept in small letters."}
            </p>
          </div>
          <div className="field">
            <label htmlFor={ID.displayName}>Name</label>
            <input
              id={ID.displayName}
              type="text"
              autoComplete="off"
              value={draft.displayName}
              aria-invalid={aria.invalid('displayName')}
              aria-describedby={aria.describedBy('displayName')}
              onChange={(event) => edit({ displayName: event.target.value })}
            />
            {fieldError('displayName')}
          </div>
          <div className="field">
            <label htmlFor={ID.role}>Role</label>
            <select
              id={ID.role}
              value={draft.role}
              aria-invalid={aria.invalid('role')}
              aria-describedby={aria.describedBy('role', 'operator-role-hint')}
              onChange={(event) => edit({ role: event.target.value as typeof draft.role })}
            >
              <option value="operator">Operator</option>
              <option value="supervisor">Supervisor</option>
              <option value="admin">Admin</option>
            </select>
            {fieldError('role')}
            <p className="hint" id="operator-role-hint">
              Approval limits are set under Settings → Approval rules.
            </p>
          </div>
          <div className="field">
            <label htmlFor={ID.schemeCode}>Cost-center scheme</label>
            <select
              id={ID.schemeCode}
              value={draft.schemeCode}
              aria-invalid={aria.invalid('schemeCode')}
              aria-describedby={aria.describedBy('schemeCode', schemeMoves ? 'operator-scheme-move' : undefined)}
              onChange={(event) => edit({ schemeCode: event.target.value })}
            >
              <option value="">No scheme</option>
              {page.schemes.map((scheme) => (
                <option key={scheme.code} value={scheme.code}>
                  {scheme.code} — {scheme.description}
                </option>
              ))}
            </select>
            {fieldError('schemeCode')}
          </div>
          {!editing && (
            <div className="field">
              <label htmlFor={ID.initialPassword}>Initial password</label>
              <input
                id={ID.initialPassword}
                type="password"
                autoComplete="new-password"
                maxLength={256}
                value={draft.initialPassword}
                aria-invalid={aria.invalid('initialPassword')}
                aria-describedby={aria.describedBy('initialPassword', 'operator-password-hint')}
                onChange={(event) => edit({ initialPassword: event.target.value })}
              />
              {fieldError('initialPassword')}
              <p className="hint" id="operator-password-hint">
                At least 12 characters. They must choose their own at the first sign-in.
              </p>
            </div>
          )}
        </div>
        {schemeMoves && comparison && <SchemeMoveComparison id="operator-scheme-move" comparison={comparison} />}
        {page.costCentersEnabled && draft.schemeCode === '' && (
          <p className="note operator-form-notes">Without a scheme they cannot enter POs while cost centers are in use.</p>
        )}
        <RecordFormActions noun="operator" isNew={editing === null} saving={saving} onCancel={onCancel} formMessage={formMessage} />
      </form>
    </section>
  );
}
