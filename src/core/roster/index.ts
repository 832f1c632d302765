// Known-client matching: import a roster file, keep only keyed hashes, match text against
// them synchronously. Pure TypeScript, no browser APIs (see roster.design.md).
export type { HashedRoster, RosterEntry, RosterOptions, RosterSource, StoredRoster } from './types';
export { HASHED_ROSTER_VERSION } from './types';
export { parseRoster, parseCsv, type ParsedRoster } from './parse';
export { hashRoster, generateKey, keyIdOf, parseKeyHex, parseHashedRoster, HASH_BYTES } from './hash';
export { createRosterMatcher, HashedRosterMatcher, RosterKeyMismatchError, scanText, type RosterSpan } from './match';
export {
  normalizeEmail,
  normalizePhone,
  normalizeDob,
  nameToken,
  foldCase,
  firstNameVariants,
  lastNameVariants,
  splitFullName,
  excelSerialToIso,
  type DateOrder,
} from './normalize';
export { maskEmail, maskPhone, maskWord, maskDate } from './mask';
export { HmacSha256, sha256, bytesToHex, hexToBytes } from './sha256';
export { secretFromStored, keyFromPolicy, pickRosterKey, parseStoredRoster } from './stored';
