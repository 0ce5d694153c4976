/** Every IPC call answers with a Result, so the renderer never has to parse thrown errors. */
export type AppErrorCode =
  | 'invalid-input'
  | 'not-signed-in'
  | 'forbidden'
  | 'not-found'
  | 'refused'
  | 'conflict'
  /** Main needs the operator to confirm (a large PO) before it saves; `confirmation` says what. */
  | 'needs-confirmation'
  /** The desk (a team server, or the page's own server) did not answer; the message says whether anything was saved. */
  | 'unreachable'
  | 'internal';

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. "lines.2.quantityMilli". */
  path: string;
  message: string;
}

export interface AppError {
  code: AppErrorCode;
  message: string;
  /** The form field the error belongs to, so the screen can put focus there. */
  field?: string;
  issues?: FieldIssue[];
  confirmation?: LargePoConfirmation;
}

export interface LargePoConfirmation {
  kind: 'large-po';
  totalMinor: number;
  thresholdMinor: number;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: AppError): Result<never> => ({ ok: false, error });
