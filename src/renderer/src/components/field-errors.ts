import type { AppError, FieldIssue } from '../../../shared/result';

/** Every field a refusal names: its issues, or the one field it carries. */
export const issuesOf = (error: AppError): FieldIssue[] =>
  error.issues?.length ? error.issues : error.field ? [{ path: error.field, message: error.message }] : [];

/** A refusal as the first message for each field it names, keyed by the field's path. */
export function fieldErrorsOf(error: AppError): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const issue of issuesOf(error)) byField[issue.path] ??= issue.message;
  return byField;
}

/**
 * A refusal placed beside a form's fields: an issue's path names its field by its first segment
 * (`costCenterCodes.2` belongs to the cost-center links); what names no field stands on the form.
 */
export function placeRefusal<F extends string>(error: AppError, fields: readonly F[]): { errors: Partial<Record<F, string>>; message: string | null } {
  const errors: Partial<Record<F, string>> = {};
  for (const issue of issuesOf(error)) {
    const field = issue.path.split('.')[0] as F;
    if (fields.includes(field) && !errors[field]) errors[field] = issue.message;
  }
  return { errors, message: Object.keys(errors).length > 0 ? null : error.message };
}
