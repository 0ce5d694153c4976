import type { BillingEntityOption } from '../../shared/purchasing-controls-schemas';
import { visibleEntities } from '../domain/billing-entities';
import type { HeaderControlFacts } from '../domain/header-controls';
import type { Db } from '../store/connect';
import {
  type BillingEntityRecord,
  entityCostCentersOf,
  entityVisibility,
  findBillingEntityById,
  findBillingEntityByCode,
  visibleBillingEntities,
  schemeRequiresCostCenter,
} from '../store/repositories/billing-entity-repo';
import { readCodingMode } from '../store/repositories/settings-repo';
import type { Caller } from './desk';

export interface ControlDraft {
  billingEntityCode: string | null;
  projectCode: string | null;
  noCostCenter: boolean;
}

/** A stored PO's own controls, which a change keeps even where they would not be chosen now. */
export interface StoredControls {
  billingEntityId: number | null;
  projectCode: string | null;
  customerPoNumber: string | null;
}

export interface LoadedControls {
  facts: HeaderControlFacts;
  entity: BillingEntityRecord | undefined;
  /** The entities the operator's groups see, for the picker. */
  options: BillingEntityOption[];
}

/** Everything the purchasing-control rules read for one header: mode, the operator's groups and entities, the chosen entity's links. */
export async function loadControlFacts(db: Db, caller: Caller, draft: ControlDraft, stored: StoredControls | null): Promise<LoadedControls> {
  const [codingMode, costCenterRequired, visibility, entity, catalogue, storedEntity] = await Promise.all([
    readCodingMode(db),
    schemeRequiresCostCenter(db, caller.operator.schemeId),
    entityVisibility(db, caller.operator.id),
    draft.billingEntityCode === null || draft.billingEntityCode === '' ? undefined : findBillingEntityByCode(db, draft.billingEntityCode),
    visibleBillingEntities(db, caller.operator.id),
    stored?.billingEntityId == null ? null : findBillingEntityById(db, stored.billingEntityId),
  ]);
  const entityCostCenters = await entityCostCentersOf(db, entity);
  return {
    facts: {
      codingMode,
      costCenterRequired,
      billingEntityCode: draft.billingEntityCode,
      billingEntity: entity,
      visibility,
      entityCostCenters,
      projectCode: draft.projectCode,
      noCostCenter: draft.noCostCenter,
      stored: stored && { billingEntity: storedEntity ?? null, projectCode: stored.projectCode, customerPoNumber: stored.customerPoNumber },
    },
    entity,
    // The store reads only the entities the operator's groups see; the rule has the last word on which are offered.
    options: visibleEntities(catalogue, visibility).map(({ code, name, customerPoNumber }) => ({ code, name, customerPoNumber })),
  };
}
