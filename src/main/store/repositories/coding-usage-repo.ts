import type { DimensionUsage } from '../../domain/coding/dimension-deletion';
import type { Db } from '../connect';
import { GLOBAL_SCOPE } from './coding-repo';

/**
 * Where a dimension value — or, without a value code, any value of a type — is still used, for
 * deleting it from one scope (dimensions.ts valueDeletion / typeDeletion):
 * - POs (their rows or header) and the accounting entries of their invoices count only for the
 *   organisation the PO is coded for: an organisation codes by its own copy of the global set, so
 *   deleting a global value leaves every stored PO as it was;
 * - vendors' coding and matrix cells are kept once for every organisation, so they count whatever
 *   the scope.
 * Codes are compared as stored: the set's spelling is what rows, vendors and cells store.
 */
export async function dimensionUsage(db: Db, scopeId: number, typeCode: string, valueCode?: string): Promise<DimensionUsage> {
  const [purchaseOrders, accountingEntries, vendors, matrixCells] = await Promise.all([
    scopeId === GLOBAL_SCOPE ? 0 : poCount(db, scopeId, typeCode, valueCode),
    scopeId === GLOBAL_SCOPE ? 0 : entryCount(db, scopeId, typeCode, valueCode),
    vendorCodes(db, typeCode, valueCode),
    matrixCellNames(db, typeCode, valueCode),
  ]);
  return { purchaseOrders, accountingEntries, vendors, matrixCells };
}

async function poCount(db: Db, organisationId: number, typeCode: string, valueCode?: string): Promise<number> {
  let rows = db
    .selectFrom('po_line_coding as c')
    .innerJoin('po_lines as l', 'l.id', 'c.line_id')
    .innerJoin('po_coding as p', 'p.po_id', 'l.po_id')
    .select('l.po_id as poId')
    .where('p.organisation_id', '=', organisationId)
    .where('c.dimension_code', '=', typeCode);
  let headers = db.selectFrom('po_header_coding as h').innerJoin('po_coding as p', 'p.po_id', 'h.po_id').select('h.po_id as poId').where('p.organisation_id', '=', organisationId).where('h.dimension_code', '=', typeCode);
  if (valueCode !== undefined) {
    rows = rows.where('c.value_code', '=', valueCode);
    headers = headers.where('h.value_code', '=', valueCode);
  }
  const [onRows, onHeaders] = await Promise.all([rows.execute(), headers.execute()]);
  return new Set([...onRows, ...onHeaders].map((row) => row.poId)).size;
}

async function entryCount(db: Db, organisationId: number, typeCode: string, valueCode?: string): Promise<number> {
  const base = db
    .selectFrom('accounting_entry_lines as el')
    .innerJoin('accounting_entries as e', 'e.id', 'el.entry_id')
    .innerJoin('supplier_invoices as i', 'i.id', 'e.invoice_id')
    .innerJoin('po_coding as p', 'p.po_id', 'i.po_id')
    .where('p.organisation_id', '=', organisationId);
  if (typeCode === 'cost-unit' || typeCode === 'project') {
    const column = typeCode === 'cost-unit' ? 'el.cost_unit' : 'el.project';
    const query = valueCode === undefined ? base.where(column, 'is not', null) : base.where(column, '=', valueCode);
    return new Set((await query.select('el.entry_id as entryId').execute()).map((row) => row.entryId)).size;
  }
  const lines = await base.select(['el.entry_id as entryId', 'el.other_dimensions as other']).where('el.other_dimensions', '<>', '{}').execute();
  const naming = lines.filter((line) => {
    const other = JSON.parse(line.other) as Record<string, string>;
    return valueCode === undefined ? other[typeCode] !== undefined : other[typeCode] === valueCode;
  });
  return new Set(naming.map((line) => line.entryId)).size;
}

async function vendorCodes(db: Db, typeCode: string, valueCode?: string): Promise<string[]> {
  let query = db.selectFrom('coding_vendor_values as c').innerJoin('vendors as v', 'v.id', 'c.vendor_id').select('v.code').where('c.dimension_code', '=', typeCode).orderBy('v.code');
  if (valueCode !== undefined) query = query.where('c.value_code', '=', valueCode);
  return (await query.execute()).map((row) => row.code);
}

/** The matrix holds cost units and projects of its own; other dimensions it never names. */
async function matrixCellNames(db: Db, typeCode: string, valueCode?: string): Promise<string[]> {
  if (typeCode !== 'cost-unit' && typeCode !== 'project') return [];
  const column = typeCode === 'cost-unit' ? 'm.cost_unit' : 'm.project';
  let query = db
    .selectFrom('coding_matrix_cells as m')
    .innerJoin('coding_product_groups as pg', 'pg.id', 'm.product_group_id')
    .leftJoin('coding_supplier_groups as sg', 'sg.id', 'm.supplier_group_id')
    .select(['pg.code as productGroup', 'sg.code as supplierGroup', 'm.supplier_group_id as supplierGroupId'])
    .orderBy('pg.code')
    .orderBy('m.supplier_group_id');
  query = valueCode === undefined ? query.where(column, 'is not', null) : query.where(column, '=', valueCode);
  return (await query.execute()).map((row) => `${row.productGroup} × ${row.supplierGroupId === 0 || row.supplierGroup === null ? 'every supplier group' : row.supplierGroup}`);
}
