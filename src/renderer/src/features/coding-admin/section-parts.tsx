import type { CodingSetup } from '../../../../shared/coding-schemas';
import { type PendingDelete, useCodingAdminStore } from '../../stores/coding-admin-store';
import type { FormContext, FormKindName, FormValues } from './admin-forms';
import { CodingRecordForm } from './CodingRecordForm';

/** What every row-coding admin section shares: its form slot, a delete's outcome, and the words of scope and yes/no. */
export const afterRender = (work: () => void) => setTimeout(work, 0);
/** After a form closes the cursor goes back to the row's Change button, or to the Add button. */
export const focusBack = (label: string | null, fallback: string) =>
  afterRender(() => {
    const match = label === null ? undefined : Array.from(document.querySelectorAll<HTMLButtonElement>('.coding-admin-table .link-button')).find((button) => button.getAttribute('aria-label') === label);
    (match ?? document.getElementById(fallback))?.focus();
  });

export const yesNo = (value: boolean) => (value ? 'Yes' : 'No');
export const orDash = (value: string | null | undefined) => value ?? '—';
export const REQUIREMENT = { no: 'No', yes: 'Yes', mandatory: 'Mandatory' } as const;
export const SUPPLIER_TYPE = { domestic: 'Domestic', eu: 'EU', import: 'Import' } as const;

export interface SectionProps {
  setup: CodingSetup;
}

/** The form of `kind` under its section's list, when it is the one open. */
export function FormSlot({ setup, kind, title, addId }: SectionProps & { kind: FormKindName; title(editing: string | null): string; addId: string }) {
  const form = useCodingAdminStore((s) => (s.form?.kind === kind ? s.form : null));
  const outcome = useCodingAdminStore((s) => (s.outcome?.kind === kind && !s.outcome.fromDelete ? s.outcome : null));
  return (
    <>
      {form && <CodingRecordForm setup={setup} title={title(form.editing)} onDone={() => focusBack(form.editing && `Change ${form.editing}`, addId)} />}
      {outcome &&
        (outcome.status === 'refused' ? (
          <p role="alert" className="settings-outcome is-refused">
            {outcome.message}
          </p>
        ) : (
          <p role="status" className="settings-outcome">
            {outcome.message}
          </p>
        ))}
    </>
  );
}

/** A delete's outcome, above the list it changed: the refusal says where the record is still used. */
export function DeleteOutcome({ kind }: { kind: FormKindName }) {
  const outcome = useCodingAdminStore((s) => (s.outcome?.kind === kind && s.outcome.fromDelete ? s.outcome : null));
  if (!outcome) return null;
  return outcome.status === 'refused' ? (
    <p role="alert" className="settings-outcome is-refused">
      {outcome.message}
    </p>
  ) : (
    <p role="status" className="settings-outcome">
      {outcome.message}
    </p>
  );
}

export const open = (kind: FormKindName, values: FormValues | null, editing: string | null, context?: Partial<FormContext>) => useCodingAdminStore.getState().open(kind, values, editing, context);
export const askDelete = (pending: PendingDelete) => useCodingAdminStore.getState().askDelete(pending);

/** "CU-F (global)", "CU-F (MAIN)": the global set and an organisation may both hold a code. */
export const scoped = (row: { code: string; organisationCode: string | null }) => `${row.code} (${row.organisationCode ?? 'global'})`;
export const scopeWords = (organisationCode: string | null) => (organisationCode === null ? 'the global set' : `organisation ${organisationCode}`);

