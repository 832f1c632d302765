// Name lexicon access. The data (names.generated.ts) is decoded into Sets on first use, not at
// import time: content scripts load in every frame and most never need it.
import { AMBIGUOUS_NAMES, COMMON_WORDS, FIRST_NAMES, LAST_NAMES } from './lexicon/names.generated';
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
}
let lexicon: Lexicon | null = null;

function lex(): Lexicon {
  if (!lexicon) {
    lexicon = {
      first: decode(FIRST_NAMES),
      last: decode(LAST_NAMES),
      common: decode(COMMON_WORDS),
      ambiguous: decode(AMBIGUOUS_NAMES),
    };
    // Words that are names in the data but almost never one in running text.
    for (const w of NEVER_NAMES) {
      lexicon.first.delete(w);
      lexicon.last.delete(w);
    }
  }
  return lexicon;
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
