/** Order-row coding: dimensions, groups, the purchase-account matrix, chart of accounts and row coding (issue 11). */
export const codingChannels = {
  codingSetup: 'coding:setup',
  codeRow: 'coding:code-row',
  saveDimensionType: 'coding:save-dimension-type',
  deleteDimensionType: 'coding:delete-dimension-type',
  saveDimensionValue: 'coding:save-dimension-value',
  deleteDimensionValue: 'coding:delete-dimension-value',
  saveOrganisation: 'coding:save-organisation',
  saveProductGroup: 'coding:save-product-group',
  saveSupplierGroup: 'coding:save-supplier-group',
  saveVendorCoding: 'coding:save-vendor-coding',
  saveItemCoding: 'coding:save-item-coding',
  saveMatrixCell: 'coding:save-matrix-cell',
  deleteMatrixCell: 'coding:delete-matrix-cell',
  saveChartAccount: 'coding:save-chart-account',
  saveStandardAccounts: 'coding:save-standard-accounts',
  saveRowCodingSettings: 'coding:save-row-coding-settings',
} as const;
