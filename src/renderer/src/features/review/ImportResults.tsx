import type { CarriedOutcome } from '../../../../shared/lifecycle-schemas';
import { formatScaled } from '../../../../shared/locale-format';
import { useLocaleFormat } from '../../hooks/useLocaleFormat';
import { DECISION_LABEL, OUTCOME_LABEL } from './review-words';

interface ImportResultsProps {
  fileName: string;
  results: CarriedOutcome[];
  onClose(): void;
}

/** What became of each decision in an imported file, one row each, in the file's order. */
export function ImportResults({ fileName, results, onClose }: ImportResultsProps) {
  const { locale } = useLocaleFormat();
  const applied = results.filter((each) => each.outcome === 'applied').length;
  const summary = `${formatScaled(applied, 0, locale)} of ${formatScaled(results.length, 0, locale)} applied`;
  return (
    <section className="review-import" aria-labelledby="review-import-title">
      <div className="review-import-header">
        <h2 id="review-import-title">Decisions imported from {fileName}</h2>
        <span role="status" className="review-import-summary">
          {summary}
        </span>
        <button type="button" className="link-button" onClick={onClose}>
          Close
        </button>
      </div>
      {results.length === 0 ? (
        <p className="muted">The file held no decisions.</p>
      ) : (
        <table className="review-table" aria-labelledby="review-import-title">
          <thead>
            <tr>
              <th scope="col">PO</th>
              <th scope="col">Decision</th>
              <th scope="col">Result</th>
              <th scope="col">What happened</th>
            </tr>
          </thead>
          <tbody>
            {results.map((each) => (
              <tr key={each.decisionId} data-outcome={each.outcome}>
                <td className="po-number">{each.poNumber}</td>
                <td>{DECISION_LABEL[each.decision]}</td>
                <td>
                  <span className={`badge outcome-${each.outcome}`}>{OUTCOME_LABEL[each.outcome]}</span>
                </td>
                <td>{each.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
