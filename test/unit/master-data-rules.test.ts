import { describe, expect, it } from 'vitest';
import { roleSchema } from '../../src/shared/contracts';
import {
  andList,
  checkCode,
  checkCostCenterList,
  checkSiteAddress,
  checkText,
  countOf,
  type CostCenterRef,
  type FieldResult,
  type RecordVerdict,
} from '../../src/main/domain/admin/field-rules';
import {
  checkCodeChange,
  checkKindCode,
  checkNewCode,
  checkSchemeCode,
  checkUnitCost,
  type References,
  validateCostCenter,
  validateCostType,
  validateGlAccount,
  validateItem,
  validateJob,
  validateScheme,
  validateVendor,
  validateWarehouse,
  validateWorkOrder,
} from '../../src/main/domain/admin/master-data-rules';
import {
  checkOperatorChange,
  checkPassword,
  checkRole,
  checkSignInName,
  type OperatorChangeFacts,
  ROLES,
  validateOperator,
} from '../../src/main/domain/admin/operator-rules';

const costCenters = new Map<string, CostCenterRef>([
  ['210', { active: true }],
  ['220', { active: true }],
  ['310', { active: true }],
  ['HQ', { active: true }],
  ['500', { active: false }],
]);
const refs: References = {
  costCenters,
  jobs: new Map([
    ['J-100', { siteAddress: '12 Harbour Rd' }],
    ['J-900', { siteAddress: '' }],
  ]),
  schemes: new Set(['NORTH', 'SOLO']),
};

const value = <T>(result: FieldResult<T>): T => {
  if (!result.ok) throw new Error(`refused: ${result.problem.reason}`);
  return result.value;
};
const problem = <T>(result: FieldResult<T>) => {
  if (result.ok) throw new Error(`allowed: ${String(result.value)}`);
  return result.problem;
};
const problems = <R>(verdict: RecordVerdict<R>) => (verdict.allowed ? [] : verdict.problems.map((p) => [p.field, p.rule]));
const record = <R>(verdict: RecordVerdict<R>): R => {
  if (!verdict.allowed) throw new Error(`refused: ${verdict.reason}`);
  return verdict.record;
};

describe('codes: number, text or both', () => {
  const spec = { field: 'code', label: 'Cost center code', max: 32 };
  it.each([
    ['digits', '210', '210'],
    ['letters', 'HQ', 'HQ'],
    ['both', 'NORTH2', 'NORTH2'],
    ['with dash', 'BOLT-M8', 'BOLT-M8'],
    ['with slash, dot, underscore', 'A/B.C_D', 'A/B.C_D'],
    ['leading zeros kept: 010 is not 10', '010', '010'],
    ['spaces around removed', '  210\t', '210'],
    ['small letters stored in capitals', 'hq', 'HQ'],
    ['letters of any alphabet', 'Överby', 'ÖVERBY'],
    ['exactly 32 characters', 'A'.repeat(32), 'A'.repeat(32)],
  ])('%s: %j → %s', (_name, raw, stored) => {
    expect(value(checkCode(raw, spec))).toBe(stored);
  });

  it.each([
    ['blank', '', 'code-required', "Enter the cost center code: 1 to 32 letters, digits, '-', '_', '/' or '.'."],
    ['only spaces', '   ', 'code-required', "Enter the cost center code: 1 to 32 letters, digits, '-', '_', '/' or '.'."],
    ['33 characters', 'A'.repeat(33), 'code-too-long', `Cost center code ${'A'.repeat(33)} has 33 characters; at most 32 are allowed.`],
    ['a space inside', '21 0', 'code-characters', `Cost center code "21 0" contains a space; use only letters, digits, '-', '_', '/' and '.'.`],
    ['a semicolon (the CSV list separator)', '210;220', 'code-characters', `Cost center code "210;220" contains ';'; use only letters, digits, '-', '_', '/' and '.'.`],
    ['several odd characters, each named once', '2#1#0 x', 'code-characters', `Cost center code "2#1#0 x" contains '#' and a space; use only letters, digits, '-', '_', '/' and '.'.`],
    ['an invisible character', '21\u200b0', 'code-characters', `Cost center code "21\u200b0" contains the invisible character U+200B; use only letters, digits, '-', '_', '/' and '.'.`],
    ['only punctuation', '--', 'code-needs-letter-or-digit', 'Cost center code -- has no letter or digit; it needs at least one.'],
    ['longer once in capitals (ß → SS)', `${'A'.repeat(31)}ß`, 'code-too-long', `Cost center code ${'A'.repeat(31)}ß becomes ${'A'.repeat(31)}SS in capitals, 33 characters; at most 32 are allowed.`],
  ])('%s is refused', (_name, raw, rule, reason) => {
    expect(problem(checkCode(raw, spec))).toEqual({ field: 'code', rule, reason });
  });

  it('says when capitals changed what was typed', () => {
    const result = checkCode('hq', spec);
    expect(result.ok && result.note).toBe('Cost center code hq is stored as HQ: codes are kept in capitals, as look-ups read them.');
    expect(checkCode('HQ', spec).ok && (checkCode('HQ', spec) as { note: string | null }).note).toBeNull();
  });
});

describe('scheme codes: at most 10 characters, never ALL', () => {
  it.each([
    ['NORTH', 'NORTH'],
    ['field', 'FIELD'],
    ['ABCDEFGHIJ', 'ABCDEFGHIJ'],
    ['ALL2', 'ALL2'],
    ['ALLOC', 'ALLOC'],
    ['WALL', 'WALL'],
  ])('%s → %s', (raw, stored) => expect(value(checkSchemeCode(raw))).toBe(stored));

  it.each([
    ['ALL', 'scheme-code-reserved', 'Scheme code ALL is reserved: ALL means every cost center in a scheme list. Choose another code.'],
    ['all', 'scheme-code-reserved', 'Scheme code all is reserved: ALL means every cost center in a scheme list. Choose another code.'],
    ['All', 'scheme-code-reserved', 'Scheme code All is reserved: ALL means every cost center in a scheme list. Choose another code.'],
    [' aLl ', 'scheme-code-reserved', 'Scheme code aLl is reserved: ALL means every cost center in a scheme list. Choose another code.'],
    ['ABCDEFGHIJK', 'code-too-long', 'Scheme code ABCDEFGHIJK has 11 characters; at most 10 are allowed.'],
    ['NORTH WEST', 'code-characters', `Scheme code "NORTH WEST" contains a space; use only letters, digits, '-', '_', '/' and '.'.`],
    ['', 'code-required', "Enter the scheme code: 1 to 10 letters, digits, '-', '_', '/' or '.'."],
  ])('%j is refused (%s)', (raw, rule, reason) => {
    expect(problem(checkSchemeCode(raw))).toEqual({ field: 'code', rule, reason });
  });

  it('keeps 32 characters for every other kind', () => {
    expect(checkKindCode('vendor', 'V'.repeat(32)).ok).toBe(true);
    expect(checkKindCode('vendor', 'ALL').ok).toBe(true);
    expect(problem(checkKindCode('warehouse', 'W'.repeat(33))).reason).toBe(`Warehouse code ${'W'.repeat(33)} has 33 characters; at most 32 are allowed.`);
  });
});

describe('unique codes that never change', () => {
  it.each([
    ['cost-center', '210', 'Cost center 210 already exists; cost center codes are unique.'],
    ['gl-account', '5000', 'G/L account 5000 already exists; G/L account codes are unique.'],
    ['operator', 'alice', 'An operator signs in as alice already; sign-in names are unique.'],
  ] as const)('%s %s taken', (kind, code, reason) => {
    expect(problem(checkNewCode(kind, code, new Set([code])))).toEqual({ field: 'code', rule: 'code-taken', reason });
  });

  it('an acronym stays in capitals inside a sentence', () => {
    expect(problem(checkKindCode('gl-account', '')).reason).toBe("Enter the G/L account code: 1 to 32 letters, digits, '-', '_', '/' or '.'.");
  });

  it('a new code passes', () => expect(value(checkNewCode('vendor', 'NEW', new Set(['ACME'])))).toBe('NEW'));

  it('refuses a changed code, saying why and what to do', () => {
    expect(problem(checkCodeChange('warehouse', 'HARBOUR', 'PORT')).reason).toBe(
      'Warehouse code HARBOUR cannot become PORT: overrides, CSV files and people name the warehouse by it. Create warehouse PORT instead.',
    );
    expect(value(checkCodeChange('warehouse', 'HARBOUR', 'HARBOUR'))).toBe('HARBOUR');
  });
});

describe('names, descriptions and site addresses', () => {
  const spec = { field: 'description', label: 'Description', required: true, max: 10 };
  it.each([
    ['trimmed', '  Fleet  ', 'Fleet'],
    ['exactly at the limit', 'x'.repeat(10), 'x'.repeat(10)],
    ['characters counted, not UTF-16 units', '😀'.repeat(10), '😀'.repeat(10)],
  ])('%s', (_name, raw, stored) => expect(value(checkText(raw, spec))).toBe(stored));

  it.each([
    ['blank when required', '', 'text-required', 'Enter the description.'],
    ['one too many', 'x'.repeat(11), 'text-too-long', 'Description has 11 characters; at most 10 are allowed. Nothing is cut.'],
    ['a line break', 'a\nb', 'text-one-line', 'Description contains a line break; keep it on one line.'],
    ['a tab', 'a\tb', 'text-one-line', 'Description contains a tab; keep it on one line.'],
  ])('%s is refused', (_name, raw, rule, reason) => expect(problem(checkText(raw, spec))).toEqual({ field: 'description', rule, reason }));

  it('blank is fine when optional', () => expect(value(checkText('  ', { ...spec, required: false }))).toBe(''));

  it.each([
    ['as typed', '12 Harbour Rd', '12 Harbour Rd'],
    ['doubled spaces become one, so the site override matches', '12  Harbour   Rd', '12 Harbour Rd'],
    ['case kept', '12 harbour rd', '12 harbour rd'],
    ['blank: no site', '', ''],
  ])('site address %s', (_name, raw, stored) => expect(value(checkSiteAddress(raw))).toBe(stored));
});

describe('cost-center lists (schemes, vendors, overrides)', () => {
  const owner = { field: 'costCenterCodes', owner: 'vendor BOLT' };
  it.each([
    ['in order, normalised', ['220', ' 210', 'hq'], ['220', '210', 'HQ']],
    ['empty', [], []],
    ['an inactive one kept', ['210', '500'], ['210', '500']],
  ])('%s', (_name, codes, stored) => expect(value(checkCostCenterList(codes, costCenters, owner))).toEqual(stored));

  it.each([
    ['unknown one', ['210', '999'], 'cost-center-unknown', 'Cost center 999 does not exist; vendor BOLT can only list cost centers that do.'],
    ['unknown several', ['998', '999'], 'cost-center-unknown', 'Cost centers 998 and 999 do not exist; vendor BOLT can only list cost centers that do.'],
    ['repeated', ['210', '220', '210'], 'cost-center-repeated', 'Vendor BOLT lists 210 more than once; a list holds each cost center once.'],
    ['repeated in other capitals', ['hq', 'HQ'], 'cost-center-repeated', 'Vendor BOLT lists HQ more than once; a list holds each cost center once.'],
    ['malformed code', ['2 10'], 'cost-center-list-code', `Cost center code "2 10" contains a space; use only letters, digits, '-', '_', '/' and '.'.`],
  ])('%s is refused', (_name, codes, rule, reason) => {
    expect(problem(checkCostCenterList(codes, costCenters, owner))).toEqual({ field: 'costCenterCodes', rule, reason });
  });

  it('notes an inactive code', () => {
    const result = checkCostCenterList(['500'], costCenters, owner);
    expect(result.ok && result.note).toBe("Cost center 500 is inactive: kept on vendor BOLT's list, it allows nothing until active again.");
  });
});

describe('each kind', () => {
  it('cost center: code, description required, active by default, cost group', () => {
    expect(record(validateCostCenter({ code: ' 210 ', description: 'Maintenance North' }))).toEqual({ code: '210', description: 'Maintenance North', active: true, costGroup: null });
    expect(record(validateCostCenter({ code: 'hq', description: 'Head office', active: false, costGroup: 'admin' }))).toEqual({ code: 'HQ', description: 'Head office', active: false, costGroup: 'ADMIN' });
  });

  it('cost center: every problem at once, the first one as rule', () => {
    const verdict = validateCostCenter({ code: '', description: '' });
    expect(problems(verdict)).toEqual([
      ['code', 'code-required'],
      ['description', 'text-required'],
    ]);
    expect(verdict.rule).toBe('code-required');
    expect(verdict.reason).toBe("Enter the cost center code: 1 to 32 letters, digits, '-', '_', '/' or '.'. Enter the description.");
  });

  it('cost center: says what it saves', () => {
    expect(validateCostCenter({ code: '210', description: 'North', costGroup: 'MAINT' }).reason).toBe('Cost center 210, North, active, in cost group MAINT.');
  });

  it('scheme: list checked, empty list noted, ALL refused', () => {
    expect(record(validateScheme({ code: 'north', costCenterCodes: ['210', '220'] }, refs))).toEqual({ code: 'NORTH', description: '', costCenterCodes: ['210', '220'] });
    const emptyScheme = validateScheme({ code: 'EMPTY' }, refs);
    expect(emptyScheme.allowed && emptyScheme.notes).toEqual(['Scheme EMPTY lists no cost center: while cost centers are in use, its operators cannot enter POs.']);
    expect(problems(validateScheme({ code: 'ALL', costCenterCodes: ['999'] }, refs))).toEqual([
      ['code', 'scheme-code-reserved'],
      ['costCenterCodes', 'cost-center-unknown'],
    ]);
  });

  it('vendor: shared cost centers known; none is noted', () => {
    expect(record(validateVendor({ code: 'bolt', name: 'Bolt Industrial', costCenterCodes: ['210', '220', '310'] }, refs)).costCenterCodes).toEqual(['210', '220', '310']);
    const nocc = validateVendor({ code: 'NOCC', name: 'Unassigned Trading' }, refs);
    expect(nocc.allowed && nocc.notes).toEqual(['Vendor NOCC shares no cost center: while cost centers are in use, no operator can choose it.']);
    expect(problems(validateVendor({ code: 'X', name: '', costCenterCodes: ['999'] }, refs))).toEqual([
      ['name', 'text-required'],
      ['costCenterCodes', 'cost-center-unknown'],
    ]);
  });

  it('warehouse: code and name', () => {
    expect(record(validateWarehouse({ code: 'quarantine', name: 'Quarantine cage' }))).toEqual({ code: 'QUARANTINE', name: 'Quarantine cage' });
    expect(problems(validateWarehouse({ code: 'W 1', name: '' }))).toEqual([
      ['code', 'code-characters'],
      ['name', 'text-required'],
    ]);
  });

  it('job: site address single-spaced, optional', () => {
    expect(record(validateJob({ code: 'j-100', description: 'Harbour', siteAddress: '12  Harbour Rd' }))).toEqual({ code: 'J-100', description: 'Harbour', siteAddress: '12 Harbour Rd' });
    expect(validateJob({ code: 'J-9' }).reason).toBe('Job J-9, without a site address.');
  });

  it.each([
    ['own site', { code: 'WO-1', costCenterCode: '310', siteAddress: '4 North Way' }, { jobCode: null, effectiveSiteAddress: '4 North Way' }],
    ["blank site follows the job's", { code: 'WO-2', jobCode: 'j-100', costCenterCode: '310' }, { jobCode: 'J-100', effectiveSiteAddress: '12 Harbour Rd' }],
    ['own site beats the job', { code: 'WO-3', jobCode: 'J-100', costCenterCode: '310', siteAddress: '1 Dock St' }, { jobCode: 'J-100', effectiveSiteAddress: '1 Dock St' }],
    ['job without a site, none given', { code: 'WO-4', jobCode: 'J-900', costCenterCode: '210' }, { jobCode: 'J-900', effectiveSiteAddress: '' }],
  ])('work order: %s', (_name, draft, expected) => {
    expect(record(validateWorkOrder(draft, refs))).toMatchObject(expected);
  });

  it.each([
    ['unknown job', { code: 'WO-1', jobCode: 'J-404', costCenterCode: '210' }, 'jobCode', 'job-unknown', 'Job J-404 does not exist.'],
    ['unknown cost center', { code: 'WO-1', costCenterCode: '999' }, 'costCenterCode', 'cost-center-unknown', 'Cost center 999 does not exist.'],
    [
      'inactive cost center',
      { code: 'WO-1', costCenterCode: '500' },
      'costCenterCode',
      'cost-center-inactive',
      'Cost center 500 is inactive: every direct cost line on the work order takes its cost center and could not be saved.',
    ],
    ['header cost center missing', { code: 'WO-1', costCenterCode: '' }, 'costCenterCode', 'code-required', "Enter the cost center code: 1 to 32 letters, digits, '-', '_', '/' or '.'."],
  ])('work order: %s is refused', (_name, draft, field, rule, reason) => {
    const verdict = validateWorkOrder(draft, refs);
    expect(verdict.allowed).toBe(false);
    expect(!verdict.allowed && verdict.problems).toEqual([{ field, rule, reason }]);
  });

  it('work order: says what it charges and where', () => {
    expect(validateWorkOrder({ code: 'WO-2', jobCode: 'J-100', costCenterCode: '310' }, refs).reason).toBe("Work order WO-2 on job J-100 charges cost center 310 at 12 Harbour Rd, the job's site.");
  });

  it('G/L account: WIP flag, off by default', () => {
    expect(record(validateGlAccount({ code: '1400', description: 'WIP', wip: true }))).toEqual({ code: '1400', description: 'WIP', wip: true });
    expect(record(validateGlAccount({ code: '5000', description: 'Materials' })).wip).toBe(false);
  });

  it.each([
    ['zero', 0, true],
    ['a cent', 1, true],
    ['the line maximum', 1_000_000_000, true],
    ['above the line maximum', 1_000_000_001, false],
    ['negative', -1, false],
    ['a fraction of a cent', 12.5, false],
    ['not a number', Number.NaN, false],
  ])('item unit cost %s', (_name, minor, ok) => {
    expect(validateItem({ code: 'BOLT-M8', description: 'Hex bolt', unitCostMinor: minor }).allowed).toBe(ok);
  });

  it('item: unit cost refusals say the amount in the reader format', () => {
    expect(problem(checkUnitCost(-150, 'de-DE')).reason).toBe('Unit cost cannot be negative: -1,50.');
    expect(problem(checkUnitCost(1_000_000_001, 'en-US')).reason).toBe('Unit cost 10,000,000.01 is above the most a PO line takes, 10,000,000.00.');
    expect(problem(checkUnitCost(0.5)).rule).toBe('unit-cost-whole');
  });

  it('item: description up to 200, as a PO line holds', () => {
    expect(validateItem({ code: 'I', description: 'd'.repeat(200), unitCostMinor: 0 }).allowed).toBe(true);
    expect(problems(validateItem({ code: 'I', description: 'd'.repeat(201), unitCostMinor: 0 }))).toEqual([['description', 'text-too-long']]);
  });

  it('cost type: code and description', () => {
    expect(record(validateCostType({ code: 'l', description: 'Labour' }))).toEqual({ code: 'L', description: 'Labour' });
    expect(problems(validateCostType({ code: 'L', description: ' ' }))).toEqual([['description', 'text-required']]);
  });
});

describe('operators', () => {
  it('the roles are the contract’s roles', () => expect([...ROLES]).toEqual(roleSchema.options));

  it.each([
    ['alice', 'alice'],
    ['Alice', 'alice'],
    ['dana.admin', 'dana.admin'],
    ['pat_2-x', 'pat_2-x'],
    ['ab', 'ab'],
  ])('sign-in name %s → %s', (raw, stored) => expect(value(checkSignInName(raw))).toBe(stored));

  it.each([
    ['', 'sign-in-name-too-short', 'Enter a sign-in name.'],
    ['a', 'sign-in-name-too-short', 'Sign-in name a is too short: it needs at least 2 characters.'],
    ['a'.repeat(65), 'sign-in-name-too-long', 'Sign-in name has 65 characters; at most 64 are allowed.'],
    ['al ice', 'sign-in-name-characters', `Sign-in name "al ice" contains a space; use letters a to z, digits, '.', '-' and '_'.`],
    ['zoë', 'sign-in-name-characters', `Sign-in name "zoë" contains 'ë'; use letters a to z, digits, '.', '-' and '_'.`],
    ['a@b', 'sign-in-name-characters', `Sign-in name "a@b" contains '@'; use letters a to z, digits, '.', '-' and '_'.`],
  ])('sign-in name %j is refused', (raw, rule, reason) => expect(problem(checkSignInName(raw))).toEqual({ field: 'signInName', rule, reason }));

  it.each([
    ['operator', 'operator'],
    ['Supervisor', 'supervisor'],
    [' ADMIN ', 'admin'],
  ])('role %j', (raw, role) => expect(value(checkRole(raw))).toBe(role));

  it.each([
    ['', 'Choose a role: operator, supervisor or admin.'],
    ['boss', 'Role boss does not exist; choose operator, supervisor or admin.'],
  ])('role %j refused', (raw, reason) => expect(problem(checkRole(raw)).reason).toBe(reason));

  it.each([
    ['correct horse battery', 'alice', true, null],
    ['short', 'alice', false, 'password-too-short'],
    ['x'.repeat(257), 'alice', false, 'password-too-long'],
    ['aaaaaaaaaaaaaaaa', 'alice', false, 'password-one-character'],
    ['dana.admin.x', 'Dana.Admin.X', false, 'password-is-sign-in-name'],
  ])('password %#', (password, signIn, ok, rule) => {
    const result = checkPassword(password, signIn);
    expect(result.ok).toBe(ok);
    if (!result.ok) expect(result.problem.rule).toBe(rule);
  });

  it('a full operator', () => {
    expect(record(validateOperator({ signInName: 'Alice', displayName: 'Alice Moreau', role: 'operator', schemeCode: 'north' }, refs))).toEqual({
      signInName: 'alice',
      displayName: 'Alice Moreau',
      role: 'operator',
      schemeCode: 'NORTH',
      active: true,
      approvalLimitMinor: null,
      locale: null,
    });
  });

  it('an operator without a scheme is allowed, and the admin told what it means', () => {
    const verdict = validateOperator({ signInName: 'new', displayName: 'New Person', role: 'operator' }, refs);
    expect(verdict.allowed && verdict.notes).toEqual(['New Person has no cost-center scheme: while cost centers are in use, they cannot enter POs.']);
  });

  it('an operator with an approval limit is noted: operators do not approve', () => {
    const verdict = validateOperator({ signInName: 'op', displayName: 'Op', role: 'operator', schemeCode: 'SOLO', approvalLimitMinor: 100 }, refs);
    expect(verdict.allowed && verdict.notes).toEqual(["Op's approval limit counts only once they are a supervisor or an admin: operators do not approve."]);
  });

  it('says what it saves, the limit in the reader format', () => {
    expect(validateOperator({ signInName: 'sam', displayName: 'Sam Patel', role: 'supervisor', schemeCode: 'NORTH', approvalLimitMinor: 123456 }, refs, 'de-DE').reason).toBe(
      'Sam Patel signs in as sam, supervisor, scheme NORTH, approves up to 1.234,56.',
    );
  });

  it('every operator problem at once', () => {
    expect(problems(validateOperator({ signInName: 'x', displayName: '', role: 'king', schemeCode: 'NOPE', approvalLimitMinor: -5, locale: 'xx-XX' }, refs))).toEqual([
      ['signInName', 'sign-in-name-too-short'],
      ['displayName', 'text-required'],
      ['role', 'role-unknown'],
      ['schemeCode', 'scheme-unknown'],
      ['approvalLimitMinor', 'approval-limit-whole'],
      ['locale', 'locale-unknown'],
    ]);
  });

  const admin = { id: 1, displayName: 'Dana Admin', role: 'admin' as const, active: true };
  const alice = { id: 2, displayName: 'Alice Moreau', role: 'operator' as const, active: true };
  type ChangeCase = [name: string, facts: OperatorChangeFacts, allowed: boolean, rule: string, reason: string];
  it.each<ChangeCase>([
    ['deactivate yourself', { actorId: 1, before: admin, after: { role: 'admin', active: false }, activeAdminCount: 2 }, false, 'own-account', 'You cannot deactivate yourself: another admin does that.'],
    ['change your own role', { actorId: 1, before: admin, after: { role: 'supervisor', active: true }, activeAdminCount: 2 }, false, 'own-account', 'You cannot change your own role: another admin does that.'],
    [
      'deactivate the last active admin',
      { actorId: 9, before: admin, after: { role: 'admin', active: false }, activeAdminCount: 1 },
      false,
      'last-admin',
      'Dana Admin is the last active admin and cannot be deactivated: make someone else an admin first.',
    ],
    [
      'demote the last active admin',
      { actorId: 9, before: admin, after: { role: 'operator', active: true }, activeAdminCount: 1 },
      false,
      'last-admin',
      'Dana Admin is the last active admin and cannot be made an operator: make someone else an admin first.',
    ],
    ['demote an admin when another remains', { actorId: 9, before: admin, after: { role: 'supervisor', active: true }, activeAdminCount: 2 }, true, 'operator-change', 'Dana Admin becomes a supervisor.'],
    [
      'deactivate an operator',
      { actorId: 1, before: alice, after: { role: 'operator', active: false }, activeAdminCount: 1 },
      true,
      'operator-change',
      'Alice Moreau is deactivated and can no longer sign in; their POs and history stay.',
    ],
    ['reactivate', { actorId: 1, before: { ...alice, active: false }, after: { role: 'operator', active: true }, activeAdminCount: 1 }, true, 'operator-change', 'Alice Moreau is active again and may sign in.'],
    ['promote', { actorId: 1, before: alice, after: { role: 'admin', active: true }, activeAdminCount: 1 }, true, 'operator-change', 'Alice Moreau becomes an admin.'],
    ['nothing', { actorId: 1, before: alice, after: { role: 'operator', active: true }, activeAdminCount: 1 }, true, 'operator-change', 'Nothing changes for Alice Moreau.'],
  ])('%s', (_name, facts, allowed, rule, reason) => {
    expect(checkOperatorChange(facts)).toEqual({ allowed, rule, reason });
  });
});

describe('sentence helpers', () => {
  it.each([
    [[], ''],
    [['a'], 'a'],
    [['a', 'b'], 'a and b'],
    [['a', 'b', 'c'], 'a, b and c'],
  ])('andList %j', (items, text) => expect(andList(items)).toBe(text));

  it('counts in the reader format', () => {
    expect(countOf(1, 'PO', 'POs')).toBe('1 PO');
    expect(countOf(1204, 'PO', 'POs', 'en-US')).toBe('1,204 POs');
    expect(countOf(1204, 'PO', 'POs', 'de-DE')).toBe('1.204 POs');
  });
});
