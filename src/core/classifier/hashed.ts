// Hashed identifiers: MD5 (32 hex) and SHA-256 (64 hex) strings, the form ad platforms take
// customer lists in. Hashing does not anonymise a client list: the platform hashes its own
// users the same way to match them.
import type { Hit } from './hit';
import { isAsciiAlnum, isHex } from './text';

/** Hex runs of exactly 32 or 64 characters, bounded by non-alphanumerics. */
export function findHashes(text: string, from: number, to: number, out: Hit[]): void {
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (!isHex(c)) {
      i++;
      continue;
    }
    const s = i;
    let letters = 0;
    let digits = 0;
    while (i < to && isHex(text.charCodeAt(i))) {
      if (text.charCodeAt(i) >= 58) letters++;
      else digits++;
      i++;
    }
    const len = i - s;
    if (len !== 32 && len !== 64) continue;
    const before = s > 0 ? text.charCodeAt(s - 1) : 32;
    const after = i < text.length ? text.charCodeAt(i) : 32;
    // Part of a longer token ("0xabc...", "sha256-abc...=", "v1abc..."): not a bare hash.
    if (isAsciiAlnum(before) || isAsciiAlnum(after) || before === 95 || after === 95) continue;
    if (letters === 0 || digits === 0) continue;
    // Mixed case is base16 of something else (or random text); digests are written in one case.
    const v = text.slice(s, i);
    if (v !== v.toLowerCase() && v !== v.toUpperCase()) continue;
    out.push({ type: 'hashed_id', start: s, end: i, confidence: 0.9, key: v.toLowerCase() });
  }
}

/** A 32-hex value laid out like a UUID (version nibble 1-8, RFC 4122 variant): an ID, not a digest. */
export function looksLikeUuid(hex: string): boolean {
  if (hex.length !== 32) return false;
  const version = hex.charCodeAt(12);
  const variant = hex[16]?.toLowerCase() ?? '';
  return version >= 49 && version <= 56 && '89ab'.includes(variant);
}
