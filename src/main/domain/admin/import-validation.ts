/**
 * Validating a parsed CSV file of master data, and deciding what an import writes, pure: the
 * parser's header and rows (each with the line it starts on) and the records that exist come in;
 * out go the valid records, every error by line, column and why, and the plan.
 *
 * | check                       | where it is reported                                       |
 * |-----------------------------|------------------------------------------------------------|
 * | no header, no rows          | the file: nothing can be imported                          |
 * | a column named twice, a column the kind does not take, a required column missing | the file, naming the column and the columns the kind takes |
 * | a row with more or fewer values than the header has columns | the row, no column: its values cannot be matched to columns |
 * | a row with only blank values | skipped (counted), not an error                           |
 * | every field rule (master-data-rules.ts, operator-rules.ts) | the row and the field's column; all of a row's problems at once |
 * | a key twice in the file     | the later row, naming the line of the first                |
 * | a key that exists already   | the row: an import only adds records                       |
 *
 * The plan (`planImport`): with errors in the file itself nothing is written. Otherwise, as the
 * admin chooses: "all or nothing" writes only when every row is valid; "valid rows" writes the
 * valid ones and hands back the rejected ones (`rejectedFile`, the same columns and an `errors`
 * column, which a later import of the fixed file ignores).
 *
 * Linear in the rows: one pass, keys in a Map, so 100,000 rows take a fraction of a second.
 */
import { formatScaled } from '../../../shared/locale-format';
import { DEFAULT_LOCALE, type LocaleCode } from '../../../shared/locales';
import { andList, countOf, type FieldProblem } from './field-rules';
import { type Cells, type ImportContext, type ImportRecords, KIND_IMPORTS, normaliseColumnName } from './import-columns';
import { checkNewCode, KIND_TEXT, type MasterKind } from './master-data-rules';

/** What the CSV library hands over: the header's cells and each record with the line it starts on (1-based). */
export interface ParsedCsv {
  header: readonly string[];
  /** Line of the header; 1 unless the file starts with blank lines. */
  headerLine?: number;
  rows: readonly { line: number; cells: readonly string[] }[];
}

export interface RowError {
  line: number;
  /** The column as the file's header names it; null for a problem of the whole row or file. */
  column: string | null;
  /** 1-based; null with column. */
  columnNumber: number | null;
  /** The cell as the file has it; '' for row and file problems. */
  value: string;
  rule: string;
  reason: string;
}

export interface ValidRow<R> {
  line: number;
  record: R;
  notes: string[];
}

export interface RejectedRow {
  line: number;
  cells: readonly string[];
  errors: RowError[];
}

export interface ImportValidation<R> {
  kind: MasterKind;
  header: readonly string[];
  /** Problems of the file itself; when any, no row is judged. */
  fileErrors: RowError[];
  valid: ValidRow<R>[];
  rejected: RejectedRow[];
  /** Data rows judged (blank ones not counted). */
  rowCount: number;
  blankLines: number[];
}

/** The column name a later import of the rejected file ignores. */
export const ERRORS_COLUMN = 'errors';

/** Numbers records that each take one line, the header first: for parsers that do not report lines. */
export function numberRows(records: readonly (readonly string[])[]): ParsedCsv {
  const [header = [], ...rest] = records;
  return { header, headerLine: 1, rows: rest.map((cells, index) => ({ line: index + 2, cells })) };
}

interface Layout {
  /** Draft field → index of its column in the file. */
  fieldIndex: Map<string, number>;
  errors: RowError[];
}

function readHeader(kind: MasterKind, file: Pick<ParsedCsv, 'header' | 'headerLine'>): Layout {
  const spec = KIND_IMPORTS[kind];
  const line = file.headerLine ?? 1;
  const fieldIndex = new Map<string, number>();
  const errors: RowError[] = [];
  const fileError = (rule: string, reason: string, column: string | null = null, columnNumber: number | null = null) =>
    errors.push({ line, column, columnNumber, value: '', rule, reason });
  const takes = andList(spec.columns.map((c) => c.name + (c.required ? ' (required)' : '')));
  const seen = new Map<string, number>();
  file.header.forEach((raw, index) => {
    const name = normaliseColumnName(raw);
    if (name === ERRORS_COLUMN) return;
    const first = seen.get(name);
    if (first !== undefined) {
      fileError('column-repeated', `Column ${name} is in the header twice, as columns ${first + 1} and ${index + 1}; keep one.`, raw, index + 1);
      return;
    }
    seen.set(name, index);
    const known = spec.columns.find((c) => c.name === name);
    if (known === undefined) {
      fileError('column-unknown', `Column "${raw.trim()}" is not one ${KIND_TEXT[kind].many} take; the columns are ${takes}.`, raw, index + 1);
      return;
    }
    fieldIndex.set(known.field, index);
  });
  const missing = spec.columns.filter((c) => c.required && !fieldIndex.has(c.field)).map((c) => c.name);
  if (missing.length > 0) fileError('column-missing', `The header lacks ${missing.length === 1 ? 'column' : 'columns'} ${andList(missing)}; ${KIND_TEXT[kind].many} need ${takes}.`);
  return { fieldIndex, errors };
}

const NOT_BLANK = /\S/;
const isBlank = (cells: readonly string[]) => !cells.some((cell) => NOT_BLANK.test(cell));

/** Judges the rows of a file as they come, in file order: a large file is checked in slices, with progress between them. */
export interface ImportValidator<R> {
  /** The verdicts so far; the whole file's once every row has been judged. */
  readonly result: ImportValidation<R>;
  /** Judges the next rows. Does nothing when the file itself is refused (its header). */
  judge(rows: ParsedCsv['rows']): void;
}

/** A validator for one kind of master data, from the file's header; `validateImport` judges a whole file with one. */
export function importValidator<K extends MasterKind>(kind: K, file: Pick<ParsedCsv, 'header' | 'headerLine'>, context: ImportContext): ImportValidator<ImportRecords[K]> {
  const spec = KIND_IMPORTS[kind];
  const text = KIND_TEXT[kind];
  const result: ImportValidation<ImportRecords[K]> = { kind, header: file.header, fileErrors: [], valid: [], rejected: [], rowCount: 0, blankLines: [] };
  const headerLine = file.headerLine ?? 1;
  if (file.header.length === 0 || isBlank(file.header)) {
    result.fileErrors.push({ line: headerLine, column: null, columnNumber: null, value: '', rule: 'file-empty', reason: `The file has no header: its first line names the columns, ${andList(spec.columns.map((c) => c.name))}.` });
    return { result, judge: () => undefined };
  }
  const layout = readHeader(kind, file);
  result.fileErrors.push(...layout.errors);
  if (result.fileErrors.length > 0) return { result, judge: () => undefined };

  const { fieldIndex } = layout;
  const firstLineOfKey = new Map<string, number>();
  const width = file.header.length;
  const keyField = spec.columns[0]?.field ?? 'code';
  // One reader for every row, pointed at the row being judged: no closure per row.
  let current: readonly string[] = [];
  const cells: Cells = (field) => {
    const index = fieldIndex.get(field);
    return index === undefined ? '' : (current[index] ?? '');
  };
  const judge = (rows: ParsedCsv['rows']) => {
    for (const row of rows) {
      if (isBlank(row.cells)) {
        result.blankLines.push(row.line);
        continue;
      }
      result.rowCount += 1;
      if (row.cells.length !== width) {
        const reason = `Line ${row.line} has ${countOf(row.cells.length, 'value', 'values')}; the header has ${countOf(width, 'column', 'columns')}.`;
        result.rejected.push({ line: row.line, cells: row.cells, errors: [{ line: row.line, column: null, columnNumber: null, value: '', rule: 'row-width', reason }] });
        continue;
      }
      current = row.cells;
      const problems: FieldProblem[] = [];
      const verdict = spec.validate(cells, context, problems);
      // A valid record carries its key; only a refused one needs the key checked on its own.
      const key = verdict.allowed ? spec.keyOf(verdict.record) : spec.key(cells);
      if (key !== null) {
        const first = firstLineOfKey.get(key);
        if (first !== undefined) {
          problems.push({ field: keyField, rule: 'duplicate-in-file', reason: `${text.keyLabel} ${key} is on line ${first} already; a file lists each ${text.one} once.` });
        } else {
          firstLineOfKey.set(key, row.line);
          if (context.existingKeys.has(key)) {
            const taken = checkNewCode(kind, key, context.existingKeys, keyField);
            if (!taken.ok) problems.push(taken.problem);
          }
        }
      }
      if (!verdict.allowed) problems.push(...verdict.problems);
      if (problems.length === 0 && verdict.allowed) {
        result.valid.push({ line: row.line, record: verdict.record as ImportRecords[K], notes: verdict.notes });
        continue;
      }
      result.rejected.push({ line: row.line, cells: row.cells, errors: problems.map((problem) => toError(file.header, fieldIndex, row, problem)) });
    }
  };
  return { result, judge };
}

/** Judges every row of a parsed file for one kind of master data, in one pass. */
export function validateImport<K extends MasterKind>(kind: K, file: ParsedCsv, context: ImportContext): ImportValidation<ImportRecords[K]> {
  const validator = importValidator(kind, file, context);
  validator.judge(file.rows);
  return validator.result;
}

function toError(header: readonly string[], fieldIndex: ReadonlyMap<string, number>, row: ParsedCsv['rows'][number], problem: FieldProblem): RowError {
  const index = fieldIndex.get(problem.field);
  if (index === undefined) return { line: row.line, column: null, columnNumber: null, value: '', rule: problem.rule, reason: problem.reason };
  return { line: row.line, column: header[index] ?? null, columnNumber: index + 1, value: row.cells[index] ?? '', rule: problem.rule, reason: problem.reason };
}

/** Every error, the file's first, then row by row. */
export const allErrors = (validation: ImportValidation<unknown>): RowError[] => [...validation.fileErrors, ...validation.rejected.flatMap((row) => row.errors)];

export type ImportChoice = 'all-or-nothing' | 'valid-rows';

export type ImportPlan<R> =
  | { write: true; rule: 'import-all' | 'import-valid-rows'; records: ValidRow<R>[]; rejected: RejectedRow[]; reason: string }
  | { write: false; rule: 'import-file-refused' | 'import-refused' | 'import-nothing-valid' | 'import-no-rows'; records: []; rejected: RejectedRow[]; reason: string };

const LINES_SHOWN = 5;

function linesText(lines: readonly number[], locale: LocaleCode): string {
  const shown = lines.slice(0, LINES_SHOWN).map((line) => formatScaled(line, 0, locale));
  const more = lines.length - shown.length;
  return `${lines.length === 1 ? 'line' : 'lines'} ${more > 0 ? `${shown.join(', ')} and ${formatScaled(more, 0, locale)} more` : andList(shown)}`;
}

/** What the import writes, as the admin chose: nothing unless every row is valid, or the valid rows with the rejected ones handed back. */
export function planImport<R>(validation: ImportValidation<R>, choice: ImportChoice, locale: LocaleCode = DEFAULT_LOCALE): ImportPlan<R> {
  const { one, many } = KIND_TEXT[validation.kind];
  const rejected = validation.rejected;
  if (validation.fileErrors.length > 0) {
    return { write: false, rule: 'import-file-refused', records: [], rejected, reason: `Nothing is imported: ${validation.fileErrors.map((error) => error.reason).join(' ')}` };
  }
  const total = validation.rowCount;
  if (total === 0) return { write: false, rule: 'import-no-rows', records: [], rejected, reason: `Nothing is imported: the file has no ${many}, only its header.` };
  const valid = validation.valid.length;
  const rows = (count: number) => countOf(count, 'row', 'rows', locale);
  if (rejected.length === 0) {
    return { write: true, rule: 'import-all', records: validation.valid, rejected, reason: `${total === 1 ? `The ${one} is` : `All ${countOf(total, one, many, locale)} are`} valid and will be imported.` };
  }
  const where = linesText(rejected.map((row) => row.line), locale);
  const bad = `${rows(rejected.length)} of ${formatScaled(total, 0, locale)} ${rejected.length === 1 ? 'has errors' : 'have errors'} (${where})`;
  if (choice === 'all-or-nothing') {
    const offer = valid === 0 ? 'Fix them and import again.' : `Fix them and import again, or import the ${rows(valid)} that are valid and download the rejected ones.`;
    return { write: false, rule: 'import-refused', records: [], rejected, reason: `Nothing is imported: ${bad}. ${offer}` };
  }
  if (valid === 0) return { write: false, rule: 'import-nothing-valid', records: [], rejected, reason: `Nothing is imported: no row is valid; ${bad}.` };
  return {
    write: true,
    rule: 'import-valid-rows',
    records: validation.valid,
    rejected,
    reason: `${countOf(valid, one, many, locale)} of ${formatScaled(total, 0, locale)} will be imported; ${bad} and ${rejected.length === 1 ? 'is' : 'are'} left out: download them to fix.`,
  };
}

/** The rejected rows as a CSV to download: the file's header and an errors column, one sentence per error with its column. */
export function rejectedFile(validation: ImportValidation<unknown>): string[][] {
  const header = [...validation.header.filter((name) => normaliseColumnName(name) !== ERRORS_COLUMN), ERRORS_COLUMN];
  const errorsIndex = validation.header.findIndex((name) => normaliseColumnName(name) === ERRORS_COLUMN);
  const body = validation.rejected.map((row) => {
    const cells = errorsIndex < 0 ? [...row.cells] : row.cells.filter((_, index) => index !== errorsIndex);
    const errors = row.errors.map((error) => (error.column === null ? error.reason : `${error.column.trim()}: ${error.reason}`)).join(' | ');
    return [...cells, errors];
  });
  return [header, ...body];
}
