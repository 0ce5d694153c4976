import type { DimensionTypeView, DimensionValueView } from '../../../../shared/coding-schemas';
import { useCodingAdminStore } from '../../stores/coding-admin-store';
import { CodingListSection } from './CodingListSection';
import { askDelete, DeleteOutcome, FormSlot, open, orDash, scoped, scopeWords, type SectionProps, yesNo } from './section-parts';

/** Dimension types and their values, global and the shown organisation's, each changed or deleted in its own scope. */
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
        changeLabel={(row) => `Change ${scoped(row)}`}
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
        onChange={(row) => open('dimensionType', { organisationCode: row.organisationCode ?? '', code: row.code, name: row.name, active: row.active }, scoped(row), { organisationCode: row.organisationCode })}
        deleteLabel={(row) => `Delete ${scoped(row)}`}
        deletable={(row) => !row.core}
        notice={<DeleteOutcome kind="dimensionType" />}
        onDelete={(row: DimensionTypeView) =>
          askDelete({
            kind: 'dimensionType',
            call: 'deleteDimensionType',
            input: { organisationCode: row.organisationCode, code: row.code },
            what: `the dimension type ${row.code} from ${scopeWords(row.organisationCode)}`,
            message: `${row.code} (${row.name}) goes from ${scopeWords(row.organisationCode)}. Only a type with no values left that nothing is coded by can go; deleting cannot be undone.`,
            focusAfter: 'coding-add-type',
          })
        }
      >
        <FormSlot setup={setup} kind="dimensionType" addId="coding-add-type" title={(editing) => (editing ? `Change dimension type ${editing}` : 'Add a dimension type')} />
      </CodingListSection>
      <CodingListSection
        title="Dimension values"
        lead="The values of one dimension type; the default value is the organisation level of the precedence. Purchase accounts are the chart's accounts, cost centers the installation's."
        rows={values}
        rowKey={(row) => `${row.organisationCode ?? ''}:${row.code}`}
        changeLabel={(row) => `Change ${scoped(row)}`}
        toolbar={
          <label className="coding-admin-type-picker">
            Type{' '}
            <select value={typeCode} onChange={(event) => chooseType(event.target.value)}>
              {setup.dimensionTypes
                // A type held globally and by the organisation is one choice: its values of both scopes are listed.
                .filter((type, index, all) => type.code !== 'purchase-account' && type.code !== 'cost-center' && all.findIndex((other) => other.code === type.code) === index)
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
        onChange={(row) => open('dimensionValue', { organisationCode: row.organisationCode ?? '', code: row.code, name: row.name, active: row.active, isDefault: row.isDefault }, scoped(row), { organisationCode: row.organisationCode })}
        deleteLabel={(row) => `Delete ${scoped(row)}`}
        notice={<DeleteOutcome kind="dimensionValue" />}
        onDelete={(row: DimensionValueView) =>
          askDelete({
            kind: 'dimensionValue',
            call: 'deleteDimensionValue',
            input: { organisationCode: row.organisationCode, typeCode: row.typeCode, code: row.code },
            what: `the value ${row.code} from ${scopeWords(row.organisationCode)}`,
            message: `${row.code} (${row.name}) goes from the ${row.typeCode} values of ${scopeWords(row.organisationCode)}.${row.isDefault ? ' It is the default: rows then get none from the organisation level.' : ''} A value used on POs, by vendors or in the matrix is refused; deleting cannot be undone.`,
            focusAfter: 'coding-add-value',
          })
        }
      >
        <FormSlot setup={setup} kind="dimensionValue" addId="coding-add-value" title={(editing) => (editing ? `Change value ${editing} of ${typeCode}` : `Add a value to ${typeCode}`)} />
      </CodingListSection>
    </>
  );
}

