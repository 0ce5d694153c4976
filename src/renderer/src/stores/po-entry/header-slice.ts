import { api } from '../../api';
import { useSessionStore } from '../session-store';
import { normalCode, withoutKeys } from './draft-mapping';
import type { HeaderSlice, PoEntrySlice } from './state';
import { tracking } from './tracking';

/**
 * Vendor, warehouse, billing entity, cost center or project code, and main's resolution of them
 * (defaults, the cost-center list a billing entity narrows, refusals with reasons).
 */
export const createHeaderSlice: PoEntrySlice<HeaderSlice> = (set, get) => {
  const edited = () => {
    tracking.editSeq++;
    return { dirty: true, notice: null };
  };
  return {
    vendorText: '',
    warehouseCode: '',
    costCenterText: '',
    costCenterExplicit: false,
    costCenterTyped: false,
    resolution: null,
    billingEntityText: '',
    projectCodeText: '',
    noCostCenter: false,

    setVendorText(text) {
      set((state) => ({ vendorText: text, fieldErrors: withoutKeys(state.fieldErrors, ['vendor']), ...edited() }));
    },

    commitVendor(text) {
      const before = get().vendorText;
      set({ vendorText: normalCode(text) });
      void get().resolve();
      // The vendor's supplier group and type decide the matrix; its own values are a coding level.
      if (normalCode(text) !== '' && (normalCode(before) !== normalCode(text) || get().lines.some((line) => !line.coding && line.itemCode.trim() !== ''))) void get().recodeLines();
    },

    setWarehouse(code) {
      set((state) => ({ warehouseCode: code, fieldErrors: withoutKeys(state.fieldErrors, ['warehouse']), ...edited() }));
      void get().resolve();
    },

    setCostCenterText(text) {
      const entered = text.trim() !== '';
      set((state) => ({
        costCenterText: text,
        costCenterExplicit: entered,
        costCenterTyped: entered,
        noCostCenter: false,
        fieldErrors: withoutKeys(state.fieldErrors, ['costCenter']),
        ...edited(),
      }));
    },

    commitCostCenter(text) {
      // Only called after the operator typed or picked, so even the default's own code now counts as entered.
      get().setCostCenterText(text);
      set({ costCenterText: normalCode(text) });
      void get().resolve();
    },

    chooseNoCostCenter() {
      set((state) => ({
        costCenterText: '',
        costCenterExplicit: false,
        costCenterTyped: false,
        noCostCenter: true,
        fieldErrors: withoutKeys(state.fieldErrors, ['costCenter']),
        ...edited(),
      }));
      void get().resolve();
    },

    setBillingEntityText(text) {
      set((state) => ({ billingEntityText: text, fieldErrors: withoutKeys(state.fieldErrors, ['billingEntity', 'costCenter']), ...edited() }));
    },

    commitBillingEntity(text) {
      set({ billingEntityText: normalCode(text) });
      void get().resolve();
    },

    setProjectCodeText(text) {
      // Kept exactly as typed: a project code keeps its case, and main alone trims it.
      set((state) => ({ projectCodeText: text, fieldErrors: withoutKeys(state.fieldErrors, ['projectCode']), ...edited() }));
    },

    commitProjectCode() {
      void get().resolve();
    },

    async resolve(force = false) {
      const state = get();
      const draft = {
        // A stored PO's unchanged cost center is explained by the origin main recorded for it.
        ...(state.po ? { poId: state.po.id } : {}),
        vendorCode: normalCode(state.vendorText),
        warehouseCode: state.warehouseCode,
        costCenterCode: state.costCenterExplicit ? normalCode(state.costCenterText) || null : null,
        billingEntityCode: normalCode(state.billingEntityText) || null,
        projectCode: state.projectCodeText === '' ? null : state.projectCodeText,
        ...(state.noCostCenter ? { noCostCenter: true } : {}),
      };
      const key = JSON.stringify(draft);
      if (!force && key === tracking.lastResolvedKey) return;
      tracking.lastResolvedKey = key;
      const seq = ++tracking.resolveSeq;
      const result = await api.resolveHeader(draft);
      if (seq !== tracking.resolveSeq) return;
      if (!result.ok) {
        tracking.lastResolvedKey = null;
        set({ alert: result.error.message });
        if (result.error.code === 'not-signed-in') void useSessionStore.getState().refreshOperator();
        return;
      }
      const resolution = result.value;
      set((current) => ({
        resolution,
        costCenterText: current.costCenterExplicit || current.noCostCenter ? current.costCenterText : (resolution.costCenter.code ?? ''),
      }));
    },
  };
};
