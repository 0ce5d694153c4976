import { type Distribution, type EntryCoding, entryCodingOf } from '../domain/coding/accounting-entry';
import type { ChartOfAccounts } from '../domain/coding/chart-of-accounts';
import type { DimensionSet } from '../domain/coding/dimensions';
import type { Db } from '../store/connect';
import { loadCodingReference, loadPoRowCoding, loadVendorPayablesAccount } from './row-coding-read';

/**
 * The coding a supplier invoice books on, read through row coding's own reads (row-coding-read.ts):
 * each PO row's resolved coding, the vendor's payables account, and the chart of accounts and
 * dimension set the invoice check judges the rows by.
 *
 * Distributions: a row is debited once per distribution it holds (po_line_distributions), weighted
 * by the distribution's amount, so the entry splits the invoiced amount the way the row is split. A
 * row's resolved coding already carries its one distribution's G/L account and cost center (the
 * distribution level); a row split over several distributions takes, per distribution, that
 * distribution's own purchase account and cost center where it holds one, the most specific level
 * winning as precedence.ts says, and the row's coding for the rest.
 */
export interface InvoiceCodingFacts {
  distributionsByLine: Map<number, Distribution[]>;
  payablesAccount: string | null;
  chart: ChartOfAccounts;
  set: DimensionSet;
}

interface StoredDistribution {
  lineId: number;
  amountMinor: number;
  glAccountCode: string | null;
  costCenterCode: string | null;
}

async function storedDistributions(db: Db, lineIds: readonly number[]): Promise<Map<number, StoredDistribution[]>> {
  const byLine = new Map<number, StoredDistribution[]>();
  if (lineIds.length === 0) return byLine;
  const rows = await db
    .selectFrom('po_line_distributions as d')
    .leftJoin('gl_accounts as gl', 'gl.id', 'd.gl_account_id')
    .leftJoin('cost_centers as cc', 'cc.id', 'd.cost_center_id')
    .select(['d.line_id as lineId', 'd.amount_minor as amountMinor', 'gl.code as glAccountCode', 'cc.code as costCenterCode'])
    .where('d.line_id', 'in', [...lineIds])
    .orderBy('d.line_id')
    .orderBy('d.id')
    .execute();
  for (const row of rows) byLine.set(row.lineId, [...(byLine.get(row.lineId) ?? []), row]);
  return byLine;
}

/** The distributions of one row as the entry debits them; weights are the distributions' amounts, or equal when none holds an amount. */
export function distributionsOf(rowCoding: EntryCoding, stored: readonly StoredDistribution[]): Distribution[] {
  if (stored.length <= 1) return [{ weight: 1, coding: rowCoding }];
  const weighted = stored.some((distribution) => distribution.amountMinor > 0);
  return stored.map((distribution) => ({
    weight: weighted ? Math.max(0, distribution.amountMinor) : 1,
    coding: {
      ...rowCoding,
      purchaseAccount: distribution.glAccountCode ?? rowCoding.purchaseAccount,
      costCenter: distribution.costCenterCode ?? rowCoding.costCenter,
    },
  }));
}

export async function loadInvoiceCodingFacts(db: Db, poId: number, vendorId: number, lineIds: readonly number[]): Promise<InvoiceCodingFacts> {
  const [rowCoding, payablesAccount, reference, stored] = await Promise.all([
    loadPoRowCoding(db, poId),
    loadVendorPayablesAccount(db, vendorId),
    loadCodingReference(db, poId),
    storedDistributions(db, lineIds),
  ]);
  const distributionsByLine = new Map<number, Distribution[]>();
  for (const lineId of lineIds) {
    const resolved = rowCoding.get(lineId) ?? {};
    const coding = entryCodingOf(Object.fromEntries(Object.entries(resolved).map(([dimension, held]) => [dimension, { dimension, value: held.value ?? null }])));
    distributionsByLine.set(lineId, distributionsOf(coding, stored.get(lineId) ?? []));
  }
  return { distributionsByLine, payablesAccount, chart: reference.chart, set: reference.set };
}
