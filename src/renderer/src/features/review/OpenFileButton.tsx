import { type ChangeEvent, useId, useRef } from 'react';

interface OpenFileButtonProps {
  /** The button's words, e.g. "Open a review package…". */
  label: string;
  /** What the picker is for, read by screen readers on the hidden file input. */
  inputLabel: string;
  className?: string;
  disabled?: boolean;
  onFile(file: File): void;
}

/**
 * A button that opens the system's file picker for one JSON file. The file input itself stays
 * hidden (it cannot be styled), labelled, and emptied after each pick so the same file can be picked again.
 */
export function OpenFileButton({ label, inputLabel, className = 'secondary', disabled, onFile }: OpenFileButtonProps) {
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) onFile(file);
  };
  return (
    <>
      <button type="button" className={className} disabled={disabled} onClick={() => input.current?.click()}>
        {label}
      </button>
      <input ref={input} id={inputId} type="file" accept=".json,application/json" className="sr-only" tabIndex={-1} aria-label={inputLabel} onChange={onChange} />
    </>
  );
}
