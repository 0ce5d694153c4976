import { describe, expect, it } from 'vitest';
import {
  allowedCostCenters,
  checkEnteredCostCenter,
  checkVendor,
  checkWarehouse,
  type CostCenter,
  costCenterChoices,
  defaultCostCenter,
  effectiveCostCenters,
  type HeaderFacts,
  headerBlocker,
  listCodes,
  type OperatorScope,
  resolveHeader,
  type VendorFacts,
  type WarehouseFacts,
} from '../../src/main/domain/cost-center-rules';

const cc = (code: string, active = true): CostCenter => ({ code, description: `CC ${code}`, active });
const operator = (codes: (string | CostCenter)[], sticky: string | null = null, schemeName: string | null = 'NORTH'): OperatorScope => ({
  displayName: 'Alice',
  schemeName,
  schemeCostCenters: codes.map((c) => (typeof c === 'string' ? cc(c) : c)),
  stickyCostCenterCode: sticky,
});
const vendor = (code: string, codes: string[]): VendorFacts => ({ code, name: `${code} Ltd`, costCenterCodes: codes });
const warehouse = (code: string, override: (string | CostCenter)[] | null = null): WarehouseFacts => ({
  code,
  name: `${code} store`,
  overrideCostCenters: override === null ? null : override.map((c) => (typeof c === 'string' ? cc(c) : c)),
});

describe('listCodes', () => {
  it.each([
    [[], 'none'],
    [['210'], '210'],
    [['210', '220'], '210, 220'],
  ])('%j → %s', (codes, text) => expect(listCodes(codes)).toBe(text));
});

describe('rule 2: allowed cost centers', () => {
  it.each([
    ['scheme order kept', operator(['220', '210', '110']), ['220', '210', '110']],
    ['inactive dropped', operator(['210', cc('500', false), '220']), ['210', '220']],
    ['duplicates dropped', operator(['210', '210']), ['210']],
    ['empty scheme', operator([]), []],
    ['all inactive', operator([cc('500', false)]), []],
    ['no scheme', operator([], null, null), []],
  ])('%s', (_name, scope, codes) => {
    expect(allowedCostCenters(scope).codes).toEqual(codes);
  });

  it('names the scheme, or says there is none', () => {
    expect(allowedCostCenters(operator(['210'])).label).toBe('your scheme NORTH');
    expect(allowedCostCenters(operator([], null, null)).label).toBe('your scheme (none assigned)');
  });
});

describe('rule 6: effective list', () => {
  it.each([
    ['no warehouse', undefined, ['210', '220'], false],
    ['warehouse without override', warehouse('MAIN'), ['210', '220'], false],
    ['override replaces list', warehouse('HARBOUR', ['310', '320']), ['310', '320'], true],
    ['override present but empty', warehouse('Q', []), [], true],
    ['override with inactive', warehouse('H', ['310', cc('500', false)]), ['310'], true],
  ])('%s', (_name, wh, codes, applied) => {
    const list = effectiveCostCenters(operator(['210', '220']), wh);
    expect(list.codes).toEqual(codes);
    expect(list.overrideApplied).toBe(applied);
  });
});

describe('rule 3: vendor validation', () => {
  const allowed = allowedCostCenters(operator(['210', '220', '110']));
  it.each([
    ['blank code', '', undefined, 'blank', []],
    ['unknown vendor', 'NOPE', undefined, 'refused', []],
    ['shares one', 'ACME', vendor('ACME', ['210']), 'ok', ['210']],
    ['shares several, in operator order', 'GEN', vendor('GEN', ['110', '220', '410']), 'ok', ['220', '110']],
    ['shares none', 'FLEET', vendor('FLEET', ['410']), 'refused', []],
    ['vendor with no cost centers', 'NOCC', vendor('NOCC', []), 'refused', []],
  ])('%s', (_name, code, facts, status, shared) => {
    const verdict = checkVendor(code, facts, allowed);
    expect(verdict.status).toBe(status);
    expect(verdict.shared).toEqual(shared);
  });

  it('names both lists when refusing', () => {
    const verdict = checkVendor('FLEET', vendor('FLEET', ['410', 'HQ']), allowed);
    expect(verdict.reason).toBe(
      'Vendor FLEET shares no cost center with you: the vendor uses 410, HQ; your scheme NORTH allows 210, 220, 110.',
    );
  });

  it('refuses every vendor for an operator with an empty scheme', () => {
    const verdict = checkVendor('ACME', vendor('ACME', ['210']), allowedCostCenters(operator([])));
    expect(verdict.status).toBe('refused');
    expect(verdict.reason).toContain('allows none');
  });

  it('says an unknown vendor does not exist', () => {
    expect(checkVendor('NOPE', undefined, allowed).reason).toBe('Vendor NOPE does not exist.');
  });
});

describe('rule 4: default cost center', () => {
  type Case = [name: string, scope: OperatorScope, vendorFacts: VendorFacts | undefined, code: string | null, source: string];
  const cases: Case[] = [
    ['several allowed, sticky shared by vendor', operator(['210', '220'], '220'), vendor('V', ['210', '220']), '220', 'sticky'],
    ['sticky wins over a single shared', operator(['210', '220'], '220'), vendor('V', ['220']), '220', 'sticky'],
    ['sticky not shared by vendor falls through to vendor-single', operator(['210', '220'], '220'), vendor('V', ['210']), '210', 'vendor-single'],
    ['sticky not shared and vendor shares several → none', operator(['210', '220', '110'], '220'), vendor('V', ['210', '110']), null, 'none'],
    ['sticky outside the allowed list is ignored', operator(['210', '220'], '999'), vendor('V', ['210', '220']), null, 'none'],
    ['sticky with blank vendor', operator(['210', '220'], '210'), undefined, '210', 'sticky'],
    ['single allowed and shared', operator(['210']), vendor('V', ['210', '310']), '210', 'operator-single'],
    ['single allowed, blank vendor', operator(['210']), undefined, '210', 'operator-single'],
    ['single allowed ignores sticky (rule a needs several)', operator(['210'], '210'), vendor('V', ['210']), '210', 'operator-single'],
    ['single allowed but inactive others', operator(['210', cc('500', false)]), vendor('V', ['210']), '210', 'operator-single'],
    ['several allowed, vendor shares one', operator(['210', '220']), vendor('V', ['220']), '220', 'vendor-single'],
    ['several allowed, vendor shares several', operator(['210', '220']), vendor('V', ['210', '220']), null, 'none'],
    ['several allowed, blank vendor', operator(['210', '220']), undefined, null, 'none'],
    ['empty scheme', operator([]), vendor('V', ['210']), null, 'none'],
  ];
  it.each(cases)('%s', (_name, scope, facts, code, source) => {
    const allowed = allowedCostCenters(scope);
    const vendorVerdict = checkVendor(facts?.code ?? '', facts, allowed);
    const verdict = defaultCostCenter(scope, allowed, vendorVerdict);
    expect(verdict.code).toBe(code);
    expect(verdict.source).toBe(source);
    expect(verdict.status).toBe(code === null ? 'missing' : 'ok');
  });

  it.each([
    [operator(['210', '220'], '220'), vendor('V', ['220', '210']), 'Cost center 220 because it is the first one you entered this session.'],
    [operator(['210']), vendor('V', ['210']), 'Cost center 210 because it is the only one your scheme NORTH allows.'],
    [operator(['210', '220']), vendor('ACME', ['210']), 'Cost center 210 because it is the only one vendor ACME shares with you.'],
    [operator(['210', '220']), vendor('BOLT', ['210', '220']), 'Pick a cost center: vendor BOLT shares 210, 220 with you.'],
    [operator(['210', '220']), vendor('FLEET', ['410']), ''],
    [operator([]), vendor('V', ['210']), 'You cannot enter POs: your scheme NORTH allows no active cost center.'],
  ])('explains itself (%#)', (scope, facts, reason) => {
    const allowed = allowedCostCenters(scope);
    expect(defaultCostCenter(scope, allowed, checkVendor(facts.code, facts, allowed)).reason).toBe(reason);
  });
});

describe('rule 5: entered cost center', () => {
  const allowed = allowedCostCenters(operator(['210', '220']));
  const okVendor = checkVendor('V', vendor('V', ['210']), allowed);
  const blankVendor = checkVendor('', undefined, allowed);
  it.each([
    ['allowed and shared', '210', cc('210'), okVendor, 'ok', 'Cost center 210 as you entered it.'],
    ['allowed, vendor blank', '220', cc('220'), blankVendor, 'ok', 'Cost center 220 as you entered it.'],
    ['unknown', '999', undefined, okVendor, 'refused', 'Cost center 999 does not exist.'],
    ['inactive', '500', cc('500', false), okVendor, 'refused', 'Cost center 500 is inactive.'],
    ['not allowed', '410', cc('410'), okVendor, 'refused', 'Cost center 410 is not allowed: your scheme NORTH allows 210, 220.'],
    ['allowed but not shared by vendor', '220', cc('220'), okVendor, 'refused', 'Vendor V does not use cost center 220; it shares 210 with you.'],
  ])('%s', (_name, code, known, vendorVerdict, status, reason) => {
    const verdict = checkEnteredCostCenter(code, known, allowed, vendorVerdict);
    expect(verdict).toEqual({ code, source: 'entered', status, reason });
  });

  it.each([
    ['vendor ok → shared list', okVendor, ['210']],
    ['vendor blank → allowed list', blankVendor, ['210', '220']],
    ['vendor refused → nothing', checkVendor('X', undefined, allowed), []],
  ])('choices: %s', (_name, vendorVerdict, choices) => {
    expect(costCenterChoices(allowed, vendorVerdict)).toEqual(choices);
  });
});

describe('rule 6: warehouse check', () => {
  const scope = operator(['210', '220']);
  it.each([
    ['blank', '', undefined, undefined, undefined, 'blank', false, 'Choose a warehouse.'],
    ['unknown', 'W9', undefined, undefined, undefined, 'refused', false, 'Warehouse W9 does not exist.'],
    ['no override', 'MAIN', warehouse('MAIN'), vendor('V', ['210']), cc('210'), 'ok', false, 'Warehouse MAIN follows your scheme NORTH.'],
    ['override empty', 'Q', warehouse('Q', []), vendor('V', ['210']), undefined, 'refused', false, 'Warehouse Q is closed to you: the override for warehouse Q allows no active cost center.'],
    ['override all inactive', 'Q', warehouse('Q', [cc('500', false)]), undefined, undefined, 'refused', false, 'Warehouse Q is closed to you: the override for warehouse Q allows no active cost center.'],
    ['override excludes entered cost center', 'H', warehouse('H', ['310', '320']), vendor('V', ['210', '310']), cc('210'), 'refused', false, "The override for warehouse H allows 310, 320; this PO's cost center is 210."],
    ['override shares nothing with vendor', 'H', warehouse('H', ['310']), vendor('V', ['210']), undefined, 'refused', false, 'The override for warehouse H allows 310; vendor V uses 210, none of them.'],
    ['override holds entered cost center', 'H', warehouse('H', ['310', '320']), vendor('V', ['310']), cc('310'), 'ok', true, 'The override for warehouse H allows 310, 320; it replaces your scheme NORTH for this PO.'],
    ['override, nothing entered, vendor blank', 'H', warehouse('H', ['310']), undefined, undefined, 'ok', true, 'The override for warehouse H allows 310; it replaces your scheme NORTH for this PO.'],
    ['override ignores an inactive entered code', 'H', warehouse('H', ['310']), undefined, cc('500', false), 'ok', true, 'The override for warehouse H allows 310; it replaces your scheme NORTH for this PO.'],
  ])('%s', (_name, code, wh, vendorFacts, entered, status, applied, reason) => {
    expect(checkWarehouse(code, wh, scope, vendorFacts, entered)).toEqual({
      status,
      code: wh?.code ?? code,
      name: wh?.name ?? null,
      reason,
      overrideApplied: applied,
    });
  });
});

describe('rules 1–6 together: resolveHeader', () => {
  const facts = (change: Partial<HeaderFacts>): HeaderFacts => ({
    costCentersEnabled: true,
    operator: operator(['210', '220']),
    vendorCode: 'ACME',
    vendor: vendor('ACME', ['210']),
    warehouseCode: 'MAIN',
    warehouse: warehouse('MAIN'),
    enteredCostCenterCode: null,
    enteredCostCenter: undefined,
    ...change,
  });

  it('defaults and lets the save through', () => {
    const verdict = resolveHeader(facts({}));
    expect(verdict.costCenter).toMatchObject({ code: '210', source: 'vendor-single', status: 'ok' });
    expect(headerBlocker(verdict)).toBeNull();
  });

  it('with cost centers off only checks existence, and any vendor is fine', () => {
    const verdict = resolveHeader(facts({ costCentersEnabled: false, vendorCode: 'FLEET', vendor: vendor('FLEET', ['410']) }));
    expect(verdict).toMatchObject({ costCentersEnabled: false, vendor: { status: 'ok' }, costCenter: { status: 'not-used', code: null }, choices: [] });
    expect(headerBlocker(verdict)).toBeNull();
  });

  it('with cost centers off still refuses an unknown vendor and warehouse', () => {
    const verdict = resolveHeader(facts({ costCentersEnabled: false, vendorCode: 'NOPE', vendor: undefined, warehouseCode: 'W9', warehouse: undefined }));
    expect(verdict.vendor.status).toBe('refused');
    expect(verdict.warehouse.status).toBe('refused');
    expect(headerBlocker(verdict)?.field).toBe('vendorCode');
  });

  it('applies an override to the default', () => {
    const verdict = resolveHeader(facts({ vendor: vendor('ACME', ['210', '310']), warehouseCode: 'H', warehouse: warehouse('H', ['310', '320']) }));
    expect(verdict.warehouse.overrideApplied).toBe(true);
    expect(verdict.costCenter).toMatchObject({ code: '310', source: 'vendor-single' });
    expect(verdict.choices).toEqual(['310']);
  });

  it('does not apply a refused warehouse: vendor and cost center are judged by the scheme', () => {
    const verdict = resolveHeader(
      facts({ warehouseCode: 'H', warehouse: warehouse('H', ['310']), enteredCostCenterCode: '210', enteredCostCenter: cc('210') }),
    );
    expect(verdict.warehouse.status).toBe('refused');
    expect(verdict.vendor.status).toBe('ok');
    expect(verdict.costCenter.status).toBe('ok');
    expect(headerBlocker(verdict)).toEqual({ field: 'warehouseCode', message: verdict.warehouse.reason });
  });

  it.each([
    ['vendor first', { vendorCode: 'NOPE', vendor: undefined, warehouseCode: 'W9', warehouse: undefined }, 'vendorCode'],
    ['then warehouse', { warehouseCode: 'Q', warehouse: warehouse('Q', []) }, 'warehouseCode'],
    ['then cost center missing', { vendor: vendor('ACME', ['210', '220']) }, 'costCenterCode'],
    ['then cost center refused', { enteredCostCenterCode: '999', enteredCostCenter: undefined }, 'costCenterCode'],
    ['blank vendor blocks', { vendorCode: '', vendor: undefined }, 'vendorCode'],
    ['blank warehouse blocks', { warehouseCode: '', warehouse: undefined }, 'warehouseCode'],
  ])('headerBlocker: %s', (_name, change, field) => {
    expect(headerBlocker(resolveHeader(facts(change)))?.field).toBe(field);
  });
});
