import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KIND_IMPORTS } from '../../src/main/domain/admin/import-columns';
import type { MasterRecord } from '../../src/shared/admin-schemas';
import { expectOk, openTestDesk, type TestDesk } from '../support/test-desk';
import { forEachStore } from '../support/stores';

/**
 * Master-data maintenance on both stores, through the real dispatcher. Demo world: cost centers
 * 110…HQ (500 inactive; cost groups MAINT 210 220, PROJECTS 310 320, OVERHEAD 110 120 HQ), scheme
 * NORTH (210, 220, 110, 500; overrides for warehouses HARBOUR and QUARANTINE, site 12 Harbour Rd,
 * WIP G/L 1400), vendors sharing cost centers, demo POs on 210 and others.
 */
forEachStore((store) => {
  let t: TestDesk;
  let admin: string;
  beforeEach(async () => {
    t = await openTestDesk(store);
    admin = await t.signIn('admin');
  });
  afterEach(async () => {
    await t.close();
  });

  const masterTables = async () => {
    const db = t.desk.db;
    const all = (table: 'cost_centers' | 'schemes' | 'scheme_cost_centers' | 'scheme_overrides' | 'scheme_override_cost_centers' | 'vendors' | 'vendor_cost_centers' | 'operators' | 'warehouses' | 'work_orders' | 'jobs' | 'items' | 'gl_accounts' | 'cost_types') =>
      db.selectFrom(table).selectAll().execute();
    const sorted = (rows: unknown[]) => rows.map((row) => JSON.stringify(row)).sort();
    const tables = ['cost_centers', 'schemes', 'scheme_cost_centers', 'scheme_overrides', 'scheme_override_cost_centers', 'vendors', 'vendor_cost_centers', 'operators', 'warehouses', 'work_orders', 'jobs', 'items', 'gl_accounts', 'cost_types'] as const;
    return Object.fromEntries(await Promise.all(tables.map(async (table) => [table, sorted(await all(table))])));
  };
  const audit = (action: string) =>
    t.desk.db.selectFrom('audit_log').select(['action', 'rule', 'before_value', 'after_value', 'detail']).where('action', '=', action).orderBy('id').execute();
  const save = (record: MasterRecord, originalCode: string | null = null) => t.call(admin, 'saveMasterRecord', { originalCode, record });

  it('creates, changes and deletes a record of every kind, auditing each with before and after', async () => {
    const records: MasterRecord[] = [
      { kind: 'cost-center', code: ' 610 ', description: 'Quarry', active: true, costGroup: 'projects' },
      { kind: 'vendor', code: 'rock', name: 'Rock & Co', costCenterCodes: ['610', '210'] },
      { kind: 'warehouse', code: 'QUARRY', name: 'Quarry shed' },
      { kind: 'job', code: 'J-900', description: 'Quarry road', siteAddress: '1  Quarry Lane' },
      { kind: 'work-order', code: 'WO-9001', description: 'Road survey', jobCode: 'J-900', costCenterCode: '610', siteAddress: '' },
      { kind: 'gl-account', code: '1490', description: 'WIP quarry', wip: true },
      { kind: 'item', code: 'GRAVEL', description: 'Gravel, 1 t', unitCostMinor: 4_250 },
      { kind: 'cost-type', code: 'Q', description: 'Quarrying' },
      { kind: 'scheme', code: 'quarry', description: 'Quarry crew', costCenterRequired: true, costCenterCodes: ['610'], overrides: [{ kind: 'warehouse', key: 'quarry', costCenterCodes: ['610', '210'] }] },
    ];
    for (const record of records) {
      const saved = expectOk(await save(record));
      expect(saved.record.code).toBe(record.code.trim().toUpperCase());
    }
    const cc = expectOk(await t.call(admin, 'readMasterRecord', { kind: 'cost-center', code: '610' }));
    expect(cc.record).toEqual({ kind: 'cost-center', code: '610', description: 'Quarry', active: true, costGroup: 'PROJECTS' });
    expect(expectOk(await t.call(admin, 'readMasterRecord', { kind: 'job', code: 'j-900' })).record).toMatchObject({ siteAddress: '1 Quarry Lane' });
    expect(expectOk(await t.call(admin, 'readMasterRecord', { kind: 'vendor', code: 'ROCK' })).record).toEqual({ kind: 'vendor', code: 'ROCK', name: 'Rock & Co', costCenterCodes: ['210', '610'] });
    expect(expectOk(await t.call(admin, 'readMasterRecord', { kind: 'scheme', code: 'QUARRY' })).record).toMatchObject({ overrides: [{ kind: 'warehouse', key: 'QUARRY', costCenterCodes: ['610', '210'] }] });

    expectOk(await save({ kind: 'item', code: 'GRAVEL', description: 'Gravel, 1 tonne', unitCostMinor: 4_500 }, 'GRAVEL'));
    const changed = await audit('master-record-changed');
    expect(changed).toEqual([
      { action: 'master-record-changed', rule: 'master-item', before_value: 'Item GRAVEL: Gravel, 1 t; unit cost 42.50', after_value: 'Item GRAVEL: Gravel, 1 tonne; unit cost 45.00', detail: 'Item GRAVEL changed by Dana Admin.' },
    ]);
    const created = await audit('master-record-created');
    expect(created.map((row) => row.rule)).toEqual(records.map((record) => `master-${record.kind}`));
    expect(created[0]?.after_value).toBe('Cost center 610: Quarry; active yes; cost group PROJECTS');

    // Deleting in the order nothing is left using what is deleted.
    for (const [kind, code] of [['scheme', 'QUARRY'], ['vendor', 'ROCK'], ['work-order', 'WO-9001'], ['job', 'J-900'], ['warehouse', 'QUARRY'], ['gl-account', '1490'], ['item', 'GRAVEL'], ['cost-type', 'Q'], ['cost-center', '610']] as const) {
      expect(expectOk(await t.call(admin, 'deleteMasterRecord', { kind, code })).reason).toMatch(/deleted\.$/);
    }
    const deleted = await audit('master-record-deleted');
    expect(deleted).toHaveLength(9);
    expect(deleted[0]?.before_value).toBe('Scheme QUARRY: Quarry crew; cost center required yes; list 610; overrides warehouse QUARRY → 610, 210');
    expect(await t.desk.db.selectFrom('cost_centers').select('code').where('code', '=', '610').execute()).toEqual([]);
  });

  it('refuses a delete of a record in use, naming every place, and leaves everything as it was; a cost center is deactivated instead', async () => {
    const before = await masterTables();
    const refusal = await t.call(admin, 'deleteMasterRecord', { kind: 'cost-center', code: '210' });
    expect(refusal.ok).toBe(false);
    if (refusal.ok) return;
    expect(refusal.error.code).toBe('refused');
    expect(refusal.error.message).toMatch(/^Nothing was deleted\. Cost center 210 is used by \d+ POs?, 4 schemes, among them FLEET|NORTH/);
    expect(refusal.error.message).toMatch(/vendors ACME, BOLT and GENERAL|4 vendors/);
    expect(refusal.error.message).toMatch(/work order WO-2001/);
    expect(refusal.error.message).toMatch(/deactivate it instead\.$/);
    const warehouse = await t.call(admin, 'deleteMasterRecord', { kind: 'warehouse', code: 'QUARANTINE' });
    expect(warehouse).toMatchObject({ ok: false, error: { code: 'refused', message: 'Nothing was deleted. Warehouse QUARANTINE is used by the override for warehouse QUARANTINE in scheme NORTH: take it off there first.' } });
    const scheme = await t.call(admin, 'deleteMasterRecord', { kind: 'scheme', code: 'SOLO' });
    expect(scheme).toMatchObject({ ok: false, error: { message: 'Nothing was deleted. Scheme SOLO is used by operator bob: assign that operator another scheme first.' } });
    expect(await masterTables()).toEqual(before);
    expect(await audit('master-record-deleted')).toEqual([]);

    const view = expectOk(await t.call(admin, 'readMasterRecord', { kind: 'cost-center', code: '210' }));
    expect(view.deletable).toBe(false);
    expect(view.usage).toMatch(/^Cost center 210 is used by/);

    const off = expectOk(await t.call(admin, 'setCostCenterActive', { code: '210', active: false }));
    expect(off.record).toMatchObject({ code: '210', active: false });
    expect(await audit('cost-center-deactivated')).toEqual([
      expect.objectContaining({ before_value: 'Cost center 210: Maintenance North; active yes; cost group MAINT', after_value: 'Cost center 210: Maintenance North; active no; cost group MAINT' }),
    ]);
    // Still on NORTH's list, but allowing nothing at PO entry.
    expect(expectOk(await t.call(admin, 'readMasterRecord', { kind: 'scheme', code: 'NORTH' })).record).toMatchObject({ costCenterCodes: ['210', '220', '110', '500'] });
    const alice = await t.signIn('alice');
    const header = expectOk(await t.call(alice, 'resolveHeader', { vendorCode: 'BOLT', warehouseCode: 'MAIN', costCenterCode: null }));
    expect(header.choices.map((choice) => choice.code)).toEqual(['220']);
    expectOk(await t.call(admin, 'setCostCenterActive', { code: '210', active: true }));
    expect(await audit('cost-center-reactivated')).toHaveLength(1);
  });

  it('checks each field by the domain rules, names every refused field, keeps codes, and writes nothing on a refusal', async () => {
    const before = await masterTables();
    const bad = await save({ kind: 'work-order', code: 'wo 1', description: 'x', jobCode: 'J-404', costCenterCode: '500', siteAddress: '' });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.error.field).toBe('code');
    expect(bad.error.issues?.map((issue) => issue.path)).toEqual(['code', 'jobCode', 'costCenterCode']);
    expect(bad.error.issues?.[2]?.message).toMatch(/Cost center 500 is inactive/);

    expect(await save({ kind: 'cost-center', code: '210', description: 'Again', active: true, costGroup: null })).toMatchObject({ ok: false, error: { field: 'code', message: expect.stringMatching(/Cost center 210 already exists/) } });
    expect(await save({ kind: 'cost-center', code: '211', description: 'Renamed', active: true, costGroup: null }, '210')).toMatchObject({
      ok: false,
      error: { field: 'code', message: expect.stringMatching(/Cost center code 210 cannot become 211/) },
    });
    expect(await save({ kind: 'vendor', code: 'NEWV', name: 'New', costCenterCodes: ['210', '999', '210'] })).toMatchObject({ ok: false, error: { field: 'costCenterCodes', message: expect.stringMatching(/Cost center 999 does not exist/) } });
    expect(await save({ kind: 'item', code: 'X', description: 'Too dear', unitCostMinor: -1 })).toMatchObject({ ok: false, error: { field: 'unitCostMinor' } });
    expect(await masterTables()).toEqual(before);
    expect(await audit('master-record-created')).toEqual([]);
  });

  it('keeps the scheme code rules, builds the list by cost group, and checks overrides', async () => {
    const scheme = (extra: Partial<Extract<MasterRecord, { kind: 'scheme' }>>): MasterRecord => ({ kind: 'scheme', code: 'NEWS', description: '', costCenterRequired: true, costCenterCodes: [], overrides: [], ...extra });
    expect(await save(scheme({ code: 'all' }))).toMatchObject({ ok: false, error: { field: 'code', message: expect.stringMatching(/Scheme code all is reserved/) } });
    expect(await save(scheme({ code: 'ELEVENCHARS' }))).toMatchObject({ ok: false, error: { field: 'code', message: expect.stringMatching(/has 11 characters; at most 10/) } });

    const picked = expectOk(await t.call(admin, 'pickSchemeCostCenters', { current: ['110'], pick: { by: 'cost-group', groups: ['maint', 'projects', 'nothing'] }, owner: 'scheme NEWS' }));
    expect(picked.codes).toEqual(['110', '210', '220', '310', '320']);
    expect(picked.reason).toBe('Added to scheme NEWS: 210, 220, 310, 320; no cost center in cost group NOTHING.');
    const all = expectOk(await t.call(admin, 'pickSchemeCostCenters', { current: picked.codes, pick: { by: 'all' }, owner: 'scheme NEWS' }));
    expect(all.added).toEqual(['120', '410', 'HQ']);
    expect(all.skipped).toContainEqual({ code: '500', why: 'inactive' });

    const overrides = [
      { kind: 'warehouse' as const, key: 'NOWHERE', costCenterCodes: ['210'] },
      { kind: 'gl-wip' as const, key: '5000', costCenterCodes: [] },
      { kind: 'site' as const, key: '12 harbour rd', costCenterCodes: ['310'] },
    ];
    const refusedOverrides = await save(scheme({ costCenterCodes: picked.codes, overrides }));
    expect(refusedOverrides.ok).toBe(false);
    if (refusedOverrides.ok) return;
    expect(refusedOverrides.error.issues).toEqual([
      { path: 'overrides.0.key', message: 'Warehouse NOWHERE does not exist.' },
      { path: 'overrides.1.key', message: expect.stringMatching(/G\/L account 5000 is not a work-in-progress account/) },
      { path: 'overrides.2.key', message: expect.stringMatching(/did you mean 12 Harbour Rd\?/) },
    ]);
    const ok = expectOk(
      await save(
        scheme({
          costCenterCodes: picked.codes,
          costCenterRequired: false,
          overrides: [
            { kind: 'warehouse', key: 'harbour', costCenterCodes: ['320', '310'] },
            { kind: 'gl-wip', key: '1410', costCenterCodes: [] },
            { kind: 'site', key: '12 Harbour Rd', costCenterCodes: ['310'] },
          ],
        }),
      ),
    );
    expect(ok.notes).toContainEqual(expect.stringMatching(/lists no cost center: operators on scheme NEWS cannot change lines on WIP G\/L account 1410/));
    const stored = await t.desk.db
      .selectFrom('scheme_overrides as o')
      .innerJoin('schemes as s', 's.id', 'o.scheme_id')
      .select(['o.kind', 'o.override_key', 's.cost_center_required'])
      .where('s.name', '=', 'NEWS')
      .orderBy('o.kind')
      .execute();
    expect(stored).toEqual([
      { kind: 'gl-wip', override_key: '1410', cost_center_required: 0 },
      { kind: 'site', override_key: '12 Harbour Rd', cost_center_required: 0 },
      { kind: 'warehouse', override_key: 'HARBOUR', cost_center_required: 0 },
    ]);
  });

  it('assigns operators to a scheme, audited, and PO entry follows the scheme and its warehouse override', async () => {
    expectOk(await save({ kind: 'scheme', code: 'YARD', description: 'Yard crew', costCenterRequired: true, costCenterCodes: ['410', 'HQ'], overrides: [{ kind: 'warehouse', key: 'HARBOUR', costCenterCodes: ['310'] }] }));
    expect(expectOk(await t.call(admin, 'assignSchemeOperator', { schemeCode: 'yard', signInName: 'bob', assigned: true })).reason).toBe('Bob Lindqvist is on scheme YARD now.');
    expect(await audit('scheme-operator-assigned')).toEqual([
      { action: 'scheme-operator-assigned', rule: 'scheme-operator', before_value: 'bob: scheme SOLO', after_value: 'bob: scheme YARD', detail: expect.stringMatching(/^Bob Lindqvist \(bob\) put on scheme YARD, leaving scheme SOLO, by Dana Admin/) },
    ]);
    const editor = expectOk(await t.call(admin, 'schemeEditor', { code: 'YARD' }));
    expect(editor.operators.filter((operator) => operator.schemeCode === 'YARD').map((operator) => operator.signInName)).toEqual(['bob']);
    expect(editor.costGroups).toEqual(['MAINT', 'OVERHEAD', 'PROJECTS']);
    expect(editor.wipGlAccounts.map((account) => account.code)).toEqual(['1400', '1410']);

    const bob = await t.signIn('bob');
    const main = expectOk(await t.call(bob, 'resolveHeader', { vendorCode: 'GENERAL', warehouseCode: 'MAIN', costCenterCode: null }));
    expect(main.choices.map((choice) => choice.code)).toEqual(['410', 'HQ']);
    const harbour = expectOk(await t.call(bob, 'resolveHeader', { vendorCode: 'GENERAL', warehouseCode: 'HARBOUR', costCenterCode: null }));
    expect(harbour.warehouse.overrideApplied).toBe(true);
    expect(harbour.choices.map((choice) => choice.code)).toEqual(['310']);

    expectOk(await t.call(admin, 'assignSchemeOperator', { schemeCode: 'YARD', signInName: 'bob', assigned: false }));
    expect(await t.desk.db.selectFrom('operators').select('scheme_id').where('sign_in_name', '=', 'bob').executeTakeFirst()).toEqual({ scheme_id: null });
    expect(await audit('scheme-operator-unassigned')).toHaveLength(1);
  });

  it('lets supervisors read but not change, and refuses operators', async () => {
    const sam = await t.signIn('sam');
    const list = expectOk(await t.call(sam, 'listMasterData', { kind: 'vendor', filter: '', offset: 0, limit: 50 }));
    expect(list.canEdit).toBe(false);
    expect(list.total).toBe(6);
    const before = await masterTables();
    expect(await t.call(sam, 'saveMasterRecord', { originalCode: null, record: { kind: 'cost-type', code: 'Z', description: 'Zed' } })).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/signed in as a supervisor/) } });
    expect(await t.call(sam, 'deleteMasterRecord', { kind: 'cost-type', code: 'O' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await t.call(sam, 'assignSchemeOperator', { schemeCode: 'SOLO', signInName: 'alice', assigned: true })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await t.call(sam, 'setCostCenterActive', { code: '210', active: false })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await masterTables()).toEqual(before);
    const alice = await t.signIn('alice');
    expect(await t.call(alice, 'listMasterData', { kind: 'vendor', filter: '', offset: 0, limit: 50 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await t.call(alice, 'exportMasterData', { kind: 'vendor', filter: '' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await t.call(alice, 'schemeEditor', { code: 'NORTH' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('pages and filters lists, and exports every matching row in the import columns', async () => {
    for (let n = 0; n < 23; n++) expectOk(await save({ kind: 'cost-type', code: `T${String(n).padStart(2, '0')}`, description: n % 2 === 0 ? 'Even trade' : 'Odd trade' }));
    const page = expectOk(await t.call(admin, 'listMasterData', { kind: 'cost-type', filter: 'trade', offset: 10, limit: 10 }));
    expect(page.total).toBe(23);
    expect(page.rows.map((row) => row.code)).toEqual(['T10', 'T11', 'T12', 'T13', 'T14', 'T15', 'T16', 'T17', 'T18', 'T19']);
    const odd = expectOk(await t.call(admin, 'listMasterData', { kind: 'cost-type', filter: 'ODD', offset: 0, limit: 50 }));
    expect(odd.total).toBe(11);
    const byCode = expectOk(await t.call(admin, 'listMasterData', { kind: 'cost-type', filter: 't2', offset: 0, limit: 50 }));
    expect(byCode.rows.map((row) => row.code)).toEqual(['T20', 'T21', 'T22']);
    // A filter's % or _ means itself.
    expect(expectOk(await t.call(admin, 'listMasterData', { kind: 'cost-type', filter: '%', offset: 0, limit: 50 })).total).toBe(0);

    const exported = expectOk(await t.call(admin, 'exportMasterData', { kind: 'cost-center', filter: '' }));
    const text = Buffer.from(exported.contentBase64, 'base64').toString('utf8').replace(/^\uFEFF/, '');
    const parsed = Papa.parse<string[]>(text.trim(), { skipEmptyLines: true });
    expect(parsed.data[0]).toEqual(['code', 'description', 'active', 'cost_group']);
    expect(parsed.data).toContainEqual(['210', 'Maintenance North', 'yes', 'MAINT']);
    expect(parsed.data).toContainEqual(['500', 'Retired workshop', 'no', '']);
    expect(exported.rows).toBe(parsed.data.length - 1);
    const vendors = expectOk(await t.call(admin, 'exportMasterData', { kind: 'vendor', filter: 'bolt' }));
    expect(Buffer.from(vendors.contentBase64, 'base64').toString('utf8')).toBe('\uFEFFcode,name,cost_centers\r\nBOLT,Bolt Industrial,210; 220; 310');
  });
});

describe('master-data export', () => {
  it('formats money in the caller locale so the import reads it back', async () => {
    const t = await openTestDesk('sqlite');
    try {
      const admin = await t.signIn('admin');
      expectOk(await t.call(admin, 'setMyLocale', { locale: 'de-DE' }));
      const items = expectOk(await t.call(admin, 'exportMasterData', { kind: 'item', filter: 'TYRE' }));
      const text = Buffer.from(items.contentBase64, 'base64').toString('utf8');
      expect(text).toMatch(/TYRE-22,"Truck tyre 22\.5""","389,00"$/);
      // The import's own rule reads the exported row back as it is stored.
      const [header, row] = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data as [string[], string[]];
      const columns = KIND_IMPORTS.item.columns;
      const cells = (field: string) => row[header.indexOf(columns.find((column) => column.field === field)?.name ?? '')] ?? '';
      const context = { references: { costCenters: new Map(), jobs: new Map(), schemes: new Set<string>() }, existingKeys: new Set<string>(), locale: 'de-DE' as const };
      expect(KIND_IMPORTS.item.validate(cells, context, [])).toMatchObject({ allowed: true, record: { code: 'TYRE-22', description: 'Truck tyre 22.5"', unitCostMinor: 38_900 } });
    } finally {
      await t.close();
    }
  });
});
