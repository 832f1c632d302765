// Hashing: deterministic for one key, unrelated across keys, and a format others can rely on.
import { describe, expect, it } from 'vitest';
import {
  HASHED_ROSTER_VERSION,
  bytesToHex,
  createRosterMatcher,
  generateKey,
  hashRoster,
  keyIdOf,
  parseHashedRoster,
  parseKeyHex,
  sha256,
  type RosterEntry,
} from '../../../src/core/roster';
import { capitalisedOnly, stopWords } from '../../../src/core/roster/stopwords';

const NOW = new Date('2026-06-01T00:00:00Z');
const KEY_A = new Uint8Array(32).fill(1);
const KEY_B = new Uint8Array(32).fill(2);
const ENTRIES: RosterEntry[] = [
  { firstNames: ['Jane'], lastName: 'Doe', emails: ['jane.doe@gmail.com'], phones: ['212-555-0147'], dob: '03/14/1985' },
  { firstNames: ['Ana'], lastName: 'de la Cruz', emails: [], phones: [], dob: null },
];

describe('hashRoster', () => {
  it('is deterministic for the same key and entries', () => {
    expect(hashRoster(ENTRIES, KEY_A, { now: NOW })).toEqual(hashRoster(ENTRIES, KEY_A, { now: NOW }));
  });

  it('shares no hash between two keys', () => {
    const a = hashRoster(ENTRIES, KEY_A, { now: NOW });
    const b = hashRoster(ENTRIES, KEY_B, { now: NOW });
    expect(a.keyId).not.toBe(b.keyId);
    const all = (r: typeof a) => [...r.email, ...r.phone, ...r.name, ...r.dob];
    expect(all(a).filter((h) => all(b).includes(h))).toEqual([]);
  });

  it('gives the same hashes for raw and canonical spellings', () => {
    const canonical: RosterEntry[] = [{ firstNames: ['JANE'], lastName: 'DOE', emails: ['janedoe@gmail.com'], phones: ['+12125550147'], dob: '1985-03-14' }];
    const a = hashRoster(ENTRIES.slice(0, 1), KEY_A, { now: NOW });
    const b = hashRoster(canonical, KEY_A, { now: NOW });
    expect(b).toEqual(a);
  });

  it('keeps 16-byte hex hashes, sorted and de-duplicated, and counts clients', () => {
    const r = hashRoster([...ENTRIES, ENTRIES[0]!], KEY_A, { now: NOW });
    expect(r.version).toBe(HASHED_ROSTER_VERSION);
    expect(r.count).toBe(3);
    expect(r.createdAt).toBe(NOW.toISOString());
    expect(r.email).toHaveLength(1);
    for (const list of [r.email, r.phone, r.name, r.dob]) {
      expect([...list].sort()).toEqual(list);
      for (const h of list) expect(h).toMatch(/^[0-9a-f]{32}$/);
    }
    // de la Cruz: "delacruz" and "cruz"
    expect(r.name).toHaveLength(3);
  });

  it('does not count entries that can never match', () => {
    const r = hashRoster([{ firstNames: ['Cher'], lastName: '', emails: [], phones: [], dob: '1946-05-20' }], KEY_A, { now: NOW });
    expect(r.count).toBe(0);
  });
});

describe('keys', () => {
  it('generates distinct 256-bit keys', () => {
    const a = generateKey();
    const b = generateKey();
    expect(a).toHaveLength(32);
    expect(bytesToHex(a)).not.toBe(bytesToHex(b));
  });

  it('derives a key id that changes with the key and reveals nothing of it', () => {
    expect(keyIdOf(KEY_A)).toMatch(/^[0-9a-f]{16}$/);
    expect(keyIdOf(KEY_A)).toBe(keyIdOf(new Uint8Array(32).fill(1)));
    expect(keyIdOf(KEY_A)).not.toBe(keyIdOf(KEY_B));
    expect(bytesToHex(KEY_A)).not.toContain(keyIdOf(KEY_A));
  });

  it('parses hex keys of at least 128 bits only', () => {
    expect(parseKeyHex(` ${bytesToHex(KEY_A)}\n`)).toEqual(KEY_A);
    expect(() => parseKeyHex('abcd')).toThrow(/too short/);
    expect(() => parseKeyHex('not hex at all, not hex at all!!')).toThrow(/not a hex/);
  });
});

describe('parseHashedRoster', () => {
  it('round-trips through JSON and keeps only known fields', () => {
    const r = hashRoster(ENTRIES, KEY_A, { now: NOW });
    expect(parseHashedRoster(JSON.stringify({ ...r, extra: 'x' }))).toEqual(r);
    expect(createRosterMatcher(parseHashedRoster(JSON.parse(JSON.stringify(r))), KEY_A).match('Jane Doe')).toHaveLength(1);
  });

  it('rejects anything that is not a hashed roster', () => {
    const r = hashRoster(ENTRIES, KEY_A, { now: NOW });
    expect(() => parseHashedRoster('{')).toThrow(/JSON/);
    expect(() => parseHashedRoster([])).toThrow();
    expect(() => parseHashedRoster({ ...r, version: 2 })).toThrow(/version/);
    expect(() => parseHashedRoster({ ...r, keyId: 'x' })).toThrow(/keyId/);
    expect(() => parseHashedRoster({ ...r, name: ['Jane Doe'] })).toThrow(/hashes/);
    expect(() => parseHashedRoster({ ...r, count: -1 })).toThrow(/count/);
  });
});

describe('stop-word lists', () => {
  // They are part of hashed-roster format version 1 (see stopwords.ts): a roster hashed by one
  // build must match in another. Changing a list needs a new format version, not a new pin.
  it('are pinned for format version 1', () => {
    const digest = (s: ReadonlySet<string>) => bytesToHex(sha256(new TextEncoder().encode([...s].sort().join('\n'))));
    expect(HASHED_ROSTER_VERSION).toBe(1);
    expect(digest(stopWords())).toBe('9490a7d4238dde49b22cfcbfcddbae76201b7aeda4860dc1e1acf1efd3e836fb');
    expect(digest(capitalisedOnly())).toBe('effa98487e30080a3efd5d34d83629372817539255f3059f3189bacf569b8f32');
  });

  it('never stop a client whose name is one of the words', () => {
    const r = hashRoster([{ firstNames: ['May'], lastName: 'Black', emails: [], phones: [], dob: null }], KEY_A, { now: NOW });
    expect(stopWords().has('may') && stopWords().has('black')).toBe(true);
    const m = createRosterMatcher(r, KEY_A);
    expect(m.match('Thanks May Black')).toHaveLength(1);
    expect(m.match('thanks may black')).toHaveLength(0); // "may" in lower case is the verb
    expect(m.match('May black')).toHaveLength(1); // "black" is a common word, any case
  });
});
