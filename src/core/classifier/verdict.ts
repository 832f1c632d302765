// From hits to a Classification: group identifiers into records (table rows, or runs of nearby
// identifiers in text), count distinct people, and decide.
//
//   warning  client_list       >= T people with a name and a contact (email, phone, DOB, address),
//                              or >= T contacts in list form, or >= T personal email addresses,
//                              or >= T names under a client/patient header
//            clinical_context  an identifier next to a diagnosis, medication or clinical note word
//            hashed_list       >= T distinct MD5/SHA-256 values laid out as a list
//            known_client      the practice roster matched
//   caution  two of the list items above, a full name or contact next to therapy words, or a
//            weak identifier (handle, lone first name) next to clinical words
// Works on the typed-array HitStore in a few forward passes, yielding every thousand hits so
// classifyIncrementally() keeps its slices short, and keeps no object per hit: findings are
// built from the store's columns only when the caller reads them.
import { maskValue } from '../mask';
import type { Classification, ClassifyOptions, Finding, FindingType, MaskedExample, RiskReason, Verdict } from '../types';
import type { Analysis } from './analyze';
import { looksLikeUuid } from './hashed';
import {
  F_FULL,
  F_HANDLE,
  F_BUSINESS,
  F_INFERRED,
  F_ROLE,
  F_STANDALONE,
  F_STRONG,
  TYPES,
  T_ADDRESS,
  T_CLINICAL,
  T_DOB,
  T_EMAIL,
  T_HASH,
  T_PERSON,
  T_PHONE,
  BitSet,
  IntSet,
  keyNumber,
  type HitSpans,
  type HitStore,
} from './hitstore';
import { foldWord, isLetter, lineEnd, lineStart } from './text';
import { runToEnd } from './steps';

/** Identifiers and clinical words closer than this (UTF-16 units, same paragraph) are "next to" each other. */
export const CONTEXT_WINDOW = 160;
/** Identifiers further apart than this are not one record in free text. */
const RECORD_GAP = 200;
const MAX_EXAMPLES = 5;
/** Hits between pauses of the incremental run (about a millisecond of work). */
const TICK = 1023;

/** The record being built; one at a time, so no object per record. */
interface RecordAcc {
  nameKey: number; // -1: none
  nameCount: number;
  email: number; // -1: none
  phone: number;
  other: boolean; // dob or address
  listed: boolean;
  org: boolean;
  /** A name with a professional's degree or licence after it ("Marcel Muller, CPA"). */
  professional: boolean;
  row: number;
  lastEnd: number;
  /** Free text: every name in the record is one word of a full name found elsewhere in the text. */
  onlyPartsOfFullNames: boolean;
}

function resetRecord(r: RecordAcc): void {
  r.nameKey = -1;
  r.nameCount = 0;
  r.email = -1;
  r.phone = -1;
  r.other = false;
  r.listed = false;
  r.org = false;
  r.professional = false;
  r.row = -2;
  r.lastEnd = 0;
  r.onlyPartsOfFullNames = true;
}

/** Distinct-people bookkeeping across records. */
class PeopleCounter {
  people = 0;
  withContact = 0;
  contactsListed = 0;
  private readonly names = new IntSet();
  private readonly emails = new IntSet();
  private readonly phones = new IntSet();

  add(r: RecordAcc): void {
    if ((r.org && r.nameCount === 0) || r.professional) return;
    const hasName = r.nameCount > 0;
    // "Hannah" after "Hannah Lindqvist", with nothing else: the same person again.
    if (hasName && r.onlyPartsOfFullNames && r.email === -1 && r.phone === -1 && !r.other) return;
    if (hasName) {
      // The same person listed twice (same name, or same email under a variant of the name).
      if (this.names.has(r.nameKey) || (r.email !== -1 && this.emails.has(r.email)) || (r.email === -1 && r.phone !== -1 && this.phones.has(r.phone))) return;
      this.names.add(r.nameKey);
    } else if (r.email !== -1) {
      if (this.emails.has(r.email)) return;
    } else if (r.phone !== -1) {
      if (this.phones.has(r.phone)) return;
    } else {
      return;
    }
    if (r.email !== -1) this.emails.add(r.email);
    if (r.phone !== -1) this.phones.add(r.phone);
    this.people++;
    const contact = r.email !== -1 || r.phone !== -1 || r.other;
    if (hasName && contact) this.withContact++;
    else if (!hasName && r.listed && !r.org) this.contactsListed++;
  }
}

function isIdentifier(h: HitStore, i: number): boolean {
  const t = h.type(i);
  if (t === T_PERSON) return true;
  if (t === T_EMAIL) return !h.has(i, F_ROLE);
  return t === T_PHONE || t === T_DOB || t === T_ADDRESS;
}

/** An identifier that can make clinical words about someone: not a business's number or a
 *  practitioner's name in a directory ("Intake Specialist: (646) 555-0101"). */
function contextIdentifier(h: HitStore, i: number): boolean {
  return isIdentifier(h, i) && !h.has(i, F_BUSINESS);
}

/** Adds hit i to the record. */
function addToRecord(r: RecordAcc, h: HitStore, i: number): void {
  const t = h.type(i);
  // A directory's entry (a business's number, a practitioner's name): no client's record.
  if (h.has(i, F_BUSINESS)) {
    if (t === T_PERSON) r.professional = true;
    else r.org = true;
  }
  if (t === T_PERSON) {
    if (!h.has(i, F_HANDLE)) {
      // First + last name columns: combine the keys into one.
      r.nameKey = r.nameCount === 0 ? h.key(i) : ((Math.imul(r.nameKey, 31) + h.key(i)) >>> 1) | 1;
      r.nameCount++;
    }
  } else if (t === T_EMAIL) {
    if (!h.has(i, F_ROLE)) r.email = h.key(i);
  } else if (t === T_PHONE) {
    r.phone = h.key(i);
  } else if (t === T_DOB || t === T_ADDRESS) {
    r.other = true;
  }
  if (h.has(i, F_STANDALONE)) r.listed = true;
  r.lastEnd = Math.max(r.lastEnd, h.end(i));
}

/** decide() in steps (see classifyIncrementally). */
export function* decideSteps(analysis: Analysis, options: ClassifyOptions = {}): Generator<void, Classification> {
  const { text, table, columns } = analysis;
  const h = analysis.hits;
  const n = h.n;
  const requested = Number(options.listThreshold);
  const T = Number.isFinite(requested) ? Math.max(2, Math.floor(requested)) : 3;

  // A UUID list is not a hash list: if most 32-hex values are UUID-shaped, none of them count.
  let hex32 = 0;
  let uuidShaped = 0;
  for (let i = 0; i < n; i++) {
    if ((i & TICK) === TICK) yield;
    if (h.type(i) === T_HASH && h.end(i) - h.start(i) === 32) {
      hex32++;
      if (looksLikeUuid(text.slice(h.start(i), h.end(i)))) uuidShaped++;
    }
  }
  const dropUuid = hex32 > 0 && uuidShaped / hex32 >= 0.8;
  const kept = (i: number) => !(dropUuid && h.type(i) === T_HASH && h.end(i) - h.start(i) === 32);

  // One pass: counts, distinct personal emails and listed hashes, records.
  const countsByType = new Array<number>(TYPES.length).fill(0);
  // Only compared with T (and 2), so they stop growing there: a 10 MB list has 150,000 emails.
  const personalEmails = new IntSet();
  const listedHashes = new IntSet();
  let strongClinical = false;
  const people = new PeopleCounter();
  const rec = {} as RecordAcc;
  resetRecord(rec);
  let open = false;
  const clientHeader = table !== null && columns !== null && columns.some((c) => c.clientHeader && c.kind === 'name');
  const clientHeaderRows = new BitSet();
  let fullNameParts: Map<number, number[]> | null = null;
  const partOfFullName = (i: number): boolean => nearFullName((fullNameParts ??= wordsOfFullNames(text, h, kept)), h.key(i), h.start(i));
  for (let i = 0; i < n; i++) {
    if ((i & TICK) === TICK) yield;
    if (!kept(i)) continue;
    const t = h.type(i);
    countsByType[t] = (countsByType[t] as number) + 1;
    if (t === T_EMAIL && !h.has(i, F_ROLE)) {
      if (personalEmails.size < T) personalEmails.add(h.key(i));
    } else if (t === T_HASH && listedHashes.size < T && (h.has(i, F_STANDALONE) || hashAloneOnLine(text, h.start(i), h.end(i)))) listedHashes.add(h.key(i));
    else if (t === T_CLINICAL && h.has(i, F_STRONG)) strongClinical = true;
    if (!isIdentifier(h, i)) continue;
    if (table) {
      const row = h.row(i);
      if (row < 0) continue;
      // In a business row, a name found in free text is the business's ("Schuppe and Sons").
      if (t === T_PERSON && h.has(i, F_INFERRED) && analysis.orgRows.has(row)) continue;
      if (t === T_PERSON && clientHeader && !h.has(i, F_HANDLE) && clientHeaderRows.size < T) clientHeaderRows.add(row);
      if (open && rec.row !== row) {
        people.add(rec);
        open = false;
      }
      if (!open) {
        resetRecord(rec);
        rec.row = row;
        // Every row of a table is a list item.
        rec.listed = true;
        rec.org = analysis.orgRows.has(row);
        rec.onlyPartsOfFullNames = false;
        open = true;
      }
      addToRecord(rec, h, i);
    } else {
      if (t === T_PERSON && h.has(i, F_HANDLE)) continue;
      if (open && startsNewRecord(text, rec, h, i)) {
        people.add(rec);
        open = false;
      }
      if (!open) {
        resetRecord(rec);
        open = true;
      }
      addToRecord(rec, h, i);
      if (t === T_PERSON && rec.onlyPartsOfFullNames && (h.has(i, F_FULL) || !partOfFullName(i))) rec.onlyPartsOfFullNames = false;
      if ((t === T_EMAIL || t === T_PHONE) && isListItem(text, h, i)) rec.listed = true;
    }
  }
  if (open) people.add(rec);

  const reasons: RiskReason[] = [];
  const state: { verdict: Verdict } = { verdict: 'none' };
  const raise = (v: Verdict, reason: RiskReason) => {
    if (v === 'warning' || (v === 'caution' && state.verdict === 'none')) state.verdict = v;
    if (!reasons.includes(reason)) reasons.push(reason);
  };

  // Client list.
  const listSize = people.withContact + people.contactsListed;
  if (people.withContact >= T || listSize >= T || personalEmails.size >= T || clientHeaderRows.size >= T) raise('warning', 'client_list');
  else if (listSize >= 2 || personalEmails.size >= 2) raise('caution', 'client_list');

  // Hashed identifiers laid out as a list.
  if (listedHashes.size >= T) raise('warning', 'hashed_list');
  else if (listedHashes.size >= 2) raise('caution', 'hashed_list');

  // Clinical context.
  yield;
  const clinical = yield* clinicalLevel(text, h, kept, table !== null);
  if (clinical === 'warning') raise('warning', 'clinical_context');
  else if (clinical === 'caution') raise('caution', 'clinical_context');
  // A client list with diagnoses anywhere in it is clinical too.
  if (reasons.includes('client_list') && state.verdict === 'warning' && strongClinical) raise('warning', 'clinical_context');

  // Roster.
  let rosterMatches: MaskedExample[] | undefined;
  let rosterSpans: { type: FindingType; start: number; end: number }[] = [];
  if (options.roster && options.roster.size > 0) {
    let matches: MaskedExample[] = [];
    try {
      matches = options.roster.match(text);
      if (Array.isArray(matches) && matches.length > 0) rosterSpans = options.roster.matchSpans?.(text) ?? [];
    } catch {
      matches = []; // a broken roster must not break classification
    }
    if (Array.isArray(matches) && matches.length > 0) {
      rosterMatches = matches.slice(0, MAX_EXAMPLES);
      raise('warning', 'known_client');
    }
  }

  const counts: Partial<Record<FindingType, number>> = {};
  for (let t = 0; t < TYPES.length; t++) if ((countsByType[t] as number) > 0) counts[TYPES[t] as FindingType] = countsByType[t] as number;
  const examples = yield* examplesOf(text, h, kept);
  const result = {
    verdict: state.verdict,
    reasons,
    counts,
    people: people.people,
    examples,
  } as Classification;
  // Findings are built when first read (redaction, the CLI's values), from the hit store's
  // type/start/end/confidence columns: one object per identifier is most of the memory a large
  // list would otherwise hold, and the extension's dialog never reads them.
  defineFindings(result, h.spans(), dropUuid, rosterSpans, text.length);
  if (rosterMatches) result.rosterMatches = rosterMatches;
  return result;
}

/**
 * Gives `result` an enumerable `findings` property that builds the array on first read and
 * then becomes a plain data property (JSON.stringify, spreads, structured clones and equality
 * checks all read it like any other). Assigning to it replaces it.
 */
function defineFindings(
  result: Classification,
  spans: HitSpans,
  dropUuid: boolean,
  rosterSpans: { type: FindingType; start: number; end: number }[],
  length: number,
): void {
  let source: HitSpans | null = spans;
  let built: Finding[] | null = null;
  const build = (): Finding[] => {
    if (built) return built;
    const s = source as HitSpans;
    // Sized once (a growing array would hold up to half again as many slots, plus its copies).
    let count = s.n;
    if (dropUuid) {
      for (let c = 0, i = 0; i < s.n; c++) {
        const type = s.type[c] as Uint8Array;
        const start = s.start[c] as Int32Array;
        const end = s.end[c] as Int32Array;
        const m = Math.min(s.n - i, type.length);
        for (let j = 0; j < m; j++) if (type[j] === T_HASH && (end[j] as number) - (start[j] as number) === 32) count--;
        i += m;
      }
    }
    const findings = new Array<Finding>(count);
    let f = 0;
    for (let c = 0, i = 0; i < s.n; c++) {
      const type = s.type[c] as Uint8Array;
      const start = s.start[c] as Int32Array;
      const end = s.end[c] as Int32Array;
      const conf = s.conf[c] as Uint8Array;
      const m = Math.min(s.n - i, type.length);
      for (let j = 0; j < m; j++) {
        const t = type[j] as number;
        const st = start[j] as number;
        const en = end[j] as number;
        if (dropUuid && t === T_HASH && en - st === 32) continue;
        findings[f++] = { type: TYPES[t] as FindingType, start: st, end: en, confidence: (conf[j] as number) / 100 };
      }
      i += m;
    }
    if (rosterSpans.length > 0) mergeRosterSpans(findings, rosterSpans, length);
    built = findings;
    source = null;
    return findings;
  };
  Object.defineProperty(result, 'findings', {
    enumerable: true,
    configurable: true,
    get(this: Classification): Finding[] {
      const value = build();
      try {
        Object.defineProperty(this, 'findings', { value, writable: true, enumerable: true, configurable: true });
      } catch {
        // a frozen or sealed copy keeps the accessor; the array is cached all the same
      }
      return value;
    },
    set(this: Classification, value: Finding[]) {
      built = value;
      source = null;
      Object.defineProperty(this, 'findings', { value, writable: true, enumerable: true, configurable: true });
    },
  });
}

/**
 * Roster mentions the detectors missed ("so glad dana whitfield liked it") become findings, so
 * redaction removes them too; a mention inside an existing finding adds nothing.
 */
function mergeRosterSpans(findings: Finding[], spans: { type: FindingType; start: number; end: number }[], length: number): void {
  // One sweep over both, sorted by start: `reach` is the furthest end of a finding that
  // starts at or before the span (a pasted roster can give thousands of each).
  const ids = findings.filter((f) => f.type !== 'clinical').sort((a, b) => a.start - b.start);
  const sorted = spans.slice().sort((a, b) => a.start - b.start);
  let j = 0;
  let reach = -1;
  let added = false;
  for (const s of sorted) {
    if (!(s.start >= 0 && s.end <= length && s.end > s.start)) continue;
    while (j < ids.length && (ids[j] as Finding).start <= s.start) reach = Math.max(reach, (ids[j++] as Finding).end);
    if (reach >= s.end) continue;
    findings.push({ type: s.type, start: s.start, end: s.end, confidence: 0.99 });
    added = true;
  }
  if (added) findings.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Runs decideSteps() to the end. */
export function decide(analysis: Analysis, options: ClassifyOptions = {}): Classification {
  return runToEnd(decideSteps(analysis, options));
}

/**
 * Free text: identifiers in a run form one record until a second name or email starts another,
 * a second phone on a new line does, a name after a contact on a new line does, or the gap is
 * too wide.
 */
/** A lone name this close to a full name it is part of is taken for the same person. */
const SAME_PERSON_SPAN = 2000;

/** Where each first and last word of a full name occurs (start offsets in text order), keyed as
 *  person hits are: "Hannah" after "Hannah Lindqvist" is the same client, not a second one. */
function wordsOfFullNames(text: string, h: HitStore, kept: (i: number) => boolean): Map<number, number[]> {
  const out = new Map<number, number[]>();
  const add = (word: string, at: number) => {
    const k = keyNumber(foldWord(word));
    const list = out.get(k);
    if (list) list.push(at);
    else out.set(k, [at]);
  };
  for (let i = 0; i < h.n; i++) {
    if (h.type(i) !== T_PERSON || !h.has(i, F_FULL) || h.has(i, F_HANDLE) || !kept(i)) continue;
    const name = text.slice(h.start(i), h.end(i));
    const first = name.indexOf(' ');
    if (first < 0) continue;
    add(name.slice(0, first), h.start(i));
    add(name.slice(name.lastIndexOf(' ') + 1), h.start(i));
  }
  return out;
}

function nearFullName(parts: Map<number, number[]>, key: number, at: number): boolean {
  const starts = parts.get(key);
  if (!starts) return false;
  // The first full name starting at or after `at - SAME_PERSON_SPAN`.
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((starts[mid] as number) < at - SAME_PERSON_SPAN) lo = mid + 1;
    else hi = mid;
  }
  return lo < starts.length && (starts[lo] as number) <= at + SAME_PERSON_SPAN;
}

function startsNewRecord(text: string, r: RecordAcc, h: HitStore, i: number): boolean {
  const s = h.start(i);
  if (s - r.lastEnd > RECORD_GAP) return true;
  const t = h.type(i);
  const key = h.key(i);
  if (t === T_PERSON) {
    if (r.nameCount > 0 && r.nameKey !== key) return true;
    if ((r.email !== -1 || r.phone !== -1) && text.slice(r.lastEnd, s).includes('\n')) return true;
  }
  if (t === T_EMAIL && r.email !== -1 && r.email !== key) return true;
  if (t === T_PHONE && r.phone !== -1 && r.phone !== key && text.slice(r.lastEnd, s).includes('\n')) return true;
  return false;
}

/** The contact fills its line apart from separators, labels and other identifiers: a list. */
function isListItem(text: string, h: HitStore, idx: number): boolean {
  // Bounded scans: on a 10 MB single line, looking for its ends from every contact is quadratic.
  const ls = lineStart(text, h.start(idx), 200);
  const le = lineEnd(text, h.end(idx), 200);
  if (ls < 0 || le < 0) return false;
  let letters = 0;
  let p = ls;
  let first = idx;
  while (first > 0 && h.start(first - 1) >= ls) first--;
  for (let k = first; k < h.n; k++) {
    const s = h.start(k);
    if (s >= le) break;
    if (h.end(k) <= ls || h.type(k) === T_CLINICAL) continue;
    for (let i = p; i < Math.max(p, s); i++) if (isLetter(text.charCodeAt(i))) letters++;
    p = Math.max(p, h.end(k));
  }
  for (let i = p; i < le; i++) if (isLetter(text.charCodeAt(i))) letters++;
  // Labels like "Email:", "Tel", "cell" are fine.
  return letters <= 12;
}

function hashAloneOnLine(text: string, s: number, e: number): boolean {
  const ls = lineStart(text, s, 16);
  const le = lineEnd(text, e, 16);
  if (ls < 0 || le < 0) return false;
  const rest = text.slice(ls, s) + text.slice(e, le);
  return /^[\s"',;|\t[\]{}-]*$/.test(rest);
}

type Level = 'none' | 'caution' | 'warning';

function* clinicalLevel(text: string, h: HitStore, kept: (i: number) => boolean, isTable: boolean): Generator<void, Level> {
  // Walks the store itself (no lists of indices: a large list has hundreds of thousands of
  // identifiers): clinical hits and identifiers are both in text order.
  const n = h.n;
  let anyClinical = false;
  let anyId = false;
  for (let i = 0; i < n && !(anyClinical && anyId); i++) {
    if ((i & TICK) === TICK) yield;
    if (!kept(i)) continue;
    if (h.type(i) === T_CLINICAL) anyClinical = true;
    else if (contextIdentifier(h, i)) anyId = true;
  }
  if (!anyClinical || !anyId) return 'none';
  let level: Level = 'none';
  const bump = (l: Level): boolean => {
    if (l === 'warning' || (l === 'caution' && level === 'none')) level = l;
    return level === 'warning';
  };
  if (isTable) {
    // Same row; a diagnosis column makes every row with an identifier clinical. Rows are >= -1
    // (-1: the header), kept as row + 1.
    const strongRows = new BitSet();
    const weakRows = new BitSet();
    for (let i = 0; i < n; i++) {
      if ((i & TICK) === TICK) yield;
      if (kept(i) && h.type(i) === T_CLINICAL) (h.has(i, F_STRONG) ? strongRows : weakRows).add(h.row(i) + 1);
    }
    for (let i = 0; i < n; i++) {
      if ((i & TICK) === TICK) yield;
      if (!kept(i) || h.type(i) === T_CLINICAL || !contextIdentifier(h, i)) continue;
      const row = h.row(i);
      if (row < 0) continue;
      if (strongRows.has(row + 1) && bump(strengthLevel(true, h, i))) return level;
      if (weakRows.has(row + 1)) bump(strengthLevel(false, h, i));
    }
    return level;
  }
  // Free text: for each clinical hit, the identifiers within the window. `j` is the first
  // identifier that can still be in a window (its end is not before the window's start).
  let j = 0;
  let k = 0;
  for (let c = 0; c < n; c++) {
    if ((c & TICK) === TICK) yield;
    if (!kept(c) || h.type(c) !== T_CLINICAL) continue;
    if ((++k & TICK) === 0) yield;
    const cs = h.start(c);
    const ce = h.end(c);
    while (j < n && (!kept(j) || h.type(j) === T_CLINICAL || !contextIdentifier(h, j) || h.end(j) < cs - CONTEXT_WINDOW)) j++;
    for (let m = j; m < n; m++) {
      // Sorted by start: nothing after this one starts inside the window either.
      if (h.start(m) > ce + CONTEXT_WINDOW) break;
      if (!kept(m) || h.type(m) === T_CLINICAL || !contextIdentifier(h, m)) continue;
      if (!sameParagraph(text, h.start(m), h.end(m), cs, ce)) continue;
      if (bump(strengthLevel(h.has(c, F_STRONG), h, m))) return level;
    }
  }
  return level;
}

function strengthLevel(strong: boolean, h: HitStore, id: number): Level {
  const isPerson = h.type(id) === T_PERSON;
  const full = h.has(id, F_FULL);
  const weakId = isPerson && (h.has(id, F_HANDLE) || (!full && h.conf(id) < 60));
  if (strong) return weakId ? 'caution' : 'warning';
  // Therapy words: a full name or a contact is a caution; a lone first name or handle is not.
  if (isPerson && !full) return 'none';
  return 'caution';
}

function sameParagraph(text: string, as: number, ae: number, bs: number, be: number): boolean {
  const s = Math.min(ae, be);
  const e = Math.max(as, bs);
  if (e <= s) return true;
  return !/\n\s*\n/.test(text.slice(s, e));
}

const EXAMPLE_ORDER = [T_PERSON, T_EMAIL, T_PHONE, T_HASH, T_DOB, T_ADDRESS];

function* examplesOf(text: string, h: HitStore, kept: (i: number) => boolean): Generator<void, MaskedExample[]> {
  // Round-robin over kinds so a list shows a name, an email and a phone rather than five names.
  const byType: number[][] = EXAMPLE_ORDER.map(() => []);
  let full = 0;
  // Until every kind has five: with no hashes, dates or addresses that is the whole store.
  for (let i = 0; i < h.n && full < EXAMPLE_ORDER.length; i++) {
    if ((i & TICK) === TICK) yield;
    const k = EXAMPLE_ORDER.indexOf(h.type(i));
    const list = byType[k];
    if (!list || list.length >= MAX_EXAMPLES || !kept(i) || h.has(i, F_HANDLE) || h.has(i, F_ROLE)) continue;
    list.push(i);
    if (list.length === MAX_EXAMPLES) full++;
  }
  const out: MaskedExample[] = [];
  const seen = new Set<string>();
  for (let round = 0; out.length < MAX_EXAMPLES && round < MAX_EXAMPLES; round++) {
    for (const list of byType) {
      const i = list[round];
      if (i === undefined) continue;
      const type = TYPES[h.type(i)] as FindingType;
      const masked = maskValue(type, text.slice(h.start(i), h.end(i)));
      if (seen.has(masked)) continue;
      seen.add(masked);
      out.push({ type, masked });
      if (out.length >= MAX_EXAMPLES) break;
    }
  }
  return out;
}
