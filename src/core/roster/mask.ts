// Masks what was found in the text (the raw roster value is never known at match time).

const ALNUM_RE = /[\p{L}\p{N}]/u;

/** "John" -> "J***": the first letter, then one star per further letter. */
export function maskWord(word: string): string {
  const chars = [...word];
  let out = chars[0] ?? '';
  for (let i = 1; i < chars.length; i++) out += ALNUM_RE.test(chars[i]!) ? '*' : chars[i]!;
  return out;
}

/** "jane.doe@gmail.com" -> "j***@g****.com": local part hidden, top-level domain kept. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  const local = email.slice(0, at);
  const labels = email.slice(at + 1).split('.');
  const tld = labels.pop() ?? '';
  return `${[...local][0] ?? ''}***@${[...labels.map(maskWord), tld].join('.')}`;
}

/** "(212) 555-0123" -> "(***) ***-**23": every digit but the last two hidden. */
export function maskPhone(phone: string): string {
  let digits = 0;
  for (const c of phone) if (c >= '0' && c <= '9') digits++;
  let seen = 0;
  let out = '';
  for (const c of phone) {
    if (c >= '0' && c <= '9') out += ++seen > digits - 2 ? c : '*';
    else out += c;
  }
  return out;
}

/** "March 14, 1985" -> "M**** **, ****": digits hidden, each word keeps its first letter. */
export function maskDate(date: string): string {
  return date.replace(/\d/g, '*').replace(/\p{L}+/gu, (w) => maskWord(w));
}
