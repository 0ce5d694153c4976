import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useUnsavedForm } from '../../stores/unsaved-forms';
import type { MasterRecordOf, SchemeEditorView, SchemeOverrideKind } from '../../../../shared/admin-schemas';
import { cancelOnEscape } from '../../components/record-form';
import { RecordFormActions } from '../../components/RecordFormActions';
import { api } from '../../api';
import { useMasterDataStore } from '../../stores/master-data-store';
import { CostCenterListEditor } from './CostCenterListEditor';
import { errorsOf } from './MasterForm';
import { SchemeOperators } from './SchemeOperators';
import { OverrideEditor } from './OverrideEditor';

type SchemeDraft = MasterRecordOf<'scheme'>;

const BLANK: SchemeDraft = { kind: 'scheme', code: '', description: '', costCenterRequired: true, costCenterCodes: [], overrides: [] };

/** Spectrum's scheme maintenance: code, description, whether a header needs a cost center, the ordered list, overrides and operators. */
export function SchemeEditor({ code }: { code: string | null }) {
  const close = useMasterDataStore.getState().close;
  const [facts, setFacts] = useState<SchemeEditorView | null>(null);
  const [draft, setDraft] = useState<SchemeDraft>(BLANK);
  // What the editor held when it opened or was last saved: a change from it is unsaved work.
  const [opened, setOpened] = useState(() => JSON.stringify(BLANK));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formMessage, setFormMessage] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [notes, setNotes] = useState<string | null>(null);

  const load = useCallback(
    async (which: string | null, keepDraft = false) => {
      const result = await api.schemeEditor({ code: which });
      if (!result.ok) return setFormMessage(result.error.message);
      setFacts(result.value);
      if (result.value.scheme && !keepDraft) {
        setDraft(result.value.scheme);
        setOpened(JSON.stringify(result.value.scheme));
      }
    },
    [],
  );
  useEffect(() => {
    void load(code);
  }, [code, load]);
  const ready = facts !== null;
  useEffect(() => {
    // Once the editor is drawn: a new scheme starts on its code, a stored one on the first field that may change.
    if (ready) document.getElementById(code === null ? 'scheme-code' : 'scheme-description')?.focus();
  }, [ready, code]);

  const readOnly = !(facts?.canEdit ?? false);
  useUnsavedForm('scheme-editor', !readOnly && !saving && JSON.stringify(draft) !== opened, 'Leaving now discards the scheme you changed but have not saved.');
  const owner = `scheme ${draft.code.trim().toUpperCase() || 'being added'}`;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving || readOnly) return;
    setSaving(true);
    const result = await api.saveMasterRecord({ originalCode: code, record: draft });
    setSaving(false);
    if (!result.ok) {
      const { fields, form } = errorsOf(result.error);
      setErrors(fields);
      setFormMessage(form);
      const first = Object.keys(fields)[0];
      const target = first === 'code' ? 'scheme-code' : first === 'description' ? 'scheme-description' : first?.startsWith('overrides.') ? `override-${first.split('.')[1]}-key` : 'scheme-list-add-code';
      document.getElementById(target)?.focus();
      return;
    }
    setErrors({});
    setFormMessage(null);
    if (code === null) {
      // A new scheme stays open so operators can be put on it.
      useMasterDataStore.getState().open({ view: 'scheme', code: result.value.record.code });
      return;
    }
    setNotes([result.value.reason, ...result.value.notes].join(' '));
    setDraft(result.value.record as SchemeDraft);
    setOpened(JSON.stringify(result.value.record));
  };

  if (!facts) return <p className="hint">{formMessage ?? 'Reading the scheme…'}</p>;
  const setOverride = (index: number, change: Partial<SchemeDraft['overrides'][number]>) =>
    setDraft({ ...draft, overrides: draft.overrides.map((override, at) => (at === index ? { ...override, ...change } : override)) });
  const addOverride = (kind: SchemeOverrideKind) => {
    setDraft({ ...draft, overrides: [...draft.overrides, { kind, key: '', costCenterCodes: [] }] });
    requestAnimationFrame(() => document.getElementById(`override-${draft.overrides.length}-key`)?.focus());
  };

  return (
    <section className="settings-card scheme-editor" aria-labelledby="scheme-editor-title">
      <h2 id="scheme-editor-title">{code === null ? 'Add a scheme' : readOnly ? `Scheme ${code}` : `Change scheme ${code}`}</h2>
      <form className="settings-form" noValidate onSubmit={(event) => void onSubmit(event)} onKeyDown={cancelOnEscape(() => close())}>
        <fieldset className="master-fields" disabled={readOnly}>
          <legend className="sr-only">Scheme</legend>
          <div className="field">
            <label htmlFor="scheme-code">Code</label>
            <input
              id="scheme-code"
              type="text"
              autoComplete="off"
              spellCheck={false}
              readOnly={code !== null}
              value={draft.code}
              aria-invalid={errors.code ? 'true' : undefined}
              aria-describedby={`scheme-code-hint${errors.code ? ' scheme-code-error' : ''}`}
              onChange={(event) => setDraft({ ...draft, code: event.target.value })}
            />
            {errors.code && (
              <p className="field-error" id="scheme-code-error">
                {errors.code}
              </p>
            )}
            <p className="hint" id="scheme-code-hint">
              At most 10 characters; not ALL. Never changes once added.
            </p>
          </div>
          <div className="field master-field-wide">
            <label htmlFor="scheme-description">Description</label>
            <input
              id="scheme-description"
              type="text"
              autoComplete="off"
              value={draft.description}
              aria-invalid={errors.description ? 'true' : undefined}
              aria-describedby={errors.description ? 'scheme-description-error' : undefined}
              onChange={(event) => setDraft({ ...draft, description: event.target.value })}
            />
            {errors.description && (
              <p className="field-error" id="scheme-description-error">
                {errors.description}
              </p>
            )}
          </div>
          <div className="field master-field-wide">
            <label htmlFor="scheme-required" className="master-check">
              <input id="scheme-required" type="checkbox" checked={draft.costCenterRequired} onChange={(event) => setDraft({ ...draft, costCenterRequired: event.target.checked })} />A PO header needs a cost center
            </label>
            <p className="hint">Unticked, PO entry offers “None” for the header cost center.</p>
          </div>
        </fieldset>
        <CostCenterListEditor
          idPrefix="scheme-list"
          label="Cost centers of the scheme"
          owner={owner}
          codes={draft.costCenterCodes}
          facts={facts}
          readOnly={readOnly}
          error={errors.costCenterCodes}
          onChange={(costCenterCodes) => setDraft({ ...draft, costCenterCodes })}
        />
        <OverrideEditor facts={facts} schemeOwner={owner} overrides={draft.overrides} errors={errors} readOnly={readOnly} onChange={setOverride} onAdd={addOverride} onRemove={(index) => setDraft({ ...draft, overrides: draft.overrides.filter((_, at) => at !== index) })} />
        {readOnly ? (
          <div className="settings-actions">
            <button type="button" className="secondary" onClick={() => close()}>
              Back to the list
            </button>
          </div>
        ) : (
          <RecordFormActions noun="scheme" isNew={code === null} saving={saving} onCancel={() => close()} formMessage={formMessage} />
        )}
        {notes && (
          <p className="settings-outcome is-ok" role="status">
            {notes}
          </p>
        )}
      </form>
      {code !== null && <SchemeOperators schemeCode={code} operators={facts.operators} readOnly={readOnly} onChanged={() => void load(code, true)} />}
    </section>
  );
}
