import { useEffect } from 'react';
import { TopBar } from './components/TopBar';
import { AdminScreen } from './features/admin/AdminScreen';
import { AuditScreen } from './features/audit/AuditScreen';
import { InvoiceScreen } from './features/invoices/InvoiceScreen';
import { BudgetScreen } from './features/budgets/BudgetScreen';
import { PoEntryScreen } from './features/po-entry/PoEntryScreen';
import { PoListScreen } from './features/po-list/PoListScreen';
import { SettingsScreen } from './features/settings/SettingsScreen';
import { SignInScreen } from './features/sign-in/SignInScreen';
import { LeaveDialog } from './components/LeaveDialog';
import { ConnectionChoiceScreen } from './features/connection/ConnectionChoiceScreen';
import { ConnectionFooter } from './features/connection/ConnectionFooter';
import { UnreachableBanner } from './features/connection/UnreachableBanner';
import { PackageReviewShell } from './features/review/PackageReviewShell';
import { ReviewDeskScreen } from './features/review/ReviewDeskScreen';
import { startReviewFeed } from './features/review/review-feed';
import { useShortcut } from './hooks/useShortcut';
import { useConnectionStore } from './stores/connection-store';
import { leaveScreenThen } from './stores/leave-guard-store';
import { usePoEntryStore } from './stores/po-entry-store';
import { isApprover, useReviewStore } from './stores/review-store';
import { useSessionStore } from './stores/session-store';

export function App() {
  const appState = useSessionStore((s) => s.appState);
  const operator = useSessionStore((s) => s.operator);
  const view = useSessionStore((s) => s.view);
  const problem = useSessionStore((s) => s.problem);
  const showList = useSessionStore((s) => s.showList);
  const showEntry = useSessionStore((s) => s.showEntry);
  const showAudit = useSessionStore((s) => s.showAudit);
  const signOut = useSessionStore((s) => s.signOut);
  const showSettings = useSessionStore((s) => s.showSettings);
  const showReview = useSessionStore((s) => s.showReview);
  const showBudgets = useSessionStore((s) => s.showBudgets);
  const showAdmin = useSessionStore((s) => s.showAdmin);
  const showInvoices = useSessionStore((s) => s.showInvoices);
  const reviewCount = useReviewStore((s) => s.deskRows.length);
  const packageOpen = useReviewStore((s) => s.source === 'package' && s.pkg !== null);
  const newPo = usePoEntryStore((s) => s.newPo);
  const openPo = usePoEntryStore((s) => s.open);
  const editingStored = usePoEntryStore((s) => s.po !== null);
  const connection = useConnectionStore((s) => s.connection);
  const choosingConnection = useConnectionStore((s) => s.choosing);
  const shownState = connection === null ? 'loading' : appState;

  useEffect(() => {
    void useConnectionStore.getState().init();
  }, []);

  useEffect(() => startReviewFeed(), []);

  // End-to-end tests wait for html[data-app-state="ready"]; set after the screen has rendered.
  useEffect(() => {
    document.documentElement.dataset.appState = shownState === 'unavailable' ? 'error' : shownState;
  }, [shownState]);

  // Every way out of the entry screen asks first when it holds unsaved work.
  const startNewPo = () =>
    leaveScreenThen(() => {
      newPo();
      showEntry();
    });

  useShortcut('Alt+N', startNewPo, operator !== null);
  // Ctrl+S belongs to the entry screen; elsewhere it must not open the browser's "save page".
  useShortcut('Mod+S', () => {}, operator !== null && view !== 'entry');
  // Ctrl+P prints a PO's document on the entry screen; elsewhere it must not open the browser's print dialog.
  useShortcut('Mod+P', () => {}, operator !== null && view !== 'entry');

  if (shownState === 'loading' || connection === null) {
    return (
      <div className="splash" aria-busy="true">
        Loading the purchasing desk…
      </div>
    );
  }

  if (appState === 'unavailable') {
    return (
      <div className="splash">
        <div role="alert" className="alert">
          {problem}
        </div>
      </div>
    );
  }

  // The desktop app's first run: nothing can be signed in to before this computer knows where its desk is.
  if (connection.mode === 'unchosen') return <ConnectionChoiceScreen />;

  // A review package opened at the sign-in screen: reviewed here, decided into a file, nothing signed in.
  if (!operator && packageOpen) return <PackageReviewShell />;

  if (!operator) {
    return (
      <>
        <UnreachableBanner />
        {choosingConnection ? <ConnectionChoiceScreen /> : <SignInScreen />}
        {!choosingConnection && <ConnectionFooter />}
      </>
    );
  }

  return (
    <div className="app-shell">
      <UnreachableBanner />
      <TopBar
        operator={operator}
        view={view}
        editingStored={editingStored}
        onList={() => leaveScreenThen(showList)}
        onNewPo={startNewPo}
        onAudit={() => leaveScreenThen(showAudit)}
        onSettings={() => leaveScreenThen(showSettings)}
        onBudgets={() => leaveScreenThen(showBudgets)}
        onInvoices={() => leaveScreenThen(showInvoices)}
        onAdmin={() => leaveScreenThen(showAdmin)}
        reviewCount={isApprover(operator.role) ? reviewCount : null}
        onReview={() => leaveScreenThen(showReview)}
        onSignOut={() => leaveScreenThen(() => void signOut())}
      />
      {problem && (
        <div role="alert" className="alert app-problem">
          {problem}
        </div>
      )}
      {view === 'list' && (
        <PoListScreen
          onOpen={(id, mode) => {
            showEntry();
            void openPo(id, mode);
          }}
        />
      )}
      {view === 'entry' && <PoEntryScreen />}
      {view === 'audit' && <AuditScreen />}
      {view === 'budgets' && (
        <BudgetScreen
          onOpenPo={(id) =>
            leaveScreenThen(() => {
              showEntry();
              void openPo(id);
            })
          }
        />
      )}
      {view === 'settings' && <SettingsScreen />}
      {view === 'admin' && operator.role !== 'operator' && <AdminScreen />}
      {view === 'invoices' && (
        <InvoiceScreen
          onOpenPo={(id) =>
            leaveScreenThen(() => {
              showEntry();
              void openPo(id);
            })
          }
        />
      )}
      {view === 'review' && isApprover(operator.role) && <ReviewDeskScreen />}
      <LeaveDialog />
    </div>
  );
}
