import { afterEach, beforeEach, expect, it } from 'vitest';
import { forEachStore } from '../support/stores';
import { expectOk, openTestDesk, snapshotPoTables, type TestDesk } from '../support/test-desk';

/**
 * Order-row coding on both stores, through the real dispatcher. Demo coding: BOLT is a LOCAL,
 * domestic vendor, HARBOUR a MARINE, EU one; TYRE-22 is in TYRES (→ 5200, cost unit CU-F),
 * BOLT-M8 in FASTENERS (→ 5000), FILTER-H in HYDRAULICS (→ 5100, which makes a project Mandatory),
 * PAINT-5L in PAINT (→ 5000, but from MARINE suppliers 5100 with project P-QUAY). Row above is on.
 */
forEachStore((store) => {
  let t: TestDesk;
  beforeEach(async () => {
    t = await openTestDesk(store);
  });
  afterEach(async () => {
    await t.close();
  });

  const row = (itemCode: string, coding: Record<string, { value: string; via: string }> = {}, extra: Record<string, unknown> = {}) => ({
    itemCode,
    description: `Row for ${itemCode}`,
    quantityMilli: 1000,
    unitCostMinor: 1000,
    // Expense lines need their G/L account; the entry screen puts the row's purchase account there.
    glAccountCode: coding['purchase-account']?.value ?? null,
    coding,
    ...extra,
  });
  const po = (lines: unknown[], extra: Record<string, unknown> = {}) => ({ vendorCode: 'BOLT', warehouseCode: 'MAIN', costCenterCode: '210', costCenterEntered: true, lines, ...extra });
  const byDimension = (resolved: { dimension: string; value: string | null; level: string | null; via: string | null }[]) =>
    Object.fromEntries(resolved.map((entry) => [entry.dimension, [entry.value, entry.level, entry.via]]));

  /** Codes rows one after the other as the entry screen does, each with the row above's coding. */
  async function codeRows(session: string, vendorCode: string, items: string[], header: Record<string, string> = {}) {
    const rows: Record<string, { value: string; via: string }>[] = [];
    for (const [index, itemCode] of items.entries()) {
      const above = index === 0 ? null : { rowNumber: index, coding: rows[index - 1] as Record<string, { value: string; via: 'matrix' }> };
      const coded = expectOk(
        await t.call(session, 'codeRow', {
          vendorCode,
          warehouseCode: 'MAIN',
          headerCostCenterCode: '210',
          header: { organisationCode: null, values: header },
          rowNumber: index + 1,
          subject: { kind: 'part', itemCode },
          rowAbove: above as never,
        }),
      );
      rows.push(coded.row);
    }
    return rows;
  }

  it('defaults rows by the matrix for the vendor’s supplier type, carries the row above where the matrix gives nothing, and keeps every level through savePo and openPo', async () => {
    const alice = await t.signIn('alice');
    const rows = await codeRows(alice, 'BOLT', ['TYRE-22', 'BOLT-M8', 'FILTER-H'], { project: 'P-ROOF' });
    expect(rows[0]).toEqual({ 'purchase-account': { value: '5200', via: 'matrix' }, 'cost-unit': { value: 'CU-F', via: 'matrix' } });
    // The matrix wins for the account; the cost unit it does not give comes from the row above.
    expect(rows[1]).toEqual({ 'purchase-account': { value: '5000', via: 'matrix' }, 'cost-unit': { value: 'CU-F', via: 'row-above' } });
    expect(rows[2]).toEqual({ 'purchase-account': { value: '5100', via: 'matrix' }, 'cost-unit': { value: 'CU-F', via: 'row-above' } });

    const marine = expectOk(await t.call(alice, 'codeRow', { vendorCode: 'HARBOUR', rowNumber: 1, subject: { kind: 'part', itemCode: 'PAINT-5L' } }));
    expect(marine.supplier).toEqual({ supplierGroupCode: 'MARINE', supplierType: 'eu' });
    expect(marine.row).toEqual({ 'purchase-account': { value: '5100', via: 'matrix' }, project: { value: 'P-QUAY', via: 'matrix' } });
    const local = expectOk(await t.call(alice, 'codeRow', { vendorCode: 'BOLT', rowNumber: 1, subject: { kind: 'part', itemCode: 'PAINT-5L' } }));
    expect(local.row).toEqual({ 'purchase-account': { value: '5000', via: 'matrix' } });

    const saved = expectOk(await t.call(alice, 'savePo', po(rows.map((coding, index) => row(['TYRE-22', 'BOLT-M8', 'FILTER-H'][index] as string, coding)), { coding: { organisationCode: null, values: { project: 'P-ROOF' } } })));
    expect(saved.coding).toMatchObject({ organisationCode: 'MAIN', values: { project: 'P-ROOF' } });
    const opened = expectOk(await t.call(alice, 'openPo', { id: saved.id, mode: 'change' }));
    const [first, second, third] = opened.lines.map((line) => byDimension(line.coding?.resolved ?? []));
    // The line's G/L account is the distribution level of the purchase account; it holds what the matrix gave.
    expect(first).toMatchObject({ 'purchase-account': ['5200', 'distribution', null], 'cost-center': ['210', 'distribution', null], 'cost-unit': ['CU-F', 'po-row', 'matrix'], project: [null, null, null] });
    expect(second).toMatchObject({ 'purchase-account': ['5000', 'distribution', null], 'cost-unit': ['CU-F', 'po-row', 'row-above'], project: ['P-ROOF', 'po-header', null] });
    expect(third).toMatchObject({ 'purchase-account': ['5100', 'distribution', null], project: ['P-ROOF', 'po-header', null] });
    expect(opened.lines[0]?.coding?.resolved.find((entry) => entry.dimension === 'purchase-account')?.editAt).toBe('glAccountCode');
    // Account 5200 takes no project: the header's is dropped on row 1, with the reason.
    expect(opened.lines[0]?.coding?.resolved.find((entry) => entry.dimension === 'project')).toMatchObject({ dropped: { level: 'po-header', value: 'P-ROOF' }, requirement: 'no' });
    expect(opened.lines[2]?.coding?.resolved.find((entry) => entry.dimension === 'project')?.requirement).toBe('mandatory');
    const stored = await t.desk.db.selectFrom('po_line_coding').select(['dimension_code', 'value_code', 'via']).orderBy('line_id').orderBy('dimension_code').execute();
    expect(stored).toHaveLength(6);
    const audit = await t.desk.db.selectFrom('audit_log').select(['action', 'after_value']).where('po_id', '=', saved.id).where('action', 'in', ['row-coding-changed', 'po-coding-changed']).execute();
    expect(audit.map((entry) => entry.action).sort()).toEqual(['po-coding-changed', 'row-coding-changed', 'row-coding-changed', 'row-coding-changed']);
  });

  it('refuses a save under mandatory coding when a row lacks a Mandatory project, naming row and dimension, and writes nothing', async () => {
    const admin = await t.signIn('admin');
    expectOk(await t.call(admin, 'saveRowCodingSettings', { mandatoryCoding: true }));
    const alice = await t.signIn('alice');
    const before = await snapshotPoTables(t.desk);
    const refused = await t.call(alice, 'savePo', po([row('BOLT-M8', { 'purchase-account': { value: '5000', via: 'matrix' } }), row('FILTER-H', { 'purchase-account': { value: '5100', via: 'matrix' } })]));
    expect(refused).toMatchObject({ ok: false, error: { code: 'refused', field: 'lines.1.coding.project', message: expect.stringMatching(/Row 2 has no project: account 5100 \(Repairs and maintenance\) requires one\./) } });
    expect(await snapshotPoTables(t.desk)).toEqual(before);
    const unknown = await t.call(alice, 'savePo', po([row('BOLT-M8', { 'purchase-account': { value: '5000', via: 'matrix' }, project: { value: 'P-NOPE', via: 'entered' } })]));
    expect(unknown).toMatchObject({ ok: false, error: { field: 'lines.0.coding.project', message: expect.stringMatching(/Row 1's project P-NOPE does not exist/) } });
    expect(await snapshotPoTables(t.desk)).toEqual(before);
    // With the project on the header the same PO saves.
    expectOk(await t.call(alice, 'savePo', po([row('FILTER-H', { 'purchase-account': { value: '5100', via: 'matrix' } })], { coding: { values: { project: 'P-QUAY' } } })));
  });

  it('lets only users with the right override a coded value, and never on an invoiced row', async () => {
    const alice = await t.signIn('alice');
    const overridden = { 'purchase-account': { value: '5200', via: 'matrix' }, 'cost-unit': { value: 'CU-N', via: 'entered' } };
    const before = await snapshotPoTables(t.desk);
    const refused = await t.call(alice, 'savePo', po([row('TYRE-22', overridden)]));
    expect(refused).toMatchObject({ ok: false, error: { code: 'refused', field: 'lines.0.coding.cost-unit', message: expect.stringMatching(/cost unit CU-F comes from .*needs the right to override coding, which Alice Moreau does not have/) } });
    expect(await snapshotPoTables(t.desk)).toEqual(before);
    const box = expectOk(await t.call(alice, 'codeRow', { vendorCode: 'BOLT', rowNumber: 1, subject: { kind: 'part', itemCode: 'TYRE-22' }, change: { dimension: 'cost-unit', value: 'CU-N' } }));
    expect(box.change).toMatchObject({ allowed: false, rule: 'coding-override-right' });
    expect(box.resolved.find((entry) => entry.dimension === 'cost-unit')?.access).toMatchObject({ editable: false, rule: 'coding-override-right' });
    // Filling a blank needs no right.
    const blank = expectOk(await t.call(alice, 'codeRow', { vendorCode: 'BOLT', rowNumber: 1, subject: { kind: 'part', itemCode: 'TYRE-22' }, change: { dimension: 'project', value: 'P-YARD' }, current: {}, defaulting: 'keep' }));
    expect(blank.change).toMatchObject({ allowed: true, rule: 'coding-changed' });

    const sam = await t.signIn('sam');
    const saved = expectOk(await t.call(sam, 'savePo', po([row('TYRE-22', overridden)])));
    expect(saved.lines[0]?.coding?.row).toEqual(overridden);

    const admin = await t.signIn('admin');
    expectOk(await t.call(admin, 'saveRowCodingSettings', { operatorsMayOverrideCoding: true }));
    expectOk(await t.call(alice, 'savePo', po([row('TYRE-22', overridden)])));

    // An invoiced row keeps its coding, whoever asks.
    const lineId = saved.lines[0]?.id as number;
    const db = t.desk.db;
    const vendor = await db.selectFrom('vendors').select('id').where('code', '=', 'BOLT').executeTakeFirstOrThrow();
    const { id: invoiceId } = await db
      .insertInto('supplier_invoices')
      .values({ vendor_id: vendor.id, number: 'INV-1', number_key: 'inv-1', invoice_date: '2026-11-03', po_id: saved.id, po_revision: 1, total_minor: 100, registered_by: 1, registered_at: '2026-11-03T00:00:00.000Z' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('supplier_invoice_lines').values({ invoice_id: invoiceId, po_line_id: lineId, row_number: 1, quantity_milli: 100, amount_minor: 100 }).execute();
    const reopened = expectOk(await t.call(sam, 'openPo', { id: saved.id, mode: 'change' }));
    expect(reopened.lines[0]?.coding?.invoiced).toBe(true);
    const changed = await t.call(sam, 'savePo', { ...po([{ ...row('TYRE-22', { ...overridden, 'cost-unit': { value: 'CU-S', via: 'entered' } }), id: lineId }]), id: saved.id, version: reopened.version });
    expect(changed).toMatchObject({ ok: false, error: { code: 'refused', message: expect.stringMatching(/Row 1 has been invoiced/) } });
  });

  it('keeps the coding master data for admins only, audited, and auto-generates a new organisation from the global set', async () => {
    const sam = await t.signIn('sam');
    const read = expectOk(await t.call(sam, 'codingSetup', {}));
    expect(read.rights.canEdit).toBe(false);
    expect(read.dimensions.map((dimension) => dimension.code)).toEqual(['purchase-account', 'cost-center', 'cost-unit', 'project']);
    expect(await t.call(sam, 'saveProductGroup', { code: 'NEW', name: 'New' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const admin = await t.signIn('admin');
    expectOk(await t.call(admin, 'saveDimensionValue', { typeCode: 'cost-unit', code: 'CU-X', name: 'Extra', isDefault: true }));
    const west = expectOk(await t.call(admin, 'saveOrganisation', { code: 'WEST', name: 'West region', autoGenerate: true }));
    expect(west.organisationCode).toBe('WEST');
    const own = west.dimensionValues.filter((value) => value.organisationCode === 'WEST');
    expect(own.map((value) => value.code).sort()).toEqual(['CU-F', 'CU-N', 'CU-S', 'CU-X', 'P-QUAY', 'P-ROOF', 'P-YARD']);
    expect(west.dimensionTypes.find((type) => type.organisationCode === 'WEST' && type.code === 'cost-unit')?.defaultValueCode).toBe('CU-X');
    const bare = expectOk(await t.call(admin, 'saveOrganisation', { code: 'EAST', name: 'East', autoGenerate: false }));
    expect(bare.dimensionValues.filter((value) => value.organisationCode === 'EAST')).toEqual([]);
    expect(await t.call(admin, 'saveOrganisation', { code: 'BAD CODE', name: 'x' })).toMatchObject({ ok: false, error: { field: 'code' } });

    expectOk(await t.call(admin, 'saveMatrixCell', { productGroupCode: 'FASTENERS', supplierGroupCode: 'MARINE', accounts: { domestic: '5100', eu: '5100', import: null }, projectCode: 'P-QUAY' }));
    expect(await t.call(admin, 'saveMatrixCell', { productGroupCode: 'FASTENERS', supplierGroupCode: null, accounts: { domestic: '9999' } })).toMatchObject({ ok: false, error: { field: 'accounts.domestic' } });
    expectOk(await t.call(admin, 'saveChartAccount', { code: '5000', requirements: { 'cost-center': 'yes', 'cost-unit': 'mandatory', project: 'no' } }));
    const vendors = expectOk(await t.call(admin, 'saveVendorCoding', { vendorCode: 'NOCC', supplierGroupCode: 'LOCAL', supplierType: 'import', values: { 'cost-unit': 'CU-S' } }));
    expect(vendors.vendors.find((vendor) => vendor.vendorCode === 'NOCC')).toMatchObject({ supplierType: 'import', effectivePayablesAccountCode: '2440', values: { 'cost-unit': 'CU-S' } });

    const audit = await t.desk.db.selectFrom('audit_log').select(['action', 'before_value', 'after_value']).where('operator_id', 'is not', null).where('action', 'in', ['dimension-value-created', 'dimension-default-changed', 'coding-organisation-created', 'matrix-cell-saved', 'chart-account-changed', 'vendor-coding-changed']).orderBy('id').execute();
    expect(audit.map((entry) => entry.action)).toEqual(['dimension-value-created', 'dimension-default-changed', 'coding-organisation-created', 'coding-organisation-created', 'matrix-cell-saved', 'chart-account-changed', 'vendor-coding-changed']);
    expect(audit.find((entry) => entry.action === 'chart-account-changed')).toMatchObject({ before_value: 'cost center yes, cost unit yes, project yes', after_value: 'cost center yes, cost unit mandatory, project no' });
  });
});
