import type { CountryCode } from 'libphonenumber-js/min';
import type { DateOrder } from './normalize';

/**
 * One client as read from an imported file. Lives only in memory between parse and hash;
 * never stored or sent anywhere.
 */
export interface RosterEntry {
  /** Given names as written (legal and preferred); middle names are ignored when hashing. */
  firstNames: string[];
  /** Surname as written; may be compound ("García López", "de la Cruz"). Empty if unknown. */
  lastName: string;
  /** Canonical mailboxes (normalizeEmail). */
  emails: string[];
  /** E.164 numbers (normalizePhone). */
  phones: string[];
  /** ISO date (normalizeDob) or null. */
  dob: string | null;
}

export interface RosterOptions {
  /** Country assumed for phone numbers without a country code (default US). */
  defaultCountry?: CountryCode;
  /** How ambiguous numeric dates are read (default MDY). */
  dateOrder?: DateOrder;
}

export const HASHED_ROSTER_VERSION = 1;

/**
 * What is stored and deployed: keyed hashes only. Each list holds the first 16 bytes (hex) of
 * HMAC-SHA-256(key, "<kind>:<canonical value>"), deduplicated and sorted so that position
 * links nothing across lists.
 */
export interface HashedRoster {
  version: typeof HASHED_ROSTER_VERSION;
  /** ISO timestamp of hashing. */
  createdAt: string;
  /** Number of clients hashed. */
  count: number;
  /** First 8 bytes (hex) of HMAC(key, KEY_ID_LABEL): tells which key a roster needs. */
  keyId: string;
  /** Country used for phone numbers without a country code; the matcher reads text the same way. */
  country: CountryCode;
  /** Date order used for ambiguous dates; the matcher reads text the same way. */
  dateOrder: DateOrder;
  email: string[];
  phone: string[];
  /** Given name + surname pairs, plus markers for stop words that occur in names. */
  name: string[];
  dob: string[];
}

export type RosterSource = 'user' | 'policy';

/** The value kept under storage.local STORAGE_KEYS.roster. */
export interface StoredRoster {
  roster: HashedRoster;
  source: RosterSource;
  /** Epoch ms when this roster was imported or last applied from policy. */
  importedAt: number;
  /** For a policy roster fetched by URL: where from, to know when the policy changed. */
  url?: string;
}
