// Hits of a whole input in typed arrays (about 24 bytes each) instead of one object per hit:
// a 10 MB client list has half a million hits, and long-lived objects made the garbage
// collector pause the page for tens of milliseconds and held 15x the input in memory.
// Detectors still produce short-lived Hit objects per row or chunk; they are copied in here.
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

export class HitStore {
  n = 0;
  type = new Uint8Array(256);
  start = new Int32Array(256);
  end = new Int32Array(256);
  conf = new Uint8Array(256);
  flags = new Uint8Array(256);
  row = new Int32Array(256);
  key = new Int32Array(256);
  private lastEnd = new Int32Array(TYPES.length).fill(-1);

  private grow(): void {
    const cap = this.type.length * 2;
    const g8 = (a: Uint8Array) => {
      const b = new Uint8Array(cap);
      b.set(a);
      return b;
    };
    const g32 = (a: Int32Array) => {
      const b = new Int32Array(cap);
      b.set(a);
      return b;
    };
    this.type = g8(this.type);
    this.conf = g8(this.conf);
    this.flags = g8(this.flags);
    this.start = g32(this.start);
    this.end = g32(this.end);
    this.row = g32(this.row);
    this.key = g32(this.key);
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
        const ot = this.type[k];
        if ((ot === T_EMAIL || ot === T_HASH) && (this.start[k] as number) <= h.start && (this.end[k] as number) >= h.end) return;
      }
    }
    if (this.n === this.type.length) this.grow();
    const i = this.n++;
    this.type[i] = t;
    this.start[i] = h.start;
    this.end[i] = h.end;
    this.conf[i] = Math.round(h.confidence * 100);
    this.flags[i] =
      (h.strength === 'strong' ? F_STRONG : 0) |
      (h.full ? F_FULL : 0) |
      (h.handle ? F_HANDLE : 0) |
      (h.role ? F_ROLE : 0) |
      (h.standalone ? F_STANDALONE : 0) |
      (h.inferred ? F_INFERRED : 0);
    this.row[i] = row;
    this.key[i] = keyNumber(h.key);
    this.lastEnd[t] = h.end;
  }

  isSorted(): boolean {
    for (let i = 1; i < this.n; i++) {
      const a = this.start[i - 1] as number;
      const b = this.start[i] as number;
      if (a > b || (a === b && (this.end[i - 1] as number) < (this.end[i] as number))) return false;
    }
    return true;
  }

  /** Re-orders by position (only JSON with identifiers both inside and outside its records needs it). */
  sort(): void {
    const idx = Array.from({ length: this.n }, (_, i) => i);
    idx.sort((x, y) => (this.start[x] as number) - (this.start[y] as number) || (this.end[y] as number) - (this.end[x] as number) || (this.type[x] as number) - (this.type[y] as number));
    const perm = <A extends Uint8Array | Int32Array>(a: A): A => {
      const b = a.slice() as A;
      for (let k = 0; k < idx.length; k++) b[k] = a[idx[k] as number] as number;
      return b;
    };
    this.type = perm(this.type);
    this.start = perm(this.start);
    this.end = perm(this.end);
    this.conf = perm(this.conf);
    this.flags = perm(this.flags);
    this.row = perm(this.row);
    this.key = perm(this.key);
  }

  has(i: number, flag: number): boolean {
    return ((this.flags[i] as number) & flag) !== 0;
  }
}
