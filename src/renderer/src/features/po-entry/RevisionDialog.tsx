import { useRef } from 'react';
import { ModalDialog } from '../../components/ModalDialog';
import { useLocaleFormat } from '../../hooks/useLocaleFormat';
import { usePoEntryStore } from '../../stores/po-entry-store';
import { STATUS_LABEL } from './po-status-words';

/**
 * One stored revision of the PO, read-only: its header and every line as they stood then (for a
 * released revision, as the vendor has it), with that revision's document to save.
 */
export function RevisionDialog() {
  const view = usePoEntryStore((s) => s.revisionView);
  const number = usePoEntryStore((s) => s.po?.number ?? '');
  const currentRevision = usePoEntryStore((s) => s.po?.standing.revision ?? null);
  const documentBusy = usePoEntryStore((s) => s.documentBusy);
  const closeRevision = usePoEntryStore((s) => s.closeRevision);
  const saveDocument = usePoEntryStore((s) => s.saveDocument);
  const closeRef = useRef<HTMLButtonElement>(null);
  const format = useLocaleFormat();
  if (!view) return null;

  const loaded = view.loaded;
  const snapshot = loaded?.snapshot;
  const when = loaded?.releasedAt
    ? `Released to the vendor ${format.formatDateTime(loaded.releasedAt)}.`
    : view.revision === currentRevision
      ? 'This revision is the one on screen; it has not been released.'
      : 'This revision was not released.';

  return (
    <ModalDialog
      id="revision"
      role="dialog"
      title={`${number} revision ${view.revision}`}
      initialFocus={closeRef}
      onCancel={closeRevision}
      busy={!loaded && !view.error}
      className="revision-dialog"
      actions={
        <>
          <button type="button" className="secondary" aria-busy={documentBusy || undefined} disabled={!loaded} onClick={() => void saveDocument(view.revision)}>
            {documentBusy ? 'Making PDF…' : `Document of revision ${view.revision} (PDF)`}
          </button>
          <button ref={closeRef} type="button" className="primary" onClick={closeRevision}>
            Close
          </button>
        </>
      }
    >
      {view.error && (
        <p role="alert" className="alert">
          {view.error}
        </p>
      )}
      {!loaded && !view.error && <p>Loading revision {view.revision}…</p>}
      {snapshot && (
        <>
          <p className="revision-when">{when} Read-only.</p>
          <dl className="revision-facts">
            <div>
              <dt>Vendor</dt>
              <dd>
                <span className="code">{snapshot.vendorCode}</span> {snapshot.vendorName}
              </dd>
            </div>
            <div>
              <dt>Warehouse</dt>
              <dd>{snapshot.warehouseCode}</dd>
            </div>
            <div>
              <dt>Cost center</dt>
              <dd>{snapshot.costCenterCode ?? 'none'}</dd>
            </div>
            <div>
              <dt>Status then</dt>
              <dd>{STATUS_LABEL[snapshot.status]}</dd>
            </div>
            <div>
              <dt>Total</dt>
              <dd className="num">{format.formatMoney(snapshot.totalMinor)}</dd>
            </div>
          </dl>
          <div className="revision-lines">
            <table className="po-table" aria-label={`Lines of revision ${view.revision}`}>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">Item</th>
                  <th scope="col">Description</th>
                  <th scope="col" className="num">
                    Quantity
                  </th>
                  <th scope="col" className="num">
                    Unit cost
                  </th>
                  <th scope="col" className="num">
                    Line total
                  </th>
                  <th scope="col">Cost center</th>
                </tr>
              </thead>
              <tbody>
                {snapshot.lines.map((line) => (
                  <tr key={line.id}>
                    <td>{line.lineNumber}</td>
                    <td className="code">{line.itemCode ?? ''}</td>
                    <td>{line.description}</td>
                    <td className="num">{format.formatQuantity(line.quantityMilli)}</td>
                    <td className="num">{format.formatMoney(line.unitCostMinor)}</td>
                    <td className="num">{format.formatMoney(line.totalMinor)}</td>
                    <td className="code">{line.costCenterCode ?? 'none'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </ModalDialog>
  );
}
