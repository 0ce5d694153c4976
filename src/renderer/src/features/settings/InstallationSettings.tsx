import { type FormEvent, useEffect, useRef } from 'react';
import type { Settings } from '../../../../shared/contracts';
import { CODING_MODES } from '../../../../shared/purchasing-controls-schemas';
import { formatMoney } from '../../../../shared/locale-format';
import { isSupportedLocale, LOCALE_LABELS, SUPPORTED_LOCALES } from '../../../../shared/locales';
import { useLocaleFormat } from '../../hooks/useLocaleFormat';
import { useInstallationSettingsStore } from '../../stores/installation-settings-store';
import { ConfirmChangesDialog } from './ConfirmChangesDialog';
import '../purchasing-controls/coding-mode.css';
import { CODING_MODE_EFFECTS, CODING_MODE_LABELS, largePoText } from './setting-changes';

const LARGE_PO_ID = 'installation-large-po';

/** Admins only (main refuses anyone else): settings every workstation follows, saved after a confirmation that says what changes. */
export function InstallationSettings({ settings }: { settings: Settings }) {
  const { locale } = useLocaleFormat();
  const edits = useInstallationSettingsStore((s) => s.edits);
  const largePoError = useInstallationSettingsStore((s) => s.largePoError);
  const pending = useInstallationSettingsStore((s) => s.pending);
  const saving = useInstallationSettingsStore((s) => s.saving);
  const outcome = useInstallationSettingsStore((s) => s.outcome);
  const store = useInstallationSettingsStore.getState();
  const largePoRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    useInstallationSettingsStore.getState().relocale(locale);
  }, [locale]);

  const codingMode = edits.codingMode ?? settings.codingMode;
  const budgetOrderRequired = edits.budgetOrderRequired ?? settings.budgetOrderRequired;
  const installationLocale = edits.locale ?? settings.locale;
  const largePo = edits.largePo?.text ?? largePoText(settings.largePoAmountMinor, locale);

  // A refused amount puts the cursor back in its field, the text as typed.
  const focusRefusedAmount = () => {
    if (useInstallationSettingsStore.getState().largePoError) largePoRef.current?.focus();
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    store.review();
    focusRefusedAmount();
  };

  const onConfirm = async () => {
    await store.confirm();
    // After the dialog has handed focus back to the Save button.
    setTimeout(focusRefusedAmount, 0);
  };

  return (
    <section className="settings-card" aria-labelledby="installation-title">
      <h2 id="installation-title">Installation settings</h2>
      <p className="hint">These apply to every workstation and every operator. Each change is confirmed first and recorded in the audit log.</p>
      <form className="settings-form" noValidate onSubmit={onSubmit}>
        <fieldset className="field settings-modes" aria-describedby="installation-coding-hint">
          <legend>How POs are coded</legend>
          {CODING_MODES.map((mode) => (
            <label key={mode} className="settings-mode" htmlFor={`installation-coding-${mode}`}>
              <input
                id={`installation-coding-${mode}`}
                type="radio"
                name="installation-coding-mode"
                value={mode}
                checked={codingMode === mode}
                aria-describedby={`installation-coding-${mode}-hint`}
                onChange={() => store.edit({ codingMode: mode })}
              />
              <span className="settings-mode-text">
                <span className="settings-mode-label">{CODING_MODE_LABELS[mode]}</span>
                <span className="hint" id={`installation-coding-${mode}-hint`}>
                  {CODING_MODE_EFFECTS[mode]}
                </span>
              </span>
            </label>
          ))}
          <p className="hint" id="installation-coding-hint">
            One way at a time: cost centers and project codes cannot both be in use, so choosing one turns the other off. Switching never rewrites
            stored POs: each keeps the cost centers or project code it was saved with.
          </p>
        </fieldset>

        <div className="field settings-check">
          <label htmlFor="installation-budget-required">
            <input
              id="installation-budget-required"
              type="checkbox"
              checked={budgetOrderRequired}
              aria-describedby="installation-budget-required-hint"
              onChange={(event) => store.edit({ budgetOrderRequired: event.target.checked })}
            />
            Budget order required
          </label>
          <p className="hint" id="installation-budget-required-hint">
            A PO cannot be submitted without a budget order valid on its date. Drafts can be saved without one.
          </p>
        </div>

        <div className="field">
          <label htmlFor="installation-locale">Installation number and date format</label>
          <select
            id="installation-locale"
            value={installationLocale}
            aria-describedby="installation-locale-hint"
            onChange={(event) => {
              if (isSupportedLocale(event.target.value)) store.edit({ locale: event.target.value });
            }}
          >
            {SUPPORTED_LOCALES.map((code) => (
              <option key={code} value={code}>
                {LOCALE_LABELS[code]}
              </option>
            ))}
          </select>
          <p className="hint" id="installation-locale-hint">
            For every operator who has not chosen a format of their own.
          </p>
        </div>

        <div className="field">
          <label htmlFor={LARGE_PO_ID}>Large-PO amount</label>
          <input
            ref={largePoRef}
            id={LARGE_PO_ID}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            spellCheck={false}
            className="num settings-amount"
            value={largePo}
            aria-invalid={largePoError ? 'true' : undefined}
            aria-describedby={`${LARGE_PO_ID}-hint${largePoError ? ` ${LARGE_PO_ID}-error` : ''}`}
            onChange={(event) => store.editLargePo(event.target.value)}
            onBlur={() => store.checkLargePo()}
          />
          {largePoError && (
            <p className="field-error" id={`${LARGE_PO_ID}-error`} role="alert">
              {largePoError}
            </p>
          )}
          <p className="hint" id={`${LARGE_PO_ID}-hint`}>
            A save whose total is above this asks the operator to confirm it; blank never asks. Type it in your own format, as in{' '}
            {formatMoney(123_450, locale)} ({LOCALE_LABELS[locale]}).
          </p>
        </div>

        <div className="settings-actions">
          <button type="submit" className="primary" aria-disabled={saving || undefined}>
            Save installation settings…
          </button>
          <button type="button" className="secondary" onClick={() => store.discard()}>
            Undo my edits
          </button>
          <span role="status" className={`settings-outcome${outcome?.kind === 'refused' ? ' is-refused' : ''}`}>
            {outcome?.message}
          </span>
        </div>
      </form>

      {pending && (
        <ConfirmChangesDialog
          title="Change installation settings?"
          descriptions={pending.descriptions}
          confirmLabel="Save changes"
          cancelLabel="Cancel"
          busy={saving}
          onConfirm={() => void onConfirm()}
          onCancel={() => store.cancel()}
        />
      )}
    </section>
  );
}
