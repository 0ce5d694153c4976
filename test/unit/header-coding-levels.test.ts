import { describe, expect, it } from 'vitest';
import type { CodingSetup } from '../../src/shared/coding-schemas';
import { fieldTargetOf } from '../../src/renderer/src/features/po-entry/field-ids';
import {
  decidingOf,
  headerCodingRowsOf,
  headerCodingSummary,
  judgeHeaderValue,
  sameHeaderCoding,
} from '../../src/renderer/src/features/po-entry/header-coding/header-coding-levels';

const type = (code: string, organisationCode: string | null, defaultValueCode: string | null, active = true) => ({
  code,
  name: code,
  organisationCode,
  origin: 'global' as const,
  core: true,
  active,
  defaultValueCode,
});

const setup = {
  organisationCode: 'MAIN',
  dimensions: [
    { code: 'purchase-account', label: 'purchase account' },
    { code: 'cost-center', label: 'cost center' },
    { code: 'cost-unit', label: 'cost unit' },
    { code: 'project', label: 'project' },
  ],
  // The global set's defaults are not the organisation's: only the organisation's own copy counts.
  dimensionTypes: [type('cost-unit', null, 'CU-G'), type('cost-unit', 'MAIN', 'CU-N'), type('project', 'MAIN', 'P-OFF', false)],
  vendors: [{ vendorCode: 'BOLT', values: { 'cost-unit': 'CU-F', project: 'P-QUAY' } }],
} as unknown as CodingSetup;

const rowsFor = (vendorText: string, headerCoding: Record<string, string>, headerCostCenter: string | null = '210') =>
  Object.fromEntries(headerCodingRowsOf({ setup, vendorText, headerCoding, headerCostCenter }).map((row) => [row.dimension, row]));

describe('headerCodingRowsOf: the organisation, vendor and header levels of each dimension', () => {
  it.each([
    ['no vendor, no header', '', {}, 'cost-unit', { organisation: 'CU-N', vendor: null, header: null, deciding: { level: 'organisation', value: 'CU-N' } }],
    ['the vendor over the organisation', 'bolt', {}, 'cost-unit', { organisation: 'CU-N', vendor: 'CU-F', header: null, deciding: { level: 'vendor', value: 'CU-F' } }],
    ['the header over the vendor', 'BOLT', { 'cost-unit': 'CU-S' }, 'cost-unit', { vendor: 'CU-F', header: 'CU-S', deciding: { level: 'po-header', value: 'CU-S' } }],
    ['an inactive type gives no organisation value', '', {}, 'project', { organisation: null, deciding: null }],
    ['the cost center is the header field', '', {}, 'cost-center', { header: '210', editedInCostCenterField: true, deciding: { level: 'po-header', value: '210' } }],
    ['an unknown vendor has no level', 'NOPE', {}, 'project', { vendor: null, deciding: null }],
  ] as const)('%s', (_name, vendorText, header, dimension, expected) => {
    expect(rowsFor(vendorText, { ...header })[dimension]).toMatchObject(expected);
  });

  it('has no rows before the setup is read', () => {
    expect(headerCodingRowsOf({ setup: null, vendorText: 'BOLT', headerCoding: {}, headerCostCenter: null })).toEqual([]);
  });

  it('follows the draft: a blank header value leaves the vendor deciding', () => {
    expect(decidingOf({ organisation: 'CU-N', vendor: 'CU-F' }, ' ')).toEqual({ level: 'vendor', value: 'CU-F' });
    expect(decidingOf({ organisation: null, vendor: null }, null)).toBeNull();
  });
});

describe('headerCodingSummary', () => {
  const rows = headerCodingRowsOf({ setup, vendorText: 'BOLT', headerCoding: {}, headerCostCenter: '210' });
  it.each([
    [{}, 'No header coding'],
    [{ project: 'P-QUAY', 'cost-unit': 'CU-E1' }, 'Header: cost unit CU-E1, project P-QUAY'],
    // The cost center has its own field on the header; a dimension the organisation dropped still shows.
    [{ 'cost-center': '410', region: 'NORTH' }, 'Header: region NORTH'],
  ])('%j → %s', (values, expected) => {
    expect(headerCodingSummary(rows, values)).toBe(expected);
  });
});

describe('judgeHeaderValue', () => {
  const rows = rowsFor('BOLT', {});
  const options = [
    { code: 'CU-F', description: 'Fleet' },
    { code: 'CU-S', description: 'South' },
  ];
  const judge = (typed: string, mayOverrideCoding: boolean, held: string | null = null, dimension = 'cost-unit') =>
    judgeHeaderValue({ row: rows[dimension] as never, typed, options, held, mayOverrideCoding, operatorName: 'Alice Moreau' });
  it.each([
    ['blank clears', '  ', false, null, { ok: true, value: null }],
    ['spelt as the list spells it', 'cu-s', true, null, { ok: true, value: 'CU-S' }],
    ['the vendor’s own value needs no right', 'cu-f', false, null, { ok: true, value: 'CU-F' }],
    ['keeping the stored value needs no right', 'CU-S', false, 'CU-S', { ok: true, value: 'CU-S' }],
  ] as const)('%s', (_name, typed, right, held, expected) => {
    expect(judge(typed, right, held)).toEqual(expected);
  });
  it('refuses a value not on the list, naming it', () => {
    expect(judge('CU-X', true)).toEqual({ ok: false, reason: expect.stringContaining('There is no cost unit CU-X') });
  });
  it('refuses replacing the vendor’s value without the right, saying whose it is', () => {
    expect(judge('CU-S', false)).toEqual({ ok: false, reason: expect.stringMatching(/^Cost unit CU-F comes from the vendor; changing it to CU-S needs the right .* Alice Moreau/) });
  });
});

describe('header coding changes and refusals', () => {
  it('compares without case', () => {
    expect(sameHeaderCoding({ project: 'p-quay' }, { project: 'P-QUAY' })).toBe(true);
    expect(sameHeaderCoding({ project: 'P-QUAY' }, {})).toBe(false);
  });
  it('puts a save refusal of a header value on the PO coding button', () => {
    expect(fieldTargetOf('coding.values.cost-unit', [], () => 0)).toEqual({ key: 'headerCoding:cost-unit', id: 'po-coding-button', label: 'PO coding cost unit' });
    expect(fieldTargetOf('coding.organisationCode', [], () => 0)?.key).toBe('organisation');
  });
});
