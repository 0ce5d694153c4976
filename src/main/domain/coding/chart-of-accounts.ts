/**
 * The chart of accounts as coding sees it, pure: for each purchase account, whether it takes a
 * cost center, a cost unit and a project — No, Yes or Mandatory.
 *
 * | requirement | the row's coding                                                                  |
 * |-------------|-----------------------------------------------------------------------------------|
 * | No          | the sub-object is not coded: a value from any level is dropped, and entering one is refused |
 * | Yes         | optional; when the matrix gives none it comes from the row above (row-coding.ts)  |
 * | Mandatory   | as Yes, and a save under "mandatory coding on order rows" refuses a row without it |
 * | not given   | Yes, except that it does not ask for the row above's value: an account the admin has not set up for a dimension restricts nothing, so no coding is thrown away by an omission, and nothing is copied that the account never asked for |
 *
 * An account that is not in the chart at all governs nothing either; the save check refuses it by
 * name, because an entry cannot be booked on an account the accounting system does not have.
 */
import { dimensionLabel, type DimensionSet, SUB_OBJECTS } from './dimensions';

export const REQUIREMENTS = ['no', 'yes', 'mandatory'] as const;
export type Requirement = (typeof REQUIREMENTS)[number];

export const REQUIREMENT_TEXT: Readonly<Record<Requirement, string>> = { no: 'No', yes: 'Yes', mandatory: 'Mandatory' };

export interface ChartAccount {
  code: string;
  name: string;
  active: boolean;
  /** Sub-object dimension → requirement; a dimension not listed is Yes. */
  requirements: Readonly<Partial<Record<string, Requirement>>>;
}

export interface ChartOfAccounts {
  accounts: readonly ChartAccount[];
}

export function findAccount(chart: ChartOfAccounts, code: string | null): ChartAccount | undefined {
  if (code === null) return undefined;
  return chart.accounts.find((account) => account.code.toLowerCase() === code.toLowerCase());
}

/** What the account asks of one dimension; an unknown or absent account asks nothing (Yes). */
export function requirementOf(account: ChartAccount | undefined, dimension: string): Requirement {
  return account?.requirements[dimension] ?? 'yes';
}

/** The account itself asks for the dimension (Yes or Mandatory set on it), as the row-above rule needs; a requirement not given asks nothing. */
export function asksFor(account: ChartAccount | undefined, dimension: string): boolean {
  const requirement = account?.requirements[dimension];
  return requirement === 'yes' || requirement === 'mandatory';
}

/** "Account 4010 (Raw material) takes no project." */
export function takesNoText(account: ChartAccount, dimension: string, set?: DimensionSet): string {
  return `Account ${account.code} (${account.name}) takes no ${dimensionLabel(dimension, set)}.`;
}

/** What the admin screen refuses in an account; `others` is the chart without it. */
export function chartAccountProblems(account: ChartAccount, others: ChartOfAccounts): string[] {
  const problems: string[] = [];
  if (account.code.trim() === '') problems.push('Enter the account code.');
  if (account.name.trim() === '') problems.push(`Enter a name for account ${account.code}.`);
  const clash = findAccount(others, account.code);
  if (clash) problems.push(`There is already an account ${clash.code} (${clash.name}).`);
  for (const [dimension, requirement] of Object.entries(account.requirements)) {
    if (requirement !== undefined && !(REQUIREMENTS as readonly string[]).includes(requirement)) {
      problems.push(`The ${dimensionLabel(dimension)} requirement of account ${account.code} must be No, Yes or Mandatory; it is ${String(requirement)}.`);
    }
  }
  return problems;
}

/** The requirement of every sub-object the chart governs, for the admin grid. */
export function subObjectRequirements(account: ChartAccount): Record<(typeof SUB_OBJECTS)[number], Requirement> {
  return {
    'cost-center': requirementOf(account, 'cost-center'),
    'cost-unit': requirementOf(account, 'cost-unit'),
    project: requirementOf(account, 'project'),
  };
}
