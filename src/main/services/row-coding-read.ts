import type { ChartOfAccounts } from '../domain/coding/chart-of-accounts';
import { invoicedByLine } from '../store/repositories/invoice-repo';
import type { DimensionSet } from '../domain/coding/dimensions';
import type { CodingLevel } from '../domain/coding/precedence';
import { resolveRowCoding, type RowResolvedValue, type RowVia } from '../domain/coding/row-coding';
import type { Db } from '../store/connect';
import { findOrganisation, listOrganisations, listVendorCoding, readLineCoding, readPoHeaderCoding, readSupplierTypeAccounts } from '../store/repositories/coding-repo';
import { type CodingContext, loadCodingContext } from './coding-context';

/**
 * Reads of a stored PO's row coding for other features (supplier invoices, the PO document): every
 * line's coding resolved over the five levels, organisation → vendor → PO header → PO row →
 * distribution. The distribution level is the line's own distribution: its G/L account is the
 * purchase account and its cost center the cost center there (the Spectrum rules guarded both when
 * the PO was saved). The PO header level holds the header's cost center besides the header coding.
 */

export interface StoredCodingLine {
  id: number;
  glAccountCode: string | null;
  costCenterCode: string | null;
}

export interface StoredPoCoding {
  context: CodingContext;
  vendorValues: Record<string, string>;
  headerValues: Record<string, string>;
  /** po_lines.id → the PO-row level as stored. */
  rows: Map<number, Record<string, { value: string; via: RowVia }>>;
  /** po_lines.id → every dimension resolved. */
  resolved: Map<number, Record<string, RowResolvedValue>>;
}

/** The distribution level of a stored line. */
export const distributionLevel = (line: { glAccountCode: string | null; costCenterCode: string | null }): Record<string, string> => {
  const values: Record<string, string> = {};
  if (line.glAccountCode) values['purchase-account'] = line.glAccountCode;
  if (line.costCenterCode) values['cost-center'] = line.costCenterCode;
  return values;
};

/** The PO header level: the header coding with the header's cost center. */
export const headerLevel = (values: Readonly<Record<string, string>>, headerCostCenterCode: string | null): Record<string, string> =>
  headerCostCenterCode && !values['cost-center'] ? { ...values, 'cost-center': headerCostCenterCode } : { ...values };

async function contextOfPo(db: Db, organisationId: number | undefined): Promise<CodingContext | null> {
  const organisations = await listOrganisations(db);
  const organisation = organisations.find((row) => row.id === organisationId) ?? (await findOrganisation(db, null));
  return organisation ? loadCodingContext(db, organisation) : null;
}

/** A stored PO's coding, given the lines already read (getPoDetail / findStoredLines); null when the PO does not exist or no organisation does. */
export async function readStoredPoCoding(db: Db, poId: number, lines?: readonly StoredCodingLine[]): Promise<StoredPoCoding | null> {
  const po = await db
    .selectFrom('purchase_orders as po')
    .leftJoin('cost_centers as cc', 'cc.id', 'po.cost_center_id')
    .select(['po.vendor_id', 'cc.code as costCenterCode'])
    .where('po.id', '=', poId)
    .executeTakeFirst();
  if (!po) return null;
  const storedLines =
    lines ??
    (await db
      .selectFrom('po_lines as l')
      .innerJoin('po_line_distributions as d', 'd.line_id', 'l.id')
      .leftJoin('gl_accounts as gl', 'gl.id', 'd.gl_account_id')
      .leftJoin('cost_centers as cc', 'cc.id', 'd.cost_center_id')
      .select(['l.id', 'gl.code as glAccountCode', 'cc.code as costCenterCode'])
      .where('l.po_id', '=', poId)
      .orderBy('l.line_number')
      .execute());
  const [header, vendors, rows] = await Promise.all([readPoHeaderCoding(db, poId), listVendorCoding(db, [po.vendor_id]), readLineCoding(db, storedLines.map((line) => line.id))]);
  const context = await contextOfPo(db, header.organisationId);
  if (!context) return null;
  const vendorValues = vendors[0]?.values ?? {};
  const upper = { organisation: context.organisationValues, vendor: vendorValues, poHeader: headerLevel(header.values, po.costCenterCode) };
  const resolved = new Map<number, Record<string, RowResolvedValue>>();
  for (const line of storedLines) {
    resolved.set(line.id, resolveRowCoding({ upper, row: rows.get(line.id) ?? {}, distribution: distributionLevel(line), chart: context.chart, dimensions: context.dimensions, set: context.set }));
  }
  return { context, vendorValues, headerValues: header.values, rows: rows as StoredPoCoding['rows'], resolved };
}

export type LineCodingRead = Record<string, { value: string | null; level: CodingLevel | null; via?: RowVia }>;

/** Every line of the PO (po_lines.id) → dimension code → its value, the level it came from and, for a PO-row value, how it got there. */
export async function loadPoRowCoding(db: Db, poId: number): Promise<Map<number, LineCodingRead>> {
  const coding = await readStoredPoCoding(db, poId);
  const result = new Map<number, LineCodingRead>();
  if (!coding) return result;
  for (const [lineId, resolved] of coding.resolved) {
    const line: LineCodingRead = {};
    for (const [dimension, value] of Object.entries(resolved)) line[dimension] = value.via ? { value: value.value, level: value.level, via: value.via } : { value: value.value, level: value.level };
    result.set(lineId, line);
  }
  return result;
}

/** The chart of accounts and dimension set the PO's organisation codes by. */
export async function loadCodingReference(db: Db, poId: number): Promise<{ chart: ChartOfAccounts; set: DimensionSet }> {
  const header = await readPoHeaderCoding(db, poId);
  const context = await contextOfPo(db, header.organisationId);
  return context ? { chart: context.chart, set: context.set } : { chart: { accounts: [] }, set: { types: [], values: [] } };
}

/**
 * The account an invoice from the vendor is credited to: the vendor's own payables account, else
 * the standard payables account for its supplier type (a vendor never set up is domestic); null
 * when neither is set.
 */
export async function loadVendorPayablesAccount(db: Db, vendorId: number): Promise<string | null> {
  const [vendors, accounts] = await Promise.all([listVendorCoding(db, [vendorId]), readSupplierTypeAccounts(db)]);
  const vendor = vendors[0];
  if (!vendor) return null;
  return vendor.payablesAccount ?? accounts.payables[vendor.supplierType] ?? null;
}

/** Lines (po_lines.id) that have supplier-invoice rows: their coding is booked and read-only. */
export async function invoicedLineIds(db: Db, lineIds: readonly number[]): Promise<Set<number>> {
  return new Set((await invoicedByLine(db, lineIds)).keys());
}

/** Whether the line has been invoiced (any supplier-invoice row). */
export async function isLineInvoiced(db: Db, lineId: number): Promise<boolean> {
  return (await invoicedLineIds(db, [lineId])).has(lineId);
}
