/**
 * A cost-center scheme's lists, as Spectrum's scheme maintenance builds them, pure: the list as it
 * stands, what the admin picks and the catalogue come in; out goes the new list and, for every
 * code not added, why.
 *
 * | pick                 | adds, at the end of the list, in this order          | not added (said, never silent)        |
 * |----------------------|------------------------------------------------------|---------------------------------------|
 * | all cost centers     | every active one not listed yet, catalogue order     | inactive ones; those already listed   |
 * | by cost group        | the active ones of each group picked, group by group | as above; a group with no cost center |
 * | one by one           | the codes picked, in the order picked                | unknown, inactive, already listed     |
 *
 * Inactive cost centers are never added: they would allow nothing. One already on a list stays
 * there (the demo's NORTH keeps 500): it allows nothing while inactive and counts again once it is
 * active, so deactivating a cost center never rewrites a scheme.
 *
 * Overrides (one list each, replacing the scheme's for the case they name; line-security.ts):
 * | kind       | key                                                   | refused when                          |
 * |------------|-------------------------------------------------------|---------------------------------------|
 * | warehouse  | a warehouse code                                      | no such warehouse                     |
 * | site       | a site address exactly as a job or work order has it  | no job or work order is at that site (one that differs only in capitals is suggested) |
 * | gl-wip     | a G/L account code                                    | no such account, or it is not WIP: the override would never apply |
 * A scheme has at most one override per kind and key. An empty override list is allowed and closes
 * the case (warehouse QUARANTINE); the verdict says so.
 *
 * Once cost centers are in use they must be used (`poEntryReadiness`): an operator without a
 * scheme, or whose scheme allows no active cost center, cannot enter POs and is told why.
 */
import { activeCodes, allowedCostCenters, type CostCenter, listCodes } from '../cost-center-rules';
import type { OverrideKind } from '../line-security';
import { andList, checkCostCenterList, checkSiteAddress, type CostCenterRef, type FieldResult, RecordCheck, type RecordVerdict } from './field-rules';
import { checkKindCode } from './master-data-rules';

export interface CatalogueCostCenter extends CostCenter {
  costGroup: string | null;
}

export type ListPick = { by: 'all' } | { by: 'cost-group'; groups: readonly string[] } | { by: 'one-by-one'; codes: readonly string[] };

export type SkipWhy = 'already-listed' | 'inactive' | 'unknown' | 'empty-group';

export interface SkippedPick {
  /** The cost center, or for 'empty-group' the cost group. */
  code: string;
  why: SkipWhy;
}

export interface ListEdit {
  codes: string[];
  added: string[];
  skipped: SkippedPick[];
  reason: string;
}

const upper = (code: string) => code.trim().toUpperCase();

/** Adds the picked cost centers to a scheme's or an override's list; `owner` names it ("scheme NORTH"). */
export function addToList(current: readonly string[], pick: ListPick, catalogue: readonly CatalogueCostCenter[], owner: string): ListEdit {
  const listed = new Set(current);
  const byCode = new Map(catalogue.map((costCenter) => [costCenter.code, costCenter]));
  const added: string[] = [];
  const skipped: SkippedPick[] = [];
  const consider = (costCenter: CatalogueCostCenter) => {
    if (listed.has(costCenter.code)) skipped.push({ code: costCenter.code, why: 'already-listed' });
    else if (!costCenter.active) skipped.push({ code: costCenter.code, why: 'inactive' });
    else {
      listed.add(costCenter.code);
      added.push(costCenter.code);
    }
  };
  if (pick.by === 'all') catalogue.forEach(consider);
  else if (pick.by === 'cost-group') {
    for (const group of [...new Set(pick.groups.map(upper))]) {
      const members = catalogue.filter((costCenter) => costCenter.costGroup !== null && costCenter.costGroup.toUpperCase() === group);
      if (members.length === 0) skipped.push({ code: group, why: 'empty-group' });
      members.forEach(consider);
    }
  } else {
    for (const code of [...new Set(pick.codes.map(upper))]) {
      const costCenter = byCode.get(code);
      if (costCenter === undefined) skipped.push({ code, why: 'unknown' });
      else consider(costCenter);
    }
  }
  const codes = [...current, ...added];
  return { codes, added, skipped, reason: editReason(owner, added, skipped) };
}

const SKIP_TEXT: Readonly<Record<SkipWhy, (codes: string) => string>> = {
  'already-listed': (codes) => `already listed: ${codes}`,
  inactive: (codes) => `inactive, so not added: ${codes}`,
  unknown: (codes) => `no such cost center: ${codes}`,
  'empty-group': (codes) => `no cost center in cost group ${codes}`,
};

function editReason(owner: string, added: readonly string[], skipped: readonly SkippedPick[]): string {
  const head = added.length === 0 ? `Nothing added to ${owner}` : `Added to ${owner}: ${added.join(', ')}`;
  const parts = (Object.keys(SKIP_TEXT) as SkipWhy[]).flatMap((why) => {
    const codes = skipped.filter((skip) => skip.why === why).map((skip) => skip.code);
    return codes.length === 0 ? [] : [SKIP_TEXT[why](codes.join(', '))];
  });
  return parts.length === 0 ? `${head}.` : `${head}; ${parts.join('; ')}.`;
}

/** The list without the codes given; the order of the rest is kept. */
export function removeFromList(current: readonly string[], codes: readonly string[]): string[] {
  const gone = new Set(codes.map(upper));
  return current.filter((code) => !gone.has(code));
}

/** The list with `code` moved to position `toIndex` (0-based, clamped to the list); unknown codes change nothing. */
export function moveInList(current: readonly string[], code: string, toIndex: number): string[] {
  const from = current.indexOf(code);
  if (from < 0) return [...current];
  const rest = current.filter((_, index) => index !== from);
  const at = Math.max(0, Math.min(rest.length, Math.trunc(toIndex)));
  return [...rest.slice(0, at), code, ...rest.slice(at)];
}

export interface OverrideDraft {
  kind: OverrideKind;
  key: string;
  costCenterCodes: readonly string[];
}
export interface OverrideRecord {
  kind: OverrideKind;
  key: string;
  costCenterCodes: string[];
}

/** What an override's key may name. */
export interface OverrideKeyFacts {
  warehouses: ReadonlySet<string>;
  /** Every job's and work order's site address, as stored. */
  siteAddresses: ReadonlySet<string>;
  glAccounts: ReadonlyMap<string, { wip: boolean }>;
}

const KIND_NAME: Readonly<Record<OverrideKind, string>> = { warehouse: 'warehouse', site: 'site', 'gl-wip': 'WIP G/L account' };

/** "warehouse HARBOUR", "site 12 Harbour Rd", "WIP G/L account 1400": how an override's case is named. */
export const overrideCaseName = (kind: OverrideKind, key: string): string => `${KIND_NAME[kind]} ${key}`;

function checkOverrideKey(kind: OverrideKind, raw: string, keys: OverrideKeyFacts): FieldResult<string> {
  const refuse = (rule: string, reason: string): FieldResult<string> => ({ ok: false, problem: { field: 'key', rule, reason } });
  if (kind === 'warehouse') {
    const code = checkKindCode('warehouse', raw, 'key');
    if (code.ok && !keys.warehouses.has(code.value)) return refuse('override-warehouse-unknown', `Warehouse ${code.value} does not exist.`);
    return code;
  }
  if (kind === 'gl-wip') {
    const code = checkKindCode('gl-account', raw, 'key');
    if (!code.ok) return code;
    const account = keys.glAccounts.get(code.value);
    if (account === undefined) return refuse('override-gl-unknown', `G/L account ${code.value} does not exist.`);
    if (!account.wip) return refuse('override-gl-not-wip', `G/L account ${code.value} is not a work-in-progress account, so an override for it would never apply. Flag it WIP first, or choose a WIP account.`);
    return code;
  }
  const address = checkSiteAddress(raw, 'key');
  if (!address.ok) return address;
  if (address.value === '') return refuse('override-site-required', 'Enter the site address the override is for.');
  if (!keys.siteAddresses.has(address.value)) {
    const wanted = address.value.toLowerCase();
    const near = [...keys.siteAddresses].find((known) => known.toLowerCase() === wanted);
    const hint = near === undefined ? 'no job or work order is at that site' : `did you mean ${near}? A site override matches the address exactly`;
    return refuse('override-site-unknown', `Site ${address.value} is not a known site address: ${hint}.`);
  }
  return address;
}

/** One override of a scheme; `others` are the scheme's other overrides, so a kind and key is used once. */
export function validateOverride(
  schemeCode: string,
  draft: OverrideDraft,
  others: readonly Pick<OverrideRecord, 'kind' | 'key'>[],
  keys: OverrideKeyFacts,
  costCenters: ReadonlyMap<string, CostCenterRef>,
): RecordVerdict<OverrideRecord> {
  const check = new RecordCheck();
  const kind = draft.kind;
  const key = check.take(checkOverrideKey(kind, draft.key, keys));
  const shownKey = key ?? draft.key.trim();
  const name = shownKey === '' ? `this ${KIND_NAME[kind]}` : overrideCaseName(kind, shownKey);
  if (key !== undefined && others.some((other) => other.kind === kind && other.key === key)) {
    check.refuse('key', 'override-repeated', `Scheme ${schemeCode} already has an override for ${name}; change that one instead.`);
  }
  const costCenterCodes = check.take(checkCostCenterList(draft.costCenterCodes, costCenters, { field: 'costCenterCodes', owner: `the override for ${name}` }));
  if (costCenterCodes !== undefined && costCenterCodes.length === 0) check.note(closedNote(schemeCode, kind, name));
  return check.verdict(
    () => ({ kind, key, costCenterCodes }),
    (r) => `On scheme ${schemeCode}, ${name} allows ${listCodes(r.costCenterCodes)} instead of the scheme's list.`,
  );
}

function closedNote(schemeCode: string, kind: OverrideKind, name: string): string {
  if (kind === 'warehouse') return `The override lists no cost center: it closes ${name} to operators on scheme ${schemeCode}.`;
  if (kind === 'site') return `The override lists no cost center: operators on scheme ${schemeCode} cannot change POs at ${name}.`;
  return `The override lists no cost center: operators on scheme ${schemeCode} cannot change lines on ${name}.`;
}

/** A scheme as the rules see it: its list in order and its overrides, each with cost centers that may be inactive. */
export interface SchemeFacts {
  code: string;
  costCenters: readonly CostCenter[];
  overrides: readonly { kind: OverrideKind; key: string; costCenters: readonly CostCenter[] }[];
}

export interface EntryReadinessFacts {
  costCentersEnabled: boolean;
  operatorName: string;
  scheme: Pick<SchemeFacts, 'code' | 'costCenters'> | null;
  /** Who reads the sentence: the operator (at PO entry) or an admin (operators screen, simulator). */
  audience: 'self' | 'admin';
}

export type EntryReadiness =
  | { allowed: true; rule: 'cost-centers-off' | 'scheme-allows'; codes: readonly string[]; reason: string }
  | { allowed: false; rule: 'no-scheme' | 'scheme-empty'; codes: readonly string[]; reason: string };

/** Whether the operator can enter POs at all, given cost centers and their scheme, and why not in words they can act on. */
export function poEntryReadiness(facts: EntryReadinessFacts): EntryReadiness {
  const self = facts.audience === 'self';
  const who = self ? 'You' : facts.operatorName;
  if (!facts.costCentersEnabled) {
    return { allowed: true, rule: 'cost-centers-off', codes: [], reason: `Cost centers are turned off: ${self ? 'you' : facts.operatorName} may enter POs without a cost-center scheme.` };
  }
  const { scheme } = facts;
  if (scheme === null) {
    const theirs = self ? 'your' : 'their';
    const fix = self ? 'Ask an admin to assign you a scheme.' : `Assign ${facts.operatorName} a scheme.`;
    return {
      allowed: false,
      rule: 'no-scheme',
      codes: [],
      reason: `${who} cannot enter POs: cost centers are in use, so every PO takes one from ${theirs} cost-center scheme, and ${self ? 'you have' : `${facts.operatorName} has`} none. ${fix}`,
    };
  }
  const allowed = allowedCostCenters({ displayName: facts.operatorName, schemeName: scheme.code, schemeCostCenters: scheme.costCenters, stickyCostCenterCode: null });
  const label = self ? allowed.label : `scheme ${scheme.code}`;
  if (allowed.codes.length === 0) {
    const inactive = [...new Set(scheme.costCenters.map((costCenter) => costCenter.code))];
    const holds = inactive.length === 0 ? 'it lists none' : `it lists only ${andList(inactive)}, ${inactive.length === 1 ? 'which is' : 'all'} inactive`;
    const fix = self ? 'Ask an admin to add an active cost center to it.' : `Add an active cost center to scheme ${scheme.code}, or assign another scheme.`;
    return { allowed: false, rule: 'scheme-empty', codes: [], reason: `${who} cannot enter POs: ${label} allows no active cost center (${holds}). ${fix}` };
  }
  return { allowed: true, rule: 'scheme-allows', codes: allowed.codes, reason: `${who} may enter POs: ${label} allows ${listCodes(allowed.codes)}.` };
}

/** The active codes a scheme allows, in its order; none for no scheme. */
export const schemeCodes = (scheme: Pick<SchemeFacts, 'costCenters'> | null): string[] => (scheme === null ? [] : activeCodes(scheme.costCenters));
