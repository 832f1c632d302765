// The shortcuts that let detectors skip work must never change what they find: the first-name
// filter in front of the lexicon, and the native search that skips detectors with nothing to do.
import { describe, expect, it } from 'vitest';
import { firstNameList, mayBeFirstNameHash } from '../../../src/core/classifier/names';
import { findPersons, tokenize } from '../../../src/core/classifier/person';
import { NextMatch } from '../../../src/core/classifier/text';
import { classify } from '../../../src/core/classifier/index';

describe('first-name filter', () => {
  it('lets every ASCII first name through, in any case, by the hash the tokenizer computes', () => {
    let checked = 0;
    for (const name of firstNameList()) {
      if (!/^[a-z'-]+$/.test(name) || !/^[a-z]/.test(name)) continue;
      for (const form of [name, name.toUpperCase(), name[0]!.toUpperCase() + name.slice(1)]) {
        const toks = tokenize(form, 0, form.length);
        if (toks.length !== 1 || toks[0]!.e !== form.length) continue; // possessive-looking ("...'s")
        expect(mayBeFirstNameHash(toks[0]!.gh), form).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20000);
  });

  it('stops most ordinary words', () => {
    const words = 'join our free community talk on living with anxiety this weekend bring a friend coffee is on us'.split(' ');
    const passed = words.filter((w) => mayBeFirstNameHash(tokenize(w, 0, w.length)[0]!.gh));
    expect(passed.length).toBeLessThan(words.length / 3);
  });

  it('still finds lower-case and hyphenated first names', () => {
    const hits = (t: string) => {
      const out: Parameters<typeof findPersons>[3] = [];
      findPersons(t, 0, t.length, out);
      return out.map((h) => t.slice(h.start, h.end));
    };
    expect(hits('happy birthday jessica, see you soon')).toContain('jessica');
    expect(hits('We met Jean-Luc Moreau at the workshop.')).toContain('Jean-Luc Moreau');
    expect(hits('Thank you so much, Zoë! See you Friday.')).toContain('Zoë');
  });
});

describe('NextMatch', () => {
  it('answers for consecutive, repeated and earlier ranges', () => {
    const text = 'abc 1 defgh 22 ijk';
    const m = new NextMatch(text, /[0-9]/g);
    expect(m.inRange(0, 4)).toBe(false);
    expect(m.inRange(4, 5)).toBe(true);
    expect(m.inRange(5, 12)).toBe(false); // the next digit is at 12
    expect(m.inRange(5, 13)).toBe(true);
    expect(m.inRange(14, 18)).toBe(false);
    expect(m.inRange(0, 18)).toBe(true);
    expect(m.inRange(13, 14)).toBe(true);
  });

  it('keeps emails and phones found in every chunk of a long text', () => {
    const filler = 'A quiet paragraph about our community garden and its volunteers. '.repeat(600);
    const text = `${filler}Write to kim.lee@example.com ${filler}or call (415) 555-0134 ${filler}`;
    const c = classify(text);
    expect(c.counts.email).toBe(1);
    expect(c.counts.phone).toBe(1);
  });
});
