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
  /** Every list a word is in, as LX_* bits: one lookup answers all of a token's questions. */
  flags: Map<string, number>;
}

export const LX_FIRST = 1;
export const LX_LAST = 2;
export const LX_COMMON = 4;
/** As isAmbiguousName(). */
export const LX_AMBIGUOUS = 8;
export const LX_PLACE = 16;
export const LX_ORG = 32;

function flagsOf(first: Set<string>, last: Set<string>, common: Set<string>, ambiguous: Set<string>, places: Set<string>, orgs: Set<string>): Map<string, number> {
  const flags = new Map<string, number>();
  const mark = (words: Set<string>, bit: number) => {
    for (const w of words) flags.set(w, (flags.get(w) ?? 0) | bit);
  };
  mark(first, LX_FIRST);
  mark(last, LX_LAST);
  mark(common, LX_COMMON);
  mark(places, LX_PLACE);
  mark(orgs, LX_ORG);
  for (const [w, f] of flags) if ((f & LX_COMMON) !== 0 && (f & (LX_FIRST | LX_LAST)) !== 0) flags.set(w, f | LX_AMBIGUOUS);
  for (const w of ambiguous) flags.set(w, (flags.get(w) ?? 0) | LX_AMBIGUOUS);
  return flags;
}

/** The LX_* bits of a folded word (0: in no list). */
export function lexiconFlags(folded: string): number {
  return lex().flags.get(folded) ?? 0;
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
  if (!lexicon) lexicon = { first, last, common, ambiguous, places, orgs, flags: flagsOf(first, last, common, ambiguous, places, orgs) };
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

// A 2^18-bit filter over hashes of every first name: the name pass asks it about each
// lower-case word before building the word's string ("anxiety", "weekend" stop here).
const GATE_BITS = 18;
let firstGate: Uint32Array | null = null;

/** Hash of a folded word: h = h * 31 + code over its UTF-16 codes (the tokenizer computes the same as it reads). */
function gateHash(w: string): number {
  let h = 0;
  for (let i = 0; i < w.length; i++) h = (Math.imul(h, 31) + w.charCodeAt(i)) | 0;
  return h;
}

function gateSlot(h: number): number {
  return (h ^ (h >>> GATE_BITS)) & ((1 << GATE_BITS) - 1);
}

/** The first-name filter, built on first use. */
export function firstNameGate(): Uint32Array {
  let gate = firstGate;
  if (!gate) {
    gate = new Uint32Array(1 << (GATE_BITS - 5));
    for (const w of lex().first) {
      const slot = gateSlot(gateHash(w));
      gate[slot >>> 5] = (gate[slot >>> 5] as number) | (1 << (slot & 31));
    }
    firstGate = gate;
  }
  return gate;
}

/** False when a word whose folded form hashes (as gateHash) to `h` is certainly not a first name. */
export function gateHas(gate: Uint32Array, h: number): boolean {
  const slot = gateSlot(h);
  return ((gate[slot >>> 5] as number) & (1 << (slot & 31))) !== 0;
}

/** Every first name, folded (for tests of the filter). */
export function firstNameList(): ReadonlySet<string> {
  return lex().first;
}

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
