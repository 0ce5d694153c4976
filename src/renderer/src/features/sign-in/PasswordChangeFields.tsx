import { type FormEvent, useRef, useState } from 'react';
import type { ChangeMyPasswordInput } from '../../../../shared/operator-admin-schemas';
import type { AppError } from '../../../../shared/result';
import { cancelOnEscape, fieldAria, firstRefused } from '../../components/record-form';
import { fieldErrorsOf } from '../../components/field-errors';

type Field = keyof ChangeMyPasswordInput;
const ORDER: readonly Field[] = ['currentPassword', 'newPassword', 'repeatPassword'];

interface PasswordChangeFieldsProps {
  /** Prefix for the fields' ids: the sign-in step and Settings each have their own. */
  idPrefix: string;
  currentLabel: string;
  submitLabel: string;
  rules: readonly string[];
  minLength: number;
  /** Main's answer: null when changed, else the refusal. */
  onSubmit(input: ChangeMyPasswordInput): Promise<AppError | null>;
  onCancel?(): void;
  autoFocus?: boolean;
}

/**
 * Current (or temporary) password, the new one twice, and the rules beside them. What the operator
 * typed is kept on a refusal except the field main refused, and the cursor goes there; the new
 * password's length is said as it is typed. Main judges every rule; nothing here decides.
 */
export function PasswordChangeFields({ idPrefix, currentLabel, submitLabel, rules, minLength, onSubmit, onCancel, autoFocus }: PasswordChangeFieldsProps) {
  const [values, setValues] = useState<ChangeMyPasswordInput>({ currentPassword: '', newPassword: '', repeatPassword: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const id = (field: Field) => `${idPrefix}-${field}`;
  const errorId = (field: Field) => `${id(field)}-error`;
  const aria = fieldAria(errors, errorId);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const error = await onSubmit(values);
    setBusy(false);
    if (error === null) {
      setValues({ currentPassword: '', newPassword: '', repeatPassword: '' });
      setErrors({});
      setFormError(null);
      return;
    }
    const byField = fieldErrorsOf(error) as Partial<Record<Field, string>>;
    setErrors(byField);
    const first = firstRefused(ORDER, byField);
    setFormError(first ? null : error.message);
    if (first) {
      setValues((typed) => ({ ...typed, [first]: '', ...(first === 'newPassword' ? { repeatPassword: '' } : {}) }));
      document.getElementById(id(first))?.focus();
    }
  };

  const input = (field: Field, label: string, autoComplete: string, hintId?: string) => (
    <div className="field">
      <label htmlFor={id(field)}>{label}</label>
      <input
        id={id(field)}
        type="password"
        autoComplete={autoComplete}
        maxLength={256}
        autoFocus={autoFocus && field === 'currentPassword'}
        value={values[field]}
        aria-invalid={aria.invalid(field)}
        aria-describedby={aria.describedBy(field, hintId)}
        onChange={(event) => {
          const value = event.target.value;
          setValues((typed) => ({ ...typed, [field]: value }));
        }}
      />
      {errors[field] && (
        <p id={errorId(field)} className="field-error">
          {errors[field]}
        </p>
      )}
    </div>
  );

  const length = values.newPassword.length;
  return (
    <form ref={form} className="password-change-form" noValidate onSubmit={(event) => void submit(event)} onKeyDown={onCancel ? cancelOnEscape(onCancel) : undefined} aria-busy={busy || undefined}>
      {input('currentPassword', currentLabel, 'current-password')}
      {input('newPassword', 'New password', 'new-password', `${idPrefix}-rules`)}
      <p className="hint password-length" aria-live="polite">
        {length === 0 ? `At least ${minLength} characters.` : length < minLength ? `${length} of at least ${minLength} characters.` : `${length} characters: long enough.`}
      </p>
      {input('repeatPassword', 'Repeat the new password', 'new-password')}
      <ul className="password-rules hint" id={`${idPrefix}-rules`}>
        {rules.map((rule) => (
          <li key={rule}>{rule}</li>
        ))}
      </ul>
      <div className="settings-actions">
        <button type="submit" className="primary" aria-disabled={busy || undefined}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
      {formError && (
        <p role="alert" className="settings-outcome is-refused">
          {formError}
        </p>
      )}
    </form>
  );
}
