// Structure of the input: a delimited table (CSV, TSV, semicolon, pipe), JSON records, a
// one-column list under a header, or text. Tables are read through cursors that hand out one
// row at a time in a reused buffer, so a 10 MB list is never held as half a million objects.
// Every parser is a single forward pass that never looks back more than a character: deeply
// nested quotes or brackets cannot make it slow.

export interface Row {
  s: number;
  e: number;
  /**
   * Cells as flat triplets [col, start, end, col, start, end, ...]: value spans in the text
   * (inside quotes when quoted).
   */
  cells: number[];
}

export function cellCount(row: Row): number {
  return row.cells.length / 3;
}

/** Hands out rows in text order; `next` refills `row` and returns false at the end. */
export interface RowCursor {
  next(row: Row): boolean;
}

export interface Table {
  kind: 'delimited' | 'json' | 'lines';
  delimiter: string;
  /** Normalised header names ('' where unknown); JSON keys as they are met. */
  columns: string[];
  hasHeader: boolean;
  /** End of the header row (delimited tables), for context detectors. */
  headerEnd: number;
  /** The first data rows, for typing columns. */
  sample: Row[];
  /** A fresh cursor over all data rows (header excluded). */
  open(): RowCursor;
}

const DELIMS = ['\t', ',', ';', '|'];
export const SAMPLE_ROWS = 2000;

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
    if (d === '|' && mode < 2) continue;
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

function hasValue(row: Row): boolean {
  const c = row.cells;
  for (let k = 0; k < c.length; k += 3) if ((c[k + 2] as number) > (c[k + 1] as number)) return true;
  return false;
}

/** RFC 4180-style reading with tolerance: stray quotes inside unquoted cells are kept as text. */
export class DelimitedCursor implements RowCursor {
  private i: number;
  private readonly d: number;

  constructor(
    private readonly text: string,
    delimiter: string,
    from = 0,
  ) {
    this.d = delimiter.charCodeAt(0);
    this.i = from;
  }

  next(row: Row): boolean {
    const text = this.text;
    const n = text.length;
    const d = this.d;
    while (this.i < n) {
      row.cells.length = 0;
      row.s = this.i;
      let i = this.i;
      let col = 0;
      for (;;) {
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
          // Anything between the closing quote and the delimiter ("a"b,) is tolerated.
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
        if (e > s || row.cells.length > 0 || (i < n && text.charCodeAt(i) === d)) row.cells.push(col, s, e);
        col++;
        if (i < n && text.charCodeAt(i) === d) {
          i++;
          continue;
        }
        break;
      }
      row.e = i;
      // Line break ends the row (\r\n counted once).
      if (i < n) i += text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      this.i = i;
      if (hasValue(row)) return true;
    }
    return false;
  }
}

/** One value per line ("Client Name" then names). */
export class LineCursor implements RowCursor {
  constructor(
    private readonly text: string,
    private pos: number,
  ) {}

  next(row: Row): boolean {
    const text = this.text;
    const n = text.length;
    while (this.pos < n) {
      let nl = text.indexOf('\n', this.pos);
      if (nl === -1) nl = n;
      let e = nl;
      if (e > this.pos && text.charCodeAt(e - 1) === 13) e--;
      const s = this.pos;
      this.pos = nl + 1;
      if (e > s && text.slice(s, e).trim()) {
        row.s = s;
        row.e = e;
        row.cells.length = 0;
        row.cells.push(0, s, e);
        return true;
      }
    }
    return false;
  }
}

/** Lower-case header name with punctuation folded to single spaces ("E-Mail Address" -> "e mail address"). */
export function normalizeHeader(h: string): string {
  return h
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Records of a JSON document: each object that is an element of an array (and not inside
 * another record) is a row; its string and number values are cells, keyed by property name
 * (columns grow as keys are met). Fields outside any record form one last row. Tolerant:
 * truncated or invalid JSON still yields what was read.
 */
export class JsonCursor implements RowCursor {
  readonly columns: string[] = [];
  private readonly colIndex = new Map<string, number>();
  private i = 0;
  private readonly stack: number[] = [];
  private recordDepth = -1;
  private expectKey = false;
  private key = '';
  private readonly top: Row = { s: 0, e: 0, cells: [] };
  private topDone = false;
  private inRecord = false;

  constructor(private readonly text: string) {}

  private colOf(k: string): number {
    const nk = normalizeHeader(k);
    let c = this.colIndex.get(nk);
    if (c === undefined) {
      c = this.columns.length;
      this.columns.push(nk);
      this.colIndex.set(nk, c);
    }
    return c;
  }

  next(row: Row): boolean {
    const text = this.text;
    const n = text.length;
    const stack = this.stack;
    if (!this.inRecord) row.cells.length = 0;
    // Hand back an empty row now and then so a long stretch without records (one huge object)
    // still lets the caller yield.
    const budget = this.i + 65536;
    while (this.i < n) {
      if (this.i > budget && !this.inRecord) {
        row.s = row.e = this.i;
        row.cells.length = 0;
        return true;
      }
      const c = text.charCodeAt(this.i);
      if (c === 123 /* { */) {
        const parentIsArray = stack.length > 0 && stack[stack.length - 1] === 0x61;
        stack.push(0x6f);
        if (this.recordDepth === -1 && parentIsArray) {
          this.recordDepth = stack.length;
          this.inRecord = true;
          row.s = this.i;
          row.cells.length = 0;
        }
        this.expectKey = true;
        this.i++;
      } else if (c === 125 /* } */) {
        const closesRecord = stack.length === this.recordDepth && this.inRecord;
        stack.pop();
        this.expectKey = stack[stack.length - 1] === 0x6f;
        this.i++;
        if (closesRecord) {
          row.e = this.i;
          this.recordDepth = -1;
          this.inRecord = false;
          return true;
        }
      } else if (c === 91 /* [ */) {
        stack.push(0x61);
        this.expectKey = false;
        this.i++;
      } else if (c === 93 /* ] */) {
        stack.pop();
        this.expectKey = false;
        this.i++;
      } else if (c === 34 /* " */) {
        const s = this.i + 1;
        let j = s;
        while (j < n) {
          const d = text.charCodeAt(j);
          if (d === 92) j += 2;
          else if (d === 34) break;
          else j++;
        }
        const e = Math.min(j, n);
        this.i = e + 1;
        // Key or value? A key is followed by ':'.
        let k = this.i;
        while (k < n && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 10 || text.charCodeAt(k) === 13 || text.charCodeAt(k) === 9)) k++;
        if (this.expectKey && text.charCodeAt(k) === 58) {
          this.key = text.slice(s, e);
          this.expectKey = false;
          this.i = k + 1;
        } else {
          this.addCell(row, s, e);
        }
      } else if (c === 44 /* , */) {
        this.expectKey = stack[stack.length - 1] === 0x6f;
        this.i++;
      } else if ((c >= 48 && c <= 57) || c === 45 || c === 43) {
        const s = this.i;
        while (this.i < n) {
          const d = text.charCodeAt(this.i);
          if ((d >= 48 && d <= 57) || d === 46 || d === 45 || d === 43 || d === 101 || d === 69) this.i++;
          else break;
        }
        this.addCell(row, s, this.i);
      } else {
        this.i++;
      }
    }
    if (this.inRecord) {
      // Truncated document: the open record still counts.
      this.inRecord = false;
      row.e = n;
      return true;
    }
    if (!this.topDone) {
      this.topDone = true;
      if (this.top.cells.length > 0) {
        row.s = this.top.cells[1] as number;
        row.e = n;
        row.cells.length = 0;
        for (const x of this.top.cells) row.cells.push(x);
        return true;
      }
    }
    return false;
  }

  private addCell(row: Row, s: number, e: number): void {
    const stack = this.stack;
    if (stack[stack.length - 1] === 0x61 && this.recordDepth === -1) this.key = '';
    const col = this.colOf(this.key);
    (this.inRecord ? row : this.top).cells.push(col, s, e);
  }
}

/** Whether the text looks like JSON (starts with [ or { and has a quote soon after). */
export function looksLikeJson(text: string): boolean {
  let i = 0;
  while (i < text.length && i < 4096 && /\s/.test(text[i] as string)) i++;
  const c = text[i];
  if (c !== '[' && c !== '{') return false;
  const head = text.slice(i, i + 200);
  return /^[[{]\s*(?:"|\{|\[|\d|-|\]|\})/.test(head);
}

/** Reads up to `max` rows into fresh objects (samples and tests). */
export function collectRows(cursor: RowCursor, max = Infinity): Row[] {
  const rows: Row[] = [];
  for (;;) {
    if (rows.length >= max) break;
    const row: Row = { s: 0, e: 0, cells: [] };
    if (!cursor.next(row)) break;
    rows.push(row);
  }
  return rows;
}
