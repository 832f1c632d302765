import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { findAddresses } from '../../../src/core/classifier/address';
import { findClinical } from '../../../src/core/classifier/clinical';
import { findDobs, isDateCell } from '../../../src/core/classifier/dob';
import { findHashes, looksLikeUuid } from '../../../src/core/classifier/hashed';
import type { Hit } from '../../../src/core/classifier/hit';
import { values } from './helpers';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const md5 = (s: string) => createHash('md5').update(s).digest('hex');

describe('findHashes', () => {
  it('finds SHA-256 and MD5 hex strings', () => {
    const a = sha('jane@x.com');
    const b = md5('jane@x.com');
    expect(values(`${a}\n${b.toUpperCase()}`, findHashes)).toEqual([a, b.toUpperCase()]);
  });
  it('ignores other lengths, mixed case, longer tokens and pure digits', () => {
    const git = createHash('sha1').update('x').digest('hex');
    expect(values(git, findHashes)).toEqual([]); // 40 hex: a commit, not a hashed identifier
    expect(values('0x' + md5('a'), findHashes)).toEqual([]);
    expect(values(md5('a').slice(0, 16).toUpperCase() + md5('a').slice(16), findHashes)).toEqual([]);
    expect(values('1'.repeat(32), findHashes)).toEqual([]);
    expect(values('sha256-' + sha('a') + 'x', findHashes)).toEqual([]);
  });
  it('tells UUIDs without dashes from digests', () => {
    expect(looksLikeUuid('b0421256-86a3-4e0a-9682-3cf5bee102e1'.replace(/-/g, ''))).toBe(true);
    // A digest has the UUID layout by chance about one time in nine; a list of them does not.
    const digests = Array.from({ length: 200 }, (_, i) => md5(`client${i}@example.com`));
    const shaped = digests.filter(looksLikeUuid).length / digests.length;
    expect(shaped).toBeGreaterThan(0.02);
    expect(shaped).toBeLessThan(0.3);
  });
});

describe('findClinical', () => {
  const found = (t: string) => {
    const out: Hit[] = [];
    findClinical(t, 0, t.length, out);
    return out.map((h) => [t.slice(h.start, h.end), h.strength]);
  };
  it('finds diagnoses, F-codes, medication and note words as strong', () => {
    expect(found('Dx: F32.1, MDD; on sertraline 50mg')).toEqual([
      ['Dx', 'strong'],
      ['F32.1', 'strong'],
      ['MDD', 'strong'],
      ['sertraline', 'strong'],
    ]);
    expect(found('her progress notes and treatment plan')).toEqual([
      ['progress notes', 'strong'],
      ['treatment plan', 'strong'],
    ]);
    expect(found('a client of mine was diagnosed with PTSD-related insomnia')).toEqual([
      ['client of mine', 'strong'],
      ['diagnosed', 'strong'],
      ['PTSD-related', 'strong'],
      ['insomnia', 'strong'],
    ]);
    expect(found('self-harm and suicidal ideation')).toEqual([
      ['self-harm', 'strong'],
      ['suicidal', 'strong'],
      ['ideation', 'strong'],
    ]);
  });
  it('finds therapy words as weak', () => {
    expect(found('Book a therapy session with our counselor')).toEqual([
      ['therapy', 'weak'],
      ['session', 'weak'],
      ['counselor', 'weak'],
    ]);
    expect(found('sesión de terapia')).toEqual([
      ['sesión', 'weak'],
      ['terapia', 'weak'],
    ]);
  });
  it('needs a diagnosis word for a bare F-code and ignores look-alikes', () => {
    expect(found('The F16 flew over; press F12.')).toEqual([]);
    expect(found('ICD code F41')).toEqual([
      ['ICD', 'strong'],
      ['F41', 'strong'],
    ]);
    expect(found('The theremin concert at the Mediterranean theatre')).toEqual([]);
    expect(found('Mediterranean food, medical devices')).toEqual([]);
  });
});

describe('findDobs', () => {
  it('finds dates after birth words', () => {
    expect(values('DOB: 03/14/1985', findDobs)).toEqual(['03/14/1985']);
    expect(values('born March 3, 1990 in Ohio', findDobs)).toEqual(['March 3, 1990']);
    expect(values('Date of birth 1979-12-01', findDobs)).toEqual(['1979-12-01']);
    expect(values('geb. 01.02.1965', findDobs)).toEqual(['01.02.1965']);
  });
  it('ignores dates without a birth word', () => {
    expect(values('Meeting on 03/14/2025', findDobs)).toEqual([]);
    expect(values('born to run', findDobs)).toEqual([]);
  });
  it('recognises date cells', () => {
    expect(isDateCell('1985-03-14')).toBe(true);
    expect(isDateCell(' 3/4/85 ')).toBe(true);
    expect(isDateCell('14 March 1985')).toBe(true);
    expect(isDateCell('Jane Doe')).toBe(false);
    expect(isDateCell('12345')).toBe(false);
  });
});

describe('findAddresses', () => {
  it('finds US and European street addresses', () => {
    expect(values('lives at 1600 Pennsylvania Ave NW, Apt 4 now', findAddresses)).toEqual(['1600 Pennsylvania Ave NW, Apt 4']);
    expect(values('221B Baker Street', findAddresses)).toEqual(['221B Baker Street']);
    expect(values('Hauptstraße 5, Berlin', findAddresses)).toEqual(['Hauptstraße 5']);
    expect(values('Rue de Rivoli 99', findAddresses)).toEqual(['Rue de Rivoli 99']);
  });
  it('knows the US postal street kinds, after a house number and a name word', () => {
    expect(values('She lives at 20564 Traci Well, North Jessiefort', findAddresses)).toEqual(['20564 Traci Well']);
    expect(values('Mail goes to 29774 Ryley Creek', findAddresses)).toEqual(['29774 Ryley Creek']);
    expect(values('All is well at 5 pm, the view from 3 floors up', findAddresses)).toEqual([]);
  });
  it('ignores numbers before ordinary words', () => {
    expect(values('We walked 3 miles down the road', findAddresses)).toEqual([]);
    expect(values('Version 2 Way forward', findAddresses)).toEqual([]);
  });
});
