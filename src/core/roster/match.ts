// Finds roster clients in text, synchronously. One linear pass builds candidates (email-like
// tokens, phone-like digit runs, given-name + surname word pairs); each candidate is put in
// canonical form and hashed once with the roster key, then looked up. A given name alone or a
// surname alone is never a candidate, so common names on their own cannot match.
import type { CountryCode } from 'libphonenumber-js/min';
import type { MaskedExample, RosterMatcher } from '../types';
import { HmacSha256, wordsToHex } from './sha256';
import { HASH_BYTES, dobKey, emailKey, keyIdOf, phoneKey } from './hash';
import { PARTICLES, nameToken, normalizeDob, normalizeEmail, normalizePhone, type DateOrder } from './normalize';
import { maskDate, maskEmail, maskPhone, maskWord } from './mask';
import { capitalisedOnly, stopWordKey, stopWords } from './stopwords';
import type { HashedRoster, RosterOptions } from './types';

export type CandidateKind = 'email' | 'phone' | 'name' | 'dob';

/**
 * Looks a canonical candidate ("n:jane doe", "e:jane@x.org"...) up; returns an id that is the
 * same for the same roster value (for de-duplication), or null when it is not on the roster.
 */
export type Probe = (kind: CandidateKind, key: string) => string | null;

export interface ScanContext {
  probe: Probe;
  /** The same for a name: `nameKey(first, last)`, without building the string. */
  probeName: (first: string, last: string) => string | null;
  /** Stop words that occur in some client's name and so must not be skipped. */
  enabledStopWords: ReadonlySet<string>;
  country: CountryCode;
  dateOrder: DateOrder;
  /** Whether to look for birth dates (they are reported only next to another match). */
  dates: boolean;
}

const LETTER_RE = /[\p{L}\p{M}]/u;
const EMAIL_LOCAL_RE = /[\p{L}\p{N}._%+'\-]/u;
const EMAIL_DOMAIN_RE = /[\p{L}\p{N}.\-]/u;
// A digit run with the usual separators; boundaries and digit counts are checked afterwards.
const PHONE_RE = /\+?\(?\d[\d \u00a0().\-\/]{5,24}\d/g;
const DATE_RE =
  /\b(?:\d{1,4}[-/.]\d{1,2}[-/.]\d{2,4}|\p{L}{3,10}\.? \d{1,2}(?:st|nd|rd|th)?,? \d{2,4}|\d{1,2}(?:st|nd|rd|th)?[ -](?:de )?\p{L}{3,10}\.?,?[ -](?:de )?\d{2,4})\b/gu;

const SEP_OTHER = 0;
const SEP_SPACE = 1; // "John Smith"
const SEP_LIST = 2; // "Smith, John", "John,Smith", tab- or semicolon-separated cells
const SEP_DOT = 3; // "John Q. Smith": after a middle initial

function sepKind(text: string, from: number, to: number): number {
  if (to - from === 1) {
    const c = text.charCodeAt(from);
    if (c === 32 || c === 0xa0) return SEP_SPACE;
    if (c === 44 || c === 59 || c === 9 || c === 124) return SEP_LIST;
    return c === 46 ? SEP_DOT : SEP_OTHER;
  }
  if (to - from > 4 || to <= from) return SEP_OTHER;
  let list = 0;
  let dot = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 0xa0) continue;
    if (c === 44 || c === 59 || c === 9 || c === 124) list++;
    else if (c === 46) dot++;
    else return SEP_OTHER;
  }
  if (list === 0 && dot === 0) return SEP_SPACE;
  if (list === 1 && dot === 0) return SEP_LIST;
  return list === 0 && dot === 1 ? SEP_DOT : SEP_OTHER;
}

function isLetter(c: number): boolean {
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return c >= 0xc0 && LETTER_RE.test(String.fromCharCode(c));
}

/** Apostrophes and hyphens inside a name word ("O'Brien", "Smith-Jones"). */
function isJoiner(c: number): boolean {
  return c === 39 || c === 45 || c === 0x2019 || c === 0x2018 || c === 96 || c === 0xb4 || c === 0x2bc || c === 0x2010 || c === 0x2011;
}

/** An apostrophe at `i` followed by a final "s" ("Doe's", "Doe’s"), not "O'Shea" or "D'Souza". */
function isPossessive(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c !== 39 && c !== 0x2019 && c !== 0x2bc) return false;
  const s = text.charCodeAt(i + 1);
  if (s !== 115 && s !== 83) return false;
  return i + 2 >= text.length || !isLetter(text.charCodeAt(i + 2));
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127;
}

/** Where a roster value was found in the text: [start, end) in UTF-16 code units. */
export interface RosterSpan {
  type: MaskedExample['type'];
  start: number;
  end: number;
}

/**
 * Scans `text` and returns masked examples of every distinct roster value found. With `spans`,
 * also appends the position of every occurrence (for redaction), repeated mentions included.
 */
export function scanText(text: string, ctx: ScanContext, spans?: RosterSpan[]): MaskedExample[] {
  const found: MaskedExample[] = [];
  const seen = new Set<string>();
  const report: Report = (id, type, masked, start, end) => {
    if (id === null) return;
    spans?.push({ type, start, end });
    if (seen.has(id)) return;
    seen.add(id);
    found.push({ type, masked: masked() });
  };

  // Each "@" is grown outwards into an address: linear, where a regex over the whole text
  // would retry the local-part pattern at every position (slow on posts full of @mentions).
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let from = at;
    while (from > 0 && at - from < 64 && EMAIL_LOCAL_RE.test(text[from - 1]!)) from--;
    let to = at + 1;
    while (to < text.length && to - at < 256 && EMAIL_DOMAIN_RE.test(text[to]!)) to++;
    while (to > at + 1 && (text[to - 1] === '.' || text[to - 1] === '-')) to--;
    if (from === at || to === at + 1) continue;
    const address = text.slice(from, to);
    const canonical = normalizeEmail(address);
    if (canonical) report(ctx.probe('email', emailKey(canonical)), 'email', () => maskEmail(address), from, to);
  }

  for (const m of text.matchAll(PHONE_RE)) scanPhoneRun(text, m[0], m.index, ctx, report);

  scanNames(text, ctx, report);

  if (ctx.dates && found.length > 0) {
    for (const m of text.matchAll(DATE_RE)) {
      const iso = normalizeDob(m[0], ctx.dateOrder);
      if (iso) report(ctx.probe('dob', dobKey(iso)), 'dob', () => maskDate(m[0]), m.index, m.index + m[0].length);
    }
  }
  return found;
}

type Report = (id: string | null, type: MaskedExample['type'], masked: () => string, start: number, end: number) => void;

function scanPhoneRun(text: string, run: string, index: number, ctx: ScanContext, report: Report): void {
  // Not part of a longer word or number ("ID 123456789012", "x1234567").
  if (index > 0 && isWordChar(text.charCodeAt(index - 1))) return;
  const after = index + run.length;
  if (after < text.length && isWordChar(text.charCodeAt(after))) return;
  const digits = run.replace(/\D/g, '').length;
  if (digits < 7) return;
  if (digits <= 15) {
    const e164 = normalizePhone(run, ctx.country);
    if (e164) {
      report(ctx.probe('phone', phoneKey(e164)), 'phone', () => maskPhone(run), index, after);
      return;
    }
  }
  // Several numbers (or a number after a year, a zip code...) run together: retry from each
  // later space-separated group, a bounded number of times.
  let from = 0;
  for (let tries = 0; tries < 6; tries++) {
    const space = run.indexOf(' ', from);
    if (space < 0) return;
    from = space + 1;
    const rest = run.slice(from);
    const restDigits = rest.replace(/\D/g, '').length;
    if (restDigits < 7) return;
    if (restDigits > 15) continue;
    const e164 = normalizePhone(rest, ctx.country);
    if (e164) {
      report(ctx.probe('phone', phoneKey(e164)), 'phone', () => maskPhone(rest), index + from, after);
      return;
    }
  }
}

function scanNames(text: string, ctx: ScanContext, report: Report): void {
  const starts: number[] = [];
  const ends: number[] = [];
  const norms: string[] = [];
  // Words: runs of letters, with apostrophes and hyphens inside them. A hand-written loop:
  // several times faster than a Unicode regex over the same text.
  const len = text.length;
  // One lower-casing of the whole text instead of one per word (when it keeps offsets).
  const lowered = text.toLowerCase();
  const lower = lowered.length === len ? lowered : null;
  for (let i = 0; i < len; ) {
    let c = text.charCodeAt(i);
    if (!isLetter(c)) {
      i++;
      continue;
    }
    const start = i;
    let ascii = true;
    while (i < len) {
      c = text.charCodeAt(i);
      if (isLetter(c)) {
        if (c >= 128) ascii = false;
        i++;
      } else if (isJoiner(c) && i + 1 < len && isLetter(text.charCodeAt(i + 1))) {
        // A possessive ends the word: "Jane Doe's", "Jane Doe’s" name Jane Doe.
        if (isPossessive(text, i)) break;
        ascii = false;
        i++;
      } else break;
    }
    starts.push(start);
    ends.push(i);
    norms.push(ascii && lower ? lower.slice(start, i) : nameToken(text.slice(start, i)));
  }
  const n = norms.length;
  const enabled = ctx.enabledStopWords;
  // Can token i be a given name or surname? Stop words only when some client has them as a
  // name; function words then only capitalised ("Will Do" is a name, "will do" is not).
  // Worked out once per token: each token is looked at up to three times below.
  const ok = new Uint8Array(n);
  const stop = stopWords();
  const capitalised = capitalisedOnly();
  for (let i = 0; i < n; i++) {
    const t = norms[i]!;
    if (t.length < 2) continue;
    if (!stop.has(t)) ok[i] = 1;
    else if (enabled.has(t)) {
      const c = text[starts[i]!]!;
      ok[i] = !capitalised.has(t) || c !== c.toLowerCase() ? 1 : 0;
    }
  }
  const nameOk = (i: number): boolean => ok[i] === 1;
  const sep = (i: number): number => sepKind(text, ends[i]!, starts[i + 1]!);
  const word = (i: number): string => text.slice(starts[i]!, ends[i]!);
  const maskSpan = (from: number, to: number): string => {
    const parts: string[] = [];
    for (let k = from; k <= to; k++) parts.push(maskWord(word(k)));
    return parts.join(' ');
  };
  // Given-name tokens already matched: the other readings of the same mention are skipped
  // (saves hashing, and one mention gives one example).
  const matched = new Uint8Array(n);

  /** Given name at token `f`, surname `last` spanning tokens lastFrom..lastTo. */
  const tryPair = (f: number, last: string, lastFrom: number, lastTo: number, comma: boolean): void => {
    if (matched[f]) return;
    const id = ctx.probeName(norms[f]!, last);
    if (id === null) return;
    matched[f] = 1;
    report(
      id,
      'person',
      () => (comma ? `${maskSpan(lastFrom, lastTo)}, ${maskWord(word(f))}` : `${maskWord(word(f))} ${maskSpan(lastFrom, lastTo)}`),
      Math.min(starts[f]!, starts[lastFrom]!),
      Math.max(ends[f]!, ends[lastTo]!),
    );
  };
  /** Surname starting with particles at token j ("de la Cruz" -> "delacruz"). */
  const tryParticles = (f: number, j: number): void => {
    let joined = '';
    let k = j;
    while (k < n && PARTICLES.has(norms[k]!) && k - j < 3) {
      joined += norms[k]!;
      if (k + 1 >= n || sep(k) !== SEP_SPACE) return;
      k++;
    }
    if (k < n && !PARTICLES.has(norms[k]!) && norms[k]!.length > 1) tryPair(f, joined + norms[k]!, j, k, false);
  };

  for (let i = 0; i + 1 < n; i++) {
    if (!nameOk(i)) continue;
    const s1 = sep(i);
    if (s1 === SEP_SPACE) {
      const b = norms[i + 1]!;
      // "First de la Last" before "First Last", so the fuller reading is the one reported.
      if (PARTICLES.has(b)) tryParticles(i, i + 1);
      if (nameOk(i + 1)) tryPair(i, b, i + 1, i + 1, false);
      // "First M. Last", "First Middle Last": skip exactly one middle word or initial.
      if (i + 2 < n && (b.length === 1 || nameOk(i + 1)) && !matched[i]) {
        const s2 = sep(i + 1);
        if (s2 === SEP_SPACE || (s2 === SEP_DOT && b.length === 1)) {
          if (PARTICLES.has(norms[i + 2]!)) tryParticles(i, i + 2);
          if (nameOk(i + 2)) tryPair(i, norms[i + 2]!, i + 2, i + 2, false);
        }
      }
    } else if (s1 === SEP_LIST && nameOk(i + 1)) {
      // "Last, First": with particles first ("de la Cruz, Ana"), then the plain surname.
      let j = i;
      let joined = norms[i]!;
      while (j > 0 && i - j < 3 && PARTICLES.has(norms[j - 1]!) && sep(j - 1) === SEP_SPACE) {
        j--;
        joined = norms[j]! + joined;
      }
      if (j < i) tryPair(i + 1, joined, j, i, true);
      tryPair(i + 1, norms[i]!, i, i, true);
      // "First,Last" as in a pasted CSV row.
      tryPair(i, norms[i + 1]!, i + 1, i + 1, false);
    }
  }
}

export class RosterKeyMismatchError extends Error {
  constructor() {
    super('the roster was hashed with a different key');
    this.name = 'RosterKeyMismatchError';
  }
}

/** The extension's matcher: HMAC with the roster key, then set lookups. */
export class HashedRosterMatcher implements RosterMatcher {
  readonly size: number;
  /** Candidates hashed so far (for benchmarks and tests). */
  hashesComputed = 0;
  private readonly hmac: HmacSha256;
  private readonly words = new Int32Array(8);
  /** First 30 bits of every stored hash: a cheap integer pre-check before building hex. */
  private readonly prefix = new Set<number>();
  private readonly sets: Record<CandidateKind, Set<string>>;
  private readonly ctx: ScanContext;

  constructor(hashed: HashedRoster, key: Uint8Array, options: RosterOptions = {}) {
    this.size = hashed.count;
    this.hmac = new HmacSha256(key);
    this.sets = {
      email: new Set(hashed.email),
      phone: new Set(hashed.phone),
      name: new Set(hashed.name),
      dob: new Set(hashed.dob),
    };
    for (const list of [hashed.email, hashed.phone, hashed.name, hashed.dob]) {
      for (const h of list) this.prefix.add(parseInt(h.slice(0, 8), 16) & 0x3fffffff);
    }
    const enabledStopWords = new Set<string>();
    for (const w of stopWords()) if (this.lookup('name', stopWordKey(w)) !== null) enabledStopWords.add(w);
    this.ctx = {
      probe: (kind, key) => this.lookup(kind, key),
      probeName: (first, last) => this.lookupName(first, last),
      enabledStopWords,
      country: options.defaultCountry ?? hashed.country,
      dateOrder: options.dateOrder ?? hashed.dateOrder,
      dates: hashed.dob.length > 0,
    };
  }

  private lookup(kind: CandidateKind, key: string): string | null {
    this.hashesComputed++;
    this.hmac.digestStringInto(key, this.words);
    return this.found(this.sets[kind]);
  }

  private lookupName(first: string, last: string): string | null {
    this.hashesComputed++;
    // Same bytes as nameKey(first, last).
    this.hmac.digestConcatInto('n:', first, ' ', last, this.words);
    return this.found(this.sets.name);
  }

  private found(set: Set<string>): string | null {
    const words = this.words;
    if (!this.prefix.has(words[0]! & 0x3fffffff)) return null;
    const hex = wordsToHex(words, HASH_BYTES / 4);
    return set.has(hex) ? hex : null;
  }

  match(text: string): MaskedExample[] {
    if (this.size === 0 || !text) return [];
    return scanText(text, this.ctx);
  }

  /**
   * Where roster values occur in `text` (every occurrence, sorted by position), for redaction:
   * "Remove identifiers" must take out a roster name even where the classifier saw no person.
   */
  matchSpans(text: string): RosterSpan[] {
    const spans: RosterSpan[] = [];
    if (this.size === 0 || !text) return spans;
    scanText(text, this.ctx, spans);
    return spans.sort((a, b) => a.start - b.start || b.end - a.end);
  }
}

/** Builds a matcher; throws RosterKeyMismatchError when `key` is not the roster's key. */
export function createRosterMatcher(hashed: HashedRoster, key: Uint8Array, options: RosterOptions = {}): RosterMatcher {
  if (keyIdOf(key) !== hashed.keyId) throw new RosterKeyMismatchError();
  return new HashedRosterMatcher(hashed, key, options);
}
