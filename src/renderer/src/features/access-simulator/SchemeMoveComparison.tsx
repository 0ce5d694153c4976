import type { SchemeComparisonView } from '../../../../shared/operator-admin-schemas';

/** What a scheme move changes for an operator: the sentence, then the POs and lists behind it. */
export function SchemeMoveComparison({ comparison, id }: { comparison: SchemeComparisonView; id: string }) {
  const { pos, costCenters, entryAfter } = comparison;
  return (
    <div className={`scheme-move${pos.lost.length > 0 ? ' is-loss' : ''}`} id={id} role="status" aria-live="polite">
      <p className="scheme-move-summary">{comparison.summary}</p>
      {!entryAfter.allowed && <p className="scheme-move-entry">{entryAfter.reason}</p>}
      {(pos.lost.length > 0 || pos.gained.length > 0) && (
        <table className="po-table scheme-move-table" aria-label="Open POs whose access changes">
          <thead>
            <tr>
              <th scope="col">PO</th>
              <th scope="col">Status</th>
              <th scope="col">Access</th>
              <th scope="col">After the move</th>
            </tr>
          </thead>
          <tbody>
            {[...pos.lost.map((po) => ({ ...po, change: 'lost' })), ...pos.gained.map((po) => ({ ...po, change: 'gained' }))].map((po) => (
              <tr key={po.number} data-change={po.change}>
                <td className="code">{po.number}</td>
                <td>
                  <span className={`badge status-${po.status}`}>{po.status}</span>
                </td>
                <td>{po.change === 'lost' ? 'Lost' : 'Gained'}</td>
                <td>{po.after}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {comparison.changed && (
        <p className="hint">
          Cost centers kept: {costCenters.kept.length > 0 ? costCenters.kept.join(', ') : 'none'}
          {pos.kept > 0 ? `; ${pos.kept} open PO${pos.kept === 1 ? '' : 's'} stay open to them.` : '.'}
        </p>
      )}
    </div>
  );
}
