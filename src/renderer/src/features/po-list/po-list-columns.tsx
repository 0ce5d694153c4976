import type { ReactNode } from 'react';
import type { PoListSort, PoSummary } from '../../../../shared/contracts';
import type { useLocaleFormat } from '../../hooks/useLocaleFormat';
import { STATUS_LABEL, standingText } from '../po-entry/po-status-words';
import '../po-entry/po-status.css';

type LocaleFormat = ReturnType<typeof useLocaleFormat>;

export interface PoListColumn {
  /** Each column sorts by its own key in main. */
  sort: PoListSort;
  header: string;
  numeric?: boolean;
  cell(po: PoSummary, format: LocaleFormat): ReactNode;
  /** The whole value, for a cell that may be cut short at narrow widths. */
  title?(po: PoSummary, format: LocaleFormat): string;
}

const none = (
  <span className="muted">
    <span aria-hidden="true">—</span>
    <span className="sr-only">none</span>
  </span>
);

export const PO_LIST_COLUMNS: readonly PoListColumn[] = [
  { sort: 'number', header: 'Number', cell: (po) => <span className="po-number">{po.number}</span> },
  {
    sort: 'vendor',
    header: 'Vendor',
    cell: (po) => (
      <>
        <span className="code">{po.vendorCode}</span> <span className="muted-name">{po.vendorName}</span>
      </>
    ),
    title: (po) => `${po.vendorCode} ${po.vendorName}`,
  },
  { sort: 'costCenter', header: 'Cost center', cell: (po) => po.costCenterCode ?? none },
  { sort: 'warehouse', header: 'Warehouse', cell: (po) => po.warehouseCode },
  {
    sort: 'status',
    header: 'Status',
    // Where the PO stands and why, so an operator reads a rejection's reason without opening the PO.
    cell: (po) => (
      <span className="po-standing">
        <span className="po-standing-head">
          <span className={`badge status-${po.status}`}>{STATUS_LABEL[po.status]}</span>
          {po.revision > 1 && <span className="po-standing-revision">rev. {po.revision}</span>}
        </span>
        {po.statusNote && (
          // A draft with a note was sent back (a rejection, a recall): the operator has something to act on.
          <span className={po.status === 'draft' ? 'po-standing-note attention' : 'po-standing-note'}>
            <span className="sr-only"> — </span>
            {po.statusNote}
          </span>
        )}
      </span>
    ),
    title: (po) => `${standingText(po.status, po.statusNote)}${po.revision > 1 ? ` (revision ${po.revision})` : ''}`,
  },
  { sort: 'total', header: 'Total', numeric: true, cell: (po, format) => format.formatMoney(po.totalMinor) },
  { sort: 'createdBy', header: 'Created by', cell: (po) => po.createdBy, title: (po) => po.createdBy },
  {
    sort: 'updatedAt',
    header: 'Updated',
    cell: (po, format) => <time dateTime={po.updatedAt}>{format.formatDate(po.updatedAt)}</time>,
    title: (po, format) => format.formatDateTime(po.updatedAt),
  },
];
