import { describe, expect, it } from 'vitest';
import { classify, warmUp } from '../../../src/core/classifier/index';

describe('warmUp', () => {
  it('runs in small steps to the end and leaves every answer as it was', () => {
    const text = 'My client Dana Brown (dana@example.com) talked about her depression.';
    const before = JSON.stringify(classify(text));
    let steps = 0;
    const gen = warmUp();
    while (!gen.next().done) steps++;
    // The lexicon lists one by one, then the sample classifications, each its own step.
    expect(steps).toBeGreaterThanOrEqual(8);
    expect(JSON.stringify(classify(text))).toBe(before);
    expect(classify('Join our free workshop on container gardening.').verdict).toBe('none');
  });
});
