import { useCallback, useEffect, useState } from 'react';
import type { OperatorAccount, OperatorListPage, OperatorListQuery } from '../../../../shared/operator-admin-schemas';
import { api } from '../../api';
import { ActiveDialog, ResetPasswordDialog } from './OperatorDialogs';
import { OperatorForm } from './OperatorForm';
import { downloadOperatorsCsv } from './operator-csv';
import './operators.css';

type Dialog = { kind: 'reset' | 'active'; operator: OperatorAccount } | null;
type Filter = { search: string; role: '' | 'operator' | 'supervisor' | 'admin'; status: 'active' | 'inactive' | 'all' };
const PAGE_SIZE = 25;

/**
 * Admin → Operators: the list with filter and paging, a form to add or change one, reset password,
 * deactivate and reactivate, and the CSV export. Supervisors read it; main refuses their changes.
 */
export function OperatorsPanel() {
  const [filter, setFilter] = useState<Filter>({ search: '', role: '', status: 'active' });
  const [pageNumber, setPageNumber] = useState(1);
  const [page, setPage] = useState<OperatorListPage | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [editing, setEditing] = useState<OperatorAccount | 'new' | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);

  const query = useCallback(
    (): OperatorListQuery => ({ search: filter.search.trim() || undefined, role: filter.role || undefined, status: filter.status, page: pageNumber, pageSize: PAGE_SIZE }),
    [filter, pageNumber],
  );

  const load = useCallback(async () => {
    const result = await api.listOperators(query());
    if (result.ok) {
      setPage(result.value);
      setProblem(null);
    } else setProblem(result.error.message);
  }, [query]);

  useEffect(() => {
    void load();
    return api.onChanged((notice) => {
      if (notice.entities.includes('operators') || notice.entities.includes('settings')) void load();
    });
  }, [load]);

  const done = (message: string) => {
    setOutcome(message);
    setEditing(null);
    setDialog(null);
    void load();
  };

  const exportCsv = async () => {
    const result = await api.exportOperators({ ...query(), page: 1 });
    if (result.ok) downloadOperatorsCsv(result.value.rows, new Date().toISOString().slice(0, 10));
    else setProblem(result.error.message);
  };

  const changeFilter = (change: Partial<Filter>) => {
    setFilter((current) => ({ ...current, ...change }));
    setPageNumber(1);
  };

  if (!page) return problem ? <p role="alert" className="alert">{problem}</p> : <p className="hint">Loading operators…</p>;
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));

  return (
    <div className="operators-panel">
      {editing !== null && page.canEdit ? (
        <OperatorForm key={editing === 'new' ? 'new' : editing.id} page={page} editing={editing === 'new' ? null : editing} onSaved={done} onCancel={() => setEditing(null)} />
      ) : null}
      <div className="operators-toolbar" role="search" aria-label="Filter operators">
        <div className="field">
          <label htmlFor="operators-search">Search</label>
          <input id="operators-search" type="search" value={filter.search} placeholder="Name or sign-in name" onChange={(event) => changeFilter({ search: event.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="operators-role">Role</label>
          <select id="operators-role" value={filter.role} onChange={(event) => changeFilter({ role: event.target.value as Filter['role'] })}>
            <option value="">Every role</option>
            <option value="operator">Operators</option>
            <option value="supervisor">Supervisors</option>
            <option value="admin">Admins</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="operators-status">Status</label>
          <select id="operators-status" value={filter.status} onChange={(event) => changeFilter({ status: event.target.value as Filter['status'] })}>
            <option value="active">Active</option>
            <option value="inactive">Inactive</option>
            <option value="all">Active and inactive</option>
          </select>
        </div>
        <span className="spacer" />
        <button type="button" className="secondary" onClick={() => void exportCsv()}>
          Export CSV
        </button>
        {page.canEdit && (
          <button type="button" className="primary" onClick={() => setEditing('new')}>
            Add operator
          </button>
        )}
      </div>
      {!page.canEdit && <p className="hint">You can read the operators; an admin changes them.</p>}
      {problem && (
        <p role="alert" className="alert">
          {problem}
        </p>
      )}
      {outcome && (
        <p role="status" className="settings-outcome">
          {outcome}
        </p>
      )}
      {page.rows.length === 0 ? (
        <p className="empty-state">No operator matches this filter.</p>
      ) : (
        <div className="table-card">
          <table className="po-table operators-table" aria-label="Operators">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Sign-in name</th>
                <th scope="col">Role</th>
                <th scope="col">Scheme</th>
                <th scope="col">Status</th>
                {page.canEdit && (
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {page.rows.map((row) => (
                <tr key={row.id} id={`operator-${row.id}`} className={row.active ? undefined : 'is-inactive'}>
                  <td>{row.displayName}</td>
                  <td className="code">{row.signInName}</td>
                  <td>{row.role}</td>
                  <td>
                    {row.schemeCode ?? <span className="muted">none</span>}
                    {!row.entry.allowed && <div className="entry-refused">{row.entry.reason}</div>}
                  </td>
                  <td>
                    {row.active ? 'Active' : <span className="badge">inactive</span>}
                    {row.mustChangePassword && <div className="badge unsaved">must change password</div>}
                  </td>
                  {page.canEdit && (
                    <td className="row-actions">
                      <div className="row-actions-inner">
                      <button type="button" className="link-button" aria-label={`Change ${row.displayName}`} onClick={() => setEditing(row)}>
                        Change
                      </button>
                      {row.id !== page.callerId && (
                        <>
                          <button type="button" className="link-button" aria-label={`Reset ${row.displayName}'s password`} onClick={() => setDialog({ kind: 'reset', operator: row })}>
                            Reset password
                          </button>
                          <button type="button" className="link-button" aria-label={`${row.active ? 'Deactivate' : 'Reactivate'} ${row.displayName}`} onClick={() => setDialog({ kind: 'active', operator: row })}>
                            {row.active ? 'Deactivate' : 'Reactivate'}
                          </button>
                        </>
                      )}
                      </div>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav className="operators-pager" aria-label="Operator pages">
        <button type="button" className="secondary" disabled={pageNumber <= 1} onClick={() => setPageNumber(pageNumber - 1)}>
          Previous
        </button>
        <span aria-live="polite">
          Page {page.page} of {pages} · {page.total} operator{page.total === 1 ? '' : 's'}
        </span>
        <button type="button" className="secondary" disabled={pageNumber >= pages} onClick={() => setPageNumber(pageNumber + 1)}>
          Next
        </button>
      </nav>
      {dialog?.kind === 'reset' && <ResetPasswordDialog operator={dialog.operator} onDone={done} onCancel={() => setDialog(null)} />}
      {dialog?.kind === 'active' && <ActiveDialog operator={dialog.operator} onDone={done} onCancel={() => setDialog(null)} />}
    </div>
  );
}
