import { useEffect, useRef, useState } from 'react';
import { ModalDialog } from '../../../components/ModalDialog';
import { useCodingSetupStore } from '../../../stores/coding-setup-store';
import { usePoEntryStore } from '../../../stores/po-entry-store';
import { useSessionStore } from '../../../stores/session-store';
import { CodingPicker } from '../coding/CodingPicker';
import { LEVEL_MARK, LEVEL_TITLE } from '../coding/coding-words';
import { HEADER_CODING_KEY_PREFIX, HEADER_IDS, headerCodingFieldId } from '../field-ids';
import { codingOptionsOf } from '../grid/coding-options';
import { decidingOf, type HeaderCodingRow, headerValuesOf, judgeHeaderValue } from './header-coding-levels';

interface HeaderCodingDialogProps {
  rows: readonly HeaderCodingRow[];
  onClose(): void;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function LevelValue({ level, value }: { level: 'organisation' | 'vendor' | 'po-header'; value: string | null }) {
  if (value === null) return <span className="muted">—</span>;
  return (
    <span className="po-coding-level">
      <span className={`coding-mark level-${level}`} aria-hidden="true" data-level={level}>
        {LEVEL_MARK[level]}
      </span>
      <span className="po-coding-code">{value}</span>
    </span>
  );
}

/**
 * The PO coding dialog: for each dimension the organisation's value (O), the vendor's (V) and the
 * PO header's (H), editable with the dimension's type-ahead picker, and what a row without its own
 * value takes. The cost center's header level is the header's cost-center field, shown here read-only.
 * Enter applies (every row is coded again), Escape cancels; read-only on a PO that is not a draft being changed.
 */
export function HeaderCodingDialog({ rows, onClose }: HeaderCodingDialogProps) {
  const po = usePoEntryStore((s) => s.po);
  const headerCoding = usePoEntryStore((s) => s.headerCoding);
  const saveErrors = usePoEntryStore((s) => s.fieldErrors);
  const applyHeaderCoding = usePoEntryStore((s) => s.applyHeaderCoding);
  const vendorText = usePoEntryStore((s) => s.vendorText);
  const setup = useCodingSetupStore((s) => s.setup);
  const operatorName = useSessionStore((s) => s.operator?.displayName ?? 'this operator');
  const editable = po === null || (po.mode === 'change' && po.status === 'draft');
  const options = codingOptionsOf(setup);
  const mayOverrideCoding = setup?.rights.mayOverrideCoding ?? false;
  const closeButton = useRef<HTMLButtonElement>(null);
  const firstField = useRef<HTMLInputElement | null>(null);
  const held = (dimension: string) => headerCoding[dimension] ?? null;

  // What is typed in each field, by dimension, and the refusals beside them; a ref too, so Enter applies what was just picked.
  const initialTexts = Object.fromEntries(rows.filter((row) => !row.editedInCostCenterField).map((row) => [row.dimension, row.header ?? '']));
  const [texts, setTexts] = useState<Record<string, string>>(initialTexts);
  const [errors, setErrors] = useState<Record<string, string>>(() => {
    const fromSave: Record<string, string> = {};
    for (const [key, message] of Object.entries(saveErrors)) if (key.startsWith(HEADER_CODING_KEY_PREFIX)) fromSave[key.slice(HEADER_CODING_KEY_PREFIX.length)] = message;
    return fromSave;
  });
  const latest = useRef({ texts, errors });
  latest.current = { texts, errors };

  const editableRows = editable ? rows.filter((row) => !row.editedInCostCenterField) : [];

  useEffect(() => {
    // The first field once the rows are there; Cancel (Escape) when nothing can change.
    (firstField.current ?? closeButton.current)?.focus();
  }, []);

  const judge = (row: HeaderCodingRow, typed: string) =>
    judgeHeaderValue({ row, typed, options: options[row.dimension] ?? [], held: held(row.dimension), mayOverrideCoding, operatorName });

  const setText = (dimension: string, text: string) => {
    const nextErrors = { ...latest.current.errors };
    delete nextErrors[dimension];
    latest.current = { texts: { ...latest.current.texts, [dimension]: text }, errors: nextErrors };
    setTexts(latest.current.texts);
    setErrors(nextErrors);
  };

  const commit = (row: HeaderCodingRow, typed: string) => {
    const verdict = judge(row, typed);
    const nextErrors = { ...latest.current.errors };
    const nextTexts = { ...latest.current.texts };
    if (verdict.ok) {
      delete nextErrors[row.dimension];
      nextTexts[row.dimension] = verdict.value ?? '';
    } else {
      nextErrors[row.dimension] = verdict.reason;
      nextTexts[row.dimension] = typed;
    }
    latest.current = { texts: nextTexts, errors: nextErrors };
    setTexts(nextTexts);
    setErrors(nextErrors);
  };

  const apply = () => {
    if (!editable) {
      onClose();
      return;
    }
    const values: Record<string, string | null> = {};
    const refusals: Record<string, string> = {};
    for (const row of editableRows) {
      const verdict = judge(row, latest.current.texts[row.dimension] ?? '');
      if (verdict.ok) values[row.dimension] = verdict.value;
      else refusals[row.dimension] = verdict.reason;
    }
    // A value of a dimension the organisation no longer codes by stays as it is: main says why on save.
    for (const [dimension, value] of Object.entries(headerCoding)) if (!rows.some((row) => row.dimension === dimension)) values[dimension] = value;
    const refused = editableRows.find((row) => refusals[row.dimension]);
    if (refused) {
      latest.current = { ...latest.current, errors: { ...latest.current.errors, ...refusals } };
      setErrors(latest.current.errors);
      document.getElementById(headerCodingFieldId(refused.dimension))?.focus();
      return;
    }
    void applyHeaderCoding(headerValuesOf(values));
    onClose();
  };

  const vendorCode = vendorText.trim().toUpperCase();
  const why = !editable
    ? po && po.mode === 'view'
      ? `${po.number} is open to view: the PO header coding is shown, not changed.`
      : `${po?.number ?? 'This PO'} is no longer a draft: its header coding can no longer change.`
    : null;

  return (
    <ModalDialog
      id="po-coding"
      role="dialog"
      className="coding-box po-coding-dialog"
      title="PO coding"
      initialFocus={closeButton}
      onCancel={onClose}
      actions={
        <>
          {editable && (
            <button type="button" className="primary" aria-keyshortcuts="Enter" onClick={apply}>
              Apply to every row <kbd aria-hidden="true">Enter</kbd>
            </button>
          )}
          <button ref={closeButton} type="button" className="secondary" aria-keyshortcuts="Escape" onClick={onClose}>
            {editable ? 'Cancel' : 'Close'} <kbd aria-hidden="true">Esc</kbd>
          </button>
        </>
      }
    >
      <p className="coding-box-subject">
        The PO header level: a row takes these values where it has none of its own (the row, the matrix and the row above win over them); they win
        over the vendor&apos;s and the organisation&apos;s.
      </p>
      {why && (
        <p className="note" role="note">
          {why}
        </p>
      )}
      {!setup && <p className="muted">Reading the coding…</p>}
      {setup && (
        <table className="coding-box-table po-coding-table">
          <caption className="sr-only">Coding levels of the PO header</caption>
          <thead>
            <tr>
              <th scope="col">Dimension</th>
              <th scope="col">{LEVEL_TITLE.organisation}</th>
              <th scope="col">{vendorCode ? `Vendor ${vendorCode}` : LEVEL_TITLE.vendor}</th>
              <th scope="col">{LEVEL_TITLE['po-header']}</th>
              <th scope="col">Rows without their own</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const id = headerCodingFieldId(row.dimension);
              const label = capitalise(row.label);
              const error = errors[row.dimension];
              const errorId = `${id}-error`;
              const noteId = `${id}-note`;
              const fieldEditable = editable && !row.editedInCostCenterField;
              const first = fieldEditable && editableRows[0]?.dimension === row.dimension;
              // As the draft stands: a value typed and not yet accepted decides nothing until it is.
              const draftVerdict = row.editedInCostCenterField ? null : judge(row, texts[row.dimension] ?? '');
              const deciding = draftVerdict ? decidingOf(row, draftVerdict.ok ? draftVerdict.value : row.header) : row.deciding;
              return (
                <tr key={row.dimension} className={error ? 'has-problem' : undefined} data-dimension={row.dimension}>
                  <th scope="row">
                    <label htmlFor={id}>{label}</label>
                  </th>
                  <td>
                    <LevelValue level="organisation" value={row.organisation} />
                  </td>
                  <td>
                    <LevelValue level="vendor" value={row.vendor} />
                  </td>
                  <td className="coding-box-value">
                    <span
                      className="coding-box-field"
                      ref={(element) => {
                        if (first) firstField.current = element?.querySelector('input') ?? null;
                      }}
                    >
                      <CodingPicker
                        id={id}
                        label={`PO header ${row.label}`}
                        listLabel={`Known values of ${row.label}`}
                        text={row.editedInCostCenterField ? (row.header ?? '') : (texts[row.dimension] ?? '')}
                        options={options[row.dimension] ?? []}
                        readOnly={!fieldEditable}
                        invalid={Boolean(error)}
                        describedBy={[row.editedInCostCenterField ? noteId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined}
                        className="coding-box-input"
                        onTextChange={(text) => setText(row.dimension, text)}
                        onCommit={(text) => commit(row, text)}
                        onEnter={apply}
                      />
                    </span>
                    {row.editedInCostCenterField && (
                      <p id={noteId} className="po-coding-note">
                        {row.header === null ? 'None. ' : ''}Set in the header&apos;s{' '}
                        <a
                          href={`#${HEADER_IDS.costCenter}`}
                          onClick={(event) => {
                            event.preventDefault();
                            onClose();
                            requestAnimationFrame(() => document.getElementById(HEADER_IDS.costCenter)?.focus());
                          }}
                        >
                          Cost center field
                        </a>
                        .
                      </p>
                    )}
                    {error && (
                      <p id={errorId} className="field-error" role="alert">
                        {error}
                      </p>
                    )}
                  </td>
                  <td>
                    {deciding ? (
                      <span className="po-coding-level">
                        <LevelValue level={deciding.level} value={deciding.value} />
                        <span className="sr-only">, from {LEVEL_TITLE[deciding.level].toLowerCase()}</span>
                      </span>
                    ) : (
                      <span className="muted">None above the rows</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </ModalDialog>
  );
}
