import { afterEach, beforeEach, expect, it } from 'vitest';
import { forEachStore } from '../support/stores';
import { expectOk, openTestDesk, type TestDesk } from '../support/test-desk';

/**
 * The row-coding admin's deletes, the matrix checked as a whole, and the audit text of vendors' and
 * items' coding, on both stores through the real dispatcher. Demo coding (demo-coding.ts): cost
 * units CU-N, CU-S, CU-F and projects P-QUAY, P-ROOF, P-YARD in the global set and in the default
 * organisation MAIN's copy; the matrix gives CU-N (PPE × every), CU-F (TYRES × every) and P-QUAY
 * (PAINT × MARINE); BOLT is a LOCAL, domestic vendor with no values of its own.
 */
forEachStore((store) => {
  let t: TestDesk;
  beforeEach(async () => {
    t = await openTestDesk(store);
  });
  afterEach(async () => {
    await t.close();
  });

  const auditOf = (...actions: string[]) =>
    t.desk.db.selectFrom('audit_log').select(['action', 'before_value', 'after_value', 'detail']).where('action', 'in', actions).orderBy('id').execute();
  const valuesOf = async (scope: string | null, typeCode: string) => {
    const setup = expectOk(await t.call(await t.signIn('admin'), 'codingSetup', scope === null ? {} : { organisationCode: scope }));
    return setup.dimensionValues.filter((value) => value.organisationCode === (scope === null ? null : scope) && value.typeCode === typeCode).map((value) => value.code);
  };
  const codingTables = () =>
    Promise.all([
      t.desk.db.selectFrom('coding_dimension_types').selectAll().orderBy('scope_id').orderBy('code').execute(),
      t.desk.db.selectFrom('coding_dimension_values').selectAll().orderBy('scope_id').orderBy('type_code').orderBy('code').execute(),
      t.desk.db.selectFrom('coding_matrix_cells').selectAll().orderBy('product_group_id').orderBy('supplier_group_id').execute(),
      t.desk.db.selectFrom('audit_log').select('id').execute(),
    ]);

  it('deletes a value nothing uses, and refuses one still used on a PO, by a vendor or in the matrix, naming where and changing nothing', async () => {
    const admin = await t.signIn('admin');
    expectOk(await t.call(admin, 'saveDimensionValue', { organisationCode: 'MAIN', typeCode: 'cost-unit', code: 'CU-X', name: 'Extra', isDefault: true }));
    const deleted = expectOk(await t.call(admin, 'deleteDimensionValue', { organisationCode: 'MAIN', typeCode: 'cost-unit', code: 'cu-x' }));
    expect(deleted.dimensionValues.some((value) => value.code === 'CU-X')).toBe(false);
    // It was the default: the type has none now, and both changes are in the audit log, in codes.
    expect(deleted.dimensionTypes.find((type) => type.organisationCode === 'MAIN' && type.code === 'cost-unit')?.defaultValueCode).toBeNull();
    expect((await auditOf('dimension-value-deleted', 'dimension-default-changed')).slice(-2)).toMatchObject([
      { action: 'dimension-value-deleted', before_value: 'cost-unit CU-X (Extra), default', after_value: null },
      { action: 'dimension-default-changed', before_value: 'CU-X', after_value: null },
    ]);

    // In the matrix: the global CU-F is what the cell TYRES × every supplier group gives.
    const before = await codingTables();
    expect(await t.call(admin, 'deleteDimensionValue', { organisationCode: null, typeCode: 'cost-unit', code: 'CU-F' })).toMatchObject({
      ok: false,
      error: { code: 'refused', field: 'code', message: 'Cost unit CU-F (Fleet) is used by the matrix cell TYRES × every supplier group: take it off there first, or make it inactive.' },
    });
    // By a vendor: MAIN's CU-S once vendor BOLT codes by it (the vendor level serves every organisation).
    expectOk(await t.call(admin, 'saveVendorCoding', { organisationCode: 'MAIN', vendorCode: 'BOLT', supplierGroupCode: 'LOCAL', supplierType: 'domestic', values: { 'cost-unit': 'CU-S' } }));
    const afterVendor = await codingTables();
    expect(await t.call(admin, 'deleteDimensionValue', { organisationCode: 'MAIN', typeCode: 'cost-unit', code: 'CU-S' })).toMatchObject({
      ok: false,
      error: { field: 'code', message: "Cost unit CU-S (South crews) is used by vendor BOLT's coding: take it off there first, or make it inactive." },
    });
    expect(await codingTables()).toEqual(afterVendor);
    expect(afterVendor.slice(0, 3)).toEqual(before.slice(0, 3));

    // On a PO coded for MAIN: MAIN's P-YARD stays; the global copy is no PO's, so it may go.
    const alice = await t.signIn('alice');
    const line = { itemCode: 'BOLT-M8', description: 'Bolts', quantityMilli: 1000, unitCostMinor: 1000, glAccountCode: '5000', coding: { 'purchase-account': { value: '5000', via: 'matrix' }, project: { value: 'P-YARD', via: 'entered' } } };
    expectOk(await t.call(alice, 'savePo', { vendorCode: 'ACME', warehouseCode: 'MAIN', costCenterCode: '210', costCenterEntered: true, lines: [line] }));
    const used = await t.call(admin, 'deleteDimensionValue', { organisationCode: 'MAIN', typeCode: 'project', code: 'P-YARD' });
    expect(used).toMatchObject({ ok: false, error: { field: 'code', message: 'Project P-YARD (Fleet yard resurfacing) is used by 1 PO: make it inactive instead; POs and entries keep naming it.' } });
    expect(await valuesOf('MAIN', 'project')).toContain('P-YARD');
    expectOk(await t.call(admin, 'deleteDimensionValue', { organisationCode: null, typeCode: 'project', code: 'P-YARD' }));
    expect(await valuesOf(null, 'project')).toEqual(['P-QUAY', 'P-ROOF']);
    expect(await valuesOf('MAIN', 'project')).toEqual(['P-QUAY', 'P-ROOF', 'P-YARD']);

    expect(await t.call(admin, 'deleteDimensionValue', { organisationCode: 'MAIN', typeCode: 'project', code: 'P-NONE' })).toMatchObject({ ok: false, error: { field: 'code', message: 'There is no project P-NONE in organisation MAIN.' } });
    const sam = await t.signIn('sam');
    expect(await t.call(sam, 'deleteDimensionValue', { organisationCode: 'MAIN', typeCode: 'project', code: 'P-ROOF' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('deletes a type only once its values are gone and nothing is coded by it, and never a core one', async () => {
    const admin = await t.signIn('admin');
    expect(await t.call(admin, 'deleteDimensionType', { organisationCode: 'MAIN', code: 'project' })).toMatchObject({ ok: false, error: { field: 'code', message: 'Project is a core dimension; every row is coded by it, so it cannot be deleted.' } });
    expectOk(await t.call(admin, 'saveDimensionType', { organisationCode: 'MAIN', code: 'region', name: 'Region' }));
    expectOk(await t.call(admin, 'saveDimensionValue', { organisationCode: 'MAIN', typeCode: 'region', code: 'R-N', name: 'North' }));
    expectOk(await t.call(admin, 'saveDimensionValue', { organisationCode: 'MAIN', typeCode: 'region', code: 'R-S', name: 'South' }));
    const before = await codingTables();
    expect(await t.call(admin, 'deleteDimensionType', { organisationCode: 'MAIN', code: 'region' })).toMatchObject({
      ok: false,
      error: { field: 'code', message: 'Dimension type region (Region) has 2 values in organisation MAIN (R-N and R-S): delete them first, or make the type inactive.' },
    });
    expect(await codingTables()).toEqual(before);

    // A vendor coded by the type keeps it, even with the values gone from the set.
    expectOk(await t.call(admin, 'saveVendorCoding', { organisationCode: 'MAIN', vendorCode: 'ACME', supplierGroupCode: 'LOCAL', supplierType: 'domestic', values: { region: 'r-n' } }));
    const acme = expectOk(await t.call(admin, 'codingSetup', {})).vendors.find((vendor) => vendor.vendorCode === 'ACME');
    expect(acme?.values).toEqual({ region: 'R-N' });
    expect(await t.call(admin, 'deleteDimensionValue', { organisationCode: 'MAIN', typeCode: 'region', code: 'R-N' })).toMatchObject({ ok: false, error: { message: expect.stringContaining("vendor ACME's coding") } });
    expectOk(await t.call(admin, 'deleteDimensionValue', { organisationCode: 'MAIN', typeCode: 'region', code: 'R-S' }));
    expectOk(await t.call(admin, 'saveVendorCoding', { organisationCode: 'MAIN', vendorCode: 'ACME', supplierGroupCode: 'LOCAL', supplierType: 'domestic', values: { region: null } }));
    expectOk(await t.call(admin, 'deleteDimensionValue', { organisationCode: 'MAIN', typeCode: 'region', code: 'R-N' }));
    const gone = expectOk(await t.call(admin, 'deleteDimensionType', { organisationCode: 'MAIN', code: 'REGION' }));
    expect(gone.dimensionTypes.some((type) => type.code === 'region')).toBe(false);
    expect((await auditOf('dimension-type-deleted')).at(-1)).toMatchObject({ before_value: 'region (Region)', after_value: null, detail: expect.stringContaining('deleted from organisation MAIN') });
  });

  it('checks a matrix cell against the set of the organisation edited, or the global one, and the matrix as a whole', async () => {
    const admin = await t.signIn('admin');
    expectOk(await t.call(admin, 'saveOrganisation', { code: 'WEST', name: 'West', autoGenerate: false }));
    expectOk(await t.call(admin, 'saveDimensionValue', { organisationCode: 'WEST', typeCode: 'project', code: 'P-WEST', name: 'West quay' }));
    expectOk(await t.call(admin, 'saveDimensionValue', { organisationCode: null, typeCode: 'cost-unit', code: 'CU-G', name: 'Global only' }));
    const cell = (extra: Record<string, unknown>) => ({ productGroupCode: 'FASTENERS', supplierGroupCode: 'LOCAL', accounts: { domestic: '5000', eu: null, import: null }, ...extra });
    const before = await codingTables();
    // WEST's own project is not in the global set, nor in the default organisation's.
    expect(await t.call(admin, 'saveMatrixCell', cell({ projectCode: 'P-WEST' }))).toMatchObject({
      ok: false,
      error: { field: 'projectCode', message: 'The cell product group FASTENERS × supplier group LOCAL gives project P-WEST, but there is no project P-WEST.' },
    });
    expect(await t.call(admin, 'saveMatrixCell', cell({ organisationCode: 'MAIN', projectCode: 'P-WEST' }))).toMatchObject({ ok: false, error: { field: 'projectCode' } });
    // CU-G is global only: fine for the global set, unknown to MAIN.
    expect(await t.call(admin, 'saveMatrixCell', cell({ organisationCode: 'MAIN', costUnitCode: 'CU-G' }))).toMatchObject({ ok: false, error: { field: 'costUnitCode', message: expect.stringContaining('there is no cost unit CU-G') } });
    expect(await t.call(admin, 'saveMatrixCell', cell({ accounts: { domestic: null, eu: null, import: null } }))).toMatchObject({ ok: false, error: { field: 'accounts.domestic', message: expect.stringContaining('gives nothing') } });
    expect(await codingTables()).toEqual(before);
    const west = expectOk(await t.call(admin, 'saveMatrixCell', cell({ organisationCode: 'WEST', projectCode: 'p-west' })));
    expect(west.organisationCode).toBe('WEST');
    expect(west.matrix.find((row) => row.productGroupCode === 'FASTENERS' && row.supplierGroupCode === 'LOCAL')).toMatchObject({ projectCode: 'P-WEST' });
    expectOk(await t.call(admin, 'saveMatrixCell', cell({ costUnitCode: 'CU-G' })));

    // Account 5200 made inactive breaks the cell TYRES × every: other cells still save; that one only without it.
    expectOk(await t.call(admin, 'saveChartAccount', { code: '5200', active: false, requirements: { 'cost-center': 'yes', 'cost-unit': 'yes', project: 'no' } }));
    expectOk(await t.call(admin, 'saveMatrixCell', cell({ accounts: { domestic: '5100', eu: null, import: null } })));
    expect(await t.call(admin, 'saveMatrixCell', { productGroupCode: 'TYRES', supplierGroupCode: null, accounts: { domestic: '5200', eu: '5100', import: null }, costUnitCode: 'CU-F' })).toMatchObject({
      ok: false,
      error: { field: 'accounts.domestic', message: 'The cell product group TYRES × every supplier group gives domestic suppliers account 5200, which is inactive.' },
    });
    expectOk(await t.call(admin, 'saveMatrixCell', { productGroupCode: 'TYRES', supplierGroupCode: null, accounts: { domestic: '5100', eu: '5100', import: '5100' }, costUnitCode: 'CU-F' }));
    const saved = (await auditOf('matrix-cell-saved')).at(-1);
    expect(saved).toMatchObject({ before_value: 'domestic 5200, EU 5200, import 5200, cost center -, cost unit CU-F, project -', after_value: 'domestic 5100, EU 5100, import 5100, cost center -, cost unit CU-F, project -' });
  });

  it('deletes a matrix cell, audited with what it gave; rows then take the cell for every supplier group', async () => {
    const admin = await t.signIn('admin');
    const deleted = expectOk(await t.call(admin, 'deleteMatrixCell', { productGroupCode: 'paint', supplierGroupCode: 'marine' }));
    expect(deleted.matrix.filter((row) => row.productGroupCode === 'PAINT').map((row) => row.supplierGroupCode)).toEqual([null]);
    expect((await auditOf('matrix-cell-deleted')).at(-1)).toMatchObject({ before_value: 'PAINT × MARINE: domestic 5100, EU 5100, import 5100, cost center -, cost unit -, project P-QUAY', after_value: null });
    const alice = await t.signIn('alice');
    const coded = expectOk(await t.call(alice, 'codeRow', { vendorCode: 'HARBOUR', rowNumber: 1, subject: { kind: 'part', itemCode: 'PAINT-5L' } }));
    expect(coded.row).toEqual({ 'purchase-account': { value: '5000', via: 'matrix' } });
    const sam = await t.signIn('sam');
    const before = await codingTables();
    expect(await t.call(admin, 'deleteMatrixCell', { productGroupCode: 'PAINT', supplierGroupCode: 'MARINE' })).toMatchObject({ ok: false, error: { field: 'productGroupCode', message: 'There is no matrix cell PAINT × MARINE.' } });
    expect(await t.call(sam, 'deleteMatrixCell', { productGroupCode: 'PAINT', supplierGroupCode: null })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await codingTables()).toEqual(before);
  });

  it("records vendors' and items' coding before and after in the same words, in codes", async () => {
    const admin = await t.signIn('admin');
    expectOk(await t.call(admin, 'saveVendorCoding', { vendorCode: 'BOLT', supplierGroupCode: 'MARINE', supplierType: 'eu', payablesAccountCode: '2440', values: { 'cost-unit': 'CU-N', project: 'P-ROOF', 'cost-center': '210' } }));
    // A dimension left out keeps its value; null drops one.
    expectOk(await t.call(admin, 'saveVendorCoding', { vendorCode: 'BOLT', supplierGroupCode: 'MARINE', supplierType: 'import', payablesAccountCode: null, values: { project: null } }));
    const vendors = await auditOf('vendor-coding-changed');
    expect(vendors.slice(-2)).toMatchObject([
      {
        before_value: 'supplier group LOCAL, domestic, payables the standard account, values none',
        after_value: 'supplier group MARINE, EU, payables 2440, values cost-center 210, cost-unit CU-N, project P-ROOF',
      },
      {
        before_value: 'supplier group MARINE, EU, payables 2440, values cost-center 210, cost-unit CU-N, project P-ROOF',
        after_value: 'supplier group MARINE, import, payables the standard account, values cost-center 210, cost-unit CU-N',
      },
    ]);
    const before = await codingTables();
    expect(await t.call(admin, 'saveVendorCoding', { vendorCode: 'BOLT', supplierGroupCode: 'MARINE', supplierType: 'eu', values: { 'purchase-account': '5000' } })).toMatchObject({
      ok: false,
      error: { field: 'values.purchase-account', message: expect.stringContaining('The vendor level has no purchase account') },
    });
    expect(await codingTables()).toEqual(before);

    expectOk(await t.call(admin, 'saveItemCoding', { itemCode: 'GLOVE-L', productGroupCode: 'FASTENERS', setupPriceForItemCode: 'BOLT-M8' }));
    expectOk(await t.call(admin, 'saveItemCoding', { itemCode: 'GLOVE-L', productGroupCode: null }));
    expect((await auditOf('item-coding-changed')).slice(-2)).toMatchObject([
      { before_value: 'product group PPE, not a setup price', after_value: 'product group FASTENERS, setup price of BOLT-M8' },
      { before_value: 'product group FASTENERS, setup price of BOLT-M8', after_value: 'product group none, not a setup price' },
    ]);
  });
});
