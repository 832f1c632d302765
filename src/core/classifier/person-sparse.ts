// Word features of a person candidate, hashed: the words of the span, their last three letters
// and shape, the last two letters of the last word, the words around it and their shapes, and
// the characters right before and after. Together with the dense features of
// personCandidates() they feed one logistic regression (train-person.ts), so the model learns
// "said", "with", "RT @x :" and "'s" around names from the train splits instead of
// hand-written lists.
//
// No strings are built: each token's folded word is hashed once (FNV-1a over char codes), and
// a feature is that hash mixed with a template number. The weights live in a table of
// 2^SPARSE_BITS one-character cells (person-model.generated.ts), read with charCodeAt.
import type { Candidate, Token } from './person';
import { isLetter, isUpper } from './text';

export const SPARSE_BITS = 17;
const MASK = (1 << SPARSE_BITS) - 1;

// Template numbers: a feature is mix(template, value hash). They are part of the trained model
// (changing one needs train-person.ts to run again); 19 and 20 were tried and dropped.
const T = {
  HandleWord: 1,
  HandleSuffix: 2,
  HandlePrefix: 3,
  FirstWord: 4,
  LastWord: 5,
  MidWord: 6,
  Suffix: 7,
  Shape: 8,
  Prefix: 9,
  Length: 10,
  Prev: 11,
  Next: 12,
  Prev2: 13,
  Next2: 14,
  CharBefore: 15,
  CharAfter: 16,
  PrevShape: 17,
  NextShape: 18,
  Suffix2: 21,
} as const;

function fnv(s: string, from = 0, to = s.length): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) & MASK;
}

const START = fnv('<s>');
const END = fnv('</s>');
const HANDLE = fnv('@');
const BREAK = 0x5bd1e995;

/** Hash of a token's folded word (handles count as one word, "@"). */
function wordHash(t: Token | undefined, outside: number): number {
  if (!t) return outside;
  return t.handle ? HANDLE : (t.hw ??= fnv(t.f));
}

/** Shape: X for capitals, x for small letters, d for digits, runs of one kind kept to two. */
function shapeHash(raw: string): number {
  let h = 0x811c9dc5;
  let last = -1;
  let run = 0;
  for (let i = 0; i < raw.length && i < 12; i++) {
    const c = raw.charCodeAt(i);
    const k = isUpper(c) ? 88 : isLetter(c) ? 120 : c >= 48 && c <= 57 ? 100 : c;
    run = k === last ? run + 1 : 1;
    last = k;
    if (run <= 2) h = Math.imul(h ^ k, 0x01000193);
  }
  return h;
}

function spaceBefore(text: string, at: number): number {
  let i = at - 1;
  while (i >= 0 && text.charCodeAt(i) === 32) i--;
  return i >= 0 ? text.charCodeAt(i) : 94; // '^'
}

function spaceAfter(text: string, at: number): number {
  let i = at;
  while (i < text.length && text.charCodeAt(i) === 32) i++;
  return i < text.length ? text.charCodeAt(i) : 36; // '$'
}

/** The hashed feature cells of candidate `c` (written to `out`, returns how many). */
export function sparseFeatures(text: string, toks: Token[], c: Candidate, out: Int32Array): number {
  let n = 0;
  const first = toks[c.a] as Token;
  const last = toks[c.b - 1] as Token;
  // Handles and written names learn their contexts apart.
  const side = c.handle ? 0x68000000 : 0;
  if (c.handle) {
    const name = first.raw.toLowerCase();
    out[n++] = mix(T.HandleWord, fnv(name, 1));
    out[n++] = mix(T.HandleSuffix, fnv(name, Math.max(1, name.length - 3)));
    out[n++] = mix(T.HandlePrefix, fnv(name, 1, Math.min(name.length, 4)));
  } else {
    for (let m = c.a; m < c.b; m++) {
      const t = toks[m] as Token;
      out[n++] = mix(m === c.a ? T.FirstWord : m === c.b - 1 ? T.LastWord : T.MidWord, (t.hw ??= fnv(t.f)));
      out[n++] = mix(T.Suffix, (t.hs ??= fnv(t.f, Math.max(0, t.f.length - 3))));
      out[n++] = mix(T.Shape, (t.hp ??= shapeHash(t.raw)));
    }
    out[n++] = mix(T.Prefix, fnv(first.f, 0, Math.min(3, first.f.length)));
    const gap = first.gap === 'start' ? 1 : first.gap === 'break' ? 2 : first.gap === 'comma' ? 3 : first.gap === 'space' ? 4 : 5;
    out[n++] = mix(T.Length, (c.b - c.a) * 8 + gap);
  }
  const lineStart = first.gap === 'start' || first.gap === 'break';
  const before = wordHash(toks[c.a - 1], START);
  const next = toks[c.b];
  const after = wordHash(next, END);
  out[n++] = mix(T.Prev + side, lineStart ? before ^ BREAK : before);
  out[n++] = mix(T.Next + side, next && next.gap === 'break' ? after ^ BREAK : after);
  out[n++] = mix(T.Prev2 + side, Math.imul(wordHash(toks[c.a - 2], START), 31) ^ before);
  out[n++] = mix(T.Next2 + side, Math.imul(after, 31) ^ wordHash(toks[c.b + 1], END));
  out[n++] = mix(T.CharBefore + side, spaceBefore(text, first.s));
  out[n++] = mix(T.CharAfter + side, spaceAfter(text, last.e));
  // The shapes of the words around ("@x Maria :" vs "The Maria Hotel") and the end of the last word.
  const prevTok = toks[c.a - 1];
  out[n++] = mix(T.PrevShape + side, prevTok ? (prevTok.hp ??= shapeHash(prevTok.raw)) : START);
  out[n++] = mix(T.NextShape + side, next ? (next.hp ??= shapeHash(next.raw)) : END);
  if (!c.handle) out[n++] = mix(T.Suffix2, fnv(last.f, Math.max(0, last.f.length - 2)));
  return n;
}

/** Most cells one candidate can have (four words). */
export const MAX_SPARSE = 4 * 3 + 2 + 6 + 3;

/** Weight of one cell: the table stores each as a character 32..126, 79 meaning zero. */
export function sparseWeight(table: string, cell: number, scale: number): number {
  return (table.charCodeAt(cell) - 79) * scale;
}
