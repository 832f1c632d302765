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
import { clinicalTriggerWords } from './clinical';
import { foldCode } from './fold';
import { WordGate } from './gate';
import { DOB_WORDS } from './dob';
import { MAIL_PROVIDERS } from './email';
import { isLetter, isUpper } from './text';

const TRIGGERS = new WordGate();
const TRIGGERS_WITH_DIGIT = new WordGate();
// European street names end in the street word ("Hauptstraße", "Kalverstraat").
const STREET_SUFFIXES = ['straße', 'strasse', 'str', 'weg', 'gasse', 'platz', 'allee', 'damm', 'laan', 'straat', 'gatan', 'gade', 'vej', 'veien'];
const SUFFIX3_NEEDS_DIGIT = new WordGate();

function suffixHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + foldCode(s.charCodeAt(i))) | 0;
  return h;
}

let built = false;
function build(): void {
  if (built) return;
  built = true;
  for (const w of clinicalTriggerWords()) TRIGGERS.add(w);
  // Spelled-out emails: "dot", free-mail names; "at" in brackets is checked in the loop.
  TRIGGERS.add('dot');
  for (const p of MAIL_PROVIDERS) TRIGGERS.add(p);
  // Client list headers that make names alone a client list (see columns.ts CLIENT_WORDS).
  for (const w of ['client', 'clients', 'patient', 'patients', 'cliente', 'paciente', 'klient', 'caseload']) TRIGGERS.add(w);
  for (const w of DOB_WORDS) TRIGGERS_WITH_DIGIT.add(w);
  for (const w of STREET_WORDS) TRIGGERS_WITH_DIGIT.add(w);
  for (const w of ['address', 'addr', 'street', 'dirección', 'direccion', 'adresse', 'indirizzo', 'endereço', 'rue', 'calle', 'via', 'viale', 'avenida', 'rua', 'piazza', 'plaza', 'paseo', 'chemin', 'allée']) {
    TRIGGERS_WITH_DIGIT.add(w);
  }
  for (const s of STREET_SUFFIXES) SUFFIX3_NEEDS_DIGIT.addHash(suffixHash(s.slice(-3)), true);
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
    let cls: number;
    if (c < 128) {
      cls = CLS[c] as number;
    } else {
      if (c === 0xff20) return true;
      cls = c === 0xa0 || c === 0x2013 ? PHONESEP : isLetter(c) ? (isUpper(c) ? WORD | UPPER : WORD) : 0;
    }
    if (cls & AT) return true;
    if (cls & DIGIT) {
      sawDigit = true;
      if (++digitRun >= 7) return true;
    } else if ((cls & PHONESEP) === 0) {
      digitRun = 0;
    }
    if (cls & HEX) {
      if (++hexRun >= 32) return true;
    } else {
      hexRun = 0;
    }
    if (cls & WORD) {
      // camelCase boundary ends the part, not the token.
      const upper = (cls & UPPER) !== 0;
      if (upper && prevLower && partLen > 0) {
        if (TRIGGERS.has(partH, partLen)) return true;
        if (TRIGGERS_WITH_DIGIT.has(partH, partLen)) needsDigit = true;
        partH = 0;
        partLen = 0;
      }
      prevLower = !upper && (cls & DIGIT) === 0;
      const f = c < 128 ? (upper ? c + 32 : c) : foldCode(c);
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
      if (endOfToken(text, tokH, tokLen, tokStart, partH, partLen, s1, s2, s3)) return true;
      if (pendingDigitWord) needsDigit = true;
      tokH = 0;
      tokLen = 0;
      partH = 0;
      partLen = 0;
      prevLower = false;
      s1 = s2 = s3 = 0;
      if (needsDigit && sawDigit) return true;
    }
  }
  return needsDigit && sawDigit;
}

// ASCII character classes for the loop above.
const DIGIT = 1;
const HEX = 2;
const WORD = 4;
const UPPER = 8;
const PHONESEP = 16;
const AT = 32;
const CLS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  let k = 0;
  if (c >= 48 && c <= 57) k |= DIGIT | HEX | WORD;
  if ((c >= 97 && c <= 102) || (c >= 65 && c <= 70)) k |= HEX;
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) k |= WORD;
  if (c >= 65 && c <= 90) k |= UPPER;
  if (c === 32 || c === 45 || c === 46 || c === 40 || c === 41 || c === 47 || c === 43) k |= PHONESEP;
  if (c === 64) k |= AT;
  CLS[c] = k;
}

let pendingDigitWord = false;

/** Checks a finished token; sets pendingDigitWord for words that count only with a digit. */
function endOfToken(text: string, tokH: number, tokLen: number, tokStart: number, partH: number, partLen: number, s1: number, s2: number, s3: number): boolean {
  pendingDigitWord = false;
  const lastPart = partLen > 0 && partLen !== tokLen;
  if (TRIGGERS.has(tokH, tokLen) || (lastPart && TRIGGERS.has(partH, partLen))) return true;
  if (TRIGGERS_WITH_DIGIT.has(tokH, tokLen) || (lastPart && TRIGGERS_WITH_DIGIT.has(partH, partLen))) pendingDigitWord = true;
  if (tokLen >= 3 && SUFFIX3_NEEDS_DIGIT.has((Math.imul(Math.imul(s1, 31) + s2, 31) + s3) | 0, 3)) pendingDigitWord = true;
  // "F32", "f43.1": an ICD-10 F-code.
  if (tokLen === 3 && (text.charCodeAt(tokStart) | 32) === 102 && isD(text.charCodeAt(tokStart + 1)) && isD(text.charCodeAt(tokStart + 2))) return true;
  // "[at]", "(at)", "{at}", "<at>": spelled-out email.
  if (tokLen === 2 && (text.charCodeAt(tokStart) | 32) === 97 && (text.charCodeAt(tokStart + 1) | 32) === 116) {
    let b = tokStart - 1;
    if (b >= 0 && text.charCodeAt(b) === 32) b--;
    const o = b >= 0 ? text.charCodeAt(b) : 0;
    if (o === 91 || o === 40 || o === 123 || o === 60) return true;
  }
  return false;
}

function isD(c: number): boolean {
  return c >= 48 && c <= 57;
}


