import { type FormEvent, useEffect, useState } from 'react';
import { formatDate, formatMoney, formatQuantity } from '../../../../shared/locale-format';
import { DEFAULT_LOCALE, isSupportedLocale, LOCALE_LABELS, type LocaleCode, SUPPORTED_LOCALES } from '../../../../shared/locales';
import { useSessionStore } from '../../stores/session-store';

/** The select's value for "follow the installation". */
const FOLLOW = '';

/** A day above 12, so the order of day and month shows. */
const exampleDate = () => `${new Date().getFullYear()}-03-31`;

function LocaleExample({ locale }: { locale: LocaleCode }) {
  return (
    <dl className="settings-example" aria-label={`Example in ${LOCALE_LABELS[locale]}`} id="my-locale-example">
      <div>
        <dt>Number</dt>
        <dd className="num">{formatQuantity(1_234_567, locale)}</dd>
      </div>
      <div>
        <dt>Amount</dt>
        <dd className="num">{formatMoney(123_450, locale)}</dd>
      </div>
      <div>
        <dt>Date</dt>
        <dd className="num">{formatDate(exampleDate(), locale)}</dd>
      </div>
    </dl>
  );
}

/** Every operator's own number and date format, or the installation's; the example follows the choice as it is made. */
export function MyPreferences() {
  const operator = useSessionStore((s) => s.operator);
  const installationLocale = useSessionStore((s) => s.settings?.locale ?? DEFAULT_LOCALE);
  const setMyLocale = useSessionStore((s) => s.setMyLocale);
  const stored = operator?.locale ?? FOLLOW;
  const [choice, setChoice] = useState<string>(stored);
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);

  // Changed elsewhere (another window of this operator): show what is stored.
  useEffect(() => setChoice(stored), [stored]);

  const chosenLocale: LocaleCode = isSupportedLocale(choice) ? choice : installationLocale;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    if (choice === stored) {
      setOutcome({ ok: true, message: 'This is already your format; nothing changed.' });
      return;
    }
    setSaving(true);
    const locale = isSupportedLocale(choice) ? choice : null;
    const result = await setMyLocale(locale);
    setSaving(false);
    if (!result.ok) {
      setOutcome({ ok: false, message: `Not saved: ${result.error.message}` });
      return;
    }
    setOutcome({
      ok: true,
      message:
        locale === null
          ? `Saved: you follow the installation's format, ${LOCALE_LABELS[installationLocale]}.`
          : `Saved: numbers and dates now show as ${LOCALE_LABELS[locale]}.`,
    });
  };

  return (
    <section className="settings-card" aria-labelledby="my-preferences-title">
      <h2 id="my-preferences-title">My preferences</h2>
      <form className="settings-form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <div className="field">
          <label htmlFor="my-locale">Number and date format</label>
          <select
            id="my-locale"
            value={choice}
            aria-describedby="my-locale-hint my-locale-example"
            onChange={(event) => {
              setChoice(event.target.value);
              setOutcome(null);
            }}
            onKeyDown={(event) => {
              // A select does not submit its form on Enter by itself.
              if (event.key === 'Enter') {
                event.preventDefault();
                event.currentTarget.form?.requestSubmit();
              }
            }}
          >
            <option value={FOLLOW}>Follow the installation — {LOCALE_LABELS[installationLocale]}</option>
            {SUPPORTED_LOCALES.map((locale) => (
              <option key={locale} value={locale}>
                {LOCALE_LABELS[locale]}
              </option>
            ))}
          </select>
          <p className="hint" id="my-locale-hint">
            How you read and type quantities, amounts and dates on this desk. Only you are affected.
          </p>
        </div>
        <LocaleExample locale={chosenLocale} />
        <div className="settings-actions">
          <button type="submit" className="primary" aria-disabled={saving || undefined}>
            Use this format
          </button>
          <span role="status" className={`settings-outcome${outcome && !outcome.ok ? ' is-refused' : ''}`}>
            {outcome?.message}
          </span>
        </div>
      </form>
    </section>
  );
}
