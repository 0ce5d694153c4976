import { create } from 'zustand';
import type { HeaderResolution, ItemOption, PoDetail, PoStatus, SavePoInput, WarehouseOption } from '../../../shared/contracts';
import { formatQuantity, parseMoney } from '../../../shared/money';
import type { AppError, FieldIssue } from '../../../shared/result';
import { api } from '../api';
import { fieldTargetOf, HEADER_IDS, type HeaderField, lineCellId, lineFieldKey } from '../features/po-entry/field-ids';
import {
  isBlankLine,
  LINE_CELLS,
  type LineCell,
  type LineDraft,
  lineErrors,
  moneyForEditing,
  newLine,
  quantityOf,
} from '../features/po-entry/line-rules';
import { useSessionStore } from './session-store';

export interface OpenPo {
  id: number;
  version: number;
  number: string;
  status: PoStatus;
  createdBy: string;
}

type LinePatch = Partial<Pick<LineDraft, 'itemCode' | 'description' | 'quantity' | 'unitCost'>>;

interface PoEntryState {
  /** The stored PO being edited; null for a new one. */
  po: OpenPo | null;
  vendorText: string;
  warehouseCode: string;
  costCenterText: string;
  /** The field holds a code to check rather than the default: typed or picked, or loaded from a stored PO. */
  costCenterExplicit: boolean;
  /** The operator typed or picked the cost center in this form (rule 4a: only this may become sticky). */
  costCenterTyped: boolean;
  resolution: HeaderResolution | null;
  lines: LineDraft[];
  /** Line cells the operator has left, whose client-side errors may now show. */
  touched: Record<string, true>;
  /** A save was tried: every client-side error shows. */
  submitted: boolean;
  /** Errors main answered with, by form field key. */
  fieldErrors: Record<string, string>;
  alert: string | null;
  notice: string | null;
  busy: 'idle' | 'loading' | 'saving';
  dirty: boolean;
  focus: { id: string; seq: number } | null;
  warehouses: WarehouseOption[];

  newPo(): void;
  open(id: number): Promise<boolean>;
  loadWarehouses(): Promise<void>;
  setVendorText(text: string): void;
  commitVendor(text: string): void;
  setWarehouse(code: string): void;
  setCostCenterText(text: string): void;
  commitCostCenter(text: string): void;
  resolve(force?: boolean): Promise<void>;
  updateLine(key: string, patch: LinePatch): void;
  commitItem(key: string, text: string, picked: ItemOption | null): Promise<void>;
  touch(fieldKey: string): void;
  addLineAfter(key: string | null): void;
  removeLine(key: string): void;
  save(): Promise<void>;
  requestFocus(id: string): void;
  settingsChanged(): void;
  reset(): void;
}

const blankForm = () => ({
  po: null,
  vendorText: '',
  warehouseCode: '',
  costCenterText: '',
  costCenterExplicit: false,
  costCenterTyped: false,
  resolution: null,
  lines: [newLine()],
  touched: {},
  submitted: false,
  fieldErrors: {},
  alert: null,
  notice: null,
  busy: 'idle' as const,
  dirty: false,
});

let focusSeq = 0;
let resolveSeq = 0;
let lastResolvedKey: string | null = null;
let editSeq = 0;

const normalCode = (text: string): string => text.trim().toUpperCase();

const withoutKeys = (errors: Record<string, string>, keys: string[]): Record<string, string> => {
  if (!keys.some((key) => key in errors)) return errors;
  const next = { ...errors };
  for (const key of keys) delete next[key];
  return next;
};

function linesFromDetail(detail: PoDetail): LineDraft[] {
  const lines = detail.lines.map((line) => {
    const draft = newLine();
    const unitCost = moneyForEditing(line.unitCostMinor);
    return {
      ...draft,
      itemCode: line.itemCode ?? '',
      description: line.description,
      quantity: formatQuantity(line.quantityMilli),
      unitCost,
      lookedUp: line.itemCode,
      filled: null,
    };
  });
  return lines.length > 0 ? lines : [newLine()];
}

const openPoOf = (detail: PoDetail): OpenPo => ({
  id: detail.id,
  version: detail.version,
  number: detail.number,
  status: detail.status,
  createdBy: detail.createdBy,
});

/** The PO entry form: header, lines, the header's resolution from main, and save. */
export const usePoEntryStore = create<PoEntryState>()((set, get) => {
  const requestFocus = (id: string) => set({ focus: { id, seq: ++focusSeq } });
  const edited = () => {
    editSeq++;
    return { dirty: true, notice: null };
  };
  const costCentersOn = (): boolean =>
    get().resolution?.costCentersEnabled ?? useSessionStore.getState().settings?.costCentersEnabled ?? true;

  function showError(error: AppError, sentLines: readonly string[]): void {
    if (error.code === 'not-signed-in') void useSessionStore.getState().refreshOperator();
    const lines = get().lines;
    const lineNumberOf = (key: string) => lines.findIndex((line) => line.key === key) + 1;
    const issues: FieldIssue[] = error.issues?.length ? error.issues : error.field ? [{ path: error.field, message: error.message }] : [];
    const fieldErrors: Record<string, string> = {};
    let firstTarget: ReturnType<typeof fieldTargetOf> = null;
    for (const issue of issues) {
      const target = fieldTargetOf(issue.path, sentLines, lineNumberOf);
      if (!target) continue;
      fieldErrors[target.key] ??= issue.message;
      firstTarget ??= target;
    }
    const firstIssue = issues[0];
    const alert =
      error.code === 'invalid-input' && firstIssue && firstTarget ? `${firstTarget.label}: ${firstIssue.message}` : error.message;
    set({ busy: 'idle', alert, fieldErrors, notice: null });
    if (firstTarget) requestFocus(firstTarget.id);
  }

  return {
    ...blankForm(),
    focus: null,
    warehouses: [],

    newPo() {
      editSeq++;
      lastResolvedKey = null;
      set(blankForm());
      requestFocus(HEADER_IDS.vendor);
      void get().resolve(true);
      if (get().warehouses.length === 0) void get().loadWarehouses();
    },

    async open(id) {
      editSeq++;
      lastResolvedKey = null;
      set({ ...blankForm(), busy: 'loading' });
      const result = await api.openPo({ id, mode: 'change' });
      if (!result.ok) {
        set({ busy: 'idle', alert: result.error.message });
        if (result.error.code === 'not-signed-in') void useSessionStore.getState().refreshOperator();
        return false;
      }
      const detail = result.value;
      set({
        ...blankForm(),
        po: openPoOf(detail),
        vendorText: detail.vendorCode,
        warehouseCode: detail.warehouseCode,
        costCenterText: detail.costCenterCode ?? '',
        costCenterExplicit: detail.costCenterCode !== null,
        costCenterTyped: false,
        lines: linesFromDetail(detail),
      });
      requestFocus(HEADER_IDS.vendor);
      void get().resolve(true);
      if (get().warehouses.length === 0) void get().loadWarehouses();
      return true;
    },

    async loadWarehouses() {
      const result = await api.listWarehouses({});
      if (result.ok) set({ warehouses: result.value });
    },

    setVendorText(text) {
      set((state) => ({ vendorText: text, fieldErrors: withoutKeys(state.fieldErrors, ['vendor']), ...edited() }));
    },

    commitVendor(text) {
      set({ vendorText: normalCode(text) });
      void get().resolve();
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

    async resolve(force = false) {
      const state = get();
      const draft = {
        vendorCode: normalCode(state.vendorText),
        warehouseCode: state.warehouseCode,
        costCenterCode: state.costCenterExplicit ? normalCode(state.costCenterText) || null : null,
      };
      const key = JSON.stringify(draft);
      if (!force && key === lastResolvedKey) return;
      lastResolvedKey = key;
      const seq = ++resolveSeq;
      const result = await api.resolveHeader(draft);
      if (seq !== resolveSeq) return;
      if (!result.ok) {
        lastResolvedKey = null;
        set({ alert: result.error.message });
        if (result.error.code === 'not-signed-in') void useSessionStore.getState().refreshOperator();
        return;
      }
      const resolution = result.value;
      set((current) => ({
        resolution,
        costCenterText: current.costCenterExplicit ? current.costCenterText : (resolution.costCenter.code ?? ''),
      }));
    },

    updateLine(key, patch) {
      const cells = Object.keys(patch).map((name) => lineFieldKey(key, name as LineCell));
      set((state) => ({
        lines: state.lines.map((line) =>
          line.key !== key ? line : { ...line, ...patch, ...(patch.itemCode !== undefined ? { unknownItem: false } : {}) },
        ),
        fieldErrors: withoutKeys(state.fieldErrors, cells),
        ...edited(),
      }));
    },

    async commitItem(key, text, picked) {
      const code = picked ? picked.code : normalCode(text);
      const before = get().lines.find((line) => line.key === key);
      if (!before) return;
      if (before.itemCode !== code) get().updateLine(key, { itemCode: code });
      if (code === '') {
        set((state) => ({ lines: state.lines.map((line) => (line.key === key ? { ...line, lookedUp: null, unknownItem: false } : line)) }));
        return;
      }
      if (!picked && before.lookedUp === code) return;
      let item = picked;
      if (!item) {
        const result = await api.searchItems({ query: code });
        if (!result.ok) return;
        item = result.value.find((option) => option.code === code) ?? null;
      }
      const found = item;
      set((state) => ({
        lines: state.lines.map((line) => {
          if (line.key !== key || line.itemCode !== code) return line;
          if (!found) return { ...line, lookedUp: code, unknownItem: true };
          const unitCost = moneyForEditing(found.unitCostMinor);
          const takeDescription = line.description.trim() === '' || line.description === line.filled?.description;
          const takeCost = line.unitCost.trim() === '' || line.unitCost === line.filled?.unitCost;
          return {
            ...line,
            lookedUp: code,
            unknownItem: false,
            description: takeDescription ? found.description : line.description,
            unitCost: takeCost ? unitCost : line.unitCost,
            filled: { description: found.description, unitCost },
          };
        }),
      }));
    },

    touch(fieldKey) {
      if (get().touched[fieldKey]) return;
      set((state) => ({ touched: { ...state.touched, [fieldKey]: true } }));
    },

    addLineAfter(key) {
      const { lines } = get();
      const index = key === null ? lines.length - 1 : lines.findIndex((line) => line.key === key);
      const next = lines[index + 1];
      if (next && isBlankLine(next)) {
        requestFocus(lineCellId(next.key, 'item'));
        return;
      }
      const last = lines[lines.length - 1];
      if (key === null && last && isBlankLine(last)) {
        requestFocus(lineCellId(last.key, 'item'));
        return;
      }
      const line = newLine();
      set({ lines: [...lines.slice(0, index + 1), line, ...lines.slice(index + 1)] });
      requestFocus(lineCellId(line.key, 'item'));
    },

    removeLine(key) {
      const { lines } = get();
      const index = lines.findIndex((line) => line.key === key);
      if (index < 0) return;
      const remaining = lines.filter((line) => line.key !== key);
      const next = remaining.length > 0 ? remaining : [newLine()];
      const focusLine = next[Math.min(index, next.length - 1)] as LineDraft;
      set((state) => ({
        lines: next,
        fieldErrors: withoutKeys(
          state.fieldErrors,
          LINE_CELLS.map((cell) => lineFieldKey(key, cell)),
        ),
        ...edited(),
      }));
      requestFocus(lineCellId(focusLine.key, 'item'));
    },

    async save() {
      const state = get();
      if (state.busy !== 'idle') return;
      if (state.po && state.po.status !== 'draft') {
        set({ alert: `${state.po.number} is ${state.po.status}; only draft POs can be changed here.`, notice: null });
        return;
      }
      const clientFail = (field: HeaderField, message: string) => {
        set({ alert: message, notice: null, fieldErrors: { [field]: message } });
        requestFocus(HEADER_IDS[field]);
      };
      if (state.vendorText.trim() === '') return clientFail('vendor', 'Choose a vendor.');
      if (state.warehouseCode === '') return clientFail('warehouse', 'Choose a warehouse.');

      const sent = state.lines.filter((line) => !isBlankLine(line));
      for (const line of sent) {
        const errors = lineErrors(line);
        const cell = LINE_CELLS.find((name) => errors[name] !== undefined);
        if (cell) {
          const number = state.lines.indexOf(line) + 1;
          set({ submitted: true, alert: `Line ${number}: ${errors[cell]}. Nothing was saved.`, notice: null });
          requestFocus(lineCellId(line.key, cell));
          return;
        }
      }

      const enabled = costCentersOn();
      const input: SavePoInput = {
        ...(state.po ? { id: state.po.id, version: state.po.version } : {}),
        vendorCode: state.vendorText.trim(),
        warehouseCode: state.warehouseCode,
        costCenterCode: enabled ? normalCode(state.costCenterText) || null : null,
        costCenterEntered: enabled && state.costCenterTyped,
        lines: sent.map((line) => ({
          itemCode: normalCode(line.itemCode) || null,
          description: line.description.trim(),
          quantityMilli: quantityOf(line) as number,
          unitCostMinor: parseMoney(line.unitCost) as number,
        })),
      };
      const startedAt = editSeq;
      set({ busy: 'saving', alert: null, notice: null });
      const result = await api.savePo(input);
      if (!result.ok) {
        showError(
          result.error,
          sent.map((line) => line.key),
        );
        return;
      }
      const detail = result.value;
      set({
        po: openPoOf(detail),
        busy: 'idle',
        alert: null,
        fieldErrors: {},
        submitted: false,
        dirty: editSeq !== startedAt,
        notice: `Saved ${detail.number} as ${detail.status}`,
      });
    },

    requestFocus,

    settingsChanged() {
      void get().resolve(true);
    },

    reset() {
      editSeq++;
      resolveSeq++;
      lastResolvedKey = null;
      set({ ...blankForm(), focus: null, warehouses: [] });
    },
  };
});
