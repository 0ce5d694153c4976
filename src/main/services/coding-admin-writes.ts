import type { CodingSetup } from '../../shared/coding-schemas';
import type { Db } from '../store/connect';
import { appendAudit } from '../store/repositories/audit-repo';
import { findOrganisation, GLOBAL_SCOPE, listGroups } from '../store/repositories/coding-repo';
import { inRetriedTransaction } from '../store/transaction';
import { forbidden, refused } from './app-failure';
import { readCodingSetup } from './coding-setup-service';
import type { Caller, Desk } from './desk';

/** What every coding admin write shares: admins only, one transaction, audited, a refusal beside its field. */

export function requireAdmin(caller: Caller, what: string): void {
  if (caller.operator.role !== 'admin') throw forbidden(`Only an administrator can ${what}; you are signed in as ${caller.operator.role === 'supervisor' ? 'a supervisor' : 'an operator'}.`);
}

export type Trx = Db;
export const audit = (trx: Trx, caller: Caller, at: string, action: string, rule: string, before: string | null, after: string | null, detail: string) =>
  appendAudit(trx, { operatorId: caller.operator.id, action, rule, before, after, detail: `${detail} By ${caller.operator.displayName}.` }, at);

export async function write(desk: Desk, caller: Caller, what: string, organisationCode: string | null, work: (trx: Trx, at: string) => Promise<void>): Promise<CodingSetup> {
  requireAdmin(caller, what);
  const at = desk.now();
  await inRetriedTransaction(desk.db, (trx) => work(trx, at));
  return readCodingSetup(desk.db, caller, organisationCode);
}

export async function scopeOf(db: Db, organisationCode: string | null): Promise<{ scopeId: number; name: string }> {
  if (organisationCode === null) return { scopeId: GLOBAL_SCOPE, name: 'the global set' };
  const organisation = await findOrganisation(db, organisationCode);
  if (!organisation) throw refused(`There is no organisation ${organisationCode}.`, 'organisationCode');
  return { scopeId: organisation.id, name: `organisation ${organisation.code}` };
}

export const firstProblem = (problems: string[], field: string) => {
  if (problems.length > 0) throw refused(problems.join(' '), field);
};

export async function glAccountId(trx: Trx, code: string | null, field: string): Promise<number | null> {
  if (code === null) return null;
  const row = await trx.selectFrom('gl_accounts').select('id').where('code', '=', code.toUpperCase()).executeTakeFirst();
  if (!row) throw refused(`There is no account ${code} in the chart of accounts.`, field);
  return row.id;
}

export async function groupId(trx: Trx, table: 'coding_product_groups' | 'coding_supplier_groups', code: string | null, field: string): Promise<number | null> {
  if (code === null) return null;
  const group = (await listGroups(trx, table)).find((row) => row.code.toLowerCase() === code.toLowerCase());
  if (!group) throw refused(`There is no ${table === 'coding_product_groups' ? 'product' : 'supplier'} group ${code}.`, field);
  return group.id;
}

/** The set a vendor's or the matrix's values are checked against: the organisation being edited, or the global one. */
