// When to try the audit endpoint again after a failure: exponential, capped, with jitter so that
// a practice's devices do not all retry in the same second after an outage.

export const RETRY_BASE_MS = 2_000;
export const RETRY_CAP_MS = 30 * 60_000;

/**
 * Delay before retry number `attempt` (1 = first retry). "Equal jitter": half the exponential
 * step is fixed, half random, so the delay never collapses to zero and still spreads out.
 * Chrome runs packed extensions' alarms at most every 30 s, so in the field the first few
 * steps become 30 s; unpacked builds (tests) get the short steps.
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const step = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** Math.max(0, Math.min(attempt, 30) - 1));
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(step / 2 + (step / 2) * r);
}
