import { describe, expect, it } from 'vitest';
import type { CodingMode } from '../../src/main/domain/coding-mode';
import { checkProjectCode, PROJECT_CODE_MAX_LENGTH, PROJECT_CODE_RULE_TEXT } from '../../src/main/domain/project-codes';

const twenty = 'P-2024/07.ALPHA_0001';

describe('project codes in project-code mode: accepted as typed', () => {
  type Row = [name: string, typed: string, code: string, trimmed: boolean];
  it.each<Row>([
    ['a number', '4711', '4711', false],
    ['text', 'ALPHA', 'ALPHA', false],
    ['both', 'P-100', 'P-100', false],
    ['one character', '7', '7', false],
    ['one letter', 'x', 'x', false],
    ['exactly 20 characters', twenty, twenty, false],
    ['lower case kept', 'alpha-7', 'alpha-7', false],
    ['mixed case kept', 'Alpha-7', 'Alpha-7', false],
    ['every allowed punctuation', 'A-B_C/D.E', 'A-B_C/D.E', false],
    ['leading zeros kept', '000123', '000123', false],
    ['punctuation at the ends', '-A.', '-A.', false],
    ['letters of other alphabets', 'ÅSA-Ж1', 'ÅSA-Ж1', false],
    ['spaces around it are trimmed', '  P-100  ', 'P-100', true],
    ['a tab and newline around it are trimmed', '\tP-100\n', 'P-100', true],
    ['no-break spaces around it are trimmed', '\u00a0P-100\u00a0', 'P-100', true],
    ['21 characters with a space around: trimmed to 20', ` ${twenty}`, twenty, true],
  ])('%s', (_name, typed, code, trimmed) => {
    expect(checkProjectCode(typed, 'project-codes')).toMatchObject({ allowed: true, status: 'ok', rule: 'project-code-valid', code, trimmed });
  });

  it('says it was kept as typed, and that the spaces went', () => {
    expect(checkProjectCode('alpha-7', 'project-codes').reason).toBe('Project code alpha-7, kept as typed.');
    expect(checkProjectCode('  alpha-7 ', 'project-codes').reason).toBe('Project code alpha-7 (the spaces around it removed), kept as typed.');
  });
});

describe('project codes in project-code mode: refused, saying what is wrong', () => {
  type Row = [name: string, typed: string | null | undefined, status: string, rule: string, reason: string];
  const required = "Enter a project code: this organisation codes every PO by project code (1 to 20 letters, digits, '-', '_', '/' or '.').";
  const only = "use only letters, digits, '-', '_', '/' and '.'.";
  it.each<Row>([
    ['empty', '', 'blank', 'project-code-required', required],
    ['only spaces', '    ', 'blank', 'project-code-required', required],
    ['only a tab', '\t', 'blank', 'project-code-required', required],
    ['null', null, 'blank', 'project-code-required', required],
    ['absent', undefined, 'blank', 'project-code-required', required],
    ['21 characters', `${twenty}X`, 'refused', 'project-code-too-long', `Project code ${twenty}X has 21 characters; at most 20 are allowed.`],
    ['far too long', 'A'.repeat(60), 'refused', 'project-code-too-long', `Project code ${'A'.repeat(60)} has 60 characters; at most 20 are allowed.`],
    ['a space inside', 'P 100', 'refused', 'project-code-characters', `Project code "P 100" contains a space; ${only}`],
    ['a hash', 'P#100', 'refused', 'project-code-characters', `Project code "P#100" contains '#'; ${only}`],
    ['several bad characters, each named once', 'A+B+C,D', 'refused', 'project-code-characters', `Project code "A+B+C,D" contains '+' and ','; ${only}`],
    ['three kinds', 'A*B C!', 'refused', 'project-code-characters', `Project code "A*B C!" contains '*', a space and '!'; ${only}`],
    ['a tab inside', 'P\t100', 'refused', 'project-code-characters', `Project code "P\t100" contains a tab; ${only}`],
    ['a no-break space inside', 'P\u00a0100', 'refused', 'project-code-characters', `Project code "P\u00a0100" contains a no-break space; ${only}`],
    ['an invisible character', 'P\u0007100', 'refused', 'project-code-characters', `Project code "P\u0007100" contains the invisible character U+0007; ${only}`],
    ['a zero-width space', 'P\u200b100', 'refused', 'project-code-characters', `Project code "P\u200b100" contains the invisible character U+200B; ${only}`],
    ['a backslash', 'P\\100', 'refused', 'project-code-characters', `Project code "P\\100" contains '\\'; ${only}`],
    ['a non-ASCII digit', 'P-١٢', 'refused', 'project-code-characters', `Project code "P-١٢" contains '١' and '٢'; ${only}`],
    ['an emoji', 'P🚀', 'refused', 'project-code-characters', `Project code "P🚀" contains '🚀'; ${only}`],
    ['only punctuation', '--', 'refused', 'project-code-needs-letter-or-digit', 'Project code -- has no letter or digit; it needs at least one.'],
    ['a single dot', '.', 'refused', 'project-code-needs-letter-or-digit', 'Project code . has no letter or digit; it needs at least one.'],
    ['too long comes before bad characters', `${'A '.repeat(11)}`, 'refused', 'project-code-too-long', `Project code ${'A '.repeat(11).trim()} has 21 characters; at most 20 are allowed.`],
  ])('%s', (_name, typed, status, rule, reason) => {
    expect(checkProjectCode(typed, 'project-codes')).toEqual({ allowed: false, status, rule, code: null, reason });
  });

  it('counts characters, not UTF-16 units: 20 letters outside the basic plane fit', () => {
    expect(checkProjectCode('𝐀'.repeat(20), 'project-codes').allowed).toBe(true);
    expect(checkProjectCode('𝐀'.repeat(21), 'project-codes').rule).toBe('project-code-too-long');
  });

  it('never changes case or characters: the stored code is the typed one, trimmed', () => {
    for (const typed of ['abc', 'AbC', 'a.b/c', ' x-1 ']) {
      const verdict = checkProjectCode(typed, 'project-codes');
      expect(verdict.code).toBe(typed.trim());
    }
  });

  it('states the rule once for the hint', () => {
    expect(PROJECT_CODE_MAX_LENGTH).toBe(20);
    expect(PROJECT_CODE_RULE_TEXT).toBe("1 to 20 letters, digits, '-', '_', '/' or '.'; kept as typed, spaces around it removed.");
  });
});

describe('project codes in the other modes', () => {
  type Row = [name: string, typed: string | null, mode: CodingMode, stored: string | null, allowed: boolean, rule: string, code: string | null, reason: string];
  it.each<Row>([
    ['cost centers, blank', '', 'cost-centers', null, true, 'project-code-not-used', null, 'Project codes are not in use; the PO carries none.'],
    ['off, null', null, 'off', null, true, 'project-code-not-used', null, 'Project codes are not in use; the PO carries none.'],
    ['cost centers, only spaces', '  ', 'cost-centers', null, true, 'project-code-not-used', null, 'Project codes are not in use; the PO carries none.'],
    [
      'cost centers, one typed',
      'P-100',
      'cost-centers',
      null,
      false,
      'project-codes-not-in-use',
      null,
      'Project codes are not in use: this organisation codes POs by cost center. Clear project code P-100.',
    ],
    [
      'off, one typed',
      'P-100',
      'off',
      null,
      false,
      'project-codes-not-in-use',
      null,
      'Project codes are not in use: this organisation codes POs neither by cost center nor by project code. Clear project code P-100.',
    ],
    [
      'the code the PO was stored with stays after a switch',
      ' P-100 ',
      'cost-centers',
      'P-100',
      true,
      'project-code-kept',
      'P-100',
      'Project code P-100 stays as the PO was saved with it, though project codes are no longer in use.',
    ],
    [
      'a different code than the stored one is refused',
      'P-200',
      'off',
      'P-100',
      false,
      'project-codes-not-in-use',
      null,
      'Project codes are not in use: this organisation codes POs neither by cost center nor by project code. Clear project code P-200.',
    ],
    [
      'the stored one in another case is a different code',
      'p-100',
      'cost-centers',
      'P-100',
      false,
      'project-codes-not-in-use',
      null,
      'Project codes are not in use: this organisation codes POs by cost center. Clear project code p-100.',
    ],
  ])('%s', (_name, typed, mode, stored, allowed, rule, code, reason) => {
    expect(checkProjectCode(typed, mode, stored)).toMatchObject({ allowed, rule, code, reason });
  });

  it('in project-code mode the stored code is judged like any other', () => {
    expect(checkProjectCode('P 100', 'project-codes', 'P 100').rule).toBe('project-code-characters');
  });
});
