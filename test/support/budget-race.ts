import type { Result } from '../../src/shared/result';
import { line } from './test-desk';

/** What became of one PO in the budget race: allocated (submitted and approved), or refused at save or submit, with the sentence. */
export type BudgetAttempt = { outcome: 'allocated'; number: string } | { outcome: 'refused-at-save' | 'refused-at-submit'; message: string } | { outcome: 'failed'; code: string; message: string };

type Call = (name: 'savePo' | 'changePoStatus', input: unknown) => Promise<Result<unknown>>;

/** A new draft of `amountMinor` on the budget order, then its submit (under every band: approved on submit, so allocated). */
export async function saveAndSubmitOnBudget(call: Call, budgetOrderId: number, amountMinor: number): Promise<BudgetAttempt> {
  const saved = await call('savePo', { vendorCode: 'BOLT', warehouseCode: 'MAIN', costCenterCode: '210', costCenterEntered: true, budgetOrderId, lines: [line('Race', 1000, amountMinor)] });
  if (!saved.ok) return saved.error.code === 'refused' ? { outcome: 'refused-at-save', message: saved.error.message } : { outcome: 'failed', code: saved.error.code, message: saved.error.message };
  const po = saved.value as { id: number; version: number; number: string };
  const submitted = await call('changePoStatus', { id: po.id, version: po.version, step: 'submit' });
  if (!submitted.ok) return submitted.error.code === 'refused' ? { outcome: 'refused-at-submit', message: submitted.error.message } : { outcome: 'failed', code: submitted.error.code, message: submitted.error.message };
  return { outcome: 'allocated', number: po.number };
}
