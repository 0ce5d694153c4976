import { type ReactNode, useId, useState } from 'react';

export interface ListColumn<T> {
  header: string;
  cell(row: T): ReactNode;
  /** What the filter matches in this column. */
  text?(row: T): string;
}

interface CodingListSectionProps<T> {
  /** The region's name and heading. */
  title: string;
  lead: ReactNode;
  rows: readonly T[];
  rowKey(row: T): string;
  /** "Change product group FASTENERS". */
  changeLabel(row: T): string;
  columns: readonly ListColumn<T>[];
  canEdit: boolean;
  /** "Add a product group…"; none: records are not added here (vendors, items, the chart). */
  addLabel?: string;
  addId?: string;
  onAdd?(): void;
  onChange?(row: T): void;
  /** "Delete matrix cell FASTENERS × every supplier group"; with onDelete, a Delete button per row for admins. */
  deleteLabel?(row: T): string;
  /** Asks first (ConfirmDialog); main says whether it may go. */
  onDelete?(row: T): void;
  /** A row that is never deleted (a core dimension) gets no Delete button. */
  deletable?(row: T): boolean;
  /** Shown above the list: the outcome of a delete, beside the rows it is about. */
  notice?: ReactNode;
  /** Shown above the list (a picker of the dimension type, say). */
  toolbar?: ReactNode;
  /** The section's form and outcome, under its list. */
  children?: ReactNode;
}

/**
 * One kind of coding master data: a filter, the list, Change and (where the kind may be deleted)
 * Delete buttons per row for admins, and an Add button. The filter narrows on every column's text
 * as typed; Tab reaches each row's buttons.
 */
export function CodingListSection<T>(props: CodingListSectionProps<T>) {
  const { title, lead, rows, rowKey, changeLabel, columns, canEdit, addLabel, addId, onAdd, onChange, deleteLabel, onDelete, deletable, notice, toolbar, children } = props;
  const actions = canEdit && (onChange !== undefined || onDelete !== undefined);
  const [filter, setFilter] = useState('');
  const id = useId();
  const headingId = `${id}-title`;
  const typed = filter.trim().toLowerCase();
  const shown = typed === '' ? rows : rows.filter((row) => columns.some((column) => column.text?.(row).toLowerCase().includes(typed)));
  return (
    <section className="settings-card coding-admin-section" aria-labelledby={headingId}>
      <div className="controls-card-header">
        <h2 id={headingId}>{title}</h2>
        {canEdit && addLabel && onAdd && (
          <button id={addId} type="button" className="primary" onClick={onAdd}>
            {addLabel}
          </button>
        )}
      </div>
      <p className="controls-lead">{lead}</p>
      {notice}
      <div className="coding-admin-toolbar">
        {toolbar}
        {rows.length > 6 && (
          <input
            type="search"
            className="filter"
            aria-label={`Filter ${title.toLowerCase()}`}
            placeholder="Filter…"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
          />
        )}
      </div>
      <div className="table-card coding-admin-table-card">
        <table className="po-table controls-table coding-admin-table">
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column.header} scope="col">
                  {column.header}
                </th>
              ))}
              {actions && (
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((column) => (
                  <td key={column.header}>{column.cell(row)}</td>
                ))}
                {actions && (
                  <td className="row-actions coding-admin-row-actions">
                    {onChange && (
                      <button type="button" className="link-button" aria-label={changeLabel(row)} onClick={() => onChange(row)}>
                        Change
                      </button>
                    )}
                    {onDelete && deleteLabel && (deletable?.(row) ?? true) && (
                      <button type="button" className="link-button coding-admin-delete" aria-label={deleteLabel(row)} onClick={() => onDelete(row)}>
                        Delete
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
            {shown.length === 0 && (
              <tr>
                <td colSpan={columns.length + (actions ? 1 : 0)} className="muted">
                  {rows.length === 0 ? 'None yet.' : 'Nothing matches the filter.'}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {children}
    </section>
  );
}
