import { describe, expect, it } from 'vitest';
import { type ImportContext, KIND_IMPORTS, listCells, normaliseColumnName } from '../../src/main/domain/admin/import-columns';
import { allErrors, importValidator, numberRows, type ParsedCsv, planImport, rejectedFile, validateImport } from '../../src/main/domain/admin/import-validation';
import { MASTER_KINDS, type MasterKind } from '../../src/main/domain/admin/master-data-rules';
import { IMPORT_COLUMN_HINTS, IMPORT_KINDS } from '../../src/shared/import-schemas';

const context = (existingKeys: string[] = [], locale: ImportContext['locale'] = 'en-US'): ImportContext => ({
  references: {
    costCenters: new Map([
      ['210', { active: true }],
      ['220', { active: true }],
      ['310', { active: true }],
      ['500', { active: false }],
    ]),
    jobs: new Map([['J-100', { siteAddress: '12 Harbour Rd' }]]),
    schemes: new Set(['NORTH']),
  },
  existingKeys: new Set(existingKeys),
  locale,
});

const csv = (...records: string[][]): ParsedCsv => numberRows(records);
const errorsOf = (kind: MasterKind, file: ParsedCsv, ctx = context()) =>
  allErrors(validateImport(kind, file, ctx)).map((e) => ({ line: e.line, column: e.column, rule: e.rule }));

describe('header', () => {
  it.each([
    ['code', 'code'],
    ['  Code ', 'code'],
    ['\uFEFFcode', 'code'],
    ['Sign-in name', 'sign_in_name'],
    ['COST CENTERS', 'cost_centers'],
    ['site  address', 'site_address'],
  ])('%j is read as %s', (raw, name) => expect(normaliseColumnName(raw)).toBe(name));

  it('takes the columns in any order and any capitals', () => {
    const validation = validateImport('vendor', csv(['Name', 'COST_CENTERS', '\uFEFFCode'], ['Acme Supplies', '210', 'acme']), context());
    expect(validation.valid.map((row) => row.record)).toEqual([{ code: 'ACME', name: 'Acme Supplies', costCenterCodes: ['210'] }]);
  });

  it.each<[string, string[], string, string]>([
    ['a required column missing', ['code'], 'column-missing', 'The header lacks column name; vendors need code (required), name (required) and cost_centers.'],
    ['two required columns missing', ['cost_centers'], 'column-missing', 'The header lacks columns code and name; vendors need code (required), name (required) and cost_centers.'],
    ['a column the kind does not take', ['code', 'name', 'colour'], 'column-unknown', 'Column "colour" is not one vendors take; the columns are code (required), name (required) and cost_centers.'],
    ['a typo of an optional column is not silently dropped', ['code', 'name', 'cost_centres'], 'column-unknown', 'Column "cost_centres" is not one vendors take; the columns are code (required), name (required) and cost_centers.'],
    ['a column twice', ['code', 'name', 'Code'], 'column-repeated', 'Column code is in the header twice, as columns 1 and 3; keep one.'],
  ])('%s', (_name, header, rule, reason) => {
    const validation = validateImport('vendor', csv(header, header.map(() => 'x')), context());
    expect(validation.fileErrors.map((e) => [e.rule, e.reason])).toEqual([[rule, reason]]);
    expect(validation.valid).toEqual([]);
    expect(validation.rejected).toEqual([]);
  });

  it('an empty file', () => {
    const validation = validateImport('warehouse', { header: [], rows: [] }, context());
    expect(validation.fileErrors.map((e) => e.reason)).toEqual(['The file has no header: its first line names the columns, code and name.']);
  });

  it('ignores the errors column of a downloaded rejected file', () => {
    const validation = validateImport('warehouse', csv(['code', 'name', 'errors'], ['MAIN', 'Main store', 'name: Enter the name.']), context());
    expect(validation.fileErrors).toEqual([]);
    expect(validation.valid.map((row) => row.record)).toEqual([{ code: 'MAIN', name: 'Main store' }]);
  });
});

describe('per-row errors: line, column and why', () => {
  it('names line, column as the file has it, column number, value and reason', () => {
    const validation = validateImport('cost-center', csv(['Code', 'Description'], ['210', 'North'], ['2 1', ''], ['HQ', 'Head office']), context());
    expect(validation.valid.map((row) => row.line)).toEqual([2, 4]);
    expect(validation.rejected).toHaveLength(1);
    expect(validation.rejected[0]?.errors).toEqual([
      { line: 3, column: 'Code', columnNumber: 1, value: '2 1', rule: 'code-characters', reason: `Cost center code "2 1" contains a space; use only letters, digits, '-', '_', '/' and '.'.` },
      { line: 3, column: 'Description', columnNumber: 2, value: '', rule: 'text-required', reason: 'Enter the description.' },
    ]);
  });

  it('keeps the lines the parser reports (a quoted cell over two lines)', () => {
    const file: ParsedCsv = { header: ['code', 'name'], rows: [{ line: 2, cells: ['MAIN', 'Main'] }, { line: 3, cells: ['NORTH', 'North\ndepot'] }, { line: 5, cells: ['', 'x'] }] };
    expect(errorsOf('warehouse', file)).toEqual([
      { line: 3, column: 'name', rule: 'text-one-line' },
      { line: 5, column: 'code', rule: 'code-required' },
    ]);
  });

  type Row = [name: string, kind: MasterKind, header: string[], cells: string[], errors: [column: string | null, rule: string][]];
  it.each<Row>([
    ['cost center: active is yes or no', 'cost-center', ['code', 'description', 'active'], ['210', 'North', 'maybe'], [['active', 'cell-flag']]],
    ['cost center: bad cost group', 'cost-center', ['code', 'description', 'cost_group'], ['210', 'North', 'a b'], [['cost_group', 'code-characters']]],
    ['scheme: ALL refused', 'scheme', ['code', 'cost_centers'], ['all', '210'], [['code', 'scheme-code-reserved']]],
    ['scheme: longer than 10', 'scheme', ['code'], ['NORTHWESTERN'], [['code', 'code-too-long']]],
    ['scheme: unknown cost center', 'scheme', ['code', 'cost_centers'], ['N2', '210;999'], [['cost_centers', 'cost-center-unknown']]],
    ['vendor: a cost center twice', 'vendor', ['code', 'name', 'cost_centers'], ['BOLT', 'Bolt', '210; 220; 210'], [['cost_centers', 'cost-center-repeated']]],
    ['vendor: no name', 'vendor', ['code', 'name'], ['BOLT', ' '], [['name', 'text-required']]],
    ['job: site on two lines', 'job', ['code', 'site_address'], ['J-1', '1 Dock St\nHarbour'], [['site_address', 'text-one-line']]],
    ['work order: unknown job and inactive cost center', 'work-order', ['code', 'job', 'cost_center'], ['WO-1', 'J-404', '500'], [['job', 'job-unknown'], ['cost_center', 'cost-center-inactive']]],
    ['G/L account: WIP is yes or no', 'gl-account', ['code', 'description', 'wip'], ['1400', 'WIP', 'wip'], [['wip', 'cell-flag']]],
    ['item: unit cost missing', 'item', ['code', 'description', 'unit_cost'], ['I-1', 'Bolt', ''], [['unit_cost', 'cell-required']]],
    ['item: unit cost with a comma decimal in en-US', 'item', ['code', 'description', 'unit_cost'], ['I-1', 'Bolt', '1,5'], [['unit_cost', 'cell-money']]],
    ['item: three decimals are never rounded', 'item', ['code', 'description', 'unit_cost'], ['I-1', 'Bolt', '1.505'], [['unit_cost', 'cell-money']]],
    ['item: negative', 'item', ['code', 'description', 'unit_cost'], ['I-1', 'Bolt', '-1.00'], [['unit_cost', 'cell-money']]],
    ['item: above the line maximum', 'item', ['code', 'description', 'unit_cost'], ['I-1', 'Bolt', '10000000.01'], [['unit_cost', 'unit-cost-too-large']]],
    ['cost type: no description', 'cost-type', ['code', 'description'], ['L', ''], [['description', 'text-required']]],
    ['operator: unknown role and scheme', 'operator', ['sign_in_name', 'display_name', 'role', 'scheme'], ['new', 'New', 'boss', 'SOUTH'], [['role', 'role-unknown'], ['scheme', 'scheme-unknown']]],
    ['operator: bad approval limit', 'operator', ['sign_in_name', 'display_name', 'role', 'approval_limit'], ['sam2', 'Sam', 'supervisor', 'lots'], [['approval_limit', 'cell-money']]],
  ])('%s', (_name, kind, header, cells, errors) => {
    expect(errorsOf(kind, csv(header, cells)).map((e) => [e.column, e.rule])).toEqual(errors);
  });

  it('money in the import’s number format', () => {
    const de = validateImport('item', csv(['code', 'description', 'unit_cost'], ['I-1', 'Bolt', '1.234,50']), context([], 'de-DE'));
    expect(de.valid[0]?.record).toEqual({ code: 'I-1', description: 'Bolt', unitCostMinor: 123450 });
    const us = validateImport('item', csv(['code', 'description', 'unit_cost'], ['I-1', 'Bolt', '1,5']), context());
    expect(us.rejected[0]?.errors[0]?.reason).toBe("Unit cost 1,5 is not a number in English (United States): ',' groups thousands there, in threes (as in 1,000). For a decimal write 1.5.");
  });

  it.each([
    ['yes', true],
    ['Y', true],
    ['TRUE', true],
    ['1', true],
    ['no', false],
    ['n', false],
    ['False', false],
    ['0', false],
    ['', true],
  ])('active %j → %s', (cell, active) => {
    const validation = validateImport('cost-center', csv(['code', 'description', 'active'], ['210', 'North', cell]), context());
    expect(validation.valid[0]?.record.active).toBe(active);
  });

  it('a row with more or fewer values than columns is refused as a whole', () => {
    const file = csv(['code', 'name'], ['A', 'Alpha', 'extra'], ['B']);
    const validation = validateImport('warehouse', file, context());
    expect(validation.rejected.map((row) => row.errors.map((e) => [e.line, e.column, e.reason]))).toEqual([
      [[2, null, 'Line 2 has 3 values; the header has 2 columns.']],
      [[3, null, 'Line 3 has 1 value; the header has 2 columns.']],
    ]);
  });

  it('skips blank rows and counts them', () => {
    const validation = validateImport('warehouse', csv(['code', 'name'], ['A', 'Alpha'], ['', ' '], ['B', 'Beta']), context());
    expect(validation.rowCount).toBe(2);
    expect(validation.blankLines).toEqual([3]);
    expect(validation.valid).toHaveLength(2);
  });

  it('keeps notes of valid rows', () => {
    const validation = validateImport('vendor', csv(['code', 'name'], ['nocc', 'Unassigned']), context());
    expect(validation.valid[0]?.notes).toEqual([
      'Vendor code nocc is stored as NOCC: codes are kept in capitals, as look-ups read them.',
      'Vendor NOCC shares no cost center: while cost centers are in use, no operator can choose it.',
    ]);
  });
});

describe('duplicates', () => {
  it('within the file: every later row names the first line', () => {
    const file = csv(['code', 'name'], ['ACME', 'Acme'], ['BOLT', 'Bolt'], ['acme', 'Acme again'], [' ACME ', 'Acme thrice']);
    const validation = validateImport('vendor', file, context());
    expect(validation.valid.map((row) => row.line)).toEqual([2, 3]);
    expect(validation.rejected.map((row) => row.errors.map((e) => [e.line, e.column, e.rule, e.reason]))).toEqual([
      [[4, 'code', 'duplicate-in-file', 'Vendor code ACME is on line 2 already; a file lists each vendor once.']],
      [[5, 'code', 'duplicate-in-file', 'Vendor code ACME is on line 2 already; a file lists each vendor once.']],
    ]);
  });

  it('a first row with other errors still claims its code', () => {
    const validation = validateImport('vendor', csv(['code', 'name'], ['ACME', ''], ['ACME', 'Acme']), context());
    expect(validation.rejected.map((row) => row.errors.map((e) => e.rule))).toEqual([['text-required'], ['duplicate-in-file']]);
  });

  it('against existing codes', () => {
    expect(errorsOf('cost-center', csv(['code', 'description'], ['210', 'North'], ['999', 'New']), context(['210']))).toEqual([{ line: 2, column: 'code', rule: 'code-taken' }]);
  });

  it('operators by sign-in name, whatever the capitals', () => {
    const file = csv(['sign_in_name', 'display_name', 'role', 'scheme'], ['Alice', 'Alice', 'operator', 'NORTH'], ['newbie', 'N', 'operator', 'north'], ['NEWBIE', 'N2', 'operator', '']);
    const validation = validateImport('operator', file, context(['alice']));
    expect(allErrors(validation).map((e) => [e.line, e.rule, e.reason])).toEqual([
      [2, 'code-taken', 'An operator signs in as alice already; sign-in names are unique.'],
      [4, 'duplicate-in-file', 'Sign-in name newbie is on line 3 already; a file lists each operator once.'],
    ]);
  });
});

describe('every kind imports', () => {
  it.each<[MasterKind, string[], string[], unknown]>([
    ['cost-center', ['code', 'description', 'active', 'cost_group'], ['310', 'Harbour', 'no', 'proj'], { code: '310', description: 'Harbour', active: false, costGroup: 'PROJ' }],
    ['scheme', ['code', 'description', 'cost_centers'], ['field', 'Field crews', '310;220; 210'], { code: 'FIELD', description: 'Field crews', costCenterCodes: ['310', '220', '210'] }],
    ['vendor', ['code', 'name', 'cost_centers'], ['HARBOUR', 'Harbour Marine', '310'], { code: 'HARBOUR', name: 'Harbour Marine', costCenterCodes: ['310'] }],
    ['warehouse', ['code', 'name'], ['north', 'North depot'], { code: 'NORTH', name: 'North depot' }],
    ['job', ['code', 'description', 'site_address'], ['J-200', 'North', '4 North Way'], { code: 'J-200', description: 'North', siteAddress: '4 North Way' }],
    [
      'work-order',
      ['code', 'description', 'job', 'cost_center', 'site_address'],
      ['WO-1001', 'Pier', 'J-100', '310', ''],
      { code: 'WO-1001', description: 'Pier', jobCode: 'J-100', costCenterCode: '310', siteAddress: '', effectiveSiteAddress: '12 Harbour Rd' },
    ],
    ['gl-account', ['code', 'description', 'wip'], ['1400', 'Work in progress', 'yes'], { code: '1400', description: 'Work in progress', wip: true }],
    ['item', ['code', 'description', 'unit_cost'], ['TYRE-22', 'Truck tyre', '389'], { code: 'TYRE-22', description: 'Truck tyre', unitCostMinor: 38900 }],
    ['cost-type', ['code', 'description'], ['m', 'Material'], { code: 'M', description: 'Material' }],
    [
      'operator',
      ['sign_in_name', 'display_name', 'role', 'scheme', 'active', 'approval_limit', 'locale'],
      ['Lee', 'Lee Chen', 'Supervisor', 'north', 'yes', '10,000.00', 'sv-SE'],
      { signInName: 'lee', displayName: 'Lee Chen', role: 'supervisor', schemeCode: 'NORTH', active: true, approvalLimitMinor: 1_000_000, locale: 'sv-SE' },
    ],
  ])('%s', (kind, header, cells, expected) => {
    const validation = validateImport(kind, csv(header, cells), context());
    expect(allErrors(validation)).toEqual([]);
    expect(validation.valid.map((row) => row.record)).toEqual([expected]);
  });
});

describe('the plan: nothing written unless every row is valid, or the valid rows', () => {
  const file = csv(['code', 'name'], ['A', 'Alpha'], ['', 'Blank'], ['C', 'Gamma'], ['D', '']);
  const validation = validateImport('warehouse', file, context());

  it('all or nothing, with errors: nothing is written, and the way out is offered', () => {
    const plan = planImport(validation, 'all-or-nothing');
    expect(plan.write).toBe(false);
    expect(plan.rule).toBe('import-refused');
    expect(plan.records).toEqual([]);
    expect(plan.rejected.map((row) => row.line)).toEqual([3, 5]);
    expect(plan.reason).toBe('Nothing is imported: 2 rows of 4 have errors (lines 3 and 5). Fix them and import again, or import the 2 rows that are valid and download the rejected ones.');
  });

  it('valid rows: the valid ones are written, the rejected ones handed back', () => {
    const plan = planImport(validation, 'valid-rows');
    expect(plan.write).toBe(true);
    expect(plan.rule).toBe('import-valid-rows');
    expect(plan.records.map((row) => row.record.code)).toEqual(['A', 'C']);
    expect(plan.rejected.map((row) => row.line)).toEqual([3, 5]);
    expect(plan.reason).toBe('2 warehouses of 4 will be imported; 2 rows of 4 have errors (lines 3 and 5) and are left out: download them to fix.');
  });

  it('every row valid: everything is written, either way', () => {
    const clean = validateImport('warehouse', csv(['code', 'name'], ['A', 'Alpha'], ['B', 'Beta']), context());
    for (const choice of ['all-or-nothing', 'valid-rows'] as const) {
      const plan = planImport(clean, choice);
      expect(plan).toMatchObject({ write: true, rule: 'import-all', reason: 'All 2 warehouses are valid and will be imported.' });
      expect(plan.records).toHaveLength(2);
    }
    expect(planImport(validateImport('warehouse', csv(['code', 'name'], ['A', 'Alpha']), context()), 'valid-rows').reason).toBe('The warehouse is valid and will be imported.');
  });

  it('valid rows, none valid: nothing', () => {
    const plan = planImport(validateImport('warehouse', csv(['code', 'name'], ['', 'x']), context()), 'valid-rows');
    expect(plan).toMatchObject({ write: false, rule: 'import-nothing-valid', reason: 'Nothing is imported: no row is valid; 1 row of 1 has errors (line 2).' });
  });

  it('all or nothing, none valid: no offer of valid rows', () => {
    expect(planImport(validateImport('warehouse', csv(['code', 'name'], ['', 'x']), context()), 'all-or-nothing').reason).toBe('Nothing is imported: 1 row of 1 has errors (line 2). Fix them and import again.');
  });

  it('errors in the file itself: nothing, whichever the choice', () => {
    const broken = validateImport('warehouse', csv(['code'], ['A']), context());
    for (const choice of ['all-or-nothing', 'valid-rows'] as const) {
      expect(planImport(broken, choice)).toMatchObject({ write: false, rule: 'import-file-refused', reason: 'Nothing is imported: The header lacks column name; warehouses need code (required) and name (required).' });
    }
  });

  it('only a header: nothing', () => {
    expect(planImport(validateImport('warehouse', csv(['code', 'name']), context()), 'valid-rows')).toMatchObject({ write: false, rule: 'import-no-rows', reason: 'Nothing is imported: the file has no warehouses, only its header.' });
  });

  it('many rejected lines: the first five and how many more, in the reader format', () => {
    const rows = Array.from({ length: 1500 }, (_, i) => ['', `x${i}`]);
    const plan = planImport(validateImport('warehouse', csv(['code', 'name'], ['OK', 'fine'], ...rows), context()), 'all-or-nothing', 'de-DE');
    expect(plan.reason).toBe(
      'Nothing is imported: 1.500 rows of 1.501 have errors (lines 3, 4, 5, 6, 7 and 1.495 more). Fix them and import again, or import the 1 row that are valid and download the rejected ones.',
    );
  });
});

describe('the rejected rows to download', () => {
  it('the file’s columns and an errors column; importing it again reads the same columns', () => {
    const validation = validateImport('vendor', csv(['code', 'name', 'cost_centers'], ['OK', 'Fine', '210'], ['', 'No code', '999']), context());
    const rejected = rejectedFile(validation);
    expect(rejected).toEqual([
      ['code', 'name', 'cost_centers', 'errors'],
      [
        '',
        'No code',
        '999',
        "code: Enter the vendor code: 1 to 32 letters, digits, '-', '_', '/' or '.'. | cost_centers: Cost center 999 does not exist; the vendor can only list cost centers that do.",
      ],
    ]);
    const fixed = rejected.map((row, index) => (index === 0 ? row : ['FIXED', row[1] ?? '', '210', row[3] ?? '']));
    const again = validateImport('vendor', numberRows(fixed), context());
    expect(allErrors(again)).toEqual([]);
    expect(again.valid.map((row) => row.record.code)).toEqual(['FIXED']);
  });

  it('replaces an errors column already there', () => {
    const validation = validateImport('warehouse', csv(['errors', 'code', 'name'], ['old', '', 'x']), context());
    expect(rejectedFile(validation)).toEqual([
      ['code', 'name', 'errors'],
      ['', 'x', "code: Enter the warehouse code: 1 to 32 letters, digits, '-', '_', '/' or '.'."],
    ]);
  });
});

describe('lists in cells', () => {
  it.each([
    ['210;220', ['210', '220']],
    [' 210 ; 220 ;', ['210', '220']],
    ['', []],
    [';;', []],
  ])('%j', (cell, codes) => expect(listCells(cell)).toEqual(codes));
});

describe('100,000 rows', () => {
  const costCenters = Array.from({ length: 50 }, (_, i) => String(100 + i));
  const big = (count: number) => {
    const rows: string[][] = [['code', 'name', 'cost_centers']];
    for (let i = 0; i < count; i++) rows.push([`V${String(i).padStart(6, '0')}`, `Vendor number ${i}`, `${costCenters[i % 50]};${costCenters[(i + 7) % 50]}`]);
    return rows;
  };
  const bigContext = (): ImportContext => ({ ...context(), references: { ...context().references, costCenters: new Map(costCenters.map((code) => [code, { active: true }])) } });
  const time = (count: number) => {
    const file = numberRows(big(count));
    const started = performance.now();
    validateImport('vendor', file, bigContext());
    return performance.now() - started;
  };
  // Set by the first test: a quadratic check would take minutes on 100,000 rows, so the second does not start one.
  let growth = Number.POSITIVE_INFINITY;

  it('grow linearly: four times the rows take about four times as long, not sixteen', () => {
    time(5_000); // warm up
    const small = Math.min(time(5_000), time(5_000), time(5_000));
    const large = Math.min(time(20_000), time(20_000), time(20_000));
    growth = large / small;
    expect(growth).toBeLessThan(9);
  });

  it('are validated in well under a second, duplicates found at the far end', () => {
    expect(growth, 'growth is worse than linear (see the test above); 100,000 rows are not tried').toBeLessThan(9);
    const rows = big(100_000);
    rows.push(['V000000', 'Again', '100']);
    const file = numberRows(rows);
    const started = performance.now();
    const validation = validateImport('vendor', file, bigContext());
    const plan = planImport(validation, 'valid-rows');
    const elapsed = performance.now() - started;
    expect(validation.valid).toHaveLength(100_000);
    expect(validation.rejected.map((row) => row.errors.map((e) => e.reason))).toEqual([['Vendor code V000000 is on line 2 already; a file lists each vendor once.']]);
    expect(plan.write).toBe(true);
    expect(elapsed).toBeLessThan(1000);
  });
});

describe('judged in slices', () => {
  const file = csv(
    ['code', 'name', 'cost_centers'],
    ['A1', 'Alpha', '210'],
    ['B1', '', '210'],
    ['A1', 'Again', ''],
    ['C1', 'Gamma', '999'],
    ['D1', 'Delta', '220;310'],
  );
  it.each([1, 2, 3, 5])('gives the same verdicts as one pass, %i rows a slice (duplicates across slices too)', (size) => {
    const validator = importValidator('vendor', file, context());
    for (let start = 0; start < file.rows.length; start += size) validator.judge(file.rows.slice(start, start + size));
    expect(validator.result).toEqual(validateImport('vendor', file, context()));
    expect(validator.result.rejected.map((row) => row.line)).toEqual([3, 4, 5]);
  });

  it('judges nothing when the header is refused', () => {
    const validator = importValidator('vendor', csv(['code', 'colour'], ['A1', 'red']), context());
    validator.judge([{ line: 2, cells: ['A1', 'red'] }]);
    expect(validator.result.rowCount).toBe(0);
    expect(validator.result.fileErrors.map((e) => e.rule)).toEqual(['column-unknown', 'column-missing']);
  });
});

describe('the screen\'s lists', () => {
  it('names the same kinds as main', () => {
    expect([...IMPORT_KINDS]).toEqual([...MASTER_KINDS]);
  });
  it.each([...MASTER_KINDS])('hints the columns %s takes, required ones marked', (kind) => {
    expect(IMPORT_COLUMN_HINTS[kind]).toEqual(KIND_IMPORTS[kind].columns.map((c) => `${c.name}${c.required ? '*' : ''}`));
  });
});
