// From hits to a Classification: group identifiers into records (table rows, or runs of nearby
// identifiers in text), count distinct people, and decide.
//
//   warning  client_list       >= T people with a name and a contact (email, phone, DOB, address),
//                              or >= T contacts in list form, or >= T names under a client header
//            clinical_context  an identifier next to a diagnosis, medication or clinical note word
//            hashed_list       >= T distinct MD5/SHA-256 values laid out as a list
//            known_client      the practice roster matched
//   caution  two of the above list items, a full name or contact next to therapy words, or a
//            handle next to clinical words
import { maskValue } from '../mask';
import type { Classification, ClassifyOptions, Finding, FindingType, MaskedExample, RiskReason, Verdict } from '../types';
import type { Analysis } from './analyze';
import type { Hit } from './hit';
import { looksLikeUuid } from './hashed';
import { ownMatcher } from './own';
import { isLetter, lineEnd, lineStart } from './text';

/** Identifiers and clinical words closer than this (UTF-16 units, same paragraph) are "next to" each other. */
export const CONTEXT_WINDOW = 160;
/** Identifiers further apart than this are not one record in free text. */
const RECORD_GAP = 200;
const MAX_EXAMPLES = 5;

interface RecordAcc {
  names: string[];
  fullName: boolean;
  email: string | null;
  phone: string | null;
  other: boolean; // dob or address
  listed: boolean; // its contact is laid out as a list item
  org: boolean; // a business row: its contacts are the business's
  lastEnd: number;
}

const CONTACT: ReadonlySet<FindingType> = new Set(['email', 'phone', 'dob', 'address']);

export function decide(analysis: Analysis, options: ClassifyOptions = {}): Classification {
  const { text, table, columns } = analysis;
  const T = Math.max(2, Math.floor(options.listThreshold ?? 3));
  const own = ownMatcher(options.ownIdentities);
  const hits = own ? analysis.hits.filter((h) => !own.isOwn(h, text.slice(h.start, h.end))) : analysis.hits;

  // A UUID list is not a hash list: if most 32-hex values are UUID-shaped, drop them all.
  const hex32 = hits.filter((h) => h.type === 'hashed_id' && h.end - h.start === 32);
  const uuidShaped = hex32.filter((h) => looksLikeUuid(h.key)).length;
  const dropUuid = hex32.length > 0 && uuidShaped / hex32.length >= 0.8;
  const kept = dropUuid ? hits.filter((h) => !(h.type === 'hashed_id' && h.end - h.start === 32)) : hits;

  const counts: Partial<Record<FindingType, number>> = {};
  for (const h of kept) counts[h.type] = (counts[h.type] ?? 0) + 1;

  // Records.
  const records = table ? tableRecords(kept, analysis.orgRows) : textRecords(text, kept);
  let peopleWithContact = 0;
  let contactsListed = 0;
  let people = 0;
  const seen = new Set<string>();
  for (const r of records) {
    const key = r.names.length > 0 ? 'n:' + r.names.join(' ') : r.email ? 'e:' + r.email : r.phone ? 'p:' + r.phone : '';
    if (!key || seen.has(key) || (r.org && r.names.length === 0)) continue;
    // Also de-duplicate by contact: the same person listed twice with a name typo.
    const ck = r.email ? 'e:' + r.email : r.phone ? 'p:' + r.phone : '';
    if (ck && r.names.length > 0 && seen.has(ck)) continue;
    seen.add(key);
    if (ck) seen.add(ck);
    people++;
    const contact = r.email !== null || r.phone !== null || r.other;
    if (r.names.length > 0 && contact) peopleWithContact++;
    else if (r.names.length === 0 && (r.email !== null || r.phone !== null) && r.listed && !r.org) contactsListed++;
  }
  const personalEmails = new Set(kept.filter((h) => h.type === 'email' && !h.role).map((h) => h.key)).size;

  const reasons: RiskReason[] = [];
  const state: { verdict: Verdict } = { verdict: 'none' };
  const raise = (v: Verdict, reason: RiskReason | null) => {
    if (v === 'warning' || (v === 'caution' && state.verdict === 'none')) state.verdict = v;
    if (reason && !reasons.includes(reason)) reasons.push(reason);
  };

  // Client list.
  const namesUnderClientHeader = table && columns ? clientHeaderNames(kept, columns, table) : 0;
  if (peopleWithContact >= T || peopleWithContact + contactsListed >= T || personalEmails >= T || namesUnderClientHeader >= T) {
    raise('warning', 'client_list');
  } else if (peopleWithContact + contactsListed >= 2 || personalEmails >= 2) {
    raise('caution', 'client_list');
  }

  // Hashed identifiers laid out as a list.
  const hashes = new Set(kept.filter((h) => h.type === 'hashed_id' && (h.standalone || hashAloneOnLine(text, h))).map((h) => h.key));
  if (hashes.size >= T) raise('warning', 'hashed_list');
  else if (hashes.size >= 2) raise('caution', 'hashed_list');

  // Clinical context.
  const clinical = clinicalLevel(text, kept, table !== null, columns);
  if (clinical === 'warning') raise('warning', 'clinical_context');
  else if (clinical === 'caution') raise('caution', 'clinical_context');
  // A client list with diagnoses anywhere in it is clinical too.
  if (reasons.includes('client_list') && state.verdict === 'warning' && kept.some((h) => h.type === 'clinical' && h.strength === 'strong')) {
    raise('warning', 'clinical_context');
  }

  // Roster.
  let rosterMatches: MaskedExample[] | undefined;
  if (options.roster && options.roster.size > 0) {
    let matches: MaskedExample[] = [];
    try {
      matches = options.roster.match(text);
    } catch {
      matches = []; // a broken roster must not break classification
    }
    if (matches.length > 0) {
      rosterMatches = matches.slice(0, MAX_EXAMPLES);
      raise('warning', 'known_client');
    }
  }

  const findings: Finding[] = kept.map((h) => ({ type: h.type, start: h.start, end: h.end, confidence: round(h.confidence) }));
  const result: Classification = {
    verdict: state.verdict,
    reasons,
    counts,
    people,
    examples: examplesOf(text, kept),
    findings,
  };
  if (rosterMatches) result.rosterMatches = rosterMatches;
  return result;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

function addToRecord(r: RecordAcc, h: Hit): void {
  switch (h.type) {
    case 'person':
      if (!h.handle) {
        r.names.push(h.key);
        if (h.full) r.fullName = true;
      }
      break;
    case 'email':
      if (!h.role) r.email = h.key;
      break;
    case 'phone':
      r.phone = h.key;
      break;
    case 'dob':
    case 'address':
      r.other = true;
      break;
    default:
      return;
  }
  if (h.standalone) r.listed = true;
  r.lastEnd = Math.max(r.lastEnd, h.end);
}

function newRecord(): RecordAcc {
  return { names: [], fullName: false, email: null, phone: null, other: false, listed: false, org: false, lastEnd: 0 };
}

function tableRecords(hits: Hit[], orgRows: Set<number>): RecordAcc[] {
  const byRow = new Map<number, RecordAcc>();
  for (const h of hits) {
    if (h.row === undefined || (h.type !== 'person' && !CONTACT.has(h.type))) continue;
    let r = byRow.get(h.row);
    if (!r) {
      r = newRecord();
      // Every row of a table is a list item.
      r.listed = true;
      r.org = orgRows.has(h.row);
      byRow.set(h.row, r);
    }
    addToRecord(r, h);
  }
  return [...byRow.values()];
}

/** Free text: identifiers in a run form one record until a second name or email starts another. */
function textRecords(text: string, hits: Hit[]): RecordAcc[] {
  const out: RecordAcc[] = [];
  let cur: RecordAcc | null = null;
  for (let idx = 0; idx < hits.length; idx++) {
    const h = hits[idx] as Hit;
    if (h.type !== 'person' && !CONTACT.has(h.type)) continue;
    if (h.type === 'person' && h.handle) continue;
    if (h.type === 'email' && h.role) continue;
    const conflict =
      cur !== null &&
      (h.start - cur.lastEnd > RECORD_GAP ||
        (h.type === 'person' && cur.names.length > 0 && !cur.names.includes(h.key)) ||
        (h.type === 'person' && (cur.email !== null || cur.phone !== null) && nameAfterContactStartsNew(text, cur, h)) ||
        (h.type === 'email' && cur.email !== null && cur.email !== h.key) ||
        // A second number on a new line is the next entry; on the same line, "home / cell".
        (h.type === 'phone' && cur.phone !== null && cur.phone !== h.key && text.slice(cur.lastEnd, h.start).includes('\n')));
    if (!cur || conflict) {
      cur = newRecord();
      out.push(cur);
    }
    addToRecord(cur, h);
    if ((h.type === 'email' || h.type === 'phone') && isListItem(text, idx, hits)) cur.listed = true;
  }
  return out;
}

/** "jane@x.com\nJohn Smith ..." — a name on a new line after a contact starts the next record. */
function nameAfterContactStartsNew(text: string, cur: RecordAcc, h: Hit): boolean {
  if (cur.names.length === 0) return false;
  const between = text.slice(cur.lastEnd, h.start);
  return between.includes('\n');
}

/** The contact fills its line apart from separators and other identifiers: a list, not prose. */
function isListItem(text: string, idx: number, hits: Hit[]): boolean {
  const h = hits[idx] as Hit;
  const ls = lineStart(text, h.start);
  const le = lineEnd(text, h.end);
  if (le - ls > 400) return false;
  let letters = 0;
  let p = ls;
  // Subtract identifier spans on this line (hits are sorted; only neighbours can be on it).
  let first = idx;
  while (first > 0 && (hits[first - 1] as Hit).start >= ls) first--;
  for (let k = first; k < hits.length; k++) {
    const o = hits[k] as Hit;
    if (o.start >= le) break;
    if (o.end <= ls || o.type === 'clinical') continue;
    for (let i = p; i < Math.max(p, o.start); i++) if (isLetter(text.charCodeAt(i))) letters++;
    p = Math.max(p, o.end);
  }
  for (let i = p; i < le; i++) if (isLetter(text.charCodeAt(i))) letters++;
  // Labels like "Email:", "Tel", "cell" are fine.
  return letters <= 12;
}

function hashAloneOnLine(text: string, h: Hit): boolean {
  const ls = lineStart(text, h.start);
  const le = lineEnd(text, h.end);
  const rest = text.slice(ls, h.start) + text.slice(h.end, le);
  return /^[\s"',;|\t[\]{}-]*$/.test(rest);
}

function clientHeaderNames(hits: Hit[], columns: Analysis['columns'], table: NonNullable<Analysis['table']>): number {
  if (!columns || !columns.some((c) => c.clientHeader && c.kind === 'name')) return 0;
  const rows = new Set<number>();
  for (const h of hits) if (h.type === 'person' && h.row !== undefined && !h.handle) rows.add(h.row);
  void table;
  return rows.size;
}

type Level = 'none' | 'caution' | 'warning';

function clinicalLevel(text: string, hits: Hit[], isTable: boolean, columns: Analysis['columns']): Level {
  const clinical = hits.filter((h) => h.type === 'clinical');
  if (clinical.length === 0) return 'none';
  const ids = hits.filter((h) => (h.type === 'person' || CONTACT.has(h.type)) && !(h.type === 'email' && h.role));
  if (ids.length === 0) return 'none';
  const acc: { level: Level } = { level: 'none' };
  const bump = (l: Level) => {
    if (l === 'warning' || (l === 'caution' && acc.level === 'none')) acc.level = l;
  };
  if (isTable) {
    // Same row; a clinical column makes every row with an identifier clinical.
    const clinicalRows = new Map<number, 'strong' | 'weak'>();
    for (const c of clinical) {
      if (c.row === undefined) continue;
      const prev = clinicalRows.get(c.row);
      if (prev !== 'strong') clinicalRows.set(c.row, c.strength ?? 'weak');
    }
    for (const id of ids) {
      if (id.row === undefined) continue;
      const s = clinicalRows.get(id.row);
      if (!s) continue;
      bump(strengthLevel(s, id));
      if (acc.level === 'warning') return acc.level;
    }
    void columns;
    return acc.level;
  }
  // Free text: two sorted lists, so walk them together within the window.
  let j = 0;
  for (const c of clinical) {
    while (j < ids.length && (ids[j] as Hit).end < c.start - CONTEXT_WINDOW) j++;
    for (let k = j; k < ids.length; k++) {
      const id = ids[k] as Hit;
      if (id.start > c.end + CONTEXT_WINDOW) break;
      if (!sameParagraph(text, id, c)) continue;
      bump(strengthLevel(c.strength ?? 'weak', id));
      if (acc.level === 'warning') return acc.level;
    }
  }
  return acc.level;
}

function strengthLevel(s: 'strong' | 'weak', id: Hit): Level {
  const weakId = id.type === 'person' && (id.handle === true || (!id.full && id.confidence < 0.6));
  if (s === 'strong') return weakId ? 'caution' : 'warning';
  // Therapy words: a full name or a contact is a caution; a lone first name or handle is not.
  if (id.type === 'person' && !id.full) return 'none';
  return 'caution';
}

function sameParagraph(text: string, a: Hit, b: Hit): boolean {
  const s = Math.min(a.end, b.end);
  const e = Math.max(a.start, b.start);
  if (e <= s) return true;
  const between = text.slice(s, e);
  return !/\n\s*\n/.test(between);
}

const EXAMPLE_ORDER: FindingType[] = ['person', 'email', 'phone', 'hashed_id', 'dob', 'address'];

function examplesOf(text: string, hits: Hit[]): MaskedExample[] {
  const out: MaskedExample[] = [];
  const seen = new Set<string>();
  // Round-robin over kinds so a list shows a name, an email and a phone rather than five names.
  const byType = EXAMPLE_ORDER.map((t) => hits.filter((h) => h.type === t && !(t === 'person' && h.handle) && !(t === 'email' && h.role)));
  for (let round = 0; out.length < MAX_EXAMPLES && round < MAX_EXAMPLES; round++) {
    for (const list of byType) {
      const h = list[round];
      if (!h) continue;
      const masked = maskValue(h.type, text.slice(h.start, h.end));
      if (seen.has(masked)) continue;
      seen.add(masked);
      out.push({ type: h.type, masked });
      if (out.length >= MAX_EXAMPLES) break;
    }
  }
  return out;
}
