import type { operatorAdminContracts } from '../../shared/operator-admin-contracts';
import { compareSchemeMove, simulateAccess, simulatorChoices } from '../services/access-simulator-service';
import { entryReadiness } from '../services/entry-readiness-service';
import { changeMyPassword, myAccount } from '../services/operator-admin-passwords';
import { createOperator, exportOperators, listOperators, resetOperatorPassword, setOperatorActive, updateOperator } from '../services/operator-admin-service';
import type { FeatureHandlers } from './handler-types';

/** Operators' accounts change who may sign in and what they see, so their writes are announced as the session's too. */
const WRITES = ['operators', 'session', 'audit'] as const;

export const operatorAdminHandlers: FeatureHandlers<typeof operatorAdminContracts> = {
  listOperators: { access: 'signed-in', run: (desk, caller, input) => listOperators(desk, caller, input) },
  exportOperators: { access: 'signed-in', run: (desk, caller, input) => exportOperators(desk, caller, input) },
  createOperator: { access: 'signed-in', changes: [...WRITES], run: (desk, caller, input) => createOperator(desk, caller, input) },
  updateOperator: { access: 'signed-in', changes: [...WRITES], run: (desk, caller, input) => updateOperator(desk, caller, input) },
  setOperatorActive: { access: 'signed-in', changes: [...WRITES], run: (desk, caller, input) => setOperatorActive(desk, caller, input) },
  resetOperatorPassword: { access: 'signed-in', changes: [...WRITES], run: (desk, caller, input) => resetOperatorPassword(desk, caller, input) },
  // 'anyone': open while a reset password must change, when requireCaller refuses every signed-in call; each finds its caller itself.
  myAccount: { access: 'anyone', run: (desk, key) => myAccount(desk, key) },
  changeMyPassword: { access: 'anyone', changes: ['session', 'audit'], run: (desk, key, input) => changeMyPassword(desk, key, input) },
  poEntryReadiness: { access: 'signed-in', run: (desk, caller) => entryReadiness(desk, caller) },
  simulatorChoices: { access: 'signed-in', run: (desk, caller) => simulatorChoices(desk, caller) },
  simulateAccess: { access: 'signed-in', run: (desk, caller, input) => simulateAccess(desk, caller, input) },
  compareSchemeMove: { access: 'signed-in', run: (desk, caller, input) => compareSchemeMove(desk, caller, input) },
};
