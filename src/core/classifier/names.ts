// Name lexicon access. The data (names.generated.ts) is decoded on first use, not at import
// time: content scripts load in every frame and most never need it. It is decoded into a hash
// table of typed arrays rather than a Map of strings: building 28,000 strings and Map entries
// took about 49 ms of a page's first check on a slow machine, and held about 2 MB per frame.
// Design note: lexicon-table.md.
import { AMBIGUOUS_NAMES, COMMON_WORDS, FIRST_NAMES, LAST_NAMES, ORG_WORDS, PLACE_WORDS } from './lexicon/names.generated';
import { foldWord } from './text';
import { runToEnd } from './steps';

export const LX_FIRST = 1;
export const LX_LAST = 2;
export const LX_COMMON = 4;
/** As isAmbiguousName(): in the ambiguous list, or common and also a name. */
export const LX_AMBIGUOUS = 8;
export const LX_PLACE = 16;
export const LX_ORG = 32;
/** In the table's flags: the slot holds a word (whose LX_* bits may all have been cleared). */
const USED = 128;

// A 2^18-bit filter over the hashes (gate.ts hashWord) of every first name: the name pass asks
// it about each lower-case word before building the word's string ("anxiety", "weekend" stop
// here). A superset: the few first names NEVER_NAMES drops stay in it.
const GATE_BITS = 18;

function gateSlot(h: number): number {
  return (h ^ (h >>> GATE_BITS)) & ((1 << GATE_BITS) - 1);
}

/** Slots of the table: a power of two, about twice the ~29,400 distinct words. */
const TABLE_BITS = 16;
const TABLE_MASK = (1 << TABLE_BITS) - 1;
/** FNV-1a's offset basis, the second hash's start. */
const FNV_SEED = 0x811c9dc5 | 0;
/** Longest word the decoder keeps prefix hashes for (longer ones would only cost a resize). */
const MAX_WORD = 256;

/**
 * Every word with the lists it is in, keyed by two 32-bit hashes of its characters: gate.ts
 * hashWord's (31 times; the words are folded) and FNV-1a. Two words would have to agree on both, 64 bits, to
 * be confused; with 29,400 words that is about one chance in 10^10 per word looked up.
 */
interface Lexicon {
  /** Per slot: first hash, second hash. */
  keys: Int32Array;
  /** Per slot: USED | LX_* bits, 0 for an empty slot. */
  flags: Uint8Array;
  firstGate: Uint32Array;
}
let lexicon: Lexicon | null = null;

function slotOf(keys: Int32Array, flags: Uint8Array, h1: number, h2: number): number {
  let i = (Math.imul(h1 ^ (h2 >>> 7), 0x9e3779b1) >>> (32 - TABLE_BITS)) & TABLE_MASK;
  while (flags[i] !== 0 && (keys[2 * i] !== h1 || keys[2 * i + 1] !== h2)) i = (i + 1) & TABLE_MASK;
  return i;
}

/**
 * Adds `bit` to every word of a front-coded list (base-36 length of the prefix shared with the
 * previous word, then the rest; comma separated), hashing as it reads: the hashes of each
 * prefix of the current word are kept, so a word costs only its new characters. No strings.
 */
function decodeInto(coded: string, lx: Lexicon, bit: number, gate: Uint32Array | null): void {
  const { keys, flags } = lx;
  const h1At = new Int32Array(MAX_WORD + 1);
  const h2At = new Int32Array(MAX_WORD + 1);
  h2At[0] = FNV_SEED;
  const n = coded.length;
  // Length of the current word (as far as prefix hashes are kept).
  let cur = 0;
  let i = 0;
  while (i < n) {
    const c0 = coded.charCodeAt(i);
    if (c0 === 44) {
      i++; // an empty entry
      continue;
    }
    // One base-36 digit (0-9, a-z or A-Z, as parseInt reads it); a prefix is never longer than
    // the word before.
    let len = Math.min(cur, c0 <= 57 ? c0 - 48 : c0 >= 97 ? c0 - 87 : c0 - 55);
    let h1 = h1At[len] as number;
    let h2 = h2At[len] as number;
    for (i++; i < n; i++) {
      const c = coded.charCodeAt(i);
      if (c === 44) break;
      // The lists are folded already (lexicon.test.ts checks): foldCode(c) is c, and hashWord's
      // hash needs no call per character.
      h1 = (Math.imul(h1, 31) + c) | 0;
      h2 = Math.imul(h2 ^ c, 0x01000193);
      if (len < MAX_WORD) {
        len++;
        h1At[len] = h1;
        h2At[len] = h2;
      }
    }
    cur = len;
    const slot = slotOf(keys, flags, h1, h2);
    keys[2 * slot] = h1;
    keys[2 * slot + 1] = h2;
    flags[slot] = (flags[slot] as number) | USED | bit;
    if (gate) {
      const g = gateSlot(h1);
      gate[g >>> 5] = (gate[g >>> 5] as number) | (1 << (g & 31));
    }
  }
}

/** The table slot of a folded word, or -1 if it is in no list. */
function find(lx: Lexicon, word: string): number {
  let h1 = 0;
  let h2 = FNV_SEED;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    h1 = (Math.imul(h1, 31) + c) | 0;
    h2 = Math.imul(h2 ^ c, 0x01000193);
  }
  const slot = slotOf(lx.keys, lx.flags, h1, h2);
  return lx.flags[slot] === 0 ? -1 : slot;
}

/**
 * Decodes the lexicon one list at a time, yielding in between, so its first use is spread over
 * slices of classifyIncrementally(). lex() does the same in one go.
 */
export function* warmLexicon(): Generator<void, void> {
  if (lexicon) return;
  const lx: Lexicon = { keys: new Int32Array(2 << TABLE_BITS), flags: new Uint8Array(1 << TABLE_BITS), firstGate: new Uint32Array(1 << (GATE_BITS - 5)) };
  decodeInto(FIRST_NAMES, lx, LX_FIRST, lx.firstGate);
  yield;
  decodeInto(LAST_NAMES, lx, LX_LAST, null);
  yield;
  decodeInto(COMMON_WORDS, lx, LX_COMMON, null);
  decodeInto(AMBIGUOUS_NAMES, lx, LX_AMBIGUOUS, null);
  decodeInto(PLACE_WORDS, lx, LX_PLACE, null);
  decodeInto(ORG_WORDS, lx, LX_ORG, null);
  yield;
  // Words that are names in the data but almost never one in running text.
  for (const w of NEVER_NAMES) {
    const slot = find(lx, w);
    if (slot >= 0) lx.flags[slot] = (lx.flags[slot] as number) & ~(LX_FIRST | LX_LAST);
  }
  if (!lexicon) lexicon = lx;
}

function lex(): Lexicon {
  if (!lexicon) runToEnd(warmLexicon());
  return lexicon as Lexicon;
}

/** Words that are names in the data but almost never one in running text (not LX_FIRST/LX_LAST). */
export const NEVER_NAMES: readonly string[] = (
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

/** Every first name, folded (for tests of the filter): decoded to strings here only. */
export function firstNameList(): string[] {
  const out: string[] = [];
  let prev = '';
  for (const entry of FIRST_NAMES.split(',')) {
    if (!entry) continue;
    prev = prev.slice(0, parseInt(entry[0] as string, 36)) + entry.slice(1);
    if ((lexiconFlags(prev) & LX_FIRST) !== 0) out.push(prev);
  }
  return [...new Set(out)];
}

/** The LX_* bits of a folded word (0: in no list). */
export function lexiconFlags(folded: string): number {
  const lx = lex();
  const slot = find(lx, folded);
  const f = slot < 0 ? 0 : (lx.flags[slot] as number) & ~USED;
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
