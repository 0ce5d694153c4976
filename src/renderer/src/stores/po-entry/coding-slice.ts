import type { CodeRowResult } from '../../../../shared/coding-schemas';
import { codingFieldKey, HEADER_CODING_KEY_PREFIX, lineFieldKey } from '../../features/po-entry/field-ids';
import { sameHeaderCoding } from '../../features/po-entry/header-coding/header-coding-levels';
import { isBlankLine, type LineCoding, type LineDraft } from '../../features/po-entry/line-rules';
import { api } from '../../api';
import { useCodingSetupStore } from '../coding-setup-store';
import { useSessionStore } from '../session-store';
import { type CodingAsk, type CodingForm, codeRowInputOf } from './coding-request';
import { normalCode, withoutKeys } from './draft-mapping';
import type { CodingSlice, PoEntrySlice, PoEntryState } from './state';
import { tracking } from './tracking';

const PURCHASE_ACCOUNT = 'purchase-account';

export const lineCodingOf = (result: CodeRowResult): LineCoding => ({
  row: result.row,
  resolved: result.resolved,
  problems: result.problems,
  notes: result.notes,
  invoiced: false,
});

/**
 * Order-row coding on the entry screen (issue 11): main codes each row (codeRow) when its part, the
 * vendor or the organisation changes, the grid's coding cells and the coding box ask main about a
 * change before the row takes it, and the row keeps the PO row level to send back on save.
 */
export const createCodingSlice: PoEntrySlice<CodingSlice> = (set, get) => {
  const edited = () => {
    tracking.editSeq++;
    return { dirty: true, notice: null };
  };
  const costCentersOn = (): boolean =>
    get().resolution?.costCentersEnabled ?? useSessionStore.getState().settings?.costCentersEnabled ?? true;
  const formOf = (state: PoEntryState): CodingForm => ({
    poId: state.po?.id ?? null,
    vendorText: state.vendorText,
    costCenterText: state.costCenterText,
    noCostCenter: state.noCostCenter,
    costCentersOn: costCentersOn(),
    organisationCode: state.organisationCode,
    headerCoding: state.headerCoding,
    lines: state.lines,
  });
  const setup = () => useCodingSetupStore.getState().setup;
  const mapLine = (key: string, change: (line: LineDraft) => LineDraft) => (state: PoEntryState) => ({
    lines: state.lines.map((line) => (line.key === key ? change(line) : line)),
  });

  /** The row takes main's answer; a purchase account fills the G/L account unless the operator typed one. */
  function absorb(key: string, result: CodeRowResult): void {
    const account = result.resolved.find((dimension) => dimension.dimension === PURCHASE_ACCOUNT);
    let glChanged = false;
    set((state) => ({
      ...mapLine(key, (line) => {
        const next: LineDraft = { ...line, coding: { ...lineCodingOf(result), invoiced: line.coding?.invoiced ?? false } };
        const given = account?.value ?? null;
        if (given && (line.glAccount.trim() === '' || line.glFromCoding) && normalCode(line.glAccount) !== normalCode(given)) {
          glChanged = true;
          return { ...next, glAccount: given, glFromCoding: true };
        }
        return next;
      })(state),
      fieldErrors: withoutKeys(
        state.fieldErrors,
        Object.keys(state.fieldErrors).filter((field) => field.startsWith(`line:${key}:coding:`)),
      ),
    }));
    if (glChanged) void get().judge(key, 'glAccount');
    // A G/L account carried from the row above that no coding replaced is the row's own after all: asked again with it,
    // so its account's requirements (No / Yes / Mandatory) apply.
    const carried = get().lines.find((line) => line.key === key);
    if (!account?.value && carried?.glFromCoding && carried.glAccount.trim() !== '') {
      set(mapLine(key, (line) => ({ ...line, glFromCoding: false })));
      void get().codeLine(key, 'keep');
      return;
    }
    if (result.openCodingBox && get().codingBox === null && get().po?.mode !== 'view') get().openCodingBox(key, 'auto');
  }

  async function ask(key: string, question: CodingAsk) {
    const input = codeRowInputOf(formOf(get()), key, question, setup());
    if (!input) return null;
    return api.codeRow(input);
  }

  return {
    organisationCode: null,
    headerCoding: {},
    codingBox: null,
    codingText: {},

    setCodingText(key, dimension, text) {
      const field = codingFieldKey(key, dimension);
      set((state) => {
        const codingText = { ...state.codingText };
        if (text === null) delete codingText[field];
        else codingText[field] = text;
        return { codingText, fieldErrors: withoutKeys(state.fieldErrors, [field]) };
      });
    },

    async codeLine(key, defaulting) {
      const seq = (tracking.codeSeq[key] = (tracking.codeSeq[key] ?? 0) + 1);
      const result = await ask(key, { defaulting, place: 'grid' });
      if (!result || tracking.codeSeq[key] !== seq) return;
      if (!result.ok) {
        if (result.error.code === 'not-signed-in') void useSessionStore.getState().refreshOperator();
        set((state) => ({ fieldErrors: { ...state.fieldErrors, [codingFieldKey(key, 'row')]: result.error.message } }));
        return;
      }
      absorb(key, result.value);
    },

    async recodeLines() {
      // In order: each row's "row above" is the row just coded.
      for (const line of get().lines) {
        if (isBlankLine(line) || line.coding?.invoiced) continue;
        await get().codeLine(line.key, 'default');
      }
    },

    async commitDimension(key, dimension, text) {
      const line = get().lines.find((candidate) => candidate.key === key);
      if (!line) return;
      const value = text.trim() === '' ? null : text.trim();
      const held = line.coding?.row[dimension]?.value ?? null;
      const shown = line.coding?.resolved.find((entry) => entry.dimension === dimension)?.value ?? null;
      if (value === held || (value !== null && value === shown)) {
        get().setCodingText(key, dimension, null);
        return;
      }
      const seq = (tracking.codeSeq[key] = (tracking.codeSeq[key] ?? 0) + 1);
      const result = await ask(key, { defaulting: 'keep', place: 'grid', change: { dimension, value } });
      if (!result || tracking.codeSeq[key] !== seq) return;
      const fieldKey = codingFieldKey(key, dimension);
      if (!result.ok) {
        set((state) => ({ fieldErrors: { ...state.fieldErrors, [fieldKey]: result.error.message } }));
        return;
      }
      const verdict = result.value.change;
      if (verdict && !verdict.allowed) {
        set((state) => ({ fieldErrors: { ...state.fieldErrors, [fieldKey]: verdict.reason } }));
        return;
      }
      // Taken: the cell shows the row's value again, now with its level. Refused, it keeps what was typed beside the reason.
      get().setCodingText(key, dimension, null);
      set(edited());
      absorb(key, result.value);
    },

    askCoding(key, question) {
      return ask(key, question);
    },

    applyCoding(key, result, fields) {
      const before = get().lines.find((line) => line.key === key);
      if (!before) return;
      const glAccount = normalCode(fields.glAccount);
      const costCenter = normalCode(fields.costCenter);
      const glTyped = glAccount !== normalCode(before.glAccount);
      const ccTyped = costCenter !== normalCode(before.costCenter);
      set((state) => ({
        ...mapLine(key, (line) => ({
          ...line,
          coding: { ...lineCodingOf(result), invoiced: line.coding?.invoiced ?? false },
          ...(glTyped ? { glAccount, glFromCoding: false } : {}),
          ...(ccTyped ? { costCenter, costCenterEntered: costCenter !== '' } : {}),
        }))(state),
        fieldErrors: withoutKeys(state.fieldErrors, [
          ...Object.keys(state.fieldErrors).filter((field) => field.startsWith(`line:${key}:coding:`)),
          lineFieldKey(key, 'glAccount'),
        ]),
        problems: state.problems.filter((problem) => !problem.key.startsWith(`line:${key}:coding:`)),
        ...edited(),
      }));
      if (glTyped) void get().judge(key, 'glAccount');
      if (ccTyped) void get().judge(key, 'costCenter');
      // Whatever else the box did, the row's purchase account may now fill a blank G/L account.
      if (!glTyped) absorb(key, result);
    },

    openCodingBox(key, opened = 'asked') {
      if (!get().lines.some((line) => line.key === key)) return;
      set({ codingBox: { key, opened } });
    },

    closeCodingBox() {
      set({ codingBox: null });
    },

    setOrganisation(code) {
      if (code === get().organisationCode) return;
      set({ organisationCode: code, ...edited() });
      void useCodingSetupStore.getState().load(code);
      void get().recodeLines();
    },

    setHeaderCoding(dimension, value) {
      const trimmed = value.trim();
      const headerCoding = { ...get().headerCoding };
      if (trimmed === '') delete headerCoding[dimension];
      else headerCoding[dimension] = trimmed;
      set({ headerCoding, ...edited() });
      void get().recodeLines();
    },

    async applyHeaderCoding(values) {
      if (sameHeaderCoding(values, get().headerCoding)) return;
      set((state) => ({
        headerCoding: { ...values },
        fieldErrors: withoutKeys(
          state.fieldErrors,
          Object.keys(state.fieldErrors).filter((field) => field.startsWith(HEADER_CODING_KEY_PREFIX)),
        ),
        problems: state.problems.filter((problem) => !problem.key.startsWith(HEADER_CODING_KEY_PREFIX)),
        ...edited(),
      }));
      // In order, as recodeLines does; 'keep': nothing the row holds is defaulted again, only resolved over the new header.
      for (const line of get().lines) {
        if (isBlankLine(line) || line.coding?.invoiced) continue;
        await get().codeLine(line.key, 'keep');
      }
    },
  };
};
