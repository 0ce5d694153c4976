/**
 * The field rules every master-data kind is built from, pure: what an admin typed (or a CSV cell
 * held) comes in; out goes the value to store or the problem, naming the field, the rule and why.
 *
 * | field                   | rule                                                                                   |
 * |-------------------------|----------------------------------------------------------------------------------------|
 * | a code                  | spaces around it removed; then 1 to 32 letters, digits, '-', '_', '/' or '.' (a scheme code: at most 10), with at least one letter or digit; stored upper-case |
 * | a name or description   | spaces around it removed; one line (no line break, tab or invisible character); a limit per field |
 * | a site address          | as a description, and runs of spaces inside become one space                           |
 * | a list of cost centers  | every code known, none twice; inactive ones are kept, with a note                      |
 *
 * Why codes are upper-cased: every look-up at PO entry upper-cases what the operator types
 * (shared/contracts.ts), so a code stored as "acme" could never be found again; "Acme" is stored
 * as ACME and the admin is told. Numbers stay text: 010 and 10 are different codes. Nothing else
 * is rewritten: a refused character is named so the admin decides what the code should be.
 *
 * Why site addresses lose doubled spaces: a scheme's site override matches a job's or work
 * order's site address exactly, so "12  Harbour Rd" would silently miss the override for
 * "12 Harbour Rd". Case is kept: it is an address, and the override screen checks keys against
 * the known addresses (scheme-lists.ts).
 */
import { formatScaled } from '../../../shared/locale-format';
import { DEFAULT_LOCALE, type LocaleCode } from '../../../shared/locales';
import { capitalise } from '../cost-center-rules';

/** One problem with one field: the screen shows `reason` beside `field`; an import, in the field's column. */
export interface FieldProblem {
  field: string;
  rule: string;
  reason: string;
}

export type FieldResult<T> = { ok: true; value: T; note: string | null } | { ok: false; problem: FieldProblem };

export const CODE_MAX_LENGTH = 32;
export const SCHEME_CODE_MAX_LENGTH = 10;
export const NAME_MAX_LENGTH = 100;
/** An item's description becomes a PO line's, which holds at most 200 characters. */
export const ITEM_DESCRIPTION_MAX_LENGTH = 200;
export const SITE_ADDRESS_MAX_LENGTH = 200;

const CODE_CHARACTER = /^[\p{L}\p{N}\-_/.]$/u;
/** The common case in one test, so a 100,000-row import does not walk every character. */
const PLAIN_CODE = /^[\p{L}\p{N}\-_/.]+$/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** Line breaks, tabs and other control or invisible format characters. */
const NOT_ONE_LINE = /[\p{Cc}\p{Cf}\u2028\u2029]/u;

const ok = <T>(value: T, note: string | null = null): FieldResult<T> => ({ ok: true, value, note });
const refuse = <T>(field: string, rule: string, reason: string): FieldResult<T> => ({ ok: false, problem: { field, rule, reason } });

/** "a, b and c". */
export function andList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "1 PO", "1,204 POs": the count in the reader's number format. */
export function countOf(count: number, one: string, many: string, locale: LocaleCode = DEFAULT_LOCALE): string {
  return `${formatScaled(count, 0, locale)} ${count === 1 ? one : many}`;
}

/** How a refused character reads in a sentence: spaces and invisible characters by name, others quoted. */
export function characterName(character: string): string {
  if (character === ' ') return 'a space';
  if (character === '\t') return 'a tab';
  if (character === '\n' || character === '\r' || character === '\u2028' || character === '\u2029') return 'a line break';
  if (character === '\u00a0' || character === '\u202f' || character === '\u2009') return 'a no-break space';
  const point = character.codePointAt(0) ?? 0;
  if (/[\p{C}]/u.test(character)) return `the invisible character U+${point.toString(16).toUpperCase().padStart(4, '0')}`;
  return `'${character}'`;
}

const characterCount = (text: string) => [...text].length;

export interface CodeSpec {
  /** The form field or record key the problem belongs to. */
  field: string;
  /** How the code is named in sentences: "Cost center code", "Scheme code". */
  label: string;
  max: number;
}

const CODE_SHAPE = "letters, digits, '-', '_', '/' or '.'";

/** A code as typed → the code to store (trimmed, upper-case), or the first thing wrong with it. */
export function checkCode(raw: string, spec: CodeSpec): FieldResult<string> {
  const trimmed = raw.trim();
  const { field, label, max } = spec;
  if (trimmed === '') return refuse(field, 'code-required', `Enter the ${lower(label)}: 1 to ${max} ${CODE_SHAPE}.`);
  // UTF-16 length is at least the character count, so a short string needs no count.
  const length = trimmed.length <= max ? trimmed.length : characterCount(trimmed);
  if (length > max) return refuse(field, 'code-too-long', `${label} ${trimmed} has ${length} characters; at most ${max} are allowed.`);
  const refused = PLAIN_CODE.test(trimmed) ? [] : [...new Set([...trimmed].filter((character) => !CODE_CHARACTER.test(character)))];
  if (refused.length > 0) {
    return refuse(field, 'code-characters', `${label} "${trimmed}" contains ${andList(refused.map(characterName))}; use only ${CODE_SHAPE.replace(' or ', ' and ')}.`);
  }
  if (!LETTER_OR_DIGIT.test(trimmed)) return refuse(field, 'code-needs-letter-or-digit', `${label} ${trimmed} has no letter or digit; it needs at least one.`);
  const code = trimmed.toUpperCase();
  // Upper-casing may lengthen a code (ß → SS): the stored code must still fit.
  if (code.length !== trimmed.length && characterCount(code) > max) return refuse(field, 'code-too-long', `${label} ${trimmed} becomes ${code} in capitals, ${characterCount(code)} characters; at most ${max} are allowed.`);
  return ok(code, code === trimmed ? null : `${label} ${trimmed} is stored as ${code}: codes are kept in capitals, as look-ups read them.`);
}

export interface TextSpec {
  field: string;
  /** "Description", "Name": begins the sentence. */
  label: string;
  required: boolean;
  max: number;
}

/** A name or description → trimmed text, or why not; an optional one may be blank (''). */
export function checkText(raw: string, spec: TextSpec): FieldResult<string> {
  const text = raw.trim();
  const { field, label, required, max } = spec;
  if (text === '') return required ? refuse(field, 'text-required', `Enter the ${lower(label)}.`) : ok('');
  if (NOT_ONE_LINE.test(text)) {
    const odd = [...new Set([...text].filter((character) => NOT_ONE_LINE.test(character)))];
    return refuse(field, 'text-one-line', `${label} contains ${andList(odd.map(characterName))}; keep it on one line.`);
  }
  const length = text.length <= max ? text.length : characterCount(text);
  if (length > max) return refuse(field, 'text-too-long', `${label} has ${length} characters; at most ${max} are allowed. Nothing is cut.`);
  return ok(text);
}

/** A site address → trimmed, single-spaced text ('' for none), or why not. */
export function checkSiteAddress(raw: string, field = 'siteAddress'): FieldResult<string> {
  const checked = checkText(raw, { field, label: 'Site address', required: false, max: SITE_ADDRESS_MAX_LENGTH });
  if (!checked.ok) return checked;
  const address = checked.value.replace(/ {2,}/g, ' ');
  return ok(address, address === checked.value ? null : `Site address "${checked.value}" is stored as "${address}": a scheme's site override matches the address exactly.`);
}

export interface CostCenterRef {
  active: boolean;
}

/**
 * A list of cost-center codes (a scheme's, a vendor's, an override's), in its order → the codes
 * to store, or every unknown and repeated code named. Inactive codes are kept with a note: they
 * allow nothing until the cost center is active again, and dropping them would lose the list.
 */
export function checkCostCenterList(
  rawCodes: readonly string[],
  known: ReadonlyMap<string, CostCenterRef>,
  spec: { field: string; owner: string },
): FieldResult<string[]> {
  // Problem lists are made only when a problem is found: an import judges this for every row.
  const codes: string[] = [];
  // A short list is searched; a long one (a scheme of every cost center) keeps a set, so the check stays linear.
  const seen = rawCodes.length > 16 ? new Set<string>() : null;
  let unknown: string[] | null = null;
  let repeated: string[] | null = null;
  let inactive: string[] | null = null;
  let bad: string[] | null = null;
  for (const raw of rawCodes) {
    const checked = checkCode(raw, { field: spec.field, label: 'Cost center code', max: CODE_MAX_LENGTH });
    if (!checked.ok) {
      (bad ??= []).push(checked.problem.reason);
      continue;
    }
    const code = checked.value;
    if (seen === null ? codes.includes(code) : seen.has(code)) {
      if (!(repeated ??= []).includes(code)) repeated.push(code);
      continue;
    }
    const cost = known.get(code);
    if (cost === undefined) (unknown ??= []).push(code);
    else if (!cost.active) (inactive ??= []).push(code);
    codes.push(code);
    seen?.add(code);
  }
  if (bad !== null) return refuse(spec.field, 'cost-center-list-code', bad.join(' '));
  if (unknown !== null) {
    const them = unknown.length === 1 ? `Cost center ${unknown[0]} does not exist` : `Cost centers ${andList(unknown)} do not exist`;
    return refuse(spec.field, 'cost-center-unknown', `${them}; ${spec.owner} can only list cost centers that do.`);
  }
  if (repeated !== null) {
    return refuse(spec.field, 'cost-center-repeated', `${capitalise(spec.owner)} lists ${andList(repeated)} more than once; a list holds each cost center once.`);
  }
  const note =
    inactive === null
      ? null
      : `${inactive.length === 1 ? `Cost center ${inactive[0]} is` : `Cost centers ${andList(inactive)} are`} inactive: kept on ${spec.owner}'s list, ${inactive.length === 1 ? 'it allows' : 'they allow'} nothing until active again.`;
  return ok(codes, note);
}

export const lower = (text: string): string => (/^\p{Lu}\p{Ll}/u.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text);

/** A whole record's verdict: the record to store, or every field problem at once, so a form marks them all. */
export type RecordVerdict<R> =
  | { allowed: true; rule: 'record-valid'; record: R; notes: string[]; reason: string }
  | { allowed: false; rule: string; problems: FieldProblem[]; reason: string };

/**
 * Gathers field results for one record. `take` hands back the value, or a placeholder when the
 * field is refused; `verdict` builds the record only when nothing was refused, so a placeholder
 * never reaches a record.
 */
export class RecordCheck {
  // Made on the first problem or note: most records have neither, and an import checks 100,000.
  private found: FieldProblem[] | null = null;
  private said: string[] | null = null;

  get problems(): readonly FieldProblem[] {
    return this.found ?? NONE;
  }

  take<T>(result: FieldResult<T>): T {
    if (!result.ok) {
      (this.found ??= []).push(result.problem);
      return undefined as T;
    }
    if (result.note !== null) (this.said ??= []).push(result.note);
    return result.value;
  }

  refuse(field: string, rule: string, reason: string): void {
    (this.found ??= []).push({ field, rule, reason });
  }

  note(text: string): void {
    (this.said ??= []).push(text);
  }

  verdict<R>(build: () => R, reason: (record: R) => string): RecordVerdict<R> {
    const found = this.found;
    if (found !== null) return { allowed: false, rule: (found[0] as FieldProblem).rule, problems: found, reason: found.map((p) => p.reason).join(' ') };
    const record = build();
    return { allowed: true, rule: 'record-valid', record, notes: this.said ?? [], reason: reason(record) };
  }
}

const NONE: readonly FieldProblem[] = [];
