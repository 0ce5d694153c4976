import { lazy, Suspense } from 'react';
import type { BudgetViewRow } from '../../../../shared/purchasing-controls-schemas';
import { useLocaleFormat } from '../../hooks/useLocaleFormat';
import { STATUS_LABEL } from '../po-entry/po-status-words';

// The chart library is most of a megabyte: it loads when a budget is first shown, not with the app.
const BudgetUsageChart = lazy(() => import('./BudgetUsageChart').then((module) => ({ default: module.BudgetUsageChart })));

const statusLabel = (status: string): string => (status in STATUS_LABEL ? STATUS_LABEL[status as keyof typeof STATUS_LABEL] : status);

/** One budget order: its figures, use over time and the POs that draw on it. */
export function BudgetDetail({ row, onOpenPo }: { row: BudgetViewRow; onOpenPo(id: number): void }) {
  const { formatMoney, formatDate, formatDateTime } = useLocaleFormat();
  const ifAllGoThrough = row.unallocatedMinor - row.provisionalMinor;
  return (
    <section className="settings-card budget-detail" aria-labelledby="budget-detail-title">
      <h2 id="budget-detail-title">
        Budget order {row.number}
        {row.customerPoNumber && <span className="budget-detail-customer"> · customer PO {row.customerPoNumber}</span>}
      </h2>
      <p className="hint">
        Valid {formatDate(row.validFrom)} to {formatDate(row.validTo)}; {row.status === 'open' ? 'open: POs dated in that period may draw on it.' : 'closed: no PO may newly draw on it.'}
      </p>
      <dl className="budget-detail-figures">
        <div>
          <dt>Total</dt>
          <dd className="num">{formatMoney(row.totalMinor)}</dd>
        </div>
        <div>
          <dt>Allocated</dt>
          <dd className="num">{formatMoney(row.allocatedMinor)}</dd>
        </div>
        <div>
          <dt>Provisional (drafts)</dt>
          <dd className="num">{formatMoney(row.provisionalMinor)}</dd>
        </div>
        <div>
          <dt>Unallocated</dt>
          <dd className="num">{formatMoney(row.unallocatedMinor)}</dd>
        </div>
        <div className={ifAllGoThrough < 0 ? 'is-short' : undefined}>
          <dt>If every draft went through</dt>
          <dd className="num">{formatMoney(ifAllGoThrough)}</dd>
        </div>
      </dl>
      <Suspense fallback={<p className="muted budget-chart-loading">Drawing the chart of use over time…</p>}>
        <BudgetUsageChart row={row} />
      </Suspense>
      <h3 className="budget-pos-title">POs on {row.number}</h3>
      {row.pos.length === 0 ? (
        <p className="empty-state">No PO draws on this budget order.</p>
      ) : (
        <div className="table-card">
          <table className="po-table budget-pos" aria-label={`POs on budget order ${row.number}`}>
            <thead>
              <tr>
                <th scope="col">PO</th>
                <th scope="col">Status</th>
                <th scope="col">Vendor</th>
                <th scope="col">Entered by</th>
                <th scope="col" className="num">
                  Total
                </th>
                <th scope="col">Counts as</th>
                <th scope="col">Last change</th>
              </tr>
            </thead>
            <tbody>
              {row.pos.map((po) => (
                <tr key={po.id}>
                  <td>
                    <button type="button" className="link-button po-number" aria-label={`Open ${po.number}`} onClick={() => onOpenPo(po.id)}>
                      {po.number}
                    </button>
                  </td>
                  <td>
                    <span className={`badge status-${po.status}`}>{statusLabel(po.status)}</span>
                  </td>
                  <td>{po.vendorCode}</td>
                  <td>{po.operatorName}</td>
                  <td className="num">{formatMoney(po.totalMinor)}</td>
                  <td>{po.counts === 'allocated' ? 'Allocated' : 'Provisional'}</td>
                  <td>
                    <time dateTime={po.updatedAt}>{formatDateTime(po.updatedAt)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
