/**
 * Project codes: not master data, typed at PO entry, mandatory while the organisation codes POs by
 * project code. Pure: the text as typed and the mode come in; out goes the code to store or why not.
 *
 * | typed (mode project-codes)            | verdict                                                       |
 * |---------------------------------------|---------------------------------------------------------------|
 * | blank, or only spaces                  | refused `project-code-required`                               |
 * | spaces around it                       | trimmed; the only change ever made to what was typed          |
 * | more than 20 characters (after trim)   | refused `project-code-too-long`, with the count               |
 * | a character other than a letter, a digit, '-', '_', '/', '.' (a space inside, '#', a tab…) | refused `project-code-characters`, naming each one |
 * | only punctuation ("--", "./")          | refused `project-code-needs-letter-or-digit`                  |
 * | number, text or both ("4711", "ALPHA", "P-2024/07") | allowed `project-code-valid`, case kept as typed |
 *
 * In the other modes the field is not used: blank is allowed and stores nothing; a typed code is
 * refused (`project-codes-not-in-use`) unless it is the code the PO was stored with, since switching
 * modes never rewrites stored POs and re-saving such a PO must not be blocked by its own history.
 *
 * Why case is kept: a project code is the customer's or the project's own reference, printed on the
 * PO; "Alpha-7" upper-cased is no longer what they gave. Nothing else is rewritten either: a refused
 * character is named so the operator decides what the code should be. Letters are any alphabet's
 * (Å, É, Ж) because codes come from people's own projects; digits are 0–9.
 */
import type { CodingMode } from './coding-mode';

export const PROJECT_CODE_MAX_LENGTH = 20;

const PROJECT_CODE_SHAPE = `1 to ${PROJECT_CODE_MAX_LENGTH} letters, digits, '-', '_', '/' or '.'`;

/** One line for the field's hint and the README. */
export const PROJECT_CODE_RULE_TEXT = `${PROJECT_CODE_SHAPE}; kept as typed, spaces around it removed.`;

export type ProjectCodeRule =
  | 'project-code-required'
  | 'project-code-too-long'
  | 'project-code-characters'
  | 'project-code-needs-letter-or-digit'
  | 'project-codes-not-in-use';

/** `status` as the entry screen shows it: not-used (another mode), blank (asked for), ok, refused. */
export type ProjectCodeVerdict =
  | { allowed: true; status: 'ok' | 'not-used'; rule: 'project-code-valid' | 'project-code-not-used' | 'project-code-kept'; code: string | null; trimmed: boolean; reason: string }
  | { allowed: false; status: 'blank' | 'refused'; rule: ProjectCodeRule; code: null; reason: string };

const ALLOWED_CHARACTER = /^[\p{L}0-9\-_/.]$/u;
const LETTER_OR_DIGIT = /[\p{L}0-9]/u;

/** How a refused character reads in a sentence: spaces and control characters by name, others quoted. */
function characterName(character: string): string {
  if (character === ' ') return 'a space';
  if (character === '\t') return 'a tab';
  if (character === '\u00a0' || character === '\u202f' || character === '\u2009') return 'a no-break space';
  const point = character.codePointAt(0) ?? 0;
  if (point < 0x20 || point === 0x7f || /\p{C}/u.test(character)) return `the invisible character U+${point.toString(16).toUpperCase().padStart(4, '0')}`;
  return `'${character}'`;
}

function andList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Whether `raw` is a project code the PO may carry in `mode`; `storedCode` is the one the PO was saved with, if any. */
export function checkProjectCode(raw: string | null | undefined, mode: CodingMode, storedCode: string | null = null): ProjectCodeVerdict {
  const typed = raw ?? '';
  const code = typed.trim();
  const trimmed = code !== typed && code !== '';
  if (mode !== 'project-codes') {
    if (code === '') return { allowed: true, status: 'not-used', rule: 'project-code-not-used', code: null, trimmed: false, reason: 'Project codes are not in use; the PO carries none.' };
    if (storedCode !== null && code === storedCode) {
      return { allowed: true, status: 'ok', rule: 'project-code-kept', code, trimmed, reason: `Project code ${code} stays as the PO was saved with it, though project codes are no longer in use.` };
    }
    const using = mode === 'cost-centers' ? 'this organisation codes POs by cost center' : 'this organisation codes POs neither by cost center nor by project code';
    return { allowed: false, status: 'refused', code: null, rule: 'project-codes-not-in-use', reason: `Project codes are not in use: ${using}. Clear project code ${code}.` };
  }
  if (code === '') {
    return { allowed: false, status: 'blank', code: null, rule: 'project-code-required', reason: `Enter a project code: this organisation codes every PO by project code (${PROJECT_CODE_SHAPE}).` };
  }
  const characters = [...code];
  if (characters.length > PROJECT_CODE_MAX_LENGTH) {
    return {
      allowed: false,
      status: 'refused',
      code: null,
      rule: 'project-code-too-long',
      reason: `Project code ${code} has ${characters.length} characters; at most ${PROJECT_CODE_MAX_LENGTH} are allowed.`,
    };
  }
  const refused = [...new Set(characters.filter((character) => !ALLOWED_CHARACTER.test(character)))];
  if (refused.length > 0) {
    return {
      allowed: false,
      status: 'refused',
      code: null,
      rule: 'project-code-characters',
      reason: `Project code "${code}" contains ${andList(refused.map(characterName))}; use only letters, digits, '-', '_', '/' and '.'.`,
    };
  }
  if (!LETTER_OR_DIGIT.test(code)) {
    return { allowed: false, status: 'refused', code: null, rule: 'project-code-needs-letter-or-digit', reason: `Project code ${code} has no letter or digit; it needs at least one.` };
  }
  const note = trimmed ? ' (the spaces around it removed)' : '';
  return { allowed: true, status: 'ok', rule: 'project-code-valid', code, trimmed, reason: `Project code ${code}${note}, kept as typed.` };
}
