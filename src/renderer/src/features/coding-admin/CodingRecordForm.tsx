import { type FormEvent, useEffect } from 'react';
import { useUnsavedForm } from '../../stores/unsaved-forms';
import type { CodingSetup } from '../../../../shared/coding-schemas';
import { RecordFormActions } from '../../components/RecordFormActions';
import { cancelOnEscape, fieldAria, firstRefused } from '../../components/record-form';
import { useCodingAdminStore } from '../../stores/coding-admin-store';
import { type FormField, fieldsOf, formKindOf } from './admin-forms';

const fieldId = (key: string) => `coding-admin-${key.replace(/[^a-zA-Z0-9-]/g, '-')}`;
const errorId = (key: string) => `${fieldId(key)}-error`;
const hintId = (key: string) => `${fieldId(key)}-hint`;

interface CodingRecordFormProps {
  setup: CodingSetup;
  /** The form's heading: "Add a product group", "Change matrix cell HYDRAULICS × every supplier group". */
  title: string;
  onDone(saved: boolean): void;
}

/**
 * Any of the row-coding admin forms (admin-forms.ts says which fields): Enter saves, Escape
 * cancels, the cursor starts on the first field that can change and goes to the first field main refused.
 */
export function CodingRecordForm({ setup, title, onDone }: CodingRecordFormProps) {
  const form = useCodingAdminStore((s) => s.form);
  const errors = useCodingAdminStore((s) => s.errors);
  const formMessage = useCodingAdminStore((s) => s.formMessage);
  const saving = useCodingAdminStore((s) => s.saving);
  useUnsavedForm('coding-record', form !== null && !saving && JSON.stringify(form.values) !== form.opened, 'Leaving now discards the row-coding record you changed but have not saved.');
  const store = useCodingAdminStore.getState();
  const kind = form ? formKindOf(form.kind) : null;
  const editing = form?.editing ?? null;
  const formKind = form?.kind;

  useEffect(() => {
    if (!formKind) return;
    const first = fieldsOf(formKindOf(formKind), setup).find((field) => !(field.identity && editing !== null));
    if (first) document.getElementById(fieldId(first.key))?.focus();
    // Focus once per form opened, not on every fresh setup.
  }, [formKind, editing]);

  if (!form || !kind) return null;
  const fields = fieldsOf(kind, setup);
  const aria = fieldAria(errors, errorId);
  const cancel = () => {
    store.cancel();
    onDone(false);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (await store.save()) {
      onDone(true);
      return;
    }
    const first = firstRefused(
      fields.map((field) => field.key),
      useCodingAdminStore.getState().errors,
    );
    if (first) document.getElementById(fieldId(first))?.focus();
  };

  return (
    <section className="settings-card coding-admin-form" aria-labelledby="coding-admin-form-title">
      <h3 id="coding-admin-form-title">{title}</h3>
      <form className="settings-form" noValidate onSubmit={(event) => void onSubmit(event)} onKeyDown={cancelOnEscape(cancel)}>
        <div className="coding-admin-fields">
          {fields.map((field) => {
            const value = form.values[field.key];
            const locked = field.identity === true && editing !== null;
            const described = aria.describedBy(field.key, field.hint ? hintId(field.key) : undefined);
            if (field.kind === 'checkbox') {
              if (locked && field.key === 'autoGenerate') return null;
              return (
                <div key={field.key} className="field settings-check coding-admin-wide">
                  <label htmlFor={fieldId(field.key)}>
                    <input
                      id={fieldId(field.key)}
                      type="checkbox"
                      checked={value === true}
                      disabled={locked}
                      aria-invalid={aria.invalid(field.key)}
                      aria-describedby={described}
                      onChange={(event) => store.edit(field.key, event.target.checked)}
                    />
                    {field.label}
                  </label>
                  {field.hint && (
                    <p className="hint" id={hintId(field.key)}>
                      {field.hint}
                    </p>
                  )}
                  {errors[field.key] && (
                    <p className="field-error" id={errorId(field.key)}>
                      {errors[field.key]}
                    </p>
                  )}
                </div>
              );
            }
            return (
              <div key={field.key} className="field">
                <label htmlFor={fieldId(field.key)}>{field.label}</label>
                {field.kind === 'select' ? (
                  <select
                    id={fieldId(field.key)}
                    value={String(value ?? '')}
                    disabled={locked}
                    aria-invalid={aria.invalid(field.key)}
                    aria-describedby={described}
                    onChange={(event) => store.edit(field.key, event.target.value)}
                  >
                    {optionsOf(field, setup, String(value ?? '')).map((option) => (
                      <option key={option.value} value={option.value}>
                        {option.label}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input
                    id={fieldId(field.key)}
                    type="text"
                    autoComplete="off"
                    spellCheck={false}
                    value={String(value ?? '')}
                    readOnly={locked}
                    aria-readonly={locked || undefined}
                    aria-invalid={aria.invalid(field.key)}
                    aria-describedby={described}
                    onChange={(event) => store.edit(field.key, event.target.value)}
                  />
                )}
                {field.hint && (
                  <p className="hint" id={hintId(field.key)}>
                    {field.hint}
                  </p>
                )}
                {errors[field.key] && (
                  <p className="field-error" id={errorId(field.key)}>
                    {errors[field.key]}
                  </p>
                )}
              </div>
            );
          })}
        </div>
        <RecordFormActions noun={kind.noun} isNew={editing === null && form.kind !== 'standardAccounts'} saving={saving} onCancel={cancel} formMessage={formMessage} />
      </form>
    </section>
  );
}

/** A select's options, with the stored value kept when the list no longer offers it (inactive, say): a form never drops what it was opened with. */
function optionsOf(field: FormField, setup: CodingSetup, value: string): { value: string; label: string }[] {
  const options = field.options?.(setup) ?? [];
  if (value === '' || options.some((option) => option.value === value)) return options;
  return [...options, { value, label: `${value} (not offered any more)` }];
}
