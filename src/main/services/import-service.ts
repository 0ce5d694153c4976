import type { ParsedInputOf } from '../../shared/contracts';
import { IMPORT_CHUNK_CHARS, IMPORT_KINDS, type ImportKind, type ImportOutcome, type ImportPreview, type ImportProgress } from '../../shared/import-schemas';
import type { LocaleCode } from '../../shared/locales';
import { formatScaled } from '../../shared/locale-format';
import { countOf } from '../domain/admin/field-rules';
import type { ImportRecords } from '../domain/admin/import-columns';
import { allErrors, type ImportValidation, importValidator, planImport, rejectedFile } from '../domain/admin/import-validation';
import { KIND_TEXT, MASTER_KINDS, type MasterKind } from '../domain/admin/master-data-rules';
import { isStoreBusy, isStoreUnreachable } from '../store/connect';
import { type AuditEntry, appendAudit, appendAuditEntries } from '../store/repositories/audit-repo';
import { type ImportBatch, loadImportFacts, type WriteProgress, writeImportedRecords } from '../store/repositories/import-repo';
import { CommitOutcomeUnknown, inRetriedTransaction } from '../store/transaction';
import { AppFailure, forbidden, refused } from './app-failure';
import { localeOf } from './caller-locale';
import type { Caller, Desk } from './desk';
import { readCsv, writeCsv } from './import-csv';
import { createJob, dropJob, type ImportJob, jobOf, nextTurn, progressOf, setProgress } from './import-jobs';
import { buildPreview, recordText } from './import-preview';

/**
 * CSV imports of master data, for admins: the file arrives in chunks, is read by papaparse and every
 * row checked against the store (import-validation.ts) for a preview, then written as the admin
 * chose — every row only when all are valid, or the valid ones with the rejected ones to download —
 * in ONE transaction that first checks the file again against the store as it is then. Anything
 * that fails while writing rolls the whole import back, and the admin is told nothing was imported.
 *
 * Decisions: existing codes are refused, never updated (an import only adds; changes to existing
 * records go through their screen, one audited change at a time). Imported operators get no
 * password anyone can type and must have it reset by an admin before they can sign in (then they
 * choose their own at first sign-in). Audit: one entry for the import (kind, file, counts, choice)
 * and one entry per record written with the record in words as its "after".
 */

// The shared list of kinds and main's must be the same list.
const SHARED_KINDS: readonly MasterKind[] = IMPORT_KINDS;
const MAIN_KINDS: readonly ImportKind[] = MASTER_KINDS;
void SHARED_KINDS;
void MAIN_KINDS;

/** What imported operators get for a password hash: not a scrypt hash, so no password matches it. */
export const IMPORTED_OPERATOR_PASSWORD_HASH = 'imported$no-password$an-admin-resets-it';

/** Rows judged between turns of the event loop, so progress is answered while a large file is checked. */
const JUDGE_SLICE = 5_000;

function requireAdmin(caller: Caller): void {
  if (caller.operator.role !== 'admin') {
    throw forbidden(`Only an administrator can import master data; you are signed in as ${caller.operator.role === 'supervisor' ? 'a supervisor' : 'an operator'}.`);
  }
}

function claim(job: ImportJob): void {
  if (job.busy) throw refused(`The import of ${job.fileName} is still ${job.phase === 'writing' ? 'being written' : 'being read'}; wait for it to finish.`);
  job.busy = true;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const rows = (count: number, locale: LocaleCode) => countOf(count, 'row', 'rows', locale);
const number = (count: number, locale: LocaleCode) => formatScaled(count, 0, locale);

export function beginImport(desk: Desk, caller: Caller, input: ParsedInputOf<'beginImport'>): { jobId: string; chunkChars: number } {
  requireAdmin(caller);
  const job = createJob(desk, { kind: input.kind, fileName: input.fileName, sessionKey: caller.sessionKey, operatorId: caller.operator.id, totalChars: input.totalChars });
  return { jobId: job.id, chunkChars: IMPORT_CHUNK_CHARS };
}

export function sendImportChunk(desk: Desk, caller: Caller, input: ParsedInputOf<'sendImportChunk'>): { received: number; total: number } {
  requireAdmin(caller);
  const job = jobOf(desk, caller.sessionKey, input.jobId);
  if (job.phase !== 'receiving' || job.busy) throw refused(`${job.fileName} has been received whole already; choose the file again to send it again.`);
  if (input.offset !== job.received) {
    throw refused(`The desk has ${job.received} of ${job.totalChars} characters of ${job.fileName}; this piece starts at ${input.offset}. Choose the file again.`);
  }
  if (job.received + input.text.length > job.totalChars) throw refused(`${job.fileName} is longer than the ${job.totalChars} characters announced; choose the file again.`);
  job.chunks.push(input.text);
  job.received += input.text.length;
  setProgress(job, 'receiving', job.received, job.totalChars, `Received ${job.received} of ${job.totalChars} characters of ${job.fileName}.`);
  return { received: job.received, total: job.totalChars };
}

/** Judges the parsed rows in slices, saying how far it is between them. */
async function judgeFile(job: ImportJob, facts: Awaited<ReturnType<typeof loadImportFacts>>, locale: LocaleCode, phase: 'checking' | 'writing'): Promise<ImportValidation<unknown>> {
  const parsed = job.parsed;
  if (!parsed) throw new Error('import: judged before it was read');
  const validator = importValidator(job.kind, parsed, { references: facts.references, existingKeys: facts.existingKeys, locale });
  const total = parsed.rows.length;
  const { many } = KIND_TEXT[job.kind];
  for (let start = 0; start < total; start += JUDGE_SLICE) {
    validator.judge(parsed.rows.slice(start, start + JUDGE_SLICE));
    const done = Math.min(total, start + JUDGE_SLICE);
    setProgress(job, phase, done, total, `${phase === 'checking' ? 'Checking' : 'Checking again before writing'}: ${number(done, locale)} of ${rows(total, locale)} of ${many}.`);
    await nextTurn();
  }
  const validation = validator.result as ImportValidation<unknown>;
  // What the parser refused is the file's problem: nothing of such a file is imported.
  if (job.csvProblems.length > 0) validation.fileErrors.push(...job.csvProblems);
  return validation;
}

export async function checkImport(desk: Desk, caller: Caller, input: ParsedInputOf<'checkImport'>): Promise<ImportPreview> {
  requireAdmin(caller);
  const job = jobOf(desk, caller.sessionKey, input.jobId);
  if (job.phase === 'receiving' && job.received !== job.totalChars) {
    throw refused(`The desk has ${job.received} of ${job.totalChars} characters of ${job.fileName}; send the rest before it is checked.`);
  }
  if (job.phase === 'written') throw refused(`${job.fileName} has been imported already; choose a file to import another.`);
  claim(job);
  try {
    const locale = await localeOf(desk.db, caller);
    job.locale = locale;
    if (!job.parsed) {
      setProgress(job, 'reading', 0, job.totalChars, `Reading ${job.fileName}.`);
      await nextTurn();
      const read = readCsv(job.chunks.join(''));
      job.chunks = [];
      job.parsed = read.file;
      job.delimiter = read.delimiter;
      job.csvProblems = read.problems;
    }
    const facts = await loadImportFacts(desk.db, job.kind);
    const validation = await judgeFile(job, facts, locale, 'checking');
    job.validation = validation;
    job.previewValidLines = validation.valid.map((row) => row.line);
    const preview = buildPreview(job, validation, locale);
    setProgress(job, 'checked', job.parsed?.rows.length ?? 0, job.parsed?.rows.length ?? 0, `${job.fileName} is checked: ${rows(preview.validCount, locale)} valid, ${rows(preview.rejectedCount, locale)} with errors.`);
    return preview;
  } catch (error) {
    setProgress(job, 'failed', 0, 0, `${job.fileName} could not be checked.`);
    throw error;
  } finally {
    job.busy = false;
  }
}

/** Read from memory only, so it is answered while the import's transaction holds SQLite's one connection. */
export async function importProgress(desk: Desk, sessionKey: string, input: ParsedInputOf<'importProgress'>): Promise<ImportProgress> {
  const session = await desk.sessions.get(sessionKey);
  const job = jobOf(desk, sessionKey, input.jobId);
  if (!session || session.operatorId !== job.operatorId) throw new AppFailure('not-signed-in', 'Sign in first.');
  return progressOf(job);
}

function checkedJob(desk: Desk, caller: Caller, jobId: string): ImportJob & { validation: ImportValidation<unknown> } {
  const job = jobOf(desk, caller.sessionKey, jobId);
  if (!job.validation || (job.phase !== 'checked' && job.phase !== 'written')) throw refused(`${job.fileName} has not been checked yet; check it first.`);
  return job as ImportJob & { validation: ImportValidation<unknown> };
}

export function importErrors(desk: Desk, caller: Caller, input: ParsedInputOf<'importErrors'>) {
  requireAdmin(caller);
  const job = checkedJob(desk, caller, input.jobId);
  const errors = allErrors(job.validation);
  return { total: errors.length, offset: input.offset, errors: errors.slice(input.offset, input.offset + input.limit) };
}

export function rejectedImportRows(desk: Desk, caller: Caller, input: ParsedInputOf<'rejectedImportRows'>) {
  requireAdmin(caller);
  const job = checkedJob(desk, caller, input.jobId);
  const base = job.fileName.replace(/\.csv$/i, '');
  return { fileName: `${base}-rejected.csv`, csv: writeCsv(rejectedFile(job.validation), job.delimiter), rows: job.validation.rejected.length };
}

export function discardImport(desk: Desk, caller: Caller, input: ParsedInputOf<'discardImport'>) {
  requireAdmin(caller);
  return { discarded: dropJob(desk, caller.sessionKey, input.jobId) };
}

const sameLines = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((line, index) => line === b[index]);

/** Why a write failed, in words a person can act on. */
function causeText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/unique|duplicate key/i.test(message)) return 'another desk stored one of these codes meanwhile';
  return message;
}

export interface CommitOptions {
  /** Called after each slice is written, inside the transaction; tests throw from it to fail an import half-way. */
  afterSlice?: WriteProgress;
}

export async function commitImport(desk: Desk, caller: Caller, input: ParsedInputOf<'commitImport'>, options: CommitOptions = {}): Promise<ImportOutcome> {
  requireAdmin(caller);
  const job = checkedJob(desk, caller, input.jobId);
  if (job.phase === 'written') throw refused(`${job.fileName} has been imported already; nothing was written again.`);
  claim(job);
  const locale = job.locale ?? (await localeOf(desk.db, caller));
  const { one, many } = KIND_TEXT[job.kind];
  const who = caller.operator.displayName;
  const at = desk.now();
  let written = 0;
  let planned = 0;
  try {
    const outcome = await inRetriedTransaction(desk.db, async (trx) => {
      written = 0;
      // Checked again inside the transaction: what the preview promised must still hold for the store as it is now.
      const validation = await judgeFile(job, await loadImportFacts(trx, job.kind), locale, 'writing');
      const plan = planImport(validation, input.choice, locale);
      if (!plan.write) throw refused(plan.reason).withAudit({ rule: plan.rule });
      if (!sameLines(validation.valid.map((row) => row.line), job.previewValidLines ?? [])) {
        job.validation = validation;
        job.previewValidLines = validation.valid.map((row) => row.line);
        throw refused(
          `Nothing was imported: the ${many} stored changed since the preview, and now ${rows(validation.valid.length, locale)} of ${number(validation.rowCount, locale)} are valid. Look at the preview again and choose.`,
        ).withAudit({ rule: 'import-store-changed' });
      }
      planned = plan.records.length;
      const batch = { kind: job.kind, records: plan.records.map((row) => row.record) } as ImportBatch;
      await writeImportedRecords(trx, batch, {
        unusablePasswordHash: IMPORTED_OPERATOR_PASSWORD_HASH,
        progress: async (count) => {
          written = count;
          setProgress(job, 'writing', count, planned, `Writing ${number(count, locale)} of ${countOf(planned, one, many, locale)}.`);
          await options.afterSlice?.(count);
          await nextTurn();
        },
      });
      const rejected = plan.rejected.length;
      const summary = `${countOf(planned, one, many, locale)} imported from ${job.fileName}${rejected === 0 ? '' : `; ${rows(rejected, locale)} with errors left out`}`;
      const entries: AuditEntry[] = [
        {
          operatorId: caller.operator.id,
          action: 'master-data-imported',
          rule: plan.rule,
          after: summary,
          detail: `${who} imported ${job.fileName}: ${number(validation.rowCount, locale)} ${validation.rowCount === 1 ? 'row' : 'rows'} of ${many}, ${number(planned, locale)} written, ${number(rejected, locale)} left out (${input.choice === 'all-or-nothing' ? 'every row or none' : 'valid rows only'}).`,
        },
      ];
      const detail = `Imported from ${job.fileName} by ${who}.`;
      for (const row of plan.records) {
        const record = row.record as ImportRecords[MasterKind];
        const code = 'code' in record ? record.code : null;
        entries.push({
          operatorId: caller.operator.id,
          action: 'master-data-import-record',
          rule: plan.rule,
          after: recordText(job.kind, record, locale),
          detail,
          vendorCode: job.kind === 'vendor' ? code : null,
          warehouseCode: job.kind === 'warehouse' ? code : null,
        });
      }
      await appendAuditEntries(trx, entries, at);
      job.validation = validation;
      return { kind: job.kind, fileName: job.fileName, written: planned, rejected, rule: plan.rule, reason: `${capitalised(summary)}; recorded in the audit log.` } satisfies ImportOutcome;
    });
    setProgress(job, 'written', outcome.written, outcome.written, outcome.reason);
    return outcome;
  } catch (error) {
    if (error instanceof AppFailure) {
      setProgress(job, 'checked', 0, 0, error.error.message);
      await appendAudit(desk.db, { operatorId: caller.operator.id, action: 'master-data-import-refused', rule: error.audit?.rule ?? null, detail: `${job.fileName} (${many}): ${error.error.message}` }, at);
      throw error;
    }
    setProgress(job, 'failed', written, planned, `Nothing was imported from ${job.fileName}.`);
    if (isStoreBusy(error) || isStoreUnreachable(error) || error instanceof CommitOutcomeUnknown) throw error;
    const cause = causeText(error);
    await appendAudit(desk.db, {
      operatorId: caller.operator.id,
      action: 'master-data-import-failed',
      rule: 'import-write-failed',
      detail: `${job.fileName} (${many}): writing stopped after ${number(written, locale)} of ${number(planned, locale)} (${cause}); everything was rolled back.`,
    }, at);
    throw refused(
      `Nothing was imported: writing stopped after ${number(written, locale)} of ${countOf(planned, one, many, locale)} (${cause}), and the whole import was rolled back, so none of them is stored. Check the file again and import it.`,
    );
  } finally {
    job.busy = false;
  }
}
