import type { Hit } from '../../../src/core/classifier/hit';

/** Values of the hits a detector found, for compact assertions. */
export function values(text: string, find: (t: string, s: number, e: number, out: Hit[]) => void): string[] {
  const out: Hit[] = [];
  find(text, 0, text.length, out);
  return out.map((h) => text.slice(h.start, h.end));
}
