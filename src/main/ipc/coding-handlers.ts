import type { codingContracts } from '../../shared/coding-contracts';
import * as admin from '../services/coding-admin-service';
import * as matrixAdmin from '../services/coding-matrix-admin-service';
import { readCodingSetup } from '../services/coding-setup-service';
import { codeRow } from '../services/row-coding-view';
import type { FeatureHandlers } from './handler-types';

const CHANGES: ('coding' | 'audit')[] = ['coding', 'audit'];

export const codingHandlers: FeatureHandlers<typeof codingContracts> = {
  codingSetup: { access: 'signed-in', run: (desk, caller, input) => readCodingSetup(desk.db, caller, input.organisationCode ?? null) },
  codeRow: { access: 'signed-in', run: (desk, caller, input) => codeRow(desk, caller, input) },
  saveDimensionType: { access: 'signed-in', changes: CHANGES, run: (desk, caller, input) => admin.saveDimensionType(desk, caller, input) },
  deleteDimensionType: { access: 'signed-in', changes: CHANGES, run: (desk, caller, input) => admin.deleteDimensionType(desk, caller, input) },
  saveDimensionValue: { access: 'signed-in', changes: CHANGES, run: (desk, caller, input) => admin.saveDimensionValue(desk, caller, input) },
  deleteDimensionValue: { access: 'signed-in', changes: CHANGES, run: (desk, caller, input) => admin.deleteDimensionValue(desk, caller, input) },
  saveOrganisation: { access: 'signed-in', changes: CHANGES, run: (desk, caller, input) => admin.saveOrganisation(desk, caller, input) },
  saveProductGroup: { access: 'signed-in', changes: CHANGES, run: (desk, caller, input) => admin.saveProductGroup(desk, caller, input) },
  saveSupplierGroup: { access: 'signed-in', changes: CHANGES, run: (desk, caller, input) => admin.saveSupplierGroup(desk, caller, input) },
  saveVendorCoding: { access: 'signed-in', changes: CHANGES, run: (desk, caller, input) => matrixAdmin.saveVendorCoding(desk, caller, input) },
  saveItemCoding: { access: 'signed-in', changes: CHANGES, run: (desk, caller, input) => matrixAdmin.saveItemCoding(desk, caller, input) },
  saveMatrixCell: { access: 'signed-in', changes: CHANGES, run: (desk, caller, input) => matrixAdmin.saveMatrixCell(desk, caller, input) },
  deleteMatrixCell: { access: 'signed-in', changes: CHANGES, run: (desk, caller, input) => matrixAdmin.deleteMatrixCell(desk, caller, input) },
  saveChartAccount: { access: 'signed-in', changes: CHANGES, run: (desk, caller, input) => admin.saveChartAccount(desk, caller, input) },
  saveStandardAccounts: { access: 'signed-in', changes: CHANGES, run: (desk, caller, input) => admin.saveStandardAccounts(desk, caller, input) },
  saveRowCodingSettings: { access: 'signed-in', changes: CHANGES, run: (desk, caller, input) => admin.saveRowCodingSettings(desk, caller, input) },
};
