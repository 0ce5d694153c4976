import type { RowCodingSettingsView } from '../../shared/coding-schemas';
import type { ChartOfAccounts } from '../domain/coding/chart-of-accounts';
import { codingDimensions, type DimensionSet, organisationDefaults } from '../domain/coding/dimensions';
import type { PurchaseAccountMatrix } from '../domain/coding/purchase-account-matrix';
import { DEFAULT_ROW_CODING_SETTINGS } from '../domain/coding/row-coding';
import type { Db } from '../store/connect';
import {
  findOrganisation,
  type OrganisationRow,
  readChart,
  readMatrixForRules,
  readRowCodingSettingsJson,
  readSupplierTypeAccounts,
  setOf,
  type SupplierTypeAccounts,
} from '../store/repositories/coding-repo';
import { refused } from './app-failure';

/** Everything the coding rules need about one organisation, read once per call. */
export interface CodingContext {
  organisation: OrganisationRow;
  set: DimensionSet;
  dimensions: string[];
  organisationValues: Record<string, string>;
  chart: ChartOfAccounts;
  matrix: PurchaseAccountMatrix;
  accounts: SupplierTypeAccounts;
  settings: RowCodingSettingsView;
}

export const DEFAULT_SETTINGS_VIEW: RowCodingSettingsView = { ...DEFAULT_ROW_CODING_SETTINGS, operatorsMayOverrideCoding: false };

export async function readRowCodingSettings(db: Db): Promise<RowCodingSettingsView> {
  const stored = await readRowCodingSettingsJson(db);
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS_VIEW };
  for (const key of Object.keys(DEFAULT_SETTINGS_VIEW)) if (key in stored && typeof stored[key] === typeof settings[key]) settings[key] = stored[key];
  return settings as unknown as RowCodingSettingsView;
}

/** The organisation by code (null: the default one), refused by name when there is none. */
export async function requireOrganisation(db: Db, code: string | null, field = 'coding.organisationCode'): Promise<OrganisationRow> {
  const organisation = await findOrganisation(db, code);
  if (!organisation) throw refused(code === null ? 'There is no organisation to code POs for; an admin adds one under Admin → Coding.' : `There is no organisation ${code}.`, field);
  return organisation;
}

export async function loadCodingContext(db: Db, organisation: OrganisationRow): Promise<CodingContext> {
  const [set, chart, matrix, accounts, settings] = await Promise.all([setOf(db, organisation.id), readChart(db), readMatrixForRules(db), readSupplierTypeAccounts(db), readRowCodingSettings(db)]);
  return { organisation, set, dimensions: codingDimensions(set), organisationValues: organisationDefaults(set), chart, matrix, accounts, settings };
}
