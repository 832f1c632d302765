// Masked forms of identifiers for the warning, the popup and the CLI: enough to recognise which
// record triggered it ("J*** D**", "j***@g****.com", "(***) ***-**67"), never the value itself.
// The classifier and the roster matcher both mask here, so one mention looks the same in both.
import type { FindingType } from './types';

const MAX_STARS = 8;
const ALNUM_RE = /[\p{L}\p{N}]/u;

/** "John" -> "J***", "O'Brien" -> "O'*****": first character kept, letters and digits starred. */
export function maskWord(word: string): string {
  const chars = Array.from(word);
  let out = chars[0] ?? '';
  let stars = 0;
  for (let i = 1; i < chars.length; i++) {
    const c = chars[i] as string;
    if (!ALNUM_RE.test(c)) out += c;
    else if (stars++ < MAX_STARS) out += '*';
  }
  return out;
}

function maskWords(v: string): string {
  return v
    .trim()
    .split(/(\s+)/)
    .map((part) => (/^\s+$/.test(part) ? ' ' : maskWord(part.replace(/\d/g, '*'))))
    .join('');
}

/** "jane.doe@gmail.com" -> "j***@g****.com": the local part's length hidden, the TLD kept. */
export function maskEmail(email: string): string {
  const v = email.trim();
  const at = v.lastIndexOf('@');
  if (at <= 0) return maskWords(v);
  const labels = v.slice(at + 1).split('.');
  const tld = labels.length > 1 ? (labels.pop() as string) : null;
  const host = labels.map(maskWord);
  return `${Array.from(v)[0] as string}***@${tld === null ? host.join('.') : [...host, tld].join('.')}`;
}

/** "(212) 555-0123" -> "(***) ***-**23": formatting and the last two digits kept. */
export function maskPhone(phone: string): string {
  const v = phone.trim();
  let total = 0;
  for (const ch of v) if (ch >= '0' && ch <= '9') total++;
  let seen = 0;
  let out = '';
  for (const ch of v) out += ch >= '0' && ch <= '9' ? (++seen > total - 2 ? ch : '*') : ch;
  return out;
}

/** "March 14, 1985" -> "M**** **, ****": digits hidden, each word keeps its first letter. */
export function maskDate(date: string): string {
  return date.trim().replace(/\d/g, '*').replace(/\p{L}+/gu, (w) => maskWord(w));
}

export function maskValue(type: FindingType, value: string): string {
  const v = value.trim();
  switch (type) {
    case 'email':
      return maskEmail(v);
    case 'phone':
      return maskPhone(v);
    case 'hashed_id':
      return v.slice(0, 4).toLowerCase() + '…' + ` (${v.length === 64 ? 'SHA-256' : v.length === 32 ? 'MD5' : 'hex'})`;
    case 'dob':
      return maskDate(v);
    case 'person':
      // A handle's underscores and dots would show its shape: every character is starred.
      if (v.startsWith('@')) {
        const chars = Array.from(v.slice(1));
        return '@' + (chars[0] ?? '') + '*'.repeat(Math.min(MAX_STARS, Math.max(0, chars.length - 1)));
      }
      return maskWords(v);
    case 'address':
    case 'clinical':
    default:
      return maskWords(v);
  }
}
