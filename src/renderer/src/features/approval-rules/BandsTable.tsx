import type { KeyboardEvent } from 'react';
import type { ApprovalBandView, ApprovalRulesView } from '../../../../shared/lifecycle-schemas';
import { useLocaleFormat } from '../../hooks/useLocaleFormat';
import { approversWords, scopeWords } from './band-draft';

interface BandsTableProps {
  view: ApprovalRulesView;
  canEdit: boolean;
  /** The band whose row takes Tab (roving focus); the first when null. */
  selectedId: number | null;
  onSelect(id: number): void;
  onEdit(band: ApprovalBandView): void;
  onDelete(band: ApprovalBandView): void;
}

export const bandRowId = (id: number) => `approval-band-${id}`;

export const focusBandRow = (id: number) => document.getElementById(bandRowId(id))?.focus();

/**
 * The bands as the rules read them, ladder by ladder. A row takes focus; ↑ ↓ Home End move between
 * rows, Enter changes the band and Delete asks to remove it (admins).
 */
export function BandsTable({ view, canEdit, selectedId, onSelect, onEdit, onDelete }: BandsTableProps) {
  const format = useLocaleFormat();
  const bands = view.bands;
  const selected = bands.some((band) => band.id === selectedId) ? selectedId : (bands[0]?.id ?? null);

  const onRowKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, index: number) => {
    const band = bands[index];
    if (!band || event.target !== event.currentTarget || event.altKey || event.ctrlKey || event.metaKey) return;
    const moveTo = (next: number) => {
      event.preventDefault();
      const target = bands[Math.min(Math.max(0, next), bands.length - 1)];
      if (!target) return;
      onSelect(target.id);
      focusBandRow(target.id);
    };
    switch (event.key) {
      case 'ArrowDown':
        return moveTo(index + 1);
      case 'ArrowUp':
        return moveTo(index - 1);
      case 'Home':
        return moveTo(0);
      case 'End':
        return moveTo(bands.length - 1);
      case 'Enter':
        if (!canEdit) return;
        event.preventDefault();
        return onEdit(band);
      case 'Delete':
        if (!canEdit) return;
        event.preventDefault();
        return onDelete(band);
    }
  };

  if (bands.length === 0) {
    return <p className="empty-state">No bands yet: every PO is approved on submit.</p>;
  }

  return (
    <table className="po-table bands-table" aria-label="Approval bands" aria-describedby="approval-bands-keys">
      <thead>
        <tr>
          <th scope="col">Scope</th>
          <th scope="col" className="num">
            From
          </th>
          <th scope="col">Who approves</th>
          <th scope="col" className="num">
            Approvals
          </th>
          <th scope="col">Admin required</th>
          <th scope="col">The band in words</th>
          {canEdit && (
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {bands.map((band, index) => (
          <tr
            key={band.id}
            id={bandRowId(band.id)}
            tabIndex={band.id === selected ? 0 : -1}
            // Marked only once chosen; until then the first row merely takes Tab.
            className={band.id === selectedId ? 'band-row is-selected' : 'band-row'}
            aria-label={band.label}
            onFocus={(event) => event.target === event.currentTarget && band.id !== selectedId && onSelect(band.id)}
            onKeyDown={(event) => onRowKeyDown(event, index)}
          >
            <td className="band-scope">{scopeWords(band.costCenterCode, view.costCenters)}</td>
            <td className="num band-from">{format.formatMoney(band.fromMinor)}</td>
            <td>{approversWords(band)}</td>
            <td className="num">{band.approvalsRequired}</td>
            <td>{band.adminRequired ? 'Yes' : 'No'}</td>
            <td className="band-label">{band.label}</td>
            {canEdit && (
              <td className="row-actions">
                <button type="button" className="link-button" tabIndex={-1} aria-keyshortcuts="Enter" aria-label={`Change the band ${band.label}`} onClick={() => onEdit(band)}>
                  Change
                </button>
                <button type="button" className="link-button" tabIndex={-1} aria-keyshortcuts="Delete" aria-label={`Delete the band ${band.label}`} onClick={() => onDelete(band)}>
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
