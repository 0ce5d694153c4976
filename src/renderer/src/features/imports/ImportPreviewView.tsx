import { IMPORT_ERRORS_PAGE, type ImportPreview } from '../../../../shared/import-schemas';
import { formatScaled } from '../../../../shared/locale-format';
import { useLocaleFormat } from '../../hooks/useLocaleFormat';
import { useImportStore } from '../../stores/import-store';
import { ImportProgressBar } from './ImportProgressBar';

/** What main found in the file: counts, the first rows, every error by line, column and why (paged), and the two choices. */
export function ImportPreviewView({ preview, writing }: { preview: ImportPreview; writing: boolean }) {
  const { locale } = useLocaleFormat();
  const page = useImportStore((s) => s.errorsPage);
  const progress = useImportStore((s) => s.progress);
  const store = useImportStore.getState();
  const n = (value: number) => formatScaled(value, 0, locale);
  const errors = page?.errors ?? preview.errors;
  const offset = page?.offset ?? 0;
  const total = page?.total ?? preview.errorCount;
  // A page button that the new page disables would drop the cursor: it moves to the other one.
  const turnPage = async (to: number, otherId: string) => {
    await store.pageErrors(to);
    const active = document.activeElement;
    if (!active || active === document.body || (active instanceof HTMLButtonElement && active.disabled)) document.getElementById(otherId)?.focus();
  };
  const showsRejectedDownload = preview.rejectedCount > 0 && preview.fileErrors.length === 0;

  return (
    <section className="settings-card import-card" aria-labelledby="import-preview-title">
      <h2 id="import-preview-title" tabIndex={-1}>
        Preview of {preview.fileName}
      </h2>
      <dl className="import-counts">
        <div>
          <dt>Rows</dt>
          <dd>{n(preview.rowCount)}</dd>
        </div>
        <div className="import-count-ok">
          <dt>Valid</dt>
          <dd>{n(preview.validCount)}</dd>
        </div>
        <div className={preview.rejectedCount > 0 ? 'import-count-bad' : undefined}>
          <dt>With errors</dt>
          <dd>{n(preview.rejectedCount)}</dd>
        </div>
        <div>
          <dt>Existing codes refused</dt>
          <dd>{n(preview.existingCount)}</dd>
        </div>
        <div>
          <dt>Blank lines skipped</dt>
          <dd>{n(preview.blankLineCount)}</dd>
        </div>
      </dl>
      <p className={preview.allOrNothing.write ? 'import-plan import-plan-ok' : 'import-plan import-plan-partial'} id="import-plan">
        {preview.allOrNothing.write ? preview.allOrNothing.reason : preview.validRows.write ? preview.validRows.reason : preview.allOrNothing.reason}
      </p>
      <p className="hint">{preview.existingRule}</p>

      {preview.firstRows.length > 0 && (
        <div className="table-card import-table-wrap">
          <table className="import-table" aria-label={`First rows of ${preview.fileName}`}>
            <caption className="sr-only">The first rows of the file, as it has them</caption>
            <thead>
              <tr>
                <th scope="col">Line</th>
                {preview.columns.map((column, index) => (
                  <th scope="col" key={`${index}-${column}`}>
                    {column}
                  </th>
                ))}
                <th scope="col">Check</th>
              </tr>
            </thead>
            <tbody>
              {preview.firstRows.map((row) => (
                <tr key={row.line} className={row.valid ? undefined : 'import-row-bad'}>
                  <td className="num">{n(row.line)}</td>
                  {preview.columns.map((column, index) => (
                    <td key={`${index}-${column}`}>{row.cells[index] ?? ''}</td>
                  ))}
                  <td>{row.valid ? 'Valid' : 'Errors'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {total > 0 && (
        <>
          <h3 className="import-subtitle" id="import-errors-title">
            Errors {n(offset + 1)}–{n(offset + errors.length)} of {n(total)}
          </h3>
          <div className="table-card import-table-wrap">
            <table className="import-table import-errors" aria-labelledby="import-errors-title">
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">Column</th>
                  <th scope="col">Value</th>
                  <th scope="col">Why</th>
                </tr>
              </thead>
              <tbody>
                {errors.map((error, index) => (
                  <tr key={`${error.line}-${error.columnNumber ?? 0}-${index}`}>
                    <td className="num">{n(error.line)}</td>
                    <td>{error.column ?? '—'}</td>
                    <td className="import-value">{error.value}</td>
                    <td>{error.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {total > IMPORT_ERRORS_PAGE && (
            <div className="import-pager">
              <button id="import-errors-previous" type="button" className="secondary" disabled={offset === 0} onClick={() => void turnPage(Math.max(0, offset - IMPORT_ERRORS_PAGE), 'import-errors-next')}>
                Previous errors
              </button>
              <button id="import-errors-next" type="button" className="secondary" disabled={offset + errors.length >= total} onClick={() => void turnPage(offset + IMPORT_ERRORS_PAGE, 'import-errors-previous')}>
                Next errors
              </button>
            </div>
          )}
        </>
      )}

      {preview.noteCount > 0 && (
        <details className="import-notes">
          <summary>
            {n(preview.noteCount)} {preview.noteCount === 1 ? 'note' : 'notes'} on valid rows
          </summary>
          <ul>
            {preview.notes.map((note, index) => (
              <li key={`${note.line}-${index}`}>
                Line {n(note.line)}: {note.note}
              </li>
            ))}
          </ul>
        </details>
      )}

      {writing && progress && <ImportProgressBar progress={progress} />}
      <div className="import-form-actions" role="group" aria-label="What to import">
        <button type="button" className="primary" disabled={writing || !preview.allOrNothing.write} aria-describedby="import-plan" onClick={() => void store.commit('all-or-nothing')}>
          Import all {n(preview.rowCount)} {preview.rowCount === 1 ? 'row' : 'rows'}
        </button>
        {preview.rejectedCount > 0 && preview.validRows.write && (
          <button type="button" className="secondary" disabled={writing} onClick={() => void store.commit('valid-rows')}>
            Import the {n(preview.validCount)} valid {preview.validCount === 1 ? 'row' : 'rows'}
          </button>
        )}
        {showsRejectedDownload && (
          <button type="button" className="secondary" disabled={writing} onClick={() => void store.downloadRejected()}>
            Download the {n(preview.rejectedCount)} rejected {preview.rejectedCount === 1 ? 'row' : 'rows'}
          </button>
        )}
      </div>
      <p className="hint">Fix the file and choose it again to check it again; Escape starts again.</p>
    </section>
  );
}
