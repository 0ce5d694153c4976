import { afterEach, beforeEach, expect, it } from 'vitest';
import type { ImportKind, ImportPreview } from '../../src/shared/import-schemas';
import { requireCaller } from '../../src/main/services/auth-service';
import { commitImport } from '../../src/main/services/import-service';
import { expectOk, openTestDesk, type TestDesk } from '../support/test-desk';
import { forEachStore } from '../support/stores';

/**
 * CSV imports of master data on both stores, through the real dispatcher (and, to fail a write
 * half-way, the service with a hook that throws inside the transaction). Demo world: cost centers
 * 110…410, HQ and the inactive 500; vendors ACME, BOLT, FLEETCO, GENERAL, HARBOUR, NOCC; schemes NORTH, SOLO, FLEET, WIDE.
 */
forEachStore((store) => {
  let t: TestDesk;
  beforeEach(async () => {
    t = await openTestDesk(store);
  });
  afterEach(async () => {
    await t.close();
  });

  /** Sends the file in pieces of `piece` characters, as the screen does, and checks it. */
  async function upload(session: string, kind: ImportKind, fileName: string, text: string, piece = 7): Promise<{ jobId: string; preview: ImportPreview }> {
    const { jobId } = expectOk(await t.call(session, 'beginImport', { kind, fileName, totalChars: text.length }));
    for (let offset = 0; offset < text.length; offset += piece) expectOk(await t.call(session, 'sendImportChunk', { jobId, offset, text: text.slice(offset, offset + piece) }));
    return { jobId, preview: expectOk(await t.call(session, 'checkImport', { jobId })) };
  }

  const vendorRows = async () =>
    (await t.desk.db.selectFrom('vendors').select(['code', 'name']).orderBy('code').execute()).map((row) => `${row.code}:${row.name}`);
  const vendorLinks = async (code: string) =>
    (
      await t.desk.db
        .selectFrom('vendor_cost_centers as l')
        .innerJoin('vendors as v', 'v.id', 'l.vendor_id')
        .innerJoin('cost_centers as c', 'c.id', 'l.cost_center_id')
        .select('c.code')
        .where('v.code', '=', code)
        .orderBy('c.code')
        .execute()
    ).map((row) => row.code);
  const importAudit = async () =>
    t.desk.db.selectFrom('audit_log').select(['action', 'rule', 'after_value', 'detail', 'vendor_code']).where('action', 'like', 'master-data-import%').orderBy('id').execute();

  const WITH_ERRORS = [
    '\uFEFFCode;Name;Cost centers',
    'NEWCO;New Company;"210; 220"',
    'bolt;Bolt again;210',
    'EMPTY;;',
    'NEWCO;Twice;',
    'BADCC;Bad cost centers;"999;210"',
    '',
    'LAST;"Last; with ""quotes""";HQ',
    '',
  ].join('\r\n');

  it('with errors writes nothing, names each by line, column and why, and refuses callers who are not admins', async () => {
    const admin = await t.signIn('admin');
    const before = await vendorRows();
    const { jobId, preview } = await upload(admin, 'vendor', 'vendors.csv', WITH_ERRORS);
    expect(preview).toMatchObject({ kind: 'vendor', delimiter: ';', columns: ['Code', 'Name', 'Cost centers'], rowCount: 6, validCount: 2, rejectedCount: 4, blankLineCount: 1, existingCount: 1 });
    expect(preview.errors.map((e) => [e.line, e.column, e.value, e.rule])).toEqual([
      [3, 'Code', 'bolt', 'code-taken'],
      [4, 'Name', '', 'text-required'],
      [5, 'Code', 'NEWCO', 'duplicate-in-file'],
      [6, 'Cost centers', '999;210', 'cost-center-unknown'],
    ]);
    expect(preview.errors[0]?.reason).toBe('Vendor BOLT already exists; vendor codes are unique.');
    expect(preview.errors[2]?.reason).toBe('Vendor code NEWCO is on line 2 already; a file lists each vendor once.');
    expect(preview.firstRows.slice(0, 2)).toEqual([
      { line: 2, cells: ['NEWCO', 'New Company', '210; 220'], valid: true },
      { line: 3, cells: ['bolt', 'Bolt again', '210'], valid: false },
    ]);
    expect(preview.allOrNothing).toMatchObject({ write: false, rule: 'import-refused' });
    expect(preview.validRows).toMatchObject({ write: true, rule: 'import-valid-rows' });
    expect(preview.existingRule).toMatch(/only adds vendors: a row whose code exists already is refused/);

    const page = expectOk(await t.call(admin, 'importErrors', { jobId, offset: 2, limit: 1 }));
    expect(page).toMatchObject({ total: 4, offset: 2, errors: [{ line: 5, rule: 'duplicate-in-file' }] });

    const refused = await t.call(admin, 'commitImport', { jobId, choice: 'all-or-nothing' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'refused', message: expect.stringMatching(/^Nothing is imported: 4 rows of 6 have errors \(lines 3, 4, 5 and 6\)/) } });
    expect(await vendorRows()).toEqual(before);
    expect((await importAudit()).map((row) => [row.action, row.rule])).toEqual([['master-data-import-refused', 'import-refused']]);

    for (const who of ['sam', 'alice']) {
      const session = await t.signIn(who);
      expect(await t.call(session, 'beginImport', { kind: 'vendor', fileName: 'v.csv', totalChars: 1 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      // Another session cannot see the admin's job at all.
      expect(await t.call(session, 'importProgress', { jobId })).toMatchObject({ ok: false, error: { code: 'not-found' } });
      expect(await t.call(session, 'commitImport', { jobId, choice: 'valid-rows' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await vendorRows()).toEqual(before);
  });

  it('all valid: writes every record with its lists, and audits the import and each record', async () => {
    const admin = await t.signIn('admin');
    const text = 'code,name,cost_centers\r\nNEWCO,New Company,"210; 220"\r\nLAST,"Last, with ""quotes""",HQ\r\nALONE,Alone Ltd,\r\n';
    const { jobId, preview } = await upload(admin, 'vendor', 'good.csv', text);
    expect(preview).toMatchObject({ rowCount: 3, validCount: 3, rejectedCount: 0, errorCount: 0, allOrNothing: { write: true, rule: 'import-all', reason: 'All 3 vendors are valid and will be imported.' } });
    expect(preview.notes).toEqual([{ line: 4, note: 'Vendor ALONE shares no cost center: while cost centers are in use, no operator can choose it.' }]);
    const outcome = expectOk(await t.call(admin, 'commitImport', { jobId, choice: 'all-or-nothing' }));
    expect(outcome).toMatchObject({ written: 3, rejected: 0, rule: 'import-all', reason: '3 vendors imported from good.csv; recorded in the audit log.' });
    expect(await vendorRows()).toEqual(expect.arrayContaining(['NEWCO:New Company', 'LAST:Last, with "quotes"', 'ALONE:Alone Ltd']));
    expect(await vendorLinks('NEWCO')).toEqual(['210', '220']);
    expect(await vendorLinks('ALONE')).toEqual([]);
    const audit = await importAudit();
    expect(audit.map((row) => [row.action, row.rule, row.vendor_code])).toEqual([
      ['master-data-imported', 'import-all', null],
      ['master-data-import-record', 'import-all', 'NEWCO'],
      ['master-data-import-record', 'import-all', 'LAST'],
      ['master-data-import-record', 'import-all', 'ALONE'],
    ]);
    expect(audit[0]?.detail).toBe('Dana Admin imported good.csv: 3 rows of vendors, 3 written, 0 left out (every row or none).');
    expect(audit[1]?.after_value).toBe('Vendor NEWCO: New Company; shares cost centers 210, 220');
    // The imported vendor is found where operators look for vendors.
    const found = expectOk(await t.call(admin, 'searchVendors', { query: 'NEWCO' }));
    expect(JSON.stringify(found)).toContain('NEWCO');
    expect(await t.call(admin, 'commitImport', { jobId, choice: 'all-or-nothing' })).toMatchObject({ ok: false, error: { code: 'refused', message: expect.stringMatching(/imported already/) } });
  });

  it('valid rows: writes only those and hands back the rejected ones with their errors', async () => {
    const admin = await t.signIn('admin');
    const { jobId } = await upload(admin, 'vendor', 'vendors.csv', WITH_ERRORS);
    const outcome = expectOk(await t.call(admin, 'commitImport', { jobId, choice: 'valid-rows' }));
    expect(outcome).toMatchObject({ written: 2, rejected: 4, rule: 'import-valid-rows' });
    expect(await vendorRows()).toEqual(expect.arrayContaining(['NEWCO:New Company', 'LAST:Last; with "quotes"']));
    expect(await vendorRows()).not.toEqual(expect.arrayContaining([expect.stringMatching(/^(EMPTY|BADCC):/)]));
    const rejected = expectOk(await t.call(admin, 'rejectedImportRows', { jobId }));
    expect(rejected.fileName).toBe('vendors-rejected.csv');
    expect(rejected.rows).toBe(4);
    expect(rejected.csv.split('\r\n')).toEqual([
      'Code;Name;Cost centers;errors',
      'bolt;Bolt again;210;Code: Vendor BOLT already exists; vendor codes are unique.'.replace(/;Code: (.*)$/, ';"Code: $1"'),
      'EMPTY;;;Name: Enter the name.',
      expect.stringMatching(/^NEWCO;Twice;;"Code: Vendor code NEWCO is on line 2 already/),
      expect.stringMatching(/^BADCC;Bad cost centers;"999;210";"Cost centers: Cost center 999 does not exist/),
    ]);
  });

  it('an import that fails half-way leaves nothing written, says so, and audits the failure', async () => {
    const admin = await t.signIn('admin');
    const lines = ['code,name,cost_centers', ...Array.from({ length: 12_000 }, (_, i) => `V${String(i).padStart(5, '0')},Vendor ${i},210;220`)];
    const { jobId, preview } = await upload(admin, 'vendor', 'big.csv', lines.join('\n'), 200_000);
    expect(preview).toMatchObject({ rowCount: 12_000, validCount: 12_000 });
    const before = await vendorRows();
    const links = await t.desk.db.selectFrom('vendor_cost_centers').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const caller = await requireCaller(t.desk, admin);
    const seen: string[] = [];
    const failing = commitImport(t.desk, caller, { jobId, choice: 'all-or-nothing' }, {
      afterSlice: async (written) => {
        // Progress is answered from memory while the transaction holds the store.
        const progress = expectOk(await t.call(admin, 'importProgress', { jobId }));
        seen.push(`${progress.phase} ${progress.done}/${progress.total}`);
        if (written >= 10_000) throw new Error('injected: the disk filled up');
      },
    });
    await expect(failing).rejects.toMatchObject({
      error: { code: 'refused', message: 'Nothing was imported: writing stopped after 10,000 of 12,000 vendors (injected: the disk filled up), and the whole import was rolled back, so none of them is stored. Check the file again and import it.' },
    });
    expect(seen).toEqual(['writing 5000/12000', 'writing 10000/12000']);
    expect(await vendorRows()).toEqual(before);
    expect(await t.desk.db.selectFrom('vendor_cost_centers').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).toEqual(links);
    expect(await t.desk.db.selectFrom('audit_log').select('id').where('action', '=', 'master-data-import-record').execute()).toEqual([]);
    expect((await importAudit()).map((row) => [row.action, row.rule])).toEqual([['master-data-import-failed', 'import-write-failed']]);
    expect(expectOk(await t.call(admin, 'importProgress', { jobId }))).toMatchObject({ phase: 'failed' });
  });

  it('a code stored by someone else after the preview refuses the write: nothing is written', async () => {
    const admin = await t.signIn('admin');
    const { jobId } = await upload(admin, 'vendor', 'good.csv', 'code,name\nNEWCO,New Company\nOTHER,Other Ltd\n');
    await t.desk.db.insertInto('vendors').values({ code: 'OTHER', name: 'Meanwhile' }).execute();
    const result = await t.call(admin, 'commitImport', { jobId, choice: 'all-or-nothing' });
    expect(result).toMatchObject({ ok: false, error: { code: 'refused', message: expect.stringMatching(/^Nothing is imported: 1 row of 2 has errors \(line 3\)/) } });
    expect(await vendorRows()).not.toContain('NEWCO:New Company');
    const again = await t.call(admin, 'commitImport', { jobId, choice: 'valid-rows' });
    expect(again).toMatchObject({ ok: false, error: { code: 'refused', message: expect.stringMatching(/changed since the preview/) } });
    expect(await vendorRows()).not.toContain('NEWCO:New Company');
  });

  it('imports schemes, work orders and operators with their references; imported operators cannot sign in until reset', async () => {
    const admin = await t.signIn('admin');
    const schemes = await upload(admin, 'scheme', 's.csv', 'code,description,cost_centers\nEAST,East crews,320;310;HQ\n');
    expectOk(await t.call(admin, 'commitImport', { jobId: schemes.jobId, choice: 'all-or-nothing' }));
    const list = await t.desk.db
      .selectFrom('scheme_cost_centers as l')
      .innerJoin('schemes as s', 's.id', 'l.scheme_id')
      .innerJoin('cost_centers as c', 'c.id', 'l.cost_center_id')
      .select(['c.code', 'l.position'])
      .where('s.name', '=', 'EAST')
      .orderBy('l.position')
      .execute();
    expect(list).toEqual([
      { code: '320', position: 0 },
      { code: '310', position: 1 },
      { code: 'HQ', position: 2 },
    ]);
    const orders = await upload(admin, 'work-order', 'wo.csv', 'code,description,job,cost_center,site_address\nWO-9,Dock,J-100,310,\nWO-8,Old,J-999,500,\n');
    expect(orders.preview.errors.map((e) => [e.line, e.column, e.rule])).toEqual([
      [3, 'job', 'job-unknown'],
      [3, 'cost_center', 'cost-center-inactive'],
    ]);
    expectOk(await t.call(admin, 'commitImport', { jobId: orders.jobId, choice: 'valid-rows' }));
    expect(await t.desk.db.selectFrom('work_orders').select(['code', 'site_address']).where('code', 'like', 'WO-_').execute()).toEqual([{ code: 'WO-9', site_address: '' }]);

    const people = await upload(admin, 'operator', 'ops.csv', 'sign_in_name,display_name,role,scheme,approval_limit\nErin,Erin Example,supervisor,EAST,"1,500.00"\n');
    expectOk(await t.call(admin, 'commitImport', { jobId: people.jobId, choice: 'all-or-nothing' }));
    const erin = await t.desk.db.selectFrom('operators').select(['sign_in_name', 'role', 'approval_limit_minor', 'must_change_password', 'password_hash']).where('sign_in_name', '=', 'erin').executeTakeFirstOrThrow();
    expect(erin).toMatchObject({ sign_in_name: 'erin', role: 'supervisor', approval_limit_minor: 150_000, must_change_password: 1 });
    expect(erin.password_hash.startsWith('scrypt$')).toBe(false);
    for (const password of ['', 'demo', erin.password_hash]) {
      expect(await t.call('erin-session', 'signIn', { signInName: 'erin', password: password || 'x' })).toMatchObject({ ok: false });
    }
  });
});
