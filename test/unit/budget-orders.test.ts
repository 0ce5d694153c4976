import { describe, expect, it } from 'vitest';
import {
  type AllocationFacts,
  budgetRequiredOnSubmit,
  checkAllocation,
  checkBudgetChange,
  checkChangeOrderAgainstBudget,
  type ChangeOrderFacts,
} from '../../src/main/domain/budget-checks';
import {
  allocationShare,
  type BudgetAllocation,
  type BudgetOrder,
  budgetOrderProblems,
  budgetsOnDate,
  budgetUse,
  describeBudgetChoice,
  isIsoDate,
  unallocatedMinor,
  validityOn,
} from '../../src/main/domain/budget-orders';
import { type TypingFacts, typingWarning } from '../../src/main/domain/budget-typing';
import type { PoStatus } from '../../src/main/domain/po-lifecycle';

// B-100: 10,000.00 for the year 2025.
const B100: BudgetOrder = { number: 'B-100', customerPoNumber: 'CUST-9', totalMinor: 1_000_000, validFrom: '2025-01-01', validTo: '2025-12-31', status: 'open' };
const po = (poNumber: string, status: PoStatus, totalMinor: number, committedMinor: number | null = null): BudgetAllocation => ({ poNumber, status, totalMinor, committedMinor });

describe('what a PO counts as on its budget order', () => {
  type Row = [name: string, allocation: BudgetAllocation, allocated: number, provisional: number];
  it.each<Row>([
    ['a draft is provisional', po('P1', 'draft', 50_000), 0, 50_000],
    ['a submitted PO is allocated', po('P1', 'submitted', 50_000), 50_000, 0],
    ['an approved PO is allocated', po('P1', 'approved', 50_000), 50_000, 0],
    ['a released PO is allocated', po('P1', 'released', 50_000), 50_000, 0],
    ['a closed PO is allocated', po('P1', 'closed', 50_000), 50_000, 0],
    ['a cancelled PO is nothing', po('P1', 'cancelled', 50_000), 0, 0],
    ['a draft of nothing', po('P1', 'draft', 0), 0, 0],
    ['a change order raising: the approved total stays allocated, the rise is provisional', po('P1', 'draft', 70_000, 50_000), 50_000, 20_000],
    ['a change order lowering: the approved total stays allocated until approved', po('P1', 'draft', 30_000, 50_000), 50_000, 0],
    ['a change order unchanged', po('P1', 'draft', 50_000, 50_000), 50_000, 0],
    ['a submitted change order raising: all of it allocated', po('P1', 'submitted', 70_000, 50_000), 70_000, 0],
    ['a submitted change order lowering: the approved total until approved', po('P1', 'submitted', 30_000, 50_000), 50_000, 0],
    ['the change order approved: its new total', po('P1', 'approved', 30_000, null), 30_000, 0],
  ])('%s', (_name, allocation, allocatedMinor, provisionalMinor) => {
    expect(allocationShare(allocation)).toEqual({ allocatedMinor, provisionalMinor });
  });

  it('refuses amounts that are not whole minor units', () => {
    expect(() => allocationShare(po('P1', 'draft', 10.5))).toThrow("P1's total must be a whole number of minor units; got 10.5.");
    expect(() => allocationShare(po('P1', 'draft', 10, Number.NaN))).toThrow(RangeError);
  });
});

describe('unallocated = total − allocated, in whole minor units', () => {
  type Row = [name: string, total: number, allocations: BudgetAllocation[], unallocated: number];
  it.each<Row>([
    ['nothing on it', 1_000_000, [], 1_000_000],
    ['one submitted', 1_000_000, [po('P1', 'submitted', 250_000)], 750_000],
    ['several statuses add up', 1_000_000, [po('P1', 'submitted', 100_000), po('P2', 'approved', 200_000), po('P3', 'released', 300_000), po('P4', 'closed', 1)], 399_999],
    ['drafts do not reduce it', 1_000_000, [po('P1', 'draft', 900_000)], 1_000_000],
    ['cancelled POs do not reduce it', 1_000_000, [po('P1', 'cancelled', 900_000), po('P2', 'approved', 1)], 999_999],
    ['fully allocated', 1_000_000, [po('P1', 'approved', 1_000_000)], 0],
    ['a change order in draft keeps its approved total', 1_000_000, [po('P1', 'draft', 900_000, 400_000)], 600_000],
    ['cents are exact: 0.10 + 0.20 of 0.30', 30, [po('P1', 'approved', 10), po('P2', 'approved', 20)], 0],
    ['large amounts stay exact', 9_000_000_000_000_00, [po('P1', 'approved', 1), po('P2', 'released', 8_999_999_999_999_98)], 1],
  ])('%s', (_name, total, allocations, unallocated) => {
    expect(unallocatedMinor(total, allocations)).toBe(unallocated);
  });

  it('tells allocated, provisional, unallocated and headroom apart', () => {
    const allocations = [po('P1', 'approved', 400_000), po('P2', 'draft', 100_000), po('P3', 'draft', 50_000), po('P4', 'cancelled', 999_999), po('P5', 'draft', 250_000, 200_000)];
    expect(budgetUse(1_000_000, allocations)).toEqual({ totalMinor: 1_000_000, allocatedMinor: 600_000, provisionalMinor: 200_000, unallocatedMinor: 400_000, headroomMinor: 200_000 });
  });

  it('leaves out the PO being edited', () => {
    const allocations = [po('P1', 'approved', 400_000), po('P2', 'draft', 100_000)];
    expect(budgetUse(1_000_000, allocations, 'P2')).toMatchObject({ allocatedMinor: 400_000, provisionalMinor: 0 });
    expect(budgetUse(1_000_000, allocations, 'P1')).toMatchObject({ allocatedMinor: 0, provisionalMinor: 100_000 });
  });

  it('refuses a total that is not whole minor units', () => {
    expect(() => unallocatedMinor(100.5, [])).toThrow(RangeError);
  });
});

describe('dates', () => {
  it.each<[string, boolean]>([
    ['2025-01-01', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-13-01', false],
    ['2025-04-31', false],
    ['2025-1-1', false],
    ['2025-01-01T10:00:00Z', false],
    ['', false],
  ])('isIsoDate(%s) is %s', (text, ok) => {
    expect(isIsoDate(text)).toBe(ok);
  });

  it.each<[string, string, string]>([
    ['the day before the first', '2024-12-31', 'before'],
    ['the first valid day', '2025-01-01', 'within'],
    ['a day in between', '2025-06-15', 'within'],
    ['the last valid day', '2025-12-31', 'within'],
    ['the day after the last', '2026-01-01', 'after'],
  ])('validity: %s', (_name, date, validity) => {
    expect(validityOn(B100, date)).toBe(validity);
  });
});

describe('the budget-order picker', () => {
  const B200: BudgetOrder = { ...B100, number: 'B-200', customerPoNumber: null, totalMinor: 500_000, validFrom: '2025-07-01', validTo: '2025-07-31' };
  const B300: BudgetOrder = { ...B100, number: 'B-300', status: 'closed' };
  const B400: BudgetOrder = { ...B100, number: 'B-400', validFrom: '2026-01-01', validTo: '2026-12-31' };
  const budgets = [
    { budget: B100, allocations: [po('P1', 'approved', 300_000), po('P2', 'draft', 100_000)] },
    { budget: B200, allocations: [] },
    { budget: B300, allocations: [] },
    { budget: B400, allocations: [] },
  ];
  it.each<[string, string, string[]]>([
    ['a date in only the yearly one', '2025-03-01', ['B-100']],
    ['the first day of the July one', '2025-07-01', ['B-100', 'B-200']],
    ['the last day of the July one', '2025-07-31', ['B-100', 'B-200']],
    ['the day after July', '2025-08-01', ['B-100']],
    ['a closed one is never offered', '2025-12-31', ['B-100']],
    ['next year', '2026-01-01', ['B-400']],
    ['before any', '2024-06-01', []],
    ['an unreadable date matches nothing', '2025-02-30', []],
  ])('%s', (_name, date, numbers) => {
    expect(budgetsOnDate(budgets, date).map((choice) => choice.number)).toEqual(numbers);
  });

  it('shows each with total and unallocated, leaving out the PO being edited', () => {
    const [choice] = budgetsOnDate(budgets, '2025-03-01', 'P2');
    expect(choice).toEqual({
      number: 'B-100',
      customerPoNumber: 'CUST-9',
      validFrom: '2025-01-01',
      validTo: '2025-12-31',
      totalMinor: 1_000_000,
      allocatedMinor: 300_000,
      provisionalMinor: 0,
      unallocatedMinor: 700_000,
      headroomMinor: 700_000,
    });
    expect(budgetsOnDate(budgets, '2025-03-01')[0]?.provisionalMinor).toBe(100_000);
  });

  it('reads as one line', () => {
    const [b100, b200] = budgetsOnDate(budgets, '2025-07-15');
    expect(describeBudgetChoice(b100!, 'en-US')).toBe('B-100: total 10,000.00, unallocated 7,000.00, valid 01/01/2025 to 12/31/2025, customer PO CUST-9');
    expect(describeBudgetChoice(b200!, 'de-DE')).toBe('B-200: total 5.000,00, unallocated 5.000,00, valid 01.07.2025 to 31.07.2025');
  });
});

describe('a budget order as the admin enters it', () => {
  type Row = [name: string, over: Partial<BudgetOrder>, allocated: number, problems: string[]];
  it.each<Row>([
    ['a good one', {}, 0, []],
    ['a one-day validity', { validFrom: '2025-05-05', validTo: '2025-05-05' }, 0, []],
    ['a zero total with nothing allocated', { totalMinor: 0 }, 0, []],
    ['the total exactly what is allocated', {}, 1_000_000, []],
    ['the total below what is allocated', {}, 1_000_001, ['The total, 10,000.00, cannot be below the 10,000.01 already allocated to POs on B-100.']],
    ['blank number', { number: '  ' }, 0, ['Enter the budget order number.']],
    ['negative total', { totalMinor: -1 }, 0, ['The total cannot be negative.']],
    ['fractional minor units', { totalMinor: 10.5 }, 0, ['The total must be an amount with at most 2 decimals.']],
    ['ends before it starts', { validFrom: '2025-12-31', validTo: '2025-01-01' }, 0, ['The validity ends on 01/01/2025, before it starts on 12/31/2025.']],
    ['dates that are not dates', { validFrom: '2025-02-30', validTo: '' }, 0, ['Valid from 2025-02-30 is not a date.', 'Valid to (blank) is not a date.']],
  ])('%s', (_name, over, allocated, problems) => {
    expect(budgetOrderProblems({ ...B100, ...over }, allocated, 'en-US')).toEqual(problems);
  });
});

const allocation = (over: Partial<AllocationFacts> = {}): AllocationFacts => ({
  budget: B100,
  poNumber: 'PO-000012',
  poStatus: 'draft',
  poTotalMinor: 100_000,
  poDate: '2025-03-01',
  otherAllocatedMinor: 600_000,
  previousAllocationOfThisPoMinor: 0,
  locale: 'en-US',
  ...over,
});

describe('checkAllocation: the PO may not exceed what is unallocated', () => {
  // B-100 total 10,000.00; 6,000.00 allocated to other POs, so 4,000.00 is there for this one.
  type Row = [name: string, over: Partial<AllocationFacts>, allowed: boolean, rule: string, available: number, overBy: number];
  it.each<Row>([
    ['well under', {}, true, 'budget-allocation-fits', 400_000, 0],
    ['just under the limit', { poTotalMinor: 399_999 }, true, 'budget-allocation-fits', 400_000, 0],
    ['exactly at the limit', { poTotalMinor: 400_000 }, true, 'budget-allocation-fits', 400_000, 0],
    ['one cent over', { poTotalMinor: 400_001 }, false, 'budget-exceeded', 400_000, 1],
    ['far over', { poTotalMinor: 900_000 }, false, 'budget-exceeded', 400_000, 500_000],
    ['an empty PO', { poTotalMinor: 0 }, true, 'budget-allocation-fits', 400_000, 0],
    ['nothing allocated yet, the whole total', { otherAllocatedMinor: 0, poTotalMinor: 1_000_000 }, true, 'budget-allocation-fits', 1_000_000, 0],
    ['fully allocated to others, a cent', { otherAllocatedMinor: 1_000_000, poTotalMinor: 1 }, false, 'budget-exceeded', 0, 1],
    ['fully allocated to others, an empty PO', { otherAllocatedMinor: 1_000_000, poTotalMinor: 0 }, true, 'budget-allocation-fits', 0, 0],
    ['submitting is checked the same way', { poStatus: 'submitted', poTotalMinor: 400_001 }, false, 'budget-exceeded', 400_000, 1],
    // Validity, both days included.
    ['the first valid day', { poDate: '2025-01-01' }, true, 'budget-allocation-fits', 400_000, 0],
    ['the last valid day', { poDate: '2025-12-31' }, true, 'budget-allocation-fits', 400_000, 0],
    ['the day before the first', { poDate: '2024-12-31' }, false, 'budget-validity', 400_000, 0],
    ['the day after the last', { poDate: '2026-01-01' }, false, 'budget-validity', 400_000, 0],
    ['a date that is not one', { poDate: '2025-02-30' }, false, 'po-date-invalid', 400_000, 0],
    // Closed.
    ['a closed budget order', { budget: { ...B100, status: 'closed' } }, false, 'budget-closed', 400_000, 0],
    ['closed is named before the amount', { budget: { ...B100, status: 'closed' }, poTotalMinor: 900_000 }, false, 'budget-closed', 400_000, 500_000],
    ['an empty PO on a closed one', { budget: { ...B100, status: 'closed' }, poTotalMinor: 0 }, false, 'budget-closed', 400_000, 0],
    // The PO's own earlier allocation.
    ['holding 3,000.00, asking no more', { previousAllocationOfThisPoMinor: 300_000, poTotalMinor: 300_000 }, true, 'budget-allocation-not-raised', 400_000, 0],
    ['holding 3,000.00, asking less', { previousAllocationOfThisPoMinor: 300_000, poTotalMinor: 100_000 }, true, 'budget-allocation-not-raised', 400_000, 0],
    ['holding some on a budget order closed since', { budget: { ...B100, status: 'closed' }, previousAllocationOfThisPoMinor: 300_000, poTotalMinor: 300_000 }, true, 'budget-allocation-not-raised', 400_000, 0],
    ['holding some, the budget lowered below what others hold', { otherAllocatedMinor: 1_200_000, previousAllocationOfThisPoMinor: 300_000, poTotalMinor: 300_000 }, true, 'budget-allocation-not-raised', -200_000, 0],
    ['holding some, raising within', { previousAllocationOfThisPoMinor: 300_000, poTotalMinor: 400_000 }, true, 'budget-allocation-fits', 400_000, 0],
    ['holding some, raising over', { previousAllocationOfThisPoMinor: 300_000, poTotalMinor: 400_001 }, false, 'budget-exceeded', 400_000, 1],
    ['holding some, raising on a closed one', { budget: { ...B100, status: 'closed' }, previousAllocationOfThisPoMinor: 300_000, poTotalMinor: 300_001 }, false, 'budget-closed', 400_000, 0],
    // Cancelled.
    ['a cancelled PO asks nothing', { poStatus: 'cancelled', poTotalMinor: 9_000_000 }, true, 'budget-nothing-allocated', 400_000, 0],
    // Drafts hold: other drafts count when the caller passes them.
    ['drafts hold: under, with other drafts counted', { otherProvisionalMinor: 100_000, poTotalMinor: 300_000 }, true, 'budget-allocation-fits', 300_000, 0],
    ['drafts hold: over because of other drafts', { otherProvisionalMinor: 100_000, poTotalMinor: 300_001 }, false, 'budget-exceeded', 300_000, 1],
    ['drafts only warn: the same PO fits', { poTotalMinor: 300_001 }, true, 'budget-allocation-fits', 400_000, 0],
  ])('%s', (_name, over, allowed, rule, availableMinor, overByMinor) => {
    expect(checkAllocation(allocation(over))).toMatchObject({ allowed, rule, availableMinor, overByMinor: allowed ? 0 : overByMinor });
  });

  it.each<[string, Partial<AllocationFacts>, string]>([
    [
      'fits',
      { poTotalMinor: 150_000 },
      "PO-000012's total, 1,500.00, fits budget order B-100: it leaves 2,500.00 unallocated (total 10,000.00, of which 6,000.00 is allocated to other POs).",
    ],
    [
      'over, with the amounts',
      { poTotalMinor: 450_000 },
      "PO-000012's total, 4,500.00, is more than budget order B-100 has unallocated for it, 4,000.00 (total 10,000.00, of which 6,000.00 is allocated to other POs): 500.00 over.",
    ],
    [
      'over, with other drafts counted',
      { poTotalMinor: 350_000, otherProvisionalMinor: 100_000 },
      "PO-000012's total, 3,500.00, is more than budget order B-100 has unallocated for it, 3,000.00 (total 10,000.00, of which 6,000.00 is allocated to other POs and 1,000.00 held by their drafts): 500.00 over.",
    ],
    ['closed', { budget: { ...B100, status: 'closed' } }, 'Budget order B-100 is closed, so PO-000012 cannot draw on it; choose an open budget order.'],
    ['before its validity', { poDate: '2024-12-31' }, 'Budget order B-100 is valid 01/01/2025 to 12/31/2025; PO-000012 is dated 12/31/2024, before its first valid day.'],
    ['after its validity', { poDate: '2026-01-01' }, 'Budget order B-100 is valid 01/01/2025 to 12/31/2025; PO-000012 is dated 01/01/2026, after its last valid day.'],
    ['a blank date', { poDate: '' }, "PO-000012's date, (blank), is not a date; it decides which budget orders are valid."],
    ['not raised', { previousAllocationOfThisPoMinor: 300_000, poTotalMinor: 200_000 }, 'PO-000012 already holds 3,000.00 on budget order B-100; its total, 2,000.00, asks no more.'],
    ['cancelled', { poStatus: 'cancelled' }, 'PO-000012 is cancelled; it holds nothing on budget order B-100.'],
  ])('says why: %s', (_name, over, reason) => {
    expect(checkAllocation(allocation(over)).reason).toBe(reason);
  });

  it('in the reader\'s locale', () => {
    expect(checkAllocation(allocation({ poTotalMinor: 450_000, locale: 'fr-FR' })).reason).toBe(
      "PO-000012's total, 4\u202f500,00, is more than budget order B-100 has unallocated for it, 4\u202f000,00 (total 10\u202f000,00, of which 6\u202f000,00 is allocated to other POs): 500,00 over.",
    );
  });

  it('refuses amounts that are not whole minor units', () => {
    expect(() => checkAllocation(allocation({ poTotalMinor: 1.5 }))).toThrow(RangeError);
    expect(() => checkAllocation(allocation({ otherAllocatedMinor: Number.POSITIVE_INFINITY }))).toThrow(RangeError);
  });
});

const changeOrder = (over: Partial<ChangeOrderFacts> = {}): ChangeOrderFacts => ({
  budget: B100,
  poNumber: 'PO-000012',
  approvedTotalMinor: 300_000,
  newTotalMinor: 300_000,
  poDate: '2025-03-01',
  otherAllocatedMinor: 600_000,
  locale: 'en-US',
  ...over,
});

describe('a change order against the budget', () => {
  // Approved at 3,000.00; others hold 6,000.00 of 10,000.00, so the PO may rise to 4,000.00.
  type Row = [name: string, over: Partial<ChangeOrderFacts>, allowed: boolean, rule: string, overBy: number];
  it.each<Row>([
    ['keeps the amount', {}, true, 'change-order-not-raised', 0],
    ['lowers it', { newTotalMinor: 100_000 }, true, 'change-order-not-raised', 0],
    ['lowers it to nothing', { newTotalMinor: 0 }, true, 'change-order-not-raised', 0],
    ['lowers it on a budget closed since', { newTotalMinor: 100_000, budget: { ...B100, status: 'closed' } }, true, 'change-order-not-raised', 0],
    ['lowers it though the budget is overspent by others', { newTotalMinor: 100_000, otherAllocatedMinor: 1_100_000 }, true, 'change-order-not-raised', 0],
    ['raises it within', { newTotalMinor: 350_000 }, true, 'budget-allocation-fits', 0],
    ['raises it exactly to the limit', { newTotalMinor: 400_000 }, true, 'budget-allocation-fits', 0],
    ['raises it a cent over', { newTotalMinor: 400_001 }, false, 'change-order-over-budget', 1],
    ['raises it far over', { newTotalMinor: 1_000_000 }, false, 'change-order-over-budget', 600_000],
    ['raises it on a closed budget', { newTotalMinor: 300_001, budget: { ...B100, status: 'closed' } }, false, 'budget-closed', 0],
    ['raises it, other drafts counted', { newTotalMinor: 350_000, otherProvisionalMinor: 100_000 }, false, 'change-order-over-budget', 50_000],
  ])('%s', (_name, over, allowed, rule, overByMinor) => {
    expect(checkChangeOrderAgainstBudget(changeOrder(over))).toMatchObject({ allowed, rule, overByMinor });
  });

  it.each<[string, Partial<ChangeOrderFacts>, string]>([
    ['keeps', {}, "The change order keeps PO-000012's total at 3,000.00; it draws nothing more on budget order B-100."],
    ['lowers', { newTotalMinor: 100_000 }, "The change order lowers PO-000012's total from 3,000.00 to 1,000.00; budget order B-100 gets 2,000.00 back once it is approved."],
    [
      'raises over',
      { newTotalMinor: 450_000 },
      "PO-000012's new total, 4,500.00 (up from 3,000.00), is more than budget order B-100 has unallocated for it, 4,000.00 (total 10,000.00, of which 6,000.00 is allocated to other POs): 500.00 over.",
    ],
    [
      'raises within',
      { newTotalMinor: 350_000 },
      "PO-000012's new total, 3,500.00 (up from 3,000.00), fits budget order B-100: it leaves 500.00 unallocated (total 10,000.00, of which 6,000.00 is allocated to other POs).",
    ],
    ['raises on a closed one', { newTotalMinor: 350_000, budget: { ...B100, status: 'closed' } }, 'Budget order B-100 is closed, so the change order on PO-000012 cannot draw on it; choose an open budget order.'],
  ])('says why: %s', (_name, over, reason) => {
    expect(checkChangeOrderAgainstBudget(changeOrder(over)).reason).toBe(reason);
  });
});

describe('changing the budget order: free while a draft, locked from approval on', () => {
  type Row = [name: string, status: PoStatus, released: number | null, from: string | null, to: string | null, allowed: boolean, rule: string, reason: string];
  it.each<Row>([
    ['draft: move', 'draft', null, 'B-100', 'B-200', true, 'budget-change-draft', 'PO-000012 moves from budget order B-100 to B-200.'],
    ['draft: first one', 'draft', null, null, 'B-100', true, 'budget-change-draft', 'PO-000012 goes on budget order B-100.'],
    ['draft: taken off', 'draft', null, 'B-100', null, true, 'budget-change-draft', 'PO-000012 comes off budget order B-100.'],
    ['draft: unchanged', 'draft', null, 'B-100', 'B-100', true, 'budget-unchanged', 'PO-000012 stays on budget order B-100.'],
    ['draft: none and none', 'draft', null, null, null, true, 'budget-unchanged', 'PO-000012 has no budget order.'],
    ['submitted: recall first', 'submitted', null, 'B-100', 'B-200', false, 'budget-change-needs-draft', 'PO-000012 is submitted and waiting for approval; recall it to draft to change its budget order.'],
    ['approved: locked', 'approved', null, 'B-100', 'B-200', false, 'budget-locked', 'PO-000012 is locked to budget order B-100 since it was approved; it cannot move to B-200.'],
    ['approved: cannot be taken off', 'approved', null, 'B-100', null, false, 'budget-locked', 'PO-000012 is locked to budget order B-100 since it was approved; it cannot be taken off it.'],
    [
      'approved without one: cannot be given one',
      'approved',
      null,
      null,
      'B-100',
      false,
      'budget-locked',
      "PO-000012 has had no budget order since it was approved, and a PO's budget order is locked from approval on; it cannot be put on B-100.",
    ],
    ['approved: unchanged is fine', 'approved', null, 'B-100', 'B-100', true, 'budget-unchanged', 'PO-000012 stays on budget order B-100.'],
    ['released: locked', 'released', 1, 'B-100', 'B-200', false, 'budget-locked', 'PO-000012 is locked to budget order B-100 since it was approved and released; it cannot move to B-200.'],
    ['closed: locked', 'closed', 1, 'B-100', 'B-200', false, 'budget-locked', 'PO-000012 is locked to budget order B-100 since it was approved and released; it cannot move to B-200.'],
    ['a change order in draft: still locked', 'draft', 1, 'B-100', 'B-200', false, 'budget-locked', 'PO-000012 is locked to budget order B-100 since it was approved and released; it cannot move to B-200.'],
    ['a change order submitted: still locked', 'submitted', 2, 'B-100', null, false, 'budget-locked', 'PO-000012 is locked to budget order B-100 since it was approved and released; it cannot be taken off it.'],
    ['a change order keeping it', 'draft', 1, 'B-100', 'B-100', true, 'budget-unchanged', 'PO-000012 stays on budget order B-100.'],
    ['recalled before release: a draft again, free', 'draft', null, 'B-100', 'B-200', true, 'budget-change-draft', 'PO-000012 moves from budget order B-100 to B-200.'],
    ['cancelled: only viewed', 'cancelled', null, 'B-100', 'B-200', false, 'po-status', 'PO-000012 is cancelled; it can only be viewed.'],
  ])('%s', (_name, poStatus, lastReleasedRevision, from, to, allowed, rule, reason) => {
    expect(checkBudgetChange({ poNumber: 'PO-000012', poStatus, lastReleasedRevision, from, to })).toEqual({ allowed, rule, reason });
  });
});

describe('"budget order required" at submit', () => {
  type Row = [name: string, required: boolean, budget: string | null, allowed: boolean, rule: string, reason: string];
  it.each<Row>([
    ['required and present', true, 'B-100', true, 'budget-order-present', 'PO-000012 is on budget order B-100.'],
    [
      'required and missing',
      true,
      null,
      false,
      'budget-order-required',
      "PO-000012 cannot be submitted without a budget order: every PO needs one here. Choose one valid on the PO's date.",
    ],
    [
      'required and blank',
      true,
      '  ',
      false,
      'budget-order-required',
      "PO-000012 cannot be submitted without a budget order: every PO needs one here. Choose one valid on the PO's date.",
    ],
    ['not required, missing', false, null, true, 'budget-order-optional', 'PO-000012 has no budget order; none is required.'],
    ['not required, present', false, 'B-100', true, 'budget-order-present', 'PO-000012 is on budget order B-100.'],
  ])('%s', (_name, required, budgetOrderNumber, allowed, rule, reason) => {
    expect(budgetRequiredOnSubmit(required, { number: 'PO-000012', budgetOrderNumber })).toEqual({ allowed, rule, reason });
  });
});

const typing = (over: Partial<TypingFacts> = {}): TypingFacts => ({
  budget: B100,
  draftTotalMinor: 100_000,
  otherProvisionalMinor: 0,
  allocatedMinor: 600_000,
  locale: 'en-US',
  ...over,
});

describe('while typing lines: what the PO would leave, warning before the limit', () => {
  // B-100 total 10,000.00, 6,000.00 allocated: 90% is reached at 9,000.00 used.
  type Row = [name: string, over: Partial<TypingFacts>, level: string, leaves: number];
  it.each<Row>([
    ['well under', {}, 'ok', 300_000],
    ['nothing typed yet', { draftTotalMinor: 0 }, 'ok', 400_000],
    ['a cent under the warning', { draftTotalMinor: 299_999 }, 'ok', 100_001],
    ['at the warning: 90% used', { draftTotalMinor: 300_000 }, 'near-limit', 100_000],
    ['between warning and limit', { draftTotalMinor: 350_000 }, 'near-limit', 50_000],
    ['a cent under the limit', { draftTotalMinor: 399_999 }, 'near-limit', 1],
    ['exactly at the limit: still saves', { draftTotalMinor: 400_000 }, 'near-limit', 0],
    ['a cent over the limit', { draftTotalMinor: 400_001 }, 'over', -1],
    ['far over', { draftTotalMinor: 2_000_000 }, 'over', -1_600_000],
    ['other drafts bring it to the warning', { draftTotalMinor: 100_000, otherProvisionalMinor: 200_000 }, 'near-limit', 100_000],
    ['other drafts under the warning', { draftTotalMinor: 100_000, otherProvisionalMinor: 199_999 }, 'ok', 100_001],
    ['fits alone, not with other drafts', { draftTotalMinor: 300_000, otherProvisionalMinor: 200_000 }, 'near-limit', -100_000],
    ['drafts hold: not with other drafts is over', { draftTotalMinor: 300_000, otherProvisionalMinor: 200_000, draftsHold: true }, 'over', -100_000],
    ['drafts hold: exactly at the limit with them', { draftTotalMinor: 200_000, otherProvisionalMinor: 200_000, draftsHold: true }, 'near-limit', 0],
    ['a warning threshold of 50%', { warnAtPercent: 50 }, 'near-limit', 300_000],
    ['a threshold of 100% warns only at the limit', { warnAtPercent: 100, draftTotalMinor: 399_999 }, 'ok', 1],
    ['a threshold of 100% at the limit', { warnAtPercent: 100, draftTotalMinor: 400_000 }, 'near-limit', 0],
    ['a threshold of 0% always warns', { warnAtPercent: 0, allocatedMinor: 0, draftTotalMinor: 0 }, 'near-limit', 1_000_000],
    ['a closed budget order', { budget: { ...B100, status: 'closed' } }, 'over', 300_000],
    ['a zero budget, nothing typed', { budget: { ...B100, totalMinor: 0 }, allocatedMinor: 0, draftTotalMinor: 0 }, 'near-limit', 0],
    ['a zero budget, a cent typed', { budget: { ...B100, totalMinor: 0 }, allocatedMinor: 0, draftTotalMinor: 1 }, 'over', -1],
    ['huge totals stay exact', { budget: { ...B100, totalMinor: Number.MAX_SAFE_INTEGER }, allocatedMinor: 0, draftTotalMinor: Number.MAX_SAFE_INTEGER - 1 }, 'near-limit', 1],
  ])('%s', (_name, over, level, leavesMinor) => {
    expect(typingWarning(typing(over))).toMatchObject({ level, leavesMinor });
  });

  it.each<[string, Partial<TypingFacts>, string]>([
    ['ok', {}, "This PO would leave 3,000.00 of budget order B-100's 10,000.00 unallocated (70% used)."],
    ['ok, with other drafts', { otherProvisionalMinor: 50_000 }, "This PO would leave 2,500.00 of budget order B-100's 10,000.00 unallocated (75% used, counting 500.00 in other drafts)."],
    ['near', { draftTotalMinor: 350_000 }, 'Close to the limit of budget order B-100: this PO would leave 500.00 of its 10,000.00 (95% used).'],
    ['at the limit', { draftTotalMinor: 400_000 }, 'Close to the limit of budget order B-100: this PO would leave 0.00 of its 10,000.00 (100% used).'],
    ['over', { draftTotalMinor: 450_000 }, "Over budget order B-100: this PO's 4,500.00 is 500.00 more than its 4,000.00 unallocated; it cannot be saved like this."],
    [
      'fits alone only',
      { draftTotalMinor: 300_000, otherProvisionalMinor: 200_000 },
      'This PO fits budget order B-100, leaving 1,000.00, but not together with the other drafts on it (2,000.00): they would be 1,000.00 over. Whichever is submitted first gets the money.',
    ],
    [
      'drafts hold: over with them',
      { draftTotalMinor: 300_000, otherProvisionalMinor: 200_000, draftsHold: true },
      "Over budget order B-100: this PO's 3,000.00 is 1,000.00 more than the 2,000.00 left once other drafts (2,000.00) are counted; it cannot be saved like this.",
    ],
    ['closed', { budget: { ...B100, status: 'closed' } }, 'Budget order B-100 is closed; this PO cannot be saved on it. Choose an open budget order.'],
    ['a zero budget', { budget: { ...B100, totalMinor: 0 }, allocatedMinor: 0, draftTotalMinor: 0 }, 'Close to the limit of budget order B-100: this PO would leave 0.00 of its 0.00.'],
  ])('says it: %s', (_name, over, sentence) => {
    expect(typingWarning(typing(over)).sentence).toBe(sentence);
  });

  it.each([[-1], [101], [89.5], [Number.NaN]])('refuses a threshold of %s', (warnAtPercent) => {
    expect(() => typingWarning(typing({ warnAtPercent }))).toThrow(RangeError);
  });

  it('warns before the save would refuse: every amount the save refuses is "over", and "near-limit" comes first', () => {
    let firstWarning: number | null = null;
    for (let draft = 0; draft <= 500_000; draft += 10_000) {
      const warning = typingWarning(typing({ draftTotalMinor: draft }));
      const save = checkAllocation(allocation({ poTotalMinor: draft }));
      expect(warning.level === 'over').toBe(!save.allowed);
      if (warning.level === 'near-limit' && firstWarning === null) firstWarning = draft;
    }
    expect(firstWarning).toBe(300_000);
  });
});
