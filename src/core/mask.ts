// Masked forms of identifiers for the warning and the CLI: enough to recognise which record
// triggered it ("J*** D**", "j***@g****.com", "(***) ***-**67"), never the value itself.
import type { FindingType } from './types';

const MAX_STARS = 8;

function maskWord(w: string): string {
  const chars = Array.from(w);
  if (chars.length <= 1) return chars.join('');
  return (chars[0] as string) + '*'.repeat(Math.min(MAX_STARS, chars.length - 1));
}

function maskWords(v: string): string {
  return v
    .trim()
    .split(/(\s+)/)
    .map((part) => (/^\s+$/.test(part) ? ' ' : maskWord(part.replace(/\d/g, '*'))))
    .join('');
}

export function maskValue(type: FindingType, value: string): string {
  const v = value.trim();
  switch (type) {
    case 'email': {
      const at = v.lastIndexOf('@');
      if (at <= 0) return maskWords(v);
      const local = v.slice(0, at);
      const domain = v.slice(at + 1);
      const dot = domain.lastIndexOf('.');
      const host = dot > 0 ? domain.slice(0, dot) : domain;
      const tld = dot > 0 ? domain.slice(dot) : '';
      return `${maskWord(local)}@${maskWord(host)}${tld}`;
    }
    case 'phone': {
      // Keep the formatting and the last two digits.
      let seen = 0;
      let total = 0;
      for (const ch of v) if (ch >= '0' && ch <= '9') total++;
      let out = '';
      for (const ch of v) {
        if (ch >= '0' && ch <= '9') {
          seen++;
          out += seen > total - 2 ? ch : '*';
        } else {
          out += ch;
        }
      }
      return out;
    }
    case 'hashed_id':
      return v.slice(0, 4).toLowerCase() + '…' + ` (${v.length === 64 ? 'SHA-256' : v.length === 32 ? 'MD5' : 'hex'})`;
    case 'dob':
      return v.replace(/\d/g, '*').replace(/\p{L}+/gu, (w) => maskWord(w));
    case 'person':
      if (v.startsWith('@')) return '@' + maskWord(v.slice(1));
      return maskWords(v);
    case 'address':
    case 'clinical':
    default:
      return maskWords(v);
  }
}
