import type { OperatorSummary } from '../../../shared/contracts';
import { formatScaled } from '../../../shared/locale-format';
import { useLocaleFormat } from '../hooks/useLocaleFormat';
import './top-bar.css';
import type { View } from '../stores/session-store';

interface TopBarProps {
  operator: OperatorSummary;
  view: View;
  /** The entry screen holds a stored PO rather than a new one. */
  editingStored: boolean;
  onList(): void;
  onNewPo(): void;
  onAudit(): void;
  onSettings(): void;
  onBudgets(): void;
  onInvoices(): void;
  onAdmin(): void;
  /** POs waiting for this supervisor or admin; null for an operator, who has no review desk. */
  reviewCount: number | null;
  onReview(): void;
  onSignOut(): void;
}

/** App name, the views, who is signed in under which scheme, and sign out. Installation settings live on the Settings screen. */
export function TopBar({ operator, view, editingStored, onList, onNewPo, onAudit, onSettings, onBudgets, onInvoices, onAdmin, reviewCount, onReview, onSignOut }: TopBarProps) {
  const { locale } = useLocaleFormat();
  const waiting = reviewCount === null ? '' : formatScaled(reviewCount, 0, locale);
  return (
    <header className="top-bar">
      <div className="top-bar-left">
        <span className="brand" aria-hidden="true">
          PD
        </span>
        <span className="app-name">Purchasing desk</span>
        <nav className="nav" aria-label="Views">
          <button type="button" className="nav-button" aria-current={view === 'list' ? 'page' : undefined} onClick={onList}>
            Purchase orders
          </button>
          <button
            type="button"
            className="nav-button"
            aria-current={view === 'entry' && !editingStored ? 'page' : undefined}
            aria-keyshortcuts="Alt+N"
            title="New PO (Alt+N)"
            onClick={onNewPo}
          >
            New PO <kbd aria-hidden="true">Alt+N</kbd>
          </button>
          {reviewCount !== null && (
            <button
              type="button"
              className="nav-button"
              aria-current={view === 'review' ? 'page' : undefined}
              title={`${waiting} ${reviewCount === 1 ? 'PO waits' : 'POs wait'} for your review`}
              onClick={onReview}
            >
              Review ({waiting})
            </button>
          )}
          <button type="button" className="nav-button" aria-current={view === 'budgets' ? 'page' : undefined} onClick={onBudgets}>
            Budgets
          </button>
          <button type="button" className="nav-button" aria-current={view === 'invoices' ? 'page' : undefined} onClick={onInvoices}>
            Invoices
          </button>
          {operator.role !== 'operator' && (
            <button type="button" className="nav-button" aria-current={view === 'audit' ? 'page' : undefined} onClick={onAudit}>
              Audit log
            </button>
          )}
          {operator.role !== 'operator' && (
            <button type="button" className="nav-button" aria-current={view === 'admin' ? 'page' : undefined} onClick={onAdmin}>
              Admin
            </button>
          )}
          <button type="button" className="nav-button" aria-current={view === 'settings' ? 'page' : undefined} onClick={onSettings}>
            Settings
          </button>
        </nav>
      </div>
      <div className="top-bar-right">
        <div className="operator">
          <span className="operator-name">{operator.displayName}</span>
          <span className="operator-scheme">
            {operator.schemeName ? `Scheme ${operator.schemeName}` : 'No scheme'}
            {operator.role !== 'operator' && ` · ${operator.role}`}
          </span>
        </div>
        <button type="button" className="secondary" onClick={onSignOut}>
          Sign out
        </button>
      </div>
    </header>
  );
}
