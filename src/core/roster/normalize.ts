// Canonical forms shared by import (hashing the roster) and matching (hashing text
// candidates): both sides must produce byte-identical strings or nothing ever matches.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';

export type DateOrder = 'MDY' | 'DMY';

export interface NormalizeOptions {
  /** Country assumed for phone numbers written without a country code (default US). */
  defaultCountry?: CountryCode;
  /** How to read ambiguous numeric dates such as 03/04/1985 (default MDY). */
  dateOrder?: DateOrder;
}

// Letters NFD does not decompose into base + mark.
const FOLD: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h' };
const FOLD_RE = /[ßæœøłđðþıħ]/g;
const MARKS_RE = /\p{M}+/gu;
const NON_LETTERS_RE = /[^\p{L}]+/gu;
const ASCII_WORD_RE = /^[A-Za-z]+$/;

/** Lower case, accents stripped (NFD + drop combining marks), a few ligatures folded. */
export function foldCase(s: string): string {
  const out = s.normalize('NFD').replace(MARKS_RE, '').toLowerCase();
  return /[^\x00-\x7f]/.test(out) ? out.replace(FOLD_RE, (c) => FOLD[c] ?? c) : out;
}

/**
 * One name word in canonical form: folded, with apostrophes, hyphens and dots removed
 * ("O'Brien" -> "obrien", "Smith-Jones" -> "smithjones"). Used for roster and text alike.
 */
export function nameToken(word: string): string {
  if (ASCII_WORD_RE.test(word)) return word.toLowerCase(); // fast path for the common case
  return foldCase(word).replace(NON_LETTERS_RE, '');
}

/** Honorifics dropped from the start of a name. */
const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'rev', 'sr', 'sra', 'srta']);
/** Generational suffixes and credentials dropped from the end of a name. */
const SUFFIXES = new Set([
  // Not "do": it is also a common Vietnamese surname.
  'jr', 'sr', 'ii', 'iii', 'iv', 'md', 'phd', 'psyd', 'lcsw', 'lmft', 'lpc', 'esq', 'rn', 'np', 'dds',
]);
/** Surname particles: joined with the word after them ("de la Cruz" -> "delacruz"). */
export const PARTICLES: ReadonlySet<string> = new Set([
  'de', 'del', 'della', 'dela', 'der', 'den', 'di', 'da', 'das', 'dos', 'du', 'la', 'le', 'van', 'von', 'ten',
  'ter', 'st', 'ste', 'bin', 'ibn', 'al', 'el', 'y', 'e', 'mac', 'mc', 'o',
]);

interface NameWord {
  /** The whole word, hyphens and apostrophes removed. */
  joined: string;
  /** Hyphen-separated parts ("smith-jones" -> ["smith", "jones"]). */
  parts: string[];
}

function nameWords(raw: string): NameWord[] {
  const folded = foldCase(raw).replace(/['’‘`´ʼ]/g, '');
  const words: NameWord[] = [];
  for (const w of folded.split(/[^\p{L}\-‐‑]+/u)) {
    const parts = w.split(/[-‐‑]+/).filter(Boolean);
    const joined = parts.join('');
    if (joined) words.push({ joined, parts });
  }
  return words;
}

/**
 * Given-name forms a text mention can use: the first word ("Mary Ann" -> "mary") and, for a
 * two-word given name, both words run together ("maryann"). Initials and titles are dropped,
 * further words are middle names and ignored.
 */
export function firstNameVariants(raw: string): string[] {
  const words = nameWords(raw).filter((w, i) => !(i === 0 && TITLES.has(w.joined)) && w.joined.length > 1);
  const out = new Set<string>();
  const [a, b] = words;
  if (a) out.add(a.joined);
  if (a && b) out.add(a.joined + b.joined);
  return [...out];
}

/**
 * Surname forms a text mention can use: the whole surname run together ("garcialopez",
 * "delacruz", "smithjones"), each non-particle word or hyphen part alone ("garcia", "lopez",
 * "cruz"), and each word with the particles before it ("delacruz").
 */
export function lastNameVariants(raw: string): string[] {
  let words = nameWords(raw);
  while (words.length > 1 && SUFFIXES.has(words[words.length - 1]!.joined)) words = words.slice(0, -1);
  const out = new Set<string>();
  const allParticles = words.every((w) => PARTICLES.has(w.joined));
  out.add(words.map((w) => w.joined).join(''));
  let particles = '';
  for (const w of words) {
    if (PARTICLES.has(w.joined) && !allParticles) {
      particles += w.joined;
      continue;
    }
    out.add(w.joined);
    if (particles) out.add(particles + w.joined);
    particles = '';
    if (w.parts.length > 1) for (const p of w.parts) if (!PARTICLES.has(p)) out.add(p);
  }
  return [...out].filter((v) => v.length > 1);
}

/**
 * Splits a single "name" cell into given name and surname. Handles "Last, First Middle",
 * "First Middle Last", titles, suffixes ("John Smith, Jr.") and particles ("Ana de la Cruz").
 */
export function splitFullName(raw: string): { first: string; last: string } {
  let s = raw.trim().replace(/\s+/g, ' ');
  const comma = s.indexOf(',');
  if (comma >= 0) {
    const before = s.slice(0, comma).trim();
    const after = s.slice(comma + 1).trim();
    const afterWords = nameWords(after);
    if (afterWords.length > 0 && !afterWords.every((w) => SUFFIXES.has(w.joined))) {
      return { first: after, last: before };
    }
    s = before; // "John Smith, Jr." is First Last with a suffix
  }
  const words = s.split(' ').filter((w) => nameToken(w).length > 0);
  while (words.length > 0 && TITLES.has(nameToken(words[0]!))) words.shift();
  while (words.length > 1 && SUFFIXES.has(nameToken(words[words.length - 1]!))) words.pop();
  if (words.length < 2) return { first: words[0] ?? '', last: '' };
  let lastStart = words.length - 1;
  while (lastStart > 1 && PARTICLES.has(nameToken(words[lastStart - 1]!))) lastStart--;
  return { first: words[0]!, last: words.slice(lastStart).join(' ') };
}

/** The string that is hashed for a name: "n:<given> <surname>". */
export function nameKey(first: string, last: string): string {
  return `n:${first} ${last}`;
}

// Providers that deliver "user+tag@" to "user@". Only these: elsewhere "+" may be significant.
const PLUS_TAG_DOMAINS = new Set([
  'gmail.com', 'outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'icloud.com', 'me.com', 'mac.com',
  'fastmail.com', 'protonmail.com', 'proton.me', 'pm.me',
]);

/** Canonical mailbox: lower case; for Gmail, dots and +tags removed. Null if not an address. */
export function normalizeEmail(raw: string): string | null {
  const s = raw.trim().replace(/^mailto:/i, '').replace(/^<|>$/g, '').toLowerCase();
  const at = s.lastIndexOf('@');
  if (at <= 0) return null;
  let local = s.slice(0, at);
  let domain = s.slice(at + 1).replace(/\.$/, '');
  if (/[\s@<>(),;:"\[\]]/.test(local) || !/^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+$/u.test(domain)) return null;
  if (domain === 'googlemail.com') domain = 'gmail.com';
  if (PLUS_TAG_DOMAINS.has(domain)) local = local.split('+')[0]!;
  if (domain === 'gmail.com') local = local.replace(/\./g, '');
  return local ? `${local}@${domain}` : null;
}

/** E.164 ("+12125550123"), extension dropped. Null unless the number is possible. */
export function normalizePhone(raw: string, defaultCountry: CountryCode = 'US'): string | null {
  const digits = raw.replace(/\D/g, '').length;
  if (digits < 7 || digits > 20) return null; // 20: room for an extension
  try {
    const phone = parsePhoneNumberFromString(raw, { defaultCountry });
    return phone && phone.isPossible() ? phone.number : null;
  } catch {
    return null;
  }
}

const MONTHS: Record<string, number> = {};
for (const [i, names] of [
  'jan january ene enero',
  'feb february febrero',
  'mar march marzo',
  'apr april abr abril',
  'may mayo',
  'jun june junio',
  'jul july julio',
  'aug august ago agosto',
  'sep sept september septiembre setiembre',
  'oct october octubre',
  'nov november noviembre',
  'dec december dic diciembre',
].entries()) {
  for (const n of names.split(' ')) MONTHS[n] = i + 1;
}

function isoDate(y: number, m: number, d: number, now: Date): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  if (y < 1900 || date.getTime() > now.getTime()) return null; // a birth date is in the past
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function fullYear(y: string, now: Date): number {
  if (y.length === 4) return Number(y);
  // Two-digit years: the most recent past year with those digits.
  const yy = Number(y);
  const current = now.getUTCFullYear();
  const candidate = Math.floor(current / 100) * 100 + yy;
  return candidate > current ? candidate - 100 : candidate;
}

/**
 * ISO date (YYYY-MM-DD) from the common ways a birth date is written: 1985-03-14,
 * 03/14/1985, 3/14/85, 14.03.1985 (ambiguous ones read per `order`), March 14, 1985,
 * 14 March 1985, 14-Mar-1985, 19850314 and ISO timestamps.
 */
export function normalizeDob(raw: string, order: DateOrder = 'MDY', now: Date = new Date()): string | null {
  const s = foldCase(raw.trim()).replace(/\s+/g, ' ');
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[t ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]), now);
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})$/.exec(s);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const y = fullYear(m[3]!, now);
    const dmy = a > 12 || (b <= 12 && order === 'DMY');
    return dmy ? isoDate(y, b, a, now) : isoDate(y, a, b, now);
  }
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]), now);
  // "March 14, 1985", "Mar 14th 1985"
  m = /^([a-z]+)\.?[ -](\d{1,2})(?:st|nd|rd|th)?,? ?(\d{4}|\d{2})$/.exec(s);
  if (m && MONTHS[m[1]!]) return isoDate(fullYear(m[3]!, now), MONTHS[m[1]!]!, Number(m[2]), now);
  // "14 March 1985", "14-Mar-1985", "14 de marzo de 1985"
  m = /^(\d{1,2})(?:st|nd|rd|th)?[ -](?:de )?([a-z]+)\.?,?[ -](?:de )?(\d{4}|\d{2})$/.exec(s);
  if (m && MONTHS[m[2]!]) return isoDate(fullYear(m[3]!, now), MONTHS[m[2]!]!, Number(m[1]), now);
  return null;
}

/** Spreadsheet serial day number (1900 or 1904 date system) to ISO date. */
export function excelSerialToIso(serial: number, date1904 = false, now: Date = new Date()): string | null {
  if (!Number.isFinite(serial) || serial < 1) return null;
  // Day 0 is 1899-12-30 in the 1900 system (absorbs Lotus' phantom 29 Feb 1900).
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const d = new Date(epoch + Math.floor(serial) * 86_400_000);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), now);
}
