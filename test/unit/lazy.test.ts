import { describe, expect, it } from 'vitest';
import { lazy } from '../../src/core/lazy';
import { isLetter, isLower, isUpper } from '../../src/core/classifier/text';

describe('lazy', () => {
  it('makes the value on the first call only and returns the same value after', () => {
    let made = 0;
    const get = lazy(() => ({ n: ++made }));
    expect(made).toBe(0);
    const first = get();
    expect(get()).toBe(first);
    expect(made).toBe(1);
  });

  it('keeps a falsy value instead of making it again', () => {
    let made = 0;
    const get = lazy(() => (made++, undefined));
    get();
    get();
    expect(made).toBe(1);
  });
});

describe('character caches made on first use', () => {
  it('answer the same on the first (uncached) and later (cached) calls', () => {
    // Letters and non-letters of several scripts, in both cases, and surrogate halves.
    const cases: [string, boolean, boolean, boolean][] = [
      ['é', true, false, true],
      ['É', true, true, false],
      ['ß', true, false, true],
      ['Ж', true, true, false],
      ['中', true, false, false],
      ['٣', false, false, false], // Arabic-Indic digit
      ['—', false, false, false],
      ['\u0301', true, false, false], // combining accent: part of a name
      ['\ud83d', true, false, false],
    ];
    for (let round = 0; round < 2; round++) {
      for (const [ch, letter, upper, lower] of cases) {
        const c = ch.charCodeAt(0);
        expect([ch, isLetter(c), isUpper(c), isLower(c)]).toEqual([ch, letter, upper, lower]);
      }
    }
  });
});
