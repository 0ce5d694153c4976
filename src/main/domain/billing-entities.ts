/**
 * Billing entities and the cost centers they offer at PO entry. Pure: the entity, the operator's
 * groups, which entities each group sees, the cost centers linked to each entity and the scheme's
 * list come in; out go the options and, for every code left out, which list removed it and why.
 *
 * The layers, as they combine:
 * | layer                 | what it decides                                                              |
 * |-----------------------|------------------------------------------------------------------------------|
 * | groups → entities     | whether the operator may choose the billing entity at all (`checkBillingEntity`) |
 * | entity → cost centers | the cost centers offered once the entity is chosen: the active ones linked to it |
 * | the scheme's list     | when the scheme imposes one (not null), only codes on both lists are offered |
 * | the vendor            | once a valid vendor is on the header, only codes it uses (as cost-center-rules shares them) |
 * | cost center required  | "None" is not offered; otherwise it is, next to the codes                    |
 *
 * Every code left out is reported once, with the first layer that removed it, in the order above
 * (an inactive link first): the screen says which list removed each code.
 *
 * The scheme's list applies whenever the caller passes one, required or not, because the scheme
 * already refuses any other code on save (cost-center-rules.ts); offering a code the save would
 * refuse only moves the refusal later. "Required" decides one thing: whether "None" is offered.
 * Options follow the entity's order, since the entity's list is what the operator chose by.
 */
import { capitalise, type CostCenter, type EffectiveList, listCodes, NO_SCHEME_LABEL } from './cost-center-rules';

export interface BillingEntity {
  code: string;
  name: string;
  /** The customer's PO number printed on POs billed to this entity; null or blank when it has none. */
  customerPoNumber: string | null;
  /** An inactive entity is offered to no new PO; absent means active. */
  active?: boolean;
}

/** Group code → the codes of the billing entities that group sees. */
export type GroupEntities = Readonly<Record<string, readonly string[]>>;
/** Billing entity code → the cost centers linked to it, in the entity's order; may hold inactive ones. */
export type EntityCostCenters = Readonly<Record<string, readonly CostCenter[]>>;

export interface EntityVisibility {
  operatorGroups: readonly string[];
  groupEntities: GroupEntities;
}

export type EntityVerdict =
  | { status: 'ok'; allowed: true; rule: 'billing-entity-visible'; code: string; reason: string }
  | {
      status: 'blank' | 'refused';
      allowed: false;
      rule: 'billing-entity-blank' | 'billing-entity-unknown' | 'billing-entity-inactive' | 'billing-entity-not-visible';
      code: string;
      reason: string;
    };

export type RemovalWhy = 'not-linked-to-entity' | 'entity-not-visible' | 'outside-scheme' | 'inactive' | 'not-used-by-vendor';
/** The list that removed a code, as the screen names it. */
export type RemovingList = 'scheme' | 'billing-entity' | 'vendor';

/** An inactive cost center is reported against the billing entity: it is the entity's link that is stale. */
export const REMOVING_LIST: Readonly<Record<RemovalWhy, RemovingList>> = {
  'not-linked-to-entity': 'billing-entity',
  'entity-not-visible': 'billing-entity',
  inactive: 'billing-entity',
  'outside-scheme': 'scheme',
  'not-used-by-vendor': 'vendor',
};

export interface RemovedCode {
  code: string;
  why: RemovalWhy;
  list: RemovingList;
  sentence: string;
}

export interface CostCenterChoiceFacts extends EntityVisibility {
  billingEntity: BillingEntity;
  entityCostCenters: EntityCostCenters;
  /** The scheme's effective list (scheme or warehouse override); null when the scheme imposes nothing. */
  schemeList: EffectiveList | null;
  costCenterRequired: boolean;
  /** Once a valid vendor is on the header: the cost centers it uses (cost-center-rules' vendor rule); absent or null: no vendor yet. */
  vendor?: { code: string; costCenterCodes: readonly string[] } | null;
}

export interface CostCenterChoices {
  options: { code: string; description: string }[];
  /** Whether "None" is offered next to the options. */
  noneOffered: boolean;
  removed: RemovedCode[];
  /** One paragraph for the screen: what is offered, and which list removed what. */
  reason: string;
}

/** The billing-entity codes the operator's groups see, first occurrence only, group by group. */
export function visibleEntityCodes(visibility: EntityVisibility): string[] {
  const codes: string[] = [];
  for (const group of visibility.operatorGroups) {
    for (const code of visibility.groupEntities[group] ?? []) if (!codes.includes(code)) codes.push(code);
  }
  return codes;
}

const isActive = (entity: BillingEntity) => entity.active !== false;

/** The entities the billing-entity picker offers: active ones the operator's groups see, in the catalogue's order. */
export function visibleEntities<E extends BillingEntity>(entities: readonly E[], visibility: EntityVisibility): E[] {
  const visible = visibleEntityCodes(visibility);
  return entities.filter((entity) => isActive(entity) && visible.includes(entity.code));
}

const groupsText = (groups: readonly string[]) =>
  groups.length === 0 ? 'you belong to no user group' : `none of your groups (${listCodes(groups)}) sees it`;

/** "the list of your scheme NORTH", "the list of the override for warehouse W2"; the no-scheme label reads as a list too. */
export function schemeListName(list: EffectiveList): string {
  return list.label === NO_SCHEME_LABEL ? 'the scheme list (you have no cost-center scheme)' : `the list of ${list.label}`;
}

const entityListName = (entity: BillingEntity) => `the list of billing entity ${entity.code}`;

/**
 * A billing entity must exist, be active and be seen by at least one of the operator's groups. An
 * entity deactivated after a PO was saved with it stays allowed on that PO (`storedCode`), since
 * re-saving a PO must not be blocked by its own history; visibility is still checked.
 */
export function checkBillingEntity(code: string, entity: BillingEntity | undefined, visibility: EntityVisibility, storedCode: string | null = null): EntityVerdict {
  const trimmed = code.trim();
  if (trimmed === '') return { status: 'blank', allowed: false, rule: 'billing-entity-blank', code: '', reason: 'Choose a billing entity.' };
  if (!entity) return { status: 'refused', allowed: false, rule: 'billing-entity-unknown', code: trimmed, reason: `Billing entity ${trimmed} does not exist.` };
  if (!isActive(entity) && entity.code !== storedCode) {
    return { status: 'refused', allowed: false, rule: 'billing-entity-inactive', code: entity.code, reason: `Billing entity ${entity.code} (${entity.name}) is inactive; choose another.` };
  }
  if (!visibleEntityCodes(visibility).includes(entity.code)) {
    return {
      status: 'refused',
      allowed: false,
      rule: 'billing-entity-not-visible',
      code: entity.code,
      reason: `You may not bill to ${entity.code} (${entity.name}): ${groupsText(visibility.operatorGroups)}.`,
    };
  }
  return { status: 'ok', allowed: true, rule: 'billing-entity-visible', code: entity.code, reason: `Billing entity ${entity.code}, ${entity.name}.` };
}

const entityName = (entity: BillingEntity) => `billing entity ${entity.code}`;

function removal(code: string, why: RemovalWhy, entity: BillingEntity, facts: CostCenterChoiceFacts, linked: readonly string[]): RemovedCode {
  return { code, why, list: REMOVING_LIST[why], sentence: removalSentence(code, why, entity, facts, linked) };
}

function removalSentence(code: string, why: RemovalWhy, entity: BillingEntity, facts: CostCenterChoiceFacts, linked: readonly string[]): string {
  const scheme = facts.schemeList;
  const schemeList = scheme ? schemeListName(scheme) : 'the scheme list';
  switch (why) {
    case 'inactive':
      return `Cost center ${code} is linked to ${entityName(entity)} but is inactive.`;
    case 'outside-scheme':
      return `Cost center ${code} is linked to ${entityName(entity)} but not on ${schemeList}, which holds ${listCodes(scheme?.codes ?? [])}.`;
    case 'not-linked-to-entity':
      return `Cost center ${code} is on ${schemeList} but not linked to ${entityName(entity)}, which is linked to ${listCodes(linked)}.`;
    case 'entity-not-visible':
      return `Cost center ${code} is linked to ${entityName(entity)}, which you may not bill to: ${groupsText(facts.operatorGroups)}.`;
    case 'not-used-by-vendor':
      return `Cost center ${code} is linked to ${entityName(entity)} but vendor ${facts.vendor?.code ?? ''} uses ${listCodes(facts.vendor?.costCenterCodes ?? [])}.`;
  }
}

/** The cost-center options once a billing entity is chosen; see the table at the top. */
export function costCenterChoices(facts: CostCenterChoiceFacts): CostCenterChoices {
  const entity = facts.billingEntity;
  const linkedCenters = dedupe(facts.entityCostCenters[entity.code] ?? []);
  const linkedActive = linkedCenters.filter((center) => center.active).map((center) => center.code);
  const scheme = facts.schemeList;

  if (!visibleEntityCodes(facts).includes(entity.code)) {
    const removed = linkedCenters.map((center) => removal(center.code, 'entity-not-visible', entity, facts, linkedActive));
    return {
      options: [],
      noneOffered: false,
      removed,
      reason: `No cost center can be chosen: you may not bill to ${entity.code} (${entity.name}), because ${groupsText(facts.operatorGroups)}.`,
    };
  }

  const removed: RemovedCode[] = [];
  const options: { code: string; description: string }[] = [];
  for (const center of linkedCenters) {
    if (!center.active) removed.push(removal(center.code, 'inactive', entity, facts, linkedActive));
    else if (scheme && !scheme.codes.includes(center.code)) removed.push(removal(center.code, 'outside-scheme', entity, facts, linkedActive));
    else if (facts.vendor && !facts.vendor.costCenterCodes.includes(center.code)) removed.push(removal(center.code, 'not-used-by-vendor', entity, facts, linkedActive));
    else options.push({ code: center.code, description: center.description });
  }
  const linkedCodes = linkedCenters.map((center) => center.code);
  for (const code of scheme?.codes ?? []) {
    if (!linkedCodes.includes(code) && !removed.some((entry) => entry.code === code)) {
      removed.push(removal(code, 'not-linked-to-entity', entity, facts, linkedActive));
    }
  }
  const noneOffered = !facts.costCenterRequired;
  return { options, noneOffered, removed, reason: choicesReason(facts, options.map((option) => option.code), removed) };
}

function dedupe(centers: readonly CostCenter[]): CostCenter[] {
  return centers.filter((center, index) => centers.findIndex((other) => other.code === center.code) === index);
}

function codesRemovedFor(removed: readonly RemovedCode[], why: RemovalWhy): string[] {
  return removed.filter((entry) => entry.why === why).map((entry) => entry.code);
}

/** What the screen says under the list: where the options come from, then which list removed which code. */
function choicesReason(facts: CostCenterChoiceFacts, offered: readonly string[], removed: readonly RemovedCode[]): string {
  const entity = facts.billingEntity;
  const scheme = facts.schemeList;
  const onLists = scheme ? `on both ${entityListName(entity)} and ${schemeListName(scheme)}` : `linked to ${entityName(entity)}`;
  const lists = facts.vendor ? `${onLists} and used by vendor ${facts.vendor.code}` : onLists;
  const parts: string[] = [];
  if (offered.length === 0) {
    parts.push(
      facts.costCenterRequired
        ? `A cost center is required, but none can be chosen: no active cost center is ${lists}.`
        : `No active cost center is ${lists}; only None can be chosen.`,
    );
  } else if (facts.costCenterRequired) {
    parts.push(`A cost center is required: choose one of the cost centers ${lists}: ${listCodes(offered)}.`);
  } else {
    parts.push(`Cost centers ${lists}: ${listCodes(offered)}, or None.`);
  }
  const outside = codesRemovedFor(removed, 'outside-scheme');
  if (outside.length > 0 && scheme) parts.push(`${capitalise(schemeListName(scheme))} removed ${listCodes(outside)}.`);
  const unlinked = codesRemovedFor(removed, 'not-linked-to-entity');
  if (unlinked.length > 0) parts.push(`${capitalise(entityListName(entity))} removed ${listCodes(unlinked)}.`);
  const unused = codesRemovedFor(removed, 'not-used-by-vendor');
  if (unused.length > 0 && facts.vendor) parts.push(`Vendor ${facts.vendor.code} does not use ${listCodes(unused)}.`);
  const inactive = codesRemovedFor(removed, 'inactive');
  if (inactive.length > 0) parts.push(`Inactive, so not offered: ${listCodes(inactive)}.`);
  return parts.join(' ');
}

/** The customer PO number a billing entity puts on POs, trimmed; null when it carries none. */
export function customerPoNumberFor(entity: BillingEntity | null | undefined): string | null {
  const number = entity?.customerPoNumber?.trim() ?? '';
  return number === '' ? null : number;
}

export interface CustomerPoNumberChange {
  customerPoNumber: string | null;
  changed: boolean;
  reason: string;
}

/**
 * What the PO's customer PO number becomes when its billing entity is chosen or changed. The new
 * entity's number replaces whatever the PO had: choosing the entity is choosing its number. An
 * entity without one clears a number the previous entity put there, and keeps one typed by hand,
 * because only the entity's own number belongs to the entity.
 */
export function customerPoNumberOnEntityChange(previous: BillingEntity | null, next: BillingEntity, current: string | null): CustomerPoNumberChange {
  const now = current?.trim() ? current.trim() : null;
  const incoming = customerPoNumberFor(next);
  if (incoming !== null) {
    if (incoming === now) return { customerPoNumber: incoming, changed: false, reason: `Customer PO number ${incoming} from billing entity ${next.code}.` };
    const replaced = now === null ? '' : `; it replaces ${now}`;
    return { customerPoNumber: incoming, changed: true, reason: `Customer PO number ${incoming} from billing entity ${next.code}${replaced}.` };
  }
  const fromPrevious = customerPoNumberFor(previous);
  if (now !== null && now === fromPrevious) {
    return {
      customerPoNumber: null,
      changed: true,
      reason: `Customer PO number ${now} came from billing entity ${previous?.code ?? ''} and is removed: ${next.code} carries none.`,
    };
  }
  if (now !== null) return { customerPoNumber: now, changed: false, reason: `Billing entity ${next.code} carries no customer PO number; ${now}, typed on the PO, stays.` };
  return { customerPoNumber: null, changed: false, reason: `Billing entity ${next.code} carries no customer PO number.` };
}
