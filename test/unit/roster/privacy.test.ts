// Privacy: everything that would be stored or deployed (the HashedRoster JSON, also wrapped as
// the extension stores it) holds none of the roster's raw values, in any case or form.
import { faker } from '@faker-js/faker';
import { describe, expect, it } from 'vitest';
import { hashRoster, normalizeEmail, normalizePhone, parseRoster, type StoredRoster } from '../../../src/core/roster';

const NOW = new Date('2026-06-01T00:00:00Z');

interface Client {
  first: string;
  last: string;
  email: string;
  phone: string;
  dob: string;
}

function clients(n: number): Client[] {
  faker.seed(4242);
  const out: Client[] = [
    { first: 'José Ángel', last: 'García López', email: 'Jose.Garcia+care@gmail.com', phone: '(212) 555-0147', dob: '03/14/1985' },
    { first: 'Siobhán', last: "O'Brien", email: 'siobhan@example.ie', phone: '+353 1 555 0199', dob: 'March 2, 1990' },
  ];
  for (let i = 0; i < n; i++) {
    const first = faker.person.firstName();
    const last = faker.person.lastName();
    const d = faker.date.birthdate({ mode: 'age', min: 18, max: 80, refDate: NOW });
    out.push({
      first,
      last,
      email: faker.internet.email({ firstName: first, lastName: last }),
      phone: faker.phone.number({ style: 'national' }),
      dob: `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()}`,
    });
  }
  return out;
}

/** Every form a raw value could leak in. */
function forms(c: Client): string[] {
  const phoneDigits = c.phone.replace(/\D/g, '');
  const [m, d, y] = c.dob.includes('/') ? c.dob.split('/') : ['', '', ''];
  const iso = y ? `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}` : '';
  const nameParts = `${c.first} ${c.last}`.split(/[\s'-]+/);
  const parts = nameParts.flatMap((p) => [p, p.normalize('NFD').replace(/\p{M}/gu, '')]);
  return [
    `${c.first} ${c.last}`,
    `${c.last}, ${c.first}`,
    ...parts,
    c.email,
    normalizeEmail(c.email) ?? '',
    c.email.split('@')[0]!,
    c.phone,
    phoneDigits,
    normalizePhone(c.phone) ?? '',
    c.dob,
    iso,
    iso.replace(/-/g, ''),
  ]
    .map((v) => v.toLowerCase())
    .filter(Boolean)
    // A short run of hex letters ("ada", "dee", "bea") turns up inside random hex by chance;
    // anything with another character, or 8+ hex digits, does not (odds below 1e-5 here).
    .filter((v) => !/^[0-9a-f]{1,7}$/.test(v));
}

describe('privacy of what is stored', () => {
  it('the hashed roster (and its stored wrapper) contains no raw roster value in any form', () => {
    const list = clients(300);
    const csv = ['First Name,Last Name,Email,Phone,Date of Birth', ...list.map((c) => [c.first, `"${c.last}"`, c.email, c.phone, `"${c.dob}"`].join(','))].join('\n');
    const { entries, problems } = parseRoster(new TextEncoder().encode(csv), 'roster.csv', { now: NOW });
    expect(problems).toEqual([]);
    expect(entries).toHaveLength(list.length);
    const hashed = hashRoster(entries, new Uint8Array(32).fill(9), { now: NOW });
    const stored: StoredRoster = { roster: hashed, source: 'user', importedAt: NOW.getTime() };
    const json = JSON.stringify(stored).toLowerCase();

    // Words of the JSON skeleton itself ("name", "email", "user", "us"...) and single letters
    // ("O" of O'Brien) are not evidence of a leak; a client may well be called "Name".
    const skeleton = JSON.stringify({ ...stored, roster: { ...hashed, email: [], phone: [], name: [], dob: [] } }).toLowerCase();
    const structural = new Set(skeleton.match(/\p{L}+/gu));
    const leaks = (text: string) => list.flatMap((c) => forms(c).filter((v) => v.length > 1 && !structural.has(v) && text.includes(v)));
    expect(leaks(json)).toEqual([]);
    // The check itself can fail: a raw value slipped into the JSON is found, in any case.
    expect(leaks(json.replace('"name":[', `"name":["${list[7]!.last.toUpperCase()}",`).toLowerCase())).toContain(list[7]!.last.toLowerCase());
    expect(leaks(`${json}"${list[0]!.phone.replace(/\D/g, '')}"`)).toEqual(['2125550147']);
  });

  it('stores nothing but the documented fields', () => {
    const hashed = hashRoster(parseRoster(new TextEncoder().encode('Name,Email\nJane Doe,jane@example.org\n'), 'r.csv').entries, new Uint8Array(32).fill(9), { now: NOW });
    expect(Object.keys(hashed).sort()).toEqual(['count', 'country', 'createdAt', 'dateOrder', 'dob', 'email', 'keyId', 'name', 'phone', 'version']);
  });
});
