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
    'resolution 1920x1080, coords 37.7749, -122.4194',
    'Years 1998-2004 and 2011-2019',
    'Tracking number 1Z999AA10123456784',
    'id 5551234567',
  ])('ignores %s', (text) => {
    expect(values(text, findPhones)).toEqual([]);
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
