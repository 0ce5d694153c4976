// One "desk" process for the budget race: opens the shared database, signs in, and fires COUNT
// save-then-submit chains at once on one budget order, printing what happened as one JSON line.
import { dispatch } from '../../src/main/ipc/dispatch';
import { openStore } from '../../src/main/open-store';
import { createDesk } from '../../src/main/services/desk';
import { type BudgetAttempt, saveAndSubmitOnBudget } from './budget-race';
import { TEST_PASSWORD_COST } from './test-desk';

async function main(): Promise<void> {
  const [location, countText, signInName, budgetIdText, amountText] = process.argv.slice(2) as [string, string, string, string, string];
  const desk = createDesk(await openStore(location, { demoData: false }), { passwordCost: TEST_PASSWORD_COST });
  const session = `budget-saver-${process.pid}`;
  const signedIn = await dispatch(desk, session, 'signIn', { signInName, password: 'demo' });
  if (!signedIn.ok) throw new Error(signedIn.error.message);
  const call = (name: Parameters<typeof dispatch>[2], input: unknown) => dispatch(desk, session, name, input);
  const attempts: BudgetAttempt[] = await Promise.all(Array.from({ length: Number(countText) }, () => saveAndSubmitOnBudget(call, Number(budgetIdText), Number(amountText))));
  console.log(JSON.stringify(attempts));
  await desk.db.destroy();
}

void main();
