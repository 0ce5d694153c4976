import type { KeyboardEvent } from 'react';

/** What the admins' record forms share: Escape cancels, the cursor goes to the first refused field, fields say what is wrong. */

export const cancelOnEscape =
  (onCancel: () => void) =>
  (event: KeyboardEvent<HTMLElement>): void => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onCancel();
  };

type FieldErrors<F extends string> = Partial<Record<F, string | null | undefined>>;

/** The first field, in the form's order, that main refused. */
export const firstRefused = <F extends string>(order: readonly F[], errors: FieldErrors<F>): F | undefined => order.find((field) => errors[field]);

/** aria-invalid and aria-describedby for a field: its hint, then its refusal when it has one. */
export function fieldAria<F extends string>(errors: FieldErrors<F>, errorId: (field: F) => string) {
  return {
    invalid: (field: F) => (errors[field] ? ('true' as const) : undefined),
    describedBy: (field: F, hint?: string) => [hint, errors[field] ? errorId(field) : null].filter(Boolean).join(' ') || undefined,
  };
}
