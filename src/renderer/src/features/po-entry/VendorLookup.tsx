import { useState } from 'react';
import type { VendorOption } from '../../../../shared/contracts';
import { api } from '../../api';
import { Combobox } from '../../components/Combobox';
import { useLookup } from '../../hooks/useLookup';

const searchVendors = (query: string) => api.searchVendors({ query });

interface VendorLookupProps {
  id: string;
  text: string;
  invalid: boolean;
  showCostCenters: boolean;
  describedBy: string | undefined;
  onTextChange(text: string): void;
  onCommit(code: string): void;
}

/** Vendor by code or name: matches show whether this operator may order from them, and why not. */
export function VendorLookup({ id, text, invalid, showCostCenters, describedBy, onTextChange, onCommit }: VendorLookupProps) {
  const [focused, setFocused] = useState(false);
  const options = useLookup(text, focused, searchVendors);
  return (
    <Combobox<VendorOption>
      id={id}
      text={text}
      options={options}
      optionKey={(vendor) => vendor.code}
      isExact={(vendor, typed) => vendor.code === typed.trim().toUpperCase()}
      listLabel="Vendor matches"
      onTextChange={onTextChange}
      onCommit={(typed) => onCommit(typed)}
      onFocusChange={setFocused}
      className="combobox-wide"
      listMinWidth={440}
      inputProps={{
        maxLength: 32,
        placeholder: 'Code or name',
        'aria-invalid': invalid || undefined,
        'aria-describedby': describedBy,
      }}
      renderOption={(vendor) => (
        <span className={vendor.allowed ? 'option-body' : 'option-body refused'}>
          <span className="option-line">
            <span className="option-code">{vendor.code}</span>
            <span className="option-name">{vendor.name}</span>
            {!vendor.allowed ? (
              <span className="option-flag">Not allowed</span>
            ) : showCostCenters ? (
              <span className="option-meta">{vendor.costCenters.length > 0 ? `CC ${vendor.costCenters.join(', ')}` : 'No cost centers'}</span>
            ) : null}
          </span>
          {!vendor.allowed && <span className="option-reason">{vendor.reason}</span>}
        </span>
      )}
    />
  );
}
