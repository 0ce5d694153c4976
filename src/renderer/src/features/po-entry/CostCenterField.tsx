import type { CostCenterOption } from '../../../../shared/contracts';
import { Combobox } from '../../components/Combobox';

interface CostCenterFieldProps {
  id: string;
  text: string;
  choices: readonly CostCenterOption[];
  invalid: boolean;
  describedBy: string | undefined;
  onTextChange(text: string): void;
  onCommit(code: string): void;
}

const matches = (choice: CostCenterOption, typed: string): boolean => {
  const text = typed.trim();
  return text === '' || choice.code.startsWith(text.toUpperCase()) || choice.description.toLowerCase().includes(text.toLowerCase());
};

/** Cost center: typed, or picked from the codes this operator may use with this vendor and warehouse. */
export function CostCenterField({ id, text, choices, invalid, describedBy, onTextChange, onCommit }: CostCenterFieldProps) {
  return (
    <Combobox<CostCenterOption>
      id={id}
      text={text}
      options={choices}
      optionKey={(choice) => choice.code}
      isExact={(choice, typed) => choice.code === typed.trim().toUpperCase()}
      filterOption={matches}
      listLabel="Cost center choices"
      onTextChange={onTextChange}
      onCommit={(typed) => onCommit(typed)}
      inputProps={{
        maxLength: 32,
        placeholder: choices.length > 0 ? '↓ for choices' : undefined,
        'aria-invalid': invalid || undefined,
        'aria-describedby': describedBy,
      }}
      renderOption={(choice) => (
        <span className="option-line">
          <span className="option-code">{choice.code}</span>
          <span className="option-name">{choice.description}</span>
        </span>
      )}
    />
  );
}
