import type { CodingGroup, CodingSetup, MatrixCellView } from '../../../../shared/coding-schemas';
import { useCodingAdminStore } from '../../stores/coding-admin-store';
import type { FormKindName, FormValues } from './admin-forms';
import { CodingListSection, type ListColumn } from './CodingListSection';
import { CodingRecordForm } from './CodingRecordForm';

const afterRender = (work: () => void) => setTimeout(work, 0);
/** After a form closes the cursor goes back to the row's Change button, or to the Add button. */
const focusBack = (label: string | null, fallback: string) =>
  afterRender(() => {
    const match = label === null ? undefined : Array.from(document.querySelectorAll<HTMLButtonElement>('.coding-admin-table .link-button')).find((button) => button.getAttribute('aria-label') === label);
    (match ?? document.getElementById(fallback))?.focus();
  });

const yesNo = (value: boolean) => (value ? 'Yes' : 'No');
const orDash = (value: string | null | undefined) => value ?? '—';
const REQUIREMENT = { no: 'No', yes: 'Yes', mandatory: 'Mandatory' } as const;
const SUPPLIER_TYPE = { domestic: 'Domestic', eu: 'EU', import: 'Import' } as const;

interface SectionProps {
  setup: CodingSetup;
}

/** The form of `kind` under its section's list, when it is the one open. */
function FormSlot({ setup, kind, title, addId }: SectionProps & { kind: FormKindName; title(editing: string | null): string; addId: string }) {
  const form = useCodingAdminStore((s) => (s.form?.kind === kind ? s.form : null));
  const outcome = useCodingAdminStore((s) => (s.outcome?.kind === kind ? s.outcome : null));
  return (
    <>
      {form && <CodingRecordForm setup={setup} title={title(form.editing)} onDone={() => focusBack(form.editing && `Change ${form.editing}`, addId)} />}
      {outcome && (
        <p role="status" className="settings-outcome">
          {outcome.message}
        </p>
      )}
    </>
  );
}

const open = (kind: FormKindName, values: FormValues | null, editing: string | null) => useCodingAdminStore.getState().open(kind, values, editing);

export function OrganisationsSection({ setup }: SectionProps) {
  return (
    <CodingListSection
      title="Organisations"
      lead="Each PO is coded for an organisation. A new one can copy the global dimension types and values with their defaults (auto-generate)."
      rows={setup.organisations}
      rowKey={(row) => row.code}
      changeLabel={(row) => `Change ${row.code}`}
      columns={[
        { header: 'Code', cell: (row) => <span className="code">{row.code}</span>, text: (row) => row.code },
        { header: 'Name', cell: (row) => row.name, text: (row) => row.name },
        { header: 'Active', cell: (row) => yesNo(row.active) },
        { header: 'Default', cell: (row) => yesNo(row.isDefault) },
      ]}
      canEdit={setup.rights.canEdit}
      addLabel="Add an organisation…"
      addId="coding-add-organisation"
      onAdd={() => open('organisation', null, null)}
      onChange={(row) => open('organisation', { code: row.code, name: row.name, active: row.active, autoGenerate: false }, row.code)}
    >
      <FormSlot setup={setup} kind="organisation" addId="coding-add-organisation" title={(editing) => (editing ? `Change organisation ${editing}` : 'Add an organisation')} />
    </CodingListSection>
  );
}

export function DimensionsSection({ setup }: SectionProps) {
  const typeCode = useCodingAdminStore((s) => s.typeCode);
  const chooseType = useCodingAdminStore((s) => s.chooseType);
  const values = setup.dimensionValues.filter((value) => value.typeCode === typeCode);
  const scope = (organisationCode: string | null) => (organisationCode === null ? 'Global' : organisationCode);
  return (
    <>
      <CodingListSection
        title="Dimension types"
        lead={`The dimensions rows are coded by: the global set and organisation ${setup.organisationCode}'s own. The core four stay active.`}
        rows={setup.dimensionTypes}
        rowKey={(row) => `${row.organisationCode ?? ''}:${row.code}`}
        changeLabel={(row) => `Change ${row.code}`}
        columns={[
          { header: 'Code', cell: (row) => <span className="code">{row.code}</span>, text: (row) => row.code },
          { header: 'Name', cell: (row) => row.name, text: (row) => row.name },
          { header: 'Scope', cell: (row) => scope(row.organisationCode) },
          { header: 'Active', cell: (row) => yesNo(row.active) },
          { header: 'Default value', cell: (row) => orDash(row.defaultValueCode) },
        ]}
        canEdit={setup.rights.canEdit}
        addLabel="Add a dimension type…"
        addId="coding-add-type"
        onAdd={() => open('dimensionType', null, null)}
        onChange={(row) => open('dimensionType', { code: row.code, name: row.name, active: row.active }, row.code)}
      >
        <FormSlot setup={setup} kind="dimensionType" addId="coding-add-type" title={(editing) => (editing ? `Change dimension type ${editing}` : `Add a dimension type to organisation ${setup.organisationCode}`)} />
      </CodingListSection>
      <CodingListSection
        title="Dimension values"
        lead="The values of one dimension type; the default value is the organisation level of the precedence. Purchase accounts are the chart's accounts, cost centers the installation's."
        rows={values}
        rowKey={(row) => `${row.organisationCode ?? ''}:${row.code}`}
        changeLabel={(row) => `Change ${row.code}`}
        toolbar={
          <label className="coding-admin-type-picker">
            Type{' '}
            <select value={typeCode} onChange={(event) => chooseType(event.target.value)}>
              {setup.dimensionTypes
                .filter((type) => type.code !== 'purchase-account' && type.code !== 'cost-center')
                .map((type) => (
                  <option key={`${type.organisationCode ?? ''}:${type.code}`} value={type.code}>
                    {type.name}
                  </option>
                ))}
            </select>
          </label>
        }
        columns={[
          { header: 'Code', cell: (row) => <span className="code">{row.code}</span>, text: (row) => row.code },
          { header: 'Name', cell: (row) => row.name, text: (row) => row.name },
          { header: 'Scope', cell: (row) => scope(row.organisationCode) },
          { header: 'Active', cell: (row) => yesNo(row.active) },
          { header: 'Default', cell: (row) => yesNo(row.isDefault) },
        ]}
        canEdit={setup.rights.canEdit}
        addLabel="Add a value…"
        addId="coding-add-value"
        onAdd={() => open('dimensionValue', null, null)}
        onChange={(row) => open('dimensionValue', { code: row.code, name: row.name, active: row.active, isDefault: row.isDefault }, row.code)}
      >
        <FormSlot setup={setup} kind="dimensionValue" addId="coding-add-value" title={(editing) => (editing ? `Change value ${editing} of ${typeCode}` : `Add a value to ${typeCode}`)} />
      </CodingListSection>
    </>
  );
}

export function GroupsSections({ setup }: SectionProps) {
  const groupColumns: ListColumn<CodingGroup>[] = [
    { header: 'Code', cell: (row) => <span className="code">{row.code}</span>, text: (row) => row.code },
    { header: 'Name', cell: (row) => row.name, text: (row) => row.name },
    { header: 'Active', cell: (row) => yesNo(row.active) },
  ];
  return (
    <>
      <CodingListSection
        title="Product groups"
        lead="Parts belong to product groups; with the vendor's supplier group they find the purchase account in the matrix."
        rows={setup.productGroups}
        rowKey={(row) => row.code}
        changeLabel={(row) => `Change ${row.code}`}
        columns={groupColumns}
        canEdit={setup.rights.canEdit}
        addLabel="Add a product group…"
        addId="coding-add-product-group"
        onAdd={() => open('productGroup', null, null)}
        onChange={(row) => open('productGroup', { code: row.code, name: row.name, active: row.active }, row.code)}
      >
        <FormSlot setup={setup} kind="productGroup" addId="coding-add-product-group" title={(editing) => (editing ? `Change product group ${editing}` : 'Add a product group')} />
      </CodingListSection>
      <CodingListSection
        title="Supplier groups"
        lead="Vendors belong to supplier groups; the matrix may give each its own purchase account."
        rows={setup.supplierGroups}
        rowKey={(row) => row.code}
        changeLabel={(row) => `Change ${row.code}`}
        columns={groupColumns}
        canEdit={setup.rights.canEdit}
        addLabel="Add a supplier group…"
        addId="coding-add-supplier-group"
        onAdd={() => open('supplierGroup', null, null)}
        onChange={(row) => open('supplierGroup', { code: row.code, name: row.name, active: row.active }, row.code)}
      >
        <FormSlot setup={setup} kind="supplierGroup" addId="coding-add-supplier-group" title={(editing) => (editing ? `Change supplier group ${editing}` : 'Add a supplier group')} />
      </CodingListSection>
    </>
  );
}

export function VendorsAndItemsSections({ setup }: SectionProps) {
  return (
    <>
      <CodingListSection
        title="Vendors' coding"
        lead="Each vendor's supplier group, whether it is domestic, EU or import, its payables account and the values it codes every row with (the vendor level)."
        rows={setup.vendors}
        rowKey={(row) => row.vendorCode}
        changeLabel={(row) => `Change ${row.vendorCode}`}
        columns={[
          { header: 'Vendor', cell: (row) => <span className="code">{row.vendorCode}</span>, text: (row) => `${row.vendorCode} ${row.vendorName}` },
          { header: 'Name', cell: (row) => row.vendorName },
          { header: 'Supplier group', cell: (row) => orDash(row.supplierGroupCode), text: (row) => row.supplierGroupCode ?? '' },
          { header: 'Type', cell: (row) => SUPPLIER_TYPE[row.supplierType] },
          { header: 'Payables', cell: (row) => `${orDash(row.effectivePayablesAccountCode)}${row.payablesAccountCode ? '' : ' (standard)'}` },
          { header: 'Vendor values', cell: (row) => Object.entries(row.values).map(([dimension, value]) => `${dimension} ${value}`).join(', ') || '—' },
        ]}
        canEdit={setup.rights.canEdit}
        onChange={(row) =>
          open(
            'vendor',
            {
              vendorCode: row.vendorCode,
              supplierGroupCode: row.supplierGroupCode ?? '',
              supplierType: row.supplierType,
              payablesAccountCode: row.payablesAccountCode ?? '',
              'values.cost-unit': row.values['cost-unit'] ?? '',
              'values.project': row.values.project ?? '',
            },
            row.vendorCode,
          )
        }
      >
        <FormSlot setup={setup} kind="vendor" addId="coding-vendors" title={(editing) => `Change the coding of vendor ${editing ?? ''}`} />
      </CodingListSection>
      <CodingListSection
        title="Items' product groups"
        lead="The product group each part is coded by; a setup-price item names its part."
        rows={setup.items}
        rowKey={(row) => row.itemCode}
        changeLabel={(row) => `Change ${row.itemCode}`}
        columns={[
          { header: 'Item', cell: (row) => <span className="code">{row.itemCode}</span>, text: (row) => `${row.itemCode} ${row.description}` },
          { header: 'Description', cell: (row) => row.description },
          { header: 'Product group', cell: (row) => orDash(row.productGroupCode), text: (row) => row.productGroupCode ?? '' },
          { header: 'Setup price of', cell: (row) => orDash(row.setupPriceForItemCode) },
        ]}
        canEdit={setup.rights.canEdit}
        onChange={(row) => open('item', { itemCode: row.itemCode, productGroupCode: row.productGroupCode ?? '', setupPriceForItemCode: row.setupPriceForItemCode ?? '' }, row.itemCode)}
      >
        <FormSlot setup={setup} kind="item" addId="coding-items" title={(editing) => `Change the product group of item ${editing ?? ''}`} />
      </CodingListSection>
    </>
  );
}

export function MatrixAndChartSections({ setup }: SectionProps) {
  const cellKey = (row: MatrixCellView) => `${row.productGroupCode} × ${row.supplierGroupCode ?? 'every supplier group'}`;
  return (
    <>
      <CodingListSection
        title="Purchase-account matrix"
        lead="Product group × supplier group gives the purchase account per supplier type, and may give a default cost center, cost unit and project. A cell for every supplier group applies where a group has none of its own."
        rows={setup.matrix}
        rowKey={cellKey}
        changeLabel={(row) => `Change ${cellKey(row)}`}
        columns={[
          { header: 'Product group', cell: (row) => <span className="code">{row.productGroupCode}</span>, text: (row) => row.productGroupCode },
          { header: 'Supplier group', cell: (row) => row.supplierGroupCode ?? 'Every', text: (row) => row.supplierGroupCode ?? 'every' },
          { header: 'Domestic', cell: (row) => orDash(row.accounts.domestic) },
          { header: 'EU', cell: (row) => orDash(row.accounts.eu) },
          { header: 'Import', cell: (row) => orDash(row.accounts.import) },
          { header: 'Cost center', cell: (row) => orDash(row.costCenterCode) },
          { header: 'Cost unit', cell: (row) => orDash(row.costUnitCode) },
          { header: 'Project', cell: (row) => orDash(row.projectCode) },
        ]}
        canEdit={setup.rights.canEdit}
        addLabel="Add a matrix cell…"
        addId="coding-add-matrix"
        onAdd={() => open('matrix', null, null)}
        onChange={(row) =>
          open(
            'matrix',
            {
              productGroupCode: row.productGroupCode,
              supplierGroupCode: row.supplierGroupCode ?? '',
              'accounts.domestic': row.accounts.domestic ?? '',
              'accounts.eu': row.accounts.eu ?? '',
              'accounts.import': row.accounts.import ?? '',
              costCenterCode: row.costCenterCode ?? '',
              costUnitCode: row.costUnitCode ?? '',
              projectCode: row.projectCode ?? '',
            },
            cellKey(row),
          )
        }
      >
        <FormSlot setup={setup} kind="matrix" addId="coding-add-matrix" title={(editing) => (editing ? `Change matrix cell ${editing}` : 'Add a matrix cell')} />
      </CodingListSection>
      <CodingListSection
        title="Chart of accounts"
        lead="For each account: whether it is usable as a purchase account, and whether a row on it takes a cost center, cost unit and project: No, Yes, or Mandatory."
        rows={setup.chart}
        rowKey={(row) => row.code}
        changeLabel={(row) => `Change ${row.code}`}
        columns={[
          { header: 'Account', cell: (row) => <span className="code">{row.code}</span>, text: (row) => `${row.code} ${row.name}` },
          { header: 'Name', cell: (row) => row.name },
          { header: 'Purchase account', cell: (row) => yesNo(row.active) },
          { header: 'Cost center', cell: (row) => REQUIREMENT[row.requirements['cost-center']] },
          { header: 'Cost unit', cell: (row) => REQUIREMENT[row.requirements['cost-unit']] },
          { header: 'Project', cell: (row) => REQUIREMENT[row.requirements.project] },
        ]}
        canEdit={setup.rights.canEdit}
        onChange={(row) =>
          open(
            'chart',
            { code: row.code, active: row.active, 'requirements.cost-center': row.requirements['cost-center'], 'requirements.cost-unit': row.requirements['cost-unit'], 'requirements.project': row.requirements.project },
            row.code,
          )
        }
      >
        <FormSlot setup={setup} kind="chart" addId="coding-chart" title={(editing) => `Change account ${editing ?? ''}`} />
      </CodingListSection>
      <CodingListSection
        title="Standard and payables accounts"
        lead="Per supplier type: the standard account for rows without a part number, and the payables account an invoice is credited to."
        rows={(['domestic', 'eu', 'import'] as const).map((type) => ({ type, standard: setup.standardAccounts[type], payables: setup.payablesAccounts[type] }))}
        rowKey={(row) => row.type}
        changeLabel={() => 'Change standard accounts'}
        columns={[
          { header: 'Supplier type', cell: (row) => SUPPLIER_TYPE[row.type] },
          { header: 'Standard account', cell: (row) => orDash(row.standard) },
          { header: 'Payables account', cell: (row) => orDash(row.payables) },
        ]}
        canEdit={setup.rights.canEdit}
        addLabel="Change the standard accounts…"
        addId="coding-standard-accounts"
        onAdd={() => open('standardAccounts', null, null)}
      >
        <FormSlot setup={setup} kind="standardAccounts" addId="coding-standard-accounts" title={() => 'Change the standard and payables accounts'} />
      </CodingListSection>
    </>
  );
}
