import { describe, expect, it } from 'vitest';
import type { CodingSetup } from '../../src/shared/coding-schemas';
import { codeRowInputOf, type CodingForm, distributionOf, subjectOf } from '../../src/renderer/src/stores/po-entry/coding-request';
import { type LineDraft, newLine } from '../../src/renderer/src/features/po-entry/line-rules';
import { fieldTargetOf } from '../../src/renderer/src/features/po-entry/field-ids';

const line = (patch: Partial<LineDraft>): LineDraft => ({ ...newLine(), ...patch });
const coded = (row: Record<string, string>): LineDraft['coding'] => ({
  row: Object.fromEntries(Object.entries(row).map(([dimension, value]) => [dimension, { value, via: 'entered' as const }])),
  resolved: [],
  problems: [],
  notes: [],
  invoiced: false,
});
const form = (lines: LineDraft[], patch: Partial<CodingForm> = {}): CodingForm => ({
  poId: null,
  vendorText: 'general',
  costCenterText: '210',
  noCostCenter: false,
  costCentersOn: true,
  organisationCode: null,
  headerCoding: {},
  lines,
  ...patch,
});
const setupWith = (items: CodingSetup['items']) => ({ items }) as unknown as CodingSetup;

describe('what the coding rules are told a row is', () => {
  const cases: [string, LineDraft, LineDraft[], CodingSetup | null, unknown][] = [
    ['no item: a row without a part number', line({ description: 'Freight' }), [], null, { kind: 'additional' }],
    ['an item, typed in lower case', line({ itemCode: 'bolt-m8 ' }), [], null, { kind: 'part', itemCode: 'BOLT-M8' }],
    [
      'a setup price whose part is on the PO, coded',
      line({ key: 'b', itemCode: 'SETUP-1' }),
      [line({ key: 'a', itemCode: 'BOLT-M8', coding: coded({ project: 'P1' }) })],
      setupWith([{ itemCode: 'SETUP-1', description: 'Setup', productGroupCode: null, setupPriceForItemCode: 'BOLT-M8' }]),
      { kind: 'setup-price', itemCode: 'SETUP-1', partItemCode: 'BOLT-M8', partRow: { rowNumber: 1, coding: { project: { value: 'P1', via: 'entered' } } } },
    ],
    [
      'a setup price whose part is not on the PO',
      line({ key: 'b', itemCode: 'SETUP-1' }),
      [],
      setupWith([{ itemCode: 'SETUP-1', description: 'Setup', productGroupCode: null, setupPriceForItemCode: 'BOLT-M8' }]),
      { kind: 'setup-price', itemCode: 'SETUP-1', partItemCode: 'BOLT-M8', partRow: null },
    ],
  ];
  it.each(cases)('%s', (_name, row, others, setup, expected) => {
    expect(subjectOf(row, [...others, row], setup)).toEqual(expected);
  });
});

describe("the row's own G/L account and cost center (the distribution level)", () => {
  it.each([
    ['a typed G/L account is the distribution’s', line({ glAccount: '5000', glFromCoding: false }), { glAccountCode: '5000', costCenterCode: null }],
    ['a G/L the coding put there is not', line({ glAccount: '5100', glFromCoding: true }), { glAccountCode: null, costCenterCode: null }],
    ['an entered cost center is', line({ costCenter: '220', costCenterEntered: true }), { glAccountCode: null, costCenterCode: '220' }],
    ['a derived cost center is not', line({ costCenter: '220', costCenterEntered: false }), { glAccountCode: null, costCenterCode: null }],
  ])('%s', (_name, row, expected) => {
    expect(distributionOf(row, true)).toEqual(expected);
  });
});

describe('the codeRow question', () => {
  it('is not asked without a vendor, or for a blank line', () => {
    const typed = line({ description: 'Freight' });
    expect(codeRowInputOf(form([typed], { vendorText: '  ' }), typed.key, { defaulting: 'default', place: 'grid' }, null)).toBeNull();
    const blank = line({});
    expect(codeRowInputOf(form([blank]), blank.key, { defaulting: 'default', place: 'grid' }, null)).toBeNull();
  });

  it('names the row above with its row-level coding, the header and the row number', () => {
    const above = line({ key: 'a', itemCode: 'BOLT-M8', coding: coded({ 'cost-unit': 'CU-1' }) });
    const row = line({ key: 'b', itemCode: 'GLOVE-L' });
    const input = codeRowInputOf(form([above, row], { headerCoding: { project: 'P-1' }, organisationCode: 'MAIN' }), 'b', { defaulting: 'default', place: 'grid' }, null);
    expect(input).toMatchObject({
      vendorCode: 'GENERAL',
      headerCostCenterCode: '210',
      header: { organisationCode: 'MAIN', values: { project: 'P-1' } },
      rowNumber: 2,
      subject: { kind: 'part', itemCode: 'GLOVE-L' },
      rowAbove: { rowNumber: 1, coding: { 'cost-unit': { value: 'CU-1', via: 'entered' } } },
      current: {},
      defaulting: 'default',
      place: 'grid',
    });
  });

  it('sends no header cost center when "None" was chosen, and carries a change', () => {
    const row = line({ itemCode: 'BOLT-M8', coding: coded({ project: 'P-1' }) });
    const input = codeRowInputOf(form([row], { noCostCenter: true }), row.key, { defaulting: 'keep', place: 'coding-box', change: { dimension: 'project', value: null } }, null);
    expect(input?.headerCostCenterCode).toBeNull();
    expect(input?.rowAbove).toBeNull();
    expect(input?.current).toEqual({ project: { value: 'P-1', via: 'entered' } });
    expect(input?.change).toEqual({ dimension: 'project', value: null });
  });
});

describe("a save's coding refusal lands beside the row's dimension", () => {
  const lineNumberOf = (key: string) => ['x', 'y'].indexOf(key) + 1;
  it.each([
    ['lines.1.coding.project', { key: 'line:y:coding:project', id: 'line-y-dim-project', label: 'Line 2 project' }],
    ['lines.0.coding.purchase-account', { key: 'line:x:glAccount', id: 'line-x-gl-account', label: 'Line 1 purchase account' }],
    ['lines.0.coding', { key: 'line:x:coding:row', id: 'line-x-coding', label: 'Line 1 coding' }],
    ['coding.values.project', { key: 'headerCoding:project', id: 'po-coding-button', label: 'PO coding project' }],
    ['coding.organisationCode', { key: 'organisation', id: 'po-organisation', label: 'Organisation' }],
  ])('%s', (path, expected) => {
    expect(fieldTargetOf(path, ['x', 'y'], lineNumberOf)).toEqual(expected);
  });
});
