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
