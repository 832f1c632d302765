import { describe, expect, it } from 'vitest';
import { RETRY_BASE_MS, RETRY_CAP_MS, retryDelayMs } from '../../../src/core/policy/backoff';

describe('retryDelayMs', () => {
  it('doubles per attempt between half and all of the step', () => {
    for (let attempt = 1; attempt <= 8; attempt++) {
      const step = RETRY_BASE_MS * 2 ** (attempt - 1);
      expect(retryDelayMs(attempt, () => 0)).toBe(step / 2);
      expect(retryDelayMs(attempt, () => 1)).toBe(step);
      const mid = retryDelayMs(attempt, () => 0.5);
      expect(mid).toBeGreaterThan(step / 2);
      expect(mid).toBeLessThan(step);
    }
  });

  it('stops growing at the cap', () => {
    expect(retryDelayMs(30, () => 1)).toBe(RETRY_CAP_MS);
    expect(retryDelayMs(1000, () => 1)).toBe(RETRY_CAP_MS);
    expect(retryDelayMs(1000, () => 0)).toBe(RETRY_CAP_MS / 2);
  });

  it('spreads devices out (jitter) and tolerates odd random values', () => {
    const delays = new Set(Array.from({ length: 50 }, () => retryDelayMs(5)));
    expect(delays.size).toBeGreaterThan(10);
    expect(retryDelayMs(0, () => 2)).toBe(RETRY_BASE_MS);
    expect(retryDelayMs(1, () => -1)).toBe(RETRY_BASE_MS / 2);
  });
});
