// Runs the detectors over the input, guided by its structure. A generator: it yields between
// detectors on each chunk of text and between small batches of rows, so classify() can run it
// straight through and classifyIncrementally() can pause it to give the page its main thread
// back — with identical results.
import type { ContentForm } from '../types';
import { findAddresses } from './address';
import { findClinical } from './clinical';
import { typeColumns, isHeaderRow, kindFromHeader, type ColumnInfo } from './columns';
import { findDobs, isDateCell } from './dob';
import { findEmails, findObfuscatedEmails } from './email';
import { findHashes } from './hashed';
import { byStart, type Hit } from './hit';
import { BitSet, HitStore } from './hitstore';
import { warmLexicon } from './names';
import type { OwnMatcher } from './own';
import { businessCellName, credentialAfter, findPersons, labelNamesBusiness, nameShape, nameShapeQuick } from './person';
import { findPhones } from './phone';
import {
  DelimitedCursor,
  JsonCursor,
  LineCursor,
  SAMPLE_ROWS,
  collectRows,
  detectDelimiter,
  looksLikeJson,
  normalizeHeader,
  type Row,
  type Table,
} from './structure';
import { NextMatch, countDigits, foldWord, isAsciiAlnum, isLetter, isUncasedLetter, isUpper, lineStart } from './text';

export interface Analysis {
  text: string;
  hits: HitStore;
  table: Table | null;
  columns: ColumnInfo[] | null;
  /** Table rows that describe an organisation (company column, website, "LLC"): their contacts are not people's. */
  orgRows: BitSet;
}

/** Free text is processed in chunks of about this many UTF-16 units, cut at line or word ends. */
export const CHUNK = 32 * 1024;

/** Finds the structure of the text (see structure.ts). */
function findTable(text: string, form: ContentForm): Table | null {
  if (form === 'json' || (form !== 'csv' && looksLikeJson(text))) {
    const probe = new JsonCursor(text);
    const sample = collectRows(probe, SAMPLE_ROWS).filter((r) => r.cells.length > 0);
    if (sample.length > 0 && probe.columns.some((c) => c !== '')) {
      // Columns are the keys met in the sample; later keys are typed by name only.
      const t: Table = {
        kind: 'json',
        delimiter: '',
        columns: probe.columns.slice(),
        hasHeader: true,
        headerEnd: 0,
        sample,
        open: () => new JsonCursor(text),
      };
      return t;
    }
  }
  if (form === 'json') return null;
  const d = detectDelimiter(text);
  if (d) {
    const head = collectRows(new DelimitedCursor(text, d), SAMPLE_ROWS + 1);
    if (head.length < 2) return null;
    const t: Table = { kind: 'delimited', delimiter: d, columns: [], hasHeader: false, headerEnd: 0, sample: head, open: () => new DelimitedCursor(text, d) };
    if (isHeaderRow(text, head, 0)) {
      const header = head[0] as Row;
      const cols: string[] = [];
      const hc = header.cells;
      for (let k = 0; k < hc.length; k += 3) cols[hc[k] as number] = normalizeHeader(text.slice(hc[k + 1] as number, hc[k + 2] as number));
      for (let k = 0; k < cols.length; k++) if (cols[k] === undefined) cols[k] = '';
      t.columns = cols;
      t.hasHeader = true;
      // Data rows start after the header line.
      let after = header.e;
      if (text.charCodeAt(after) === 13) after++;
      if (text.charCodeAt(after) === 10) after++;
      t.headerEnd = after;
      t.sample = head.slice(1);
      t.open = () => new DelimitedCursor(text, d, after);
    }
    return t;
  }
  // One value per line under a header word ("Client Name", then names).
  const firstNl = text.indexOf('\n');
  if (firstNl > 0 && firstNl <= 60) {
    const headText = text.slice(0, firstNl).trim();
    // A header is a few words, not a line of data ("iPhone 15 Pro 198GB – IMEI 93-624875-…").
    if (headText && countDigits(headText) <= 2 && headText.split(/\s+/).length <= 5 && kindFromHeader(normalizeHeader(headText)).fromHeader) {
      const start = firstNl + 1;
      const sample = collectRows(new LineCursor(text, start), SAMPLE_ROWS);
      // Values are short; a post under a title such as "Client success story" has paragraphs.
      let long = 0;
      for (const r of sample) if (r.e - r.s > MAX_LINE_VALUE) long++;
      if (sample.length >= 2 && long * 5 <= sample.length) {
        return { kind: 'lines', delimiter: '\n', columns: [normalizeHeader(headText)], hasHeader: true, headerEnd: start, sample, open: () => new LineCursor(text, start) };
      }
    }
  }
  return null;
}

export function* analyze(text: string, form: ContentForm = 'auto', own: OwnMatcher | null = null): Generator<void, Analysis> {
  const store = new HitStore();
  yield* warmLexicon();
  const table = findTable(text, form);
  yield;
  let columns: ColumnInfo[] | null = null;
  const orgRows = new BitSet();
  if (table) {
    columns = yield* typeColumns(text, table);
    yield;
    // The header row still gets the context detectors ("Diagnosis" column).
    if (table.hasHeader && table.headerEnd > 0) {
      const head: Hit[] = [];
      findClinical(text, 0, table.headerEnd, head);
      append(store, head, -1, text, own);
    }
    yield* tableHits(text, table, columns, store, orgRows, own);
  } else {
    yield* freeTextHits(text, store, own);
  }
  // Rows and chunks arrive in text order; only a JSON document with identifiers outside its
  // records (emitted last) can leave the store out of order.
  if (!store.isSorted()) {
    yield;
    store.sort();
  }
  return { text, hits: store, table, columns, orgRows };
}

/** Sorted, own identities removed, into the store. */
function append(store: HitStore, hits: Hit[], row: number, text: string, own: OwnMatcher | null): void {
  if (hits.length > 1) insertionSort(hits);
  // Hits sorted by start: a hit inside an own identity ("jane" in the clinician's own
  // jane.doe@...) goes with it, since the store's overlap rule no longer sees the owner.
  let ownEnd = -1;
  for (const h of hits) {
    if (h.end <= ownEnd) continue;
    if (own && own.isOwn(h, text.slice(h.start, h.end))) {
      ownEnd = Math.max(ownEnd, h.end);
      continue;
    }
    store.push(h, row);
  }
}

/** Company words (whole words, any case) that make a cell a business's. */
const ORG_WORDS = 'inc llc ltd gmbh corp corporation company group plc sa sl ag bv pty associates partners sons services solutions holdings enterprises industries studio agency'.split(' ');

/** A cell naming a business: a URL or domain, or a company word ("Inc", "LLC", "S.A.", "Studio"). */
export const ORG_CELL = new RegExp(`^(?:https?://|www\\.)|\\.(?:com|org|net|biz|io|co)(?:/|$)|\\b(?:l\\.l\\.c|s\\.a|s\\.l|${ORG_WORDS.join('|')})\\b\\.?`, 'i');
let orgWordHashes: Set<number> | null = null;

/** Hash of text[a, b) with ASCII letters lower-cased, and its length. */
function runHash(text: string, a: number, b: number): number {
  let h = 0;
  for (let i = a; i < b; i++) h = (Math.imul(h, 31) + (text.charCodeAt(i) | 32)) | 0;
  return (h ^ Math.imul(b - a, 0x9e3779b1)) | 0;
}

/** A unit of a word as a regular expression's \b sees it without the u flag. */
function isWordUnit(c: number): boolean {
  return isAsciiAlnum(c) || c === 95;
}

/**
 * ORG_CELL.test(text.slice(s, e)), without the regex for most cells: its URL and domain forms
 * and "l.l.c" / "s.a" need a '.' or a ':', and without one it can only match a whole ASCII word
 * (a run of [A-Za-z0-9_], as its \b sees words) that is one of ORG_WORDS. A run is compared
 * only when its hash is one of theirs. The regex on every name cell of a 10,000-row list took
 * about 4 ms (fast-paths.test.ts compares the two).
 */
export function isOrgCell(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 || c === 58) return ORG_CELL.test(text.slice(s, e));
  }
  const hashes = (orgWordHashes ??= new Set(ORG_WORDS.map((w) => runHash(w, 0, w.length))));
  let i = s;
  while (i < e) {
    while (i < e && !isWordUnit(text.charCodeAt(i))) i++;
    const a = i;
    while (i < e && isWordUnit(text.charCodeAt(i))) i++;
    if (i > a && hashes.has(runHash(text, a, i)) && ORG_WORDS.includes(text.slice(a, i).toLowerCase())) return true;
  }
  return false;
}

/** Longest line that still reads as one value of a one-per-line list ("Name <email>, phone"). */
const MAX_LINE_VALUE = 100;

/** Removes, in place and in order, the hits `drop` says to drop. */
function removeHits(hits: Hit[], drop: (h: Hit) => boolean): void {
  let w = 0;
  for (let r = 0; r < hits.length; r++) {
    const h = hits[r] as Hit;
    if (!drop(h)) hits[w++] = h;
  }
  hits.length = w;
}

/**
 * A name that starts with a clinical term ("Name: Intake Form", "What's your name? Anxiety")
 * is the term, not a person: one word must not be both the identifier and the clinical
 * context of a warning.
 */
function dropClinicalNames(hits: Hit[]): void {
  let starts: Set<number> | null = null;
  for (const h of hits) if (h.type === 'clinical') (starts ??= new Set()).add(h.start);
  if (starts) removeHits(hits, (h) => h.type === 'person' && (starts as Set<number>).has(h.start));
}

/**
 * "Chesley Bechtelar, LCSW": a licence after a professional's name (a person hit marked as a
 * listing, credentialAfter()) is their title, not clinical context about anyone.
 */
function dropCredentialTerms(text: string, hits: Hit[]): void {
  let ends: number[] | null = null;
  for (const h of hits) if (h.type === 'person' && h.business) (ends ??= []).push(h.end);
  if (!ends) return;
  const after = ends;
  removeHits(hits, (h) => h.type === 'clinical' && after.some((e) => e < h.start && h.start - e <= 24 && CREDENTIALS_BETWEEN.test(text.slice(e, h.start))));
}

// Between the name and the licence: ", " or " ", and other degrees ("Jane Roe, PsyD, LCSW").
const CREDENTIALS_BETWEEN = /^(?:,?[ \u00a0]{1,2}[A-Z][A-Za-z.\-]{1,7})*,?[ \u00a0]{1,2}$/;

/** Free text: every detector over chunks that end at a line break (or a space). */
function* freeTextHits(text: string, store: HitStore, own: OwnMatcher | null): Generator<void, void> {
  const to = text.length;
  let s = 0;
  const local: Hit[] = [];
  // Emails need an '@'; phones, hashes, birth dates and addresses a digit. Most prose has
  // neither, and a native search for one is far cheaper than each detector's own pass.
  const ats = new NextMatch(text, /[@\uff20]/g);
  const digits = new NextMatch(text, /[0-9]/g);
  while (s < to) {
    let e = Math.min(to, s + CHUNK);
    if (e < to) {
      // Prefer a line break in the last quarter of the chunk, else a space, else cut hard.
      const nl = text.lastIndexOf('\n', e);
      if (nl > s + CHUNK * 0.75) e = nl + 1;
      else {
        const sp = text.lastIndexOf(' ', e);
        if (sp > s + CHUNK * 0.75) e = sp + 1;
      }
    }
    // The same detectors in the same order on the same chunk whether or not the caller pauses
    // in between, so the chunks stay large (boundaries matter) and the steps short.
    local.length = 0;
    const withDigits = digits.inRange(s, e);
    if (ats.inRange(s, e)) findEmails(text, s, e, local);
    findObfuscatedEmails(text, s, e, local);
    if (withDigits) {
      findPhones(text, s, e, local);
      findHashes(text, s, e, local);
    }
    yield;
    findClinical(text, s, e, local);
    if (withDigits) {
      findDobs(text, s, e, local);
      findAddresses(text, s, e, local);
    }
    yield;
    findPersons(text, s, e, local);
    dropClinicalNames(local);
    dropCredentialTerms(text, local);
    yield;
    addDisplayNames(text, s, e, local);
    append(store, local, -1, text, own);
    s = e;
    yield;
  }
}

/**
 * "Xyrel Qwon <xq@example.com>", "Qwon, Xyrel - 555-201-3344": capitalised words right before a
 * contact on the same line are its owner's name, lexicon or not.
 */
function addDisplayNames(text: string, from: number, to: number, out: Hit[]): void {
  const persons = out.filter((h) => h.type === 'person' && h.start >= from && h.end <= to);
  const contacts = out.filter((h) => (h.type === 'email' || h.type === 'phone') && h.start >= from && h.end <= to).sort((a, b) => a.start - b.start);
  // Names inside a business's label ("Spencer - Wilderman — 555…") are the business's.
  let businessNames: Set<Hit> | null = null;
  const inLabel = (a: number, b: number) => {
    for (const h of persons) if (h.start >= a && h.end <= b) (businessNames ??= new Set()).add(h);
  };
  let prev: Hit | null = null;
  for (const c of contacts) {
    // "Billing: billing@x.org · (415) 555-2671": the second contact is the same label's.
    const before = prev;
    prev = c;
    if (before && before.business && c.start >= before.end && c.start - before.end <= 6 && /^[\s,;·|/–—-]*$/.test(text.slice(before.end, c.start)) && !text.slice(before.end, c.start).includes('\n')) {
      c.business = true;
      continue;
    }
    let p = c.start;
    // Skip the separators between a name and its contact.
    let skipped = 0;
    while (p > from && skipped < 6) {
      const ch = text.charCodeAt(p - 1);
      if (ch === 32 || ch === 60 || ch === 44 || ch === 58 || ch === 59 || ch === 45 || ch === 40 || ch === 34 || ch === 9 || ch === 0x2013 || ch === 0x2014 || ch === 124) {
        p--;
        skipped++;
      } else break;
    }
    if (p === from || text.charCodeAt(p - 1) === 10 || text.charCodeAt(p - 1) === 13) {
      // Nothing before it on its line: in a directory's block the business's name is a line above.
      const label = businessLineAbove(text, from, p);
      if (label) {
        c.business = true;
        inLabel(label[0], label[1]);
      }
      continue;
    }
    if (p === c.start) continue;
    // Take up to four capitalised words back, on this line.
    let end = p;
    let start = p;
    let words = 0;
    let q = p;
    while (words < 4 && q > from) {
      let ws = q;
      while (ws > from && (isLetter(text.charCodeAt(ws - 1)) || text.charCodeAt(ws - 1) === 39 || text.charCodeAt(ws - 1) === 45 || text.charCodeAt(ws - 1) === 46)) ws--;
      if (ws === q) break;
      const word = text.slice(ws, q).replace(/\.$/, '');
      // Capitalised, or in a script without case (Hebrew, CJK, Arabic names).
      if (word.length < 1 || !(isUpper(word.charCodeAt(0)) || isUncasedLetter(word.charCodeAt(0)))) break;
      start = ws;
      words++;
      // One space (or a comma for "Last, First") between words of a name.
      if (ws > from && text.charCodeAt(ws - 1) === 32 && ws - 1 > from && isLetter(text.charCodeAt(ws - 2))) q = ws - 1;
      else if (ws > 1 && text.charCodeAt(ws - 1) === 32 && text.charCodeAt(ws - 2) === 44 && words === 1) q = ws - 2;
      else break;
    }
    if (words === 0) continue;
    end = p;
    // "Billing Coordinator: (555) 201-3344", "Front Desk — …": a role's line, not a person's.
    // Names elsewhere on the line stay ("Jane Doe, Office Manager: …").
    if (JOB_WORDS.has(foldWord(text.slice(text.lastIndexOf(' ', end - 1) + 1, end).replace(/[.:]$/, '')))) {
      c.business = true;
      inLabel(start, end); // "Principal Directives Producer" read as a name is the title itself
      continue;
    }
    if (labelNamesBusiness(text, start, end)) {
      c.business = true;
      const ls = lineStart(text, start, 200);
      inLabel(ls < 0 ? start : ls, end);
      continue;
    }
    if (persons.some((h) => h.start < end && h.end > start)) continue;
    const value = text.slice(start, end);
    // "Call Us: 555..." and "Email: x@y" are labels, not names.
    if (/^(?:call|email|e-mail|phone|tel|mobile|cell|fax|contact|text|whatsapp|us|me|at|or|and|to|from|reply|write|mail|office|home|work|send)\.?$/i.test(value.split(/[\s,]+/).pop() ?? '')) continue;
    if (/^(?:[A-Z]{2,}\s*)+$/.test(value) && !nameShape(value).lexiconHits) continue;
    const words2 = value.split(/[\s,]+/).filter(Boolean);
    out.push({ type: 'person', start, end, confidence: 0.65, key: words2.map(foldWord).join(' '), full: words2.length >= 2 });
  }
  // (Set inside inLabel(), which the compiler does not follow.)
  const drop = businessNames as Set<Hit> | null;
  if (drop) removeHits(out, (h) => drop.has(h));
}

// The last word of a role's label: job titles (as staff pages and faker's jobTitle() end them)
// and desks. None is a common surname.
const JOB_WORDS = new Set(
  (
    'manager director officer coordinator specialist consultant facilitator engineer assistant representative agent ' +
    'supervisor administrator analyst designer developer strategist architect producer liaison planner executive ' +
    'technician orchestrator associate receptionist scheduler desk department reception billing admissions support sales dispatch hotline helpdesk'
  ).split(' '),
);

/**
 * Whether one of the two lines above `at` (a line start), within the same block (no blank line
 * between), is a business's name alone: "Herman Auto Repair" / "114 Cassandra Bypass…" / phone.
 */
function businessLineAbove(text: string, from: number, at: number): [number, number] | null {
  let end = at;
  for (let k = 0; k < 2 && end > from; k++) {
    // end is the start of a line; the line above is [start, end - 1).
    let lineEnd = end - 1;
    if (lineEnd > from && text.charCodeAt(lineEnd) === 10 && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
    let start = lineEnd;
    while (start > from && text.charCodeAt(start - 1) !== 10) start--;
    const line = text.slice(start, lineEnd).trim();
    if (line === '') return null;
    if (line.length <= 80 && /^\p{Lu}[\p{L}'’&.,\- ]*$/u.test(line)) {
      const s = start + text.slice(start, lineEnd).indexOf(line);
      if (labelNamesBusiness(text, s, s + line.length)) return [s, s + line.length];
    }
    end = start;
  }
  return null;
}

/** Tables: cells are typed by their column; free-text detectors run on the rest. */
function* tableHits(text: string, table: Table, columns: ColumnInfo[], store: HitStore, orgRows: BitSet, own: OwnMatcher | null): Generator<void, void> {
  // Phone columns are validated on a sample; the rest of the column is trusted by shape, since
  // each libphonenumber parse costs ~20 µs and a list can have 10,000 rows.
  const phoneTrust = columns.map((c, i) => (c.kind === 'phone' ? phoneColumnValid(text, table.sample, i) : false));
  yield;
  const hasNameColumn = columns.some((c) => c.kind === 'name' || c.kind === 'first' || c.kind === 'last');
  const cursor = table.open();
  const row: Row = { s: 0, e: 0, cells: [] };
  const out: Hit[] = [];
  const jsonColumns = table.kind === 'json' ? (cursor as JsonCursor).columns : null;
  // A pause every 32 rows, or sooner after 8 kB of long rows.
  let since = 0;
  let mark = 0;
  for (let r = 0; cursor.next(row); r++) {
    if (++since >= 32 || row.s - mark >= 8192) {
      yield;
      since = 0;
      mark = row.s;
    }
    out.length = 0;
    const cells = row.cells;
    for (let ci = 0; ci < cells.length; ci += 3) {
      const col = cells[ci] as number;
      // JSON keys first met after the sample are typed by their name alone.
      if (jsonColumns && col >= columns.length) for (let c = columns.length; c < jsonColumns.length; c++) columns.push(kindFromHeader(jsonColumns[c] as string));
      const info = columns[col];
      const kind = info?.kind ?? 'other';
      let s = cells[ci + 1] as number;
      let e = cells[ci + 2] as number;
      while (s < e && (text.charCodeAt(s) === 32 || text.charCodeAt(s) === 9)) s++;
      while (e > s && (text.charCodeAt(e - 1) === 32 || text.charCodeAt(e - 1) === 9)) e--;
      if (e <= s) continue;
      const orgCell = (kind === 'other' || kind === 'name') && isOrgCell(text, s, e);
      if (kind === 'org' || orgCell || (kind === 'other' && ci === 0 && info?.businesses && businessCellName(text, s, e, true))) orgRows.add(r);
      switch (kind) {
        case 'name':
        case 'first':
        case 'last': {
          const v = text.slice(s, e);
          const shape = nameShapeQuick(v);
          // A business in a "name" column (a directory, a places export): the row is the business's.
          if (kind === 'name' && !info?.clientHeader && (orgCell || (info?.businesses && businessCellName(text, s, e)))) {
            orgRows.add(r);
            break;
          }
          if (shape.ok || (info?.clientHeader && hasLetters(v))) {
            // "Sophie Von, DDS, (555) 201-3344": a professional's listing, not a client's row.
            const hit: Hit = { type: 'person', start: s, end: e, confidence: info?.fromHeader ? 0.9 : 0.75, key: foldWord(v.indexOf('  ') === -1 ? v : v.replace(/\s+/g, ' ')), full: kind === 'name' ? shape.words >= 2 : false, standalone: true };
            // Set only when true: one more property on every hit slows the store's reads of them.
            if (kind === 'name' && info?.businesses === true && credentialAfter(text, e)) hit.business = true;
            out.push(hit);
          } else {
            detectCell(text, s, e, out);
          }
          break;
        }
        case 'phone': {
          const k = out.length;
          findPhones(text, s, e, out, phoneTrust[col] === true ? TRUSTED_PHONE_COLUMN : PHONE_COLUMN);
          for (let m = k; m < out.length; m++) (out[m] as Hit).standalone = true;
          if (out.length === k) detectCell(text, s, e, out);
          break;
        }
        case 'email': {
          // An email column: the address is the cell; other detectors only if it is not one.
          const k = out.length;
          findEmails(text, s, e, out);
          for (let m = k; m < out.length; m++) {
            const h = out[m] as Hit;
            if (h.start === s && h.end === e) h.standalone = true;
          }
          if (out.length === k) detectCell(text, s, e, out);
          break;
        }
        case 'id':
          // Only an email can be an identifier of a person here ("User ID: jane@…").
          if (text.slice(s, e).includes('@')) findEmails(text, s, e, out);
          break;
        case 'dob':
          if (isDateCell(text.slice(s, e))) out.push({ type: 'dob', start: s, end: e, confidence: 0.85, key: text.slice(s, e).replace(/\D+/g, '') });
          else detectCell(text, s, e, out);
          break;
        case 'address':
          if (countDigits(text, s, e) > 0 && hasLetters(text.slice(s, e))) out.push({ type: 'address', start: s, end: e, confidence: 0.8, key: text.slice(s, e).toLowerCase() });
          else detectCell(text, s, e, out);
          break;
        default: {
          const k = out.length;
          detectCell(text, s, e, out);
          // A value that is the whole cell is list-shaped ("jane@x.com" alone, a bare hash).
          for (let m = k; m < out.length; m++) {
            const h = out[m] as Hit;
            if (h.start === s && h.end === e) h.standalone = true;
          }
          // Free-text names only where no column holds names (notes, "Name <email>" cells).
          if (!hasNameColumn && kind !== 'org' && kind !== 'hashed') {
            const p = out.length;
            findPersons(text, s, e, out);
            addDisplayNames(text, s, e, out);
            for (let m = p; m < out.length; m++) (out[m] as Hit).inferred = true;
          }
        }
      }
    }
    dropCredentialTerms(text, out);
    // "Olson Plumbing — (235) 478-0971, …": a contact labelled with a business's name.
    for (const h of out) {
      if (h.business) {
        orgRows.add(r);
        break;
      }
    }
    append(store, out, r, text, own);
  }
}

const PHONE_COLUMN = { phoneColumn: true };
const TRUSTED_PHONE_COLUMN = { phoneColumn: true, trustShape: true };

function detectCell(text: string, s: number, e: number, out: Hit[]): void {
  // Cheap gates first: most cells are words or short numbers.
  let at = false;
  let digits = 0;
  let letters = 0;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c === 64 || c === 0xff20) at = true;
    else if (c >= 48 && c <= 57) digits++;
    else if (c > 64) letters++;
  }
  if (at) findEmails(text, s, e, out);
  if (letters > 0) {
    findObfuscatedEmails(text, s, e, out);
    findClinical(text, s, e, out);
  }
  if (digits >= 7) findPhones(text, s, e, out);
  if (e - s >= 32) findHashes(text, s, e, out);
  if (digits > 0 && letters > 0) {
    findDobs(text, s, e, out);
    findAddresses(text, s, e, out);
  }
}

function hasLetters(v: string): boolean {
  for (let i = 0; i < v.length; i++) if (isLetter(v.charCodeAt(i))) return true;
  return false;
}

function phoneColumnValid(text: string, rows: readonly Row[], col: number): boolean {
  let tried = 0;
  let valid = 0;
  const scratch: Hit[] = [];
  const step = Math.max(1, Math.floor(rows.length / 60));
  for (let r = 0; r < rows.length && tried < 60; r += step) {
    const cells = (rows[r] as Row).cells;
    let k = 0;
    while (k < cells.length && cells[k] !== col) k += 3;
    if (k >= cells.length || (cells[k + 2] as number) <= (cells[k + 1] as number)) continue;
    tried++;
    scratch.length = 0;
    findPhones(text, cells[k + 1] as number, cells[k + 2] as number, scratch, PHONE_COLUMN);
    if (scratch.some((h) => h.confidence >= 0.9)) valid++;
  }
  return tried >= 5 && valid / tried >= 0.6;
}

/** Insertion sort: a row or chunk has hits nearly in order already. */
function insertionSort(out: Hit[]): void {
  if (out.length > 32) {
    out.sort(byStart);
    return;
  }
  for (let i = 1; i < out.length; i++) {
    const h = out[i] as Hit;
    let j = i - 1;
    while (j >= 0 && byStart(out[j] as Hit, h) > 0) {
      out[j + 1] = out[j] as Hit;
      j--;
    }
    out[j + 1] = h;
  }
}
