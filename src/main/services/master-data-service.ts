import type { z } from 'zod';
import type { MasterDataKind, MasterList, MasterRecord, MasterRecordView, masterKeySchema, masterListInputSchema, saveMasterRecordInputSchema } from '../../shared/admin-schemas';
import { formatMoney } from '../../shared/locale-format';
import type { FieldProblem } from '../domain/admin/field-rules';
import { checkDeletion } from '../domain/admin/in-use';
import { checkCodeChange, checkNewCode, KIND_TEXT } from '../domain/admin/master-data-rules';
import { capitalise } from '../domain/cost-center-rules';
import type { Db } from '../store/connect';
import { appendAudit } from '../store/repositories/audit-repo';
import { deleteMasterRow, findMasterRow, insertMasterRecord, masterRecords, masterRowsPage, setCostCenterActiveRow, type StoredRow, updateMasterRecord } from '../store/repositories/master-data-repo';
import { masterUsage } from '../store/repositories/master-data-usage-repo';
import { inRetriedTransaction } from '../store/transaction';
import { forbidden, notFound, refused } from './app-failure';
import { localeOf } from './caller-locale';
import type { Caller, Desk } from './desk';
import { checkMasterRecord, recordText } from './master-data-checks';

/**
 * Master-data maintenance for every kind: supervisors and admins read, only admins change. Each
 * change is checked by the kind's domain rule against the store, written in one transaction and
 * audited with the record in words before and after; a refused change writes nothing.
 */

const roleWords = (caller: Caller) => (caller.operator.role === 'supervisor' ? 'a supervisor' : 'an operator');

export function requireMasterReader(caller: Caller): void {
  if (caller.operator.role === 'operator') throw forbidden('Only supervisors and admins can read master data; you are signed in as an operator.');
}

export function requireMasterAdmin(caller: Caller, what: string): void {
  if (caller.operator.role !== 'admin') throw forbidden(`Only an administrator can ${what}; you are signed in as ${roleWords(caller)}.`);
}

/** Codes are compared as stored: trimmed, in capitals. */
export const storedCode = (raw: string): string => raw.trim().toUpperCase();

const ruleOf = (kind: MasterDataKind) => `master-${kind}`;

/** The field problems as one refusal: the first field takes the cursor, every field shows its own reason. */
function refusedFields(problems: readonly FieldProblem[]) {
  const failure = refused(`Nothing was saved. ${problems.map((problem) => problem.reason).join(' ')}`, problems[0]?.field);
  failure.error.issues = problems.map((problem) => ({ path: problem.field, message: problem.reason }));
  return failure;
}

async function recordOf(db: Db, kind: MasterDataKind, row: StoredRow): Promise<MasterRecord> {
  const [record] = await masterRecords(db, kind, [row]);
  return record as MasterRecord;
}

async function requireRow(db: Db, kind: MasterDataKind, code: string): Promise<StoredRow> {
  const row = await findMasterRow(db, kind, storedCode(code));
  if (!row) throw notFound(`There is no ${KIND_TEXT[kind].one} ${storedCode(code)}; reopen the list.`);
  return row;
}

export async function listMasterData(desk: Desk, caller: Caller, input: z.output<typeof masterListInputSchema>): Promise<MasterList> {
  requireMasterReader(caller);
  const { rows, total } = await masterRowsPage(desk.db, input.kind, input.filter, input.offset, input.limit);
  return { kind: input.kind, rows: await masterRecords(desk.db, input.kind, rows), total, offset: input.offset, limit: input.limit, canEdit: caller.operator.role === 'admin' };
}

export async function readMasterRecord(desk: Desk, caller: Caller, input: z.output<typeof masterKeySchema>): Promise<MasterRecordView> {
  requireMasterReader(caller);
  const row = await requireRow(desk.db, input.kind, input.code);
  const record = await recordOf(desk.db, input.kind, row);
  const verdict = checkDeletion(input.kind, record.code, await masterUsage(desk.db, input.kind, row.id, record.code), await localeOf(desk.db, caller));
  return { record, usage: verdict.reason, deletable: verdict.allowed, canEdit: caller.operator.role === 'admin' };
}

export async function saveMasterRecord(desk: Desk, caller: Caller, input: z.output<typeof saveMasterRecordInputSchema>) {
  const kind = input.record.kind;
  requireMasterAdmin(caller, `change ${KIND_TEXT[kind].many}`);
  const at = desk.now();
  const locale = await localeOf(desk.db, caller);
  const money = (minor: number) => formatMoney(minor, locale);
  return inRetriedTransaction(desk.db, async (trx) => {
    const verdict = await checkMasterRecord(trx, input.record, locale);
    const problems: FieldProblem[] = verdict.ok ? [] : [...verdict.problems];
    const code = verdict.ok ? verdict.record.code : storedCode(input.record.code);
    const before = input.originalCode === null ? undefined : await requireRow(trx, kind, input.originalCode);
    if (before) {
      const change = checkCodeChange(kind, storedCode(input.originalCode as string), code);
      if (!change.ok && !problems.some((problem) => problem.field === 'code')) problems.unshift(change.problem);
    } else if (verdict.ok) {
      const clash = await findMasterRow(trx, kind, code);
      const taken = checkNewCode(kind, code, new Set(clash ? [code] : []));
      if (!taken.ok) problems.unshift(taken.problem);
    }
    if (!verdict.ok || problems.length > 0) throw refusedFields(problems);
    const record = verdict.record;
    const after = recordText(record, money);
    const name = `${capitalise(KIND_TEXT[kind].one)} ${record.code}`;
    if (before) {
      const was = recordText(await recordOf(trx, kind, before), money);
      await updateMasterRecord(trx, before.id, record);
      await appendAudit(trx, { operatorId: caller.operator.id, action: 'master-record-changed', rule: ruleOf(kind), before: was, after, detail: `${name} changed by ${caller.operator.displayName}.` }, at);
    } else {
      await insertMasterRecord(trx, record);
      await appendAudit(trx, { operatorId: caller.operator.id, action: 'master-record-created', rule: ruleOf(kind), after, detail: `${name} added by ${caller.operator.displayName}.` }, at);
    }
    return { record, notes: verdict.notes, reason: `${name} ${before ? 'saved' : 'added'}.` };
  });
}

export async function deleteMasterRecord(desk: Desk, caller: Caller, input: z.output<typeof masterKeySchema>) {
  requireMasterAdmin(caller, `delete ${KIND_TEXT[input.kind].many}`);
  const at = desk.now();
  const locale = await localeOf(desk.db, caller);
  return inRetriedTransaction(desk.db, async (trx) => {
    const row = await requireRow(trx, input.kind, input.code);
    const record = await recordOf(trx, input.kind, row);
    const verdict = checkDeletion(input.kind, record.code, await masterUsage(trx, input.kind, row.id, record.code), locale);
    if (!verdict.allowed) throw refused(`Nothing was deleted. ${verdict.reason}`);
    await deleteMasterRow(trx, input.kind, row.id);
    const name = `${capitalise(KIND_TEXT[input.kind].one)} ${record.code}`;
    await appendAudit(
      trx,
      { operatorId: caller.operator.id, action: 'master-record-deleted', rule: ruleOf(input.kind), before: recordText(record, (minor) => formatMoney(minor, locale)), detail: `${name} deleted by ${caller.operator.displayName}.` },
      at,
    );
    return { reason: `${name} deleted.` };
  });
}

/** A cost center in use is deactivated rather than deleted: it then allows nothing, and history keeps it. */
export async function setCostCenterActive(desk: Desk, caller: Caller, input: { code: string; active: boolean }) {
  requireMasterAdmin(caller, input.active ? 'reactivate cost centers' : 'deactivate cost centers');
  const at = desk.now();
  const locale = await localeOf(desk.db, caller);
  const money = (minor: number) => formatMoney(minor, locale);
  return inRetriedTransaction(desk.db, async (trx) => {
    const row = await requireRow(trx, 'cost-center', input.code);
    const before = await recordOf(trx, 'cost-center', row);
    if (before.kind !== 'cost-center') throw notFound('Not a cost center.');
    const record = { ...before, active: input.active };
    const name = `Cost center ${record.code}`;
    if (before.active === input.active) return { record, notes: [], reason: `${name} is already ${input.active ? 'active' : 'inactive'}; nothing changed.` };
    await setCostCenterActiveRow(trx, row.id, input.active);
    const detail = input.active
      ? `${name} reactivated by ${caller.operator.displayName}; the schemes, overrides and vendors that list it allow it again.`
      : `${name} deactivated by ${caller.operator.displayName}; it stays on the lists that name it and allows nothing until active again.`;
    await appendAudit(trx, { operatorId: caller.operator.id, action: input.active ? 'cost-center-reactivated' : 'cost-center-deactivated', rule: ruleOf('cost-center'), before: recordText(before, money), after: recordText(record, money), detail }, at);
    return { record, notes: [], reason: `${name} is ${input.active ? 'active again' : 'inactive now: it allows nothing until reactivated'}.` };
  });
}
