import { z } from 'zod';
import { contract, emptyInput } from './contract';
import {
  accessSimulationSchema,
  changeMyPasswordInputSchema,
  compareSchemeMoveInputSchema,
  createOperatorInputSchema,
  entryReadinessSchema,
  myAccountSchema,
  operatorAccountSchema,
  operatorListPageSchema,
  operatorListQuerySchema,
  operatorSavedSchema,
  passwordChangedSchema,
  resetPasswordInputSchema,
  schemeComparisonSchema,
  setOperatorActiveInputSchema,
  simulateAccessInputSchema,
  simulatorChoicesSchema,
  updateOperatorInputSchema,
} from './operator-admin-schemas';

/** Operators’ accounts, passwords and the access simulator (issue 12). Built with `contract` from ./contract; never imports ./contracts. */
export const operatorAdminContracts = {
  /** Admins and supervisors: one page of operators, filtered. */
  listOperators: contract('listOperators', operatorListQuerySchema, operatorListPageSchema),
  /** Every operator the filter matches (no paging), for the CSV export. */
  exportOperators: contract('exportOperators', operatorListQuerySchema, z.object({ rows: z.array(operatorAccountSchema) })),
  createOperator: contract('createOperator', createOperatorInputSchema, operatorSavedSchema),
  updateOperator: contract('updateOperator', updateOperatorInputSchema, operatorSavedSchema),
  setOperatorActive: contract('setOperatorActive', setOperatorActiveInputSchema, operatorSavedSchema),
  resetOperatorPassword: contract('resetOperatorPassword', resetPasswordInputSchema, operatorSavedSchema),
  /** Answered even while a password must change: the sign-in screen asks it to know which step to show. */
  myAccount: contract('myAccount', emptyInput, myAccountSchema),
  /** The signed-in operator's own password; the one call (with sign-out) open while a reset password must change. */
  changeMyPassword: contract('changeMyPassword', changeMyPasswordInputSchema, passwordChangedSchema),
  /** Whether the signed-in operator can enter POs, and why not (no scheme while cost centers are in use). */
  poEntryReadiness: contract('poEntryReadiness', emptyInput, entryReadinessSchema),
  simulatorChoices: contract('simulatorChoices', emptyInput, simulatorChoicesSchema),
  simulateAccess: contract('simulateAccess', simulateAccessInputSchema, accessSimulationSchema),
  compareSchemeMove: contract('compareSchemeMove', compareSchemeMoveInputSchema, schemeComparisonSchema),
} as const;
