import { describe, expect, it } from 'vitest';
import * as LISTS from '../../../src/core/classifier/lexicon/names.generated';
import { foldCode } from '../../../src/core/classifier/fold';
import {
  LX_AMBIGUOUS,
  LX_COMMON,
  LX_FIRST,
  LX_LAST,
  LX_ORG,
  LX_PLACE,
  NEVER_NAMES,
  firstNameList,
  isAmbiguousName,
  isCommonWord,
  isFirstName,
  isLastName,
  lexiconFlags,
} from '../../../src/core/classifier/names';

/** The front-coded lists decoded the plain way, as the reference the hash table must agree with. */
function decode(coded: string): string[] {
  const out: string[] = [];
  let prev = '';
  for (const entry of coded.split(',')) {
    if (!entry) continue;
    prev = prev.slice(0, parseInt(entry[0] as string, 36)) + entry.slice(1);
    out.push(prev);
  }
  return out;
}

const BITS: Record<keyof typeof LISTS, number> = {
  FIRST_NAMES: LX_FIRST,
  LAST_NAMES: LX_LAST,
  COMMON_WORDS: LX_COMMON,
  AMBIGUOUS_NAMES: LX_AMBIGUOUS,
  PLACE_WORDS: LX_PLACE,
  ORG_WORDS: LX_ORG,
};

describe('name lexicon table', () => {
  it('is stored folded, so its hashes need no folding per character', () => {
    for (const coded of Object.values(LISTS)) {
      for (let i = 0; i < coded.length; i++) expect(foldCode(coded.charCodeAt(i))).toBe(coded.charCodeAt(i));
    }
  });

  it('answers, for every word of every list, exactly the lists it is in', () => {
    const expected = new Map<string, number>();
    for (const [name, coded] of Object.entries(LISTS) as [keyof typeof LISTS, string][]) {
      for (const w of decode(coded)) expected.set(w, (expected.get(w) ?? 0) | BITS[name]);
    }
    for (const w of NEVER_NAMES) if (expected.has(w)) expected.set(w, (expected.get(w) as number) & ~(LX_FIRST | LX_LAST));
    expect(expected.size).toBeGreaterThan(25000);
    let checked = 0;
    for (const [w, f] of expected) {
      const ambiguous = (f & LX_COMMON) !== 0 && (f & (LX_FIRST | LX_LAST)) !== 0 ? LX_AMBIGUOUS : 0;
      if (lexiconFlags(w) !== (f | ambiguous)) expect(lexiconFlags(w), w).toBe(f | ambiguous);
      checked++;
    }
    expect(checked).toBe(expected.size);
  });

  it('knows nothing of words in no list, including near misses of listed ones', () => {
    const listed = new Set(Object.values(LISTS).flatMap(decode));
    const probes = [...listed].slice(0, 5000).flatMap((w) => [w + 'q', w.slice(1), 'x' + w, w + w]).filter((w) => !listed.has(w));
    expect(probes.length).toBeGreaterThan(15000);
    for (const w of probes) if (lexiconFlags(w) !== 0) expect(lexiconFlags(w), w).toBe(0);
    expect(lexiconFlags('')).toBe(0);
  });

  it('keeps the everyday words out of the names and marks names that are also words', () => {
    expect(isFirstName('maria')).toBe(true);
    expect(isLastName('nguyen')).toBe(true);
    expect(isFirstName('the')).toBe(false); // NEVER_NAMES
    expect(isCommonWord('weekend')).toBe(true);
    expect(isAmbiguousName('hope')).toBe(true);
    expect(firstNameList()).toContain('aleksei');
    expect(firstNameList()).not.toContain('the');
  });
});
