// Character helpers shared by the detectors. Plain charCode tests instead of Unicode regexes:
// they run in hot loops over megabytes of pasted text.

export const CH_TAB = 9;
export const CH_LF = 10;
export const CH_CR = 13;
export const CH_SPACE = 32;

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isAsciiUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

export function isAsciiLower(c: number): boolean {
  return c >= 97 && c <= 122;
}

export function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

export function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/**
 * A letter in any script. ASCII by table; above 0x7f we ask the engine once per code unit
 * and cache, so the Unicode check is not paid per character.
 */
// Caches: 0 unknown, 1 yes, 2 no. Each starts empty and gets its 64 KB on the first non-ASCII
// character (reading past the end gives undefined, which is "unknown"), so loading the content
// script allocates nothing and the cached path has no extra check.
const NO_CACHE = new Int8Array(0);
function cacheFor(cache: Int8Array<ArrayBuffer>): Int8Array<ArrayBuffer> {
  return cache.length ? cache : new Int8Array(0x10000);
}

let letterCache = NO_CACHE;
// Made on first use: V8 builds a \p{…} class when the literal is evaluated (this one took
// about 0.5 ms of every page load on the bench machine).
let letterRe: RegExp | null = null;
export function isLetter(c: number): boolean {
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  const k = letterCache[c];
  if (k === 1) return true;
  if (k === 2) return false;
  // Surrogate halves are treated as letters so that names in astral scripts stay whole.
  const yes = (c >= 0xd800 && c <= 0xdfff) || (letterRe ??= /[\p{L}\p{M}]/u).test(String.fromCharCode(c));
  letterCache = cacheFor(letterCache);
  letterCache[c] = yes ? 1 : 2;
  return yes;
}

let upperCache = NO_CACHE;
/** Upper-case or title-case letter in any cased script. */
export function isUpper(c: number): boolean {
  if (c < 128) return c >= 65 && c <= 90;
  const k = upperCache[c];
  if (k === 1) return true;
  if (k === 2) return false;
  const s = String.fromCharCode(c);
  const yes = s !== s.toLowerCase() && s === s.toUpperCase();
  upperCache = cacheFor(upperCache);
  upperCache[c] = yes ? 1 : 2;
  return yes;
}

let lowerCache = NO_CACHE;
export function isLower(c: number): boolean {
  if (c < 128) return c >= 97 && c <= 122;
  const k = lowerCache[c];
  if (k === 1) return true;
  if (k === 2) return false;
  const s = String.fromCharCode(c);
  const yes = s !== s.toUpperCase() && s === s.toLowerCase();
  lowerCache = cacheFor(lowerCache);
  lowerCache[c] = yes ? 1 : 2;
  return yes;
}

export const SCRIPT_HEBREW = 1;
export const SCRIPT_ARABIC = 2;

/** SCRIPT_HEBREW or SCRIPT_ARABIC for a letter of those scripts (which have no letter case
 *  and whose names the lexicon holds; see lexicon/build-lexicon.ts), else 0. */
export function uncasedScript(c: number): number {
  if ((c >= 0x5d0 && c <= 0x5ea) || (c >= 0xfb1d && c <= 0xfb4f)) return SCRIPT_HEBREW;
  if ((c >= 0x620 && c <= 0x64a) || (c >= 0x66e && c <= 0x6d5) || (c >= 0x6fa && c <= 0x6ff) || (c >= 0x750 && c <= 0x77f) || (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfefc)) return SCRIPT_ARABIC;
  return 0;
}

/** Letter in a script without case (CJK, Arabic, Hebrew, Thai...). */
export function isUncasedLetter(c: number): boolean {
  return c >= 128 && isLetter(c) && !isUpper(c) && !isLower(c);
}

export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 160 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a);
}

export function isLineBreak(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}

/** Start of the line containing `i`, or -1 if it is more than `max` characters back. */
export function lineStart(text: string, i: number, max = Infinity): number {
  let j = i;
  while (j > 0) {
    const c = text.charCodeAt(j - 1);
    if (c === 10 || c === 13) break;
    if (i - j >= max) return -1;
    j--;
  }
  return j;
}

/** End of the line containing `i` (before the break), or -1 if more than `max` characters on. */
export function lineEnd(text: string, i: number, max = Infinity): number {
  const n = text.length;
  let j = i;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (c === 10 || c === 13) break;
    if (j - i >= max) return -1;
    j++;
  }
  return j;
}

/** Lower-cases and strips accents, for lexicon lookups ("José" -> "jose"). */
export function foldWord(s: string): string {
  let ascii = true;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 127) {
      ascii = false;
      break;
    }
  }
  if (ascii) return s.toLowerCase();
  return foldByCode(s) ?? foldSlow(s);
}

function foldSlow(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

// foldSlow() one code unit at a time, filled on first sight: the folded unit, FOLD_DROP for a
// combining mark the fold removes, FOLD_SLOW where the result is not one unit. Where every
// unit of a word has an entry, the units' folds joined are foldSlow() of the word: NFD
// decomposes each character on its own and then reorders only combining marks, the only marks
// with an entry are U+0300-U+036F, which are all removed, and no unit with an entry has a
// lower case that depends on its neighbours (Greek, with its final sigma, is left out).
// normalize() costs about three times this per word, and a list of names from many countries
// folds one per cell (fast-paths.test.ts checks every unit and random words against normalize()).
const FOLD_TABLE_END = 0x1f00; // Latin, IPA, combining marks, Greek and Cyrillic, Latin Extended Additional
const FOLD_UNKNOWN = 0;
const FOLD_SLOW = 1;
const FOLD_DROP = 0xffff;
/** Longest word folded by the table: words are short, and String.fromCharCode.apply() takes
 *  each unit as an argument, which overflows the stack for a long enough string. */
const FOLD_MAX = 256;
let foldTable: Uint16Array | null = null;
const foldBuf = new Uint16Array(FOLD_MAX);

function foldByCode(s: string): string | null {
  const n = s.length;
  if (n > FOLD_MAX) return null;
  const table = (foldTable ??= new Uint16Array(FOLD_TABLE_END));
  const buf = foldBuf;
  let m = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 128) {
      buf[m++] = c >= 65 && c <= 90 ? c + 32 : c;
      continue;
    }
    if (c >= FOLD_TABLE_END || (c >= 0x370 && c <= 0x3ff)) return null; // Greek: final sigma
    let f = table[c] as number;
    if (f === FOLD_UNKNOWN) f = table[c] = foldEntry(c);
    if (f === FOLD_SLOW) return null;
    if (f !== FOLD_DROP) buf[m++] = f;
  }
  return String.fromCharCode.apply(null, buf.subarray(0, m) as unknown as number[]);
}

let markRe: RegExp | null = null;

function foldEntry(c: number): number {
  if (c >= 0x300 && c <= 0x36f) return FOLD_DROP;
  // Any other combining mark may be reordered against its neighbours' marks by NFD.
  const ch = String.fromCharCode(c);
  if ((markRe ??= /\p{M}/u).test(ch)) return FOLD_SLOW;
  const r = foldSlow(ch);
  if (r.length === 0) return FOLD_DROP;
  if (r.length > 1) return FOLD_SLOW;
  const f = r.charCodeAt(0);
  return f === FOLD_UNKNOWN || f === FOLD_SLOW || f === FOLD_DROP ? FOLD_SLOW : f;
}

export function digitsOf(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) out += s[i];
  }
  return out;
}

export function countDigits(s: string, from = 0, to = s.length): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

/** Lower-case word characters immediately before `i` (skipping spaces and punctuation). */
export function wordsBefore(text: string, i: number, maxChars: number): string {
  const from = Math.max(0, i - maxChars);
  return text.slice(from, i).toLowerCase();
}

/**
 * "Is there a match of `re` in text[from, to)?" for consecutive ranges of one text, answered by
 * the engine's native search instead of a loop over characters. The last match found is kept,
 * so a pass over a long text with few matches searches each stretch once, not once per range.
 * `re` must be global and match one character.
 */
export class NextMatch {
  private from = -1;
  private next = -1;
  constructor(
    private readonly text: string,
    private readonly re: RegExp,
  ) {}

  inRange(from: number, to: number): boolean {
    if (this.from === -1 || from < this.from || (this.next !== -1 && this.next < from)) {
      this.re.lastIndex = from;
      this.next = this.re.exec(this.text)?.index ?? -1;
      this.from = from;
    }
    return this.next !== -1 && this.next < to;
  }
}
