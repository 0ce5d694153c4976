import { useCallback, useEffect, useRef, useState } from 'react';
import type { CodeRowResult, ResolvedDimension } from '../../../../../shared/coding-schemas';
import { usePoEntryStore } from '../../../stores/po-entry-store';
import { codingFieldKey } from '../field-ids';
import type { LineDraft } from '../line-rules';

export interface CodingDraft {
  status: 'reading' | 'ready' | 'unavailable';
  /** Why the coding cannot be shown (no vendor yet, main unreachable). */
  message: string | null;
  result: CodeRowResult | null;
  /** What is typed in each field, by dimension, until main has judged it. */
  texts: Record<string, string>;
  /** Refusals beside each dimension: a change refused, or the last save's. */
  errors: Record<string, string>;
  glAccount: string;
  costCenter: string;
  /** Something was changed here: Apply has something to apply. */
  changed: boolean;
}

const valueOf = (result: CodeRowResult | null, dimension: string): string => result?.resolved.find((entry) => entry.dimension === dimension)?.value ?? '';

/**
 * The coding box's draft: main resolves the row as the box stands after every field the operator
 * leaves (codeRow with place 'coding-box'), nothing reaches the line until Apply. A change main
 * refuses keeps what was typed, with main's reason beside the field.
 */
export function useCodingDraft(line: LineDraft) {
  const askCoding = usePoEntryStore((s) => s.askCoding);
  const saveErrors = usePoEntryStore((s) => s.fieldErrors);
  const [draft, setDraft] = useState<CodingDraft>(() => {
    const prefix = codingFieldKey(line.key, '');
    const errors: Record<string, string> = {};
    for (const [key, message] of Object.entries(saveErrors)) if (key.startsWith(prefix)) errors[key.slice(prefix.length)] = message;
    return { status: 'reading', message: null, result: null, texts: {}, errors, glAccount: line.glAccount, costCenter: line.costCenter, changed: false };
  });
  const latest = useRef(draft);
  latest.current = draft;
  /** Every question still on its way, so Apply waits for the last answer. */
  const pending = useRef<Promise<void>>(Promise.resolve());

  const distribution = (state: CodingDraft) => ({
    glAccountCode: state.glAccount.trim() === '' || (line.glFromCoding && state.glAccount === line.glAccount) ? null : state.glAccount.trim().toUpperCase(),
    costCenterCode: state.costCenter.trim() === '' || (!line.costCenterEntered && state.costCenter === line.costCenter) ? null : state.costCenter.trim().toUpperCase(),
  });

  const run = useCallback((work: () => Promise<void>) => {
    pending.current = pending.current.then(work, work);
    return pending.current;
  }, []);

  useEffect(() => {
    void run(async () => {
      const answer = await askCoding(line.key, { defaulting: line.coding ? 'keep' : 'default', place: 'coding-box', current: line.coding?.row ?? {} });
      if (!answer) {
        setDraft((state) => ({ ...state, status: 'unavailable', message: 'Choose the PO’s vendor first: the coding depends on it.' }));
        return;
      }
      if (!answer.ok) {
        setDraft((state) => ({ ...state, status: 'unavailable', message: answer.error.message }));
        return;
      }
      setDraft((state) => ({ ...state, status: 'ready', result: answer.value }));
    });
    // Read once when the box opens, for the line it opened for.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const setText = (dimension: string, text: string) =>
    setDraft((state) => {
      const errors = { ...state.errors };
      delete errors[dimension];
      return { ...state, texts: { ...state.texts, [dimension]: text }, errors };
    });

  /** A field left: main judges it against the draft so far. */
  const commit = (entry: ResolvedDimension, text: string) =>
    run(async () => {
      const state = latest.current;
      const typed = text.trim();
      const current = state.result?.row ?? {};
      if (entry.editAt !== 'po-row') {
        const field = entry.editAt === 'glAccountCode' ? 'glAccount' : 'costCenter';
        const next = { ...state, [field]: typed.toUpperCase() };
        const answer = await askCoding(line.key, { defaulting: 'keep', place: 'coding-box', current, distribution: distribution(next) });
        if (!answer?.ok) {
          setDraft((now) => ({ ...now, errors: { ...now.errors, [entry.dimension]: answer ? answer.error.message : 'Choose the PO’s vendor first.' } }));
          return;
        }
        const texts = { ...latest.current.texts };
        delete texts[entry.dimension];
        setDraft((now) => ({ ...now, [field]: typed.toUpperCase(), texts, result: answer.value, changed: true }));
        return;
      }
      if (typed.toLowerCase() === valueOf(state.result, entry.dimension).toLowerCase()) {
        const texts = { ...state.texts };
        delete texts[entry.dimension];
        setDraft((now) => ({ ...now, texts }));
        return;
      }
      const answer = await askCoding(line.key, {
        defaulting: 'keep',
        place: 'coding-box',
        current,
        distribution: distribution(state),
        change: { dimension: entry.dimension, value: typed === '' ? null : typed },
      });
      if (!answer?.ok) {
        setDraft((now) => ({ ...now, errors: { ...now.errors, [entry.dimension]: answer ? answer.error.message : 'Choose the PO’s vendor first.' } }));
        return;
      }
      const verdict = answer.value.change;
      if (verdict && !verdict.allowed) {
        setDraft((now) => ({ ...now, errors: { ...now.errors, [entry.dimension]: verdict.reason } }));
        return;
      }
      setDraft((now) => {
        const texts = { ...now.texts };
        delete texts[entry.dimension];
        return { ...now, texts, result: answer.value, changed: true };
      });
    });

  /** Waits for every answer; the draft as it then stands. */
  const settled = async (): Promise<CodingDraft> => {
    await pending.current;
    return latest.current;
  };

  return { draft, setText, commit, settled };
}
