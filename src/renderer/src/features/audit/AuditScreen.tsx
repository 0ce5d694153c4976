import { createColumnHelper, flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { type FormEvent, type KeyboardEvent, type ReactNode, useEffect } from 'react';
import type { AuditEntry, AuditVocabulary } from '../../../../shared/contracts';
import { useLocaleFormat } from '../../hooks/useLocaleFormat';
import { AUDIT_LIMIT, type AuditFilterField, isFilterBlank, useAuditStore } from '../../stores/audit-store';
import './audit.css';

const REFUSALS: ReadonlySet<string> = new Set(['sign-in-refused', 'save-refused', 'change-refused', 'line-refused']);
const isRefusal = (action: string): boolean => REFUSALS.has(action);

const FIRST_FIELD_ID = 'audit-poNumber';
const fieldId = (field: AuditFilterField) => `audit-${field}`;

/** The date and time in the operator's format; the exact instant stays in the title and the datetime attribute. */
function When({ at }: { at: string }) {
  const { formatDateTime } = useLocaleFormat();
  if (Number.isNaN(new Date(at).getTime())) return <time dateTime={at}>{at}</time>;
  return (
    <time dateTime={at} title={at} className="audit-when-stamp">
      {formatDateTime(at)}
    </time>
  );
}

type VocabularyKind = keyof AuditVocabulary;

/** An action or rule in the words the filters use; a term main has no label for shows as stored. */
function Term({ kind, value }: { kind: VocabularyKind; value: string }) {
  const label = useAuditStore((s) => s.vocabulary[kind].find((entry) => entry.value === value)?.label ?? value);
  return (
    <span className={kind === 'actions' ? 'audit-action-name' : 'audit-rule-name'} data-term={value}>
      {label}
    </span>
  );
}

const none = (
  <span className="muted">
    <span aria-hidden="true">—</span>
    <span className="sr-only">none</span>
  </span>
);
const orNone = (value: ReactNode | null) => (value === null || value === '' ? none : value);

const column = createColumnHelper<AuditEntry>();

const columns = [
  column.accessor('at', { id: 'when', header: 'When', cell: (info) => <When at={info.getValue()} /> }),
  column.accessor('operator', { id: 'operator', header: 'Operator', cell: (info) => orNone(info.getValue()) }),
  column.accessor('action', {
    id: 'action',
    header: 'Action',
    cell: (info) => {
      const action = info.getValue();
      return (
        <span className="audit-action-cell">
          <Term kind="actions" value={action} />
          {isRefusal(action) && (
<span className="badge audit-refused">Refused</span>
          )}
        </span>
      );
    },
  }),
  column.accessor('poNumber', {
    id: 'po',
    header: 'PO',
    cell: (info) => {
      const value = info.getValue();
      return value === null ? none : <span className="po-number">{value}</span>;
    },
  }),
  column.accessor('lineNumber', { id: 'line', header: 'Line', cell: (info) => orNone(info.getValue()) }),
  column.accessor('rule', {
    id: 'rule',
    header: 'Rule',
    cell: (info) => {
      const value = info.getValue();
      return value === null ? none : <Term kind="rules" value={value} />;
    },
  }),
  column.accessor('before', {
    id: 'before',
    header: 'Before',
    cell: (info) => {
      const value = info.getValue();
      return value === null ? none : <span className="code">{value}</span>;
    },
  }),
  column.accessor('after', {
    id: 'after',
    header: 'After',
    cell: (info) => {
      const value = info.getValue();
      return value === null ? none : <span className="code">{value}</span>;
    },
  }),
  column.accessor('detail', { id: 'detail', header: 'Detail' }),
];

const COLUMN_CLASS: Record<string, string> = { when: 'audit-when', action: 'audit-action', line: 'num', rule: 'audit-rule', detail: 'audit-detail' };

interface TextField {
  key: Exclude<AuditFilterField, PickField>;
  label: string;
  type: 'text' | 'date';
  placeholder?: string;
}

const BEFORE_ACTION: TextField[] = [
  { key: 'poNumber', label: 'PO number', type: 'text', placeholder: 'PO-000001' },
  { key: 'signInName', label: 'Operator', type: 'text', placeholder: 'Sign-in name' },
];

type PickField = 'action' | 'rule';

/** The two pick-lists, each offering every term main may write, by its label, after "All". */
const PICK_LISTS: { key: PickField; label: string; all: string; kind: VocabularyKind }[] = [
  { key: 'action', label: 'Action', all: 'All actions', kind: 'actions' },
  { key: 'rule', label: 'Rule', all: 'All rules', kind: 'rules' },
];

const AFTER_ACTION: TextField[] = [
  { key: 'from', label: 'From', type: 'date' },
  { key: 'to', label: 'To', type: 'date' },
];

const focusFirstField = () => document.getElementById(FIRST_FIELD_ID)?.focus();
const focusFirstRow = () => document.querySelector<HTMLElement>('.audit-entries tbody tr')?.focus();

/** Supervisors' view of the append-only audit log: who did or was refused what, when, on which PO line, and why. */
export function AuditScreen() {
  const draft = useAuditStore((s) => s.draft);
  const applied = useAuditStore((s) => s.applied);
  const rows = useAuditStore((s) => s.rows);
  const truncated = useAuditStore((s) => s.truncated);
  const status = useAuditStore((s) => s.status);
  const problem = useAuditStore((s) => s.problem);
  const setDraft = useAuditStore((s) => s.setDraft);
  const apply = useAuditStore((s) => s.apply);
  const clear = useAuditStore((s) => s.clear);
  const open = useAuditStore((s) => s.open);
  const reportProblem = useAuditStore((s) => s.reportProblem);
  const vocabulary = useAuditStore((s) => s.vocabulary);

  useEffect(() => {
    focusFirstField();
    void open();
  }, [open]);

  // A filter main (or the form) refuses puts the cursor back in the field to mend.
  useEffect(() => {
    if (problem?.field) document.getElementById(fieldId(problem.field))?.focus();
  }, [problem]);

  const table = useReactTable({ data: rows, columns, getCoreRowModel: getCoreRowModel(), getRowId: (entry) => String(entry.id) });
  const visible = table.getRowModel().rows;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // A half-typed date reads as blank; say so rather than quietly ignoring it.
    for (const field of ['from', 'to'] as const) {
      const input = document.getElementById(fieldId(field));
      if (input instanceof HTMLInputElement && input.validity.badInput) {
        reportProblem(field, `${field === 'from' ? 'From' : 'To'} is not a whole date; finish it (day, month and year) or empty it.`);
        return;
      }
    }
    void apply();
  };

  const onClear = () => {
    focusFirstField();
    void clear();
  };

  const onFieldKeyDown = (event: KeyboardEvent<HTMLInputElement | HTMLSelectElement>, field: AuditFilterField) => {
    if (event.key === 'Escape' && draft[field] !== '') {
      event.preventDefault();
      setDraft({ [field]: '' });
    } else if (event.key === 'Enter' && event.currentTarget instanceof HTMLSelectElement) {
      // A select does not submit its form on Enter by itself.
      event.preventDefault();
      event.currentTarget.form?.requestSubmit();
    } else if (event.key === 'ArrowDown' && event.currentTarget instanceof HTMLInputElement && event.currentTarget.type === 'text' && visible.length > 0) {
      event.preventDefault();
      focusFirstRow();
    }
  };

  const onRowKeyDown = (event: KeyboardEvent<HTMLTableRowElement>) => {
    const target = event.currentTarget;
    const body = target.parentElement;
    let next: Element | null | undefined;
    if (event.key === 'ArrowDown') next = target.nextElementSibling;
    else if (event.key === 'ArrowUp') next = target.previousElementSibling;
    else if (event.key === 'Home') next = body?.firstElementChild;
    else if (event.key === 'End') next = body?.lastElementChild;
    else if (event.key === 'PageDown' || event.key === 'PageUp') {
      const siblings = body ? Array.from(body.children) : [];
      const index = siblings.indexOf(target) + (event.key === 'PageDown' ? 10 : -10);
      next = siblings[Math.max(0, Math.min(siblings.length - 1, index))];
    } else if (event.key === 'Escape') {
      event.preventDefault();
      focusFirstField();
      return;
    } else return;
    event.preventDefault();
    if (next instanceof HTMLElement) next.focus();
    else if (event.key === 'ArrowUp') focusFirstField();
  };

  const filtered = !isFilterBlank(applied);
  const pending = (Object.keys(draft) as AuditFilterField[]).some((key) => draft[key].trim() !== applied[key].trim());
  const count = `${rows.length} ${rows.length === 1 ? 'entry' : 'entries'}`;

  const fieldProps = (field: AuditFilterField) => ({
    id: fieldId(field),
    name: field,
    value: draft[field],
    'aria-invalid': problem?.field === field ? ('true' as const) : undefined,
    'aria-describedby': problem?.field === field ? 'audit-problem' : undefined,
  });

  const renderText = (field: TextField) => (
    <div className="field audit-filter-field" key={field.key}>
      <label htmlFor={fieldId(field.key)}>{field.label}</label>
      <input
        {...fieldProps(field.key)}
        type={field.type}
        autoComplete="off"
        spellCheck={false}
        placeholder={field.placeholder}
        data-empty={draft[field.key] === '' || undefined}
        onChange={(event) => setDraft({ [field.key]: event.target.value })}
        onKeyDown={(event) => onFieldKeyDown(event, field.key)}
      />
    </div>
  );

  return (
    <main className="screen audit-log" aria-labelledby="audit-title">
      <header className="screen-header">
        <div>
          <h1 id="audit-title">Audit log</h1>
          <p className="screen-meta">
            <span role="status" className="audit-count">
              {status === 'loading' && 'Loading…'}
              {status === 'ready' &&
                (truncated ? (
                  <>
                    <strong>The newest {AUDIT_LIMIT} entries</strong> — the limit is reached; narrow the filter to see older ones
                  </>
                ) : (
                  <>
                    <strong>{count}</strong>
                    {filtered && ' match the filter'}
                  </>
                ))}
            </span>
            <span className="hint">Enter applies · Esc empties a field · ↓ moves into the entries</span>
          </p>
        </div>
      </header>

      <form className="audit-filters" aria-label="Filter the audit log" noValidate onSubmit={onSubmit}>
        {BEFORE_ACTION.map(renderText)}
        {PICK_LISTS.map((pick) => (
          <div className="field audit-filter-field" key={pick.key}>
            <label htmlFor={fieldId(pick.key)}>{pick.label}</label>
            <select
              {...fieldProps(pick.key)}
              onChange={(event) => setDraft({ [pick.key]: event.target.value })}
              onKeyDown={(event) => onFieldKeyDown(event, pick.key)}
            >
              <option value="">{pick.all}</option>
              {vocabulary[pick.kind].map((entry) => (
                <option key={entry.value} value={entry.value}>
                  {entry.label}
                </option>
              ))}
            </select>
          </div>
        ))}
        {AFTER_ACTION.map(renderText)}
        <div className="audit-filter-actions">
          <button type="submit" className="primary">
            Apply
          </button>
          <button type="button" className="secondary" onClick={onClear}>
            Clear
          </button>
          <span className="hint audit-pending" aria-live="polite">
            {pending ? 'Not applied yet' : ''}
          </span>
        </div>
      </form>

      {problem && (
        <div role="alert" id="audit-problem" className="alert">
          {problem.message}
        </div>
      )}

      {status !== 'error' && (
        <div className="table-card audit-card">
          <table className="po-table audit-entries" aria-labelledby="audit-title" aria-busy={status === 'loading' || undefined}>
            <thead>
              {table.getHeaderGroups().map((group) => (
                <tr key={group.id}>
                  {group.headers.map((header) => (
                    <th key={header.id} scope="col" className={COLUMN_CLASS[header.column.id]}>
                      {flexRender(header.column.columnDef.header, header.getContext())}
                    </th>
                  ))}
                </tr>
              ))}
            </thead>
            <tbody>
              {visible.map((row, index) => {
                const refusal = isRefusal(row.original.action);
                return (
                  <tr
                    key={row.id}
                    tabIndex={index === 0 ? 0 : -1}
                    className={`audit-row${refusal ? ' is-refusal' : ''}`}
                    data-action={row.original.action}
                    onKeyDown={onRowKeyDown}
                  >
                    {row.getVisibleCells().map((cell) => (
                      <td key={cell.id} className={COLUMN_CLASS[cell.column.id]}>
                        {flexRender(cell.column.columnDef.cell, cell.getContext())}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
          {status === 'ready' && rows.length === 0 && (
            <div className="empty-state">
              {filtered ? (
                <>
                  <p>No audit entries match this filter.</p>
                  <p className="hint">Loosen or clear the filter to see more.</p>
                </>
              ) : (
                <p>The audit log is empty: nothing has been signed in, saved or refused yet.</p>
              )}
            </div>
          )}
        </div>
      )}
    </main>
  );
}
