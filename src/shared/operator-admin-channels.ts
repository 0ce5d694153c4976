/** Operators’ accounts, passwords and the access simulator (issue 12). */
export const operatorAdminChannels = {
  listOperators: 'operators:list',
  exportOperators: 'operators:export',
  createOperator: 'operators:create',
  updateOperator: 'operators:update',
  setOperatorActive: 'operators:set-active',
  resetOperatorPassword: 'operators:reset-password',
  myAccount: 'session:my-account',
  changeMyPassword: 'session:change-password',
  poEntryReadiness: 'po:entry-readiness',
  simulatorChoices: 'access-simulator:choices',
  simulateAccess: 'access-simulator:simulate',
  compareSchemeMove: 'access-simulator:compare-scheme',
} as const;
