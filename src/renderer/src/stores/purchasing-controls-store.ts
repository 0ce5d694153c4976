import { create } from 'zustand';
import type { BillingEntityView, PurchasingControlsView, UserGroupView } from '../../../shared/purchasing-controls-schemas';
import type { AppError } from '../../../shared/result';
import { api } from '../api';
import { placeRefusal } from '../components/field-errors';
import {
  draftOfEntity,
  draftOfGroup,
  type EntityDraft,
  type EntityField,
  entityInputOf,
  type GroupDraft,
  type GroupField,
  groupInputOf,
  newEntityDraft,
  newGroupDraft,
  sameEntityDraft,
  sameGroupDraft,
} from '../features/purchasing-controls/control-drafts';
import { useSessionStore } from './session-store';

export interface ControlsOutcome {
  kind: 'saved' | 'refused';
  /** Which card the sentence is shown under. */
  about: 'entities' | 'groups';
  message: string;
}

export type PendingControlDelete = { kind: 'entity'; entity: BillingEntityView } | { kind: 'group'; group: UserGroupView };

interface PurchasingControlsState {
  view: PurchasingControlsView | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  loadError: string | null;
  entityDraft: EntityDraft | null;
  entityErrors: Partial<Record<EntityField, string>>;
  groupDraft: GroupDraft | null;
  groupErrors: Partial<Record<GroupField, string>>;
  /** A refusal of the open form that names no one field. */
  formMessage: string | null;
  saving: boolean;
  outcome: ControlsOutcome | null;
  pendingDelete: PendingControlDelete | null;

  load(): Promise<void>;
  startNewEntity(): void;
  startEditEntity(entity: BillingEntityView): void;
  editEntity(patch: Partial<Omit<EntityDraft, 'id'>>): void;
  toggleEntityCostCenter(code: string, on: boolean): void;
  /** Sends the entity form; answers the id saved, or null when refused. */
  saveEntity(): Promise<number | null>;
  startNewGroup(): void;
  startEditGroup(group: UserGroupView): void;
  editGroup(patch: Partial<Omit<GroupDraft, 'id'>>): void;
  toggleGroupMember(id: number, on: boolean): void;
  toggleGroupEntity(code: string, on: boolean): void;
  saveGroup(): Promise<number | null>;
  cancelEdit(): void;
  askDelete(pending: PendingControlDelete): void;
  cancelDelete(): void;
  confirmDelete(): Promise<void>;
  hasUnsavedChanges(): boolean;
  discard(): void;
  reset(): void;
}

const CLOSED = { entityDraft: null, entityErrors: {}, groupDraft: null, groupErrors: {}, formMessage: null, saving: false } satisfies Partial<PurchasingControlsState>;
const EMPTY = { view: null, status: 'idle', loadError: null, ...CLOSED, outcome: null, pendingDelete: null } satisfies Partial<PurchasingControlsState>;

const toggled = <T>(list: readonly T[], item: T, on: boolean): T[] => (on ? (list.includes(item) ? [...list] : [...list, item]) : list.filter((entry) => entry !== item));

const ENTITY_FIELDS: readonly EntityField[] = ['code', 'name', 'customerPoNumber', 'active', 'costCenterCodes'];
const GROUP_FIELDS: readonly GroupField[] = ['name', 'description', 'memberIds', 'billingEntityCodes'];

/** Billing entities and user groups: what main answers, the add/edit forms, and deletes waiting for a yes. */
export const usePurchasingControlsStore = create<PurchasingControlsState>()((set, get) => {
  const refused = (error: AppError) => {
    if (error.code === 'not-signed-in') void useSessionStore.getState().refreshOperator();
  };
  return {
    ...EMPTY,

    async load() {
      set((state) => ({ status: state.view ? state.status : 'loading' }));
      const result = await api.listPurchasingControls({});
      if (result.ok) set({ view: result.value, status: 'ready', loadError: null });
      else {
        refused(result.error);
        set({ status: 'error', loadError: result.error.message });
      }
    },

    startNewEntity() {
      set({ ...CLOSED, entityDraft: newEntityDraft(), outcome: null });
    },

    startEditEntity(entity) {
      set({ ...CLOSED, entityDraft: draftOfEntity(entity), outcome: null });
    },

    editEntity(patch) {
      const draft = get().entityDraft;
      if (!draft) return;
      const errors = { ...get().entityErrors };
      for (const key of Object.keys(patch)) delete errors[key as EntityField];
      set({ entityDraft: { ...draft, ...patch }, entityErrors: errors, formMessage: null });
    },

    toggleEntityCostCenter(code, on) {
      const draft = get().entityDraft;
      if (draft) get().editEntity({ costCenterCodes: toggled(draft.costCenterCodes, code, on) });
    },

    async saveEntity() {
      const draft = get().entityDraft;
      if (!draft || get().saving) return null;
      set({ saving: true, formMessage: null });
      const result = await api.saveBillingEntity(entityInputOf(draft));
      if (!result.ok) {
        refused(result.error);
        const { errors, message } = placeRefusal(result.error, ENTITY_FIELDS);
        set({ saving: false, entityErrors: errors, formMessage: message });
        return null;
      }
      const saved = result.value.billingEntities.find((entity) => entity.code === draft.code.trim().toUpperCase()) ?? null;
      const what = draft.id === null ? 'Added' : 'Saved';
      set({
        ...CLOSED,
        view: result.value,
        outcome: { kind: 'saved', about: 'entities', message: `${what} billing entity ${saved?.code ?? draft.code.trim().toUpperCase()}; recorded in the audit log.` },
      });
      return saved?.id ?? null;
    },

    startNewGroup() {
      set({ ...CLOSED, groupDraft: newGroupDraft(), outcome: null });
    },

    startEditGroup(group) {
      set({ ...CLOSED, groupDraft: draftOfGroup(group), outcome: null });
    },

    editGroup(patch) {
      const draft = get().groupDraft;
      if (!draft) return;
      const errors = { ...get().groupErrors };
      for (const key of Object.keys(patch)) delete errors[key as GroupField];
      set({ groupDraft: { ...draft, ...patch }, groupErrors: errors, formMessage: null });
    },

    toggleGroupMember(id, on) {
      const draft = get().groupDraft;
      if (draft) get().editGroup({ memberIds: toggled(draft.memberIds, id, on) });
    },

    toggleGroupEntity(code, on) {
      const draft = get().groupDraft;
      if (draft) get().editGroup({ billingEntityCodes: toggled(draft.billingEntityCodes, code, on) });
    },

    async saveGroup() {
      const draft = get().groupDraft;
      if (!draft || get().saving) return null;
      set({ saving: true, formMessage: null });
      const result = await api.saveUserGroup(groupInputOf(draft));
      if (!result.ok) {
        refused(result.error);
        const { errors, message } = placeRefusal(result.error, GROUP_FIELDS);
        set({ saving: false, groupErrors: errors, formMessage: message });
        return null;
      }
      const saved = result.value.userGroups.find((group) => group.name === draft.name.trim()) ?? null;
      const what = draft.id === null ? 'Added' : 'Saved';
      set({
        ...CLOSED,
        view: result.value,
        outcome: { kind: 'saved', about: 'groups', message: `${what} user group ${saved?.name ?? draft.name.trim()}; recorded in the audit log.` },
      });
      return saved?.id ?? null;
    },

    cancelEdit() {
      if (!get().saving) set({ ...CLOSED });
    },

    askDelete(pending) {
      set({ pendingDelete: pending, outcome: null });
    },

    cancelDelete() {
      if (!get().saving) set({ pendingDelete: null });
    },

    async confirmDelete() {
      const pending = get().pendingDelete;
      if (!pending || get().saving) return;
      set({ saving: true });
      const about = pending.kind === 'entity' ? 'entities' : 'groups';
      const name = pending.kind === 'entity' ? `billing entity ${pending.entity.code}` : `user group ${pending.group.name}`;
      const result =
        pending.kind === 'entity' ? await api.deleteBillingEntity({ id: pending.entity.id }) : await api.deleteUserGroup({ id: pending.group.id });
      if (!result.ok) {
        refused(result.error);
        set({ saving: false, pendingDelete: null, outcome: { kind: 'refused', about, message: `Not deleted: ${result.error.message}` } });
        return;
      }
      set({ saving: false, pendingDelete: null, view: result.value, outcome: { kind: 'saved', about, message: `Deleted ${name}; recorded in the audit log.` } });
    },

    hasUnsavedChanges() {
      const { view, entityDraft, groupDraft } = get();
      if (entityDraft) {
        const stored = view?.billingEntities.find((entity) => entity.id === entityDraft.id);
        if (!sameEntityDraft(entityDraft, stored ? draftOfEntity(stored) : newEntityDraft())) return true;
      }
      if (groupDraft) {
        const stored = view?.userGroups.find((group) => group.id === groupDraft.id);
        if (!sameGroupDraft(groupDraft, stored ? draftOfGroup(stored) : newGroupDraft())) return true;
      }
      return false;
    },

    discard() {
      set({ ...CLOSED, pendingDelete: null });
    },

    reset() {
      set({ ...EMPTY });
    },
  };
});

// Another operator signing in on this desk starts from what main answers them.
useSessionStore.subscribe((state, previous) => {
  if (state.operator?.id !== previous.operator?.id) usePurchasingControlsStore.getState().reset();
});
