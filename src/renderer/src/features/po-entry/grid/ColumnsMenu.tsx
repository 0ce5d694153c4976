import { useEffect, useRef, useState } from 'react';
import { useColumnLayoutStore } from './column-layout-store';
import { GRID_COLUMNS } from './columns';

/** Show or hide the coding columns and put widths back; remembered for this operator. */
export function ColumnsMenu({ costCentersOn }: { costCentersOn: boolean }) {
  const [open, setOpen] = useState(false);
  const hidden = useColumnLayoutStore((s) => s.layout.hidden);
  const toggle = useColumnLayoutStore((s) => s.toggle);
  const reset = useColumnLayoutStore((s) => s.reset);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (open) panelRef.current?.querySelector('input')?.focus();
  }, [open]);

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  const choices = GRID_COLUMNS.filter((column) => column.hideable && (costCentersOn || column.id !== 'costCenter'));
  return (
    <div className="columns-menu">
      <button
        ref={buttonRef}
        type="button"
        className="secondary small"
        aria-expanded={open}
        aria-controls="columns-menu-panel"
        onClick={() => (open ? close() : setOpen(true))}
      >
        Columns
      </button>
      {open && (
        <div
          ref={panelRef}
          id="columns-menu-panel"
          className="columns-menu-panel"
          role="group"
          aria-label="Columns shown"
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              event.stopPropagation();
              close();
            }
          }}
          onBlur={(event) => {
            if (!event.currentTarget.contains(event.relatedTarget as Node | null) && event.relatedTarget !== buttonRef.current) setOpen(false);
          }}
        >
          {choices.map((column) => (
            <label key={column.id} className="columns-menu-choice">
              <input type="checkbox" checked={!hidden.includes(column.id)} onChange={() => toggle(column.id)} />
              {column.title ?? column.header}
            </label>
          ))}
          <button type="button" className="link-button" onClick={reset}>
            Show all, default widths
          </button>
        </div>
      )}
    </div>
  );
}
