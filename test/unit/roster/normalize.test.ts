// Canonical forms: the roster side and the text side must agree byte for byte.
import { describe, expect, it } from 'vitest';
import {
  excelSerialToIso,
  firstNameVariants,
  foldCase,
  lastNameVariants,
  nameToken,
  normalizeDob,
  normalizeEmail,
  normalizePhone,
  splitFullName,
} from '../../../src/core/roster';

const NOW = new Date('2026-06-01T00:00:00Z');

describe('names', () => {
  it('folds case and accents', () => {
    expect(foldCase('José Ángel MÜLLER')).toBe('jose angel muller');
    expect(foldCase('Zoë Łukasz Søren Straße Æsa')).toBe('zoe lukasz soren strasse aesa');
    expect(nameToken('Ñúñez')).toBe('nunez');
    expect(nameToken("O'Brien")).toBe('obrien');
    expect(nameToken('O’Brien')).toBe('obrien');
    expect(nameToken('Smith-Jones')).toBe('smithjones');
    expect(nameToken('JANE')).toBe('jane');
  });

  it('splits "Last, First" and "First Middle Last" cells', () => {
    expect(splitFullName('Doe, Jane Q.')).toEqual({ first: 'Jane Q.', last: 'Doe' });
    expect(splitFullName('Jane Q. Doe')).toEqual({ first: 'Jane', last: 'Doe' });
    expect(splitFullName('Jane Quinn Doe')).toEqual({ first: 'Jane', last: 'Doe' });
    expect(splitFullName('Dr. Jane Doe, PhD')).toEqual({ first: 'Jane', last: 'Doe' });
    expect(splitFullName('John Smith Jr.')).toEqual({ first: 'John', last: 'Smith' });
    expect(splitFullName('John Smith, Jr.')).toEqual({ first: 'John', last: 'Smith' });
    expect(splitFullName('Ana de la Cruz')).toEqual({ first: 'Ana', last: 'de la Cruz' });
    expect(splitFullName('de la Cruz, Ana María')).toEqual({ first: 'Ana María', last: 'de la Cruz' });
    expect(splitFullName('Minh Do')).toEqual({ first: 'Minh', last: 'Do' });
    expect(splitFullName('Cher')).toEqual({ first: 'Cher', last: '' });
  });

  it('ignores middle names and initials in the given name', () => {
    expect(firstNameVariants('Jane Q.')).toEqual(['jane']);
    expect(firstNameVariants('J. Robert')).toEqual(['robert']);
    expect(firstNameVariants('Mary Ann')).toEqual(['mary', 'maryann']);
    expect(firstNameVariants('Jean-Luc')).toEqual(['jeanluc']);
    expect(firstNameVariants('Dr Jane')).toEqual(['jane']);
    expect(firstNameVariants('J.')).toEqual([]);
  });

  it('gives every form a compound surname can be written in', () => {
    expect(lastNameVariants('García López').sort()).toEqual(['garcia', 'garcialopez', 'lopez']);
    expect(lastNameVariants('de la Cruz').sort()).toEqual(['cruz', 'delacruz']);
    expect(lastNameVariants('Smith-Jones').sort()).toEqual(['jones', 'smith', 'smithjones']);
    expect(lastNameVariants("O'Brien")).toEqual(['obrien']);
    expect(lastNameVariants('Le')).toEqual(['le']);
    expect(lastNameVariants('Smith Jr.')).toEqual(['smith']);
    expect(lastNameVariants('al-Hassan').sort()).toEqual(['alhassan', 'hassan']);
  });
});

describe('normalizeEmail', () => {
  it('lower-cases and strips Gmail dots and +tags', () => {
    expect(normalizeEmail('Jane.Doe+Therapy@GMAIL.com')).toBe('janedoe@gmail.com');
    expect(normalizeEmail('j.a.n.e.doe@googlemail.com')).toBe('janedoe@gmail.com');
    expect(normalizeEmail(' mailto:JaneDoe@Gmail.Com ')).toBe('janedoe@gmail.com');
  });

  it('keeps dots and tags where the provider may not ignore them', () => {
    expect(normalizeEmail('John.Smith+x@Example.org')).toBe('john.smith+x@example.org');
    // Outlook delivers +tags to the same mailbox but treats dots as significant.
    expect(normalizeEmail('j.doe+news@outlook.com')).toBe('j.doe@outlook.com');
  });

  it('rejects what is not an address', () => {
    for (const bad of ['not an email', 'a@b', '@example.org', 'jane@', 'ja ne@example.org', '+tag@gmail.com']) {
      expect(normalizeEmail(bad), bad).toBeNull();
    }
  });
});

describe('normalizePhone', () => {
  it('turns US formats into E.164', () => {
    for (const raw of [
      '(212) 555-0147',
      '212.555.0147',
      '212-555-0147',
      '2125550147',
      '212 555 0147',
      '+1 212 555 0147',
      '+1 (212) 555-0147',
      '1-212-555-0147',
      '+12125550147',
      '212-555-0147 ext. 12',
    ]) {
      expect(normalizePhone(raw), raw).toBe('+12125550147');
    }
  });

  it('uses the configured default country', () => {
    expect(normalizePhone('020 7946 0958', 'GB')).toBe('+442079460958');
    expect(normalizePhone('+44 20 7946 0958')).toBe('+442079460958');
    expect(normalizePhone('612 34 56 78', 'ES')).toBe('+34612345678');
  });

  it('rejects numbers that cannot be phone numbers', () => {
    for (const bad of ['555-0147', '12', 'call me', '1234567890123456789012']) expect(normalizePhone(bad), bad).toBeNull();
  });
});

describe('normalizeDob', () => {
  it('reads common formats to ISO', () => {
    for (const raw of [
      '1985-03-14',
      '1985/3/14',
      '03/14/1985',
      '3/14/85',
      '14/03/1985',
      '14.03.1985',
      'March 14, 1985',
      'Mar 14th 1985',
      'mar. 14 1985',
      '14 March 1985',
      '14-Mar-1985',
      '14 de marzo de 1985',
      '19850314',
      '1985-03-14T00:00:00Z',
    ]) {
      expect(normalizeDob(raw, 'MDY', NOW), raw).toBe('1985-03-14');
    }
  });

  it('reads ambiguous dates in the configured order', () => {
    expect(normalizeDob('03/04/1985', 'MDY', NOW)).toBe('1985-03-04');
    expect(normalizeDob('03/04/1985', 'DMY', NOW)).toBe('1985-04-03');
  });

  it('places two-digit years in the past', () => {
    expect(normalizeDob('1/2/20', 'MDY', NOW)).toBe('2020-01-02');
    expect(normalizeDob('1/2/30', 'MDY', NOW)).toBe('1930-01-02');
  });

  it('rejects impossible and future dates', () => {
    for (const bad of ['02/30/1985', '13/13/1985', '2031-01-01', '1850-01-01', 'yesterday', '1985']) {
      expect(normalizeDob(bad, 'MDY', NOW), bad).toBeNull();
    }
  });

  it('converts spreadsheet serial dates in both date systems', () => {
    expect(excelSerialToIso(44927, false, NOW)).toBe('2023-01-01');
    expect(excelSerialToIso(43465, true, NOW)).toBe('2023-01-01');
    expect(excelSerialToIso(-3, false, NOW)).toBeNull();
  });
});
