// prescreen(): one pass over the characters, no allocation per character, that answers "could
// classify() say anything but 'none' here?". It must never answer no when classify() would
// warn (tests check this on every generated set), so it looks for the raw material of every
// rule rather than for the rules themselves:
//   '@'                         emails, handles
//   >= 7 digits in phone layout  phones
//   >= 32 hex characters        hashed identifiers
//   trigger words               clinical and therapy words (by their first six letters), the
//                               words of spelled-out emails, client/patient headers, and — with a
//                               digit somewhere — birth words and street words
//   "F" + two digits            ICD-10 F-codes
// The roster is not covered: a roster can match a bare name, so callers holding a roster must
// ask the roster (or classify()) too.
import { STREET_WORDS } from './address';
import { clinicalTriggerWords, foldCode } from './clinical';
import { DOB_WORDS } from './dob';
import { MAIL_PROVIDERS } from './email';
import { isLetter, isUpper } from './text';

const EXACT = new Set<number>(); // words of <= 5 characters
const PREFIX6 = new Set<number>(); // first six characters of longer words and stems
const EXACT_NEEDS_DIGIT = new Set<number>();
const PREFIX6_NEEDS_DIGIT = new Set<number>();
// European street names end in the street word ("Hauptstraße", "Kalverstraat").
const STREET_SUFFIXES = ['straße', 'strasse', 'str', 'weg', 'gasse', 'platz', 'allee', 'damm', 'laan', 'straat', 'gatan', 'gade', 'vej', 'veien'];
const SUFFIX3_NEEDS_DIGIT = new Set<number>();

const STOP_PARTS = new Set(['c', 'self', 'use', 'of', 'my', 'our', 'mine', 'iv', '5', '10', 'add']);

function hashWord(w: string, max: number): number {
  let h = 0;
  const n = Math.min(w.length, max);
  for (let i = 0; i < n; i++) h = (Math.imul(h, 31) + foldCode(w.charCodeAt(i))) | 0;
  return h;
}

function addTrigger(word: string, exact: Set<number>, prefix: Set<number>): void {
  // Hyphenated terms are seen by prescreen part by part.
  for (const part of word.split('-')) {
    if (!part || STOP_PARTS.has(part)) continue;
    if (part.length <= 5) exact.add(hashWord(part, 5));
    else prefix.add(hashWord(part, 6));
  }
}

let built = false;
function build(): void {
  if (built) return;
  built = true;
  for (const w of clinicalTriggerWords()) addTrigger(w, EXACT, PREFIX6);
  // Spelled-out emails: "dot", free-mail names; "at" in brackets is checked in the loop.
  addTrigger('dot', EXACT, PREFIX6);
  for (const p of MAIL_PROVIDERS) addTrigger(p, EXACT, PREFIX6);
  // Client list headers that make names alone a client list (see columns.ts CLIENT_WORDS).
  for (const w of ['client', 'clients', 'patient', 'patients', 'cliente', 'paciente', 'klient', 'caseload']) addTrigger(w, EXACT, PREFIX6);
  for (const w of DOB_WORDS) addTrigger(w, EXACT_NEEDS_DIGIT, PREFIX6_NEEDS_DIGIT);
  for (const w of STREET_WORDS) addTrigger(w, EXACT_NEEDS_DIGIT, PREFIX6_NEEDS_DIGIT);
  for (const w of ['address', 'addr', 'street', 'dirección', 'direccion', 'adresse', 'indirizzo', 'endereço', 'rue', 'calle', 'via', 'viale', 'avenida', 'rua', 'piazza', 'plaza', 'paseo', 'chemin', 'allée']) {
    addTrigger(w, EXACT_NEEDS_DIGIT, PREFIX6_NEEDS_DIGIT);
  }
  for (const s of STREET_SUFFIXES) SUFFIX3_NEEDS_DIGIT.add(hashWord(s.slice(-3), 3));
}

function isPhoneSep(c: number): boolean {
  return c === 32 || c === 45 || c === 46 || c === 40 || c === 41 || c === 47 || c === 43 || c === 0xa0 || c === 0x2013;
}

/** True when the text could warrant a caution or warning; false means classify() says 'none'. */
export function prescreen(text: string): boolean {
  if (typeof text !== 'string' || text.length === 0) return false;
  build();
  const n = text.length;
  let digitRun = 0;
  let hexRun = 0;
  let sawDigit = false;
  let needsDigit = false;
  // Two running hashes: the whole alphanumeric part (hyphen-separated) and the camelCase part
  // ("homeAddress" -> "home", "address"), each over the first six folded characters.
  let tokH = 0;
  let tokLen = 0;
  let tokStart = 0;
  let partH = 0;
  let partLen = 0;
  let prevLower = false;
  // Last three folded characters of the token, for street suffixes.
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 32;
    if (c === 64 || c === 0xff20) return true;
    const digit = c >= 48 && c <= 57;
    if (digit) {
      sawDigit = true;
      if (++digitRun >= 7) return true;
    } else if (!isPhoneSep(c)) {
      digitRun = 0;
    }
    if (digit || (c >= 97 && c <= 102) || (c >= 65 && c <= 70)) {
      if (++hexRun >= 32) return true;
    } else {
      hexRun = 0;
    }
    const wordChar = digit || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c > 127 && isLetter(c));
    if (wordChar) {
      // camelCase boundary ends the part, not the token.
      const upper = c < 128 ? c >= 65 && c <= 90 : isUpper(c);
      if (upper && prevLower && partLen > 0) {
        if (checkWord(partH, partLen)) return true;
        if (checkNeedsDigit(partH, partLen)) needsDigit = true;
        partH = 0;
        partLen = 0;
      }
      prevLower = !upper && !digit;
      const f = foldCode(c);
      if (tokLen === 0) tokStart = i;
      if (tokLen < 6) tokH = (Math.imul(tokH, 31) + f) | 0;
      if (partLen < 6) partH = (Math.imul(partH, 31) + f) | 0;
      tokLen++;
      partLen++;
      s1 = s2;
      s2 = s3;
      s3 = f;
      continue;
    }
    if (tokLen > 0) {
      if (checkWord(tokH, tokLen) || (partLen > 0 && partLen !== tokLen && checkWord(partH, partLen))) return true;
      if (checkNeedsDigit(tokH, tokLen) || (partLen > 0 && partLen !== tokLen && checkNeedsDigit(partH, partLen))) needsDigit = true;
      if (tokLen >= 3 && SUFFIX3_NEEDS_DIGIT.has((Math.imul(Math.imul(s1, 31) + s2, 31) + s3) | 0)) needsDigit = true;
      // "F32", "f43.1": an ICD-10 F-code.
      if (tokLen === 3 && (text.charCodeAt(tokStart) | 32) === 102 && isD(text.charCodeAt(tokStart + 1)) && isD(text.charCodeAt(tokStart + 2))) return true;
      // "[at]", "(at)", "{at}", "<at>": spelled-out email.
      if (tokLen === 2 && (text.charCodeAt(tokStart) | 32) === 97 && (text.charCodeAt(tokStart + 1) | 32) === 116) {
        let b = tokStart - 1;
        if (b >= 0 && text.charCodeAt(b) === 32) b--;
        const o = b >= 0 ? text.charCodeAt(b) : 0;
        if (o === 91 || o === 40 || o === 123 || o === 60) return true;
      }
      tokH = 0;
      tokLen = 0;
      partH = 0;
      partLen = 0;
      prevLower = false;
      s1 = s2 = s3 = 0;
    }
    if (needsDigit && sawDigit) return true;
  }
  return needsDigit && sawDigit;
}

function isD(c: number): boolean {
  return c >= 48 && c <= 57;
}

function checkWord(h: number, len: number): boolean {
  return len <= 5 ? EXACT.has(h) : PREFIX6.has(h);
}

function checkNeedsDigit(h: number, len: number): boolean {
  return len <= 5 ? EXACT_NEEDS_DIGIT.has(h) : PREFIX6_NEEDS_DIGIT.has(h);
}
