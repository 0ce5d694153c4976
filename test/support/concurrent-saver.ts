// One "desk" process for the concurrent-writers test: opens the shared database (a SQLite file or a
// postgres:// URL), signs in, fires COUNT new-PO saves at once, and prints what happened as one JSON line.
import { dispatch } from '../../src/main/ipc/dispatch';
import { openStore } from '../../src/main/open-store';
import { createDesk } from '../../src/main/services/desk';
import { line, TEST_PASSWORD_COST } from './test-desk';

async function main(): Promise<void> {
  const [location, countText, signInName] = process.argv.slice(2) as [string, string, string];
  const desk = createDesk(await openStore(location, { demoData: false }), { passwordCost: TEST_PASSWORD_COST });
  const session = `saver-${process.pid}`;
  const signedIn = await dispatch(desk, session, 'signIn', { signInName, password: 'demo' });
  if (!signedIn.ok) throw new Error(signedIn.error.message);

  const results = await Promise.all(
    Array.from({ length: Number(countText) }, () =>
      dispatch(desk, session, 'savePo', { vendorCode: 'BOLT', warehouseCode: 'MAIN', costCenterCode: '210', costCenterEntered: true, lines: [line()] }),
    ),
  );
  const numbers = results.flatMap((result) => (result.ok ? [result.value.number] : []));
  const failures = results.flatMap((result) => (result.ok ? [] : [result.error.message]));
  console.log(JSON.stringify({ numbers, failures }));
  await desk.db.destroy();
}

void main();
