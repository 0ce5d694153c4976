import type { CostCenterOption } from '../../../../shared/contracts';
import type { CostCenterList } from '../../../../shared/purchasing-controls-schemas';
import { Combobox } from '../../components/Combobox';

/** One row of the header's cost-center list: a code to pick, "None", or a code a list removed, with why. */
type RemovedBy = CostCenterList['removed'][number]['removedBy'];
type Choice = { kind: 'code'; code: string; description: string } | { kind: 'none' } | { kind: 'removed'; code: string; removedBy: RemovedBy; reason: string };

export const NONE_TEXT = 'None';

const REMOVED_BY: Record<RemovedBy, string> = {
  scheme: 'Not on the scheme list',
  'billing-entity': 'Not on the billing entity’s list',
  vendor: 'Not used by the vendor',
};

const keyOf = (choice: Choice): string => (choice.kind === 'none' ? NONE_TEXT : choice.code);

const matches = (choice: Choice, typed: string): boolean => {
  const text = typed.trim();
  if (text === '') return choice.kind !== 'removed';
  if (choice.kind === 'none') return NONE_TEXT.toLowerCase().startsWith(text.toLowerCase());
  if (choice.code.startsWith(text.toUpperCase())) return true;
  return choice.kind === 'code' && choice.description.toLowerCase().includes(text.toLowerCase());
};

const isExact = (choice: Choice, typed: string): boolean =>
  choice.kind === 'none' ? typed.trim().toLowerCase() === NONE_TEXT.toLowerCase() : choice.code === typed.trim().toUpperCase();

interface HeaderCostCenterFieldProps {
  id: string;
  text: string;
  choices: readonly CostCenterOption[];
  list: CostCenterList | undefined;
  invalid: boolean;
  describedBy: string | undefined;
  onTextChange(text: string): void;
  onCommit(code: string): void;
  onNone(): void;
}

/**
 * The header's cost center: typed, or picked from the codes main offers for this vendor, warehouse
 * and billing entity; "None" where the scheme does not require one. Codes a list removed are shown
 * last, marked with the list that removed them, so the operator reads why instead of finding nothing.
 */
export function HeaderCostCenterField({ id, text, choices, list, invalid, describedBy, onTextChange, onCommit, onNone }: HeaderCostCenterFieldProps) {
  const options: Choice[] = [
    ...choices.map((choice): Choice => ({ kind: 'code', code: choice.code, description: choice.description })),
    ...(list?.noneOffered ? [{ kind: 'none' } as const] : []),
    ...(list?.removed ?? [])
      .filter((removed) => !choices.some((choice) => choice.code === removed.code))
      .map((removed): Choice => ({ kind: 'removed', code: removed.code, removedBy: removed.removedBy, reason: removed.reason })),
  ];
  return (
    <Combobox<Choice>
      id={id}
      text={text}
      options={options}
      optionKey={keyOf}
      isExact={isExact}
      filterOption={matches}
      listLabel="Cost center choices"
      onTextChange={onTextChange}
      onCommit={(typed, picked) => {
        if (picked?.kind === 'none') onNone();
        else onCommit(typed);
      }}
      className={list && list.removed.length > 0 ? 'combobox-wide' : undefined}
      listMinWidth={list && list.removed.length > 0 ? 440 : undefined}
      inputProps={{
        maxLength: 32,
        placeholder: options.length > 0 ? '↓ for choices' : undefined,
        'aria-invalid': invalid || undefined,
        'aria-describedby': describedBy,
      }}
      renderOption={(choice) =>
        choice.kind === 'none' ? (
          <span className="option-line">
            <span className="option-code">{NONE_TEXT}</span>
            <span className="option-name">No header cost center: each line carries its own</span>
          </span>
        ) : choice.kind === 'code' ? (
          <span className="option-line">
            <span className="option-code">{choice.code}</span>
            <span className="option-name">{choice.description}</span>
          </span>
        ) : (
          <span className="option-body refused">
            <span className="option-line">
              <span className="option-code">{choice.code}</span>
              <span className="option-flag">{REMOVED_BY[choice.removedBy]}</span>
            </span>
            <span className="option-reason">{choice.reason}</span>
          </span>
        )
      }
    />
  );
}
