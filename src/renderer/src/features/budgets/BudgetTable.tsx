import type { BudgetViewRow } from '../../../../shared/purchasing-controls-schemas';
import { useLocaleFormat } from '../../hooks/useLocaleFormat';
import { BudgetBar } from './BudgetBar';
import { todayIso } from './budget-draft';

interface BudgetTableProps {
  budgets: readonly BudgetViewRow[];
  selectedId: number | null;
  canEdit: boolean;
  onSelect(id: number): void;
  onEdit(row: BudgetViewRow): void;
}

export const budgetButtonId = (id: number) => `budget-show-${id}`;

/** Every budget order with its figures; its number shows its POs and chart below. */
export function BudgetTable({ budgets, selectedId, canEdit, onSelect, onEdit }: BudgetTableProps) {
  const { formatMoney, formatDate } = useLocaleFormat();
  const today = todayIso();
  if (budgets.length === 0) return <p className="empty-state">No budget orders yet.</p>;
  return (
    <table className="po-table budget-table" aria-label="Budget orders">
      <thead>
        <tr>
          <th scope="col">Budget order</th>
          <th scope="col">Valid</th>
          <th scope="col">Status</th>
          <th scope="col" className="num">
            Total
          </th>
          <th scope="col" className="num">
            Allocated
          </th>
          <th scope="col" className="num">
            Provisional
          </th>
          <th scope="col" className="num">
            Unallocated
          </th>
          <th scope="col">
            <span className="sr-only">Use</span>
          </th>
          {canEdit && (
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {budgets.map((row) => (
          <tr key={row.id} className={row.id === selectedId ? 'is-selected' : undefined} aria-current={row.id === selectedId ? 'true' : undefined}>
            <td>
              <button
                id={budgetButtonId(row.id)}
                type="button"
                className="link-button budget-number"
                aria-label={`Show budget order ${row.number}`}
                aria-pressed={row.id === selectedId}
                onClick={() => onSelect(row.id)}
              >
                {row.number}
              </button>
              {row.customerPoNumber && <span className="budget-customer-po">Customer PO {row.customerPoNumber}</span>}
            </td>
            <td className="budget-valid">
              <span className="date">{formatDate(row.validFrom)}</span> – <span className="date">{formatDate(row.validTo)}</span>
            </td>
            <td>
              <span className={`badge budget-status-${row.status}`}>{row.status === 'open' ? 'Open' : 'Closed'}</span>
              {row.status === 'open' && row.validTo < today && (
                <span className="badge budget-status-expired" title={`Its last valid day was ${formatDate(row.validTo)}: no PO dated later may draw on it.`}>
                  Expired
                </span>
              )}
            </td>
            <td className="num">{formatMoney(row.totalMinor)}</td>
            <td className="num">{formatMoney(row.allocatedMinor)}</td>
            <td className="num">{formatMoney(row.provisionalMinor)}</td>
            <td className={row.unallocatedMinor - row.provisionalMinor < 0 ? 'num budget-short' : 'num'}>{formatMoney(row.unallocatedMinor)}</td>
            <td className="budget-bar-cell">
              <BudgetBar totalMinor={row.totalMinor} allocatedMinor={row.allocatedMinor} provisionalMinor={row.provisionalMinor} />
            </td>
            {canEdit && (
              <td className="row-actions">
                <button type="button" className="link-button" aria-label={`Change budget order ${row.number}`} onClick={() => onEdit(row)}>
                  Change
                </button>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
