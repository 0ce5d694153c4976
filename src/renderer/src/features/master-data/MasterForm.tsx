import { type FormEvent, useEffect, useState } from 'react';
import { useUnsavedForm } from '../../stores/unsaved-forms';
import type { MasterDataKind, MasterRecordView } from '../../../../shared/admin-schemas';
import type { AppError } from '../../../../shared/result';
import { cancelOnEscape, fieldAria } from '../../components/record-form';
import { RecordFormActions } from '../../components/RecordFormActions';
import { useLocaleFormat } from '../../hooks/useLocaleFormat';
import { api } from '../../api';
import { useMasterDataStore } from '../../stores/master-data-store';
import { blankDraft, type Draft, draftOf, type FieldDef, KIND_DEFS, recordOf } from './kind-fields';

const fieldId = (name: string) => `master-field-${name}`;
const errorId = (name: string) => `${fieldId(name)}-error`;
const hintId = (name: string) => `${fieldId(name)}-hint`;

/** Main's refusal as errors beside fields: every issue on its field, the rest for the whole form. */
export function errorsOf(error: AppError): { fields: Record<string, string>; form: string | null } {
  const fields: Record<string, string> = {};
  for (const issue of error.issues ?? []) fields[issue.path] ??= issue.message;
  if (error.field && !fields[error.field]) fields[error.field] = error.message;
  return { fields, form: Object.keys(fields).length === 0 ? error.message : null };
}

interface MasterFormProps {
  kind: MasterDataKind;
  /** The stored record's code; null adds one. */
  code: string | null;
}

/** One record of any kind but schemes, its fields from the kind's definition; errors beside each field. */
export function MasterForm({ kind, code }: MasterFormProps) {
  const def = KIND_DEFS[kind];
  const { formatMoney, parseMoney } = useLocaleFormat();
  const close = useMasterDataStore.getState().close;
  const [view, setView] = useState<MasterRecordView | null>(null);
  const [draft, setDraft] = useState<Draft>(() => blankDraft(kind));
  // What the form held when it opened: a change from it is unsaved work.
  const [opened, setOpened] = useState(() => JSON.stringify(blankDraft(kind)));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formMessage, setFormMessage] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const canEdit = code === null || (view?.canEdit ?? false);
  useUnsavedForm('master-record', canEdit && !saving && JSON.stringify(draft) !== opened, `Leaving now discards the ${def.noun} you changed but have not saved.`);

  useEffect(() => {
    if (code === null) {
      document.getElementById(fieldId('code'))?.focus();
      return;
    }
    void api.readMasterRecord({ kind, code }).then((result) => {
      if (!result.ok) return setFormMessage(result.error.message);
      setView(result.value);
      const loaded = draftOf(result.value.record, formatMoney);
      setDraft(loaded);
      setOpened(JSON.stringify(loaded));
      // The code never changes: the cursor starts on the first field after it; a reader's, on the way back.
      const start = result.value.canEdit ? fieldId(def.fields[1]?.name ?? 'code') : 'master-form-back';
      requestAnimationFrame(() => document.getElementById(start)?.focus());
    });
  }, [kind, code, def, formatMoney]);

  const focusFirst = (refused: Record<string, string>) => {
    const first = def.fields.find((field) => refused[field.name]);
    if (first) document.getElementById(fieldId(first.name))?.focus();
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving || !canEdit) return;
    const built = recordOf(kind, draft, (text, field) => {
      const parsed = parseMoney(text, field);
      return parsed.ok ? { ok: true, value: parsed.value } : { ok: false, message: parsed.message };
    });
    if ('errors' in built) {
      setErrors(built.errors);
      focusFirst(built.errors);
      return;
    }
    setSaving(true);
    const result = await api.saveMasterRecord({ originalCode: code, record: built.record });
    setSaving(false);
    if (result.ok) {
      close([result.value.reason, ...result.value.notes].join(' '));
      return;
    }
    const { fields, form } = errorsOf(result.error);
    setErrors(fields);
    setFormMessage(form);
    focusFirst(fields);
  };

  const setActive = async (active: boolean) => {
    if (code === null) return;
    const result = await api.setCostCenterActive({ code, active });
    if (result.ok) close(result.value.reason);
    else setFormMessage(result.error.message);
  };

  const aria = fieldAria(errors, errorId);
  const title = code === null ? `Add a ${def.noun}` : canEdit ? `Change ${def.noun} ${code}` : `${def.noun.charAt(0).toUpperCase()}${def.noun.slice(1)} ${code}`;
  const activeRecord = view?.record.kind === 'cost-center' ? view.record : null;

  // A field edited after a refusal loses its reason: what it holds now has not been judged.
  const edit = (name: string, value: string | boolean) => {
    setDraft({ ...draft, [name]: value });
    if (errors[name]) setErrors(({ [name]: _gone, ...rest }) => rest);
  };

  const input = (field: FieldDef) => {
    const value = draft[field.name];
    const common = {
      id: fieldId(field.name),
      'aria-invalid': aria.invalid(field.name),
      'aria-describedby': aria.describedBy(field.name, field.hint ? hintId(field.name) : undefined),
    };
    if (field.type === 'flag') {
      return (
        <label htmlFor={common.id} className="master-check">
          <input {...common} type="checkbox" checked={value === true} onChange={(event) => edit(field.name, event.target.checked)} />
          {field.label}
        </label>
      );
    }
    const readOnlyCode = field.type === 'code' && code !== null;
    return (
      <>
        <label htmlFor={common.id}>{field.label}</label>
        <input
          {...common}
          type="text"
          autoComplete="off"
          spellCheck={field.type === 'text'}
          className={field.type === 'money' ? 'num' : undefined}
          inputMode={field.type === 'money' ? 'decimal' : undefined}
          readOnly={readOnlyCode}
          value={String(value ?? '')}
          onChange={(event) => edit(field.name, event.target.value)}
        />
      </>
    );
  };

  return (
    <section className="settings-card master-form" aria-labelledby="master-form-title">
      <h2 id="master-form-title">{title}</h2>
      {view && (
        <p className="hint master-usage" id="master-form-usage">
          {view.usage}
        </p>
      )}
      <form className="settings-form" noValidate onSubmit={(event) => void onSubmit(event)} onKeyDown={cancelOnEscape(() => close())}>
        <fieldset className="master-fields" disabled={!canEdit}>
          <legend className="sr-only">{def.title}</legend>
          {def.fields.map((field) => (
            <div key={field.name} className={`field${field.wide ? ' master-field-wide' : ''}`}>
              {input(field)}
              {errors[field.name] && (
                <p className="field-error" id={errorId(field.name)}>
                  {errors[field.name]}
                </p>
              )}
              {field.hint && (
                <p className="hint" id={hintId(field.name)}>
                  {field.hint}
                </p>
              )}
            </div>
          ))}
        </fieldset>
        {canEdit ? (
          <RecordFormActions noun={def.noun} isNew={code === null} saving={saving} onCancel={() => close()} formMessage={formMessage} />
        ) : (
          <div className="settings-actions">
            <button id="master-form-back" type="button" className="secondary" onClick={() => close()}>
              Back to the list
            </button>
            {formMessage && <p role="alert">{formMessage}</p>}
          </div>
        )}
        {canEdit && activeRecord && (
          <p className="master-active-action">
            <button type="button" className="secondary" onClick={() => void setActive(!activeRecord.active)}>
              {activeRecord.active ? 'Deactivate cost center' : 'Reactivate cost center'}
            </button>
          </p>
        )}
      </form>
    </section>
  );
}
