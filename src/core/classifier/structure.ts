// Structure of the input: a delimited table (CSV, TSV, semicolon, pipe), JSON records, or text.
// Both parsers are single forward passes that never look back more than a character, so deeply
// nested quotes or brackets cannot make them slow; they yield every few thousand rows so the
// incremental classifier can hand the thread back to the page.

export interface Cell {
  col: number;
  /** Value span in the text (inside quotes when quoted). */
  s: number;
  e: number;
}
export interface Row {
  s: number;
  e: number;
  cells: Cell[];
}
export interface Table {
  kind: 'delimited' | 'json';
  delimiter: string;
  /** Normalised header names ('' where unknown). */
  columns: string[];
  hasHeader: boolean;
  /** Span of the header row or keys, for context. */
  headerEnd: number;
  rows: Row[];
}

const DELIMS = ['\t', ',', ';', '|'];
const YIELD_EVERY_ROWS = 2000;

/** Picks the delimiter whose per-line count is the same on most sampled lines. */
export function detectDelimiter(text: string): string | null {
  const lines: string[] = [];
  let pos = 0;
  // Sample the first 40 non-empty lines (at most 64 kB).
  while (lines.length < 40 && pos < text.length && pos < 65536) {
    let nl = text.indexOf('\n', pos);
    if (nl === -1) nl = text.length;
    const line = text.slice(pos, Math.min(nl, pos + 4096));
    if (line.trim().length > 0) lines.push(line);
    pos = nl + 1;
  }
  if (lines.length < 2) return null;
  let best: string | null = null;
  let bestScore = 0;
  for (const d of DELIMS) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    const freq = new Map<number, number>();
    for (const c of counts) if (c > 0) freq.set(c, (freq.get(c) ?? 0) + 1);
    let mode = 0;
    let modeN = 0;
    for (const [c, n] of freq) if (n > modeN || (n === modeN && c > mode)) [mode, modeN] = [c, n];
    if (mode === 0) continue;
    const consistent = modeN / lines.length;
    // Prose has commas too, but not the same number on every line.
    if (consistent < 0.8) continue;
    if (d === ',' && mode === 1 && looksLikeProse(lines)) continue;
    if (d === '|' && lines.every((l) => /^\s*\|/.test(l) === false) && mode < 2) continue;
    const score = consistent * (1 + Math.min(mode, 8)) * (d === '\t' ? 1.5 : 1);
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

function looksLikeProse(lines: string[]): boolean {
  let words = 0;
  for (const l of lines) words += l.split(/\s+/).length;
  return words / lines.length > 14;
}

function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') q = !q;
    else if (c === d && !q) n++;
  }
  return n;
}

/** RFC 4180-style parse with tolerance: stray quotes inside unquoted cells are kept as text. */
export function* parseDelimited(text: string, delimiter: string): Generator<void, Row[]> {
  const d = delimiter.charCodeAt(0);
  const rows: Row[] = [];
  const n = text.length;
  let i = 0;
  let row: Row = { s: 0, e: 0, cells: [] };
  let col = 0;
  while (i <= n) {
    // Start of a cell.
    let s = i;
    let e = i;
    if (i < n && text.charCodeAt(i) === 34) {
      // Quoted cell: runs to the next lone quote; "" is an escaped quote.
      s = i + 1;
      let j = s;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q === -1) {
          j = n;
          e = n;
          break;
        }
        if (text.charCodeAt(q + 1) === 34) {
          j = q + 2;
          continue;
        }
        e = q;
        j = q + 1;
        break;
      }
      // Skip anything between the closing quote and the delimiter ("a"b, -> tolerated).
      i = j;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c === d || c === 10 || c === 13) break;
        i++;
      }
    } else {
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c === d || c === 10 || c === 13) break;
        i++;
      }
      e = i;
    }
    if (e > s || row.cells.length > 0 || (i < n && text.charCodeAt(i) === d)) row.cells.push({ col, s, e });
    col++;
    if (i >= n) {
      if (row.cells.length > 0) {
        row.e = n;
        rows.push(row);
      }
      break;
    }
    const c = text.charCodeAt(i);
    if (c === d) {
      i++;
      continue;
    }
    // Line break ends the row (\r\n counted once).
    row.e = i;
    if (row.cells.some((x) => x.e > x.s)) rows.push(row);
    i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
    row = { s: i, e: i, cells: [] };
    col = 0;
    if (rows.length % YIELD_EVERY_ROWS === 0) yield;
  }
  return rows;
}

/** Lower-case header name with punctuation folded to single spaces ("E-Mail Address" -> "e mail address"). */
export function normalizeHeader(h: string): string {
  return h
    .toLowerCase()
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Records of a JSON document: each object that is an element of an array (and not inside
 * another record) is a row; its string and number values are cells, keyed by property name.
 * Tolerant: truncated or invalid JSON still yields what was read.
 */
export function* scanJson(text: string): Generator<void, Table> {
  const columns: string[] = [];
  const colIndex = new Map<string, number>();
  const rows: Row[] = [];
  // Stack entries: 'o' object, 'a' array; recordDepth = stack depth of the current record.
  const stack: number[] = [];
  let recordDepth = -1;
  let current: Row | null = null;
  let top: Row | null = null;
  let expectKey = false;
  let key = '';
  const n = text.length;
  let i = 0;
  let steps = 0;
  const colOf = (k: string): number => {
    const nk = normalizeHeader(k);
    let c = colIndex.get(nk);
    if (c === undefined) {
      c = columns.length;
      columns.push(nk);
      colIndex.set(nk, c);
    }
    return c;
  };
  const addCell = (s: number, e: number) => {
    const col = colOf(key);
    let target = current;
    if (!target) {
      if (!top) {
        top = { s: 0, e: n, cells: [] };
      }
      target = top;
    }
    target.cells.push({ col, s, e });
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 123 /* { */) {
      const parentIsArray = stack.length > 0 && stack[stack.length - 1] === 0x61;
      stack.push(0x6f);
      if (recordDepth === -1 && parentIsArray) {
        recordDepth = stack.length;
        current = { s: i, e: i, cells: [] };
      }
      expectKey = true;
      i++;
    } else if (c === 125 /* } */) {
      if (stack.length === recordDepth && current) {
        current.e = i + 1;
        rows.push(current);
        current = null;
        recordDepth = -1;
        if (rows.length % YIELD_EVERY_ROWS === 0) yield;
      }
      stack.pop();
      expectKey = stack[stack.length - 1] === 0x6f;
      i++;
    } else if (c === 91 /* [ */) {
      stack.push(0x61);
      expectKey = false;
      i++;
    } else if (c === 93 /* ] */) {
      stack.pop();
      expectKey = false;
      i++;
    } else if (c === 34 /* " */) {
      const s = i + 1;
      let j = s;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === 92) j += 2;
        else if (d === 34) break;
        else j++;
      }
      const e = Math.min(j, n);
      i = e + 1;
      // Key or value? A key is followed by ':'.
      let k = i;
      while (k < n && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 10 || text.charCodeAt(k) === 13 || text.charCodeAt(k) === 9)) k++;
      if (expectKey && text.charCodeAt(k) === 58) {
        key = text.slice(s, e);
        expectKey = false;
        i = k + 1;
      } else {
        if (stack[stack.length - 1] === 0x61 && recordDepth === -1) key = '';
        addCell(s, e);
      }
    } else if (c === 44 /* , */) {
      expectKey = stack[stack.length - 1] === 0x6f;
      i++;
    } else if ((c >= 48 && c <= 57) || c === 45 || c === 43) {
      const s = i;
      while (i < n) {
        const d = text.charCodeAt(i);
        if ((d >= 48 && d <= 57) || d === 46 || d === 45 || d === 43 || d === 101 || d === 69) i++;
        else break;
      }
      if (stack[stack.length - 1] === 0x61 && recordDepth === -1) key = '';
      addCell(s, i);
    } else {
      i++;
    }
    if (++steps % 500_000 === 0) yield;
  }
  if (current) {
    (current as Row).e = n;
    rows.push(current);
  }
  if (top) {
    const t = top as Row;
    if (t.cells.length > 0) rows.unshift(t);
  }
  return { kind: 'json', delimiter: '', columns, hasHeader: columns.length > 0, headerEnd: 0, rows };
}

/** Whether the text looks like JSON (starts with [ or { and has a quote soon after). */
export function looksLikeJson(text: string): boolean {
  let i = 0;
  while (i < text.length && /\s/.test(text[i] as string)) i++;
  const c = text[i];
  if (c !== '[' && c !== '{') return false;
  const head = text.slice(i, i + 200);
  return /^[[{]\s*(?:"|\{|\[|\d|-|\]|\})/.test(head);
}

/** One value per line under a one-word header ("Client Name" then names): a one-column table. */
export function singleColumn(text: string): Row[] {
  const rows: Row[] = [];
  let pos = 0;
  const n = text.length;
  while (pos <= n) {
    let nl = text.indexOf('\n', pos);
    if (nl === -1) nl = n;
    let e = nl;
    if (e > pos && text.charCodeAt(e - 1) === 13) e--;
    if (e > pos && text.slice(pos, e).trim()) rows.push({ s: pos, e, cells: [{ col: 0, s: pos, e }] });
    pos = nl + 1;
  }
  return rows;
}
