// Name lexicon access. The data (names.generated.ts) is decoded into one map on first use, not at
// import time: content scripts load in every frame and most never need it.
import { AMBIGUOUS_NAMES, COMMON_WORDS, FIRST_NAMES, LAST_NAMES, ORG_WORDS, PLACE_WORDS } from './lexicon/names.generated';
import { foldWord } from './text';
import { hashWord } from './gate';
import { runToEnd } from './steps';

/** Adds `bit` to the flags of every word of a prefix-coded list. */
function decodeInto(coded: string, flags: Map<string, number>, bit: number): void {
  let prev = '';
  for (const entry of coded.split(',')) {
    if (!entry) continue;
    const k = parseInt(entry[0] as string, 36);
    prev = prev.slice(0, k) + entry.slice(1);
    flags.set(prev, (flags.get(prev) ?? 0) | bit);
  }
}

export const LX_FIRST = 1;
export const LX_LAST = 2;
export const LX_COMMON = 4;
/** As isAmbiguousName(): in the ambiguous list, or common and also a name. */
export const LX_AMBIGUOUS = 8;
export const LX_PLACE = 16;
export const LX_ORG = 32;

// A 2^18-bit filter over the hashes (gate.ts hashWord) of every first name: the name pass asks
// it about each lower-case word before building the word's string ("anxiety", "weekend" stop
// here). A superset: the few first names NEVER_NAMES drops stay in it.
const GATE_BITS = 18;

function gateSlot(h: number): number {
  return (h ^ (h >>> GATE_BITS)) & ((1 << GATE_BITS) - 1);
}

interface Lexicon {
  /** Every word with the lists it is in, as LX_* bits: one lookup answers all of a token's questions. */
  words: Map<string, number>;
  firstGate: Uint32Array;
}
let lexicon: Lexicon | null = null;

/**
 * Decodes the lexicon one list at a time, yielding in between, so the ~20 ms of first use
 * are spread over slices of classifyIncrementally(). lex() does the same in one go.
 */
export function* warmLexicon(): Generator<void, void> {
  if (lexicon) return;
  const words = new Map<string, number>();
  decodeInto(FIRST_NAMES, words, LX_FIRST);
  yield;
  // Only first names are in the map yet.
  const firstGate = new Uint32Array(1 << (GATE_BITS - 5));
  for (const w of words.keys()) {
    const slot = gateSlot(hashWord(w, w.length));
    firstGate[slot >>> 5] = (firstGate[slot >>> 5] as number) | (1 << (slot & 31));
  }
  yield;
  decodeInto(LAST_NAMES, words, LX_LAST);
  yield;
  decodeInto(COMMON_WORDS, words, LX_COMMON);
  decodeInto(AMBIGUOUS_NAMES, words, LX_AMBIGUOUS);
  decodeInto(PLACE_WORDS, words, LX_PLACE);
  decodeInto(ORG_WORDS, words, LX_ORG);
  yield;
  // Words that are names in the data but almost never one in running text.
  for (const w of NEVER_NAMES) {
    const f = words.get(w);
    if (f !== undefined) words.set(w, f & ~(LX_FIRST | LX_LAST));
  }
  if (!lexicon) lexicon = { words, firstGate };
}

function lex(): Lexicon {
  if (!lexicon) runToEnd(warmLexicon());
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

/** False when a word whose folded form hashes (gate.ts hashWord) to `h` is certainly not a first name. */
export function mayBeFirstNameHash(h: number): boolean {
  const slot = gateSlot(h);
  return ((lex().firstGate[slot >>> 5] as number) & (1 << (slot & 31))) !== 0;
}

/** Every first name, folded (for tests of the filter). */
export function firstNameList(): string[] {
  return [...lex().words].filter(([, f]) => (f & LX_FIRST) !== 0).map(([w]) => w);
}

/** The LX_* bits of a folded word (0: in no list). */
export function lexiconFlags(folded: string): number {
  const f = lex().words.get(folded) ?? 0;
  // A common word that is also a name is ambiguous whatever the ambiguous list says.
  return (f & LX_COMMON) !== 0 && (f & (LX_FIRST | LX_LAST)) !== 0 ? f | LX_AMBIGUOUS : f;
}

function has(folded: string, bits: number): boolean {
  return (lexiconFlags(folded) & bits) !== 0;
}

export function isFirstName(folded: string): boolean {
  return has(folded, LX_FIRST);
}
export function isLastName(folded: string): boolean {
  return has(folded, LX_LAST);
}
export function isCommonWord(folded: string): boolean {
  return has(folded, LX_COMMON);
}
/** A name that is also an everyday word ("will", "may", "grace", "hope", "mark"). */
export function isAmbiguousName(folded: string): boolean {
  return has(folded, LX_AMBIGUOUS);
}
export function isKnownName(folded: string): boolean {
  return has(folded, LX_FIRST | LX_LAST);
}
/** A place or demonym word ("virginia", "africa", "irish"). */
export function isPlaceWord(folded: string): boolean {
  return has(folded, LX_PLACE);
}
/** A word from an organisation or team name that is not also a person name. */
export function isOrgWord(folded: string): boolean {
  return has(folded, LX_ORG);
}
