import { useState } from 'react';
import type { ItemOption } from '../../../../../shared/contracts';
import { api } from '../../../api';
import { Combobox } from '../../../components/Combobox';
import { useLocaleFormat } from '../../../hooks/useLocaleFormat';
import { useLookup } from '../../../hooks/useLookup';

const searchItems = (query: string) => api.searchItems({ query });

interface ItemCellProps {
  id: string;
  lineNumber: number;
  text: string;
  tabIndex: number;
  invalid: boolean;
  describedBy: string | undefined;
  onTextChange(text: string): void;
  onCommit(text: string, picked: ItemOption | null): void;
}

/** Item code with look-up by code or description; a known item fills description and unit cost. */
export function ItemCell({ id, lineNumber, text, tabIndex, invalid, describedBy, onTextChange, onCommit }: ItemCellProps) {
  const [focused, setFocused] = useState(false);
  const { formatMoney } = useLocaleFormat();
  const options = useLookup(text, focused && text.trim() !== '', searchItems);
  return (
    <Combobox<ItemOption>
      id={id}
      text={text}
      options={text.trim() === '' ? null : options}
      optionKey={(item) => item.code}
      isExact={(item, typed) => item.code === typed.trim().toUpperCase()}
      listLabel={`Item matches for line ${lineNumber}`}
      listMinWidth={460}
      onTextChange={onTextChange}
      onCommit={onCommit}
      onFocusChange={setFocused}
      inputProps={{
        maxLength: 32,
        tabIndex,
        className: 'grid-input',
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
