/** Master-data maintenance: lists, records and exports for each kind (issue 12). */
export const adminChannels = {
  listMasterData: 'master-data:list',
  readMasterRecord: 'master-data:read',
  saveMasterRecord: 'master-data:save',
  deleteMasterRecord: 'master-data:delete',
  setCostCenterActive: 'master-data:set-cost-center-active',
  exportMasterData: 'master-data:export',
  schemeEditor: 'schemes:editor',
  pickSchemeCostCenters: 'schemes:pick-cost-centers',
  assignSchemeOperator: 'schemes:assign-operator',
} as const;
