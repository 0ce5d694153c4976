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

/** Names as the screens call them, where the contract's field name would read oddly. */
const FIELD_LABELS: Record<string, string> = {
  signInName: 'Sign-in name',
  displayName: 'Name',
  poId: 'PO id',
  poNumber: 'PO number',
  version: 'The PO version',
  glAccountCode: 'G/L account code',
  quantityMilli: 'Quantity',
  unitCostMinor: 'Unit cost',
  largePoAmountMinor: 'The large-PO amount',
  confirmedLargeTotalMinor: 'The confirmed total',
  costCenterEntered: 'Cost center entered',
  costCentersEnabled: 'Cost centers enabled',
  query: 'The search',
  search: 'The search',
  mine: 'The “only mine” filter',
  sort: 'Sort column',
  direction: 'Sort direction',
  limit: 'The number of entries',
};

/** Unknown keys named in a refusal: a forged payload may carry thousands, or one a megabyte long. */
const NAMED_KEYS = 3;
const KEY_LENGTH = 40;

/** "lines.2.unitCostMinor" → "Unit cost"; a line's id is its line, any other id its PO; the root of a payload is "The request". */
export function fieldLabel(path: readonly PropertyKey[]): string {
  const index = path.findLastIndex((part) => typeof part === 'string');
  const name = path[index];
  if (typeof name !== 'string') return 'The request';
  if (name === 'id') return path[index - 2] === 'lines' || path[index - 1] === 'line' ? 'Line id' : 'PO id';
  const known = FIELD_LABELS[name];
  if (known) return known;
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "Line 3: " for anything inside the third line of a PO, so a sentence about a line says which. */
function whereInPayload(path: readonly PropertyKey[]): string {
  const lines = path.indexOf('lines');
  const index = path[lines + 1];
  return lines >= 0 && typeof index === 'number' ? `Line ${index + 1}: ` : '';
}

const quoteKey = (key: string) => `“${key.length > KEY_LENGTH ? `${key.slice(0, KEY_LENGTH)}…` : key}”`;

function unacceptedKeys(keys: readonly string[]): string {
  const named = keys.slice(0, NAMED_KEYS).map(quoteKey).join(', ');
  const more = keys.length > NAMED_KEYS ? ` and ${keys.length - NAMED_KEYS} more` : '';
  return `The desk does not accept ${named}${more} in this request; it works out the operator, totals and dates itself.`;
}

/** The value the payload holds at a path, or undefined when any step is absent. */
function valueAt(payload: unknown, path: readonly PropertyKey[]): unknown {
  let value = payload;
  for (const part of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

function bound(issue: z.core.$ZodIssueTooBig | z.core.$ZodIssueTooSmall, label: string): string {
  const big = issue.code === 'too_big';
  const limit = big ? issue.maximum : issue.minimum;
  if (big && Number(limit) >= Number.MAX_SAFE_INTEGER) return `${label} is too large.`;
  const inclusive = issue.inclusive !== false;
  switch (issue.origin) {
    case 'string':
      return big ? `${label} is at most ${String(limit)} characters.` : `${label} needs at least ${String(limit)} characters.`;
    case 'array':
    case 'set':
      return big ? `${label} has at most ${String(limit)} entries.` : `${label} needs at least ${String(limit)} entries.`;
    default:
      if (big) return inclusive ? `${label} is at most ${String(limit)}.` : `${label} must be less than ${String(limit)}.`;
      return inclusive ? `${label} is at least ${String(limit)}.` : `${label} must be more than ${String(limit)}.`;
  }
}

/**
 * One sentence a person can act on, whichever part of the payload was wrong. `payload` is what was
 * sent, to tell a missing field from one of the wrong kind (zod's issues do not carry the input).
 */
export function deskSentence(issue: z.core.$ZodIssue, payload?: unknown): string {
  if (issue.code === 'unrecognized_keys') return unacceptedKeys(issue.keys);
  if (!ZOD_DEFAULT.test(issue.message)) return issue.message;
  const label = fieldLabel(issue.path);
  switch (issue.code) {
    case 'invalid_type':
      return valueAt(payload, issue.path) === undefined && issue.path.length > 0
        ? `${label} is missing.`
        : `${label} must be ${EXPECTED_WORDS[issue.expected] ?? 'of another kind'}.`;
    case 'too_big':
    case 'too_small':
      return bound(issue, label);
    case 'invalid_value':
      return `${label} must be one of ${issue.values.map((value) => `“${String(value)}”`).join(', ')}.`;
    case 'invalid_format':
      return `${label} is not in the expected form.`;
    default:
      return `${label} is not valid.`;
  }
}

/**
 * The refusal for a payload its contract does not accept: every issue in the desk's words, for the
 * field it belongs to; the first one as the message, saying which line when it is about a line.
 */
export function invalidInput(error: z.ZodError, payload?: unknown): AppError {
  const issues: FieldIssue[] = error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: deskSentence(issue, payload) }));
  const [first] = error.issues;
  return {
    code: 'invalid-input',
    message: first ? `${whereInPayload(first.path)}${issues[0]?.message}` : 'The request was not valid.',
    ...(issues[0]?.path ? { field: issues[0].path } : {}),
    issues,
  };
}
