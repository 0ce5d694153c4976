import Papa from 'papaparse';
import type { ParsedCsv, RowError } from '../domain/admin/import-validation';

/**
 * A CSV file's text → the header and rows import-validation.ts judges, each row with the line it
 * starts on, by papaparse. The delimiter is the one the header line uses most of ',' ';' and tab
 * (a spreadsheet saved in a decimal-comma locale writes ';'); quoted values may hold delimiters,
 * quotes ("") and line breaks, so a row's line is counted from the line breaks inside the rows before it.
 */

export interface ReadCsv {
  file: ParsedCsv;
  delimiter: string;
  /** Problems the parser found (a quote never closed, a stray quote): they refuse the whole file. */
  problems: RowError[];
}

const DELIMITERS = [',', ';', '\t'] as const;

/** The delimiter the first non-blank line uses most, outside quotes; ',' when it uses none. */
export function detectDelimiter(text: string): string {
  const start = text.search(/\S/);
  if (start < 0) return ',';
  const end = text.indexOf('\n', start);
  const line = text.slice(start, end < 0 ? undefined : end);
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const character of line) {
    if (character === '"') quoted = !quoted;
    else if (!quoted && counts.has(character)) counts.set(character, (counts.get(character) ?? 0) + 1);
  }
  let best = ',';
  for (const [delimiter, count] of counts) if (count > (counts.get(best) ?? 0)) best = delimiter;
  return best;
}

const lineBreaksIn = (cell: string): number => {
  let count = 0;
  for (let at = cell.indexOf('\n'); at >= 0; at = cell.indexOf('\n', at + 1)) count += 1;
  return count;
};

export function readCsv(text: string): ReadCsv {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = detectDelimiter(body);
  const parsed = Papa.parse<string[]>(body, { delimiter, skipEmptyLines: false, header: false, dynamicTyping: false });
  const records = parsed.data;
  // A file ending in a line break gives papaparse one last empty record that is no line of the file.
  if (records.length > 0 && /\r?\n$/.test(body)) {
    const last = records[records.length - 1];
    if (last && last.length === 1 && last[0] === '') records.pop();
  }
  const lines: number[] = [];
  let line = 1;
  for (const cells of records) {
    lines.push(line);
    line += 1;
    for (const cell of cells) if (cell.includes('\n')) line += lineBreaksIn(cell);
  }
  // Blank lines before the header are not data: the header is the first line with something on it.
  let headerIndex = 0;
  while (headerIndex < records.length && (records[headerIndex] ?? []).every((cell) => cell.trim() === '')) headerIndex += 1;
  const header = records[headerIndex] ?? [];
  const rows: ParsedCsv['rows'][number][] = [];
  for (let index = headerIndex + 1; index < records.length; index++) rows.push({ line: lines[index] as number, cells: records[index] as string[] });
  const problems: RowError[] = [];
  for (const error of parsed.errors) {
    if (error.type !== 'Quotes') continue;
    const at = lines[error.row ?? 0] ?? 1;
    const reason =
      error.code === 'MissingQuotes'
        ? `Line ${at} opens a quoted value that is never closed, so the rest of the file cannot be read as rows; close the quote (a quote inside a value is written twice: "").`
        : `Line ${at} has a quote inside a value that is not written twice (""); the value cannot be read as the file means it.`;
    problems.push({ line: at, column: null, columnNumber: null, value: '', rule: 'csv-quotes', reason });
  }
  return { file: { header, headerLine: lines[headerIndex] ?? 1, rows }, delimiter, problems };
}

/** Rows → CSV text in the delimiter given, quoting what needs it, lines ended by CRLF as spreadsheets write them. */
export function writeCsv(rows: readonly (readonly string[])[], delimiter: string): string {
  return Papa.unparse(rows as string[][], { delimiter, newline: '\r\n', quotes: false });
}
