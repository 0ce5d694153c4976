import { describedBy, FieldError, FieldReason } from '../../components/FieldReason';
import { usePoEntryStore } from '../../stores/po-entry-store';
import { CONTROL_IDS } from './control-field-ids';

/**
 * Project code, typed at entry in place of the cost center where the organisation codes POs by
 * project. Not master data: main trims what was typed, judges it and says why beside the field;
 * it is mandatory in that mode. Kept exactly as typed, case included.
 */
export function ProjectCodeField({ required }: { required: boolean }) {
  const text = usePoEntryStore((s) => s.projectCodeText);
  const verdict = usePoEntryStore((s) => s.resolution?.projectCode);
  const error = usePoEntryStore((s) => s.fieldErrors.projectCode);
  const setText = usePoEntryStore((s) => s.setProjectCodeText);
  const commit = usePoEntryStore((s) => s.commitProjectCode);
  const shownError = error && error !== verdict?.reason ? error : undefined;
  const id = CONTROL_IDS.projectCode;

  return (
    <div className="field">
      <div className="field-label-row">
        <label htmlFor={id}>Project code</label>
        {required && <span className="field-aside">Required</span>}
      </div>
      <input
        id={id}
        type="text"
        autoComplete="off"
        spellCheck={false}
        // The contract's own bound; the project-code rule's shorter limit is main's to explain, never cut here.
        maxLength={200}
        value={text}
        aria-required={required || undefined}
        aria-invalid={verdict?.status === 'refused' || Boolean(error) || undefined}
        aria-describedby={describedBy('project-code-reason', shownError && 'project-code-error')}
        onChange={(event) => setText(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          // Enter settles the code, as in the look-ups; it never submits the form (saving is Ctrl+S).
          if (event.key === 'Enter' && !event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
            event.preventDefault();
            commit();
          }
        }}
      />
      {/* A save main refused with this very sentence marks it refused; until then a blank code only asks for one. */}
      <FieldReason id="project-code-reason" status={error ? 'refused' : verdict?.status === 'not-used' ? 'ok' : verdict?.status} text={verdict?.reason} />
      <FieldError id="project-code-error" message={shownError} />
    </div>
  );
}
