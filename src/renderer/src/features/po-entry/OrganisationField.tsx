import { useCodingSetupStore } from '../../stores/coding-setup-store';
import { usePoEntryStore } from '../../stores/po-entry-store';
import { FieldError } from '../../components/FieldReason';
import { ORGANISATION_FIELD_ID } from './field-ids';

/** The organisation the PO is coded for: shown only where there is more than one to choose. */
export function OrganisationField() {
  // The setup itself, never a list made in the selector: a new array on every read would render without end.
  const setup = useCodingSetupStore((s) => s.setup);
  const organisations = setup?.organisations ?? [];
  const defaultCode = organisations.find((organisation) => organisation.isDefault)?.code ?? '';
  const organisationCode = usePoEntryStore((s) => s.organisationCode);
  const setOrganisation = usePoEntryStore((s) => s.setOrganisation);
  const error = usePoEntryStore((s) => s.fieldErrors.organisation);
  const active = organisations.filter((organisation) => organisation.active || organisation.code === organisationCode);
  if (active.length < 2) return null;
  return (
    <div className="field">
      <label htmlFor={ORGANISATION_FIELD_ID}>Organisation</label>
      <select
        id={ORGANISATION_FIELD_ID}
        value={organisationCode ?? defaultCode}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'organisation-error' : undefined}
        onChange={(event) => setOrganisation(event.target.value === defaultCode ? null : event.target.value)}
      >
        {active.map((organisation) => (
          <option key={organisation.code} value={organisation.code}>
            {organisation.code} — {organisation.name}
          </option>
        ))}
      </select>
      <FieldError id="organisation-error" message={error} />
    </div>
  );
}
