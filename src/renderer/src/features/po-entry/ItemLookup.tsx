import { type KeyboardEvent, useState } from 'react';
import type { ItemOption } from '../../../../shared/contracts';
import { formatMoney } from '../../../../shared/money';
import { api } from '../../api';
import { Combobox } from '../../components/Combobox';
import { useLookup } from '../../hooks/useLookup';

const searchItems = (query: string) => api.searchItems({ query });

interface ItemLookupProps {
  id: string;
  lineNumber: number;
  text: string;
  invalid: boolean;
  describedBy: string | undefined;
  onTextChange(text: string): void;
  onCommit(text: string, picked: ItemOption | null): void;
  onEnter(): void;
  onKeyDown(event: KeyboardEvent<HTMLInputElement>): void;
}

/** Item code with look-up by code or description; a known item fills description and unit cost. */
export function ItemLookup({ id, lineNumber, text, invalid, describedBy, onTextChange, onCommit, onEnter, onKeyDown }: ItemLookupProps) {
  const [focused, setFocused] = useState(false);
  const options = useLookup(text, focused && text.trim() !== '', searchItems);
  return (
    <Combobox<ItemOption>
      id={id}
      text={text}
      options={text.trim() === '' ? null : options}
      optionKey={(item) => item.code}
      isExact={(item, typed) => item.code === typed.trim().toUpperCase()}
      listLabel={`Item matches for line ${lineNumber}`}
      onTextChange={onTextChange}
      onCommit={onCommit}
      onEnter={onEnter}
      onFocusChange={setFocused}
      onKeyDown={onKeyDown}
      className="combobox-wide"
      inputProps={{
        maxLength: 32,
        'aria-label': `Line ${lineNumber} item`,
        'aria-invalid': invalid || undefined,
        'aria-describedby': describedBy,
      }}
      renderOption={(item) => (
        <span className="option-line">
          <span className="option-code">{item.code}</span>
          <span className="option-name">{item.description}</span>
          <span className="option-meta num">{formatMoney(item.unitCostMinor)}</span>
        </span>
      )}
    />
  );
}
