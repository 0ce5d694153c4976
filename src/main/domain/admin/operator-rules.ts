/**
 * Operators as an admin keeps them, pure: the draft or the change, and who asks, come in; out
 * goes the record or the refusal with its rule.
 *
 * | what                  | rule                                                                                   |
 * |-----------------------|----------------------------------------------------------------------------------------|
 * | sign-in name          | 2 to 64 letters (a–z), digits, '.', '-' or '_'; stored in small letters, as sign-in reads it; unique |
 * | display name          | 1 to 100 characters on one line                                                        |
 * | role                  | operator, supervisor or admin                                                          |
 * | scheme                | none, or a scheme that exists; none is allowed but said: with cost centers in use such an operator cannot enter POs |
 * | approval limit        | none, or whole minor units ≥ 0                                                         |
 * | password (set, reset) | 12 to 256 characters, not one character repeated, not the sign-in name                 |
 * | deactivate            | never yourself; never the last active admin                                            |
 * | change a role         | never your own; never the last active admin's away from admin                          |
 * | delete                | only without history: in-use.ts refuses one with POs, approvals or audit entries       |
 *
 * Why an admin may not deactivate or demote themselves: the installation must keep someone who can
 * undo it, and another admin asking is the check that it is meant.
 */
import type { Role } from '../../../shared/contracts';
import { formatMoney } from '../../../shared/locale-format';
import { DEFAULT_LOCALE, isSupportedLocale, type LocaleCode, SUPPORTED_LOCALES } from '../../../shared/locales';
import { andList, characterName, checkText, type FieldResult, NAME_MAX_LENGTH, RecordCheck, type RecordVerdict } from './field-rules';
import { checkSchemeCode, type References } from './master-data-rules';

export const SIGN_IN_NAME_MIN_LENGTH = 2;
export const SIGN_IN_NAME_MAX_LENGTH = 64;
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
/** The roles of shared/contracts' roleSchema, least to most trusted. */
export const ROLES = ['operator', 'supervisor', 'admin'] as const satisfies readonly Role[];

const SIGN_IN_CHARACTER = /^[A-Za-z0-9._-]$/;

const refuse = <T>(field: string, rule: string, reason: string): FieldResult<T> => ({ ok: false, problem: { field, rule, reason } });

/** A sign-in name as typed → the name to store (small letters), or why not. */
export function checkSignInName(raw: string, field = 'signInName'): FieldResult<string> {
  const name = raw.trim();
  if (name.length < SIGN_IN_NAME_MIN_LENGTH) {
    return refuse(field, 'sign-in-name-too-short', name === '' ? 'Enter a sign-in name.' : `Sign-in name ${name} is too short: it needs at least ${SIGN_IN_NAME_MIN_LENGTH} characters.`);
  }
  if (name.length > SIGN_IN_NAME_MAX_LENGTH) return refuse(field, 'sign-in-name-too-long', `Sign-in name has ${name.length} characters; at most ${SIGN_IN_NAME_MAX_LENGTH} are allowed.`);
  const odd = [...new Set([...name].filter((character) => !SIGN_IN_CHARACTER.test(character)))];
  if (odd.length > 0) {
    return refuse(field, 'sign-in-name-characters', `Sign-in name "${name}" contains ${andList(odd.map(characterName))}; use letters a to z, digits, '.', '-' and '_'.`);
  }
  const stored = name.toLowerCase();
  return { ok: true, value: stored, note: stored === name ? null : `Sign-in name ${name} is stored as ${stored}: sign-in does not tell capitals apart.` };
}

export function checkRole(raw: string, field = 'role'): FieldResult<Role> {
  const role = raw.trim().toLowerCase();
  if ((ROLES as readonly string[]).includes(role)) return { ok: true, value: role as Role, note: null };
  return refuse(field, 'role-unknown', raw.trim() === '' ? `Choose a role: ${andList([...ROLES]).replace(/ and /, ' or ')}.` : `Role ${raw.trim()} does not exist; choose operator, supervisor or admin.`);
}

/** A new password, set by an admin (reset) or by the operator; the sign-in name it may not be. */
export function checkPassword(password: string, signInName: string, field = 'password'): FieldResult<string> {
  if (password.length < PASSWORD_MIN_LENGTH) return refuse(field, 'password-too-short', `Choose a password of at least ${PASSWORD_MIN_LENGTH} characters; this one has ${password.length}.`);
  if (password.length > PASSWORD_MAX_LENGTH) return refuse(field, 'password-too-long', `A password is at most ${PASSWORD_MAX_LENGTH} characters.`);
  if (/^(.)\1*$/su.test(password)) return refuse(field, 'password-one-character', 'Choose a password that is more than one character repeated.');
  if (password.trim().toLowerCase() === signInName.trim().toLowerCase()) return refuse(field, 'password-is-sign-in-name', 'Choose a password other than the sign-in name.');
  return { ok: true, value: password, note: null };
}

export interface OperatorDraft {
  signInName: string;
  displayName: string;
  role: string;
  /** Blank, null or absent: no scheme. */
  schemeCode?: string | null;
  /** Absent: active. */
  active?: boolean;
  /** Null or absent: no approval limit. */
  approvalLimitMinor?: number | null;
  /** Null or absent: the installation's format. */
  locale?: string | null;
}
export interface OperatorRecord {
  signInName: string;
  displayName: string;
  role: Role;
  schemeCode: string | null;
  active: boolean;
  approvalLimitMinor: number | null;
  locale: LocaleCode | null;
}

export function validateOperator(draft: OperatorDraft, refs: Pick<References, 'schemes'>, locale: LocaleCode = DEFAULT_LOCALE): RecordVerdict<OperatorRecord> {
  const check = new RecordCheck();
  const signInName = check.take(checkSignInName(draft.signInName));
  const displayName = check.take(checkText(draft.displayName, { field: 'displayName', label: 'Name', required: true, max: NAME_MAX_LENGTH }));
  const role = check.take(checkRole(draft.role));
  const schemeText = (draft.schemeCode ?? '').trim();
  let schemeCode: string | null = null;
  if (schemeText !== '') {
    schemeCode = check.take(checkSchemeCode(schemeText, 'schemeCode'));
    if (schemeCode !== undefined && !refs.schemes.has(schemeCode)) check.refuse('schemeCode', 'scheme-unknown', `Scheme ${schemeCode} does not exist.`);
  }
  const approvalLimitMinor = draft.approvalLimitMinor ?? null;
  if (approvalLimitMinor !== null && (!Number.isSafeInteger(approvalLimitMinor) || approvalLimitMinor < 0)) {
    check.refuse('approvalLimitMinor', 'approval-limit-whole', 'An approval limit is a whole amount of zero or more, in minor units; leave it blank for none.');
  }
  const localeText = (draft.locale ?? '').trim();
  if (localeText !== '' && !isSupportedLocale(localeText)) {
    check.refuse('locale', 'locale-unknown', `Number and date format ${localeText} is not offered; choose one of ${SUPPORTED_LOCALES.join(', ')}, or none to follow the installation.`);
  }
  const active = draft.active ?? true;
  const who = displayName ?? draft.displayName.trim();
  if (schemeText === '') check.note(`${who} has no cost-center scheme: while cost centers are in use, they cannot enter POs.`);
  if (role === 'operator' && approvalLimitMinor !== null) check.note(`${who}'s approval limit counts only once they are a supervisor or an admin: operators do not approve.`);
  return check.verdict(
    () => ({ signInName, displayName, role, schemeCode, active, approvalLimitMinor, locale: localeText === '' ? null : (localeText as LocaleCode) }),
    (r) =>
      `${r.displayName} signs in as ${r.signInName}, ${r.role}, ${r.schemeCode === null ? 'without a scheme' : `scheme ${r.schemeCode}`}` +
      `${r.approvalLimitMinor === null ? '' : `, approves up to ${formatMoney(r.approvalLimitMinor, locale)}`}${r.active ? '' : ', inactive'}.`,
  );
}

export interface OperatorFacts {
  id: number;
  displayName: string;
  role: Role;
  active: boolean;
}

export interface OperatorChangeFacts {
  /** Who asks. */
  actorId: number;
  before: OperatorFacts;
  after: Pick<OperatorFacts, 'role' | 'active'>;
  /** Active admins now, the operator changed included if they are one. */
  activeAdminCount: number;
}

export type OperatorChangeVerdict = { allowed: true; rule: 'operator-change'; reason: string } | { allowed: false; rule: 'own-account' | 'last-admin'; reason: string };

/** Whether a role change or a (de)activation may be saved. */
export function checkOperatorChange(facts: OperatorChangeFacts): OperatorChangeVerdict {
  const { before, after, actorId } = facts;
  const name = before.displayName;
  const deactivates = before.active && !after.active;
  const roleChanges = before.role !== after.role;
  if (before.id === actorId && deactivates) return { allowed: false, rule: 'own-account', reason: 'You cannot deactivate yourself: another admin does that.' };
  if (before.id === actorId && roleChanges) return { allowed: false, rule: 'own-account', reason: 'You cannot change your own role: another admin does that.' };
  const losesAdmin = before.active && before.role === 'admin' && (deactivates || after.role !== 'admin');
  if (losesAdmin && facts.activeAdminCount <= 1) {
    const what = deactivates ? 'deactivated' : `made ${after.role === 'operator' ? 'an operator' : 'a supervisor'}`;
    return { allowed: false, rule: 'last-admin', reason: `${name} is the last active admin and cannot be ${what}: make someone else an admin first.` };
  }
  const changes: string[] = [];
  if (roleChanges) changes.push(`becomes ${after.role === 'admin' ? 'an admin' : after.role === 'operator' ? 'an operator' : 'a supervisor'}`);
  if (deactivates) changes.push('is deactivated and can no longer sign in; their POs and history stay');
  if (!before.active && after.active) changes.push('is active again and may sign in');
  return { allowed: true, rule: 'operator-change', reason: changes.length === 0 ? `Nothing changes for ${name}.` : `${name} ${andList(changes)}.` };
}
