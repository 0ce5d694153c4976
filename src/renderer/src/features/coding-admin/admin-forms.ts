import type { CodingSetup } from '../../../../shared/coding-schemas';

/**
 * The row-coding admin forms as data: each kind's fields, how a stored record fills them, and the
 * input its save call takes. One generic form renders them all (CodingRecordForm.tsx); main judges
 * every value and names the refused field, whose key here is main's field path ("accounts.domestic").
 */
export type FieldKind = 'text' | 'checkbox' | 'select';

export interface FormField {
  /** main's field path for the value. */
  key: string;
  label: string;
  kind: FieldKind;
  hint?: string;
  /** For selects: value and words; '' is "none". */
  options?(setup: CodingSetup): { value: string; label: string }[];
  /** Fixed once the record exists (its code). */
  identity?: boolean;
}

export type FormValues = Record<string, string | boolean>;

export type SaveCall =
  | 'saveOrganisation'
  | 'saveDimensionType'
  | 'saveDimensionValue'
  | 'saveProductGroup'
  | 'saveSupplierGroup'
  | 'saveVendorCoding'
  | 'saveItemCoding'
  | 'saveMatrixCell'
  | 'saveChartAccount'
  | 'saveStandardAccounts';

export interface FormKind {
  /** "product group": the buttons read "Add product group" / "Save product group". */
  noun: string;
  call: SaveCall;
  fields: FormField[];
  /** Fields that depend on the setup (the organisation's dimensions), after `fields`. */
  moreFields?(setup: CodingSetup): FormField[];
  blank(setup: CodingSetup, context: FormContext): FormValues;
  input(values: FormValues, context: FormContext): unknown;
}

/** What the form is for beyond its own fields: the organisation edited (null: the global set), the dimension type chosen. */
export interface FormContext {
  organisationCode: string | null;
  typeCode: string | null;
}

/** Where a new dimension type or value is kept: the organisation shown, or the global set; fixed once it exists. */
const KEPT_IN: FormField = {
  key: 'organisationCode',
  label: 'Kept in',
  kind: 'select',
  identity: true,
  options: (setup) => [
    { value: setup.organisationCode, label: `Organisation ${setup.organisationCode} only` },
    { value: '', label: 'The global set: every organisation codes by it, a new one copies it' },
  ],
};

const text = (values: FormValues, key: string): string => String(values[key] ?? '').trim();
const orNull = (values: FormValues, key: string): string | null => text(values, key) || null;

const none = (label = 'None') => [{ value: '', label }];
const accountOptions = (setup: CodingSetup) => [...none(), ...setup.chart.map((account) => ({ value: account.code, label: `${account.code} — ${account.name}` }))];
/**
 * The active values of a type the organisation shown codes by: its own copy first, then global
 * values it lacks. A value is offered once even when both the global set and the organisation hold it.
 */
const valueOptions = (typeCode: string) => (setup: CodingSetup) => {
  if (typeCode === 'cost-center') return [...none(), ...setup.costCenters.map((center) => ({ value: center.code, label: `${center.code} — ${center.description}` }))];
  const seen = new Set<string>();
  const active = setup.dimensionValues
    .filter((value) => value.typeCode === typeCode && value.active)
    .sort((a, b) => Number(a.organisationCode === null) - Number(b.organisationCode === null))
    .filter((value) => {
      const key = value.code.toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.code.localeCompare(b.code));
  return [...none(), ...active.map((value) => ({ value: value.code, label: `${value.code} — ${value.name}` }))];
};

/** The vendor level's dimensions: every coding dimension of the organisation shown but the purchase account (the matrix gives that by supplier type). */
export const vendorDimensions = (setup: CodingSetup) => setup.dimensions.filter((dimension) => dimension.code !== 'purchase-account');
const VALUE_PREFIX = 'values.';
const REQUIREMENTS = () => [
  { value: 'no', label: 'No' },
  { value: 'yes', label: 'Yes' },
  { value: 'mandatory', label: 'Mandatory' },
];
const SUPPLIER_TYPES = () => [
  { value: 'domestic', label: 'Domestic' },
  { value: 'eu', label: 'EU' },
  { value: 'import', label: 'Import' },
];

const groupKind = (noun: string, call: 'saveProductGroup' | 'saveSupplierGroup'): FormKind => ({
  noun,
  call,
  fields: [
    { key: 'code', label: `${noun.charAt(0).toUpperCase()}${noun.slice(1)} code`, kind: 'text', identity: true, hint: 'Letters, digits, - _ / . (up to 20).' },
    { key: 'name', label: `${noun.charAt(0).toUpperCase()}${noun.slice(1)} name`, kind: 'text' },
    { key: 'active', label: 'Active', kind: 'checkbox' },
  ],
  blank: () => ({ code: '', name: '', active: true }),
  input: (values) => ({ code: text(values, 'code'), name: text(values, 'name'), active: values.active === true }),
});

export const FORM_KINDS = {
  organisation: {
    noun: 'organisation',
    call: 'saveOrganisation',
    fields: [
      { key: 'code', label: 'Organisation code', kind: 'text', identity: true },
      { key: 'name', label: 'Organisation name', kind: 'text' },
      { key: 'active', label: 'Active', kind: 'checkbox' },
      {
        key: 'autoGenerate',
        label: 'Auto-generate: copy the global dimension types and values with their defaults',
        kind: 'checkbox',
        identity: true,
        hint: 'Only when the organisation is added; off, it starts with the four core types and no values.',
      },
    ],
    blank: () => ({ code: '', name: '', active: true, autoGenerate: true }),
    input: (values) => ({ code: text(values, 'code'), name: text(values, 'name'), active: values.active === true, autoGenerate: values.autoGenerate === true }),
  },
  dimensionType: {
    noun: 'dimension type',
    call: 'saveDimensionType',
    fields: [
      KEPT_IN,
      { key: 'code', label: 'Dimension type code', kind: 'text', identity: true },
      { key: 'name', label: 'Dimension type name', kind: 'text' },
      { key: 'active', label: 'Active', kind: 'checkbox', hint: 'The core types (purchase account, cost center, cost unit, project) stay active.' },
    ],
    blank: (_setup, context) => ({ organisationCode: context.organisationCode ?? '', code: '', name: '', active: true }),
    input: (values) => ({ organisationCode: orNull(values, 'organisationCode'), code: text(values, 'code'), name: text(values, 'name'), active: values.active === true }),
  },
  dimensionValue: {
    noun: 'value',
    call: 'saveDimensionValue',
    fields: [
      KEPT_IN,
      { key: 'code', label: 'Value code', kind: 'text', identity: true },
      { key: 'name', label: 'Value name', kind: 'text' },
      { key: 'active', label: 'Active', kind: 'checkbox' },
      { key: 'isDefault', label: 'Default value of its type (the organisation level)', kind: 'checkbox' },
    ],
    blank: (_setup, context) => ({ organisationCode: context.organisationCode ?? '', code: '', name: '', active: true, isDefault: false }),
    input: (values, context) => ({
      organisationCode: orNull(values, 'organisationCode'),
      typeCode: context.typeCode ?? '',
      code: text(values, 'code'),
      name: text(values, 'name'),
      active: values.active === true,
      isDefault: values.isDefault === true,
    }),
  },
  productGroup: groupKind('product group', 'saveProductGroup'),
  supplierGroup: groupKind('supplier group', 'saveSupplierGroup'),
  vendor: {
    noun: "vendor's coding",
    call: 'saveVendorCoding',
    fields: [
      { key: 'vendorCode', label: 'Vendor', kind: 'text', identity: true },
      { key: 'supplierGroupCode', label: 'Supplier group', kind: 'select', options: (setup) => [...none(), ...setup.supplierGroups.map((group) => ({ value: group.code, label: `${group.code} — ${group.name}` }))] },
      { key: 'supplierType', label: 'Supplier type', kind: 'select', options: SUPPLIER_TYPES },
      { key: 'payablesAccountCode', label: 'Payables account', kind: 'select', options: (setup) => [...none('The standard payables account for its type'), ...accountOptions(setup).slice(1)] },
    ],
    moreFields: (setup) =>
      vendorDimensions(setup).map((dimension) => ({
        key: `${VALUE_PREFIX}${dimension.code}`,
        label: `Vendor-level ${dimension.label}`,
        kind: 'select' as const,
        options: valueOptions(dimension.code),
      })),
    blank: (setup) => ({ vendorCode: '', supplierGroupCode: '', supplierType: 'domestic', payablesAccountCode: '', ...Object.fromEntries(vendorDimensions(setup).map((dimension) => [`${VALUE_PREFIX}${dimension.code}`, ''])) }),
    input: (values, context) => ({
      organisationCode: context.organisationCode,
      vendorCode: text(values, 'vendorCode'),
      supplierGroupCode: orNull(values, 'supplierGroupCode'),
      supplierType: text(values, 'supplierType'),
      payablesAccountCode: orNull(values, 'payablesAccountCode'),
      // Only the dimensions the form shows: a vendor value of a dimension another organisation has stays as stored.
      values: Object.fromEntries(Object.keys(values).filter((key) => key.startsWith(VALUE_PREFIX)).map((key) => [key.slice(VALUE_PREFIX.length), orNull(values, key)])),
    }),
  },
  item: {
    noun: "item's product group",
    call: 'saveItemCoding',
    fields: [
      { key: 'itemCode', label: 'Item', kind: 'text', identity: true },
      { key: 'productGroupCode', label: 'Product group', kind: 'select', options: (setup) => [...none(), ...setup.productGroups.map((group) => ({ value: group.code, label: `${group.code} — ${group.name}` }))] },
      {
        key: 'setupPriceForItemCode',
        label: 'Setup price of part',
        kind: 'select',
        hint: 'A setup-price item takes its part’s coding or its own product group’s, by the setting.',
        options: (setup) => [...none('Not a setup price'), ...setup.items.map((item) => ({ value: item.itemCode, label: `${item.itemCode} — ${item.description}` }))],
      },
    ],
    blank: () => ({ itemCode: '', productGroupCode: '', setupPriceForItemCode: '' }),
    input: (values) => ({ itemCode: text(values, 'itemCode'), productGroupCode: orNull(values, 'productGroupCode'), setupPriceForItemCode: orNull(values, 'setupPriceForItemCode') }),
  },
  matrix: {
    noun: 'matrix cell',
    call: 'saveMatrixCell',
    fields: [
      { key: 'productGroupCode', label: 'Product group', kind: 'select', identity: true, options: (setup) => [...none('Choose…'), ...setup.productGroups.map((group) => ({ value: group.code, label: `${group.code} — ${group.name}` }))] },
      {
        key: 'supplierGroupCode',
        label: 'Supplier group',
        kind: 'select',
        identity: true,
        options: (setup) => [...none('Every supplier group'), ...setup.supplierGroups.map((group) => ({ value: group.code, label: `${group.code} — ${group.name}` }))],
      },
      { key: 'accounts.domestic', label: 'Purchase account, domestic', kind: 'select', options: accountOptions },
      { key: 'accounts.eu', label: 'Purchase account, EU', kind: 'select', options: accountOptions },
      { key: 'accounts.import', label: 'Purchase account, import', kind: 'select', options: accountOptions },
      { key: 'costCenterCode', label: 'Default cost center', kind: 'select', options: valueOptions('cost-center') },
      { key: 'costUnitCode', label: 'Default cost unit', kind: 'select', options: valueOptions('cost-unit') },
      { key: 'projectCode', label: 'Default project', kind: 'select', options: valueOptions('project') },
    ],
    blank: () => ({ productGroupCode: '', supplierGroupCode: '', 'accounts.domestic': '', 'accounts.eu': '', 'accounts.import': '', costCenterCode: '', costUnitCode: '', projectCode: '' }),
    input: (values, context) => ({
      organisationCode: context.organisationCode,
      productGroupCode: text(values, 'productGroupCode'),
      supplierGroupCode: orNull(values, 'supplierGroupCode'),
      accounts: { domestic: orNull(values, 'accounts.domestic'), eu: orNull(values, 'accounts.eu'), import: orNull(values, 'accounts.import') },
      costCenterCode: orNull(values, 'costCenterCode'),
      costUnitCode: orNull(values, 'costUnitCode'),
      projectCode: orNull(values, 'projectCode'),
    }),
  },
  chart: {
    noun: 'account',
    call: 'saveChartAccount',
    fields: [
      { key: 'code', label: 'Account', kind: 'text', identity: true },
      { key: 'active', label: 'Usable as a purchase account', kind: 'checkbox' },
      { key: 'requirements.cost-center', label: 'Cost center', kind: 'select', options: REQUIREMENTS },
      { key: 'requirements.cost-unit', label: 'Cost unit', kind: 'select', options: REQUIREMENTS },
      { key: 'requirements.project', label: 'Project', kind: 'select', options: REQUIREMENTS },
    ],
    blank: () => ({ code: '', active: true, 'requirements.cost-center': 'yes', 'requirements.cost-unit': 'yes', 'requirements.project': 'yes' }),
    input: (values) => ({
      code: text(values, 'code'),
      active: values.active === true,
      requirements: {
        'cost-center': text(values, 'requirements.cost-center'),
        'cost-unit': text(values, 'requirements.cost-unit'),
        project: text(values, 'requirements.project'),
      },
    }),
  },
  standardAccounts: {
    noun: 'standard accounts',
    call: 'saveStandardAccounts',
    fields: [
      { key: 'standardAccounts.domestic', label: 'Standard account, domestic', kind: 'select', options: accountOptions, hint: 'Rows without a part number, by the setting.' },
      { key: 'standardAccounts.eu', label: 'Standard account, EU', kind: 'select', options: accountOptions },
      { key: 'standardAccounts.import', label: 'Standard account, import', kind: 'select', options: accountOptions },
      { key: 'payablesAccounts.domestic', label: 'Payables account, domestic', kind: 'select', options: accountOptions, hint: 'Credited when a supplier invoice is registered, unless the vendor has its own.' },
      { key: 'payablesAccounts.eu', label: 'Payables account, EU', kind: 'select', options: accountOptions },
      { key: 'payablesAccounts.import', label: 'Payables account, import', kind: 'select', options: accountOptions },
    ],
    blank: (setup) => ({
      'standardAccounts.domestic': setup.standardAccounts.domestic ?? '',
      'standardAccounts.eu': setup.standardAccounts.eu ?? '',
      'standardAccounts.import': setup.standardAccounts.import ?? '',
      'payablesAccounts.domestic': setup.payablesAccounts.domestic ?? '',
      'payablesAccounts.eu': setup.payablesAccounts.eu ?? '',
      'payablesAccounts.import': setup.payablesAccounts.import ?? '',
    }),
    input: (values) => ({
      standardAccounts: { domestic: orNull(values, 'standardAccounts.domestic'), eu: orNull(values, 'standardAccounts.eu'), import: orNull(values, 'standardAccounts.import') },
      payablesAccounts: { domestic: orNull(values, 'payablesAccounts.domestic'), eu: orNull(values, 'payablesAccounts.eu'), import: orNull(values, 'payablesAccounts.import') },
    }),
  },
} satisfies Record<string, FormKind>;

/** Each kind as the generic form reads it. */
export const formKindOf = (name: FormKindName): FormKind => FORM_KINDS[name];

/** Every field of a kind for this setup, in the order shown. */
export const fieldsOf = (kind: FormKind, setup: CodingSetup | null): FormField[] => [...kind.fields, ...(setup && kind.moreFields ? kind.moreFields(setup) : [])];

/** A vendor's stored values as the form's fields hold them. */
export const vendorFormValues = (setup: CodingSetup, values: Readonly<Record<string, string>>): FormValues =>
  Object.fromEntries(vendorDimensions(setup).map((dimension) => [`${VALUE_PREFIX}${dimension.code}`, values[dimension.code] ?? '']));

export type FormKindName = keyof typeof FORM_KINDS;

/** A form's field that main's refusal names: the longest field key the path starts with. */
export function fieldOfPath(fields: readonly FormField[], path: string | undefined): string | null {
  if (!path) return null;
  const matches = fields.filter((field) => path === field.key || path.startsWith(`${field.key}.`) || field.key.startsWith(`${path}.`));
  return matches.sort((a, b) => b.key.length - a.key.length)[0]?.key ?? null;
}
