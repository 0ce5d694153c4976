import type { AppError, AppErrorCode } from '../../shared/result';

/** What the audit log should record about a refusal beyond its message; never sent to the renderer. */
export interface RefusalAudit {
  rule: string;
  lineId?: number | null;
  lineNumber?: number | null;
  before?: string | null;
  after?: string | null;
}

/** A refusal a person should read. The IPC layer turns it into a typed error result. */
export class AppFailure extends Error {
  readonly error: AppError;
  audit: RefusalAudit | undefined;

  constructor(code: AppErrorCode, message: string, field?: string) {
    super(message);
    this.error = field === undefined ? { code, message } : { code, message, field };
  }

  withAudit(audit: RefusalAudit): this {
    this.audit = audit;
    return this;
  }
}

export const refused = (message: string, field?: string) => new AppFailure('refused', message, field);
export const forbidden = (message: string) => new AppFailure('forbidden', message);
export const notFound = (message: string) => new AppFailure('not-found', message);
export const conflict = (message: string) => new AppFailure('conflict', message);
export const notSignedIn = () => new AppFailure('not-signed-in', 'Sign in first.');
