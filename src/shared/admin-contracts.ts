import { contract } from './contract';
import {
  assignSchemeOperatorInputSchema,
  listEditSchema,
  masterExportInputSchema,
  masterExportSchema,
  masterKeySchema,
  masterListInputSchema,
  masterListSchema,
  masterOutcomeSchema,
  masterRecordViewSchema,
  pickSchemeCostCentersInputSchema,
  savedMasterRecordSchema,
  saveMasterRecordInputSchema,
  schemeEditorInputSchema,
  schemeEditorSchema,
  setCostCenterActiveInputSchema,
} from './admin-schemas';

/** Master-data maintenance: lists, records and exports for each kind (issue 12). Built with `contract` from ./contract; never imports ./contracts. */
export const adminContracts = {
  /** One page of a kind's records matching the filter, with the total; supervisors and admins. */
  listMasterData: contract('listMasterData', masterListInputSchema, masterListSchema),
  /** One record and where it is used. */
  readMasterRecord: contract('readMasterRecord', masterKeySchema, masterRecordViewSchema),
  /** Adds (originalCode null) or changes a record; admins. A code never changes. */
  saveMasterRecord: contract('saveMasterRecord', saveMasterRecordInputSchema, savedMasterRecordSchema),
  /** Deletes a record nothing uses; otherwise refused, naming every use. */
  deleteMasterRecord: contract('deleteMasterRecord', masterKeySchema, masterOutcomeSchema),
  /** Deactivates or reactivates a cost center. */
  setCostCenterActive: contract('setCostCenterActive', setCostCenterActiveInputSchema, savedMasterRecordSchema),
  /** Every record matching the filter as CSV in the import's columns. */
  exportMasterData: contract('exportMasterData', masterExportInputSchema, masterExportSchema),
  /** What the scheme editor needs: the scheme (null code: a new one), the catalogue, override keys and operators. */
  schemeEditor: contract('schemeEditor', schemeEditorInputSchema, schemeEditorSchema),
  /** A list with cost centers added from all, by cost group or one by one; writes nothing. */
  pickSchemeCostCenters: contract('pickSchemeCostCenters', pickSchemeCostCentersInputSchema, listEditSchema),
  /** Puts an operator on a scheme, or takes them off it. */
  assignSchemeOperator: contract('assignSchemeOperator', assignSchemeOperatorInputSchema, masterOutcomeSchema),
} as const;
