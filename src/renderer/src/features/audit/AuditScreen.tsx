import { createColumnHelper, flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { useEffect } from 'react';
import type { AuditEntry } from '../../../../shared/contracts';
import { AUDIT_LIMIT, type AuditFilterDraft, useAuditStore } from '../../stores/audit-store';

const ACTIONS = [
  'sign-in',
  'sign-in-refused',
  'po-created',
  'po-updated',
  'save-refused',
  'change-refused',
  'line-refused',
  'line-cost-center-changed',
  'line-deleted',
  'override-applied',
];

const REFUSALS = new Set(['sign-in-refused', 'save-refused', 'change-refused', 'line-refused']);

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

const column = createColumnHelper<AuditEntry>();
const columns = [
  column.accessor('at', { header: 'When', cell: (info) => <time dateTime={info.getValue()}>{when.format(new Date(info.getValue()))}</time> }),
  column.accessor('operator', { header: 'Operator', cell: (info) => info.getValue() ?? '—' }),
  column.accessor('action', {
    header: 'Action',
    cell: (info) => (
      <span className={`badge audit-action${REFUSALS.has(info.getValue()) ? ' refusal' : ''}`}>
        {REFUSALS.has(info.getValue()) && <span className="sr-only">Refusal: </span>}
        {info.getValue()}
      </span>
    ),
  }),
  column.accessor('poNumber', { header: 'PO', cell: (info) => info.getValue() ?? '' }),
  column.accessor('lineNumber', { header: 'Line', cell: (info) => info.getValue() ?? '' }),
  column.accessor('rule', { header: 'Rule', cell: (info) => info.getValue() ?? '' }),
  column.accessor('before', { header: 'Before', cell: (info) => info.getValue() ?? '' }),
  column.accessor('after', { header: 'After', cell: (info) => info.getValue() ?? '' }),
  column.accessor('detail', { header: 'Detail' }),
];

const TEXT_FILTERS: { key: keyof AuditFilterDraft; label: string; placeholder: string; type?: string }[] = [
  { key: 'poNumber', label: 'PO number', placeholder: 'PO-000001' },
  { key: 'signInName', label: 'Operator', placeholder: 'sign-in name' },
  { key: 'rule', label: 'Rule', placeholder: 'site-override' },
  { key: 'from', label: 'From', placeholder: '', type: 'date' },
  { key: 'to', label: 'To', placeholder: '', type: 'date' },
];

/** Supervisors' view of the append-only audit log: who did or was refused what, when, on which PO line, and why. */
export function AuditScreen() {
  const draft = useAuditStore((s) => s.draft);
  const rows = useAuditStore((s) => s.rows);
  const status = useAuditStore((s) => s.status);
  const error = useAuditStore((s) => s.error);
  const setDraft = useAuditStore((s) => s.setDraft);
  const apply = useAuditStore((s) => s.apply);
  const clear = useAuditStore((s) => s.clear);
  const refresh = useAuditStore((s) => s.refresh);

  useEffect(() => {
    void refresh();
    document.getElementById('audit-poNumber')?.focus();
  }, [refresh]);

  const table = useReactTable({ data: rows, columns, getCoreRowModel: getCoreRowModel(), getRowId: (entry) => String(entry.id) });
  const count = `${rows.length} ${rows.length === 1 ? 'entry' : 'entries'}`;

  return (
    <main className="screen audit-log" aria-labelledby="audit-title">
      <header className="screen-header">
        <div>
          <h1 id="audit-title">Audit log</h1>
          <p className="screen-meta">
            {status === 'ready' && (rows.length >= AUDIT_LIMIT ? `The newest ${AUDIT_LIMIT} entries; narrow the filter to see older ones` : count)}
            {status === 'loading' && 'Loading…'}
          </p>
        </div>
      </header>

      <form
        className="audit-filter"
        aria-label="Filter the audit log"
        onSubmit={(event) => {
          event.preventDefault();
          void apply();
        }}
      >
        {TEXT_FILTERS.slice(0, 2).map((field) => (
          <FilterInput key={field.key} field={field} value={draft[field.key]} onChange={(value) => setDraft({ [field.key]: value })} />
        ))}
        <label className="audit-field">
          <span>Action</span>
          <select id="audit-action" value={draft.action} onChange={(event) => setDraft({ action: event.target.value })}>
            <option value="">any</option>
            {ACTIONS.map((action) => (
              <option key={action} value={action}>
                {action}
              </option>
            ))}
          </select>
        </label>
        {TEXT_FILTERS.slice(2).map((field) => (
          <FilterInput key={field.key} field={field} value={draft[field.key]} onChange={(value) => setDraft({ [field.key]: value })} />
        ))}
        <div className="audit-buttons">
          <button type="submit" className="primary">
            Apply
          </button>
          <button type="button" className="secondary" onClick={() => void clear()}>
            Clear
          </button>
        </div>
      </form>

      {error && (
        <div role="alert" className="alert">
          {error}
        </div>
      )}

      <div className="table-card">
        <table className="po-table audit-table">
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => (
                  <th key={header.id} scope="col" className={`audit-col-${header.column.id}`}>
                    {flexRender(header.column.columnDef.header, header.getContext())}
                  </th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} className={REFUSALS.has(row.original.action) ? 'refusal-row' : undefined}>
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {status === 'ready' && rows.length === 0 && <p className="empty-state">No audit entries match this filter.</p>}
      </div>
    </main>
  );
}

function FilterInput({ field, value, onChange }: { field: (typeof TEXT_FILTERS)[number]; value: string; onChange(value: string): void }) {
  return (
    <label className="audit-field">
      <span>{field.label}</span>
      <input
        id={`audit-${field.key}`}
        type={field.type ?? 'text'}
        autoComplete="off"
        spellCheck={false}
        placeholder={field.placeholder}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </label>
  );
}
