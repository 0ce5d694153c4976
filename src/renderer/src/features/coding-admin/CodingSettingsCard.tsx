import type { CodingSetup } from '../../../../shared/coding-schemas';
import { useCodingAdminStore } from '../../stores/coding-admin-store';

type Settings = CodingSetup['settings'];
const CHECKS: { key: keyof Settings & ('codingFromRowAbove' | 'codingOnlyInExtraRowInfo' | 'mandatoryCoding' | 'operatorsMayOverrideCoding'); label: string; hint: string }[] = [
  { key: 'codingFromRowAbove', label: 'Coding according to row above', hint: 'A new row takes the coding of the row above, except where the matrix has a value.' },
  { key: 'codingOnlyInExtraRowInfo', label: 'Coding only in extra row info', hint: 'The grid shows the coding read-only; it is edited in the coding box (Alt+C).' },
  { key: 'mandatoryCoding', label: 'Mandatory coding on order rows', hint: 'Save refuses a row without a purchase account or a Mandatory sub-object; the coding box opens by itself on a part without a product group.' },
  { key: 'operatorsMayOverrideCoding', label: 'Operators may override coded values', hint: 'Supervisors and admins always may, on a row not yet invoiced.' },
];

/** The row-coding settings: each change is saved (and audited) as it is made. */
export function CodingSettingsCard({ setup }: { setup: CodingSetup }) {
  const saving = useCodingAdminStore((s) => s.saving);
  const outcome = useCodingAdminStore((s) => (s.outcome?.kind === 'settings' ? s.outcome : null));
  const saveSettings = useCodingAdminStore((s) => s.saveSettings);
  const canEdit = setup.rights.canEdit;
  const settings = setup.settings;
  return (
    <section className="settings-card coding-admin-section" aria-labelledby="coding-settings-title">
      <h2 id="coding-settings-title">Row-coding settings</h2>
      <div className="coding-admin-settings">
        {CHECKS.map((check) => (
          <div key={check.key} className="field settings-check">
            <label htmlFor={`coding-setting-${check.key}`}>
              <input
                id={`coding-setting-${check.key}`}
                type="checkbox"
                checked={settings[check.key]}
                disabled={!canEdit || saving}
                aria-describedby={`coding-setting-${check.key}-hint`}
                onChange={(event) => void saveSettings({ [check.key]: event.target.checked })}
              />
              {check.label}
            </label>
            <p className="hint" id={`coding-setting-${check.key}-hint`}>
              {check.hint}
            </p>
          </div>
        ))}
        <div className="field">
          <label htmlFor="coding-setting-additional">Rows without a part number</label>
          <select
            id="coding-setting-additional"
            value={settings.additionalRowCoding}
            disabled={!canEdit || saving}
            onChange={(event) => void saveSettings({ additionalRowCoding: event.target.value as Settings['additionalRowCoding'] })}
          >
            <option value="standard-account">Standard account</option>
            <option value="row-above">Row above</option>
            <option value="none">None</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="coding-setting-setup">Setup-price rows</label>
          <select
            id="coding-setting-setup"
            value={settings.setupPriceCoding}
            disabled={!canEdit || saving}
            onChange={(event) => void saveSettings({ setupPriceCoding: event.target.value as Settings['setupPriceCoding'] })}
          >
            <option value="part">Their part&apos;s coding</option>
            <option value="product-group">Their own product group&apos;s</option>
          </select>
        </div>
      </div>
      {outcome && (
        <p role="status" className={outcome.status === 'saved' ? 'settings-outcome is-saved' : 'settings-outcome is-refused'}>
          {outcome.message}
        </p>
      )}
      {!canEdit && <p className="hint">{setup.rights.reason}</p>}
    </section>
  );
}
