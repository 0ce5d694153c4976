import { usePoEntryStore } from '../../stores/po-entry-store';

/** The top of a refused save: one link per refused field; each field's message stands beside the field. */
export function ProblemSummary() {
  const problems = usePoEntryStore((s) => s.problems);
  const requestFocus = usePoEntryStore((s) => s.requestFocus);
  if (problems.length === 0) return null;
  return (
    <div role="alert" className="alert problem-summary" aria-label="Why the PO was not saved">
      <strong>
        Not saved: {problems.length === 1 ? '1 field needs' : `${problems.length} fields need`} your attention.
      </strong>
      <ul>
        {problems.map((problem) => (
          <li key={problem.key}>
            <button type="button" className="link-button" onClick={() => requestFocus(problem.id)}>
              {problem.label}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
