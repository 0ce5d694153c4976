import type { CodeOption } from '../../../../../shared/contracts';
import { Combobox } from '../../../components/Combobox';

interface CodingPickerProps {
  id: string;
  label: string;
  /** Names the list; must not contain the field's own label. */
  listLabel: string;
  text: string;
  options: readonly CodeOption[];
  readOnly: boolean;
  invalid: boolean;
  describedBy: string | undefined;
  className: string;
  tabIndex?: number;
  title?: string;
  onTextChange(text: string): void;
  onCommit(text: string): void;
  /** Enter with no match highlighted (the coding box applies). */
  onEnter?(): void;
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
const matches = (option: CodeOption, typed: string): boolean => {
  const text = typed.trim().toLowerCase();
  return text === '' || option.code.toLowerCase().startsWith(text) || option.description.toLowerCase().includes(text);
};

/**
 * A coding value: typed, or picked from the dimension's values by type-ahead (the shared Combobox:
 * arrows move, Enter or Tab takes, Escape closes the list). Codes compare without case, as main
 * compares them, and are sent as the value list spells them.
 */
export function CodingPicker(props: CodingPickerProps) {
  const { id, label, listLabel, text, options, readOnly, invalid, describedBy, className, tabIndex, title } = props;
  if (readOnly) {
    return (
      <input
        id={id}
        className={className}
        type="text"
        readOnly
        aria-readonly
        tabIndex={tabIndex}
        aria-label={label}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        title={title}
        value={text}
        onKeyDown={(event) => {
          if (event.key !== 'Enter' || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
          event.preventDefault();
          props.onEnter?.();
        }}
      />
    );
  }
  return (
    <Combobox<CodeOption>
      id={id}
      text={text}
      options={options}
      optionKey={(option) => option.code}
      isExact={(option, typed) => same(option.code, typed)}
      filterOption={matches}
      listLabel={listLabel}
      listMinWidth={280}
      onTextChange={props.onTextChange}
      onCommit={(typed) => props.onCommit(typed)}
      onEnter={props.onEnter}
      inputProps={{
        maxLength: 40,
        tabIndex,
        className,
        title,
        'aria-label': label,
        'aria-invalid': invalid || undefined,
        'aria-describedby': describedBy,
      }}
      renderOption={(option) => (
        <span className="option-line">
          <span className="option-code">{option.code}</span>
          <span className="option-name">{option.description}</span>
        </span>
      )}
    />
  );
}
