import { api } from '../../api';
import { CELL_BY_CONTRACT, lineCellId, lineFieldKey } from '../../features/po-entry/field-ids';
import {
  isBlankLine,
  LINE_CELLS,
  type LineCell,
  type LineDraft,
  newLine,
  quantityOf,
  reformatted,
  unitCostOf,
} from '../../features/po-entry/line-rules';
import { currentLocale } from '../../hooks/useLocaleFormat';
import { formatMoney } from '../../../../shared/locale-format';
import { useSessionStore } from '../session-store';
import { lineInputOf, normalCode, orNull, withoutKeys } from './draft-mapping';
import type { LinesSlice, PoEntrySlice, PoEntryState } from './state';
import { tracking } from './tracking';

const CODING_CELLS: LineCell[] = ['job', 'workOrder', 'costType', 'glAccount', 'costCenter', 'distributionType'];

/** The PO's lines as typed, each coding change judged by main (rules 1–4). */
export const createLinesSlice: PoEntrySlice<LinesSlice> = (set, get) => {
  const edited = () => {
    tracking.editSeq++;
    return { dirty: true, notice: null };
  };
  const requestFocus = (id: string) => get().requestFocus(id);
  const costCentersOn = (): boolean =>
    get().resolution?.costCentersEnabled ?? useSessionStore.getState().settings?.costCentersEnabled ?? true;
  const mapLine = (key: string, change: (line: LineDraft) => LineDraft) => (state: PoEntryState) => ({
    lines: state.lines.map((line) => (line.key === key ? change(line) : line)),
  });

  /**
   * Asks main to judge one line after a coding change. On a refused work order the line keeps the
   * work order and cost center main last accepted; the refusal stands beside the refused cell only.
   */
  async function judgeLine(key: string, changed: LineCell): Promise<void> {
    const state = get();
    const index = state.lines.findIndex((line) => line.key === key);
    const line = state.lines[index];
    if (!line || isBlankLine(line)) return;
    const enabled = costCentersOn();
    const locale = currentLocale();
    const input = {
      ...(state.po ? { poId: state.po.id } : {}),
      warehouseCode: state.warehouseCode,
      headerCostCenterCode: enabled ? orNull(state.costCenterText) : null,
      lineNumber: index + 1,
      line: {
        ...lineInputOf(line, enabled, locale),
        // A job that came with the work order is the work order's to decide.
        jobCode: line.jobFromWorkOrder ? null : orNull(line.job),
        // The line check needs no valid quantity or cost; placeholders keep the contract satisfied.
        description: line.description.trim().slice(0, 200) || 'line',
        quantityMilli: quantityOf(line, locale) ?? 1,
        unitCostMinor: unitCostOf(line, locale) ?? 0,
      },
      previous: { workOrderCode: orNull(line.accepted.workOrder), costCenterCode: orNull(line.accepted.costCenter) },
    };
    const judgedKey = JSON.stringify([input.line, input.headerCostCenterCode, input.warehouseCode]);
    if (judgedKey === tracking.lastJudged[key]) return;
    tracking.lastJudged[key] = judgedKey;
    const seq = (tracking.judgeSeq[key] = (tracking.judgeSeq[key] ?? 0) + 1);
    const result = await api.resolveLine(input);
    if (tracking.judgeSeq[key] !== seq) return;
    if (!result.ok) {
      delete tracking.lastJudged[key];
      const cell = (result.error.field && CELL_BY_CONTRACT[result.error.field.split('.').pop() ?? '']) || changed;
      set((current) => ({ fieldErrors: { ...current.fieldErrors, [lineFieldKey(key, cell)]: result.error.message } }));
      return;
    }
    const verdict = result.value;
    set((current) => {
      const fieldErrors = withoutKeys(
        current.fieldErrors,
        CODING_CELLS.map((cell) => lineFieldKey(key, cell)),
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
    lines: [newLine()],
    touched: {},

    updateLine(key, patch) {
      const cells = Object.keys(patch).map((name) => lineFieldKey(key, name as LineCell));
      set((state) => ({
        ...mapLine(key, (line) => ({
          ...line,
          ...patch,
          ...(patch.itemCode !== undefined ? { unknownItem: false } : {}),
          // A G/L account the operator types is theirs: no coding default replaces it.
          ...(patch.glAccount !== undefined ? { glFromCoding: false } : {}),
          // A job the operator types is theirs, no longer the work order's.
          ...(patch.job !== undefined ? { jobFromWorkOrder: false } : {}),
        }))(state),
        fieldErrors: withoutKeys(state.fieldErrors, cells),
        ...edited(),
      }));
    },

    commitNumber(key, cell) {
      const line = get().lines.find((candidate) => candidate.key === key);
      if (!line) return;
      const shown = reformatted(cell, line[cell], currentLocale());
      if (shown !== line[cell]) set(mapLine(key, (current) => ({ ...current, [cell]: shown })));
    },

    commitCode(key, cell, text) {
      const code = normalCode(text);
      const line = get().lines.find((candidate) => candidate.key === key);
      if (!line) return;
      const patch: Partial<LineDraft> = { [cell]: code };
      if (cell === 'costCenter') patch.costCenterEntered = code !== '';
      // A new work order re-derives the cost center (rule 1).
      if (cell === 'workOrder' && code !== normalCode(line.accepted.workOrder)) patch.costCenterEntered = false;
      if (cell === 'glAccount' && code !== normalCode(line.glAccount)) patch.glFromCoding = false;
      set(mapLine(key, (current) => ({ ...current, ...patch })));
      void judgeLine(key, cell).then(() => {
        // The purchase account decides what the row's sub-objects are asked for; the cost center is a coding level too.
        if ((cell === 'glAccount' || cell === 'costCenter') && get().lines.some((candidate) => candidate.key === key && candidate.coding)) void get().codeLine(key, 'keep');
      });
    },

    judge(key, changed) {
      return judgeLine(key, changed);
    },

    setDistributionType(key, type) {
      set((state) => ({
        ...mapLine(key, (line) => ({ ...line, distributionType: type, ...(type === 'direct-wo-cost' ? { costCenterEntered: false } : {}) }))(state),
        fieldErrors: withoutKeys(state.fieldErrors, [lineFieldKey(key, 'distributionType')]),
        ...edited(),
      }));
      void judgeLine(key, 'distributionType');
    },

    async commitItem(key, text, picked) {
      const code = picked ? picked.code : normalCode(text);
      const before = get().lines.find((line) => line.key === key);
      if (!before) return;
      if (before.itemCode !== code) get().updateLine(key, { itemCode: code });
      if (code === '') {
        set(mapLine(key, (line) => ({ ...line, lookedUp: null, unknownItem: false })));
        // A row that lost its part is a row without a part number: coded as one.
        if (before.itemCode.trim() !== '') void get().codeLine(key, 'default');
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
      const locale = currentLocale();
      set((state) => ({
        lines: state.lines.map((line) => {
          if (line.key !== key || line.itemCode !== code) return line;
          if (!found) return { ...line, lookedUp: code, unknownItem: true };
          const unitCost = formatMoney(found.unitCostMinor, locale);
          // What the previous item filled in may be replaced; what the operator typed stays.
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
      // The part decides the row's coding: its product group through the matrix, or the coding box.
      if (found) void get().codeLine(key, 'default');
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
        problems: state.problems.filter((problem) => !problem.key.startsWith(`line:${key}:`)),
        ...edited(),
      }));
      requestFocus(lineCellId(focusLine.key, 'item'));
    },
  };
};

