// Turns roster entries into keyed hashes. The same canonical strings are produced from page
// text by match.ts; only HMAC outputs ever leave this module.
import type { CountryCode } from 'libphonenumber-js/min';
import { HmacSha256, bytesToHex, hexToBytes, wordsToHex } from './sha256';
import {
  firstNameVariants,
  lastNameVariants,
  nameKey,
  normalizeDob,
  normalizeEmail,
  normalizePhone,
  type DateOrder,
} from './normalize';
import { stopWordKey, stopWords } from './stopwords';
import { HASHED_ROSTER_VERSION, type HashedRoster, type RosterEntry, type RosterOptions } from './types';

/** Bytes of each HMAC kept: 128 bits is ample against accidental collisions and saves space. */
export const HASH_BYTES = 16;
const KEY_ID_LABEL = 'clientguard/roster/key-id/v1';
const HASH_RE = /^[0-9a-f]{32}$/;
const KEY_ID_RE = /^[0-9a-f]{16}$/;

export function emailKey(email: string): string {
  return `e:${email}`;
}
export function phoneKey(e164: string): string {
  return `p:${e164}`;
}
export function dobKey(iso: string): string {
  return `d:${iso}`;
}

/** A fresh 256-bit key from the platform's CSPRNG (browsers and Node 20 alike). */
export function generateKey(): Uint8Array {
  const key = new Uint8Array(32);
  globalThis.crypto.getRandomValues(key);
  return key;
}

/** Short public fingerprint of a key; reveals nothing usable about the key itself. */
export function keyIdOf(key: Uint8Array): string {
  return bytesToHex(new HmacSha256(key).digest(KEY_ID_LABEL).subarray(0, 8));
}

/** Parses a key written as hex (the CLI's key files, policy rosterKey). At least 128 bits. */
export function parseKeyHex(text: string): Uint8Array {
  let key: Uint8Array;
  try {
    key = hexToBytes(text.trim());
  } catch {
    throw new Error('the key is not a hex string');
  }
  if (key.length < 16) throw new Error('the key is too short (need at least 32 hex digits)');
  return key;
}

/** Hashes entries with `key`. Values are re-normalised, so raw or canonical input both work. */
export function hashRoster(entries: readonly RosterEntry[], key: Uint8Array, options: RosterOptions & { now?: Date } = {}): HashedRoster {
  const country: CountryCode = options.defaultCountry ?? 'US';
  const dateOrder: DateOrder = options.dateOrder ?? 'MDY';
  const now = options.now ?? new Date();
  const hmac = new HmacSha256(key);
  const words = new Int32Array(8);
  const hash = (s: string): string => {
    hmac.digestStringInto(s, words);
    return wordsToHex(words, HASH_BYTES / 4);
  };
  const email = new Set<string>();
  const phone = new Set<string>();
  const name = new Set<string>();
  const dob = new Set<string>();
  let count = 0;
  for (const entry of entries) {
    // Counted when it can ever match: a name pair, an email or a phone (a DOB alone cannot).
    let usable = false;
    const lasts = entry.lastName ? lastNameVariants(entry.lastName) : [];
    const firsts = new Set(entry.firstNames.flatMap(firstNameVariants));
    if (lasts.length > 0 && firsts.size > 0) {
      usable = true;
      for (const f of firsts) for (const l of lasts) name.add(hash(nameKey(f, l)));
      for (const word of [...firsts, ...lasts]) if (stopWords().has(word)) name.add(hash(stopWordKey(word)));
    }
    for (const e of entry.emails) {
      const canonical = normalizeEmail(e);
      if (canonical) {
        usable = true;
        email.add(hash(emailKey(canonical)));
      }
    }
    for (const p of entry.phones) {
      const e164 = normalizePhone(p, country);
      if (e164) {
        usable = true;
        phone.add(hash(phoneKey(e164)));
      }
    }
    const iso = entry.dob ? normalizeDob(entry.dob, dateOrder, now) : null;
    if (iso) dob.add(hash(dobKey(iso)));
    if (usable) count++;
  }
  // Sorted, so list positions say nothing about which email goes with which name.
  const sorted = (s: Set<string>) => [...s].sort();
  return {
    version: HASHED_ROSTER_VERSION,
    createdAt: now.toISOString(),
    count,
    keyId: keyIdOf(key),
    country,
    dateOrder,
    email: sorted(email),
    phone: sorted(phone),
    name: sorted(name),
    dob: sorted(dob),
  };
}

function hashList(value: unknown, field: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new Error(`hashed roster: "${field}" must be a list`);
  for (const h of value) {
    if (typeof h !== 'string' || !HASH_RE.test(h)) throw new Error(`hashed roster: "${field}" holds something other than hashes`);
  }
  return value as string[];
}

/**
 * Validates a HashedRoster that came from outside (storage, policy, a URL) and returns a clean
 * copy with only the known fields. Throws with a one-line message.
 */
export function parseHashedRoster(value: unknown): HashedRoster {
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      throw new Error('hashed roster: not valid JSON');
    }
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('hashed roster: not an object');
  const v = value as Record<string, unknown>;
  if (v.version !== HASHED_ROSTER_VERSION) throw new Error(`hashed roster: unsupported version ${String(v.version)}`);
  if (typeof v.keyId !== 'string' || !KEY_ID_RE.test(v.keyId)) throw new Error('hashed roster: missing or malformed keyId');
  if (typeof v.count !== 'number' || !Number.isInteger(v.count) || v.count < 0) throw new Error('hashed roster: bad count');
  const country = typeof v.country === 'string' && /^[A-Z]{2}$/.test(v.country) ? (v.country as CountryCode) : 'US';
  return {
    version: HASHED_ROSTER_VERSION,
    createdAt: typeof v.createdAt === 'string' ? v.createdAt : '',
    count: v.count,
    keyId: v.keyId,
    country,
    dateOrder: v.dateOrder === 'DMY' ? 'DMY' : 'MDY',
    email: hashList(v.email, 'email'),
    phone: hashList(v.phone, 'phone'),
    name: hashList(v.name, 'name'),
    dob: hashList(v.dob, 'dob'),
  };
}
