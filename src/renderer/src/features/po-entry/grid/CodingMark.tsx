import type { ResolvedDimension } from '../../../../../shared/coding-schemas';
import { LEVEL_MARK, LEVEL_TITLE, sourcePhrase } from '../coding/coding-words';

/**
 * The small letter beside a coding value that says which level it came from (O organisation,
 * V vendor, H header, R row, D distribution); the title says it in words. Hidden from screen
 * readers: the cell's description carries the whole sentence.
 */
export function CodingMark({ dimension }: { dimension: ResolvedDimension | undefined }) {
  if (!dimension || dimension.level === null || dimension.value === null) return null;
  const title = `${LEVEL_TITLE[dimension.level]}: ${dimension.value} ${sourcePhrase(dimension)}`;
  return (
    <span className={`coding-mark level-${dimension.level}`} title={title} aria-hidden="true" data-level={dimension.level}>
      {LEVEL_MARK[dimension.level]}
    </span>
  );
}
