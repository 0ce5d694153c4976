import type { OperatorSummary } from '../../../shared/contracts';

/** Supervisors and admins review; a copy is kept only for them. */
export const reviews = (operator: Pick<OperatorSummary, 'role'>): boolean => operator.role === 'supervisor' || operator.role === 'admin';

/**
 * Who is signed in on which renderer session of this workstation, as the team server's answers
 * said (sign-in, current operator, sign-out). The tokens themselves stay in the TeamClient; this
 * only lets the copy and the replay act for the right supervisor.
 */
export class SignedInSessions {
  /** Insertion order is sign-in order: the last one is the newest. */
  private readonly byKey = new Map<string, OperatorSummary>();

  signedIn(sessionKey: string, operator: OperatorSummary): void {
    this.byKey.delete(sessionKey);
    this.byKey.set(sessionKey, operator);
  }

  /** The server still knows the session: the operator's summary may have changed (a locale), the sign-in order stays. */
  confirmed(sessionKey: string, operator: OperatorSummary): void {
    if (this.byKey.has(sessionKey)) this.byKey.set(sessionKey, operator);
    else this.signedIn(sessionKey, operator);
  }

  gone(sessionKey: string): void {
    this.byKey.delete(sessionKey);
  }

  operatorOf(sessionKey: string): OperatorSummary | undefined {
    return this.byKey.get(sessionKey);
  }

  /** The newest session of this operator, to send their decisions and fetch their copy under. */
  sessionOf(operatorId: number): string | undefined {
    let found: string | undefined;
    for (const [key, operator] of this.byKey) if (operator.id === operatorId) found = key;
    return found;
  }

  /** The reviewer signed in last, for a shell call that does not say which window asks. */
  newestReviewerSession(): string | undefined {
    let found: string | undefined;
    for (const [key, operator] of this.byKey) if (reviews(operator)) found = key;
    return found;
  }

  /** Each reviewer signed in here, once. */
  reviewers(): OperatorSummary[] {
    const seen = new Map<number, OperatorSummary>();
    for (const operator of this.byKey.values()) if (reviews(operator)) seen.set(operator.id, operator);
    return [...seen.values()];
  }
}
