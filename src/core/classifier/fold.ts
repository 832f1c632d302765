/** Lower-cases A-Z and Latin-1 capitals, nothing else: one folding for every word gate. */
export function foldCode(c: number): number {
  if (c >= 65 && c <= 90) return c + 32;
  if (c >= 0xc0 && c <= 0xde && c !== 0xd7) return c + 32;
  return c;
}
