import type { CodingGroup, MatrixCellView } from '../../../../shared/coding-schemas';
import { vendorFormValues } from './admin-forms';
import { CodingListSection, type ListColumn } from './CodingListSection';
import { askDelete, DeleteOutcome, FormSlot, open, orDash, REQUIREMENT, type SectionProps, SUPPLIER_TYPE, yesNo } from './section-parts';

export { DimensionsSection } from './DimensionSections';

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
        lead={`Each vendor's supplier group, whether it is domestic, EU or import, its payables account and the values it codes every row with (the vendor level): every dimension of organisation ${setup.organisationCode} but the purchase account, which the matrix gives by supplier type.`}
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
              ...vendorFormValues(setup, row.values),
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
        deleteLabel={(row) => `Delete ${cellKey(row)}`}
        notice={<DeleteOutcome kind="matrix" />}
        onDelete={(row: MatrixCellView) =>
          askDelete({
            kind: 'matrix',
            call: 'deleteMatrixCell',
            input: { productGroupCode: row.productGroupCode, supplierGroupCode: row.supplierGroupCode },
            what: `the matrix cell ${cellKey(row)}`,
            message: `${
              row.supplierGroupCode === null
                ? `Rows of product group ${row.productGroupCode} then get nothing from the matrix unless their supplier group has a cell of its own.`
                : `Rows of product group ${row.productGroupCode} from supplier group ${row.supplierGroupCode} then take the cell for every supplier group, if there is one.`
            } Stored POs keep their coding; deleting cannot be undone.`,
            focusAfter: 'coding-add-matrix',
          })
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
