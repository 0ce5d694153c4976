import type { BillingEntityInput, BillingEntityView, UserGroupInput, UserGroupView } from '../../../../shared/purchasing-controls-schemas';

/**
 * The billing-entity and user-group forms as typed, and what goes to main from them. Main trims,
 * upper-cases codes and judges every field; the forms keep exactly what was typed until it answers.
 */
export interface EntityDraft {
  id: number | null;
  code: string;
  name: string;
  customerPoNumber: string;
  active: boolean;
  /** In the entity's order: the cost-center list at entry follows it. */
  costCenterCodes: string[];
}
export type EntityField = 'code' | 'name' | 'customerPoNumber' | 'active' | 'costCenterCodes';

export interface GroupDraft {
  id: number | null;
  name: string;
  description: string;
  memberIds: number[];
  billingEntityCodes: string[];
}
export type GroupField = 'name' | 'description' | 'memberIds' | 'billingEntityCodes';

export const newEntityDraft = (): EntityDraft => ({ id: null, code: '', name: '', customerPoNumber: '', active: true, costCenterCodes: [] });

export const draftOfEntity = (entity: BillingEntityView): EntityDraft => ({
  id: entity.id,
  code: entity.code,
  name: entity.name,
  customerPoNumber: entity.customerPoNumber ?? '',
  active: entity.active,
  costCenterCodes: [...entity.costCenterCodes],
});

export const entityInputOf = (draft: EntityDraft): BillingEntityInput => ({
  ...(draft.id !== null ? { id: draft.id } : {}),
  code: draft.code,
  name: draft.name,
  // Blank means none; main's schema says so too, and keeps a typed number exactly (trimmed).
  customerPoNumber: draft.customerPoNumber.trim() === '' ? null : draft.customerPoNumber,
  active: draft.active,
  costCenterCodes: draft.costCenterCodes,
});

export const newGroupDraft = (): GroupDraft => ({ id: null, name: '', description: '', memberIds: [], billingEntityCodes: [] });

export const draftOfGroup = (group: UserGroupView): GroupDraft => ({
  id: group.id,
  name: group.name,
  description: group.description,
  memberIds: group.members.map((member) => member.id),
  billingEntityCodes: [...group.billingEntityCodes],
});

export const groupInputOf = (draft: GroupDraft): UserGroupInput => ({
  ...(draft.id !== null ? { id: draft.id } : {}),
  name: draft.name,
  description: draft.description,
  memberIds: draft.memberIds,
  billingEntityCodes: draft.billingEntityCodes,
});

const sameSet = <T>(a: readonly T[], b: readonly T[]): boolean => a.length === b.length && a.every((item) => b.includes(item));

/** Whether a form still holds what it was opened with (leaving it then loses nothing). */
export const sameEntityDraft = (a: EntityDraft, b: EntityDraft): boolean =>
  a.code === b.code && a.name === b.name && a.customerPoNumber === b.customerPoNumber && a.active === b.active && sameSet(a.costCenterCodes, b.costCenterCodes);

export const sameGroupDraft = (a: GroupDraft, b: GroupDraft): boolean =>
  a.name === b.name && a.description === b.description && sameSet(a.memberIds, b.memberIds) && sameSet(a.billingEntityCodes, b.billingEntityCodes);
