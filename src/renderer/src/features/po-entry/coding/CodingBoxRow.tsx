import type { RefObject } from 'react';
import type { ResolvedDimension } from '../../../../../shared/coding-schemas';
import type { CodeOption } from '../../../../../shared/contracts';
import { describedBy } from '../../../components/FieldReason';
import { codingBoxFieldId } from '../field-ids';
import { CodingMark } from '../grid/CodingMark';
import { CodingPicker } from './CodingPicker';
import { LEVEL_TITLE, REQUIREMENT_WORDS, VIA_WORDS } from './coding-words';

interface CodingBoxRowProps {
  entry: ResolvedDimension;
  text: string;
  /** The text is typed, not yet judged: the level shown is the old value's. */
  typed: boolean;
  options: readonly CodeOption[];
  editable: boolean;
  error: string | undefined;
  /** What a save would refuse about this dimension now. */
  problem: string | undefined;
  fieldRef?: RefObject<HTMLElement | null>;
  onTextChange(text: string): void;
  onCommit(text: string): void;
  onEnter(): void;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** One dimension in the coding box: label, value picker, level and how, requirement, and the sentence that explains it. */
export function CodingBoxRow({ entry, text, typed, options, editable, error, problem, fieldRef, onTextChange, onCommit, onEnter }: CodingBoxRowProps) {
  const id = codingBoxFieldId(entry.dimension);
  const reasonId = `${id}-reason`;
  const errorId = `${id}-error`;
  const problemId = `${id}-problem`;
  const missingMandatory = entry.requirement === 'mandatory' && entry.value === null;
  const shownProblem = error ? undefined : problem;
  return (
    <tr className={error || shownProblem ? 'has-problem' : undefined} data-dimension={entry.dimension}>
      <th scope="row">
        <label htmlFor={id}>{capitalise(entry.label)}</label>
      </th>
      <td className="coding-box-value">
        <span
          className="coding-box-field"
          ref={(element) => {
            if (fieldRef) fieldRef.current = element?.querySelector('input') ?? null;
          }}
        >
          <CodingPicker
            id={id}
            label={capitalise(entry.label)}
            listLabel={`Known values of ${entry.label}`}
            text={text}
            options={options}
            readOnly={!editable}
            invalid={Boolean(error || shownProblem)}
            describedBy={describedBy(reasonId, error && errorId, shownProblem && problemId)}
            className="coding-box-input"
            onTextChange={onTextChange}
            onCommit={onCommit}
            onEnter={onEnter}
          />
        </span>
        {error && (
          <p id={errorId} className="field-error" role="alert">
            {error}
          </p>
        )}
        {shownProblem && (
          <p id={problemId} className="field-error">
            {shownProblem}
          </p>
        )}
      </td>
      <td className="coding-box-source">
        {entry.level && entry.value !== null && !typed ? (
          <>
            <CodingMark dimension={entry} />
            <span>
              {LEVEL_TITLE[entry.level]}
              {entry.level === 'po-row' && entry.via ? `, ${VIA_WORDS[entry.via]}` : ''}
            </span>
          </>
        ) : (
          <span className="muted">{typed ? 'Not applied yet' : 'None'}</span>
        )}
      </td>
      <td className={missingMandatory ? 'coding-box-requirement is-missing' : 'coding-box-requirement'}>{REQUIREMENT_WORDS[entry.requirement]}</td>
      <td className="coding-box-reason" id={reasonId}>
        {entry.reason}
        {!entry.access.editable && <span className="coding-box-readonly"> Read-only: {entry.access.reason}</span>}
      </td>
    </tr>
  );
}
