import type { ResolvedDimension } from '../../../../../shared/coding-schemas';
import type { CodeOption } from '../../../../../shared/contracts';
import { describedBy } from '../../../components/FieldReason';
import { CodingPicker } from '../coding/CodingPicker';
import { CodingMark } from './CodingMark';
import { sourceIdOf } from './cell-ids';

interface DimensionCellProps {
  id: string;
  /** "Line 2 project". */
  label: string;
  /** "project". */
  dimensionLabel: string;
  resolved: ResolvedDimension | undefined;
  /** What the operator is typing, or null: the row's value. */
  typed: string | null;
  options: readonly CodeOption[];
  tabIndex: number;
  editable: boolean;
  error: string | undefined;
  errorId: string;
  onTextChange(text: string): void;
  onCommit(text: string): void;
}

/**
 * One coding dimension of a row in the grid (cost unit, project, the organisation's own): the value
 * with the marker of its level, editable where main's access says so, read-only with the reason
 * otherwise (the reason is the cell's title and its description for a screen reader).
 */
export function DimensionCell(props: DimensionCellProps) {
  const { id, label, dimensionLabel, resolved, typed, options, tabIndex, editable, error, errorId } = props;
  const text = typed ?? resolved?.value ?? '';
  const readOnlyReason = !editable && resolved ? resolved.access.reason : undefined;
  return (
    <>
      <CodingPicker
        id={id}
        label={label}
        listLabel={`Known ${dimensionLabel} values`}
        text={text}
        options={options}
        readOnly={!editable}
        invalid={Boolean(error)}
        describedBy={describedBy(error && errorId, resolved ? sourceIdOf(id) : undefined)}
        className="grid-input coded"
        tabIndex={tabIndex}
        title={readOnlyReason ?? resolved?.reason}
        onTextChange={props.onTextChange}
        onCommit={props.onCommit}
      />
      {typed === null && <CodingMark dimension={resolved} />}
    </>
  );
}
