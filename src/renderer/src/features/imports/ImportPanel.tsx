import { type FormEvent, useEffect, useRef } from 'react';
import { IMPORT_COLUMN_HINTS, IMPORT_KIND_LABELS, IMPORT_KINDS, type ImportKind } from '../../../../shared/import-schemas';
import { cancelOnEscape } from '../../components/record-form';
import { useImportStore } from '../../stores/import-store';
import { useSessionStore } from '../../stores/session-store';
import { ImportPreviewView } from './ImportPreviewView';
import { ImportProgressBar } from './ImportProgressBar';
import './imports.css';

const KIND_ID = 'import-kind';
const FILE_ID = 'import-file';

/**
 * Admin → Import: choose what the file holds and the CSV file; main reads and checks every row and
 * answers a preview; the admin imports every row (only when all are valid) or the valid ones and
 * downloads the rejected ones. Supervisors and operators are told only admins import.
 */
export function ImportPanel() {
  const isAdmin = useSessionStore((s) => s.operator?.role === 'admin');
  const kind = useImportStore((s) => s.kind);
  const file = useImportStore((s) => s.file);
  const stage = useImportStore((s) => s.stage);
  const progress = useImportStore((s) => s.progress);
  const preview = useImportStore((s) => s.preview);
  const outcome = useImportStore((s) => s.outcome);
  const problem = useImportStore((s) => s.problem);
  const fieldErrors = useImportStore((s) => s.fieldErrors);
  const store = useImportStore.getState();
  const fileInput = useRef<HTMLInputElement>(null);

  // A file input cannot be set from the store: emptied whenever the store forgets its file.
  useEffect(() => {
    if (!file && fileInput.current) fileInput.current.value = '';
  }, [file]);

  // Escape starts again from anywhere on the preview, even when the focused button has just been disabled (the last page of errors).
  useEffect(() => {
    if (stage !== 'preview' && stage !== 'done') return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || document.querySelector('[role="dialog"]')) return;
      event.preventDefault();
      useImportStore.getState().startAgain();
      setTimeout(() => document.getElementById(KIND_ID)?.focus(), 0);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [stage]);

  if (!isAdmin) {
    return (
      <section className="settings-card import-card" aria-labelledby="import-title">
        <h2 id="import-title">Import master data</h2>
        <p className="muted">Only administrators import master data from CSV files; you can read the master data on its own tab.</p>
      </section>
    );
  }

  const busy = stage === 'sending' || stage === 'checking' || stage === 'writing';
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const ok = await store.check();
    const state = useImportStore.getState();
    if (ok) setTimeout(() => document.getElementById('import-preview-title')?.focus(), 0);
    else if (state.fieldErrors.kind) document.getElementById(KIND_ID)?.focus();
    else if (state.fieldErrors.file) document.getElementById(FILE_ID)?.focus();
  };
  const startAgain = () => {
    if (busy) return;
    store.startAgain();
    setTimeout(() => document.getElementById(KIND_ID)?.focus(), 0);
  };

  const columns = kind === '' ? null : IMPORT_COLUMN_HINTS[kind];
  return (
    <div className="imports">
      <section className="settings-card import-card" aria-labelledby="import-title">
        <h2 id="import-title">Import master data from a CSV file</h2>
        <p className="controls-lead">
          The first line names the columns; values are separated by commas or semicolons, and quoted where they hold one. Nothing is written until you have seen the
          preview; an import only adds records, and existing codes are refused.
        </p>
        <form className="import-form" noValidate onSubmit={(event) => void onSubmit(event)} onKeyDown={stage === 'choose' ? cancelOnEscape(startAgain) : undefined}>
          <div className="field">
            <label htmlFor={KIND_ID}>What the file holds</label>
            <select
              id={KIND_ID}
              value={kind}
              disabled={busy}
              aria-invalid={fieldErrors.kind ? 'true' : undefined}
              aria-describedby={[fieldErrors.kind ? `${KIND_ID}-error` : null, columns ? 'import-columns-hint' : null].filter(Boolean).join(' ') || undefined}
              onChange={(event) => store.setKind(event.target.value as ImportKind | '')}
            >
              <option value="">Choose…</option>
              {IMPORT_KINDS.map((each) => (
                <option key={each} value={each}>
                  {IMPORT_KIND_LABELS[each]}
                </option>
              ))}
            </select>
            {fieldErrors.kind && (
              <p className="field-error" id={`${KIND_ID}-error`}>
                {fieldErrors.kind}
              </p>
            )}
          </div>
          <div className="field">
            <label htmlFor={FILE_ID}>CSV file</label>
            <input
              ref={fileInput}
              id={FILE_ID}
              type="file"
              accept=".csv,text/csv,text/plain"
              disabled={busy}
              aria-invalid={fieldErrors.file ? 'true' : undefined}
              aria-describedby={fieldErrors.file ? `${FILE_ID}-error` : undefined}
              onChange={(event) => store.setFile(event.target.files?.[0] ?? null)}
            />
            {fieldErrors.file && (
              <p className="field-error" id={`${FILE_ID}-error`}>
                {fieldErrors.file}
              </p>
            )}
          </div>
          <div className="import-form-actions">
            <button type="submit" className="primary" disabled={busy}>
              Check the file
            </button>
            {stage !== 'choose' && (
              <button type="button" className="secondary" disabled={busy} onClick={startAgain}>
                Start again
              </button>
            )}
          </div>
        </form>
        {columns && (
          <p className="hint" id="import-columns-hint">
            Columns for {IMPORT_KIND_LABELS[kind as ImportKind].toLowerCase()}: {columns.map((name) => name.replace('*', ' (required)')).join(', ')}. Lists of cost centers are codes separated by
            “;”; yes/no columns take yes or no.
            {kind === 'operator' && ' Imported operators get no password: reset each one’s before they sign in.'}
          </p>
        )}
        {progress && busy && <ImportProgressBar progress={progress} />}
        {problem && (
          <p role="alert" className="alert import-problem">
            {problem}
          </p>
        )}
      </section>
      {preview && (stage === 'preview' || stage === 'writing') && <ImportPreviewView preview={preview} writing={stage === 'writing'} />}
      {outcome && stage === 'done' && (
        <section className="settings-card import-card" aria-labelledby="import-done-title">
          <h2 id="import-done-title">Imported</h2>
          <p role="status" className="import-plan import-plan-ok">
            {outcome.reason}
          </p>
          <div className="import-form-actions">
            {outcome.rejected > 0 && (
              <button type="button" className="secondary" onClick={() => void store.downloadRejected()}>
                Download the {outcome.rejected} rejected {outcome.rejected === 1 ? 'row' : 'rows'}
              </button>
            )}
            <button type="button" className="primary" onClick={startAgain}>
              Import another file
            </button>
          </div>
        </section>
      )}
    </div>
  );
}
