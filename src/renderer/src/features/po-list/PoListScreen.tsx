import {
  createColumnHelper,
  type FilterFn,
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  type Row,
  useReactTable,
} from '@tanstack/react-table';
import { type KeyboardEvent, useEffect } from 'react';
import type { PoSummary, PoMode } from '../../../../shared/contracts';
import { formatMoney } from '../../../../shared/money';
import { usePoListStore } from '../../stores/po-list-store';

const column = createColumnHelper<PoSummary>();

const columns = [
  column.accessor('number', { id: 'number', header: 'Number', cell: (info) => <span className="po-number">{info.getValue()}</span> }),
  column.accessor((po) => `${po.vendorCode} ${po.vendorName}`, {
    id: 'vendor',
    header: 'Vendor',
    cell: ({ row }) => (
      <>
        <span className="code">{row.original.vendorCode}</span> <span className="muted-name">{row.original.vendorName}</span>
      </>
    ),
  }),
  column.accessor((po) => po.costCenterCode ?? '', { id: 'costCenter', header: 'Cost center', cell: (info) => info.getValue() || '—' }),
  column.accessor('warehouseCode', { id: 'warehouse', header: 'Warehouse' }),
  column.accessor('status', {
    id: 'status',
    header: 'Status',
    cell: (info) => <span className={`badge status-${info.getValue()}`}>{info.getValue()}</span>,
  }),
  column.accessor('totalMinor', { id: 'total', header: 'Total', cell: (info) => formatMoney(info.getValue()) }),
  column.accessor('createdBy', { id: 'createdBy', header: 'Created by' }),
];

const haystack = (po: PoSummary): string =>
  [po.number, po.vendorCode, po.vendorName, po.costCenterCode ?? '', po.warehouseCode, po.status, formatMoney(po.totalMinor), po.createdBy]
    .join('\u0000')
    .toLowerCase();

/** One look across every column (Vendor code and name, the total as shown), whatever column it is asked about. */
const matchesAnyColumn: FilterFn<PoSummary> = (row, _columnId, filter: string) => {
  const words = filter.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const text = haystack(row.original);
  return words.every((word) => text.includes(word));
};

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;

interface PoListScreenProps {
  onOpen(id: number, mode: PoMode): void;
}

/** Every purchase order, sortable and filterable; Enter or a click views one, C opens it for change. */
export function PoListScreen({ onOpen }: PoListScreenProps) {
  const rows = usePoListStore((s) => s.rows);
  const status = usePoListStore((s) => s.status);
  const error = usePoListStore((s) => s.error);
  const filter = usePoListStore((s) => s.filter);
  const sorting = usePoListStore((s) => s.sorting);
  const setFilter = usePoListStore((s) => s.setFilter);
  const setSorting = usePoListStore((s) => s.setSorting);
  const load = usePoListStore((s) => s.load);

  useEffect(() => {
    void load();
  }, [load]);

  const table = useReactTable({
    data: rows,
    columns,
    state: { globalFilter: filter, sorting },
    onGlobalFilterChange: (updater) => setFilter(typeof updater === 'function' ? updater(filter) : updater),
    onSortingChange: (updater) => setSorting(typeof updater === 'function' ? updater(sorting) : updater),
    globalFilterFn: matchesAnyColumn,
    // The filter looks at the whole row, so asking one column is enough.
    getColumnCanGlobalFilter: (candidate) => candidate.id === 'number',
    enableSortingRemoval: false,
    getCoreRowModel: getCoreRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: (po) => String(po.id),
  });

  const visible = table.getRowModel().rows;

  const onRowKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, row: Row<PoSummary>) => {
    const target = event.currentTarget;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onOpen(row.original.id, 'view');
    } else if (event.key === 'c' || event.key === 'C') {
      event.preventDefault();
      onOpen(row.original.id, 'change');
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const sibling = event.key === 'ArrowDown' ? target.nextElementSibling : target.previousElementSibling;
      if (sibling instanceof HTMLElement) sibling.focus();
      else if (event.key === 'ArrowUp') document.getElementById('po-filter')?.focus();
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      const body = target.parentElement;
      const edge = event.key === 'Home' ? body?.firstElementChild : body?.lastElementChild;
      if (edge instanceof HTMLElement) edge.focus();
    }
  };

  const onFilterKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || (event.key === 'Enter' && visible.length > 0)) {
      event.preventDefault();
      const first = document.querySelector<HTMLElement>('.po-table tbody tr[tabindex]');
      first?.focus();
    } else if (event.key === 'Escape' && filter !== '') {
      event.preventDefault();
      setFilter('');
    }
  };

  return (
    <main className="screen po-list" aria-labelledby="po-list-title">
      <header className="screen-header">
        <div>
          <h1 id="po-list-title">Purchase orders</h1>
          <p className="screen-meta">
            {status === 'ready' &&
              (filter.trim() === ''
                ? `${rows.length} ${rows.length === 1 ? 'order' : 'orders'}`
                : `${visible.length} of ${rows.length} match the filter`)}
            {status === 'loading' && 'Loading…'}
            <span className="hint">Enter views a PO · C opens it for change</span>
          </p>
        </div>
        <div className="filter">
          <label htmlFor="po-filter">Filter</label>
          <input
            id="po-filter"
            type="search"
            autoFocus
            autoComplete="off"
            spellCheck={false}
            placeholder="Number, vendor, cost center, status…"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
            onKeyDown={onFilterKeyDown}
          />
        </div>
      </header>

      {error && (
        <div role="alert" className="alert">
          {error}
        </div>
      )}

      <div className="table-card">
        <table className="po-table">
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      className={header.column.id === 'total' ? 'num' : undefined}
                      aria-sort={sorted ? ARIA_SORT[sorted] : 'none'}
                    >
                      <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
                        {flexRender(header.column.columnDef.header, header.getContext())}
                        <span className="sort-mark" aria-hidden="true">
                          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                        </span>
                      </button>
                    </th>
                  );
                })}
                <th scope="col">
                  <span className="sr-only">Open</span>
                </th>
              </tr>
            ))}
          </thead>
          <tbody>
            {visible.map((row) => (
              <tr key={row.id} tabIndex={0} className="po-row" onClick={() => onOpen(row.original.id, 'view')} onKeyDown={(event) => onRowKeyDown(event, row)}>
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className={cell.column.id === 'total' ? 'num' : undefined}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
                <td className="row-actions">
                  <button type="button" className="link-button" tabIndex={-1} aria-label={`View ${row.original.number}`} onClick={(event) => {
                    event.stopPropagation();
                    onOpen(row.original.id, 'view');
                  }}>
                    View
                  </button>
                  <button type="button" className="link-button" tabIndex={-1} aria-label={`Change ${row.original.number}`} aria-keyshortcuts="C" onClick={(event) => {
                    event.stopPropagation();
                    onOpen(row.original.id, 'change');
                  }}>
                    Change
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {status === 'ready' && visible.length === 0 && (
          <p className="empty-state">
            {rows.length === 0 ? (
              <>
                No purchase orders yet. Press <kbd>Alt+N</kbd> to enter the first one.
              </>
            ) : (
              <>No purchase orders match “{filter.trim()}”.</>
            )}
          </p>
        )}
      </div>
    </main>
  );
}
