import { afterEach, beforeEach, expect, it } from 'vitest';
import { expectOk, line, openTestDesk, snapshotPoTables, type TestDesk } from '../support/test-desk';
import { forEachStore } from '../support/stores';
import { pdfText } from '../support/pdf-tools';

/**
 * The purchasing controls on both stores, through the real dispatcher. Demo world: alice (scheme
 * NORTH: 210, 220, 110) and pat (WIDE, which needs no header cost center) are in group Maintenance,
 * which sees HFS (210, 220, 110) and PORT (310, 320, 210; customer PO PEA-2026-0417); pat and carol
 * are in Fleet, which sees LEASE (410, HQ; FL-88-311); bob is in no group.
 */
forEachStore((store) => {
  let t: TestDesk;
  beforeEach(async () => {
    t = await openTestDesk(store);
  });
  afterEach(async () => {
    await t.close();
  });

  const header = (extra: Record<string, unknown> = {}) => ({ vendorCode: 'BOLT', warehouseCode: 'MAIN', costCenterCode: null, ...extra });
  const draft = (extra: Record<string, unknown> = {}) => ({ vendorCode: 'BOLT', warehouseCode: 'MAIN', costCenterCode: '210', costCenterEntered: true, lines: [line()], ...extra });
  const poRowsOnly = async () => {
    const { settings: _settings, ...rows } = await snapshotPoTables(t.desk);
    return rows;
  };

  it('keeps one coding mode: project codes with cost centers on are refused and explained; switching rewrites no stored PO', async () => {
    const admin = await t.signIn('admin');
    const stored = await poRowsOnly();
    const switched = expectOk(await t.call(admin, 'updateSettings', { codingMode: 'project-codes' }));
    expect(switched).toMatchObject({ codingMode: 'project-codes', costCentersEnabled: false });
    expect(await poRowsOnly()).toEqual(stored);

    const before = expectOk(await t.call(admin, 'getSettings', {}));
    const both = await t.call(admin, 'updateSettings', { costCentersEnabled: true });
    expect(both).toMatchObject({ ok: false, error: { code: 'refused', field: 'codingMode', message: expect.stringMatching(/^Nothing was changed\. Cost centers and project codes cannot both be in use.*turn project codes off in the same change\.$/) } });
    const contradiction = await t.call(admin, 'updateSettings', { codingMode: 'project-codes', costCentersEnabled: true });
    expect(contradiction).toMatchObject({ ok: false, error: { code: 'refused', field: 'codingMode', message: expect.stringMatching(/cannot both be in use/) } });
    expect(expectOk(await t.call(admin, 'getSettings', {}))).toEqual(before);

    // The old switch alone still works: off, then on again means cost centers.
    expect(expectOk(await t.call(admin, 'updateSettings', { codingMode: 'off' }))).toMatchObject({ codingMode: 'off', costCentersEnabled: false });
    expect(expectOk(await t.call(admin, 'updateSettings', { costCentersEnabled: true }))).toMatchObject({ codingMode: 'cost-centers', costCentersEnabled: true });
    expect(await poRowsOnly()).toEqual(stored);

    const audit = await t.desk.db.selectFrom('audit_log').select(['rule', 'before_value', 'after_value', 'detail']).where('action', '=', 'setting-changed').orderBy('id').execute();
    expect(audit.map((row) => [row.rule, row.before_value, row.after_value])).toEqual([
      ['coding_mode', 'cost-centers', 'project-codes'],
      ['coding_mode', 'project-codes', 'off'],
      ['coding_mode', 'off', 'cost-centers'],
    ]);
    expect(audit[0]?.detail).toMatch(/Stored POs keep the cost centers they were saved with\. Changed by Dana Admin\./);
    expect(await t.call(await t.signIn('alice'), 'updateSettings', { codingMode: 'off' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('offers the cost centers on both the scheme’s list and the billing entity’s, saying which list removed each code', async () => {
    const alice = await t.signIn('alice');
    const plain = expectOk(await t.call(alice, 'resolveHeader', header()));
    expect(plain.billingEntities.map((entity) => entity.code)).toEqual(['HFS', 'PORT']);
    expect(plain.billingEntity.status).toBe('blank');
    expect(plain.choices.map((choice) => choice.code)).toEqual(['210', '220']);

    const port = expectOk(await t.call(alice, 'resolveHeader', header({ billingEntityCode: 'PORT' })));
    expect(port.billingEntity).toEqual({ status: 'ok', code: 'PORT', name: 'Port Eastwick Authority', customerPoNumber: 'PEA-2026-0417', reason: 'Billing entity PORT, Port Eastwick Authority.' });
    expect(port.choices).toEqual([{ code: '210', description: 'Maintenance North' }]);
    expect(port.costCenterList.noneOffered).toBe(false);
    expect(port.costCenterList.removed.map((entry) => [entry.code, entry.removedBy])).toEqual([
      ['310', 'scheme'],
      ['320', 'scheme'],
      ['220', 'billing-entity'],
      ['110', 'billing-entity'],
    ]);
    expect(port.costCenterList.reason).toMatch(/The list of your scheme NORTH removed 310, 320\. The list of billing entity PORT removed 220, 110\./);

    const entered = expectOk(await t.call(alice, 'resolveHeader', header({ billingEntityCode: 'PORT', costCenterCode: '220' })));
    expect(entered.costCenter).toMatchObject({ code: '220', status: 'refused', reason: 'Cost center 220 is on the list of your scheme NORTH but not linked to billing entity PORT, which is linked to 310, 320, 210.' });
    const before = await snapshotPoTables(t.desk);
    const refused = await t.call(alice, 'savePo', draft({ billingEntityCode: 'PORT', costCenterCode: '220' }));
    expect(refused).toMatchObject({ ok: false, error: { code: 'refused', field: 'costCenterCode', message: expect.stringMatching(/not linked to billing entity PORT/) } });
    expect(await snapshotPoTables(t.desk)).toEqual(before);

    const lease = expectOk(await t.call(alice, 'resolveHeader', header({ billingEntityCode: 'LEASE' })));
    expect(lease.billingEntity).toMatchObject({ status: 'refused', reason: 'You may not bill to LEASE (Fleet Leasing AB): none of your groups (Maintenance) sees it.' });
    expect(await t.call(alice, 'savePo', draft({ billingEntityCode: 'LEASE' }))).toMatchObject({ ok: false, error: { field: 'billingEntityCode' } });

    const bob = await t.signIn('bob');
    const bobs = expectOk(await t.call(bob, 'resolveHeader', header({ billingEntityCode: 'HFS' })));
    expect(bobs.billingEntities).toEqual([]);
    expect(bobs.billingEntity.reason).toBe('You may not bill to HFS (Harbour & Fleet Services Ltd): you belong to no user group.');
  });

  it('offers None only where the scheme needs no header cost center; the lines then carry their own', async () => {
    const pat = await t.signIn('pat');
    const resolved = expectOk(await t.call(pat, 'resolveHeader', { vendorCode: 'GENERAL', warehouseCode: 'MAIN', costCenterCode: null, billingEntityCode: 'HFS', noCostCenter: true }));
    expect(resolved.costCenterList.noneOffered).toBe(true);
    expect(resolved.choices.map((choice) => choice.code)).toEqual(['210', '220', '110']);
    expect(resolved.costCenter).toMatchObject({ code: null, status: 'ok' });
    const saved = expectOk(
      await t.call(pat, 'savePo', { vendorCode: 'GENERAL', warehouseCode: 'MAIN', costCenterCode: null, billingEntityCode: 'HFS', lines: [{ ...line(), costCenterCode: '220' }] }),
    );
    expect(saved).toMatchObject({ costCenterCode: null, billingEntity: { code: 'HFS', name: 'Harbour & Fleet Services Ltd' }, customerPoNumber: null });
    expect(saved.lines[0]?.costCenterCode).toBe('220');

    const alice = await t.signIn('alice');
    const aliceResolved = expectOk(await t.call(alice, 'resolveHeader', header({ billingEntityCode: 'HFS', noCostCenter: true })));
    expect(aliceResolved.costCenterList.noneOffered).toBe(false);
    expect(aliceResolved.costCenter.status).toBe('missing');
    expect(await t.call(alice, 'savePo', draft({ billingEntityCode: 'HFS', costCenterCode: null }))).toMatchObject({ ok: false, error: { code: 'refused', field: 'costCenterCode', message: expect.stringMatching(/^Choose a cost center\./) } });
  });

  it('in project-code mode asks no cost center, refuses a blank project code and stores the typed one trimmed', async () => {
    const admin = await t.signIn('admin');
    expectOk(await t.call(admin, 'updateSettings', { codingMode: 'project-codes' }));
    const alice = await t.signIn('alice');
    const resolved = expectOk(await t.call(alice, 'resolveHeader', header()));
    expect(resolved).toMatchObject({ codingMode: 'project-codes', costCentersEnabled: false, costCenter: { status: 'not-used' }, projectCode: { status: 'blank' } });
    expect(resolved.projectCode.reason).toMatch(/^Enter a project code/);

    const before = await snapshotPoTables(t.desk);
    const blank = await t.call(alice, 'savePo', draft({ costCenterCode: null, projectCode: '   ' }));
    expect(blank).toMatchObject({ ok: false, error: { code: 'refused', field: 'projectCode', message: expect.stringMatching(/^Enter a project code: this organisation codes every PO by project code/) } });
    expect(await t.call(alice, 'savePo', draft({ costCenterCode: null, projectCode: 'P 1' }))).toMatchObject({ ok: false, error: { field: 'projectCode', message: expect.stringMatching(/contains a space/) } });
    expect(await snapshotPoTables(t.desk)).toEqual(before);
    const refusal = await t.desk.db.selectFrom('audit_log').select(['rule']).where('action', '=', 'save-refused').orderBy('id').execute();
    expect(refusal.map((row) => row.rule)).toEqual(['project-code-required', 'project-code-characters']);

    const saved = expectOk(await t.call(alice, 'savePo', draft({ costCenterCode: null, projectCode: '  P-2026/07 ' })));
    expect(saved).toMatchObject({ projectCode: 'P-2026/07', costCenterCode: null });
    expect(saved.lines[0]?.costCenterCode).toBeNull();

    // Back in cost-center mode the stored PO keeps its code, and a new one may not carry any.
    expectOk(await t.call(admin, 'updateSettings', { codingMode: 'cost-centers' }));
    expect(expectOk(await t.call(alice, 'openPo', { id: saved.id })).projectCode).toBe('P-2026/07');
    expect(await t.call(alice, 'savePo', draft({ projectCode: 'P-1' }))).toMatchObject({ ok: false, error: { field: 'projectCode', message: expect.stringMatching(/^Project codes are not in use/) } });
  });

  it('puts the billing entity’s customer PO number on the PO and prints it on the document; a later change to the entity leaves the PO alone', async () => {
    const pat = await t.signIn('pat');
    const saved = expectOk(await t.call(pat, 'savePo', draft({ billingEntityCode: 'PORT', costCenterCode: '210' })));
    expect(saved).toMatchObject({ billingEntity: { code: 'PORT', name: 'Port Eastwick Authority' }, customerPoNumber: 'PEA-2026-0417' });
    const document = expectOk(await t.call(pat, 'poDocument', { id: saved.id }));
    expect(pdfText(Buffer.from(document.contentBase64, 'base64'))).toMatch(/Customer PO\s+PEA-2026-0417/);
    const audit = await t.desk.db.selectFrom('audit_log').select(['before_value', 'after_value']).where('action', '=', 'po-billing-entity-changed').execute();
    expect(audit).toEqual([{ before_value: null, after_value: 'PORT (PEA-2026-0417)' }]);

    const admin = await t.signIn('admin');
    const view = expectOk(await t.call(admin, 'listPurchasingControls', {}));
    const port = view.billingEntities.find((entity) => entity.code === 'PORT');
    expect(port).toMatchObject({ customerPoNumber: 'PEA-2026-0417', costCenterCodes: ['310', '320', '210'], groups: ['Maintenance'], poCount: 1 });
    expectOk(await t.call(admin, 'saveBillingEntity', { id: port?.id, code: 'PORT', name: 'Port Eastwick Authority', customerPoNumber: 'PEA-2027-0001', active: true, costCenterCodes: ['310', '320', '210'] }));
    expect(expectOk(await t.call(pat, 'openPo', { id: saved.id })).customerPoNumber).toBe('PEA-2026-0417');
    // Saving it again, unchanged, keeps the number it was given.
    const again = expectOk(await t.call(pat, 'savePo', { ...draft({ billingEntityCode: 'PORT', costCenterCode: '210' }), id: saved.id, version: saved.version, lines: [{ ...line(), id: saved.lines[0]?.id }] }));
    expect(again.customerPoNumber).toBe('PEA-2026-0417');
  });

  it('lets admins alone change billing entities and user groups, audits each change before and after, and deletes no entity a PO carries', async () => {
    const alice = await t.signIn('alice');
    const sam = await t.signIn('sam');
    const admin = await t.signIn('admin');
    expect(await t.call(alice, 'listPurchasingControls', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(expectOk(await t.call(sam, 'listPurchasingControls', {})).canEdit).toBe(false);
    const entity = { code: 'yard', name: 'Yard Co', customerPoNumber: ' Y-1 ', active: true, costCenterCodes: ['410', '210'] };
    expect(await t.call(sam, 'saveBillingEntity', entity)).toMatchObject({ ok: false, error: { code: 'forbidden', message: 'Only an administrator can change billing entities; you are signed in as a supervisor.' } });
    expect(await t.call(admin, 'saveBillingEntity', { ...entity, costCenterCodes: ['999'] })).toMatchObject({ ok: false, error: { field: 'costCenterCodes', message: 'There is no cost center 999; link the entity to cost centers from the list.' } });
    const created = expectOk(await t.call(admin, 'saveBillingEntity', entity));
    const yard = created.billingEntities.find((row) => row.code === 'YARD');
    expect(yard).toMatchObject({ name: 'Yard Co', customerPoNumber: 'Y-1', costCenterCodes: ['410', '210'], groups: [], poCount: 0 });
    expect(await t.call(admin, 'saveBillingEntity', { ...entity, name: 'Other' })).toMatchObject({ ok: false, error: { field: 'code', message: 'Billing entity YARD already exists; give this one another code.' } });

    const aliceId = created.operators.find((operator) => operator.signInName === 'alice')?.id as number;
    const grouped = expectOk(await t.call(admin, 'saveUserGroup', { name: 'Yard', description: 'Yard crew', memberIds: [aliceId], billingEntityCodes: ['YARD'] }));
    expect(grouped.userGroups.find((group) => group.name === 'Yard')).toMatchObject({ members: [{ id: aliceId, displayName: 'Alice Moreau' }], billingEntityCodes: ['YARD'] });
    const seen = expectOk(await t.call(alice, 'resolveHeader', header({ billingEntityCode: 'YARD' })));
    expect(seen.billingEntity.status).toBe('ok');
    // Alice's scheme has 210 of the two; BOLT uses it too.
    expect(seen.choices.map((choice) => choice.code)).toEqual(['210']);

    const onPo = expectOk(await t.call(alice, 'savePo', draft({ billingEntityCode: 'YARD' })));
    expect(onPo.customerPoNumber).toBe('Y-1');
    expect(await t.call(admin, 'deleteBillingEntity', { id: yard?.id as number })).toMatchObject({ ok: false, error: { code: 'refused', message: 'Billing entity YARD is on 1 PO, so it cannot be deleted; make it inactive instead.' } });
    expectOk(await t.call(admin, 'saveBillingEntity', { ...entity, id: yard?.id, active: false }));
    expect(expectOk(await t.call(alice, 'resolveHeader', header())).billingEntities.map((row) => row.code)).toEqual(['HFS', 'PORT']);
    expect(expectOk(await t.call(alice, 'resolveHeader', header({ billingEntityCode: 'YARD' }))).billingEntity.status).toBe('refused');
    // The PO that carries it may still be saved with it.
    expectOk(await t.call(alice, 'savePo', { ...draft({ billingEntityCode: 'YARD' }), id: onPo.id, version: onPo.version, lines: [{ ...line(), id: onPo.lines[0]?.id }] }));

    const groupId = grouped.userGroups.find((group) => group.name === 'Yard')?.id as number;
    expectOk(await t.call(admin, 'deleteUserGroup', { id: groupId }));
    const audit = await t.desk.db.selectFrom('audit_log').select(['action', 'before_value', 'after_value']).where('rule', 'in', ['billing-entity', 'user-group']).orderBy('id').execute();
    expect(audit).toEqual([
      { action: 'billing-entity-created', before_value: null, after_value: 'YARD (Yard Co), customer PO Y-1, cost centers 410, 210' },
      { action: 'user-group-created', before_value: null, after_value: 'Yard: members Alice Moreau; sees YARD' },
      { action: 'billing-entity-changed', before_value: 'YARD (Yard Co), customer PO Y-1, cost centers 410, 210', after_value: 'YARD (Yard Co), customer PO Y-1, cost centers 410, 210, inactive' },
      { action: 'user-group-deleted', before_value: 'Yard: members Alice Moreau; sees YARD', after_value: null },
    ]);
  });
});
