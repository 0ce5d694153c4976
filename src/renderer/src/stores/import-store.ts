import { create } from 'zustand';
import type { ImportKind, ImportOutcome, ImportPreview, ImportProgress, ImportRowError } from '../../../shared/import-schemas';
import { IMPORT_ERRORS_PAGE } from '../../../shared/import-schemas';
import type { AppError } from '../../../shared/result';
import { downloadCsv } from '../components/download';
import { api } from '../api';
import { useSessionStore } from './session-store';

export type ImportStage = 'choose' | 'sending' | 'checking' | 'preview' | 'writing' | 'done';
export type ImportField = 'kind' | 'file';

interface ImportState {
  kind: ImportKind | '';
  file: File | null;
  stage: ImportStage;
  jobId: string | null;
  progress: ImportProgress | null;
  preview: ImportPreview | null;
  errorsPage: { offset: number; total: number; errors: ImportRowError[] } | null;
  outcome: ImportOutcome | null;
  /** A refusal that names no field (the write refused, the desk unreachable). */
  problem: string | null;
  fieldErrors: Partial<Record<ImportField, string>>;

  setKind(kind: ImportKind | ''): void;
  setFile(file: File | null): void;
  /** Sends the file and checks it; answers whether a preview came back. */
  check(): Promise<boolean>;
  pageErrors(offset: number): Promise<void>;
  commit(choice: 'all-or-nothing' | 'valid-rows'): Promise<void>;
  downloadRejected(): Promise<void>;
  startAgain(): void;
}

const START = { stage: 'choose', jobId: null, progress: null, preview: null, errorsPage: null, outcome: null, problem: null, fieldErrors: {} } satisfies Partial<ImportState>;
const POLL_MS = 150;

/** Asks main how far the job is while `work` runs, so the bar moves while a large file is checked or written. */
async function withPolling<T>(jobId: string, onProgress: (progress: ImportProgress) => void, work: () => Promise<T>): Promise<T> {
  let running = true;
  const poll = async () => {
    while (running) {
      const answer = await api.importProgress({ jobId });
      if (running && answer.ok) onProgress(answer.value);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  };
  void poll();
  try {
    return await work();
  } finally {
    running = false;
  }
}

/** One import at a time: the kind and file chosen, the upload, main's preview, and the write. */
export const useImportStore = create<ImportState>()((set, get) => {
  const refused = (error: AppError, stage: ImportStage) => {
    if (error.code === 'not-signed-in') void useSessionStore.getState().refreshOperator();
    set({ stage, problem: error.message });
  };
  const discardJob = () => {
    const jobId = get().jobId;
    if (jobId) void api.discardImport({ jobId });
  };
  return {
    kind: '',
    file: null,
    ...START,

    setKind(kind) {
      set((state) => ({ kind, fieldErrors: { ...state.fieldErrors, kind: undefined } }));
    },

    setFile(file) {
      set((state) => ({ file, fieldErrors: { ...state.fieldErrors, file: undefined } }));
    },

    async check() {
      const { kind, file } = get();
      const fieldErrors: Partial<Record<ImportField, string>> = {};
      if (kind === '') fieldErrors.kind = 'Choose what the file holds.';
      if (!file) fieldErrors.file = 'Choose the CSV file to import.';
      if (kind === '' || !file) {
        set({ fieldErrors, problem: null });
        return false;
      }
      discardJob();
      set({ ...START, stage: 'sending', progress: { jobId: '', phase: 'receiving', done: 0, total: file.size, message: `Reading ${file.name}.` } });
      let text: string;
      try {
        text = await file.text();
      } catch {
        set({ stage: 'choose', fieldErrors: { file: `${file.name} could not be read; choose it again.` } });
        return false;
      }
      const begun = await api.beginImport({ kind, fileName: file.name, totalChars: text.length });
      if (!begun.ok) {
        if (begun.error.field === 'totalChars' || begun.error.issues?.some((issue) => issue.path === 'totalChars')) set({ stage: 'choose', fieldErrors: { file: begun.error.issues?.[0]?.message ?? begun.error.message } });
        else refused(begun.error, 'choose');
        return false;
      }
      const { jobId, chunkChars } = begun.value;
      set({ jobId });
      for (let offset = 0; offset < text.length || offset === 0; offset += chunkChars) {
        const sent = await api.sendImportChunk({ jobId, offset, text: text.slice(offset, offset + chunkChars) });
        if (!sent.ok) {
          refused(sent.error, 'choose');
          return false;
        }
        set({ progress: { jobId, phase: 'receiving', done: sent.value.received, total: sent.value.total, message: `Sending ${file.name}: ${Math.round((100 * sent.value.received) / Math.max(1, sent.value.total))}%.` } });
        if (text.length === 0) break;
      }
      set({ stage: 'checking' });
      const checked = await withPolling(jobId, (progress) => set({ progress }), () => api.checkImport({ jobId }));
      if (!checked.ok) {
        refused(checked.error, 'choose');
        return false;
      }
      const preview = checked.value;
      set({ stage: 'preview', preview, progress: null, errorsPage: { offset: 0, total: preview.errorCount, errors: preview.errors } });
      return true;
    },

    async pageErrors(offset) {
      const jobId = get().jobId;
      if (!jobId) return;
      const page = await api.importErrors({ jobId, offset, limit: IMPORT_ERRORS_PAGE });
      if (page.ok) set({ errorsPage: page.value });
      else refused(page.error, get().stage);
    },

    async commit(choice) {
      const jobId = get().jobId;
      if (!jobId || get().stage !== 'preview') return;
      set({ stage: 'writing', problem: null, progress: { jobId, phase: 'writing', done: 0, total: get().preview?.validCount ?? 0, message: 'Writing…' } });
      const written = await withPolling(jobId, (progress) => set({ progress }), () => api.commitImport({ jobId, choice }));
      if (!written.ok) {
        refused(written.error, 'preview');
        set({ progress: null });
        return;
      }
      set({ stage: 'done', outcome: written.value, progress: null });
    },

    async downloadRejected() {
      const jobId = get().jobId;
      if (!jobId) return;
      const file = await api.rejectedImportRows({ jobId });
      if (file.ok) downloadCsv(file.value.fileName, file.value.csv);
      else refused(file.error, get().stage);
    },

    startAgain() {
      discardJob();
      set({ ...START, file: null });
    },
  };
});

// Another operator signing in on this desk starts afresh.
useSessionStore.subscribe((state, previous) => {
  if (state.operator?.id !== previous.operator?.id) useImportStore.setState({ ...START, kind: '', file: null });
});
