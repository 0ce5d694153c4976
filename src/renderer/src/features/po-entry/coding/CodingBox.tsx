import { useEffect, useRef } from 'react';
import type { ResolvedDimension } from '../../../../../shared/coding-schemas';
import { ModalDialog } from '../../../components/ModalDialog';
import { useCodingSetupStore } from '../../../stores/coding-setup-store';
import { usePoEntryStore } from '../../../stores/po-entry-store';
import { codingBoxFieldId } from '../field-ids';
import { codingOptionsOf } from '../grid/coding-options';
import { isEditable, type LineDraft } from '../line-rules';
import { CodingBoxRow } from './CodingBoxRow';
import { useCodingDraft } from './useCodingDraft';
import './coding-box.css';

/** The coding box of the row it is open for; nothing when it is closed. */
export function CodingBox() {
  const box = usePoEntryStore((s) => s.codingBox);
  const line = usePoEntryStore((s) => (s.codingBox ? s.lines.find((candidate) => candidate.key === s.codingBox?.key) : undefined));
  const number = usePoEntryStore((s) => (s.codingBox ? s.lines.findIndex((candidate) => candidate.key === s.codingBox?.key) + 1 : 0));
  if (!box || !line) return null;
  // Keyed by the line: another row's box starts from that row.
  return <CodingBoxDialog key={line.key} line={line} number={number} auto={box.opened === 'auto'} />;
}

interface CodingBoxDialogProps {
  line: LineDraft;
  number: number;
  auto: boolean;
}

/**
 * Every coding dimension of one row: its value, the level it came from and how (the matrix, the row
 * above…), what the row's account asks of it (No / Yes / Mandatory), and why a field is read-only.
 * Tab and Shift+Tab move through the fields, each a type-ahead picker; Enter applies, Escape cancels,
 * and focus goes back to where it was in the grid.
 */
function CodingBoxDialog({ line, number, auto }: CodingBoxDialogProps) {
  const viewing = usePoEntryStore((s) => s.po?.mode === 'view');
  const closeCodingBox = usePoEntryStore((s) => s.closeCodingBox);
  const applyCoding = usePoEntryStore((s) => s.applyCoding);
  const setup = useCodingSetupStore((s) => s.setup);
  const { draft, setText, commit, settled } = useCodingDraft(line);
  const firstField = useRef<HTMLElement | null>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const options = codingOptionsOf(setup);
  const editable = isEditable(line, viewing);
  const resolved = draft.result?.resolved ?? line.coding?.resolved ?? [];
  const problems = draft.result?.problems ?? [];

  // Focus starts on Cancel while the row is read (so Escape works at once), then moves to the first field that can change.
  useEffect(() => {
    if (draft.status === 'ready') firstField.current?.focus();
  }, [draft.status]);

  const apply = async () => {
    if (!editable) {
      closeCodingBox();
      return;
    }
    const state = await settled();
    const refused = resolved.find((entry) => state.errors[entry.dimension] && state.texts[entry.dimension] !== undefined);
    if (refused) {
      document.getElementById(codingBoxFieldId(refused.dimension))?.focus();
      return;
    }
    if (state.result && state.changed) applyCoding(line.key, state.result, { glAccount: state.glAccount, costCenter: state.costCenter });
    closeCodingBox();
  };

  const title = `Coding of line ${number}`;
  const subject = [line.itemCode.trim().toUpperCase(), line.description.trim()].filter(Boolean).join(' · ') || 'A new row';
  const textOf = (entry: ResolvedDimension): string =>
    draft.texts[entry.dimension] ??
    (entry.editAt === 'glAccountCode' && draft.glAccount.trim() !== '' ? draft.glAccount : entry.editAt === 'costCenterCode' && draft.costCenter.trim() !== '' ? draft.costCenter : (entry.value ?? ''));

  return (
    <ModalDialog
      id="coding-box"
      role="dialog"
      className="coding-box"
      title={title}
      initialFocus={closeButton}
      onCancel={closeCodingBox}
      busy={draft.status === 'reading'}
      actions={
        <>
          {editable && draft.status === 'ready' && (
            <button type="button" className="primary" aria-keyshortcuts="Enter" onClick={() => void apply()}>
              Apply <kbd aria-hidden="true">Enter</kbd>
            </button>
          )}
          <button ref={closeButton} type="button" className="secondary" aria-keyshortcuts="Escape" onClick={closeCodingBox}>
            {editable ? 'Cancel' : 'Close'} <kbd aria-hidden="true">Esc</kbd>
          </button>
        </>
      }
    >
      <p className="coding-box-subject">{subject}</p>
      {auto && (
        <p className="note coding-box-why" role="note">
          This part has no product group, so nothing codes the row by itself; every row must be coded before the PO is saved.
        </p>
      )}
      {draft.status === 'reading' && <p className="muted">Reading the row&apos;s coding…</p>}
      {draft.status === 'unavailable' && (
        <p role="alert" className="alert">
          {draft.message}
        </p>
      )}
      {draft.status === 'ready' && (
        <table className="coding-box-table">
          <caption className="sr-only">Coding dimensions of line {number}</caption>
          <thead>
            <tr>
              <th scope="col">Dimension</th>
              <th scope="col">Value</th>
              <th scope="col">Source</th>
              <th scope="col">Required</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {resolved.map((entry, index) => (
              <CodingBoxRow
                key={entry.dimension}
                entry={entry}
                text={textOf(entry)}
                typed={draft.texts[entry.dimension] !== undefined}
                options={options[entry.dimension] ?? []}
                editable={editable && entry.access.editable}
                error={draft.errors[entry.dimension]}
                problem={problems.find((problem) => problem.dimension === entry.dimension)?.reason}
                fieldRef={index === resolved.findIndex((candidate) => editable && candidate.access.editable) ? firstField : undefined}
                onTextChange={(text) => setText(entry.dimension, text)}
                onCommit={(text) => void commit(entry, text)}
                onEnter={() => void apply()}
              />
            ))}
          </tbody>
        </table>
      )}
      {draft.status === 'ready' && draft.result && draft.result.notes.length > 0 && (
        <details className="coding-box-notes">
          <summary>How the defaults came about</summary>
          <ul>
            {draft.result.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </details>
      )}
    </ModalDialog>
  );
}
