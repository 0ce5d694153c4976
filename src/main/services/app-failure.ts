import type { AppError, AppErrorCode } from '../../shared/result';

/** A refusal a person should read. The IPC layer turns it into a typed error result. */
export class AppFailure extends Error {
  readonly error: AppError;

  constructor(code: AppErrorCode, message: string, field?: string) {
    super(message);
    this.error = field === undefined ? { code, message } : { code, message, field };
  }
}

export const refused = (message: string, field?: string) => new AppFailure('refused', message, field);
export const forbidden = (message: string) => new AppFailure('forbidden', message);
export const notFound = (message: string) => new AppFailure('not-found', message);
export const conflict = (message: string) => new AppFailure('conflict', message);
export const notSignedIn = () => new AppFailure('not-signed-in', 'Sign in first.');
