// Name lexicon access. The data (names.generated.ts) is decoded into one map on first use, not at
// import time: content scripts load in every frame and most never need it.
import { AMBIGUOUS_NAMES, COMMON_WORDS, FIRST_NAMES, LAST_NAMES, ORG_WORDS, PLACE_WORDS } from './lexicon/names.generated';
import { foldWord } from './text';

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

/** Every word of the lexicon with the lists it is in, as LX_* bits: one lookup answers all of a token's questions. */
let lexicon: Map<string, number> | null = null;

/**
 * Decodes the lexicon one list at a time, yielding in between, so the ~20 ms of first use
 * are spread over slices of classifyIncrementally(). lex() does the same in one go.
 */
export function* warmLexicon(): Generator<void, void> {
  if (lexicon) return;
  const flags = new Map<string, number>();
  decodeInto(FIRST_NAMES, flags, LX_FIRST);
  yield;
  decodeInto(LAST_NAMES, flags, LX_LAST);
  yield;
  decodeInto(COMMON_WORDS, flags, LX_COMMON);
  decodeInto(AMBIGUOUS_NAMES, flags, LX_AMBIGUOUS);
  decodeInto(PLACE_WORDS, flags, LX_PLACE);
  decodeInto(ORG_WORDS, flags, LX_ORG);
  yield;
  // Words that are names in the data but almost never one in running text.
  for (const w of NEVER_NAMES) {
    const f = flags.get(w);
    if (f !== undefined) flags.set(w, f & ~(LX_FIRST | LX_LAST));
  }
  if (!lexicon) lexicon = flags;
}

function lex(): Map<string, number> {
  if (!lexicon) {
    const gen = warmLexicon();
    while (!gen.next().done);
  }
  return lexicon as Map<string, number>;
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
    for (const [w, f] of lex()) {
      if ((f & LX_FIRST) === 0) continue;
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
export function firstNameList(): string[] {
  return [...lex()].filter(([, f]) => (f & LX_FIRST) !== 0).map(([w]) => w);
}

/** The LX_* bits of a folded word (0: in no list). */
export function lexiconFlags(folded: string): number {
  const f = lex().get(folded) ?? 0;
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
