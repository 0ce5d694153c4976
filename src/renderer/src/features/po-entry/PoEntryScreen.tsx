import { useEffect } from 'react';
import { useShortcut } from '../../hooks/useShortcut';
import { usePoEntryStore } from '../../stores/po-entry-store';
import { SAVE_BUTTON_ID } from './field-ids';
import { HeaderFields } from './HeaderFields';
import { LinesTable } from './LinesTable';

/** PO entry: header with its reasons, lines, save as draft (Ctrl+S). */
export function PoEntryScreen() {
  const po = usePoEntryStore((s) => s.po);
  const busy = usePoEntryStore((s) => s.busy);
  const alert = usePoEntryStore((s) => s.alert);
  const notice = usePoEntryStore((s) => s.notice);
  const dirty = usePoEntryStore((s) => s.dirty);
  const focus = usePoEntryStore((s) => s.focus);
  const warehouses = usePoEntryStore((s) => s.warehouses);
  const save = usePoEntryStore((s) => s.save);
  const loadWarehouses = usePoEntryStore((s) => s.loadWarehouses);

  useShortcut('Mod+S', () => void save());

  useEffect(() => {
    if (warehouses.length === 0) void loadWarehouses();
  }, [warehouses.length, loadWarehouses]);

  // The store asks for focus (new PO, new line, refused field); it lands once the element is rendered.
  useEffect(() => {
    if (!focus) return;
    const element = document.getElementById(focus.id);
    if (!element) return;
    element.focus();
    if (element instanceof HTMLInputElement) element.select();
  }, [focus]);

  const readOnly = po !== null && po.status !== 'draft';

  return (
    <main className="screen po-entry" aria-labelledby="po-entry-title" aria-busy={busy !== 'idle'}>
      <header className="screen-header">
        <div>
          <h1 id="po-entry-title">{po ? po.number : 'New purchase order'}</h1>
          <p className="screen-meta">
            {po ? (
              <>
                <span className={`badge status-${po.status}`}>{po.status}</span>
                <span>Version {po.version}</span>
                <span>Entered by {po.createdBy}</span>
              </>
            ) : (
              <span>Not saved yet</span>
            )}
            {dirty && <span className="badge unsaved">Unsaved changes</span>}
            {busy === 'loading' && <span>Loading…</span>}
          </p>
        </div>
      </header>

      {alert && (
        <div role="alert" className="alert">
          {alert}
        </div>
      )}
      {readOnly && <p className="note">{po.number} is {po.status}; only draft POs can be changed here.</p>}

      <form
        className="po-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <HeaderFields />
        <LinesTable />
        <div className="form-actions">
          <p role="status" className="save-notice">
            {notice}
          </p>
          <button
            id={SAVE_BUTTON_ID}
            type="submit"
            className="primary"
            aria-keyshortcuts="Control+S Meta+S"
            aria-busy={busy === 'saving'}
            disabled={readOnly}
          >
            {busy === 'saving' ? 'Saving…' : 'Save draft'}
            <kbd aria-hidden="true">Ctrl+S</kbd>
          </button>
        </div>
      </form>
    </main>
  );
}
