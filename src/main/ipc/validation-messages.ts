import type { z } from 'zod';
import type { AppError, FieldIssue } from '../../shared/result';

/** Zod's own wording ("Invalid input: expected string, received undefined"); the desk's schemas say their own. */
const ZOD_DEFAULT = /^(Invalid input|Invalid option|Invalid string|Invalid|Too big|Too small|Expected|Required|Unrecognized)/;

const EXPECTED_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'yes or no',
  object: 'a group of fields',
  array: 'a list',
  date: 'a date',
};

/** "lines.2.unitCostMinor" → "Unit cost minor"; the root of a payload is "The request". */
export function fieldLabel(path: readonly PropertyKey[]): string {
  const name = [...path].reverse().find((part) => typeof part === 'string');
  if (typeof name !== 'string') return 'The request';
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** One sentence a person can act on, whichever part of the payload was wrong. */
export function deskSentence(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    return `Main does not accept ${issue.keys.join(', ')} here; the operator and totals always come from main itself.`;
  }
  if (!ZOD_DEFAULT.test(issue.message)) return issue.message;
  const label = fieldLabel(issue.path);
  switch (issue.code) {
    case 'invalid_type':
      return 'input' in issue && issue.input === undefined
        ? `${label} is missing.`
        : `${label} must be ${EXPECTED_WORDS[issue.expected] ?? issue.expected}.`;
    case 'too_big':
      return issue.origin === 'string' ? `${label} is at most ${String(issue.maximum)} characters.` : `${label} is at most ${String(issue.maximum)}.`;
    case 'too_small':
      return issue.origin === 'string' ? `${label} needs at least ${String(issue.minimum)} characters.` : `${label} is at least ${String(issue.minimum)}.`;
    case 'invalid_value':
      return `${label} must be one of: ${issue.values.map(String).join(', ')}.`;
    case 'invalid_format':
      return `${label} is not in the expected form.`;
    default:
      return `${label} is not valid.`;
  }
}

export function invalidInput(error: z.ZodError): AppError {
  const issues: FieldIssue[] = error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: deskSentence(issue) }));
  const first = issues[0];
  return {
    code: 'invalid-input',
    message: first ? (first.path ? `${first.path}: ${first.message}` : first.message) : 'The request was not valid.',
    ...(first?.path ? { field: first.path } : {}),
    issues,
  };
}
