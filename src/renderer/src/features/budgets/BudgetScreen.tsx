import { useEffect } from 'react';
import { api } from '../../api';
import { useBudgetStore } from '../../stores/budget-store';
import { BudgetDetail } from './BudgetDetail';
import { BudgetOrderForm } from './BudgetOrderForm';
import { budgetButtonId, BudgetTable } from './BudgetTable';
import '../settings/settings.css';
import './budgets.css';

const ADD_BUTTON_ID = 'budget-add';
const afterRender = (work: () => void) => setTimeout(work, 0);

/**
 * Budget orders: each one's total, allocated, provisional and unallocated, its POs and its use over
 * time. Supervisors and admins read it; admins add and change budget orders.
 */
export function BudgetScreen({ onOpenPo }: { onOpenPo(id: number): void }) {
  const view = useBudgetStore((s) => s.view);
  const status = useBudgetStore((s) => s.status);
  const loadError = useBudgetStore((s) => s.loadError);
  const selectedId = useBudgetStore((s) => s.selectedId);
  const draft = useBudgetStore((s) => s.draft);
  const outcome = useBudgetStore((s) => s.outcome);
  const store = useBudgetStore.getState();

  // Read afresh on every visit, and again whenever any desk moves a budget's figures.
  useEffect(() => {
    void useBudgetStore.getState().load();
    return api.onChanged((notice) => {
      if (notice.entities.includes('purchase-orders')) void useBudgetStore.getState().load();
    });
  }, []);

  useEffect(() => {
    document.getElementById('budgets-title')?.focus();
  }, []);

  const selected = view?.budgets.find((row) => row.id === selectedId) ?? null;
  const focusRowOrAdd = (id: number | null) =>
    afterRender(() => (id !== null && document.getElementById(budgetButtonId(id)) ? document.getElementById(budgetButtonId(id)) : document.getElementById(ADD_BUTTON_ID))?.focus());

  return (
    <main className="screen budget-screen" aria-labelledby="budgets-title">
      <header className="screen-header">
        <div>
          <h1 id="budgets-title" tabIndex={-1}>
            Budgets
          </h1>
          <p className="screen-meta">
            What each budget order holds: allocated to submitted and approved POs, provisional in drafts, and what is left unallocated.
          </p>
        </div>
        {view?.canEdit && (
          <button id={ADD_BUTTON_ID} type="button" className="primary" onClick={() => store.startNew()}>
            Add a budget order…
          </button>
        )}
      </header>

      {!view ? (
        status === 'error' ? (
          <p role="alert" className="alert">
            The budget orders could not be read: {loadError}
          </p>
        ) : (
          <p className="muted" aria-busy="true">
            Reading the budget orders…
          </p>
        )
      ) : (
        <div className="budget-layout">
          {status === 'error' && (
            <p role="alert" className="alert">
              The budget orders could not be read again: {loadError} What is shown may be out of date.
            </p>
          )}
          {view.canEdit && draft && (
            <BudgetOrderForm
              view={view}
              draft={draft}
              onSaved={(id) => focusRowOrAdd(id)}
              onCancel={() => {
                const id = draft.id;
                store.cancelEdit();
                focusRowOrAdd(id);
              }}
            />
          )}
          <section className="settings-card" aria-labelledby="budget-list-title">
            <h2 id="budget-list-title">Budget orders</h2>
            <div className="table-card">
              <BudgetTable budgets={view.budgets} selectedId={selectedId} canEdit={view.canEdit} onSelect={(id) => store.select(id)} onEdit={(row) => store.startEdit(row)} />
            </div>
            <p role="status" className={`settings-outcome${outcome?.kind === 'refused' ? ' is-refused' : ''}`}>
              {outcome?.message}
            </p>
          </section>
          {selected && <BudgetDetail row={selected} onOpenPo={onOpenPo} />}
        </div>
      )}
    </main>
  );
}
