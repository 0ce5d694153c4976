import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import type { MasterRecord } from '../../../../shared/admin-schemas';
import { downloadBase64 } from '../../components/download';
import { useLocaleFormat } from '../../hooks/useLocaleFormat';
import { api } from '../../api';
import { PAGE_SIZES, useMasterDataStore } from '../../stores/master-data-store';
import { DeleteRecordDialog } from './DeleteRecordDialog';
import { cellText, KIND_DEFS } from './kind-fields';

const rowId = (code: string) => `master-row-${code}`;

/**
 * One kind's records, keyboard first: the filter has the cursor; ↓ goes to the rows, ↑/↓ move,
 * Enter opens, N adds, Delete asks. Paging below; Export writes every matching row as CSV.
 */
export function MasterList() {
  const { kind, filter, offset, limit, list, loading, loadError, outcome } = useMasterDataStore();
  const store = useMasterDataStore.getState();
  const { formatMoney, locale } = useLocaleFormat();
  const def = KIND_DEFS[kind];
  const filterRef = useRef<HTMLInputElement>(null);
  const [active, setActive] = useState(0);
  const [deleting, setDeleting] = useState<MasterRecord | null>(null);
  const [exportNote, setExportNote] = useState<string | null>(null);
  const rows = list?.kind === kind ? list.rows : [];
  const canEdit = list?.canEdit ?? false;
  const count = (value: number) => new Intl.NumberFormat(locale).format(value);

  useEffect(() => {
    filterRef.current?.focus();
  }, [kind]);
  useEffect(() => setActive((index) => Math.min(index, Math.max(0, rows.length - 1))), [rows.length]);

  const openRecord = (record: MasterRecord | null) => store.open(kind === 'scheme' ? { view: 'scheme', code: record?.code ?? null } : { view: 'form', code: record?.code ?? null });
  const focusRow = (index: number) => {
    const record = rows[index];
    if (!record) return;
    setActive(index);
    document.getElementById(rowId(record.code))?.focus();
  };

  const onRowKey = (event: KeyboardEvent<HTMLTableRowElement>, index: number) => {
    const record = rows[index] as MasterRecord;
    if (event.key === 'ArrowDown') focusRow(Math.min(rows.length - 1, index + 1));
    else if (event.key === 'ArrowUp') index === 0 ? filterRef.current?.focus() : focusRow(index - 1);
    else if (event.key === 'Enter') openRecord(record);
    else if (event.key === 'Delete' && canEdit) setDeleting(record);
    else if ((event.key === 'n' || event.key === 'N') && canEdit && !event.ctrlKey && !event.metaKey && !event.altKey) openRecord(null);
    else return;
    event.preventDefault();
  };

  const onExport = async () => {
    const result = await api.exportMasterData({ kind, filter });
    if (!result.ok) return setExportNote(result.error.message);
    downloadBase64(result.value.fileName, result.value.contentBase64, 'text/csv');
    setExportNote(`Exported ${count(result.value.rows)} ${result.value.rows === 1 ? 'row' : 'rows'} to ${result.value.fileName}.`);
  };

  const total = list?.total ?? 0;
  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(total, offset + rows.length);

  return (
    <section className="settings-card master-list" aria-labelledby="master-list-title">
      <div className="master-list-head">
        <h2 id="master-list-title">{def.title}</h2>
        <div className="master-list-tools">
          <label className="sr-only" htmlFor="master-filter">
            Filter {def.title.toLowerCase()}
          </label>
          <input
            id="master-filter"
            ref={filterRef}
            type="search"
            placeholder={`Filter by code or ${kind === 'vendor' || kind === 'warehouse' ? 'name' : 'description'}`}
            value={filter}
            aria-describedby="master-list-keys"
            onChange={(event) => store.setFilter(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'ArrowDown') {
                event.preventDefault();
                focusRow(0);
              }
            }}
          />
          {canEdit && (
            <button type="button" className="primary" onClick={() => openRecord(null)}>
              New {def.noun}
            </button>
          )}
          <button type="button" className="secondary" onClick={() => void onExport()}>
            Export CSV
          </button>
        </div>
      </div>
      <p className="hint" id="master-list-keys">
        ↓ goes to the list; ↑/↓ move, Enter opens{canEdit ? ', N adds, Delete deletes' : ''}.{canEdit ? '' : ' You can read master data; admins change it.'}
      </p>
      {outcome && (
        <p className="settings-outcome is-ok" role="status">
          {outcome}
        </p>
      )}
      {exportNote && (
        <p className="hint" role="status">
          {exportNote}
        </p>
      )}
      {loadError && (
        <p className="alert" role="alert">
          {loadError}
        </p>
      )}
      <div className="master-table-scroll">
        <table className="po-table master-table" aria-label={def.title} aria-busy={loading || undefined}>
          <thead>
            <tr>
              <th scope="col">Code</th>
              {def.columns.map((column) => (
                <th key={column.field} scope="col" className={column.field === 'unitCostMinor' ? 'num' : undefined}>
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((record, index) => (
              <tr
                key={record.code}
                id={rowId(record.code)}
                className="po-row master-row"
                tabIndex={index === active ? 0 : -1}
                aria-selected={index === active}
                onFocus={() => setActive(index)}
                onClick={() => openRecord(record)}
                onKeyDown={(event) => onRowKey(event, index)}
              >
                <td>
                  <span className="code">{record.code}</span>
                  {record.kind === 'cost-center' && !record.active && <span className="badge">inactive</span>}
                </td>
                {def.columns.map((column) => (
                  <td key={column.field} className={column.field === 'unitCostMinor' ? 'num' : undefined}>
                    {cellText(record, column.field, formatMoney)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {!loading && list && rows.length === 0 && <p className="empty-state">{filter.trim() === '' ? `No ${def.title.toLowerCase()} yet.` : `No ${def.title.toLowerCase()} match “${filter}”.`}</p>}
      </div>
      <div className="master-paging">
        <span role="status" aria-live="polite">
          {total === 0 ? 'None' : `${count(first)}–${count(last)} of ${count(total)}`}
        </span>
        <button type="button" className="secondary" disabled={offset === 0} onClick={() => store.setPage(offset - limit)}>
          Previous
        </button>
        <button type="button" className="secondary" disabled={offset + limit >= total} onClick={() => store.setPage(offset + limit)}>
          Next
        </button>
        <label htmlFor="master-page-size">Per page</label>
        <select id="master-page-size" value={limit} onChange={(event) => store.setLimit(Number(event.target.value))}>
          {PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
      </div>
      {deleting && (
        <DeleteRecordDialog
          record={deleting}
          onDone={(message) => {
            setDeleting(null);
            if (message) store.close(message);
            else focusRow(active);
          }}
        />
      )}
    </section>
  );
}
