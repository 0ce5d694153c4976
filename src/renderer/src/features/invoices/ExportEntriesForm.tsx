import { type FormEvent, useEffect, useState } from 'react';
import { cancelOnEscape } from '../../components/record-form';
import { downloadCsv } from '../../components/download';
import { api } from '../../api';
import { useInvoiceStore } from '../../stores/invoice-store';
import { todayIso } from './invoice-draft';

/** The entries export: those not yet exported (marked exported by it), or a range of invoice dates. Enter exports, Escape closes. */
export function ExportEntriesForm({ onClose }: { onClose(): void }) {
  const [kind, setKind] = useState<'not-exported' | 'dates'>('not-exported');
  const today = todayIso();
  const [from, setFrom] = useState(`${today.slice(0, 8)}01`);
  const [to, setTo] = useState(today);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    document.getElementById('export-not-exported')?.focus();
  }, []);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setProblem(null);
    const result = await api.exportAccountingEntries(kind === 'dates' ? { kind, from, to } : { kind });
    setBusy(false);
    if (!result.ok) {
      setProblem(result.error.message);
      return;
    }
    const { fileName, csv, entryCount, lineCount } = result.value;
    downloadCsv(fileName, csv, { byteOrderMark: false });
    useInvoiceStore.getState().setNotice({ kind: 'done', message: `Exported ${entryCount} ${entryCount === 1 ? 'entry' : 'entries'} (${lineCount} lines) to ${fileName}.` });
    onClose();
  };

  return (
    <section className="settings-card invoice-export" aria-labelledby="invoice-export-title">
      <h2 id="invoice-export-title">Export accounting entries</h2>
      <form className="settings-form" noValidate onSubmit={(event) => void onSubmit(event)} onKeyDown={cancelOnEscape(onClose)}>
        <fieldset className="invoice-export-choice">
          <legend>Which entries</legend>
          <label>
            <input id="export-not-exported" type="radio" name="export-kind" checked={kind === 'not-exported'} onChange={() => setKind('not-exported')} /> Not yet exported (they are marked
            exported)
          </label>
          <label>
            <input type="radio" name="export-kind" checked={kind === 'dates'} onChange={() => setKind('dates')} /> Invoice dates from – to (changes nothing)
          </label>
        </fieldset>
        {kind === 'dates' && (
          <div className="invoice-form-row">
            <div className="field">
              <label htmlFor="export-from">From</label>
              <input id="export-from" type="date" value={from} onChange={(event) => setFrom(event.target.value)} />
            </div>
            <div className="field">
              <label htmlFor="export-to">To</label>
              <input id="export-to" type="date" value={to} onChange={(event) => setTo(event.target.value)} />
            </div>
          </div>
        )}
        <div className="settings-actions">
          <button type="submit" className="primary" aria-disabled={busy || undefined}>
            Export CSV
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            Cancel
          </button>
          {problem && (
            <p role="alert" className="settings-outcome is-refused">
              {problem}
            </p>
          )}
        </div>
      </form>
    </section>
  );
}
