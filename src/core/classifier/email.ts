// Email addresses, found from each '@' outwards (linear: a regex anchored on the local part
// backtracks over long runs of letters), plus spelled-out forms like "jane at gmail dot com".
import type { Hit } from './hit';
import { isAsciiAlnum, isLetter } from './text';
import { lazy } from '../lazy';

/** An address nobody reads ("noreply@…", GitHub's "…@users.noreply.github.com"): a role's. */
const NO_REPLY = /(?:^|[.@+_-])(?:no-?reply|do-?not-?reply|donotreply)(?:[.@+_-]|$)/;

/** Local parts that name a mailbox role, not a person. */
export const roleLocal = lazy(
  () =>
    new Set(
      (
    'info contact hello hi support help admin administrator office team sales billing accounts ' +
    'accounting marketing press media news newsletter noreply no-reply donotreply do-not-reply ' +
    'webmaster postmaster hostmaster abuse security privacy legal hr jobs careers recruiting ' +
    'enquiries inquiries enquiry inquiry service services customerservice customercare care ' +
    'frontdesk reception appointments booking bookings orders order shop store mail email git ' +
    'root notifications notification alerts alert bounce mailer-daemon feedback partners ' +
    'partnerships events general membership members community social'
      ).split(' '),
    ),
);

/** Free-mail providers: with these a spelled-out "jane at gmail.com" is clearly an address. */
// Only distinctive names: prescreen() treats each as a trigger word, so "live" or "me" would
// make it fire on ordinary prose.
export const MAIL_PROVIDERS = new Set(
  (
    'gmail googlemail yahoo ymail hotmail outlook icloud aol protonmail proton gmx yandex zoho ' +
    'comcast verizon sbcglobal bellsouth earthlink fastmail tutanota naver laposte libero wanadoo ' +
    'btinternet rediffmail posteo'
  ).split(' '),
);

const tlds = lazy(
  () =>
    new Set(
      (
    'com org net edu gov mil int io co us uk ca au de fr es it nl be ch at se no dk fi ie nz za in ' +
    'jp cn kr br mx ar cl pe ru pl cz pt gr tr il ae sg hk tw my ph id vn th info biz me tv app ' +
    'dev health care clinic law online site xyz email name pro mobi ac'
      ).split(' '),
    ),
);

function isLocalChar(c: number): boolean {
  return (
    isAsciiAlnum(c) ||
    c === 46 || // .
    c === 95 || // _
    c === 45 || // -
    c === 43 || // +
    c === 37 || // %
    c === 39 || // '
    (c > 127 && isLetter(c))
  );
}

function isDomainChar(c: number): boolean {
  return isAsciiAlnum(c) || c === 45 || c === 46 || (c > 127 && isLetter(c));
}

/** The longest role name; role names are lower-case letters and '-' only (email.test.ts). */
const MAX_ROLE = 15;

export function isRoleLocal(local: string): boolean {
  return roleLocalAt(local, 0, local.length);
}

/**
 * isRoleLocal(s.slice(a, b)). Role names are letters and '-', so a local part (or its part before
 * a tag or number) with anything else cannot be one: most client addresses ("maria.garcia42")
 * are turned away without a lower-cased copy or a set lookup.
 */
function roleLocalAt(s: string, a: number, b: number): boolean {
  // Length of the leading run of letters and '-'.
  let run = a;
  while (run < b && run - a <= MAX_ROLE) {
    const c = s.charCodeAt(run) | 32;
    if (!((c >= 97 && c <= 122) || c === 45)) break;
    run++;
  }
  if (run === b && b - a <= MAX_ROLE) {
    if (roleLocal().has(s.slice(a, b).toLowerCase())) return true;
  }
  // "sales+web", "support2", "office_1": the role before a tag or a number.
  let end = s.indexOf('+', a);
  if (end === -1 || end > b) end = b;
  while (end > a && s.charCodeAt(end - 1) >= 48 && s.charCodeAt(end - 1) <= 57) end--;
  if (end > a) {
    const c = s.charCodeAt(end - 1);
    if (c === 46 || c === 95 || c === 45) end--;
  }
  return end > a && end < b && end <= run && end - a <= MAX_ROLE && roleLocal().has(s.slice(a, end).toLowerCase());
}

/** Finds plain addresses in text[from, to). */
export function findEmails(text: string, from: number, to: number, out: Hit[]): void {
  // A bounded loop, not indexOf: indexOf would run past `to` to the next '@' in the document,
  // which makes cell-by-cell scanning of a large table quadratic.
  let resumeAt = from;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 64 && c !== 0xff20) continue;
    const hit = emailAround(text, i, resumeAt, to);
    if (hit) {
      out.push(hit);
      resumeAt = hit.end;
      i = hit.end - 1;
    }
  }
}

function emailAround(text: string, at: number, minStart: number, to: number): Hit | null {
  let s = at;
  while (s > minStart && at - s < 64 && isLocalChar(text.charCodeAt(s - 1))) s--;
  // A local part cannot start with a dot; trim leading dots and quotes.
  while (s < at && (text.charCodeAt(s) === 46 || text.charCodeAt(s) === 39)) s++;
  if (s === at) return null;
  let e = at + 1;
  while (e < to && e - at < 255 && isDomainChar(text.charCodeAt(e))) e++;
  // Trailing dots and hyphens are sentence punctuation, not domain.
  while (e > at + 1 && (text.charCodeAt(e - 1) === 46 || text.charCodeAt(e - 1) === 45)) e--;
  // Domain: at least one dot, no empty labels, a TLD of 2-24 letters.
  let lastDot = -1;
  for (let i = at + 1; i < e; i++) {
    if (text.charCodeAt(i) === 46) {
      if (i === at + 1 || text.charCodeAt(i - 1) === 46) return null;
      lastDot = i;
    }
  }
  if (lastDot === -1) return null;
  const tldLen = e - lastDot - 1;
  if (tldLen < 2 || tldLen > 24) return null;
  for (let i = lastDot + 1; i < e; i++) {
    const c = text.charCodeAt(i);
    // Letters only: "lodash@4.17.21" and "pkg@1.2.x" are package specs, not mail.
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c > 0xa0 && isLetter(c)))) return null;
  }
  if (text.charCodeAt(at - 1) === 46) return null; // local part ends with a dot
  const value = text.slice(s, e).toLowerCase();
  return {
    type: 'email',
    start: s,
    end: e,
    confidence: 0.99,
    key: text.charCodeAt(at) === 0xff20 ? value.slice(0, at - s) + '@' + value.slice(at - s + 1) : value,
    role: roleLocalAt(value, 0, at - s) || NO_REPLY.test(value),
  };
}

// "jane at gmail dot com", "jane(at)gmail(dot)com", "jane [at] gmail [.] com", "jane AT x DOT org"
// No leading \s* or \s+: that would rescan long blank runs from every position.
const AT_MARKER = /[[({<] ?at ?[\])}>]|\s(?:at|AT)\s/g;
const DOT_MARKER = /^(?:\s*[[({<]\s*(?:dot|\.)\s*[\])}>]\s*|\s+(?:dot|DOT)\s+|\.)/;

/** Finds spelled-out addresses. Plain " at " counts only with " dot " or a free-mail domain. */
export function findObfuscatedEmails(text: string, from: number, to: number, out: Hit[]): void {
  const slice = text.slice(from, to);
  AT_MARKER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = AT_MARKER.exec(slice)) !== null) {
    let markerStart = m.index;
    let markerEnd = m.index + m[0].length;
    const bracketed = /[[({<]/.test(m[0]);
    for (let k = 0; k < 3 && markerStart > 0 && slice.charCodeAt(markerStart - 1) === 32; k++) markerStart--;
    for (let k = 0; k < 3 && slice.charCodeAt(markerEnd) === 32; k++) markerEnd++;
    // Local part: one token directly before the marker.
    let s = markerStart;
    while (s > 0 && markerStart - s < 64 && isLocalChar(slice.charCodeAt(s - 1))) s--;
    while (s < markerStart && slice.charCodeAt(s) === 46) s++;
    if (s === markerStart) continue;
    const local = slice.slice(s, markerStart);
    if (!/[a-z0-9]/i.test(local)) continue;
    // Domain labels separated by dots or dot markers.
    const labels: string[] = [];
    let p = markerEnd;
    let spelledDot = false;
    for (let guard = 0; guard < 6; guard++) {
      let q = p;
      while (q < slice.length && q - p < 63 && (isAsciiAlnum(slice.charCodeAt(q)) || slice.charCodeAt(q) === 45)) q++;
      if (q === p) break;
      labels.push(slice.slice(p, q));
      p = q;
      const rest = slice.slice(p, p + 12);
      const d = DOT_MARKER.exec(rest);
      if (!d) break;
      // A sentence-ending '.' followed by a space is not a domain dot.
      if (d[0] === '.' && !isAsciiAlnum(slice.charCodeAt(p + 1))) break;
      if (d[0] !== '.') spelledDot = true;
      p += d[0].length;
    }
    if (labels.length < 2) continue;
    const tld = (labels[labels.length - 1] ?? '').toLowerCase();
    if (!tlds().has(tld)) continue;
    const provider = (labels[0] ?? '').toLowerCase();
    if (!bracketed && !spelledDot && !MAIL_PROVIDERS.has(provider)) continue;
    // Ordinary prose ("we met at the park dot com") rarely has a one-word local part that is a
    // stop word; reject the commonest.
    if (!bracketed && /^(?:me|us|him|her|them|you|it|meet|look|be|is|was|are|work|works|worked|live|lives|home|here|there|one|all)$/i.test(local)) {
      continue;
    }
    const start = from + s;
    const end = from + p;
    const key = (local + '@' + labels.join('.')).toLowerCase();
    out.push({ type: 'email', start, end, confidence: bracketed || spelledDot ? 0.9 : 0.8, key, role: isRoleLocal(local) || NO_REPLY.test(key) });
    AT_MARKER.lastIndex = p;
  }
}
