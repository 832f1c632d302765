// Person names in running text (posts, review replies, notes). The fast path is a lexicon of
// first names and surnames plus capitalisation and context: titles (Dr., Ms.), cues ("my client
// X", "thanks X"), "X and Y", and @handles. compromise is far slower (~0.3 MB/s) and merges
// comma-separated names, so it is not used at run time.
import type { Hit } from './hit';
import { isAmbiguousName, isCommonWord, isFirstName, isLastName } from './names';
import { foldWord, isAsciiAlnum, isDigit, isLetter, isLower, isUpper } from './text';

export interface Token {
  s: number;
  e: number;
  /** Raw token text (without a trailing possessive 's). */
  raw: string;
  /** Folded for lexicon lookups. */
  f: string;
  cap: boolean;
  allCaps: boolean;
  /** A single capital letter followed by '.', e.g. the "F." in "John F. Kennedy". */
  initial: boolean;
  /** What separates this token from the previous one. */
  gap: 'start' | 'space' | 'comma' | 'break' | 'other';
  handle: boolean;
}

const TITLES = new Set(
  'dr mr mrs ms miss mx prof professor rev sr sra srta dra herr frau mme mlle dott sig sen rep gov capt sgt lt col gen officer coach nurse pastor father mother brother sister aunt uncle auntie grandma grandpa'.split(
    ' ',
  ),
);
// Words after which a capitalised word is probably a person ("my client Aleksei", "thanks Jo").
const CUE_BEFORE = new Set(
  'client clients patient patients named called thanks thank dear hi hello hey congrats congratulations welcome meet met with by from and love miss'.split(' '),
);
// A capitalised run followed by one of these is an organisation or a place, not a person.
const ORG_AFTER = new Set(
  (
    'inc llc ltd corp corporation company co group university college school academy hospital clinic center centre ' +
    'church street st ave avenue road rd park river lake mountain mount city county state bank foundation institute ' +
    'association club team fc records studios studio media news post times airport station hotel restaurant cafe ' +
    'bar mall market press network tv radio magazine journal daily weekly show festival museum library hall ' +
    'stadium arena tower bridge square island beach valley bay county district province republic kingdom empire ' +
    'international global services solutions systems technologies labs partners holdings enterprises foods'
  ).split(' '),
);
const PARTICLES = new Set('van von de der den da di del della dos das du la le bin ibn al el ben ter ten mac st'.split(' '));
const MONTHS_DAYS = new Set(
  'january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday'.split(' '),
);

/** Word tokens of text[from,to) with their separators. @handles are tokens too. */
export function tokenize(text: string, from: number, to: number): Token[] {
  const out: Token[] = [];
  let i = from;
  // 'none' = nothing seen since the last token (glued tokens count as 'other').
  let gap: Token['gap'] | 'none' = 'start';
  while (i < to) {
    const c = text.charCodeAt(i);
    // @handle (not an email: nothing word-like right before the @).
    if (c === 64 && i + 1 < to && (isAsciiAlnum(text.charCodeAt(i + 1)) || text.charCodeAt(i + 1) === 95)) {
      const prev = i > 0 ? text.charCodeAt(i - 1) : 32;
      if (!isAsciiAlnum(prev) && prev !== 46 && prev !== 95 && !isDecorator(text, i, to)) {
        let j = i + 1;
        while (j < to && j - i <= 31 && (isAsciiAlnum(text.charCodeAt(j)) || text.charCodeAt(j) === 95)) j++;
        const name = text.slice(i + 1, j);
        // "@2x" retina suffixes and "@media" CSS rules are not people.
        if (!/^\d+x?$/.test(name) && !CODE_AT.has(name.toLowerCase()) && text.charCodeAt(j) !== 64) {
          out.push({ s: i, e: j, raw: text.slice(i, j), f: name.toLowerCase(), cap: false, allCaps: false, initial: false, gap: gap === 'none' ? 'other' : gap, handle: true });
        }
        i = j;
        gap = 'none';
        continue;
      }
    }
    if (!isLetter(c)) {
      if (c === 10 || c === 13 || c === 0x2028 || c === 46 || c === 33 || c === 63 || c === 0x2026 || c === 58 || c === 59 || c === 124 || c === 9) {
        if (gap !== 'start') gap = 'break';
      } else if (c === 44) {
        if (gap !== 'break' && gap !== 'start') gap = 'comma';
      } else if (c === 32 || c === 0xa0) {
        if (gap === 'none') gap = 'space';
      } else if (gap === 'none' || gap === 'space') {
        gap = 'other';
      }
      if (isDigit(c) || c === 64) {
        // Skip the whole alphanumeric token ("3rd", "b2b").
        while (i < to && (isAsciiAlnum(text.charCodeAt(i)) || text.charCodeAt(i) === 64)) i++;
        gap = 'none';
        continue;
      }
      i++;
      continue;
    }
    const s = i;
    while (i < to) {
      const d = text.charCodeAt(i);
      if (isLetter(d)) {
        i++;
      } else if ((d === 39 || d === 0x2019 || d === 45) && i + 1 < to && isLetter(text.charCodeAt(i + 1))) {
        i++; // O'Brien, Jean-Luc
      } else {
        break;
      }
    }
    if (i < to && isAsciiAlnum(text.charCodeAt(i))) {
      // Letters glued to digits ("abc123", "covid19"): not a name.
      while (i < to && isAsciiAlnum(text.charCodeAt(i))) i++;
      gap = 'none';
      continue;
    }
    let e = i;
    let raw = text.slice(s, e);
    // Possessive: "Iverson's" -> "Iverson".
    if (/['\u2019]s$/i.test(raw) && raw.length > 3) {
      e -= 2;
      raw = raw.slice(0, -2);
    }
    const first = raw.charCodeAt(0);
    const cap = isUpper(first);
    const initial = raw.length === 1 && cap && text.charCodeAt(i) === 46;
    let allCaps = cap && raw.length > 1;
    if (allCaps) {
      for (let k = 1; k < raw.length; k++) {
        if (isLower(raw.charCodeAt(k))) {
          allCaps = false;
          break;
        }
      }
    }
    out.push({ s, e, raw, f: foldWord(raw), cap, allCaps, initial, gap: gap === 'none' ? 'other' : gap, handle: false });
    if (initial) i++; // the initial's dot is part of the name, not a sentence end
    gap = 'none';
  }
  return out;
}

/** "@app.route(" or "@Input()" at the start of a line: a decorator in code, not a handle. */
function isDecorator(text: string, at: number, to: number): boolean {
  let b = at - 1;
  while (b >= 0 && (text.charCodeAt(b) === 32 || text.charCodeAt(b) === 9)) b--;
  if (b >= 0 && text.charCodeAt(b) !== 10 && text.charCodeAt(b) !== 13) return false;
  let j = at + 1;
  while (j < to && (isAsciiAlnum(text.charCodeAt(j)) || text.charCodeAt(j) === 95)) j++;
  const c = text.charCodeAt(j);
  if (c === 46 || c === 40) return true;
  // "@dataclass" / "@Override" alone on a line, followed by a definition.
  const next = text.slice(j, Math.min(to, j + 80));
  return /^\r?\n\s*(?:def|class|async|public|private|protected|export|function|static|override|@)\b/.test(next);
}

const CODE_AT = new Set('media import charset font-face keyframes supports page param return returns type property override param deprecated example see link since throws todo interface component injectable input output test'.split(' '));

function isCapName(t: Token): boolean {
  return t.cap && !t.handle;
}

/** A capitalised token that can be a surname or a later part of a name. */
function canContinue(t: Token): boolean {
  if (!isCapName(t)) return false;
  if (t.initial) return true;
  if (ORG_AFTER.has(t.f) || MONTHS_DAYS.has(t.f) || TITLES.has(t.f)) return false;
  if (t.allCaps && !isKnownNameForm(t.f)) return false;
  if (isLastName(t.f) || isFirstName(t.f)) return !isCommonWord(t.f) || isLastName(t.f);
  return !isCommonWord(t.f) && t.raw.length > 1;
}

function isKnownNameForm(f: string): boolean {
  if (isFirstName(f) || isLastName(f)) return true;
  const dash = f.indexOf('-');
  return dash > 0 && (isFirstName(f.slice(0, dash)) || isLastName(f.slice(0, dash)));
}

function firstNameOf(f: string): boolean {
  if (isFirstName(f)) return true;
  const dash = f.indexOf('-');
  return dash > 0 && isFirstName(f.slice(0, dash)); // Jean-Luc, Mary-Jane
}

/** Person names in text[from,to). */
export function findPersons(text: string, from: number, to: number, out: Hit[]): void {
  const toks = tokenize(text, from, to);
  const n = toks.length;
  const accepted: { a: number; b: number; conf: number; full: boolean }[] = [];
  let k = 0;
  while (k < n) {
    const t = toks[k] as Token;
    if (t.handle) {
      out.push({ type: 'person', start: t.s, end: t.e, confidence: 0.5, key: t.raw.toLowerCase(), handle: true, full: false });
      k++;
      continue;
    }
    if (!isCapName(t)) {
      k++;
      continue;
    }
    const prev = k > 0 ? (toks[k - 1] as Token) : null;
    const titled = prev !== null && TITLES.has(prev.f) && prev.cap && t.gap !== 'break';
    const cued = prev !== null && t.gap !== 'break' && CUE_BEFORE.has(prev.f) && !prev.cap;
    const sentenceStart = t.gap === 'start' || t.gap === 'break';
    // Extend over following capitalised tokens on the same line, through particles (van, de, bin).
    let j = k + 1;
    while (j < n && j - k < 4) {
      const u = toks[j] as Token;
      if (u.gap !== 'space') break;
      if (canContinue(u)) {
        j++;
        continue;
      }
      if (!u.cap && PARTICLES.has(u.f) && j + 1 < n && (toks[j + 1] as Token).gap === 'space' && canContinue(toks[j + 1] as Token)) {
        j += 2;
        continue;
      }
      break;
    }
    // A trailing organisation or place word makes the whole run a name of a thing.
    const after = j < n ? (toks[j] as Token) : null;
    if (after && after.gap === 'space' && after.cap && ORG_AFTER.has(after.f)) {
      k = j + 1;
      continue;
    }
    const count = j - k;
    const fn = firstNameOf(t.f) && !(t.allCaps && t.raw.length <= 3);
    const amb = isAmbiguousName(t.f) || MONTHS_DAYS.has(t.f);
    const common = isCommonWord(t.f);
    let laterSurname = false;
    for (let m = k + 1; m < j; m++) if (isLastName((toks[m] as Token).f) && !(toks[m] as Token).initial) laterSurname = true;
    let conf = 0;
    if (t.allCaps && !isKnownNameForm(t.f)) {
      conf = 0;
    } else if (titled) {
      conf = 0.9;
    } else if (fn && count >= 2) {
      conf = amb && !laterSurname ? 0.6 : 0.85;
    } else if (fn && count === 1) {
      conf = amb || (common && sentenceStart) ? (cued ? 0.55 : 0) : cued ? 0.7 : 0.6;
    } else if (count >= 2 && laterSurname && !common) {
      conf = 0.7;
    } else if (cued && !common && count >= 1 && !MONTHS_DAYS.has(t.f)) {
      conf = 0.55;
    } else if (!fn && isLastName(t.f) && count >= 2 && !common) {
      conf = 0.6;
    }
    if (conf > 0) {
      // Drop a trailing initial without a surname after it ("John F." at a sentence end).
      let b = j;
      while (b - 1 > k && (toks[b - 1] as Token).initial) b--;
      accepted.push({ a: k, b, conf, full: b - k >= 2 || titled });
      k = j;
    } else {
      k++;
    }
  }
  // "X and Y": when one side is a name, a capitalised uncommon word on the other side is too.
  const taken = new Set<number>();
  for (const acc of accepted) for (let m = acc.a; m < acc.b; m++) taken.add(m);
  const extra: typeof accepted = [];
  for (const acc of accepted) {
    const and = toks[acc.b];
    const other = toks[acc.b + 1];
    if (and && other && (and.f === 'and' || and.raw === '&') && !taken.has(acc.b + 1) && canContinue(other) && !isCommonWord(other.f)) {
      extra.push({ a: acc.b + 1, b: acc.b + 2, conf: 0.55, full: false });
      taken.add(acc.b + 1);
    }
  }
  for (const acc of [...accepted, ...extra]) {
    const a = toks[acc.a] as Token;
    const b = toks[acc.b - 1] as Token;
    const key = toks
      .slice(acc.a, acc.b)
      .map((x) => x.f)
      .join(' ');
    out.push({ type: 'person', start: a.s, end: b.e, confidence: acc.conf, key, full: acc.full });
  }
}

/**
 * Whether a table cell's value is shaped like a person's name: 1-5 words of letters (initials,
 * particles and "Last, First" allowed), no digits or '@'. `lexiconHits` counts known name words.
 */
export function nameShape(value: string): { ok: boolean; words: number; lexiconHits: number; firstHit: boolean } {
  const v = value.trim();
  if (v.length < 2 || v.length > 60) return { ok: false, words: 0, lexiconHits: 0, firstHit: false };
  let words = 0;
  let hits = 0;
  let firstHit = false;
  let letters = 0;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (isDigit(c) || c === 64 || c === 47 || c === 92 || c === 58 || c === 61 || c === 95) {
      return { ok: false, words: 0, lexiconHits: 0, firstHit: false };
    }
    if (isLetter(c)) letters++;
  }
  if (letters < 2) return { ok: false, words: 0, lexiconHits: 0, firstHit: false };
  for (const w of v.split(/[\s,]+/)) {
    if (!w) continue;
    const bare = w.replace(/[.'"()]/g, '');
    if (!bare) continue;
    words++;
    const f = foldWord(bare);
    if (isFirstName(f) || isLastName(f) || (f.includes('-') && isKnownNameForm(f))) {
      hits++;
      if (isFirstName(f)) firstHit = true;
    }
  }
  return { ok: words >= 1 && words <= 5, words, lexiconHits: hits, firstHit };
}
