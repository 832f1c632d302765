// Runs the detectors over the input, guided by its structure. A generator: it yields between
// chunks and row batches, so classify() can run it straight through and classifyIncrementally()
// can pause it to give the page its main thread back — with identical results.
import type { ContentForm } from '../types';
import { findAddresses } from './address';
import { findClinical } from './clinical';
import { typeColumns, isHeaderRow, kindFromHeader, type ColumnInfo } from './columns';
import { findDobs, isDateCell } from './dob';
import { findEmails, findObfuscatedEmails } from './email';
import { findHashes } from './hashed';
import { byStart, type Hit } from './hit';
import { findPersons, nameShape } from './person';
import { findPhones } from './phone';
import { detectDelimiter, looksLikeJson, normalizeHeader, parseDelimited, scanJson, singleColumn, type Row, type Table } from './structure';
import { countDigits, foldWord, isLetter, isUpper } from './text';

export interface Analysis {
  text: string;
  hits: Hit[];
  table: Table | null;
  columns: ColumnInfo[] | null;
  /** Table rows that describe an organisation (company column, website, "LLC"): their contacts are not people's. */
  orgRows: Set<number>;
}

/** Free text is processed in chunks of about this many UTF-16 units, cut at line or word ends. */
export const CHUNK = 32 * 1024;

export function* analyze(text: string, form: ContentForm = 'auto'): Generator<void, Analysis> {
  const hits: Hit[] = [];
  let table: Table | null = null;
  let columns: ColumnInfo[] | null = null;

  if (form === 'json' || (form !== 'csv' && looksLikeJson(text))) {
    const t = yield* scanJson(text);
    if (t.rows.length > 0 && t.columns.some((c) => c !== '')) table = t;
  }
  if (!table && form !== 'json') {
    const d = detectDelimiter(text);
    if (d) {
      const rows = yield* parseDelimited(text, d);
      if (rows.length >= 2) {
        table = { kind: 'delimited', delimiter: d, columns: [], hasHeader: false, headerEnd: 0, rows };
        if (isHeaderRow(text, table, 0)) {
          const header = rows[0] as Row;
          const cols: string[] = [];
          for (const c of header.cells) cols[c.col] = normalizeHeader(text.slice(c.s, c.e));
          for (let k = 0; k < cols.length; k++) if (cols[k] === undefined) cols[k] = '';
          table.columns = cols;
          table.hasHeader = true;
          table.headerEnd = header.e;
          table.rows = rows.slice(1);
        }
      }
    } else {
      const rows = singleColumnUnderHeader(text);
      if (rows) {
        const header = rows[0] as Row;
        table = { kind: 'delimited', delimiter: '\n', columns: [normalizeHeader(text.slice(header.s, header.e))], hasHeader: true, headerEnd: header.e, rows: rows.slice(1) };
      }
    }
  }

  const orgRows = new Set<number>();
  if (table) {
    columns = typeColumns(text, table);
    yield* tableHits(text, table, columns, hits, orgRows);
    // Text outside the rows (a JSON preamble, the header) still gets the context detectors.
    if (table.hasHeader && table.kind === 'delimited') findClinical(text, 0, table.headerEnd, hits);
  } else {
    yield* freeTextHits(text, 0, text.length, hits);
  }
  hits.sort(byStart);
  return { text, hits: dedupe(hits), table, columns, orgRows };
}

function singleColumnUnderHeader(text: string): Row[] | null {
  const firstNl = text.indexOf('\n');
  if (firstNl === -1 || firstNl > 60) return null;
  const head = text.slice(0, firstNl).trim();
  if (!head || !kindFromHeader(normalizeHeader(head)).fromHeader) return null;
  const rows = singleColumn(text);
  return rows.length >= 3 ? rows : null;
}

const ORG_CELL = /^(?:https?:\/\/|www\.)|\.(?:com|org|net|biz|io|co)(?:\/|$)|\b(?:inc|llc|l\.l\.c|ltd|gmbh|corp|corporation|company|group|plc|s\.?a|s\.?l|ag|bv|pty|associates|partners|sons|services|solutions|holdings|enterprises|industries|studio|agency)\b\.?/i;

/** Free text: every detector over chunks that end at a line break (or a space). */
function* freeTextHits(text: string, from: number, to: number, out: Hit[]): Generator<void, void> {
  let s = from;
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
    detectAll(text, s, e, out, true);
    s = e;
    yield;
  }
}

function detectAll(text: string, s: number, e: number, out: Hit[], persons: boolean): void {
  findEmails(text, s, e, out);
  findObfuscatedEmails(text, s, e, out);
  findPhones(text, s, e, out);
  findHashes(text, s, e, out);
  findClinical(text, s, e, out);
  findDobs(text, s, e, out);
  findAddresses(text, s, e, out);
  if (persons) {
    findPersons(text, s, e, out);
    addDisplayNames(text, s, e, out);
  }
}

/**
 * "Xyrel Qwon <xq@example.com>", "Qwon, Xyrel - 555-201-3344": capitalised words right before a
 * contact on the same line are its owner's name, lexicon or not.
 */
function addDisplayNames(text: string, from: number, to: number, out: Hit[]): void {
  const persons = out.filter((h) => h.type === 'person' && h.start >= from && h.end <= to);
  const contacts = out.filter((h) => (h.type === 'email' || h.type === 'phone') && h.start >= from && h.end <= to);
  for (const c of contacts) {
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
    if (p === c.start && c.start > from) continue;
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
      if (!isUpper(word.charCodeAt(0)) || word.length < 1) break;
      start = ws;
      words++;
      // One space (or a comma for "Last, First") between words of a name.
      if (ws > from && text.charCodeAt(ws - 1) === 32 && ws - 1 > from && isLetter(text.charCodeAt(ws - 2))) q = ws - 1;
      else if (ws > 1 && text.charCodeAt(ws - 1) === 32 && text.charCodeAt(ws - 2) === 44 && words === 1) q = ws - 2;
      else break;
    }
    if (words === 0) continue;
    end = p;
    if (persons.some((h) => h.start < end && h.end > start)) continue;
    const value = text.slice(start, end);
    // "Call Us: 555..." and "Email: x@y" are labels, not names.
    if (/^(?:call|email|e-mail|phone|tel|mobile|cell|fax|contact|text|whatsapp|us|me|at|or|and|to|from|reply|write|mail|office|home|work|send)$/i.test(value.split(/[\s,]+/).pop() ?? '')) continue;
    if (/^(?:[A-Z]{2,}\s*)+$/.test(value) && !nameShape(value).lexiconHits) continue;
    const words2 = value.split(/[\s,]+/).filter(Boolean);
    out.push({ type: 'person', start, end, confidence: 0.65, key: words2.map(foldWord).join(' '), full: words2.length >= 2 });
  }
}

/** Tables: cells are typed by their column; free-text detectors run on the rest. */
function* tableHits(text: string, table: Table, columns: ColumnInfo[], out: Hit[], orgRows: Set<number>): Generator<void, void> {
  const rows = table.rows;
  // Phone columns are validated on a sample; the rest of the column is trusted by shape, since
  // each libphonenumber parse costs ~20 µs and a list can have 10,000 rows.
  const phoneTrust = columns.map((c, i) => (c.kind === 'phone' ? phoneColumnValid(text, rows, i) : false));
  const hasNameColumn = columns.some((c) => c.kind === 'name' || c.kind === 'first' || c.kind === 'last');
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as Row;
    const before = out.length;
    for (const cell of row.cells) {
      const info = columns[cell.col];
      const kind = info?.kind ?? 'other';
      let s = cell.s;
      let e = cell.e;
      while (s < e && (text.charCodeAt(s) === 32 || text.charCodeAt(s) === 9)) s++;
      while (e > s && (text.charCodeAt(e - 1) === 32 || text.charCodeAt(e - 1) === 9)) e--;
      if (e <= s) continue;
      if (kind === 'org' || ((kind === 'other' || kind === 'name') && ORG_CELL.test(text.slice(s, e)))) orgRows.add(r);
      switch (kind) {
        case 'name':
        case 'first':
        case 'last': {
          const v = text.slice(s, e);
          const shape = nameShape(v);
          if (shape.ok || (info?.clientHeader && hasLetters(v))) {
            out.push({ type: 'person', start: s, end: e, confidence: info?.fromHeader ? 0.9 : 0.75, key: foldWord(v.replace(/\s+/g, ' ')), full: kind === 'name' ? shape.words >= 2 : false, standalone: true });
          } else {
            detectCell(text, s, e, out);
          }
          break;
        }
        case 'phone': {
          const k = out.length;
          findPhones(text, s, e, out, { phoneColumn: true, trustShape: phoneTrust[cell.col] === true });
          for (let m = k; m < out.length; m++) (out[m] as Hit).standalone = true;
          if (out.length === k) detectCell(text, s, e, out);
          break;
        }
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
            findPersons(text, s, e, out);
            addDisplayNames(text, s, e, out);
          }
        }
      }
    }
    for (let m = before; m < out.length; m++) (out[m] as Hit).row = r;
    if ((r & 1023) === 1023) yield;
  }
}

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

function phoneColumnValid(text: string, rows: Row[], col: number): boolean {
  let tried = 0;
  let valid = 0;
  const scratch: Hit[] = [];
  const step = Math.max(1, Math.floor(rows.length / 60));
  for (let r = 0; r < rows.length && tried < 60; r += step) {
    const cell = (rows[r] as Row).cells.find((c) => c.col === col);
    if (!cell || cell.e <= cell.s) continue;
    tried++;
    scratch.length = 0;
    findPhones(text, cell.s, cell.e, scratch, { phoneColumn: true });
    if (scratch.some((h) => h.confidence >= 0.9)) valid++;
  }
  return tried >= 5 && valid / tried >= 0.6;
}

/** Removes exact duplicates and hits nested in a same-type hit (sorted input). */
function dedupe(hits: Hit[]): Hit[] {
  const out: Hit[] = [];
  const lastEndByType = new Map<string, number>();
  for (const h of hits) {
    const end = lastEndByType.get(h.type) ?? -1;
    if (h.start < end) continue;
    // A phone inside an email or a hash is part of it.
    if (h.type === 'phone' || h.type === 'person' || h.type === 'address' || h.type === 'dob') {
      let inside = false;
      for (let k = out.length - 1; k >= 0 && k >= out.length - 8; k--) {
        const o = out[k] as Hit;
        if ((o.type === 'email' || o.type === 'hashed_id') && o.start <= h.start && o.end >= h.end) inside = true;
      }
      if (inside) continue;
    }
    out.push(h);
    lastEndByType.set(h.type, h.end);
  }
  return out;
}
