import type { OperatorAccount, OperatorListPage, OperatorSaved } from '../../shared/operator-admin-schemas';
import type { ParsedInputOf } from '../../shared/contracts';
import { checkOperatorChange, checkPassword, validateOperator } from '../domain/admin/operator-rules';
import { poEntryReadiness } from '../domain/admin/scheme-lists';
import type { Db } from '../store/connect';
import { appendAudit } from '../store/repositories/audit-repo';
import { loadSchemeFacts, schemeIdByCode } from '../store/repositories/operator-admin-facts-repo';
import {
  countActiveAdmins,
  findOperatorAccount,
  insertOperatorAccount,
  listOperatorAccounts,
  type OperatorAccountRow,
  type OperatorFilter,
  schemeChoices,
  setOperatorActiveFlag,
  signInNameTaken,
  updateOperatorAccount,
} from '../store/repositories/operator-admin-repo';
import { setOperatorPassword } from '../store/repositories/operator-repo';
import { inRetriedTransaction } from '../store/transaction';
import { AppFailure, forbidden, notFound, refused } from './app-failure';
import { localeOf } from './caller-locale';
import type { Caller, Desk } from './desk';
import { endSessionsOf } from './operator-admin-sessions';
import { hashPassword } from './passwords';
import { getSettings } from './settings-service';

/**
 * Operators as admins keep them: supervisors read the list, only admins change it. Every field is
 * judged by the domain's operator rules (operator-rules.ts), the change is written in one
 * transaction with its audit row (the account in words before and after, never a password), and a
 * deactivation or password reset ends the operator's sessions. Nobody is deleted: an operator with
 * history is deactivated, and the approval limit stays on Settings → Approval rules.
 */

const roleWords = (caller: Caller) => (caller.operator.role === 'supervisor' ? 'a supervisor' : 'an operator');

function requireAdmin(caller: Caller, what: string): void {
  if (caller.operator.role !== 'admin') throw forbidden(`Only an administrator can ${what}; you are signed in as ${roleWords(caller)}.`);
}

export function requireReader(caller: Caller, what: string): void {
  if (caller.operator.role === 'operator') throw forbidden(`Only supervisors and admins can ${what}; you are signed in as an operator.`);
}

/** A refusal of the record rules: the first field is focused, every field's reason is listed. */
function fieldRefusal(problems: readonly { field: string; reason: string }[]): AppFailure {
  const [first] = problems;
  const failure = refused(`Nothing was saved. ${problems.map((problem) => problem.reason).join(' ')}`, first?.field);
  failure.error.issues = problems.map((problem) => ({ path: problem.field, message: problem.reason }));
  return failure;
}

/** The account in words for the audit log: never a password or its hash. */
const accountText = (row: Pick<OperatorAccountRow, 'signInName' | 'displayName' | 'role' | 'schemeCode' | 'active'>) =>
  `${row.displayName} (${row.signInName}), ${row.role}, ${row.schemeCode === null ? 'no scheme' : `scheme ${row.schemeCode}`}${row.active ? '' : ', inactive'}`;

async function costCentersInUse(db: Db): Promise<boolean> {
  return (await getSettings(db)).codingMode === 'cost-centers';
}

/** Adds whether each operator can enter POs, in the admin's words. */
async function toAccounts(db: Db, rows: readonly OperatorAccountRow[]): Promise<OperatorAccount[]> {
  const enabled = await costCentersInUse(db);
  const schemes = await loadSchemeFacts(db, rows.flatMap((row) => (row.schemeId === null ? [] : [row.schemeId])));
  return rows.map(({ schemeId, ...row }) => {
    const scheme = schemeId === null ? null : (schemes.get(schemeId) ?? null);
    const entry = poEntryReadiness({ costCentersEnabled: enabled, operatorName: row.displayName, scheme, audience: 'admin' });
    return { ...row, entry: { allowed: entry.allowed, reason: entry.reason } };
  });
}

async function readAccount(db: Db, id: number): Promise<OperatorAccount> {
  const row = await findOperatorAccount(db, id);
  if (!row) throw notFound(`There is no operator with id ${id}; reopen the operators.`);
  const [account] = await toAccounts(db, [row]);
  return account as OperatorAccount;
}

const filterOf = (query: ParsedInputOf<'listOperators'>): OperatorFilter => ({ search: query.search, role: query.role, schemeCode: query.schemeCode, status: query.status });

export async function listOperators(desk: Desk, caller: Caller, query: ParsedInputOf<'listOperators'>): Promise<OperatorListPage> {
  requireReader(caller, 'read the operators');
  const { rows, total } = await listOperatorAccounts(desk.db, filterOf(query), { offset: (query.page - 1) * query.pageSize, limit: query.pageSize });
  const [accounts, schemes, enabled] = await Promise.all([toAccounts(desk.db, rows), schemeChoices(desk.db), costCentersInUse(desk.db)]);
  return {
    rows: accounts,
    total,
    page: query.page,
    pageSize: query.pageSize,
    schemes: schemes.map(({ code, description }) => ({ code, description })),
    canEdit: caller.operator.role === 'admin',
    callerId: caller.operator.id,
    costCentersEnabled: enabled,
  };
}

export async function exportOperators(desk: Desk, caller: Caller, query: ParsedInputOf<'exportOperators'>): Promise<{ rows: OperatorAccount[] }> {
  requireReader(caller, 'export the operators');
  const { rows } = await listOperatorAccounts(desk.db, filterOf(query));
  return { rows: await toAccounts(desk.db, rows) };
}

/** The record rules over a draft, against the schemes that exist; the scheme's id for the row. */
async function judgeDraft(db: Db, caller: Caller, draft: { signInName: string; displayName: string; role: string; schemeCode: string | null }) {
  const schemes = await schemeChoices(db);
  const verdict = validateOperator(draft, { schemes: new Set(schemes.map((scheme) => scheme.code)) }, await localeOf(db, caller));
  if (!verdict.allowed) throw fieldRefusal(verdict.problems);
  const record = verdict.record;
  const schemeId = record.schemeCode === null ? null : ((await schemeIdByCode(db, record.schemeCode)) ?? null);
  return { record, notes: verdict.notes, reason: verdict.reason, schemeId };
}

export async function createOperator(desk: Desk, caller: Caller, input: ParsedInputOf<'createOperator'>): Promise<OperatorSaved> {
  requireAdmin(caller, 'add operators');
  const judged = await judgeDraft(desk.db, caller, input);
  const password = checkPassword(input.initialPassword, judged.record.signInName, 'initialPassword');
  if (!password.ok) throw fieldRefusal([password.problem]);
  const hash = await hashPassword(input.initialPassword, desk.passwordCost);
  const at = desk.now();
  const id = await inRetriedTransaction(desk.db, async (trx) => {
    if (await signInNameTaken(trx, judged.record.signInName)) {
      throw fieldRefusal([{ field: 'signInName', reason: `Sign-in name ${judged.record.signInName} is already used; choose another.` }]);
    }
    const { record } = judged;
    const newId = await insertOperatorAccount(trx, { signInName: record.signInName, displayName: record.displayName, role: record.role, schemeId: judged.schemeId, passwordHash: hash });
    await appendAudit(
      trx,
      {
        operatorId: caller.operator.id,
        action: 'operator-created',
        rule: 'operator-record',
        after: accountText({ ...record, schemeCode: record.schemeCode, active: true }),
        detail: `${record.displayName} added by ${caller.operator.displayName}, with an initial password to be replaced at the first sign-in.`,
      },
      at,
    );
    return newId;
  });
  return { operator: await readAccount(desk.db, id), reason: `${judged.reason} They choose their own password at the first sign-in.`, notes: judged.notes };
}

/** Refused changes are audited too: an admin trying to demote the last admin is worth seeing. */
async function refuseChange(desk: Desk, caller: Caller, before: OperatorAccountRow, rule: string, reason: string): Promise<never> {
  await appendAudit(desk.db, { operatorId: caller.operator.id, action: 'operator-change-refused', rule, before: accountText(before), detail: `${caller.operator.displayName}: ${reason}` }, desk.now());
  throw refused(`Nothing was saved. ${reason}`, rule === 'own-account' || rule === 'last-admin' ? 'role' : undefined);
}

export async function updateOperator(desk: Desk, caller: Caller, input: ParsedInputOf<'updateOperator'>): Promise<OperatorSaved> {
  requireAdmin(caller, 'change operators');
  const at = desk.now();
  const outcome = await inRetriedTransaction(desk.db, async (trx) => {
    const before = await findOperatorAccount(trx, input.id);
    if (!before) throw notFound(`There is no operator with id ${input.id}; reopen the operators.`);
    const judged = await judgeDraft(trx, caller, { signInName: before.signInName, displayName: input.displayName, role: input.role, schemeCode: input.schemeCode });
    const { record } = judged;
    const change = checkOperatorChange({
      actorId: caller.operator.id,
      before: { id: before.id, displayName: before.displayName, role: before.role, active: before.active },
      after: { role: record.role, active: before.active },
      activeAdminCount: before.role === 'admin' && record.role !== 'admin' ? await countActiveAdmins(trx) : 2,
    });
    if (!change.allowed) return { refusal: { before, rule: change.rule, reason: change.reason } };
    await updateOperatorAccount(trx, before.id, { displayName: record.displayName, role: record.role, schemeId: judged.schemeId });
    const after = { ...before, displayName: record.displayName, role: record.role, schemeCode: record.schemeCode };
    if (accountText(before) !== accountText(after)) {
      await appendAudit(trx, { operatorId: caller.operator.id, action: 'operator-changed', rule: 'operator-change', before: accountText(before), after: accountText(after), detail: `${change.reason} Changed by ${caller.operator.displayName}.` }, at);
    }
    return { judged, reason: change.reason };
  });
  if ('refusal' in outcome && outcome.refusal) return refuseChange(desk, caller, outcome.refusal.before, outcome.refusal.rule, outcome.refusal.reason);
  const { judged, reason } = outcome as { judged: Awaited<ReturnType<typeof judgeDraft>>; reason: string };
  return { operator: await readAccount(desk.db, input.id), reason, notes: judged.notes };
}

export async function setOperatorActive(desk: Desk, caller: Caller, input: ParsedInputOf<'setOperatorActive'>): Promise<OperatorSaved> {
  requireAdmin(caller, input.active ? 'reactivate operators' : 'deactivate operators');
  const at = desk.now();
  const outcome = await inRetriedTransaction(desk.db, async (trx) => {
    const before = await findOperatorAccount(trx, input.id);
    if (!before) throw notFound(`There is no operator with id ${input.id}; reopen the operators.`);
    const change = checkOperatorChange({
      actorId: caller.operator.id,
      before: { id: before.id, displayName: before.displayName, role: before.role, active: before.active },
      after: { role: before.role, active: input.active },
      activeAdminCount: before.role === 'admin' && !input.active ? await countActiveAdmins(trx) : 2,
    });
    if (!change.allowed) return { refusal: { before, rule: change.rule, reason: change.reason } };
    if (before.active !== input.active) {
      await setOperatorActiveFlag(trx, before.id, input.active);
      await appendAudit(
        trx,
        {
          operatorId: caller.operator.id,
          action: input.active ? 'operator-reactivated' : 'operator-deactivated',
          rule: 'operator-change',
          before: accountText(before),
          after: accountText({ ...before, active: input.active }),
          detail: `${change.reason} By ${caller.operator.displayName}.`,
        },
        at,
      );
      if (!input.active) await endSessionsOf(desk, trx, before.id, at);
    }
    return { reason: change.reason };
  });
  if ('refusal' in outcome && outcome.refusal) return refuseChange(desk, caller, outcome.refusal.before, outcome.refusal.rule, outcome.refusal.reason);
  return { operator: await readAccount(desk.db, input.id), reason: outcome.reason, notes: [] };
}

export async function resetOperatorPassword(desk: Desk, caller: Caller, input: ParsedInputOf<'resetOperatorPassword'>): Promise<OperatorSaved> {
  requireAdmin(caller, 'reset passwords');
  const target = await findOperatorAccount(desk.db, input.id);
  if (!target) throw notFound(`There is no operator with id ${input.id}; reopen the operators.`);
  if (target.id === caller.operator.id) throw refused('Nothing was saved. Change your own password under Settings → General; a reset is for someone else’s.', 'temporaryPassword');
  const password = checkPassword(input.temporaryPassword, target.signInName, 'temporaryPassword');
  if (!password.ok) throw fieldRefusal([password.problem]);
  const hash = await hashPassword(input.temporaryPassword, desk.passwordCost);
  const at = desk.now();
  await inRetriedTransaction(desk.db, async (trx) => {
    await setOperatorPassword(trx, target.id, hash, true);
    await appendAudit(
      trx,
      {
        operatorId: caller.operator.id,
        action: 'password-reset',
        rule: 'password-must-change',
        before: accountText(target),
        after: `${accountText(target)}, password to be replaced at the next sign-in`,
        detail: `${caller.operator.displayName} set a temporary password for ${target.displayName}; their sessions ended, and they must choose a new password at the next sign-in.`,
      },
      at,
    );
    await endSessionsOf(desk, trx, target.id, at);
  });
  return {
    operator: await readAccount(desk.db, target.id),
    reason: `${target.displayName} has a temporary password: give it to them in person; they must choose their own when they next sign in.`,
    notes: [],
  };
}
