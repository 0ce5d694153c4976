import { IMPORT_ERRORS_PAGE, type ImportPreview } from '../../shared/import-schemas';
import type { LocaleCode } from '../../shared/locales';
import { formatMoney } from '../../shared/locale-format';
import type { ImportRecords } from '../domain/admin/import-columns';
import { allErrors, type ImportValidation, planImport } from '../domain/admin/import-validation';
import { KIND_TEXT, type MasterKind } from '../domain/admin/master-data-rules';
import type { ImportJob } from './import-jobs';

/** How the preview and the audit log put a checked file and its records into words. */

const FIRST_ROWS = 10;
const NOTES_SHOWN = 10;

/** Existing records are never changed by an import: the admin changes them on the master-data screen, one at a time, audited. */
export const existingRuleText = (kind: MasterKind): string => {
  const { one, many } = KIND_TEXT[kind];
  return `An import only adds ${many}: a row whose ${kind === 'operator' ? 'sign-in name' : 'code'} exists already is refused; change an existing ${one} on its master-data screen.`;
};

export function buildPreview(job: ImportJob, validation: ImportValidation<unknown>, locale: LocaleCode): ImportPreview {
  const errors = allErrors(validation);
  const validLines = new Set(validation.valid.map((row) => row.line));
  const notes: ImportPreview['notes'] = [];
  let noteCount = 0;
  for (const row of validation.valid) {
    noteCount += row.notes.length;
    for (const note of row.notes) if (notes.length < NOTES_SHOWN) notes.push({ line: row.line, note });
  }
  const all = planImport(validation, 'all-or-nothing', locale);
  const some = planImport(validation, 'valid-rows', locale);
  return {
    jobId: job.id,
    kind: job.kind,
    fileName: job.fileName,
    delimiter: job.delimiter,
    columns: [...validation.header],
    rowCount: validation.rowCount,
    validCount: validation.valid.length,
    rejectedCount: validation.rejected.length,
    blankLineCount: validation.blankLines.length,
    errorCount: errors.length,
    existingCount: validation.rejected.filter((row) => row.errors.some((error) => error.rule === 'code-taken')).length,
    fileErrors: validation.fileErrors,
    firstRows: firstLines(job, validLines, FIRST_ROWS),
    errors: errors.slice(0, IMPORT_ERRORS_PAGE),
    noteCount,
    notes,
    allOrNothing: { write: all.write, rule: all.rule, reason: all.reason },
    validRows: { write: some.write, rule: some.rule, reason: some.reason },
    existingRule: existingRuleText(job.kind),
  };
}

/** The file's first data rows, with whether each is valid; read from the rows kept for the write. */
function firstLines(job: ImportJob, validLines: ReadonlySet<number>, count: number): ImportPreview['firstRows'] {
  const rows = job.parsed?.rows ?? [];
  const shown: ImportPreview['firstRows'] = [];
  for (const row of rows) {
    if (shown.length >= count) break;
    if (row.cells.every((cell) => cell.trim() === '')) continue;
    shown.push({ line: row.line, cells: [...row.cells], valid: validLines.has(row.line) });
  }
  return shown;
}

const yesNo = (flag: boolean) => (flag ? 'yes' : 'no');
const list = (codes: readonly string[]) => (codes.length === 0 ? 'none' : codes.join(', '));

/** A written record in words, for its audit row's "after". */
export function recordText(kind: MasterKind, record: ImportRecords[MasterKind], locale: LocaleCode): string {
  switch (kind) {
    case 'cost-center': {
      const r = record as ImportRecords['cost-center'];
      return `Cost center ${r.code}: ${r.description}; active ${yesNo(r.active)}; cost group ${r.costGroup ?? 'none'}`;
    }
    case 'scheme': {
      const r = record as ImportRecords['scheme'];
      return `Scheme ${r.code}: ${r.description}; cost centers ${list(r.costCenterCodes)}`;
    }
    case 'vendor': {
      const r = record as ImportRecords['vendor'];
      return `Vendor ${r.code}: ${r.name}; shares cost centers ${list(r.costCenterCodes)}`;
    }
    case 'warehouse': {
      const r = record as ImportRecords['warehouse'];
      return `Warehouse ${r.code}: ${r.name}`;
    }
    case 'job': {
      const r = record as ImportRecords['job'];
      return `Job ${r.code}: ${r.description}; site ${r.siteAddress === '' ? 'none' : r.siteAddress}`;
    }
    case 'work-order': {
      const r = record as ImportRecords['work-order'];
      return `Work order ${r.code}: ${r.description}; job ${r.jobCode ?? 'none'}; cost center ${r.costCenterCode}; site ${r.siteAddress === '' ? 'the job’s' : r.siteAddress}`;
    }
    case 'gl-account': {
      const r = record as ImportRecords['gl-account'];
      return `G/L account ${r.code}: ${r.description}; WIP ${yesNo(r.wip)}`;
    }
    case 'item': {
      const r = record as ImportRecords['item'];
      return `Item ${r.code}: ${r.description}; unit cost ${formatMoney(r.unitCostMinor, locale)}`;
    }
    case 'cost-type': {
      const r = record as ImportRecords['cost-type'];
      return `Cost type ${r.code}: ${r.description}`;
    }
    case 'operator': {
      const r = record as ImportRecords['operator'];
      return (
        `Operator ${r.signInName}: ${r.displayName}; ${r.role}; scheme ${r.schemeCode ?? 'none'}; active ${yesNo(r.active)}` +
        `; approval limit ${r.approvalLimitMinor === null ? 'none' : formatMoney(r.approvalLimitMinor, locale)}; format ${r.locale ?? 'the installation’s'}; no password until an admin resets it`
      );
    }
  }
}
