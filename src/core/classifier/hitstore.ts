// Hits of a whole input in typed arrays (15 bytes each, 19 with a table row) instead of one
// object per hit: a 10 MB client list has half a million hits, and long-lived objects made the
// garbage collector pause the page for tens of milliseconds and held 15x the input in memory.
// The arrays come in chunks of 16,384 hits, so the store never copies itself to grow (a
// doubling array held the old and the new copy at once, up to three times what it needed) and
// never holds more than one chunk it does not use. Detectors still produce short-lived Hit
// objects per row or chunk; they are copied in here.
import type { FindingType } from '../types';
import type { Hit } from './hit';

export const TYPES: readonly FindingType[] = ['person', 'email', 'phone', 'hashed_id', 'dob', 'address', 'clinical'];
export const T_PERSON = 0;
export const T_EMAIL = 1;
export const T_PHONE = 2;
export const T_HASH = 3;
export const T_DOB = 4;
export const T_ADDRESS = 5;
export const T_CLINICAL = 6;
const TYPE_INDEX: Record<FindingType, number> = { person: 0, email: 1, phone: 2, hashed_id: 3, dob: 4, address: 5, clinical: 6 };

export const F_STRONG = 1; // clinical: strong (else weak)
export const F_FULL = 2; // person: full name
export const F_HANDLE = 4; // person: @handle
export const F_ROLE = 8; // email: role mailbox
export const F_STANDALONE = 16; // fills its cell or line
export const F_INFERRED = 32; // person found by free-text rules inside a table cell
export const F_BUSINESS = 64; // a directory's listing: a business's contact, a professional's name

/**
 * A 31-bit hash of a normalised value (FNV-1a). Small integers stay unboxed in V8, so the
 * de-duplication sets cost a few bytes per person; two different people share a hash with
 * odds of about one in two billion per pair, which can only lower a count by one.
 */
export function keyNumber(key: string): number {
  let a = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) a = Math.imul(a ^ key.charCodeAt(i), 0x01000193);
  return (a >>> 1) | 1; // never 0: IntSet uses 0 for an empty slot
}

/** Open-addressing set of positive 31-bit integers in an Int32Array (~8 bytes per member). */
export class IntSet {
  size = 0;
  private slots = new Int32Array(64);

  add(k: number): void {
    if (this.size * 2 >= this.slots.length) this.rehash();
    if (this.insert(this.slots, k)) this.size++;
  }

  has(k: number): boolean {
    const slots = this.slots;
    const mask = slots.length - 1;
    for (let i = Math.imul(k, 0x9e3779b1) & mask; ; i = (i + 1) & mask) {
      const v = slots[i] as number;
      if (v === k) return true;
      if (v === 0) return false;
    }
  }

  private insert(slots: Int32Array, k: number): boolean {
    const mask = slots.length - 1;
    for (let i = Math.imul(k, 0x9e3779b1) & mask; ; i = (i + 1) & mask) {
      const v = slots[i] as number;
      if (v === k) return false;
      if (v === 0) {
        slots[i] = k;
        return true;
      }
    }
  }

  private rehash(): void {
    const old = this.slots;
    const next = new Int32Array(old.length * 2);
    for (let i = 0; i < old.length; i++) if (old[i] !== 0) this.insert(next, old[i] as number);
    this.slots = next;
  }
}

/** Set of non-negative integers (table rows) as a growable bit array: 1 bit per possible member. */
export class BitSet {
  size = 0;
  private words = new Uint32Array(8);

  add(k: number): void {
    const w = k >>> 5;
    if (w >= this.words.length) {
      const next = new Uint32Array(Math.max(w + 1, this.words.length * 2));
      next.set(this.words);
      this.words = next;
    }
    const bit = 1 << (k & 31);
    const old = this.words[w] as number;
    if ((old & bit) === 0) {
      this.words[w] = old | bit;
      this.size++;
    }
  }

  has(k: number): boolean {
    const w = k >>> 5;
    return k >= 0 && w < this.words.length && ((this.words[w] as number) & (1 << (k & 31))) !== 0;
  }
}

const SHIFT = 14;
/** Hits per chunk (the first chunk starts small and grows to this). */
export const CHUNK_HITS = 1 << SHIFT;
const MASK = CHUNK_HITS - 1;

/**
 * The four columns a Finding is made of (type, start, end, confidence x 100), shared with the
 * store that filled them: what a Classification keeps to build its findings on demand.
 */
export interface HitSpans {
  readonly n: number;
  readonly type: readonly Uint8Array[];
  readonly start: readonly Int32Array[];
  readonly end: readonly Int32Array[];
  readonly conf: readonly Uint8Array[];
}

export class HitStore {
  n = 0;
  private types: Uint8Array[] = [new Uint8Array(256)];
  private starts: Int32Array[] = [new Int32Array(256)];
  private ends: Int32Array[] = [new Int32Array(256)];
  private confs: Uint8Array[] = [new Uint8Array(256)];
  private flagBits: Uint8Array[] = [new Uint8Array(256)];
  // Rows only once a hit has one (tables): free text leaves them out, 4 bytes a hit.
  private rows: (Int32Array | undefined)[] = [];
  private keys: Int32Array[] = [new Int32Array(256)];
  /** Hits the allocated chunks can hold. */
  private cap = 256;
  private lastEnd = new Int32Array(TYPES.length).fill(-1);
  private inOrder = true;

  type(i: number): number {
    return (this.types[i >>> SHIFT] as Uint8Array)[i & MASK] as number;
  }

  start(i: number): number {
    return (this.starts[i >>> SHIFT] as Int32Array)[i & MASK] as number;
  }

  end(i: number): number {
    return (this.ends[i >>> SHIFT] as Int32Array)[i & MASK] as number;
  }

  /** Confidence x 100. */
  conf(i: number): number {
    return (this.confs[i >>> SHIFT] as Uint8Array)[i & MASK] as number;
  }

  flags(i: number): number {
    return (this.flagBits[i >>> SHIFT] as Uint8Array)[i & MASK] as number;
  }

  /** Table row (-1 in free text and for a header). */
  row(i: number): number {
    const a = this.rows[i >>> SHIFT];
    return a === undefined ? -1 : (a[i & MASK] as number);
  }

  /** keyNumber() of the hit's normalised value. */
  key(i: number): number {
    return (this.keys[i >>> SHIFT] as Int32Array)[i & MASK] as number;
  }

  has(i: number, flag: number): boolean {
    return (this.flags(i) & flag) !== 0;
  }

  /** The columns findings are made of; they stay valid when the store itself is dropped. */
  spans(): HitSpans {
    return { n: this.n, type: this.types, start: this.starts, end: this.ends, conf: this.confs };
  }

  private grow(): void {
    if (this.cap < CHUNK_HITS) {
      // Only the first chunk is ever copied, while it is small.
      const size = this.cap * 2;
      const g8 = (a: Uint8Array[]) => {
        const b = new Uint8Array(size);
        b.set(a[0] as Uint8Array);
        a[0] = b;
      };
      const g32 = (a: Int32Array[]) => {
        const b = new Int32Array(size);
        b.set(a[0] as Int32Array);
        a[0] = b;
      };
      g8(this.types);
      g8(this.confs);
      g8(this.flagBits);
      g32(this.starts);
      g32(this.ends);
      g32(this.keys);
      const r = this.rows[0];
      if (r) {
        const b = new Int32Array(size).fill(-1);
        b.set(r);
        this.rows[0] = b;
      }
      this.cap = size;
      return;
    }
    this.types.push(new Uint8Array(CHUNK_HITS));
    this.confs.push(new Uint8Array(CHUNK_HITS));
    this.flagBits.push(new Uint8Array(CHUNK_HITS));
    this.starts.push(new Int32Array(CHUNK_HITS));
    this.ends.push(new Int32Array(CHUNK_HITS));
    this.keys.push(new Int32Array(CHUNK_HITS));
    this.cap += CHUNK_HITS;
  }

  /**
   * Appends a hit (callers append in text order). Drops a hit that overlaps the previous one of
   * its type, and a phone, name, date or address inside an email or hash ("jane.doe@...").
   */
  push(h: Hit, row: number): void {
    const t = TYPE_INDEX[h.type];
    if (h.start < (this.lastEnd[t] as number)) return;
    if (t === T_PHONE || t === T_PERSON || t === T_ADDRESS || t === T_DOB) {
      for (let k = this.n - 1; k >= 0 && k >= this.n - 8; k--) {
        const ot = this.type(k);
        if ((ot === T_EMAIL || ot === T_HASH) && this.start(k) <= h.start && this.end(k) >= h.end) return;
      }
    }
    if (this.n === this.cap) this.grow();
    if (this.n > 0 && this.inOrder) {
      const ps = this.start(this.n - 1);
      if (ps > h.start || (ps === h.start && this.end(this.n - 1) < h.end)) this.inOrder = false;
    }
    const i = this.n++;
    const c = i >>> SHIFT;
    const j = i & MASK;
    (this.types[c] as Uint8Array)[j] = t;
    (this.starts[c] as Int32Array)[j] = h.start;
    (this.ends[c] as Int32Array)[j] = h.end;
    (this.confs[c] as Uint8Array)[j] = Math.round(h.confidence * 100);
    (this.flagBits[c] as Uint8Array)[j] =
      (h.strength === 'strong' ? F_STRONG : 0) |
      (h.full ? F_FULL : 0) |
      (h.handle ? F_HANDLE : 0) |
      (h.role ? F_ROLE : 0) |
      (h.standalone ? F_STANDALONE : 0) |
      (h.inferred ? F_INFERRED : 0) |
      (h.business ? F_BUSINESS : 0);
    if (row !== -1 || this.rows[c] !== undefined) {
      let rows = this.rows[c];
      if (rows === undefined) rows = this.rows[c] = new Int32Array((this.types[c] as Uint8Array).length).fill(-1);
      rows[j] = row;
    }
    (this.keys[c] as Int32Array)[j] = keyNumber(h.key);
    this.lastEnd[t] = h.end;
  }

  /** Whether the hits are in position order (start, longer first), as pushed so far. */
  isSorted(): boolean {
    return this.inOrder;
  }

  /**
   * Re-orders by position: start, then longer first, then type, keeping push order among equals
   * (only JSON with identifiers both inside and outside its records needs it). The fields
   * outside the records come last, so this sorts the short unordered tail and merges.
   */
  sort(): void {
    const n = this.n;
    const cmp = (x: number, y: number) => this.start(x) - this.start(y) || this.end(y) - this.end(x) || this.type(x) - this.type(y);
    let p = 1;
    while (p < n && cmp(p - 1, p) <= 0) p++;
    const tail = Array.from({ length: n - p }, (_, k) => p + k).sort(cmp);
    const idx = new Int32Array(n);
    let a = 0;
    let b = 0;
    for (let k = 0; k < n; k++) idx[k] = b >= tail.length || (a < p && cmp(a, tail[b] as number) <= 0) ? a++ : (tail[b++] as number);
    const perm = <A extends Uint8Array | Int32Array>(chunks: A[], get: (i: number) => number): A[] => {
      const out = chunks.map((a) => a.slice() as A);
      for (let k = 0; k < idx.length; k++) (out[k >>> SHIFT] as A)[k & MASK] = get(idx[k] as number);
      return out;
    };
    const types = perm(this.types, (i) => this.type(i));
    const starts = perm(this.starts, (i) => this.start(i));
    const ends = perm(this.ends, (i) => this.end(i));
    const confs = perm(this.confs, (i) => this.conf(i));
    const flagBits = perm(this.flagBits, (i) => this.flags(i));
    const rows = this.rows.length === 0 ? [] : perm(this.types.map((a) => new Int32Array(a.length)), (i) => this.row(i));
    const keys = perm(this.keys, (i) => this.key(i));
    this.types = types;
    this.starts = starts;
    this.ends = ends;
    this.confs = confs;
    this.flagBits = flagBits;
    this.rows = rows;
    this.keys = keys;
    this.inOrder = true;
  }
}
