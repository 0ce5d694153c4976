import { describe, expect, it } from 'vitest';
import { checkRowCodingOnSave } from '../../src/main/domain/coding/row-coding-checks';
import { resolveRowCoding } from '../../src/main/domain/coding/row-coding';

/** A cost center the line rules already judged (the line's own distribution) is not judged again by the scheme list alone. */
describe('the save check and a cost center judged by the line', () => {
  const chart = { accounts: [{ code: '5000', name: 'Materials', active: true, requirements: {} }] };
  const set = { types: [{ code: 'cost-center', name: 'Cost center', origin: 'global' as const, active: true, defaultValueCode: null }], values: [{ typeCode: 'cost-center', code: '410', name: 'Fleet', origin: 'global' as const, active: true }] };
  const resolved = resolveRowCoding({ upper: {}, row: {}, distribution: { 'purchase-account': '5000', 'cost-center': '410' }, chart, dimensions: ['purchase-account', 'cost-center'], set });
  const allowed = { codes: ['210'], label: 'your scheme NORTH', overrideApplied: false };
  it.each([
    ['judged by the line (a WIP override may allow it)', true, true],
    ['from another level: the scheme list decides', false, false],
  ])('%s', (_name, judged, expected) => {
    const verdict = checkRowCodingOnSave({ settings: { mandatoryCoding: false }, rows: [{ rowNumber: 1, resolved, costCenterJudgedByLine: judged }], chart, set, allowedCostCenters: allowed });
    expect(verdict.allowed).toBe(expected);
    if (!verdict.allowed) expect(verdict.reason).toMatch(/Row 1's cost center 410 is not allowed: your scheme NORTH allows 210/);
  });
});
