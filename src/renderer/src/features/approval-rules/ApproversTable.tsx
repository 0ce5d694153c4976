import type { KeyboardEvent } from 'react';
import type { ApprovalRulesView } from '../../../../shared/lifecycle-schemas';
import { useLocaleFormat } from '../../hooks/useLocaleFormat';
import { useApprovalRulesStore } from '../../stores/approval-rules-store';
import { limitText, limitWords } from './approval-limit';

const limitId = (id: number) => `approval-limit-${id}`;
const ROLE_WORDS = { operator: 'Operator', supervisor: 'Supervisor', admin: 'Admin' } as const;

/** Who may approve, with each one's approval limit; admins type a limit and press Enter (blank: no limit). */
export function ApproversTable({ view, canEdit }: { view: ApprovalRulesView; canEdit: boolean }) {
  const { locale } = useLocaleFormat();
  const limitEdits = useApprovalRulesStore((s) => s.limitEdits);
  const limitErrors = useApprovalRulesStore((s) => s.limitErrors);
  const limitSaving = useApprovalRulesStore((s) => s.limitSaving);
  const store = useApprovalRulesStore.getState();

  const save = async (id: number) => {
    const saved = await store.saveLimit(id);
    if (!saved) document.getElementById(limitId(id))?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>, id: number) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      void save(id);
    }
  };

  if (view.approvers.length === 0) return <p className="empty-state">No supervisor or admin can sign in, so nobody can approve a PO.</p>;

  return (
    <table className="po-table approvers-table" aria-label="Approvers">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Role</th>
          <th scope="col" className="num">
            Approval limit
          </th>
          {canEdit && (
            <th scope="col">
              <span className="sr-only">Save</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {view.approvers.map((approver) => {
          const error = limitErrors[approver.id];
          const text = limitEdits[approver.id]?.text ?? limitText(approver.approvalLimitMinor, locale);
          return (
            <tr key={approver.id}>
              <td>{approver.displayName}</td>
              <td>{ROLE_WORDS[approver.role]}</td>
              <td className="num approver-limit">
                {canEdit ? (
                  <>
                    <input
                      id={limitId(approver.id)}
                      type="text"
                      inputMode="decimal"
                      autoComplete="off"
                      spellCheck={false}
                      className="num"
                      placeholder="No limit"
                      aria-label={`Approval limit for ${approver.displayName}`}
                      aria-invalid={error ? 'true' : undefined}
                      aria-describedby={error ? `${limitId(approver.id)}-error` : 'approval-limit-hint'}
                      value={text}
                      onChange={(event) => store.editLimit(approver.id, event.target.value)}
                      onBlur={() => store.checkLimit(approver.id)}
                      onKeyDown={(event) => onKeyDown(event, approver.id)}
                    />
                    {error && (
                      <p className="field-error" id={`${limitId(approver.id)}-error`} role="alert">
                        {error}
                      </p>
                    )}
                  </>
                ) : (
                  limitWords(approver.approvalLimitMinor, locale)
                )}
              </td>
              {canEdit && (
                <td className="row-actions">
                  <button
                    type="button"
                    className="secondary"
                    aria-label={`Save the approval limit for ${approver.displayName}`}
                    aria-disabled={limitSaving === approver.id || undefined}
                    onClick={() => void save(approver.id)}
                  >
                    Save limit
                  </button>
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
