// Phone numbers: a linear scan collects digit groups with phone-style separators, shape rules
// throw out dates, times, ZIP+4, versions, IPs, prices and IDs, and only the survivors are
// validated by libphonenumber-js (min metadata, ~80 kB; each parse costs ~20 µs, so it must
// never see every number in a page).
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';
import type { Hit } from './hit';
import { isAsciiAlnum, isDigit, isLetter } from './text';

/** Where the candidate sits; a phone column or a "Tel:" label accepts bare digit runs. */
export interface PhoneContext {
  /** The candidate is a whole cell in a column whose header or values say phone. */
  phoneColumn?: boolean;
  /** The column was validated on a sample: accept well-formed values without parsing each one. */
  trustShape?: boolean;
}

const PHONE_WORDS =
  /(?:^|[^a-z])(?:tel|tel\.|telephone|phone|ph|ph\.|cell|cellphone|mobile|mob|mobil|móvil|movil|handy|fax|call|text|txt|sms|whatsapp|signal|contact|reach|telefon|teléfono|telefono|téléphone|portable|gsm|landline|hotline|helpline)\s*[.:#]?(?:\s+(?:me|us|at|on|is|to|him|her|them|back|my|our|his|their|the|number|no\.?|file|home|work|office|direct|anytime|\([a-z]{1,6}\))){0,4}\s*[:.#=-]?\s*$/i;
const NOT_PHONE_WORDS =
  /(?:^|[^a-z])(?:order|invoice|inv|ref|reference|id|account|acct|acc|ticket|case|po|sku|serial|s\/n|sn|tracking|track|transaction|txn|trx|confirmation|conf|receipt|item|part|model|lot|batch|version|ver|v|build|isbn|issn|imei|meid|esn|iccid|imsi|mac|zip|postal|postcode|policy|member|claim|npi|ein|tin|tax|vat|routing|iban|swift|bic|card|ssn|license|licence|patent|doi|pmid|ip|port|pid|uid|gid|code|pin|otp|amount|total|price|balance|qty|quantity|size|bytes|ms|sec|seconds|step|page|pages|row|line|chapter|section|vol|room|flight|booking|reservation|job|employee|emp|student|mrn|record|chart|file|docket|ref\.|no\.|nº|#)\s*[.:#]?\s*(?:no\.?|number|num|nr|#|id)?\s*[:.#=-]?\s*$/i;

const MAX_DIGITS = 15;

/** Candidate spans in text[from,to) that look like a phone number by shape. */
export function findPhones(text: string, from: number, to: number, out: Hit[], ctx: PhoneContext = {}): void {
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (!(isDigit(c) || c === 43 /* + */ || c === 40 /* ( */)) {
      i++;
      continue;
    }
    // Must not start inside a word or a longer number ("abc123", "v2.0.1", "12,345").
    // The range start is a boundary (table cells are scanned one by one).
    const prev = i > from ? text.charCodeAt(i - 1) : 32;
    const thousands = prev === 44 && i > from + 1 && isDigit(text.charCodeAt(i - 2));
    if (isAsciiAlnum(prev) || (prev > 127 && isLetter(prev)) || prev === 46 || thousands || prev === 95 || prev === 47 || prev === 58 || prev === 36 || prev === 0x20ac || prev === 0xa3 || prev === 45 || prev === 35 || prev === 61) {
      // Skip the whole token so we do not restart in its middle.
      i++;
      while (i < to && (isAsciiAlnum(text.charCodeAt(i)) || text.charCodeAt(i) === 46 || text.charCodeAt(i) === 45)) i++;
      continue;
    }
    const end = scanCandidate(text, i, to);
    if (end > i) {
      const hit = judge(text, i, end, ctx, to);
      if (hit) out.push(hit);
      i = end;
      // Skip the rest of the token the candidate stopped in.
      while (i < to && (isAsciiAlnum(text.charCodeAt(i)) || text.charCodeAt(i) === 46 || text.charCodeAt(i) === 45)) i++;
    } else {
      i++;
    }
  }
}

/** Returns the end of a phone-shaped run starting at `s`, or `s` if there is none. */
function scanCandidate(text: string, s: number, to: number): number {
  let i = s;
  let digits = 0;
  let lastDigitEnd = s;
  if (text.charCodeAt(i) === 43) {
    // "+ 984726152" is arithmetic; a country code is written "+44" or "+(44)".
    const n = text.charCodeAt(i + 1);
    if (!isDigit(n) && n !== 40) return s;
    i++;
  }
  let sepRun = 0;
  let parens = 0;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) {
      digits++;
      if (digits > MAX_DIGITS) return s;
      sepRun = 0;
      i++;
      lastDigitEnd = i;
      continue;
    }
    if (c === 32 || c === 45 || c === 46 || c === 40 || c === 41 || c === 47 || c === 0x2013 || c === 0xa0) {
      sepRun++;
      // Separator runs longer than two (") ", " (", ")-") end the number: "1000 - 2000" is maths.
      if (sepRun > 2) break;
      if (c === 40) parens++;
      if (c === 41) parens--;
      if (parens < 0 || parens > 1) break;
      i++;
      continue;
    }
    break;
  }
  if (digits < 7) return s;
  return lastDigitEnd;
}

const DATE_START = /^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})(?!\d)/;

const IBAN_BEFORE = /\b[A-Z]{2}\d{2}(?: [A-Z0-9]{4})* ?$/;

function judge(text: string, s: number, e: number, ctx: PhoneContext, to: number): Hit | null {
  const cand = text.slice(s, e);
  // Why `to`: the range end is a boundary, like its start in findPhones(). A table cell is
  // scanned on its own, and the character after it is the delimiter and the next cell
  // ("…728-1109,2024-08-13"), which must not read as a thousands separator or a glued word.
  const next = e < to ? text.charCodeAt(e) : 32;
  if (ctx.phoneColumn && ctx.trustShape) {
    // A sampled, validated phone column: the cell only has to be phone-shaped.
    if (isLetter(next) && !/^(?:x|ext)/i.test(text.slice(e, e + 3))) return null;
    if (DATE_START.test(cand)) return null;
    return { type: 'phone', start: s, end: e, confidence: 0.85, key: phoneKey(cand) };
  }
  // Glued to a word, a time ("...15 10:30"), a percentage or a decimal: not a phone.
  if (isLetter(next) && !/^(?:x|ext)/i.test(text.slice(e, e + 3))) return null;
  if (next === 58 || next === 37 || next === 95 || next === 44 && isDigit(text.charCodeAt(e + 1))) return null;
  // An amount: "835 526 917 €".
  if (/^[ \u00a0]?[€$£¥]/.test(text.slice(e, Math.min(to, e + 2)))) return null;
  if ((next === 46 || next === 45 || next === 47) && isDigit(text.charCodeAt(e + 1))) return null;
  if (DATE_START.test(cand)) return null;
  const groups = cand.split(/[^0-9]+/).filter((g) => g.length > 0);
  const seps = cand.replace(/[0-9+]/g, '');
  const digits = groups.join('');
  const plus = cand.charCodeAt(0) === 43;
  const intlPrefix = !plus && /^(?:00|011)[ .-]?[1-9]/.test(cand) && groups.length > 1;
  if (/^\d{5}-\d{4}$/.test(cand)) return null; // ZIP+4
  if (/^\d{3}-\d{2}-\d{4}$/.test(cand)) return null; // SSN shape
  if (/^\d{1,3}(?:\.\d{1,3}){3}$/.test(cand)) return null; // IPv4
  if (seps.includes('/') && !ctx.phoneColumn) return null; // fractions, dates, paths
  if (seps.includes('.')) {
    // Dotted numbers are versions or decimals unless grouped like phones (555.123.4567, 06.12.34.56.78).
    if (/[ ()-]/.test(seps) && !plus) return null;
    if (groups.some((g, k) => g.length < 2 && !(k === 0 && (plus || g === '1')))) return null;
    if (groups.length < 3) return null;
  }
  const before = text.slice(Math.max(0, s - 28), s);
  // Inside a formatted IBAN ("GB82 WEST 1234 5698 7654 32"): the digit groups are the account's.
  if (IBAN_BEFORE.test(before)) return null;
  const saysPhone = PHONE_WORDS.test(before) || ctx.phoneColumn === true;
  if (!saysPhone && NOT_PHONE_WORDS.test(before)) return null;
  const bare = groups.length === 1;
  if (bare && !plus && !saysPhone) return null; // a bare digit run is an ID until told otherwise
  // Other groupings are not validated: only the stricter writtenLikePhone() can accept them.
  const lens = groups.map((g) => g.length).join(',');
  const national = plus || intlPrefix || saysPhone || plausibleNationalGrouping(groups, lens, cand);
  const valid = national ? validate(cand, digits, plus, intlPrefix) : null;
  const end = extensionEnd(text, e, to);
  if (!valid) {
    // A value in a phone column is a phone even when the number is not assigned (fake data,
    // typos): the list is what matters there.
    if (ctx.phoneColumn && digits.length >= 7 && digits.length <= 15) {
      return { type: 'phone', start: s, end, confidence: 0.6, key: phoneKey(digits) };
    }
    const shaped = shapeConfidence(cand, groups, lens, digits, plus, intlPrefix, saysPhone);
    return shaped > 0 ? { type: 'phone', start: s, end, confidence: shaped, key: phoneKey(digits) } : null;
  }
  return { type: 'phone', start: s, end, confidence: saysPhone || plus ? 0.97 : 0.9, key: phoneKey(valid) };
}

// " x204", " ext. 12", ", extension 3": the extension is part of the number a person wrote,
// so a redaction that left it behind would leave part of the number.
const EXTENSION = /^,?[ \u00a0]{0,2}(?:x|ext\.?|extn\.?|extension)[ \u00a0]{0,2}\.?[ \u00a0]{0,1}(\d{1,6})(?![\d\p{L}])/iu;

/** The end of the number at `e` with its extension, if one follows. */
function extensionEnd(text: string, e: number, to: number): number {
  const c = text.charCodeAt(e);
  if (c !== 32 && c !== 0xa0 && c !== 44 && c !== 120 && c !== 88 && c !== 101 && c !== 69) return e;
  const m = EXTENSION.exec(text.slice(e, Math.min(to, e + 24)));
  return m ? e + m[0].length : e;
}

const shapeMemo = new Map<string, number>();

/** writtenLikePhone(), remembered per candidate: a page repeats its numbers, and the trunk-0
 *  check may parse a number 20 times (~20 µs each), as validate() may. */
function shapeConfidence(cand: string, groups: string[], lens: string, digits: string, plus: boolean, intlPrefix: boolean, saysPhone: boolean): number {
  const key = (saysPhone ? '1' : '0') + cand;
  let v = shapeMemo.get(key);
  if (v === undefined) {
    v = writtenLikePhone(cand, groups, lens, digits, plus, intlPrefix, saysPhone);
    if (shapeMemo.size > 50_000) shapeMemo.clear();
    shapeMemo.set(key, v);
  }
  return v;
}

/**
 * Confidence for a number libphonenumber does not know as assigned, written as only phone
 * numbers are written (0: not a phone). Made-up numbers (sample data, "555" numbers, areas not
 * yet in the metadata) and numbers of countries the metadata misjudges are still somebody's
 * contact as far as a list or a post goes. Spaces alone never suffice: "250 300 1200" is
 * three amounts as often as a phone.
 */
function writtenLikePhone(cand: string, groups: string[], lens: string, digits: string, plus: boolean, intlPrefix: boolean, saysPhone: boolean): number {
  if (plus || intlPrefix) {
    // A country code libphonenumber knows, and a length that country's numbers can have.
    const p = safeParse(plus ? cand : '+' + digits.replace(/^(?:00|011)/, ''));
    // E.164 written without spaces ("+31178126105") is as clearly a phone as a grouped one.
    if (p && p.isPossible() && (groups.length >= 2 || (plus && digits.length >= 10))) return 0.85;
    // "0115 481 8429" is Nottingham, not 011 (dialling out of North America) and 5.
    if (plus) return 0;
  }
  if (digits.length < 7 || digits.length > 13) return 0;
  const seps = cand.replace(/[0-9]/g, '');
  const spacesOnly = /^ +$/.test(seps);
  if (nanpShaped(cand)) return saysPhone ? 0.9 : 0.85;
  // The North American layout that breaks its plan's rules ("299-066-9452") is not one.
  if (!saysPhone && (lens === '3,3,4' || lens === '1,3,3,4')) return 0;
  if (saysPhone && (digits.length >= 8 || groups.length >= 2)) return 0.8;
  if (groups.length < 2) return 0;
  // Trunk-0 national numbers grouped as they are written ("0500 725881", "02-7258812"); no
  // amount is written with a leading 0, so spaces will do here.
  if (digits.charCodeAt(0) === 48 && (groups[0] as string).length >= 2 && digits.length >= 9 && digits.length <= 12) {
    return TRUNK_ZERO_COUNTRIES.some((c) => safeParse(cand, c)?.isPossible() === true) ? 0.8 : 0;
  }
  if (spacesOnly) return 0;
  // "(957)258-81-20", "(72) 5881-2040", "(0650) 524264157": an area code in brackets.
  if (/^\(\d{2,5}\) ?\d{2,}(?:[ -]\d{2,})*$/.test(cand) && digits.length >= 9 && digits.length <= 12) return 0.8;
  // Three or more groups of 2-4 digits with one kind of separator: "972-588-120", "59-725-88-12".
  if (groups.length >= 3 && digits.length >= 9 && digits.length <= 11 && /^(?:-+|\.+)$/.test(seps) && groups.every((g) => g.length >= 2 && g.length <= 4)) return 0.75;
  return 0;
}

/**
 * The North American plan's written forms: (NXX) NXX-XXXX, NXX-NXX-XXXX, NXX.NXX.XXXX, with an
 * optional leading 1, where N is 2-9. The separators agree; "555 123 4567" needs validation.
 */
function nanpShaped(cand: string): boolean {
  const m = /^(?:1([ .-]?))?(?:\(([2-9]\d\d)\) ?|([2-9]\d\d)([.-]))([2-9]\d\d)([.-])\d{4}$/.exec(cand);
  if (!m) return false;
  const [, lead, , , sep1, , sep2] = m;
  if (sep1 !== undefined && sep1 !== sep2) return false;
  if (lead !== undefined && lead !== '' && sep1 !== undefined && lead !== sep1) return false;
  return true;
}

function safeParse(cand: string, country?: CountryCode): ReturnType<typeof parsePhoneNumberFromString> {
  try {
    return parsePhoneNumberFromString(cand, country);
  } catch {
    return undefined;
  }
}

/** Groupings phones are written in without a country code: NANP 3-3-4 / 1-3-3-4, or 0-led national. */
function plausibleNationalGrouping(groups: string[], lens: string, cand: string): boolean {
  if (lens === '3,3,4' || lens === '1,3,3,4' || lens === '3,7' || lens === '6,4') return true;
  // Nine digits with no trunk prefix, as Spain, Portugal, Poland and Czechia write them
  // ("612 345 678", "91 123 45 67"); validated against those countries.
  // A later group of "000" is an amount ("750 000 000"), however loosely the metadata matches.
  if (lens === '3,3,3' || lens === '2,3,2,2' || lens === '3,2,2,2') return !groups.slice(1).some((g) => /^0+$/.test(g));
  // National numbers with a trunk 0 ("020 7946 0958", "06 12 34 56 78", "0412 345 678").
  if (groups[0]?.startsWith('0') && groups.every((g) => g.length >= 2 && g.length <= 5) && groups.length >= 2) {
    return /^0/.test(cand) || /^\(0/.test(cand);
  }
  return false;
}

/** National numbers with a trunk 0 are tried against these countries, in this order. */
const TRUNK_ZERO_COUNTRIES: CountryCode[] = ['GB', 'DE', 'FR', 'AU', 'IN', 'NL', 'IE', 'NZ', 'ZA', 'BR', 'AT', 'CH', 'BE', 'SE', 'NG', 'PK', 'PH', 'JP', 'KR', 'TR'];

/** Nine-digit national numbers without a trunk 0 are tried against these countries. */
const NINE_DIGIT_COUNTRIES: CountryCode[] = ['ES', 'PT', 'PL', 'CZ', 'SK'];

const memo = new Map<string, string | null>();

/** Returns the E.164 number, or null when libphonenumber says it is not a valid number. */
function validate(cand: string, digits: string, plus: boolean, intlPrefix: boolean): string | null {
  const memoKey = (plus ? '+' : intlPrefix ? '!' : '') + digits;
  const cached = memo.get(memoKey);
  if (cached !== undefined) return cached;
  let result: string | null = null;
  try {
    if (plus) {
      const p = parsePhoneNumberFromString(cand);
      result = p && p.isValid() ? p.number : null;
    } else if (intlPrefix) {
      const p = parsePhoneNumberFromString('+' + digits.replace(/^(?:00|011)/, ''));
      result = p && p.isValid() ? p.number : null;
    } else if (digits.startsWith('0')) {
      result = validIn(cand, TRUNK_ZERO_COUNTRIES);
    } else if (digits.length === 9) {
      result = validIn(cand, NINE_DIGIT_COUNTRIES);
    } else {
      const p = parsePhoneNumberFromString(cand, 'US');
      result = p && p.isValid() ? p.number : null;
    }
  } catch {
    result = null;
  }
  if (memo.size > 50_000) memo.clear();
  memo.set(memoKey, result);
  return result;
}

/** The E.164 form of `cand` in the first of `countries` where it is valid, or null. */
function validIn(cand: string, countries: readonly CountryCode[]): string | null {
  for (const country of countries) {
    const p = parsePhoneNumberFromString(cand, country);
    if (p && p.isValid()) return p.number;
  }
  return null;
}

/** Digits a phone is compared by (own numbers, de-duplication): the last 10. */
export function phoneKey(value: string): string {
  let d = '';
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 48 && c <= 57) d += value[i];
  }
  return d.length > 10 ? d.slice(-10) : d;
}
