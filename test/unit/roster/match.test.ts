// Matching: one mention of a client's email, phone or given name + surname is enough; a given
// name alone, a surname alone or somebody else never is.
import { describe, expect, it } from 'vitest';
import { RosterKeyMismatchError, createRosterMatcher, hashRoster, HashedRosterMatcher, type RosterEntry } from '../../../src/core/roster';

const KEY = new Uint8Array(32).map((_, i) => i * 7 + 1);
const OTHER_KEY = new Uint8Array(32).map((_, i) => i * 11 + 3);

function entry(first: string, last: string, extra: Partial<RosterEntry> = {}): RosterEntry {
  return { firstNames: [first], lastName: last, emails: [], phones: [], dob: null, ...extra };
}

const ROSTER: RosterEntry[] = [
  entry('Jane', 'Doe', { emails: ['Jane.Doe@gmail.com'], phones: ['(212) 555-0147'], dob: '1985-03-14' }),
  entry('José Ángel', 'García López', { emails: ['jgarcia@example.org'] }),
  entry('Ana', 'de la Cruz'),
  entry('Siobhán', "O'Brien"),
  entry('Will', 'Young'),
  entry('Mary Ann', 'Smith-Jones', { phones: ['+44 20 7946 0958'] }),
  entry('Minh', 'Le'),
  entry('Emma', 'Love'),
  entry('', '', { emails: ['only.email@example.com'] }),
];

const matcher = createRosterMatcher(hashRoster(ROSTER, KEY), KEY);
const types = (text: string) => matcher.match(text).map((m) => m.type);

describe('roster matcher: positives', () => {
  it('matches an email in any case, and Gmail with dots or +tags', () => {
    for (const text of ['write to jane.doe@gmail.com', 'JANE.DOE@GMAIL.COM', 'janedoe+therapy@gmail.com', 'j.a.n.e.d.o.e@googlemail.com', '<jgarcia@EXAMPLE.org>.', 'only.email@example.com']) {
      expect(types(text), text).toEqual(['email']);
    }
  });

  it('matches a phone number written in many ways', () => {
    for (const text of [
      'call 212-555-0147',
      'call (212) 555-0147 today',
      'cell: 212.555.0147',
      '+1 212 555 0147',
      '1-212-555-0147',
      'tel:+12125550147',
      '2125550147',
      'born 1985 212 555 0147',
      '+44 20 7946 0958',
    ]) {
      expect(types(text), text).toEqual(['phone']);
    }
  });

  it('matches "First Last", "Last, First", middle names and initials, case and accents aside', () => {
    for (const text of [
      'Thanks Jane Doe for the lovely review!',
      'thanks jane doe',
      'JANE DOE',
      'Doe, Jane',
      'Doe,Jane',
      'Jane,Doe,1985', // a pasted CSV row
      'Jane Q. Doe',
      'Jane Q Doe',
      'Jane Quinn Doe',
      'Jose Garcia',
      'José García López',
      'JOSE LOPEZ',
      'García López, José',
      'Ana de la Cruz',
      'Ana Cruz',
      'de la Cruz, Ana',
      'Ana DeLaCruz',
      'Siobhan OBrien',
      "siobhán o'brien",
      'Siobhán O’Brien',
      'Mary Ann Smith-Jones',
      'Mary Smith',
      'Mary Jones',
      'MaryAnn Smith-Jones',
      'Minh Le',
      'Will Young', // "will" is a stop word, re-enabled because a client is called Will
      'emma love', // "love" is a common word, not a function word: re-enabled in any case
    ]) {
      expect(types(text), text).toEqual(['person']);
    }
  });

  it('finds several clients in one text, each once', () => {
    const found = matcher.match('Jane Doe, Ana Cruz and Jane Doe again; jane.doe@gmail.com');
    expect(found.map((f) => f.type).sort()).toEqual(['email', 'person', 'person']);
  });

  it('reports the date of birth only next to another match', () => {
    expect(types('born 03/14/1985')).toEqual([]);
    expect(types('Jane Doe, born 03/14/1985').sort()).toEqual(['dob', 'person']);
    expect(types('Jane Doe, born March 14, 1985').sort()).toEqual(['dob', 'person']);
  });
});

describe('roster matcher: negatives', () => {
  it('never matches a given name or a surname alone', () => {
    for (const text of ['Jane', 'Thanks Jane!', 'Doe', 'Mr. Doe called', 'Ana', 'Cruz', 'de la Cruz', 'García', 'López', 'Mary', 'Le', 'Young']) {
      expect(matcher.match(text), text).toEqual([]);
    }
  });

  it('does not match other people or names split apart', () => {
    for (const text of [
      'Jane Smith and John Doe',
      'Jane Smith',
      'John Doe',
      'Jane.\nDoe', // different sentences
      'Jane likes Doe',
      'Jane and Doe',
      'Ana María Teresa Cruz', // two middle words
      'Maria Cruz',
      'Jose Martinez',
      'I will do it, young man', // function word in lower case is not a name
      'will young',
      'I love Emma', // wrong order, no comma
      'Smith-Jones, Peter',
    ]) {
      expect(matcher.match(text), text).toEqual([]);
    }
  });

  it('does not match other emails or numbers', () => {
    for (const text of [
      'jane.doe@yahoo.com',
      'janedoe@example.com',
      'jane.doe+x@example.org',
      '212-555-0148',
      '555-0147',
      'order 2125550147999',
      'ID12125550147',
      '@janedoe',
    ]) {
      expect(matcher.match(text), text).toEqual([]);
    }
  });
});

describe('roster matcher: output', () => {
  it('masks what it found and never returns the raw value', () => {
    expect(matcher.match('Thanks Jane Doe!')).toEqual([{ type: 'person', masked: 'J*** D**' }]);
    expect(matcher.match('Doe, Jane')).toEqual([{ type: 'person', masked: 'D**, J***' }]);
    expect(matcher.match('mail jane.doe@gmail.com')).toEqual([{ type: 'email', masked: 'j***@g****.com' }]);
    expect(matcher.match('(212) 555-0147')).toEqual([{ type: 'phone', masked: '(***) ***-**47' }]);
    for (const m of matcher.match('Jane Doe jane.doe@gmail.com 212-555-0147 03/14/1985')) {
      expect(m.masked).not.toMatch(/Jane|Doe|jane\.doe|555|1985|03\/14/i);
    }
  });

  it('hashes a bounded number of candidates per word (linear in the text)', () => {
    const m = new HashedRosterMatcher(hashRoster(ROSTER, KEY), KEY);
    const words = 'Alice Bob Carol Dave Erin Frank Grace Heidi Ivan Judy'.split(' ');
    const text = (n: number) => Array.from({ length: n }, (_, i) => words[i % words.length]).join(' ');
    m.match(text(100));
    const per100 = m.hashesComputed;
    m.hashesComputed = 0;
    m.match(text(1000));
    expect(m.hashesComputed).toBeLessThanOrEqual(per100 * 10 + 5);
    expect(m.hashesComputed / 1000).toBeLessThanOrEqual(3);
  });

  it('reports the roster size and handles empty input', () => {
    expect(matcher.size).toBe(ROSTER.length);
    expect(matcher.match('')).toEqual([]);
  });
});

describe('keys', () => {
  it('refuses a roster hashed with another key', () => {
    expect(() => createRosterMatcher(hashRoster(ROSTER, KEY), OTHER_KEY)).toThrow(RosterKeyMismatchError);
  });
});

describe('roster matcher: possessives and positions', () => {
  it("ends a name at a possessive 's, and keeps O'Brien whole", () => {
    expect(types("Jane Doe's progress")).toEqual(['person']);
    expect(types('Jane Doe’s progress')).toEqual(['person']);
    expect(types("Siobhán O'Brien's notes")).toEqual(['person']);
    expect(types("Jane Doe'sx")).toEqual([]);
  });

  it('gives the position of every mention, repeats included', () => {
    const text = 'so glad jane doe liked it; jane doe said so, call 212-555-0147';
    const spans = (matcher as HashedRosterMatcher).matchSpans(text);
    expect(spans.map((s) => [s.type, text.slice(s.start, s.end)])).toEqual([
      ['person', 'jane doe'],
      ['person', 'jane doe'],
      ['phone', '212-555-0147'],
    ]);
    expect((matcher as HashedRosterMatcher).matchSpans("nobody here")).toEqual([]);
  });
});
