import { afterEach, beforeEach, expect, it } from 'vitest';
import { forEachStore } from '../support/stores';
import { expectOk, openTestDesk, snapshotPoTables, type TestDesk } from '../support/test-desk';

/**
 * The PO header level of order-row coding on both stores, through the real dispatcher: a header value
 * that replaces the vendor's value is an override, as on a row, and needs the right; filling a
 * dimension nothing above gives, keeping the stored header value, or repeating the vendor's, do not.
 * Demo coding: BOLT is a LOCAL, domestic vendor; BOLT-M8 is in FASTENERS (→ 5000).
 */
forEachStore((store) => {
  let t: TestDesk;
  beforeEach(async () => {
    t = await openTestDesk(store);
  });
  afterEach(async () => {
    await t.close();
  });

  const row = (extra: Record<string, unknown> = {}) => ({
    itemCode: 'BOLT-M8',
    description: 'Hex bolts',
    quantityMilli: 1000,
    unitCostMinor: 1000,
    glAccountCode: '5000',
    coding: { 'purchase-account': { value: '5000', via: 'matrix' } },
    ...extra,
  });
  const po = (values: Record<string, string>, extra: Record<string, unknown> = {}) => ({
    vendorCode: 'BOLT',
    warehouseCode: 'MAIN',
    costCenterCode: '210',
    costCenterEntered: true,
    lines: [row()],
    coding: { organisationCode: null, values },
    ...extra,
  });
  const levelOf = (resolved: { dimension: string; value: string | null; level: string | null }[] | undefined, dimension: string) => {
    const entry = resolved?.find((candidate) => candidate.dimension === dimension);
    return entry ? [entry.value, entry.level] : null;
  };

  it('refuses a header value over the vendor’s without the override right, changing nothing, and takes it with the right', async () => {
    const admin = await t.signIn('admin');
    expectOk(await t.call(admin, 'saveVendorCoding', { vendorCode: 'BOLT', supplierGroupCode: 'LOCAL', supplierType: 'domestic', values: { 'cost-unit': 'CU-N' } }));
    const alice = await t.signIn('alice');

    const before = await snapshotPoTables(t.desk);
    const refused = await t.call(alice, 'savePo', po({ 'cost-unit': 'CU-S' }));
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'refused', field: 'coding.values.cost-unit', message: expect.stringMatching(/cost unit CU-N comes from the vendor; changing it to CU-S needs the right to override coding, which Alice Moreau does not have/) },
    });
    expect(await snapshotPoTables(t.desk)).toEqual(before);

    // Filling a blank, or repeating the vendor's value, needs no right.
    const filled = expectOk(await t.call(alice, 'savePo', po({ project: 'P-ROOF', 'cost-unit': 'cu-n' })));
    expect(filled.coding?.values).toEqual({ project: 'P-ROOF', 'cost-unit': 'CU-N' });
    expect(filled.coding?.vendorValues).toEqual({ 'cost-unit': 'CU-N' });
    expect(levelOf(filled.lines[0]?.coding?.resolved, 'project')).toEqual(['P-ROOF', 'po-header']);

    expectOk(await t.call(admin, 'saveRowCodingSettings', { operatorsMayOverrideCoding: true }));
    const overridden = expectOk(
      await t.call(alice, 'savePo', po({ project: 'P-ROOF', 'cost-unit': 'CU-S' }, { id: filled.id, version: filled.version, lines: [row({ id: filled.lines[0]?.id })] })),
    );
    expect(overridden.coding?.values).toEqual({ project: 'P-ROOF', 'cost-unit': 'CU-S' });
    // The row has no cost unit of its own: the header's wins over the vendor's.
    expect(levelOf(overridden.lines[0]?.coding?.resolved, 'cost-unit')).toEqual(['CU-S', 'po-header']);

    // The right taken away, the stored header value is kept on the next save: keeping it is no override.
    expectOk(await t.call(admin, 'saveRowCodingSettings', { operatorsMayOverrideCoding: false }));
    const kept = expectOk(
      await t.call(alice, 'savePo', po({ project: 'P-YARD', 'cost-unit': 'CU-S' }, { id: overridden.id, version: overridden.version, lines: [row({ id: overridden.lines[0]?.id })] })),
    );
    expect(kept.coding?.values).toEqual({ project: 'P-YARD', 'cost-unit': 'CU-S' });
  });
});
