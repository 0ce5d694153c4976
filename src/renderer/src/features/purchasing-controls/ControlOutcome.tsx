import type { ControlsOutcome } from '../../stores/purchasing-controls-store';

/** Kept in place for screen readers; says what the last change under this card did. */
export function ControlOutcome({ outcome, about }: { outcome: ControlsOutcome | null; about: ControlsOutcome['about'] }) {
  const shown = outcome?.about === about ? outcome : null;
  return (
    <p role="status" className={`settings-outcome controls-outcome${shown?.kind === 'refused' ? ' is-refused' : ''}`}>
      {shown?.message}
    </p>
  );
}

/** A refusal of one field, referenced by the field's aria-describedby. */
export function ControlFieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p className="field-error" id={id} role="alert">
      {message}
    </p>
  );
}

export const describedBy = (...ids: (string | false | null | undefined)[]): string | undefined => ids.filter(Boolean).join(' ') || undefined;
