import type { BillingEntityView } from '../../../../shared/purchasing-controls-schemas';
import { useLocaleFormat } from '../../hooks/useLocaleFormat';

interface BillingEntitiesTableProps {
  entities: readonly BillingEntityView[];
  canEdit: boolean;
  onEdit(entity: BillingEntityView): void;
  onDelete(entity: BillingEntityView): void;
}

export const entityRowId = (id: number) => `billing-entity-${id}`;

/** Every billing entity: its customer PO number, cost centers, the groups that see it and how many POs carry it. */
export function BillingEntitiesTable({ entities, canEdit, onEdit, onDelete }: BillingEntitiesTableProps) {
  const { locale } = useLocaleFormat();
  const count = (value: number) => new Intl.NumberFormat(locale).format(value);
  if (entities.length === 0) return <p className="empty-state">No billing entities yet: at PO entry the cost-center list follows the scheme alone.</p>;
  return (
    <table className="po-table controls-table" aria-label="Billing entities">
      <thead>
        <tr>
          <th scope="col">Code</th>
          <th scope="col">Name</th>
          <th scope="col">Customer PO number</th>
          <th scope="col">Cost centers</th>
          <th scope="col">Seen by groups</th>
          <th scope="col" className="num">
            POs
          </th>
          {canEdit && (
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {entities.map((entity) => (
          <tr key={entity.id} id={entityRowId(entity.id)} className={entity.active ? undefined : 'is-inactive'}>
            <td>
              <span className="code">{entity.code}</span>
              {!entity.active && <span className="badge">inactive</span>}
            </td>
            <td>{entity.name}</td>
            <td>{entity.customerPoNumber ?? <span className="muted">none</span>}</td>
            <td>{entity.costCenterCodes.length > 0 ? entity.costCenterCodes.join(', ') : <span className="muted">none linked</span>}</td>
            <td>{entity.groups.length > 0 ? entity.groups.join(', ') : <span className="muted">no group: nobody may bill to it</span>}</td>
            <td className="num">{count(entity.poCount)}</td>
            {canEdit && (
              <td className="row-actions">
                <button type="button" className="link-button" aria-label={`Change billing entity ${entity.code}`} onClick={() => onEdit(entity)}>
                  Change
                </button>
                <button type="button" className="link-button" aria-label={`Delete billing entity ${entity.code}`} onClick={() => onDelete(entity)}>
                  Delete
                </button>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
