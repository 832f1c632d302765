// Word gates: a cheap "could this word be one of ours?" test on the first six folded letters of
// a word, so hot loops never build strings for ordinary words. A term either equals the word
// (<= 5 letters: exact hash) or shares its first six letters (prefix hash) — a superset test.
import { foldCode } from './fold';

export function hashWord(w: string, max: number): number {
  let h = 0;
  const n = Math.min(w.length, max);
  for (let i = 0; i < n; i++) h = (Math.imul(h, 31) + foldCode(w.charCodeAt(i))) | 0;
  return h;
}

/** Hyphenated parts that say nothing alone ("self-harm" is found by "harm"). */
export const STOP_PARTS: ReadonlySet<string> = new Set(['c', 'self', 'use', 'of', 'my', 'our', 'mine', 'iv', '5', '10', 'add']);

export class WordGate {
  private readonly exact = new Set<number>();
  private readonly prefix = new Set<number>();
  // 64k-bit filters in front of the Sets: almost every ordinary word stops at one array read.
  private readonly exactBits = new Uint32Array(2048);
  private readonly prefixBits = new Uint32Array(2048);

  add(word: string): void {
    for (const part of word.split('-')) {
      if (!part || STOP_PARTS.has(part)) continue;
      if (part.length <= 5) this.addHash(hashWord(part, 5), true);
      else this.addHash(hashWord(part, 6), false);
    }
  }

  addHash(h: number, exact: boolean): void {
    const b = h & 0xffff;
    if (exact) {
      this.exact.add(h);
      this.exactBits[b >>> 5] = (this.exactBits[b >>> 5] as number) | (1 << (b & 31));
    } else {
      this.prefix.add(h);
      this.prefixBits[b >>> 5] = (this.prefixBits[b >>> 5] as number) | (1 << (b & 31));
    }
  }

  /** `h` is the running hash of the word's first min(len, 6) folded characters. */
  has(h: number, len: number): boolean {
    const b = h & 0xffff;
    if (len <= 5) return ((this.exactBits[b >>> 5] as number) & (1 << (b & 31))) !== 0 && this.exact.has(h);
    return ((this.prefixBits[b >>> 5] as number) & (1 << (b & 31))) !== 0 && this.prefix.has(h);
  }
}
