import { type FormEvent, useState } from 'react';
import type { OperatorSummary } from '../../../../shared/contracts';
import { api } from '../../api';

interface FirstAdminScreenProps {
  onCreated(operator: OperatorSummary): void;
}

type Field = 'signInName' | 'displayName' | 'password' | 'repeat';

/** Shown once, on a desk started without demo data: the first person becomes its administrator. */
export function FirstAdminScreen({ onCreated }: FirstAdminScreenProps) {
  const [values, setValues] = useState<Record<Field, string>>({ signInName: '', displayName: '', password: '', repeat: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const focus = (field: Field) => document.getElementById(`first-admin-${field}`)?.focus();

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (values.password !== values.repeat) {
      setErrors({ repeat: 'The two passwords differ; type the same password twice.' });
      focus('repeat');
      return;
    }
    setBusy(true);
    const result = await api.setUpFirstAdmin({ signInName: values.signInName, displayName: values.displayName, password: values.password });
    setBusy(false);
    if (result.ok) return onCreated(result.value);
    const fieldErrors: Partial<Record<Field, string>> = {};
    for (const issue of result.error.issues ?? []) {
      const field = issue.path as Field;
      if (field in values) fieldErrors[field] ??= issue.message;
    }
    setErrors(fieldErrors);
    setProblem(Object.keys(fieldErrors).length > 0 ? null : result.error.message);
    const first = (['signInName', 'displayName', 'password'] as const).find((field) => fieldErrors[field]);
    if (first) focus(first);
  };

  const field = (name: Field, label: string, type: string, autoComplete: string, hint?: string) => (
    <>
      <label htmlFor={`first-admin-${name}`}>{label}</label>
      <input
        id={`first-admin-${name}`}
        type={type}
        autoComplete={autoComplete}
        spellCheck={false}
        value={values[name]}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={errors[name] ? `first-admin-${name}-error` : hint ? `first-admin-${name}-hint` : undefined}
        onChange={(event) => {
          setValues({ ...values, [name]: event.target.value });
          setErrors({ ...errors, [name]: undefined });
        }}
      />
      {errors[name] ? (
        <p className="field-error" id={`first-admin-${name}-error`}>
          {errors[name]}
        </p>
      ) : (
        hint && (
          <p className="hint" id={`first-admin-${name}-hint`}>
            {hint}
          </p>
        )
      )}
    </>
  );

  return (
    <main className="sign-in">
      <form className="sign-in-card" noValidate onSubmit={(event) => void onSubmit(event)} aria-labelledby="first-admin-title">
        <div className="brand brand-large" aria-hidden="true">
          PD
        </div>
        <h1 id="first-admin-title">Set up the purchasing desk</h1>
        <p className="muted">This desk has no operators yet. You become its administrator; you add everyone else afterwards.</p>
        {problem && (
          <div role="alert" className="alert">
            {problem}
          </div>
        )}
        {field('displayName', 'Your name', 'text', 'name')}
        {field('signInName', 'Sign-in name', 'text', 'username', 'Letters, digits, dots, dashes and underscores.')}
        {field('password', 'Password', 'password', 'new-password', 'At least 12 characters.')}
        {field('repeat', 'Password again', 'password', 'new-password')}
        <button type="submit" className="primary wide" aria-busy={busy}>
          Create administrator and sign in
        </button>
      </form>
    </main>
  );
}
