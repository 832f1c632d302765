// prescreen(): one linear pass over the characters, no allocation, that answers "could
// classify() say anything but 'none' here?" — or, with level 'warning', "could it say
// 'warning'?", which is all the page needs to know before holding an action. It must never
// answer no when classify() would flag (tests check this on every generated set), so it looks
// for the raw material of every rule rather than for the rules themselves:
//   '@'                         emails, handles
//   >= 7 digits in phone layout  phones
//   >= 32 hex characters        hashed identifiers
//   trigger words               clinical and therapy words (by their first six letters), the
//                               words of spelled-out emails, client/patient headers, and — with a
//                               digit somewhere — birth words and street words. At level
//                               'warning' therapy words ("session", "stress") are left out: next
//                               to a name they make a caution, never a warning, so a post about a
//                               stress workshop is not held for a full check.
//   "F" + two digits            ICD-10 F-codes
// The roster is not covered: a roster can match a bare name, so callers holding a roster must
// ask the roster (or classify()) too.
//
// Speed (about 2-3x the old per-character state machine): per character the loop only reads
// the character's class from one table, ORs it into the token's classes and, for the first six
// characters of a token, updates the word hash. Everything else is done once per token and only
// where the classes say it can matter: digit runs only in tokens with digits, hex runs only in
// tokens of 32 or more, camelCase parts only in tokens with a capital after the first letter,
// street words and suffixes only until one is seen.
import { STREET_WORDS } from './address';
import { clinicalTriggerWords } from './clinical';
import { foldCode } from './fold';
import { WordGate, hashWord } from './gate';
import { DOB_WORDS } from './dob';
import { MAIL_PROVIDERS } from './email';
import { isLetter, isUpper } from './text';

// The gates and the class table are made on the first call, not when the content script
// loads (see lazy.ts).
let TRIGGERS: WordGate;
/** TRIGGERS without the weak therapy words: the gate for level 'warning'. */
let WARNING_TRIGGERS: WordGate;
let TRIGGERS_WITH_DIGIT: WordGate;
// European street names end in the street word ("Hauptstraße", "Kalverstraat").
const STREET_SUFFIXES = ['straße', 'strasse', 'str', 'weg', 'gasse', 'platz', 'allee', 'damm', 'laan', 'straat', 'gatan', 'gade', 'vej', 'veien'];
let SUFFIX3_NEEDS_DIGIT: WordGate;

let built = false;
/** Builds the tables now (the content script does it when a field gets focus), so the first
 *  paste does not pay for it. prescreen() calls it too. */
export function preparePrescreen(): void {
  if (built) return;
  built = true;
  CLS = new Uint16Array(0x10000);
  for (let c = 0; c < 128; c++) classOf(c);
  TRIGGERS = new WordGate();
  WARNING_TRIGGERS = new WordGate();
  TRIGGERS_WITH_DIGIT = new WordGate();
  SUFFIX3_NEEDS_DIGIT = new WordGate();
  for (const w of clinicalTriggerWords()) TRIGGERS.add(w);
  for (const w of clinicalTriggerWords(true)) WARNING_TRIGGERS.add(w);
  for (const gate of [TRIGGERS, WARNING_TRIGGERS]) {
    // Spelled-out emails: "dot", free-mail names; "at" in brackets is checked per token.
    gate.add('dot');
    for (const p of MAIL_PROVIDERS) gate.add(p);
    // Client list headers that make names alone a client list (see columns.ts CLIENT_WORDS).
    for (const w of ['client', 'clients', 'patient', 'patients', 'cliente', 'paciente', 'klient', 'caseload']) gate.add(w);
  }
  for (const w of DOB_WORDS) TRIGGERS_WITH_DIGIT.add(w);
  for (const w of STREET_WORDS) TRIGGERS_WITH_DIGIT.add(w);
  for (const w of ['address', 'addr', 'street', 'dirección', 'direccion', 'adresse', 'indirizzo', 'endereço', 'rue', 'calle', 'via', 'viale', 'avenida', 'rua', 'piazza', 'plaza', 'paseo', 'chemin', 'allée']) {
    TRIGGERS_WITH_DIGIT.add(w);
  }
  for (const s of STREET_SUFFIXES) SUFFIX3_NEEDS_DIGIT.addHash(hashWord(s.slice(-3), 3), true);
}

// Character classes, one entry per UTF-16 unit: ASCII filled by preparePrescreen(), the rest
// on first sight.
const DIGIT = 1; // 0-9
const HEX = 2; // 0-9, a-f, A-F
const WORD = 4; // part of a token: ASCII letters and digits, letters of any script
const UPPER = 8; // upper-case letter
const SEP = 16; // phone separator: space - . ( ) / + NBSP en dash (digit runs go through)
const AT = 32; // '@', '＠'
const LOWERISH = 64; // a letter that is not upper-case (ends a camelCase part before a capital)
const KNOWN = 128; // the entry is filled
const FOLD = 256; // folds by +32 (A-Z, Latin-1 capitals): folded = c + ((k >>> 3) & 32), as foldCode()
let CLS = new Uint16Array(0);

function classOf(c: number): number {
  let k = KNOWN;
  if (c < 128) {
    if (c >= 48 && c <= 57) k |= DIGIT | HEX | WORD;
    if ((c >= 97 && c <= 102) || (c >= 65 && c <= 70)) k |= HEX;
    if (c >= 97 && c <= 122) k |= WORD | LOWERISH;
    if (c >= 65 && c <= 90) k |= WORD | UPPER;
    if (c === 32 || c === 45 || c === 46 || c === 40 || c === 41 || c === 47 || c === 43) k |= SEP;
    if (c === 64) k |= AT;
  } else if (c === 0xff20) {
    k |= AT;
  } else if (c === 0xa0 || c === 0x2013) {
    k |= SEP;
  } else if (isLetter(c)) {
    k |= isUpper(c) ? WORD | UPPER : WORD | LOWERISH;
  }
  if (foldCode(c) !== c) k |= FOLD;
  CLS[c] = k;
  return k;
}

/**
 * True when the text could warrant a caution or warning; false means classify() says 'none'.
 * With level 'warning': false means classify() does not say 'warning' (it may say 'caution').
 */
export function prescreen(text: string, level: 'caution' | 'warning' = 'caution'): boolean {
  if (typeof text !== 'string' || text.length === 0) return false;
  preparePrescreen();
  const n = text.length;
  // Tables in locals: they are module variables assigned on first use, which the loop below
  // would otherwise load (and check) again for every word.
  const cls = CLS;
  const triggers = level === 'warning' ? WARNING_TRIGGERS : TRIGGERS;
  const withDigit = TRIGGERS_WITH_DIGIT;
  const suffix3 = SUFFIX3_NEEDS_DIGIT;
  // Digits in phone layout so far (separators do not end a run; anything else does).
  let run = 0;
  let digit = false;
  // A word that counts only with a digit somewhere in the text (birth and street words).
  let wantDigit = false;
  let i = 0;
  while (i < n) {
    let c = code(text, i);
    let k = cls[c] as number;
    if (k === 0) k = classOf(c);
    if ((k & WORD) === 0) {
      if ((k & SEP) === 0) {
        if ((k & AT) !== 0) return true;
        run = 0;
      }
      i++;
      continue;
    }
    // A token: letters and digits. Per character only the OR of its classes is kept, and for
    // the first six the hash of the folded character (c + 32 for capitals, as foldCode()).
    const start = i;
    let rest = 0;
    let h = c + ((k >>> 3) & 32);
    const six = Math.min(n, i + 6);
    for (i++; i < six; i++) {
      c = code(text, i);
      k = cls[c] as number;
      if (k === 0) k = classOf(c);
      if ((k & WORD) === 0) break;
      rest |= k;
      h = (Math.imul(h, 31) + c + ((k >>> 3) & 32)) | 0;
    }
    if (i === six) {
      for (; i < n; i++) {
        c = code(text, i);
        k = cls[c] as number;
        if (k === 0) k = classOf(c);
        if ((k & WORD) === 0) break;
        rest |= k;
      }
    }
    const end = i;
    const len = end - start;
    const all = (cls[code(text, start)] as number) | rest;

    if ((all & DIGIT) !== 0) {
      digit = true;
      if (wantDigit) return true;
      for (let p = start; p < end; p++) {
        const d = code(text, p);
        if (d >= 48 && d <= 57) {
          if (++run >= 7) return true;
        } else {
          run = 0;
        }
      }
      // "F32", "f43.1": an ICD-10 F-code.
      if (len === 3 && (code(text, start) | 32) === 102 && isD(code(text, start + 1)) && isD(code(text, start + 2))) return true;
      // 32 hex characters in a row: a hashed identifier.
      if (len >= 32 && hexRun32(cls, text, start, end)) return true;
    } else {
      // Letters end a digit run.
      run = 0;
      if (len >= 32 && (all & HEX) !== 0 && hexRun32(cls, text, start, end)) return true;
    }

    // The token's word, by the hash of its first six folded characters.
    if (triggers.has(h, len)) return true;

    // camelCase: "homeAddress" is also "home" and "address". A part ends at a capital that
    // follows a lower-case letter, which needs a capital after the first character.
    let lastH = 0;
    let lastLen = 0;
    if ((rest & UPPER) !== 0) {
      let partH = 0;
      let partLen = 0;
      let prevLower = false;
      let split = false;
      for (let p = start; p < end; p++) {
        const d = code(text, p);
        const kd = cls[d] as number;
        if ((kd & UPPER) !== 0 && prevLower && partLen > 0) {
          if (triggers.has(partH, partLen)) return true;
          if (withDigit.has(partH, partLen)) {
            if (digit) return true;
            wantDigit = true;
          }
          partH = 0;
          partLen = 0;
          split = true;
        }
        prevLower = (kd & LOWERISH) !== 0;
        if (partLen < 6) partH = (Math.imul(partH, 31) + d + ((kd >>> 3) & 32)) | 0;
        partLen++;
      }
      if (split) {
        if (triggers.has(partH, partLen)) return true;
        lastH = partH;
        lastLen = partLen;
      }
    }

    if (len === 2) {
      // "[at]", "(at)", "{at}", "<at>": a spelled-out email.
      if ((code(text, start) | 32) === 97 && (code(text, start + 1) | 32) === 116) {
        let b = start - 1;
        if (b >= 0 && code(text, b) === 32) b--;
        const o = b >= 0 ? code(text, b) : 0;
        if (o === 91 || o === 40 || o === 123 || o === 60) return true;
      }
    }

    // Birth and street words count only with a digit somewhere: once one is seen, only the
    // digit is still needed.
    if (!wantDigit) {
      let hit = withDigit.has(h, len) || (lastLen > 0 && withDigit.has(lastH, lastLen));
      if (!hit && len >= 3) {
        const a = code(text, end - 3);
        const b = code(text, end - 2);
        const z = code(text, end - 1);
        const s = (Math.imul(Math.imul(a + (((cls[a] as number) >>> 3) & 32), 31) + b + (((cls[b] as number) >>> 3) & 32), 31) + z + (((cls[z] as number) >>> 3) & 32)) | 0;
        hit = suffix3.has(s, 3);
      }
      if (hit) {
        if (digit) return true;
        wantDigit = true;
      }
    }
  }
  return false;
}

/**
 * text.charCodeAt(i) without looking the method up on the string: a page hands over strings of
 * many internal kinds (flat, sliced, concatenated, one- or two-byte), and past four of them V8
 * looks `charCodeAt` up generically on every call, which made the loop about three times slower.
 */
function code(text: string, i: number): number {
  return String.prototype.charCodeAt.call(text, i);
}

/** Whether text[start, end) holds 32 hex characters in a row. */
function hexRun32(cls: Uint16Array, text: string, start: number, end: number): boolean {
  let run = 0;
  for (let p = start; p < end; p++) {
    if ((cls[code(text, p)] as number) & HEX) {
      if (++run >= 32) return true;
    } else {
      run = 0;
    }
  }
  return false;
}

function isD(c: number): boolean {
  return c >= 48 && c <= 57;
}
