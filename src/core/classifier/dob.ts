// Dates of birth: a date right after a birth keyword ("DOB: 03/14/1985", "born 3 March 1985"),
// or any date in a column whose header says birth. A date alone is not a date of birth.
import type { Hit } from './hit';
import { lazy } from '../lazy';

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DATE_SRC =
  `(?:\\d{1,2}[-/.]\\d{1,2}[-/.](?:\\d{4}|\\d{2})|\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}|${MONTH} \\d{1,2}(?:st|nd|rd|th)?,? \\d{4}|\\d{1,2}(?:st|nd|rd|th)? (?:of )?${MONTH},? \\d{4})`;
/** A whole-cell date (used for birth-date columns). */
const dateCell = lazy(() => new RegExp(`^\\s*${DATE_SRC}\\s*$`, 'i'));
// Keyword, up to a few separator characters, then the date. Bounded gaps: no backtracking blow-up.
const dobRe = lazy(
  () =>
    new RegExp(
      `\\b(?:dob\\.?|date of birth|birth ?date|birthday|born(?: on)?|fecha de nacimiento|f\\. ?nac\\.?|geb(?:oren|\\.)?(?: am)?|n[ée]e? le)[ \\t:=-]{0,4}(${DATE_SRC})(?![\\d/])`,
      'gi',
    ),
);

/** Dates of birth in text[from,to). */
export function findDobs(text: string, from: number, to: number, out: Hit[]): void {
  const slice = text.slice(from, to);
  const re = dobRe();
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(slice)) !== null) {
    const date = m[1] as string;
    const start = from + m.index + m[0].length - date.length;
    out.push({ type: 'dob', start, end: start + date.length, confidence: 0.9, key: date.replace(/\D+/g, '') });
  }
}

/** Words prescreen() needs to see (with a digit somewhere) before a date of birth is possible. */
export const DOB_WORDS = ['dob', 'birth', 'birthdate', 'birthday', 'born', 'nacimiento', 'nac', 'geb', 'geboren', 'nee', 'née', 'naissance', 'geburtsdatum', 'nascita', 'dateofbirth', 'doby'];

/** Whether a cell value is a plausible birth date (any date form whose year is not in the future). */
export function isDateCell(value: string): boolean {
  return dateCell().test(value);
}
