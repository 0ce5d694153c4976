import type { adminContracts } from '../../shared/admin-contracts';
import { exportMasterData } from '../services/master-data-export-service';
import { deleteMasterRecord, listMasterData, readMasterRecord, saveMasterRecord, setCostCenterActive } from '../services/master-data-service';
import { assignSchemeOperator, pickSchemeCostCenters, schemeEditor } from '../services/scheme-admin-service';
import type { FeatureHandlers } from './handler-types';

/** Master data and schemes: thin calls into the services, which check the caller's role and audit every change. */
export const adminHandlers: FeatureHandlers<typeof adminContracts> = {
  listMasterData: { access: 'signed-in', run: (desk, caller, input) => listMasterData(desk, caller, input) },
  readMasterRecord: { access: 'signed-in', run: (desk, caller, input) => readMasterRecord(desk, caller, input) },
  saveMasterRecord: { access: 'signed-in', changes: ['master-data', 'audit'], run: (desk, caller, input) => saveMasterRecord(desk, caller, input) },
  deleteMasterRecord: { access: 'signed-in', changes: ['master-data', 'audit'], run: (desk, caller, input) => deleteMasterRecord(desk, caller, input) },
  setCostCenterActive: { access: 'signed-in', changes: ['master-data', 'audit'], run: (desk, caller, input) => setCostCenterActive(desk, caller, input) },
  exportMasterData: { access: 'signed-in', run: (desk, caller, input) => exportMasterData(desk, caller, input) },
  schemeEditor: { access: 'signed-in', run: (desk, caller, input) => schemeEditor(desk, caller, input.code) },
  pickSchemeCostCenters: { access: 'signed-in', run: (desk, caller, input) => pickSchemeCostCenters(desk, caller, input) },
  assignSchemeOperator: { access: 'signed-in', changes: ['master-data', 'operators', 'audit'], run: (desk, caller, input) => assignSchemeOperator(desk, caller, input) },
};
