/** How long to wait before each new try at a server that did not answer. */
export interface RetryPolicy {
  firstDelayMs: number;
  maxDelayMs: number;
}

/** Quick at first, so a short restart goes unnoticed; then every few seconds, not a flood. */
export const DEFAULT_RETRY: RetryPolicy = { firstDelayMs: 500, maxDelayMs: 10_000 };

/**
 * The pause before try number `attempt` (0 first): doubling from the first delay up to the cap,
 * spread by ±20 % so the workstations of a team do not all knock again at the same instant.
 */
export function retryDelayMs(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const doubled = policy.firstDelayMs * 2 ** Math.min(Math.max(attempt, 0), 30);
  const capped = Math.min(doubled, policy.maxDelayMs);
  return Math.round(capped * (0.8 + 0.4 * random()));
}
