import { describe, expect, it } from 'vitest';
import { invoicedRowRefusal } from '../../src/main/domain/coding/invoiced-rows';

const invoiced = [{ lineId: 11, lineNumber: 1, quantityMilli: 5_000, amountMinor: 50_00 }];
const kept = (quantityMilli: number, totalMinor: number) => [{ id: 11, index: 0, values: { lineNumber: 1, quantityMilli, totalMinor } }];

describe('a change order keeps what a supplier invoiced', () => {
  it.each([
    ['nothing invoiced', [], [11], [], null],
    ['an uninvoiced row deleted', invoiced, [12], kept(5_000, 50_00), null],
    ['the invoiced row deleted', invoiced, [11], [], 'lines'],
    ['quantity kept at the invoiced quantity', invoiced, [], kept(5_000, 50_00), null],
    ['quantity raised', invoiced, [], kept(8_000, 80_00), null],
    ['quantity below the invoiced one', invoiced, [], kept(4_999, 80_00), 'lines.0.quantityMilli'],
    ['amount below the invoiced one', invoiced, [], kept(5_000, 49_99), 'lines.0.unitCostMinor'],
  ] as const)('%s', (_name, rows, deleted, keptRows, field) => {
    const refusal = invoicedRowRefusal(rows, deleted, keptRows, 'en-US');
    expect(refusal?.field ?? null).toBe(field);
    if (refusal) expect(refusal.message).toMatch(/Line 1.*supplier invoice\. Nothing was saved\.$/);
  });

  it('says the amounts in the operator’s locale', () => {
    expect(invoicedRowRefusal(invoiced, [11], [], 'de-DE')?.message).toContain('5 of it (50,00)');
  });
});
