import type { UserGroupView } from '../../../../shared/purchasing-controls-schemas';

interface UserGroupsTableProps {
  groups: readonly UserGroupView[];
  canEdit: boolean;
  onEdit(group: UserGroupView): void;
  onDelete(group: UserGroupView): void;
}

export const groupRowId = (id: number) => `user-group-${id}`;

/** Every user group: its members and the billing entities they see through it. */
export function UserGroupsTable({ groups, canEdit, onEdit, onDelete }: UserGroupsTableProps) {
  if (groups.length === 0) return <p className="empty-state">No user groups yet: no operator sees a billing entity.</p>;
  return (
    <table className="po-table controls-table" aria-label="User groups">
      <thead>
        <tr>
          <th scope="col">Group</th>
          <th scope="col">Description</th>
          <th scope="col">Members</th>
          <th scope="col">Billing entities seen</th>
          {canEdit && (
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {groups.map((group) => (
          <tr key={group.id} id={groupRowId(group.id)}>
            <td className="controls-name">{group.name}</td>
            <td>{group.description || <span className="muted">—</span>}</td>
            <td>{group.members.length > 0 ? group.members.map((member) => member.displayName).join(', ') : <span className="muted">no members</span>}</td>
            <td>{group.billingEntityCodes.length > 0 ? group.billingEntityCodes.join(', ') : <span className="muted">none</span>}</td>
            {canEdit && (
              <td className="row-actions">
                <button type="button" className="link-button" aria-label={`Change user group ${group.name}`} onClick={() => onEdit(group)}>
                  Change
                </button>
                <button type="button" className="link-button" aria-label={`Delete user group ${group.name}`} onClick={() => onDelete(group)}>
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
