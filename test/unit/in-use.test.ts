import { describe, expect, it } from 'vitest';
import { checkDeletion, type UsageEntry, usageText } from '../../src/main/domain/admin/in-use';
import type { MasterKind } from '../../src/main/domain/admin/master-data-rules';

describe('usageText: counted or named', () => {
  it.each<[string, UsageEntry, string]>([
    ['one PO', { place: 'purchase-order', count: 1 }, '1 PO'],
    ['POs are counted, never listed', { place: 'purchase-order', count: 14, names: ['PO-000001'] }, '14 POs'],
    ['one scheme, named', { place: 'scheme', count: 1, names: ['NORTH'] }, 'scheme NORTH'],
    ['two schemes, named', { place: 'scheme', count: 2, names: ['NORTH', 'WIDE'] }, 'schemes NORTH and WIDE'],
    ['three vendors, named', { place: 'vendor', count: 3, names: ['ACME', 'BOLT', 'GENERAL'] }, 'vendors ACME, BOLT and GENERAL'],
    ['five schemes: the count and the first three', { place: 'scheme', count: 5, names: ['NORTH', 'SOLO', 'WIDE', 'FLEET', 'X'] }, '5 schemes, among them NORTH, SOLO and WIDE'],
    ['more than named', { place: 'vendor', count: 4, names: ['ACME'] }, '4 vendors, among them ACME'],
    ['named place without names: counted', { place: 'work-order', count: 2 }, '2 work orders'],
    ['an override reads as the override for …', { place: 'scheme-override', count: 1, names: ['warehouse HARBOUR in scheme NORTH'] }, 'the override for warehouse HARBOUR in scheme NORTH'],
    [
      'two overrides',
      { place: 'scheme-override', count: 2, names: ['warehouse HARBOUR in scheme NORTH', 'site 12 Harbour Rd in scheme NORTH'] },
      'the overrides for warehouse HARBOUR in scheme NORTH and site 12 Harbour Rd in scheme NORTH',
    ],
    ['many overrides', { place: 'scheme-override', count: 7, names: ['a', 'b', 'c', 'd'] }, '7 overrides, among them a, b and c'],
    ['audit entries', { place: 'audit-entry', count: 12 }, '12 audit entries'],
    ['one billing entity', { place: 'billing-entity', count: 1, names: ['NORTHCO'] }, 'billing entity NORTHCO'],
    ['a name given twice counts once', { place: 'scheme', count: 1, names: ['NORTH', 'NORTH'] }, 'scheme NORTH'],
  ])('%s', (_name, entry, text) => expect(usageText(entry)).toBe(text));

  it('counts in the reader format', () => {
    expect(usageText({ place: 'purchase-order', count: 12345 }, 'de-DE')).toBe('12.345 POs');
  });
});

describe('checkDeletion', () => {
  type Row = [name: string, kind: MasterKind, code: string, usage: UsageEntry[], remedy: string | null, reason: string];
  it.each<Row>([
    [
      'the issue’s example',
      'cost-center',
      '210',
      [
        { place: 'purchase-order', count: 14 },
        { place: 'scheme', count: 1, names: ['NORTH'] },
        { place: 'vendor', count: 1, names: ['BOLT'] },
      ],
      'deactivate',
      'Cost center 210 is used by 14 POs, scheme NORTH and vendor BOLT: deactivate it instead.',
    ],
    ['unused cost center', 'cost-center', '999', [], null, 'Cost center 999 is not used anywhere; it may be deleted.'],
    ['counts of zero do not count', 'cost-center', '999', [{ place: 'purchase-order', count: 0 }, { place: 'scheme', count: 0, names: [] }], null, 'Cost center 999 is not used anywhere; it may be deleted.'],
    [
      'cost center only in an override: still deactivate',
      'cost-center',
      '310',
      [{ place: 'scheme-override', count: 1, names: ['warehouse HARBOUR in scheme NORTH'] }],
      'deactivate',
      'Cost center 310 is used by the override for warehouse HARBOUR in scheme NORTH: deactivate it instead.',
    ],
    [
      'cost center as a work order’s header cost center',
      'cost-center',
      '410',
      [{ place: 'work-order', count: 1, names: ['WO-4001'] }],
      'deactivate',
      'Cost center 410 is used by work order WO-4001: deactivate it instead.',
    ],
    [
      'places in a fixed order, whatever order the store gives',
      'cost-center',
      '220',
      [
        { place: 'vendor', count: 2, names: ['BOLT', 'GENERAL'] },
        { place: 'approval-band', count: 1 },
        { place: 'purchase-order', count: 3 },
      ],
      'deactivate',
      'Cost center 220 is used by 3 POs, vendors BOLT and GENERAL and 1 approval band: deactivate it instead.',
    ],
    [
      'a place given twice is merged',
      'cost-center',
      '210',
      [
        { place: 'purchase-order', count: 2 },
        { place: 'purchase-order', count: 3 },
      ],
      'deactivate',
      'Cost center 210 is used by 5 POs: deactivate it instead.',
    ],
    [
      'an operator with history is never deleted',
      'operator',
      'alice',
      [
        { place: 'purchase-order', count: 3 },
        { place: 'audit-entry', count: 12 },
      ],
      'deactivate',
      'Operator alice has history (3 POs and 12 audit entries): deactivate the operator instead; an operator with history is never deleted.',
    ],
    [
      'an operator who approved',
      'operator',
      'sam',
      [{ place: 'approval', count: 1 }],
      'deactivate',
      'Operator sam has history (1 approval): deactivate the operator instead; an operator with history is never deleted.',
    ],
    ['an operator without history', 'operator', 'newbie', [], null, 'Operator newbie is not used anywhere; it may be deleted.'],
    [
      'a scheme with operators',
      'scheme',
      'NORTH',
      [{ place: 'operator', count: 3, names: ['Alice Moreau', 'Sam Patel', 'Dana Admin'] }],
      'detach',
      'Scheme NORTH is used by operators Alice Moreau, Sam Patel and Dana Admin: assign those operators another scheme first.',
    ],
    ['a scheme with one operator', 'scheme', 'SOLO', [{ place: 'operator', count: 1, names: ['Bob Lindqvist'] }], 'detach', 'Scheme SOLO is used by operator Bob Lindqvist: assign that operator another scheme first.'],
    [
      'a vendor on POs stays',
      'vendor',
      'ACME',
      [{ place: 'purchase-order', count: 2 }],
      'keep',
      'Vendor ACME is used by 2 POs: it cannot be deleted while those records name it.',
    ],
    [
      'a warehouse only in an override: take it off',
      'warehouse',
      'QUARANTINE',
      [{ place: 'scheme-override', count: 1, names: ['warehouse QUARANTINE in scheme NORTH'] }],
      'detach',
      'Warehouse QUARANTINE is used by the override for warehouse QUARANTINE in scheme NORTH: take it off there first.',
    ],
    [
      'a job used by work orders',
      'job',
      'J-100',
      [{ place: 'work-order', count: 2, names: ['WO-1001', 'WO-1002'] }],
      'detach',
      'Job J-100 is used by work orders WO-1001 and WO-1002: take it off them first.',
    ],
    [
      'a G/L account on POs and in an override: history decides',
      'gl-account',
      '1400',
      [
        { place: 'purchase-order', count: 1 },
        { place: 'scheme-override', count: 1, names: ['WIP G/L account 1400 in scheme NORTH'] },
      ],
      'keep',
      'G/L account 1400 is used by 1 PO and the override for WIP G/L account 1400 in scheme NORTH: it cannot be deleted while those records name it.',
    ],
    ['an item on POs', 'item', 'BOLT-M8', [{ place: 'purchase-order', count: 9 }], 'keep', 'Item BOLT-M8 is used by 9 POs: it cannot be deleted while those records name it.'],
    ['a cost type on POs', 'cost-type', 'L', [{ place: 'purchase-order', count: 1 }], 'keep', 'Cost type L is used by 1 PO: it cannot be deleted while those records name it.'],
    ['an unused work order', 'work-order', 'WO-9', [], null, 'Work order WO-9 is not used anywhere; it may be deleted.'],
  ])('%s', (_name, kind, code, usage, remedy, reason) => {
    const verdict = checkDeletion(kind, code, usage);
    expect(verdict.reason).toBe(reason);
    expect(verdict.allowed).toBe(remedy === null);
    expect(verdict.rule).toBe(remedy === null ? 'not-in-use' : 'in-use');
    if (!verdict.allowed) expect(verdict.remedy).toBe(remedy);
  });

  it('hands back the uses it counted, merged and ordered', () => {
    const verdict = checkDeletion('cost-center', '210', [
      { place: 'vendor', count: 1, names: ['BOLT'] },
      { place: 'purchase-order', count: 0 },
      { place: 'scheme', count: 1, names: ['NORTH'] },
    ]);
    expect(!verdict.allowed && verdict.usedBy.map((entry) => entry.place)).toEqual(['scheme', 'vendor']);
  });

  it('formats counts for the reader', () => {
    expect(checkDeletion('cost-center', '210', [{ place: 'purchase-order', count: 1400 }], 'fr-FR').reason).toBe('Cost center 210 is used by 1\u202f400 POs: deactivate it instead.');
  });
});

describe('row coding naming a record', () => {
  it('names each coding place as it reads, without a lead word', () => {
    const verdict = checkDeletion('gl-account', '5100', [{ place: 'row-coding', count: 2, names: ['the matrix cell PAINT × MARINE', "vendor ACME's payables account"] }]);
    expect(verdict).toMatchObject({ allowed: false, remedy: 'detach' });
    expect(verdict.reason).toMatch(/^G\/L account 5100 is used by the matrix cell PAINT × MARINE and vendor ACME's payables account: /);
  });
});
