import { classify } from '../../../src/core/classifier/index';
import { describe, expect, it } from 'vitest';
import { findPhones } from '../../../src/core/classifier/phone';
import type { Hit } from '../../../src/core/classifier/hit';
import { values } from './helpers';

describe('findPhones: numbers people write', () => {
  it.each([
    ['(415) 555-2671', 'Call (415) 555-2671 today'],
    ['415-555-2671', 'cell 415-555-2671.'],
    ['415.555.2671', 'at 415.555.2671'],
    ['+1 415 555 2671', 'WhatsApp +1 415 555 2671'],
    ['1-800-555-0199', 'toll free 1-800-555-0199'],
    ['+44 20 7946 0958', 'London office +44 20 7946 0958'],
    ['+49 30 901820', 'Berlin: +49 30 901820'],
    ['+33 6 12 34 56 78', 'portable +33 6 12 34 56 78'],
    ['+61 412 345 678', 'mobile +61 412 345 678'],
    ['+91 98765 43210', 'call +91 98765 43210'],
    ['00 44 20 7946 0958', 'from abroad 00 44 20 7946 0958'],
    ['020 7946 0958', 'Tel: 020 7946 0958'],
    ['4155552671', 'Phone: 4155552671'],
  ])('finds %s', (expected, text) => {
    expect(values(text, findPhones)).toEqual([expected]);
  });
});

describe('findPhones: numbers that are not phones', () => {
  it.each([
    'Order #12345678 shipped on 2024-01-15 10:30.',
    'Invoice 5551234567 is due.',
    'Order no. 415-555-2671',
    'ZIP 94105-1234',
    'SSN 123-45-6789',
    'server 192.168.100.200 replied',
    'running v10.0.19041.1234 and 3.14159265',
    'date 01/15/2024 and 15.01.2024 and 2024/01/15',
    'Total: $1,234,567.89 for 12 items',
    'return x * 51.3576 + 984726152',
    'const TIMEOUT = 86400000;',
    'epoch 1700000000 and 1700000000123',
    'ISBN 978-3-161-48410-0',
    'IMEI 93-624875-338130-4',
    'IBAN GB82 WEST 1234 5698 7654 32',
    'resolution 1920x1080, coords 37.7749, -122.4194',
    'Years 1998-2004 and 2011-2019',
    'Tracking number 1Z999AA10123456784',
    'id 5551234567',
  ])('ignores %s', (text) => {
    expect(values(text, findPhones)).toEqual([]);
  });
});

describe('findPhones: made-up and unassigned numbers written as phones', () => {
  // Sample data, "555" numbers and areas libphonenumber does not list are still somebody's
  // contact in a post or a list: the way they are written says phone.
  it.each([
    ['(299) 666-9452', 'Call (299) 666-9452 today'],
    ['299-666-9452', 'reach me on 299-666-9452.'],
    ['299.666.9452', 'We met and she wrote 299.666.9452 on the card'],
    ['1-946-265-2272', 'number is 1-946-265-2272'],
    ['(957)258-81-20', 'Новый номер (957)258-81-20'],
    ['(72) 5881-2040', 'ligue (72) 5881-2040'],
    ['01653 244224', 'landline 01653 244224'],
    ['02-7258812', 'office 02-7258812'],
    ['59-725-88-12', 'nowy numer 59-725-88-12'],
    ['904626505', 'call me at 904626505'],
    ['+90-725-881-2-040', 'yeni +90-725-881-2-040'],
    ['+12996669452', 'E.164 +12996669452 in the CRM'],
    // 011 dials out of North America, but 0115 is Nottingham.
    ['0115 481 8429', 'the new landline is 0115 481 8429.'],
    ['0696122641', 'phone number on file to 0696122641'],
  ])('finds %s', (expected, text) => {
    expect(values(text, findPhones)).toEqual([expected]);
  });

  it.each([
    // Spaces alone: amounts in a row as often as a phone.
    'Totals 299 300 1200 for the quarter',
    // A phone word in the sentence before is not a label for this number.
    'Reach me on my cell. ISBN 978-2-772-83697-7, published 2021.',
    'Call my cell. Tracking number 389279729765.',
    // The exchange of a North American number never starts with 0 or 1.
    'see 299-066-9452 above',
    'Order no. 299-666-9452',
  ])('ignores %s', (text) => {
    expect(values(text, findPhones)).toEqual([]);
  });

  it('gives an unvalidated number less confidence than a valid one', () => {
    const fake: Hit[] = [];
    const real: Hit[] = [];
    findPhones('299-666-9452', 0, 12, fake);
    findPhones('415-555-2671', 0, 12, real);
    expect(fake[0]?.confidence).toBeLessThan(real[0]?.confidence ?? 0);
  });
});

describe('findPhones: nine-digit national numbers', () => {
  it('validates "612 345 678" and "91 123 45 67" as Spanish numbers', () => {
    expect(values('móvil 612 345 678', findPhones)).toEqual(['612 345 678']);
    expect(values('Lista: 612 345 678 y 91 123 45 67', findPhones)).toEqual(['612 345 678', '91 123 45 67']);
  });

  it('leaves nine-digit amounts in that layout alone when no country has the number', () => {
    expect(values('Budget 100 000 000 and 123 000 000', findPhones)).toEqual([]);
    expect(values('Le projet coûte 835 526 917 € au total', findPhones)).toEqual([]);
  });
});

describe('findPhones: extensions', () => {
  it.each([
    ['425-359-8024 x63232', 'call me at 425-359-8024 x63232 tomorrow'],
    ['(415) 555-2671 ext. 12', 'Office (415) 555-2671 ext. 12.'],
    ['+44 20 7946 0958, extension 3', 'London +44 20 7946 0958, extension 3 please'],
    ['415-555-2671x204', 'desk 415-555-2671x204'],
  ])('keeps %s in one span', (expected, text) => {
    expect(values(text, findPhones)).toEqual([expected]);
  });

  it('leaves a word after the number alone', () => {
    expect(values('call 415-555-2671 extra early', findPhones)).toEqual(['415-555-2671']);
  });

  it('redacts the extension with the number', () => {
    const text = 'Reach Jane at 425-359-8024 x63232 after her session.';
    const c = classify(text);
    expect(c.findings.filter((f) => f.type === 'phone').map((f) => text.slice(f.start, f.end))).toEqual(['425-359-8024 x63232']);
  });
});

describe('findPhones in a phone column', () => {
  it('accepts a bare number and a well-formed unassigned one', () => {
    const out: Hit[] = [];
    findPhones('4155552671', 0, 10, out, { phoneColumn: true });
    expect(out).toHaveLength(1);
    const fake: Hit[] = [];
    findPhones('555-123-4567', 0, 12, fake, { phoneColumn: true });
    expect(fake).toHaveLength(1);
    expect(fake[0]?.confidence).toBeLessThan(0.9);
  });

  it('keys numbers by their last ten digits', () => {
    const a: Hit[] = [];
    const b: Hit[] = [];
    findPhones('+1 (415) 555-2671', 0, 17, a);
    findPhones('415.555.2671', 0, 12, b);
    expect(a[0]?.key).toBe(b[0]?.key);
  });

  it('ends a phone at its table cell, whatever the next cell holds', () => {
    // "…728-1109,2024-08-13": the comma and date of the next cell are not part of the number.
    const csv = ['name,phone,joined', 'Jane Doe,415-728-1109,2024-08-13', 'Omar Haddad,(212) 555-0147,2023-01-02', 'Li Wei,646-555-0199,12'].join('\n');
    const c = classify(csv);
    expect(c.counts.phone).toBe(3);
    expect(c.findings.filter((f) => f.type === 'phone').map((f) => csv.slice(f.start, f.end))).toEqual(['415-728-1109', '(212) 555-0147', '646-555-0199']);
  });
});
