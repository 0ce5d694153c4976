import { randomBytes } from 'node:crypto';
import type { ImportPhase, ImportProgress } from '../../shared/import-schemas';
import type { ImportChoice, ImportValidation, ParsedCsv, RowError } from '../domain/admin/import-validation';
import type { MasterKind } from '../domain/admin/master-data-rules';
import type { LocaleCode } from '../../shared/locales';
import { notFound } from './app-failure';
import type { Desk } from './desk';

/**
 * Imports in progress, in this process's memory, by desk and job id: the file arrives in chunks,
 * is checked, previewed and written by later calls, and `importProgress` reads how far a job is
 * while another call works on it. A job belongs to the session that began it; a session has one at
 * a time, and a job nobody touched for half an hour is dropped. Nothing here is stored: a desk that
 * restarts forgets its imports, and the admin chooses the file again.
 */

export interface ImportJob {
  id: string;
  kind: MasterKind;
  fileName: string;
  sessionKey: string;
  operatorId: number;
  totalChars: number;
  chunks: string[];
  received: number;
  phase: ImportPhase;
  done: number;
  total: number;
  message: string;
  /** A call is reading, checking or writing the job; a second one is refused meanwhile. */
  busy: boolean;
  touchedAt: number;
  delimiter: string;
  locale: LocaleCode | null;
  /** The file as read, kept to check again inside the write's transaction. */
  parsed: ParsedCsv | null;
  /** What the CSV parser itself refused (quotes). */
  csvProblems: RowError[];
  validation: ImportValidation<unknown> | null;
  /** The lines of the valid rows when the preview was shown: a write that finds others refuses. */
  previewValidLines: number[] | null;
  lastChoice: ImportChoice | null;
}

const IDLE_MS = 30 * 60 * 1000;
const jobsByDesk = new WeakMap<Desk, Map<string, ImportJob>>();

function jobsOf(desk: Desk): Map<string, ImportJob> {
  let jobs = jobsByDesk.get(desk);
  if (!jobs) {
    jobs = new Map();
    jobsByDesk.set(desk, jobs);
  }
  const now = Date.now();
  for (const [id, job] of jobs) if (!job.busy && now - job.touchedAt > IDLE_MS) jobs.delete(id);
  return jobs;
}

export function createJob(desk: Desk, fields: Pick<ImportJob, 'kind' | 'fileName' | 'sessionKey' | 'operatorId' | 'totalChars'>): ImportJob {
  const jobs = jobsOf(desk);
  for (const [id, job] of jobs) if (job.sessionKey === fields.sessionKey && !job.busy) jobs.delete(id);
  const job: ImportJob = {
    ...fields,
    id: randomBytes(12).toString('base64url'),
    chunks: [],
    received: 0,
    phase: 'receiving',
    done: 0,
    total: fields.totalChars,
    message: `Receiving ${fields.fileName}.`,
    busy: false,
    touchedAt: Date.now(),
    delimiter: ',',
    locale: null,
    parsed: null,
    csvProblems: [],
    validation: null,
    previewValidLines: null,
    lastChoice: null,
  };
  jobs.set(job.id, job);
  return job;
}

/** The session's job, or why there is none; another session's job is not told apart from a missing one. */
export function jobOf(desk: Desk, sessionKey: string, jobId: string): ImportJob {
  const job = jobsOf(desk).get(jobId);
  if (!job || job.sessionKey !== sessionKey) throw notFound('This import is no longer open (it was finished, dropped, or left for half an hour); choose the file again.');
  job.touchedAt = Date.now();
  return job;
}

export function dropJob(desk: Desk, sessionKey: string, jobId: string): boolean {
  const jobs = jobsOf(desk);
  const job = jobs.get(jobId);
  if (!job || job.sessionKey !== sessionKey || job.busy) return false;
  return jobs.delete(jobId);
}

export function setProgress(job: ImportJob, phase: ImportPhase, done: number, total: number, message: string): void {
  job.phase = phase;
  job.done = done;
  job.total = total;
  job.message = message;
  job.touchedAt = Date.now();
}

export const progressOf = (job: ImportJob): ImportProgress => ({ jobId: job.id, phase: job.phase, done: job.done, total: job.total, message: job.message });

/**
 * Lets the event loop answer other calls — above all `importProgress` — between slices of work.
 * better-sqlite3 answers at once, so without this a whole import would run in one turn.
 */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
