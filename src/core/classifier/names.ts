// Name lexicon access. The data (names.generated.ts) is decoded into Sets on first use, not at
// import time: content scripts load in every frame and most never need it.
import { AMBIGUOUS_NAMES, COMMON_WORDS, FIRST_NAMES, LAST_NAMES, ORG_WORDS, PLACE_WORDS } from './lexicon/names.generated';
import { foldWord } from './text';

function decode(coded: string): Set<string> {
  const out = new Set<string>();
  let prev = '';
  for (const entry of coded.split(',')) {
    if (!entry) continue;
    const k = parseInt(entry[0] as string, 36);
    prev = prev.slice(0, k) + entry.slice(1);
    out.add(prev);
  }
  return out;
}

interface Lexicon {
  first: Set<string>;
  last: Set<string>;
  common: Set<string>;
  ambiguous: Set<string>;
  places: Set<string>;
  orgs: Set<string>;
}
let lexicon: Lexicon | null = null;

/**
 * Decodes the lexicon one list at a time, yielding in between, so the ~15 ms of first use
 * are spread over slices of classifyIncrementally(). lex() does the same in one go.
 */
export function* warmLexicon(): Generator<void, void> {
  if (lexicon) return;
  const first = decode(FIRST_NAMES);
  yield;
  const last = decode(LAST_NAMES);
  yield;
  const common = decode(COMMON_WORDS);
  const ambiguous = decode(AMBIGUOUS_NAMES);
  const places = decode(PLACE_WORDS);
  const orgs = decode(ORG_WORDS);
  // Words that are names in the data but almost never one in running text.
  for (const w of NEVER_NAMES) {
    first.delete(w);
    last.delete(w);
  }
  if (!lexicon) lexicon = { first, last, common, ambiguous, places, orgs };
}

function lex(): Lexicon {
  if (!lexicon) {
    const gen = warmLexicon();
    while (!gen.next().done);
  }
  return lexicon as Lexicon;
}

const NEVER_NAMES = (
  'the and for not but you all any can her was one our out day get has him his how man new now old see ' +
  'two way who boy did its let put say she too use god lord love happy baby sunday monday friday christmas ' +
  'easter king queen prince princess saint san santa sir miss mister madam doctor nurse mom dad mum mama ' +
  'papa bro sis dude guy girl lady man men women thanks thank hello hi hey dear yes no ok okay lol omg'
).split(' ');

/** Folded (lower-case, accent-free) word. */
export { foldWord };

export function isFirstName(folded: string): boolean {
  return lex().first.has(folded);
}
export function isLastName(folded: string): boolean {
  return lex().last.has(folded);
}
export function isCommonWord(folded: string): boolean {
  return lex().common.has(folded);
}
/** A name that is also an everyday word ("will", "may", "grace", "hope", "mark"). */
export function isAmbiguousName(folded: string): boolean {
  const l = lex();
  return l.ambiguous.has(folded) || (l.common.has(folded) && (l.first.has(folded) || l.last.has(folded)));
}
export function isKnownName(folded: string): boolean {
  const l = lex();
  return l.first.has(folded) || l.last.has(folded);
}
/** A place or demonym word ("virginia", "africa", "irish"). */
export function isPlaceWord(folded: string): boolean {
  return lex().places.has(folded);
}
/** A word from an organisation or team name that is not also a person name. */
export function isOrgWord(folded: string): boolean {
  return lex().orgs.has(folded);
}
