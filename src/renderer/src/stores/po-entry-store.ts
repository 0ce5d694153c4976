import { create } from 'zustand';
import type {
  DistributionCodes,
  DistributionType,
  HeaderResolution,
  ItemOption,
  PoDetail,
  PoLineInput,
  PoMode,
  PoStatus,
  SavePoInput,
  WarehouseOption,
} from '../../../shared/contracts';
import { formatQuantity, parseMoney } from '../../../shared/money';
import type { AppError, FieldIssue } from '../../../shared/result';
import { api } from '../api';
import { CELL_BY_CONTRACT, fieldTargetOf, HEADER_IDS, type HeaderField, lineCellId, lineFieldKey } from '../features/po-entry/field-ids';
import {
  type CodeCell,
  isBlankLine,
  isEditable,
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
  /** View shows every line; change edits the lines main allows (rules 5 and 6). */
  mode: PoMode;
  canChange: boolean;
  /** Main's word on change mode: why it is open, or why not. */
  accessReason: string;
}

type LinePatch = Partial<Pick<LineDraft, 'itemCode' | 'description' | 'quantity' | 'unitCost' | CodeCell>>;

/** A line the operator asked to remove, waiting for confirmation. */
export interface PendingRemoval {
  key: string;
  number: number;
  description: string;
}

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
  codes: DistributionCodes | null;
  pendingRemoval: PendingRemoval | null;

  newPo(): void;
  open(id: number, mode?: PoMode): Promise<boolean>;
  loadCodes(): Promise<void>;
  commitCode(key: string, cell: CodeCell, text: string): void;
  setDistributionType(key: string, type: DistributionType): void;
  requestRemoveLine(key: string): void;
  confirmRemoveLine(): void;
  cancelRemoveLine(): void;
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
  pendingRemoval: null,
});

let focusSeq = 0;
let resolveSeq = 0;
let lastResolvedKey: string | null = null;
let editSeq = 0;
/** Latest line check per line, so a slow answer cannot overwrite a newer one. */
const judgeSeq: Record<string, number> = {};
/** What each line last went to main as, so tabbing through unchanged cells asks nothing. */
const lastJudged: Record<string, string> = {};

const normalCode = (text: string): string => text.trim().toUpperCase();

const withoutKeys = (errors: Record<string, string>, keys: string[]): Record<string, string> => {
  if (!keys.some((key) => key in errors)) return errors;
  const next = { ...errors };
  for (const key of keys) delete next[key];
  return next;
};

function linesFromDetail(detail: PoDetail): LineDraft[] {
  const lines = detail.lines.map((line): LineDraft => {
    const unitCost = moneyForEditing(line.unitCostMinor);
    const access = detail.access.lines.find((entry) => entry.lineId === line.id) ?? null;
    return {
      ...newLine(),
      id: line.id,
      access,
      distributionType: line.distributionType,
      job: line.jobCode ?? '',
      jobFromWorkOrder: line.workOrderCode !== null && line.jobCode !== null,
      workOrder: line.workOrderCode ?? '',
      costType: line.costTypeCode ?? '',
      glAccount: line.glAccountCode ?? '',
      costCenter: line.costCenterCode ?? '',
      costCenterEntered: line.costCenterCode !== null,
      judgement: null,
      accepted: { workOrder: line.workOrderCode ?? '', costCenter: line.costCenterCode ?? '' },
      itemCode: line.itemCode ?? '',
      description: line.description,
      quantity: formatQuantity(line.quantityMilli),
      unitCost,
      lookedUp: line.itemCode,
      filled: null,
    };
  });
  return lines.length > 0 || detail.access.mode === 'view' ? lines : [newLine()];
}

const openPoOf = (detail: PoDetail): OpenPo => ({
  id: detail.id,
  version: detail.version,
  number: detail.number,
  status: detail.status,
  createdBy: detail.createdBy,
  mode: detail.access.mode,
  canChange: detail.access.canChange,
  accessReason: detail.access.reason,
});

const orNull = (text: string): string | null => normalCode(text) || null;

/** The save contract's line: a stored line goes back with exactly its stored codes unless the operator changed them. */
function lineInputOf(line: LineDraft, costCentersOn: boolean): PoLineInput {
  return {
    ...(line.id !== null ? { id: line.id } : {}),
    itemCode: orNull(line.itemCode),
    description: line.description.trim(),
    quantityMilli: quantityOf(line) as number,
    unitCostMinor: parseMoney(line.unitCost) as number,
    distributionType: line.distributionType,
    jobCode: orNull(line.job),
    workOrderCode: orNull(line.workOrder),
    costTypeCode: orNull(line.costType),
    glAccountCode: orNull(line.glAccount),
    costCenterCode: costCentersOn && line.costCenterEntered ? orNull(line.costCenter) : null,
  };
}

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

  const viewing = (): boolean => get().po?.mode === 'view';

  /**
   * Asks main to judge one line after a coding change (rules 1–4). On a refused work order the
   * line keeps the work order and cost center main last accepted.
   */
  async function judgeLine(key: string, changed: LineCell): Promise<void> {
    const state = get();
    const index = state.lines.findIndex((line) => line.key === key);
    const line = state.lines[index];
    if (!line || isBlankLine(line)) return;
    const enabled = costCentersOn();
    const input = {
      ...(state.po ? { poId: state.po.id } : {}),
      warehouseCode: state.warehouseCode,
      headerCostCenterCode: enabled ? orNull(state.costCenterText) : null,
      lineNumber: index + 1,
      line: {
        ...lineInputOf(line, enabled),
        // A job that came with the work order is the work order's to decide.
        jobCode: line.jobFromWorkOrder ? null : orNull(line.job),
        // The line check needs no valid quantity or cost; placeholders keep the contract satisfied.
        description: line.description.trim() || 'line',
        quantityMilli: quantityOf(line) ?? 1,
        unitCostMinor: parseMoney(line.unitCost) ?? 0,
      },
      previous: { workOrderCode: orNull(line.accepted.workOrder), costCenterCode: orNull(line.accepted.costCenter) },
    };
    const judgedKey = JSON.stringify([input.line, input.headerCostCenterCode, input.warehouseCode]);
    if (judgedKey === lastJudged[key]) return;
    lastJudged[key] = judgedKey;
    const seq = (judgeSeq[key] = (judgeSeq[key] ?? 0) + 1);
    const result = await api.resolveLine(input);
    if (judgeSeq[key] !== seq) return;
    if (!result.ok) {
      delete lastJudged[key];
      const cell = (result.error.field && CELL_BY_CONTRACT[result.error.field.split('.').pop() ?? '']) || changed;
      set((current) => ({ fieldErrors: { ...current.fieldErrors, [lineFieldKey(key, cell)]: result.error.message } }));
      return;
    }
    const verdict = result.value;
    set((current) => {
      const fieldErrors = withoutKeys(
        current.fieldErrors,
        (['job', 'workOrder', 'costType', 'glAccount', 'costCenter', 'distributionType'] as LineCell[]).map((cell) => lineFieldKey(key, cell)),
      );
      const lines = current.lines.map((candidate): LineDraft => {
        if (candidate.key !== key) return candidate;
        const judgement = { status: verdict.status, reason: verdict.reason, costCenterEditable: verdict.costCenterEditable };
        if (verdict.status === 'refused') {
          const keepsPrevious = verdict.field === 'workOrderCode';
          return {
            ...candidate,
            judgement,
            ...(keepsPrevious ? { workOrder: candidate.accepted.workOrder, costCenter: candidate.accepted.costCenter } : {}),
          };
        }
        const fromHeader = verdict.costCenterOrigin === 'header';
        const code = verdict.costCenterCode ?? '';
        return {
          ...candidate,
          judgement,
          ...(candidate.job.trim() === '' || candidate.jobFromWorkOrder
            ? { job: verdict.jobCode ?? '', jobFromWorkOrder: verdict.jobCode !== null }
            : {}),
          costCenter: fromHeader ? '' : code,
          costCenterEntered: verdict.costCenterOrigin === 'entered',
          // What main judged, not what the cell holds now: the operator may have typed on meanwhile.
          accepted: { workOrder: input.line.workOrderCode ?? '', costCenter: code },
        };
      });
      const refusedCell = verdict.status === 'refused' && verdict.field ? CELL_BY_CONTRACT[verdict.field] : undefined;
      return {
        lines,
        fieldErrors: refusedCell ? { ...fieldErrors, [lineFieldKey(key, refusedCell)]: verdict.reason } : fieldErrors,
      };
    });
  }

  return {
    ...blankForm(),
    focus: null,
    warehouses: [],
    codes: null,

    newPo() {
      editSeq++;
      lastResolvedKey = null;
      set(blankForm());
      requestFocus(HEADER_IDS.vendor);
      void get().resolve(true);
      if (get().warehouses.length === 0) void get().loadWarehouses();
      void get().loadCodes();
    },

    async open(id, mode = 'change') {
      editSeq++;
      lastResolvedKey = null;
      set({ ...blankForm(), busy: 'loading' });
      void get().loadCodes();
      let result = await api.openPo({ id, mode });
      let refusal: string | null = null;
      if (!result.ok && result.error.code === 'refused' && mode === 'change') {
        // Change mode refused (rule 5): the PO still opens to view, with main's reason on top.
        refusal = result.error.message;
        result = await api.openPo({ id, mode: 'view' });
      }
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
        alert: refusal,
      });
      const firstEditable = get().lines.find((line) => isEditable(line, detail.access.mode === 'view'));
      requestFocus(detail.access.mode === 'view' || !firstEditable ? 'po-entry-title' : HEADER_IDS.vendor);
      void get().resolve(true);
      if (get().warehouses.length === 0) void get().loadWarehouses();
      return true;
    },

    async loadCodes() {
      if (get().codes) return;
      const result = await api.listDistributionCodes({});
      if (result.ok) set({ codes: result.value });
    },

    commitCode(key, cell, text) {
      const code = normalCode(text);
      const line = get().lines.find((candidate) => candidate.key === key);
      if (!line) return;
      const patch: Partial<LineDraft> = { [cell]: code };
      if (cell === 'costCenter') patch.costCenterEntered = code !== '';
      if (cell === 'workOrder' && code !== normalCode(line.accepted.workOrder)) {
        // A new work order re-derives the cost center (rule 1).
        patch.costCenterEntered = false;
      }
      set((state) => ({ lines: state.lines.map((candidate) => (candidate.key === key ? { ...candidate, ...patch } : candidate)) }));
      void judgeLine(key, cell);
    },

    setDistributionType(key, type) {
      set((state) => ({
        lines: state.lines.map((line) =>
          line.key !== key ? line : { ...line, distributionType: type, ...(type === 'direct-wo-cost' ? { costCenterEntered: false } : {}) },
        ),
        fieldErrors: withoutKeys(state.fieldErrors, [lineFieldKey(key, 'distributionType')]),
        ...edited(),
      }));
      void judgeLine(key, 'distributionType');
    },

    requestRemoveLine(key) {
      const { lines } = get();
      const index = lines.findIndex((line) => line.key === key);
      const line = lines[index];
      if (!line) return;
      if (viewing()) {
        set({ alert: `${get().po?.number ?? 'This PO'} is open to view; open it for change to remove lines.` });
        return;
      }
      if (line.access && line.access.deleteRefusal !== null) {
        set({ alert: line.access.deleteRefusal, notice: null });
        return;
      }
      if (isBlankLine(line)) {
        get().removeLine(key);
        return;
      }
      set({ alert: null, pendingRemoval: { key, number: index + 1, description: line.description.trim() || line.itemCode.trim() } });
    },

    confirmRemoveLine() {
      const pending = get().pendingRemoval;
      set({ pendingRemoval: null });
      if (pending) get().removeLine(pending.key);
    },

    cancelRemoveLine() {
      const pending = get().pendingRemoval;
      set({ pendingRemoval: null });
      if (pending) requestFocus(lineCellId(pending.key, 'item'));
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
          line.key !== key
            ? line
            : {
                ...line,
                ...patch,
                ...(patch.itemCode !== undefined ? { unknownItem: false } : {}),
                // A job the operator types is theirs, no longer the work order's.
                ...(patch.job !== undefined ? { jobFromWorkOrder: false } : {}),
              },
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
      const line = newLine(lines[index]);
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
      if (state.po?.mode === 'view') {
        set({ alert: `${state.po.number} is open to view. ${state.po.canChange ? 'Open it for change to save edits.' : state.po.accessReason}`, notice: null });
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
        lines: sent.map((line) => lineInputOf(line, enabled)),
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
        // Stored lines come back with their ids; keeping the old drafts would add new lines twice on the next save.
        lines: linesFromDetail(detail),
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
