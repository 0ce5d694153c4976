import type { ParsedInputOf } from '../../shared/contracts';
import type { ApprovalRulesView } from '../../shared/lifecycle-schemas';
import { formatMoney } from '../../shared/locale-format';
import type { LocaleCode } from '../../shared/locales';
import { type ApprovalBand, bandProblems, describeBand, type NamedApprover } from '../domain/approval-rules';
import { listCodes } from '../domain/cost-center-rules';
import type { Db } from '../store/connect';
import {
  type ApproverCandidate,
  type BandRow,
  deleteApprovalBandRow,
  findOperatorsForBand,
  insertApprovalBand,
  listApproverCandidates,
  listCostCenterChoices,
  lockApprovalBands,
  lockApprovalLimit,
  setOperatorApprovalLimit,
  updateApprovalBand,
} from '../store/repositories/approval-band-admin-repo';
import { loadApprovalBands } from '../store/repositories/approval-band-repo';
import { appendAudit } from '../store/repositories/audit-repo';
import { inRetriedTransaction } from '../store/transaction';
import { AppFailure, forbidden, notFound, refused } from './app-failure';
import { localeOf } from './caller-locale';
import type { Caller, Desk } from './desk';

/**
 * The admin screen for approval rules: supervisors and admins read the bands and who approves,
 * only admins change them. Each change is checked whole (bandProblems and the checks only the
 * store can make), written in one transaction, and audited with the band in words before and after.
 */

type BandInput = ParsedInputOf<'saveApprovalBand'>;
type LimitInput = ParsedInputOf<'setApprovalLimit'>;

function requireAdmin(caller: Caller, what: string): void {
  if (caller.operator.role !== 'admin') throw forbidden(`Only an administrator can ${what}; you are signed in as ${caller.operator.role === 'supervisor' ? 'a supervisor' : 'an operator'}.`);
}

const scopeText = (code: string | null) => (code === null ? 'all cost centers' : `cost center ${code}`);

/** For all first, then by cost center; within a scope by amount, as a ladder reads. */
function byScopeAndAmount(a: ApprovalBand, b: ApprovalBand): number {
  if (a.costCenterCode !== b.costCenterCode) {
    if (a.costCenterCode === null) return -1;
    if (b.costCenterCode === null) return 1;
    return a.costCenterCode < b.costCenterCode ? -1 : 1;
  }
  return a.fromMinor - b.fromMinor || a.id - b.id;
}

async function readView(db: Db, locale: LocaleCode): Promise<ApprovalRulesView> {
  const [bands, approvers, costCenters] = await Promise.all([loadApprovalBands(db), listApproverCandidates(db), listCostCenterChoices(db)]);
  const usedCodes = new Set(bands.map((band) => band.costCenterCode));
  return {
    bands: [...bands].sort(byScopeAndAmount).map((band) => ({
      id: band.id,
      costCenterCode: band.costCenterCode,
      fromMinor: band.fromMinor,
      approvers:
        band.approvers.kind === 'role'
          ? { kind: 'role' as const, role: band.approvers.role }
          : { kind: 'named' as const, approvers: band.approvers.approvers.map(({ id, displayName }) => ({ id, displayName })) },
      approvalsRequired: band.approvalsRequired,
      adminRequired: band.adminRequired,
      label: describeBand(band, locale),
    })),
    approvers: approvers.map(({ id, displayName, role, approvalLimitMinor }) => ({ id, displayName, role, approvalLimitMinor })),
    // A cost center no longer in use stays listed while a band is scoped to it, so that band can still be read and edited.
    costCenters: costCenters.filter((cc) => cc.active || usedCodes.has(cc.code)).map(({ code, description }) => ({ code, description })),
  };
}

/** Supervisors read the rules they approve under; admins read them to change them. */
export async function listApprovalRules(desk: Desk, caller: Caller): Promise<ApprovalRulesView> {
  if (caller.operator.role === 'operator') throw forbidden('Only supervisors and admins can read the approval rules; you are signed in as an operator.');
  return readView(desk.db, await localeOf(desk.db, caller));
}

/** Which field of the form a problem of bandProblems belongs beside. */
function problemField(problem: string): keyof BandInput {
  if (/starts at/.test(problem)) return 'fromMinor';
  if (/at least 1 approval|names only/.test(problem)) return 'approvalsRequired';
  if (/names no admin/.test(problem)) return 'adminRequired';
  return 'approvers';
}

function refusedWithProblems(problems: readonly string[]): AppFailure {
  const [first = 'This band cannot be used.'] = problems;
  const failure = refused(first, problemField(first));
  failure.error.issues = problems.map((message) => ({ path: problemField(message), message }));
  return failure;
}

const nameList = (names: readonly string[]) => (names.length <= 1 ? (names[0] ?? 'nobody') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`);

/** Byte-wise, as the store orders names (SQLite's BINARY, PostgreSQL's "C"), so a band reads the same before and after it is stored. */
const byName = (a: NamedApprover, b: NamedApprover) => (a.displayName < b.displayName ? -1 : a.displayName > b.displayName ? 1 : a.id - b.id);

/** The named people, each an operator who exists and can still sign in, by name as the band lists them. */
async function namedApprovers(db: Db, operatorIds: readonly number[]): Promise<NamedApprover[]> {
  const ids = [...new Set(operatorIds)];
  const found = await findOperatorsForBand(db, ids);
  const missing = ids.filter((id) => !found.some((person) => person.id === id));
  if (missing.length > 0) throw refused(`No operator has the id ${missing.join(', ')}; reopen the approval rules and choose from the list.`, 'approvers');
  const gone = found.filter((person) => !person.active);
  if (gone.length > 0) throw refused(`${nameList(gone.map((p) => p.displayName))} can no longer sign in, so cannot approve; choose someone else.`, 'approvers');
  return found.map(({ id, displayName, role }) => ({ id, displayName, role }));
}

/** The band's scope as stored, refusing a code the installation does not know, or a retired one the band did not already have. */
async function costCenterIdOf(db: Db, code: string | null, keptCode: string | null): Promise<number | null> {
  if (code === null) return null;
  const choices = await listCostCenterChoices(db);
  const found = choices.find((cc) => cc.code === code);
  if (!found) {
    const known = listCodes(choices.filter((cc) => cc.active).map((cc) => cc.code));
    throw refused(`There is no cost center ${code}; a band is for all cost centers or for one of ${known}.`, 'costCenterCode');
  }
  if (!found.active && code !== keptCode) throw refused(`Cost center ${code} (${found.description}) is no longer in use; choose one that is, or all cost centers.`, 'costCenterCode');
  return found.id;
}

/** A role band asking for more approvals than there are people who may give them could never be completed. */
function checkEnoughPeople(band: ApprovalBand, candidates: readonly ApproverCandidate[]): void {
  if (band.approvers.kind !== 'role') return;
  const role = band.approvers.role;
  const eligible = candidates.filter((person) => role === 'supervisor' || person.role === 'admin');
  if (eligible.length >= band.approvalsRequired) return;
  const who = role === 'admin' ? 'admins' : 'supervisors and admins';
  const count = eligible.length === 0 ? `there are no ${who}` : `there ${eligible.length === 1 ? 'is' : 'are'} only ${eligible.length} (${nameList(eligible.map((p) => p.displayName))})`;
  throw refused(`The band needs ${band.approvalsRequired} approvals from ${who}, but ${count}; ask for fewer approvals or choose other approvers.`, 'approvalsRequired');
}

const sameBand = (a: ApprovalBand, b: ApprovalBand) =>
  a.costCenterCode === b.costCenterCode &&
  a.fromMinor === b.fromMinor &&
  a.approvalsRequired === b.approvalsRequired &&
  a.adminRequired === b.adminRequired &&
  JSON.stringify(a.approvers.kind === 'named' ? a.approvers.approvers.map((p) => p.id).sort() : a.approvers) ===
    JSON.stringify(b.approvers.kind === 'named' ? b.approvers.approvers.map((p) => p.id).sort() : b.approvers);

/** Adds a band (no id) or changes one; refused whole, with the sentence beside its field, when any part cannot stand. */
export async function saveApprovalBand(desk: Desk, caller: Caller, input: BandInput): Promise<ApprovalRulesView> {
  requireAdmin(caller, 'change approval bands');
  const locale = await localeOf(desk.db, caller);
  await inRetriedTransaction(desk.db, async (trx) => {
    await lockApprovalBands(trx);
    const bands = await loadApprovalBands(trx);
    const existing = input.id === undefined ? null : bands.find((band) => band.id === input.id);
    if (existing === undefined) throw notFound(`Approval band ${input.id} no longer exists; another admin may have deleted it. The list now shows the bands as they are.`);
    const costCenterId = await costCenterIdOf(trx, input.costCenterCode, existing?.costCenterCode ?? null);
    const approvers =
      input.approvers.kind === 'role'
        ? input.approvers
        : { kind: 'named' as const, approvers: (await namedApprovers(trx, input.approvers.operatorIds)).sort(byName) };
    const band: ApprovalBand = {
      id: existing?.id ?? 0,
      costCenterCode: input.costCenterCode,
      fromMinor: input.fromMinor,
      approvers,
      approvalsRequired: input.approvalsRequired,
      adminRequired: input.adminRequired,
    };
    const problems = bandProblems(band, locale);
    if (problems.length > 0) throw refusedWithProblems(problems);
    checkEnoughPeople(band, await listApproverCandidates(trx));
    const twin = bands.find((other) => other.id !== existing?.id && other.costCenterCode === band.costCenterCode && other.fromMinor === band.fromMinor);
    if (twin) {
      throw refused(
        `There is already a band from ${formatMoney(band.fromMinor, locale)} for ${scopeText(band.costCenterCode)}; change that band, or start this one at another amount.`,
        'fromMinor',
      );
    }
    if (existing && sameBand(existing, band)) return;

    const row: BandRow = { costCenterId, fromMinor: band.fromMinor, approvers: band.approvers, approvalsRequired: band.approvalsRequired, adminRequired: band.adminRequired };
    const now = desk.now();
    const who = caller.operator.displayName;
    const after = describeBand(band, locale);
    if (existing) {
      await updateApprovalBand(trx, existing.id, row, now);
      await appendAudit(trx, { operatorId: caller.operator.id, action: 'approval-band-changed', before: describeBand(existing, locale), after, detail: `Approval band changed by ${who}.` }, now);
    } else {
      await insertApprovalBand(trx, row, now);
      await appendAudit(trx, { operatorId: caller.operator.id, action: 'approval-band-created', before: null, after, detail: `Approval band added by ${who}: ${after}.` }, now);
    }
  });
  return readView(desk.db, locale);
}

/** Removes a band. A PO already submitted keeps the band it was submitted under; only later submits are judged without it. */
export async function deleteApprovalBand(desk: Desk, caller: Caller, id: number): Promise<ApprovalRulesView> {
  requireAdmin(caller, 'delete approval bands');
  const locale = await localeOf(desk.db, caller);
  await inRetriedTransaction(desk.db, async (trx) => {
    await lockApprovalBands(trx);
    const band = (await loadApprovalBands(trx)).find((b) => b.id === id);
    if (!band) throw notFound(`Approval band ${id} no longer exists; another admin may have deleted it. The list now shows the bands as they are.`);
    await deleteApprovalBandRow(trx, id);
    const before = describeBand(band, locale);
    const now = desk.now();
    await appendAudit(
      trx,
      { operatorId: caller.operator.id, action: 'approval-band-deleted', before, after: null, detail: `Approval band deleted by ${caller.operator.displayName}: ${before}.` },
      now,
    );
  });
  return readView(desk.db, locale);
}

const limitText = (minor: number | null, locale: LocaleCode) => (minor === null ? 'no limit' : formatMoney(minor, locale));

/** A supervisor's or admin's approval limit; null takes it away. */
export async function setApprovalLimit(desk: Desk, caller: Caller, input: LimitInput): Promise<ApprovalRulesView> {
  requireAdmin(caller, 'change approval limits');
  const locale = await localeOf(desk.db, caller);
  await inRetriedTransaction(desk.db, async (trx) => {
    await lockApprovalLimit(trx, input.operatorId);
    const [person] = await findOperatorsForBand(trx, [input.operatorId]);
    if (!person) throw notFound(`No operator has the id ${input.operatorId}; reopen the approval rules to see who approves.`);
    if (person.role === 'operator') {
      throw refused(`${person.displayName} is an operator, and only supervisors and admins approve, so only they have an approval limit.`, 'approvalLimitMinor');
    }
    if (!person.active) throw refused(`${person.displayName} can no longer sign in, so has no approval limit to change.`, 'approvalLimitMinor');
    if (person.approvalLimitMinor === input.approvalLimitMinor) return;
    await setOperatorApprovalLimit(trx, person.id, input.approvalLimitMinor);
    const before = limitText(person.approvalLimitMinor, locale);
    const after = limitText(input.approvalLimitMinor, locale);
    await appendAudit(
      trx,
      {
        operatorId: caller.operator.id,
        action: 'approval-limit-changed',
        before,
        after,
        detail: `Approval limit of ${person.displayName} changed by ${caller.operator.displayName}: ${before} → ${after}.`,
      },
      desk.now(),
    );
  });
  return readView(desk.db, locale);
}
