import { type KeyboardEvent, useEffect, useRef } from 'react';
import type { PoMode, PoStatus } from '../../../../shared/contracts';
import { formatScaled } from '../../../../shared/locale-format';
import { useLocaleFormat } from '../../hooks/useLocaleFormat';
import { hasFilter, pageCount, usePoListStore } from '../../stores/po-list-store';
import { STATUS_LABEL, STATUS_ORDER } from '../po-entry/po-status-words';
import { PO_LIST_COLUMNS } from './po-list-columns';
import './po-list.css';

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;

const SEARCH_ID = 'po-search';
const rowSelector = (index: number) => `.po-list-table tbody tr[data-index="${index}"]`;
const focusRow = (index: number) => document.querySelector<HTMLElement>(rowSelector(index))?.focus();

interface PoListScreenProps {
  onOpen(id: number, mode: PoMode): void;
}

/**
 * One page of the purchase orders at a time, paged, sorted and filtered by main. Arrows move the
 * selection, Enter views the PO, C opens it for change, PageDown and PageUp turn the page.
 */
export function PoListScreen({ onOpen }: PoListScreenProps) {
  const ask = usePoListStore((s) => s.ask);
  const searchText = usePoListStore((s) => s.searchText);
  const rows = usePoListStore((s) => s.rows);
  const total = usePoListStore((s) => s.total);
  const status = usePoListStore((s) => s.status);
  const error = usePoListStore((s) => s.error);
  const selected = usePoListStore((s) => s.selected);
  const { load, sortBy, setStatusFilter, setMine, setSearchText, applySearch, clearFilters, goToPage, select } = usePoListStore.getState();
  const format = useLocaleFormat();

  // After the keyboard turns the page, the selection moves to the new page once it arrives.
  const focusAfterLoad = useRef(false);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    if (!focusAfterLoad.current || status !== 'ready') return;
    focusAfterLoad.current = false;
    focusRow(selected);
  }, [rows, selected, status]);

  const pages = pageCount(total);
  const count = (n: number) => formatScaled(n, 0, format.locale);

  const turnPage = (page: number, selectLast = false) => {
    if (page < 1 || page > pages || page === ask.page) return false;
    focusAfterLoad.current = true;
    goToPage(page, { selectLast });
    return true;
  };

  const onRowKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, index: number) => {
    const po = rows[index];
    if (!po || event.altKey || event.ctrlKey || event.metaKey) return;
    const moveTo = (next: number) => {
      event.preventDefault();
      const clamped = Math.min(Math.max(0, next), rows.length - 1);
      select(clamped);
      focusRow(clamped);
    };
    switch (event.key) {
      case 'Enter':
      case ' ':
        event.preventDefault();
        onOpen(po.id, 'view');
        return;
      case 'c':
      case 'C':
        event.preventDefault();
        onOpen(po.id, 'change');
        return;
      case 'ArrowDown':
        moveTo(index + 1);
        return;
      case 'ArrowUp':
        if (index === 0) {
          event.preventDefault();
          document.getElementById(SEARCH_ID)?.focus();
        } else moveTo(index - 1);
        return;
      case 'Home':
        moveTo(0);
        return;
      case 'End':
        moveTo(rows.length - 1);
        return;
      case 'PageDown':
        event.preventDefault();
        if (!turnPage(ask.page + 1)) moveTo(rows.length - 1);
        return;
      case 'PageUp':
        event.preventDefault();
        if (!turnPage(ask.page - 1)) moveTo(0);
        return;
    }
  };

  const onSearchKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === 'ArrowDown') {
      event.preventDefault();
      const searchPending = searchText.trim() !== ask.search;
      applySearch();
      if (searchPending) focusAfterLoad.current = true;
      else if (rows.length > 0) {
        select(0);
        focusRow(0);
      }
    } else if (event.key === 'Escape' && searchText !== '') {
      event.preventDefault();
      setSearchText('');
      applySearch();
    }
  };

  const filtered = hasFilter(ask);
  const searching = searchText.trim() !== ask.search;

  return (
    <main className="screen po-list" aria-labelledby="po-list-title">
      <header className="screen-header po-list-header">
        <div>
          <h1 id="po-list-title">Purchase orders</h1>
          <p className="screen-meta">
            {status === 'ready' && (
              <span>
                {count(total)} {total === 1 ? 'PO' : 'POs'}
                {filtered && (total === 1 ? ' matches the filter' : ' match the filter')}
              </span>
            )}
            <span className="hint">↑ ↓ select · Enter views · C opens for change · PgUp PgDn turn the page</span>
          </p>
        </div>
      </header>

      <form className="po-list-filters" role="search" aria-label="Find purchase orders" onSubmit={(event) => event.preventDefault()}>
        <div className="po-list-field po-list-search">
          <label htmlFor={SEARCH_ID}>Search</label>
          <input
            id={SEARCH_ID}
            type="search"
            autoFocus
            autoComplete="off"
            spellCheck={false}
            maxLength={64}
            placeholder="PO number, vendor code or name"
            aria-describedby="po-search-hint"
            value={searchText}
            onChange={(event) => setSearchText(event.target.value)}
            onKeyDown={onSearchKeyDown}
          />
          <span id="po-search-hint" className="sr-only">
            Matches the start of a PO number or vendor code, or any part of a vendor name.
          </span>
        </div>
        <div className="po-list-field">
          <label htmlFor="po-status-filter">Status</label>
          <select id="po-status-filter" value={ask.status ?? ''} onChange={(event) => setStatusFilter((event.target.value || null) as PoStatus | null)}>
            <option value="">All statuses</option>
            {STATUS_ORDER.map((value) => (
              <option key={value} value={value}>
                {STATUS_LABEL[value]}
              </option>
            ))}
          </select>
        </div>
        <label className="po-list-mine">
          <input type="checkbox" checked={ask.mine} onChange={(event) => setMine(event.target.checked)} />
          Mine only
        </label>
        {filtered && (
          <button type="button" className="link-button po-list-clear" onClick={clearFilters}>
            Clear filters
          </button>
        )}
      </form>

      {error && (
        <div role="alert" className="alert">
          {error}
        </div>
      )}

      <div className="table-card">
        <table className="po-table po-list-table" aria-labelledby="po-list-title" aria-busy={status === 'loading' || searching}>
          <colgroup>
            {PO_LIST_COLUMNS.map((column) => (
              <col key={column.sort} className={`po-col-${column.sort}`} />
            ))}
            <col className="po-col-actions" />
          </colgroup>
          <thead>
            <tr>
              {PO_LIST_COLUMNS.map((column) => {
                const sorted = ask.sort === column.sort ? ask.direction : null;
                return (
                  <th key={column.sort} scope="col" className={column.numeric ? 'num' : undefined} aria-sort={sorted ? ARIA_SORT[sorted] : 'none'}>
                    <button type="button" className="sort-button" onClick={() => sortBy(column.sort)}>
                      <span className="sort-label">{column.header}</span>
                      <span className="sort-mark" aria-hidden="true">
                        {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                      </span>
                    </button>
                  </th>
                );
              })}
              <th scope="col" className="po-col-actions">
                <span className="sr-only">Open</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((po, index) => (
              <tr
                key={po.id}
                data-index={index}
                tabIndex={index === selected ? 0 : -1}
                className={index === selected ? 'po-row is-selected' : 'po-row'}
                onClick={() => onOpen(po.id, 'view')}
                onFocus={() => index !== selected && select(index)}
                onKeyDown={(event) => onRowKeyDown(event, index)}
              >
                {PO_LIST_COLUMNS.map((column) => (
                  <td key={column.sort} className={column.numeric ? 'num' : undefined} title={column.title?.(po, format)}>
                    {column.cell(po, format)}
                  </td>
                ))}
                <td className="row-actions">
                  <button
                    type="button"
                    className="link-button"
                    tabIndex={-1}
                    aria-label={`View ${po.number}`}
                    onClick={(event) => {
                      event.stopPropagation();
                      onOpen(po.id, 'view');
                    }}
                  >
                    View
                  </button>
                  <button
                    type="button"
                    className="link-button"
                    tabIndex={-1}
                    aria-label={`Change ${po.number}`}
                    aria-keyshortcuts="C"
                    onClick={(event) => {
                      event.stopPropagation();
                      onOpen(po.id, 'change');
                    }}
                  >
                    Change
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {status === 'ready' && rows.length === 0 && (
          <p className="empty-state">
            {filtered ? (
              <>No purchase orders match the filter.</>
            ) : (
              <>
                No purchase orders yet. Press <kbd>Alt+N</kbd> to enter the first one.
              </>
            )}
          </p>
        )}
      </div>

      <nav className="po-list-pager" aria-label="Pages">
        <button type="button" className="secondary" disabled={ask.page <= 1} onClick={() => turnPage(ask.page - 1)}>
          Previous
        </button>
        <p className="po-list-page-status" aria-live="polite">
          {status === 'idle' || (status === 'loading' && rows.length === 0)
            ? 'Loading…'
            : `Page ${count(ask.page)} of ${count(pages)} · ${count(total)} ${total === 1 ? 'PO' : 'POs'}`}
        </p>
        <button type="button" className="secondary" disabled={ask.page >= pages} onClick={() => turnPage(ask.page + 1)}>
          Next
        </button>
      </nav>
    </main>
  );
}
