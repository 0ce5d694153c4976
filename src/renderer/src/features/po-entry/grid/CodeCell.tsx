import type { CodeOption } from '../../../../../shared/contracts';
import { Combobox } from '../../../components/Combobox';

interface CodeCellProps {
  id: string;
  label: string;
  /** Names the list of codes; must not contain the field's own label, or "Line 2 job" would name both. */
  listLabel: string;
  text: string;
  options: readonly (CodeOption & { note?: string })[];
  tabIndex: number;
  readOnly: boolean;
  invalid: boolean;
  describedBy: string | undefined;
  placeholder?: string;
  /** Why the cell is read-only, or where its value came from. */
  title?: string;
  onTextChange(text: string): void;
  onCommit(text: string): void;
}

const matches = (option: CodeOption, typed: string): boolean => {
  const text = typed.trim();
  return text === '' || option.code.startsWith(text.toUpperCase()) || option.description.toLowerCase().includes(text.toLowerCase());
};

/** A coding cell (job, work order, cost type, G/L, cost center): typed, or picked from the known codes. */
export function CodeCell({ id, label, listLabel, text, options, tabIndex, readOnly, invalid, describedBy, placeholder, title, onTextChange, onCommit }: CodeCellProps) {
  if (readOnly) {
    return (
      <input
        id={id}
        className="grid-input"
        type="text"
        readOnly
        aria-readonly
        tabIndex={tabIndex}
        aria-label={label}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        value={text}
        placeholder={placeholder}
        title={title}
      />
    );
  }
  return (
    <Combobox<CodeOption & { note?: string }>
      id={id}
      text={text}
      options={options}
      optionKey={(option) => option.code}
      isExact={(option, typed) => option.code === typed.trim().toUpperCase()}
      filterOption={matches}
      listLabel={listLabel}
      listMinWidth={300}
      onTextChange={onTextChange}
      onCommit={(typed) => onCommit(typed)}
      inputProps={{
        maxLength: 32,
        tabIndex,
        className: 'grid-input',
        placeholder,
        title,
        'aria-label': label,
        'aria-invalid': invalid || undefined,
        'aria-describedby': describedBy,
      }}
      renderOption={(option) => (
        <span className="option-line">
          <span className="option-code">{option.code}</span>
          <span className="option-name">{option.description}</span>
          {option.note && <span className="option-meta">{option.note}</span>}
        </span>
      )}
    />
  );
}
