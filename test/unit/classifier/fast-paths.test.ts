// The shortcuts that let detectors skip work must never change what they find: the first-name
// filter in front of the lexicon, the native search that skips detectors with nothing to do, and
// the per-unit table that folds words without normalize().
import { describe, expect, it } from 'vitest';
import { firstNameList, mayBeFirstNameHash } from '../../../src/core/classifier/names';
import { findPersons, tokenize } from '../../../src/core/classifier/person';
import { NextMatch, foldWord } from '../../../src/core/classifier/text';
import { classify } from '../../../src/core/classifier/index';
import { ORG_CELL, isOrgCell } from '../../../src/core/classifier/analyze';

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

describe('foldWord', () => {
  // What foldWord() promises, written the slow way.
  const reference = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

  it('folds every code unit below U+2000, alone and inside a word, as normalize() does', () => {
    for (let c = 0x80; c < 0x2000; c++) {
      const ch = String.fromCharCode(c);
      for (const w of [ch, `X${ch}`, `${ch}é`, `Ab${ch}${ch}\u0301`]) expect(foldWord(w), `U+${c.toString(16)} in ${w}`).toBe(reference(w));
    }
  });

  it('folds random words from many scripts, marks in any order and Greek sigmas as normalize() does', () => {
    const pool = [
      ...'AZaz09-\'. ',
      ...'ÀÉÎÕÜÇÑØßæœðþÿ',
      ...'ĄĆĘŁŃŚŹŻąćęłńśźżİıŞşĞğŠšŽžŘřŮůŐőǅǈǋ',
      ...'ẠảẤầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹĐđƠơƯư',
      ...'ЙйЁёЇїЎўЖжЩщ',
      ...'ΣσςΆΈΉΊΌΎΏΐΰ',
      ...'\u0300\u0301\u0308\u0323\u0327\u0345\u0483\u0591\u05b0\u093c\u0e31\u1dc0',
      ...'אבעربيक़中한',
    ];
    let seed = 7;
    const rand = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    for (let i = 0; i < 20000; i++) {
      let w = '';
      const len = 1 + rand(12);
      for (let k = 0; k < len; k++) w += pool[rand(pool.length)];
      expect(foldWord(w), JSON.stringify(w)).toBe(reference(w));
    }
  });

  it('keeps the cases a per-unit fold would get wrong', () => {
    // Greek final sigma; Hebrew marks that NFD puts in another order; words around the longest
    // the table folds, and a cell-sized one (the table's path would overflow the stack there).
    for (const w of ['ΟΔΥΣΣΕΑΣ', 'ΣΑΣ ΣΟΣ', 'a\u0591\u05b0', 'Łódź'.repeat(40), 'é'.repeat(256), 'é'.repeat(257), 'Zoë '.repeat(100000)]) expect(foldWord(w)).toBe(reference(w));
    expect(foldWord('José Müller-Łukasz')).toBe('jose muller-łukasz');
  });
});

describe('isOrgCell', () => {
  it('answers as the regular expression on names, company names, domains and random cells', () => {
    const cells = [
      'Maria Garcia', 'ACME INC', 'Acme, Inc.', 'Smith & Sons', 'sons', 'Sonsbeek', 'Blue Studio', 'studio_7', 'Studio7',
      'Garcia SA', 'Garcia S.A.', 'García S.L.', 'Müller AG', 'MüllerAG', 'Holdings', 'x_inc', 'inc-', '-LLC-', 'L.L.C.',
      'https://example.org', 'http://localhost', 'HTTPS://intranet', 'http:x', 'www.x', 'acme.com', 'acme.com/about', 'acme.co', 'acme.cop', 'jane@acme.io',
      'Ågency', 'agencyé', 'éagency', 'Group', 'GROUP', 'grou', 'groups', 'Pty Ltd', 'BV', 'bv1', 'PLC', 'Corporation',
    ];
    const alphabet = [...'abcdefghijklmnopqrstuvwxyzAGILNSTBVPCY_0 -&é.:/'];
    let seed = 11;
    const rand = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const words = ['inc', 'llc', 'ltd', 'sa', 'sl', 'ag', 'bv', 'sons', 'group', 'studio', 'agency', 'corp', 'pty'];
    for (let i = 0; i < 20000; i++) {
      let cell = '';
      const parts = 1 + rand(4);
      for (let p = 0; p < parts; p++) {
        if (rand(3) === 0) cell += words[rand(words.length)];
        else for (let k = rand(6); k >= 0; k--) cell += alphabet[rand(alphabet.length)];
        if (rand(2) === 0) cell += ' ';
      }
      cells.push(cell);
    }
    let orgs = 0;
    for (const cell of cells) {
      const text = `#${cell}#`; // offsets inside a larger text
      const want = ORG_CELL.test(cell);
      expect(isOrgCell(text, 1, text.length - 1), JSON.stringify(cell)).toBe(want);
      if (want) orgs++;
    }
    expect(orgs).toBeGreaterThan(2000);
  });
});
