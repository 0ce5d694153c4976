/**
 * The sentence main gives for a header field (why a default was chosen, why a value is refused),
 * shown under the field and referenced by its aria-describedby. `data-status` carries the verdict.
 */
export function FieldReason({ id, status, source, text }: { id: string; status: string | undefined; source?: string; text: string | undefined }) {
  return (
    <p id={id} className="field-reason" data-status={status ?? 'pending'} data-source={source}>
      {text ?? ''}
    </p>
  );
}

/** A save error for one field, when it says more than the reason already shown. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="field-error">
      {message}
    </p>
  );
}

export const describedBy = (...ids: (string | false | null | undefined)[]): string | undefined => {
  const list = ids.filter((id): id is string => typeof id === 'string' && id !== '');
  return list.length > 0 ? list.join(' ') : undefined;
};
