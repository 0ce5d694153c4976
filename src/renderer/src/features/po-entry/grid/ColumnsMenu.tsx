import { useEffect, useRef, useState } from 'react';
import { useColumnLayoutStore } from './column-layout-store';
import { type GridColumn, isShown } from './columns';

/** Show or hide the coding columns and put widths back; remembered for this operator. */
export function ColumnsMenu({ costCentersOn, columns }: { costCentersOn: boolean; columns: readonly GridColumn[] }) {
  const [open, setOpen] = useState(false);
  const layout = useColumnLayoutStore((s) => s.layout);
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

  const choices = columns.filter((column) => column.hideable && (costCentersOn || column.id !== 'costCenter'));
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
              <input type="checkbox" checked={isShown(column, layout)} onChange={() => toggle(column.id)} />
              {column.title ?? column.header}
            </label>
          ))}
          <button type="button" className="link-button" onClick={reset}>
            Default columns and widths
          </button>
        </div>
      )}
    </div>
  );
}
