import type { SavePoInput } from '../../../../shared/contracts';
import type { AppError } from '../../../../shared/result';
import { api } from '../../api';
import { issuesOf } from '../../components/field-errors';
import { CONTROL_IDS, CONTROL_LABELS, controlTargetOf } from '../../features/po-entry/control-field-ids';
import { ADD_LINE_BUTTON_ID, CELL_LABELS, fieldTargetOf, HEADER_IDS, lineCellId, lineFieldKey, SAVE_BUTTON_ID } from '../../features/po-entry/field-ids';
import { isBlankLine, LINE_CELLS, lineErrors } from '../../features/po-entry/line-rules';
import { currentLocale } from '../../hooks/useLocaleFormat';
import { useSessionStore } from '../session-store';
import { lineInputOf, linesFromDetail, normalCode, openPoOf } from './draft-mapping';
import type { PoEntrySlice, PoEntryState, Problem, SaveSlice } from './state';
import { tracking } from './tracking';

export const TITLE_ID = 'po-entry-title';

/** Every field the screen itself can tell is not ready, in screen order; main re-checks all of them. */
function clientProblems(state: PoEntryState): Problem[] {
  const problems: Problem[] = [];
  if (state.vendorText.trim() === '') problems.push({ key: 'vendor', id: HEADER_IDS.vendor, label: 'Vendor', message: 'Choose a vendor.' });
  if (state.warehouseCode === '') problems.push({ key: 'warehouse', id: HEADER_IDS.warehouse, label: 'Warehouse', message: 'Choose a warehouse.' });
  // A budget order typed but not among those open on the PO's date: its sentence already stands beside the field.
  const budgetRefusal = state.fieldErrors.budgetOrder;
  if (budgetRefusal && state.budgetOrderId === null && state.budgetOrderText.trim() !== '') {
    problems.push({ key: 'budgetOrder', id: CONTROL_IDS.budgetOrder, label: CONTROL_LABELS.budgetOrder, message: budgetRefusal });
  }
  const sent = state.lines.filter((line) => !isBlankLine(line));
  if (sent.length === 0) {
    const first = state.lines[0];
    problems.push({
      key: 'lines',
      id: first ? lineCellId(first.key, 'item') : ADD_LINE_BUTTON_ID,
      label: 'Lines',
      message: 'A PO needs at least one line: enter an item or a description.',
    });
  }
  const locale = currentLocale();
  for (const line of sent) {
    const errors = lineErrors(line, locale);
    const number = state.lines.indexOf(line) + 1;
    for (const cell of LINE_CELLS) {
      const message = errors[cell];
      if (message) problems.push({ key: lineFieldKey(line.key, cell), id: lineCellId(line.key, cell), label: `Line ${number} ${CELL_LABELS[cell]}`, message });
    }
  }
  return problems;
}

/** Save as draft: the screen's own checks first, then main's judgement, then a large-PO question if main asks one. */
export const createSaveSlice: PoEntrySlice<SaveSlice> = (set, get) => {
  const costCentersOn = (): boolean =>
    get().resolution?.costCentersEnabled ?? useSessionStore.getState().settings?.costCentersEnabled ?? true;

  function showError(error: AppError, sentLines: readonly string[]): void {
    if (error.code === 'not-signed-in') void useSessionStore.getState().refreshOperator();
    const lines = get().lines;
    const lineNumberOf = (key: string) => lines.findIndex((line) => line.key === key) + 1;
    const issues = issuesOf(error);
    const fieldErrors: Record<string, string> = {};
    const problems: Problem[] = [];
    for (const issue of issues) {
      const target = controlTargetOf(issue.path) ?? fieldTargetOf(issue.path, sentLines, lineNumberOf);
      if (!target || fieldErrors[target.key]) continue;
      fieldErrors[target.key] = issue.message;
      problems.push({ ...target, message: issue.message });
    }
    // A refusal that names a field is shown beside it; only one that names none stands on top.
    set({ busy: 'idle', alert: problems.length > 0 ? null : error.message, fieldErrors, problems, notice: null, submitAfterSave: false });
    const first = problems[0];
    if (first) get().requestFocus(first.id);
  }

  async function send(confirmedLargeTotalMinor?: number): Promise<void> {
    const state = get();
    const locale = currentLocale();
    const enabled = costCentersOn();
    const sent = state.lines.filter((line) => !isBlankLine(line));
    const input: SavePoInput = {
      ...(state.po ? { id: state.po.id, version: state.po.version } : {}),
      vendorCode: state.vendorText.trim(),
      warehouseCode: state.warehouseCode,
      // "None" sends no cost center; main accepts that only where the scheme does not require one.
      costCenterCode: enabled && !state.noCostCenter ? normalCode(state.costCenterText) || null : null,
      costCenterEntered: enabled && state.costCenterTyped,
      lines: sent.map((line) => lineInputOf(line, enabled, locale)),
      billingEntityCode: normalCode(state.billingEntityText) || null,
      projectCode: state.projectCodeText === '' ? null : state.projectCodeText,
      budgetOrderId: state.budgetOrderId,
      coding: { organisationCode: state.organisationCode, values: state.headerCoding },
      ...(confirmedLargeTotalMinor !== undefined ? { confirmedLargeTotalMinor } : {}),
    };
    const startedAt = tracking.editSeq;
    set({ busy: 'saving', alert: null, notice: null, largePo: null });
    const result = await api.savePo(input);
    if (!result.ok) {
      if (result.error.code === 'needs-confirmation' && result.error.confirmation) {
        set({ busy: 'idle', largePo: result.error.confirmation });
        return;
      }
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
      lines: linesFromDetail(detail, locale),
      // The header level as main stored it, spelt as its value lists spell it.
      ...(detail.coding ? { headerCoding: detail.coding.values } : {}),
      busy: 'idle',
      alert: null,
      fieldErrors: {},
      problems: [],
      submitted: false,
      touched: {},
      dirty: tracking.editSeq !== startedAt,
      notice: `Saved ${detail.number} as ${detail.status}.`,
    });
    // The title now carries the PO's number; from there Tab leads back into the form.
    get().requestFocus(TITLE_ID);
    // Submit asked for this save: what was just stored is submitted, unless the operator typed on meanwhile.
    if (get().submitAfterSave) {
      set({ submitAfterSave: false });
      if (!get().dirty) get().requestStep('submit');
    }
  }

  return {
    submitted: false,
    fieldErrors: {},
    problems: [],
    largePo: null,

    async save() {
      const state = get();
      if (state.busy !== 'idle') return;
      if (state.po?.mode === 'view') {
        set({ alert: `${state.po.number} is open to view. ${state.po.canChange ? 'Open it for change to save edits.' : state.po.accessReason}`, notice: null, submitAfterSave: false });
        return;
      }
      const problems = clientProblems(state);
      if (problems.length > 0) {
        const fieldErrors = Object.fromEntries(problems.filter((problem) => !problem.key.startsWith('line:')).map((problem) => [problem.key, problem.message]));
        set({ submitted: true, problems, fieldErrors, alert: null, notice: null, submitAfterSave: false });
        get().requestFocus((problems[0] as Problem).id);
        return;
      }
      await send();
    },

    async confirmLargePo() {
      const question = get().largePo;
      if (!question) return;
      await send(question.totalMinor);
    },

    cancelLargePo() {
      set({ largePo: null, submitAfterSave: false, notice: 'Not saved: the PO is as you left it.' });
      get().requestFocus(SAVE_BUTTON_ID);
    },
  };
};
