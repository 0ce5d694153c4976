import { type FormEvent, useEffect } from 'react';
import type { ApprovalRulesView } from '../../../../shared/lifecycle-schemas';
import { useLocaleFormat } from '../../hooks/useLocaleFormat';
import { useApprovalRulesStore } from '../../stores/approval-rules-store';
import { type ApproverChoice, type BandDraft, type BandField, firstRefusedField, MAX_APPROVALS } from './band-draft';
import { RecordFormActions } from '../../components/RecordFormActions';
import { cancelOnEscape, fieldAria } from '../../components/record-form';

const ID = {
  scope: 'band-scope',
  from: 'band-from',
  approvalsRequired: 'band-approvals',
  approvers: 'band-approvers',
  adminRequired: 'band-admin-required',
} satisfies Record<BandField, string>;

const errorId = (field: BandField) => `${ID[field]}-error`;

const CHOICES: { value: ApproverChoice; label: string }[] = [
  { value: 'supervisor', label: 'Supervisors or admins' },
  { value: 'admin', label: 'Admins only' },
  { value: 'named', label: 'Named people' },
];

/** Where the cursor goes for a refused field: the field itself, or the approver control that is chosen. */
export function focusBandField(field: BandField, draft: BandDraft): void {
  const id =
    field === 'approvers'
      ? draft.approverChoice === 'named'
        ? (document.querySelector<HTMLInputElement>('.band-named input')?.id ?? `band-approvers-named`)
        : `band-approvers-${draft.approverChoice}`
      : ID[field];
  document.getElementById(id)?.focus();
}

/** Whom a band may name: every active supervisor and admin, and anyone it already names who is no longer one. */
function nameable(view: ApprovalRulesView, draft: BandDraft) {
  const people = view.approvers.map((a) => ({ id: a.id, label: `${a.displayName} (${a.role})` }));
  const band = view.bands.find((b) => b.id === draft.id);
  if (band?.approvers.kind === 'named') {
    for (const named of band.approvers.approvers) {
      if (!people.some((p) => p.id === named.id)) people.push({ id: named.id, label: `${named.displayName} (can no longer approve)` });
    }
  }
  return people;
}

function FieldError({ field, message }: { field: BandField; message: string | undefined }) {
  if (!message) return null;
  return (
    <p className="field-error" id={errorId(field)} role="alert">
      {message}
    </p>
  );
}

interface BandFormProps {
  view: ApprovalRulesView;
  draft: BandDraft;
  onSaved(id: number | null): void;
  onCancel(): void;
}

/** Add or change one band; main's refusals stand beside the field they are about. Escape cancels, Enter saves. */
export function BandForm({ view, draft, onSaved, onCancel }: BandFormProps) {
  const { formatMoney } = useLocaleFormat();
  const fieldErrors = useApprovalRulesStore((s) => s.fieldErrors);
  const formMessage = useApprovalRulesStore((s) => s.formMessage);
  const saving = useApprovalRulesStore((s) => s.saving);
  const store = useApprovalRulesStore.getState();
  const editing = view.bands.find((band) => band.id === draft.id);

  useEffect(() => {
    document.getElementById(ID.scope)?.focus();
    // Once per band opened: a new draft for another band moves the cursor back to the top.
  }, [draft.id]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await store.save();
    if (saved !== null) {
      onSaved(saved);
      return;
    }
    const { fieldErrors: errors, draft: current } = useApprovalRulesStore.getState();
    const first = firstRefusedField(errors);
    if (first && current) focusBandField(first, current);
  };

  const onKeyDown = cancelOnEscape(onCancel);

  const { invalid, describedBy } = fieldAria(fieldErrors, errorId);

  return (
    <section className="settings-card band-form-card" aria-labelledby="band-form-title">
      <h2 id="band-form-title">{editing ? `Change the band ${editing.label}` : draft.id === null ? 'Add a band' : 'Change a band that has been deleted meanwhile'}</h2>
      <form className="settings-form band-form" noValidate onSubmit={(event) => void onSubmit(event)} onKeyDown={onKeyDown}>
        <div className="band-form-row">
          <div className="field">
            <label htmlFor={ID.scope}>Scope</label>
            <select
              id={ID.scope}
              value={draft.scope}
              aria-invalid={invalid('scope')}
              aria-describedby={describedBy('scope')}
              onChange={(event) => store.edit({ scope: event.target.value })}
            >
              <option value="">All cost centers</option>
              {view.costCenters.map((cc) => (
                <option key={cc.code} value={cc.code}>
                  Cost center {cc.code} — {cc.description}
                </option>
              ))}
            </select>
            <FieldError field="scope" message={fieldErrors.scope} />
          </div>

          <div className="field">
            <label htmlFor={ID.from}>From amount</label>
            <input
              id={ID.from}
              type="text"
              inputMode="decimal"
              autoComplete="off"
              spellCheck={false}
              className="num"
              value={draft.from.text}
              aria-invalid={invalid('from')}
              aria-describedby={describedBy('from', 'band-from-hint')}
              onChange={(event) => store.editFrom(event.target.value)}
              onBlur={() => store.checkFrom()}
            />
            <FieldError field="from" message={fieldErrors.from} />
            <p className="hint" id="band-from-hint">
              The PO total from which the band applies, typed as in {formatMoney(1_000_000)}.
            </p>
          </div>

          <div className="field">
            <label htmlFor={ID.approvalsRequired}>Approvals required</label>
            <select
              id={ID.approvalsRequired}
              value={draft.approvalsRequired}
              aria-invalid={invalid('approvalsRequired')}
              aria-describedby={describedBy('approvalsRequired')}
              onChange={(event) => store.edit({ approvalsRequired: Number(event.target.value) })}
            >
              {Array.from({ length: MAX_APPROVALS }, (_, index) => index + 1).map((count) => (
                <option key={count} value={count}>
                  {count}
                </option>
              ))}
            </select>
            <FieldError field="approvalsRequired" message={fieldErrors.approvalsRequired} />
          </div>
        </div>

        <fieldset className="field band-approvers" aria-invalid={invalid('approvers')} aria-describedby={describedBy('approvers')}>
          <legend>Who approves</legend>
          <div className="band-choices">
            {CHOICES.map((choice) => (
              <label key={choice.value} htmlFor={`band-approvers-${choice.value}`}>
                <input
                  id={`band-approvers-${choice.value}`}
                  type="radio"
                  name="band-approvers"
                  value={choice.value}
                  checked={draft.approverChoice === choice.value}
                  onChange={() => store.edit({ approverChoice: choice.value })}
                />
                {choice.label}
              </label>
            ))}
          </div>
          {draft.approverChoice === 'named' && (
            <ul className="band-named" aria-label="Named approvers">
              {nameable(view, draft).map((person) => (
                <li key={person.id}>
                  <label htmlFor={`band-named-${person.id}`}>
                    <input
                      id={`band-named-${person.id}`}
                      type="checkbox"
                      checked={draft.namedIds.includes(person.id)}
                      onChange={(event) => store.toggleNamed(person.id, event.target.checked)}
                    />
                    {person.label}
                  </label>
                </li>
              ))}
            </ul>
          )}
          <FieldError field="approvers" message={fieldErrors.approvers} />
        </fieldset>

        <div className="field settings-check">
          <label htmlFor={ID.adminRequired}>
            <input
              id={ID.adminRequired}
              type="checkbox"
              checked={draft.adminRequired}
              aria-invalid={invalid('adminRequired')}
              aria-describedby={describedBy('adminRequired', 'band-admin-required-hint')}
              onChange={(event) => store.edit({ adminRequired: event.target.checked })}
            />
            Admin required
          </label>
          <FieldError field="adminRequired" message={fieldErrors.adminRequired} />
          <p className="hint" id="band-admin-required-hint">
            At least one of the approvals must be an admin&apos;s.
          </p>
        </div>

        <RecordFormActions noun="band" isNew={draft.id === null} saving={saving} onCancel={onCancel} formMessage={formMessage} />
      </form>
    </section>
  );
}
