// Reading what the extension keeps (storage.local, managed policy) back into keys and rosters.
// Pure: the background and the content script both call these on values they read.
import { hexToBytes } from './sha256';
import { keyIdOf, parseHashedRoster, parseKeyHex } from './hash';
import type { HashedRoster, StoredRoster } from './types';

/** The install secret as stored: a hex string of at least 128 bits. Null if absent or unusable. */
export function secretFromStored(value: unknown): Uint8Array | null {
  if (typeof value !== 'string') return null;
  try {
    const key = hexToBytes(value);
    return key.length >= 16 ? key : null;
  } catch {
    return null;
  }
}

/** Policy's rosterKey (hex). Null if absent or malformed. */
export function keyFromPolicy(value: unknown): Uint8Array | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  try {
    return parseKeyHex(value);
  } catch {
    return null;
  }
}

/** The candidate key the roster was hashed with, told apart by key id; null if none is. */
export function pickRosterKey(roster: HashedRoster, candidates: readonly (Uint8Array | null | undefined)[]): Uint8Array | null {
  for (const key of candidates) if (key && keyIdOf(key) === roster.keyId) return key;
  return null;
}

/** Validates the value stored under STORAGE_KEYS.roster. Throws with a one-line message. */
export function parseStoredRoster(value: unknown): StoredRoster | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) throw new Error('stored roster: not an object');
  const v = value as Record<string, unknown>;
  const source = v.source === 'policy' ? 'policy' : 'user';
  const stored: StoredRoster = {
    roster: parseHashedRoster(v.roster),
    source,
    importedAt: typeof v.importedAt === 'number' ? v.importedAt : 0,
  };
  if (typeof v.url === 'string') stored.url = v.url;
  return stored;
}
