// Just enough of XLSX to read a roster: unzip (fflate), the workbook's first sheet, shared
// strings and inline strings. The files are machine-written, well-formed XML, so a few
// regular expressions over the parts we need are enough; no general XML parser is shipped.
import { unzipSync } from 'fflate';

/** A cell: text, or a number as stored (dates are serial day numbers). */
export type SheetCell = string | number;

export interface Sheet {
  rows: SheetCell[][];
  /** The workbook counts dates from 1904 (old Mac Excel). */
  date1904: boolean;
}

/** Refuse parts that inflate beyond this: a roster sheet is far smaller; a zip bomb is not. */
const MAX_PART_BYTES = 200 * 1024 * 1024;

const NS = '(?:[A-Za-z_][\\w.-]*:)?'; // optional namespace prefix, e.g. <x:row>

function decodeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[e] ?? '';
  });
}

function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  return m ? decodeXml(m[1] ?? m[2] ?? '') : undefined;
}

/** Concatenated text of every <t> in a fragment (rich text runs), phonetic hints excluded. */
function textOf(fragment: string): string {
  const noPhonetic = fragment.replace(new RegExp(`<${NS}rPh\\b[\\s\\S]*?</${NS}rPh>`, 'g'), '');
  let out = '';
  for (const m of noPhonetic.matchAll(new RegExp(`<${NS}t(?:\\s[^>]*)?>([\\s\\S]*?)</${NS}t>`, 'g'))) out += decodeXml(m[1]!);
  return out;
}

function columnIndex(ref: string): number {
  let col = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  return col - 1;
}

function resolveTarget(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = ['xl'];
  for (const p of target.split('/')) {
    if (p === '..') parts.pop();
    else if (p && p !== '.') parts.push(p);
  }
  return parts.join('/');
}

/** Reads the first worksheet of an .xlsx file. Throws with a short message when it cannot. */
export function readFirstSheet(bytes: Uint8Array): Sheet {
  let files: Record<string, Uint8Array> = {};
  const text = (name: string): string | undefined => {
    const f = files[name];
    return f ? new TextDecoder('utf-8').decode(f) : undefined;
  };
  const wanted = (name: string): boolean =>
    name === 'xl/workbook.xml' || name === 'xl/_rels/workbook.xml.rels' || name === 'xl/sharedStrings.xml' || name.startsWith('xl/worksheets/');
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        if (!wanted(f.name)) return false;
        if (f.originalSize > MAX_PART_BYTES) throw new Error('a part of the file is too large');
        return true;
      },
    });
  } catch (error) {
    throw new Error(`not a readable .xlsx file (${error instanceof Error ? error.message : 'unzip failed'})`);
  }
  const workbook = text('xl/workbook.xml');
  if (!workbook) throw new Error('not a readable .xlsx file (no workbook)');

  const date1904Attr = /<(?:[\w.-]+:)?workbookPr\b([^>]*)>/.exec(workbook)?.[1];
  const date1904Value = date1904Attr ? attr(date1904Attr, 'date1904') : undefined;
  const date1904 = date1904Value === '1' || date1904Value === 'true';

  // First <sheet> in workbook order -> its relationship id -> its part name.
  let sheetPath: string | undefined;
  const firstSheet = new RegExp(`<${NS}sheet\\b([^>]*)/?>`).exec(workbook)?.[1];
  const relId = firstSheet ? /\s[A-Za-z_][\w.-]*:id\s*=\s*"([^"]*)"/.exec(firstSheet)?.[1] : undefined;
  const rels = text('xl/_rels/workbook.xml.rels');
  if (relId && rels) {
    for (const m of rels.matchAll(new RegExp(`<${NS}Relationship\\b([^>]*)/?>`, 'g'))) {
      if (attr(m[1]!, 'Id') === relId) sheetPath = resolveTarget(attr(m[1]!, 'Target') ?? '');
    }
  }
  if (!sheetPath || !files[sheetPath]) {
    sheetPath = Object.keys(files)
      .filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n))
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))[0];
  }
  const sheetXml = sheetPath ? text(sheetPath) : undefined;
  if (!sheetXml) throw new Error('not a readable .xlsx file (no worksheet)');

  const shared: string[] = [];
  const sst = text('xl/sharedStrings.xml');
  if (sst) {
    for (const m of sst.matchAll(new RegExp(`<${NS}si\\b[^>]*>([\\s\\S]*?)</${NS}si>|<${NS}si\\s*/>`, 'g'))) {
      shared.push(m[1] ? textOf(m[1]) : '');
    }
  }

  const rows: SheetCell[][] = [];
  const rowRe = new RegExp(`<${NS}row\\b[^>]*?(?:/>|>([\\s\\S]*?)</${NS}row>)`, 'g');
  const cellRe = new RegExp(`<${NS}c\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${NS}c>)`, 'g');
  const valueRe = new RegExp(`<${NS}v(?:\\s[^>]*)?>([\\s\\S]*?)</${NS}v>`);
  const inlineRe = new RegExp(`<${NS}is\\b[^>]*>([\\s\\S]*?)</${NS}is>`);
  for (const rowMatch of sheetXml.matchAll(rowRe)) {
    const row: SheetCell[] = [];
    let next = 0;
    for (const cellMatch of (rowMatch[1] ?? '').matchAll(cellRe)) {
      const attrs = cellMatch[1] ?? '';
      const body = cellMatch[2] ?? '';
      const ref = attr(attrs, 'r');
      const col = ref ? columnIndex(ref) : next;
      next = col + 1;
      const type = attr(attrs, 't') ?? 'n';
      let value: SheetCell = '';
      if (type === 'inlineStr') {
        value = textOf(inlineRe.exec(body)?.[1] ?? '');
      } else {
        const raw = decodeXml(valueRe.exec(body)?.[1] ?? '');
        if (type === 's') value = shared[Number(raw)] ?? '';
        else if (type === 'n' && raw.trim() !== '' && Number.isFinite(Number(raw))) value = Number(raw);
        else value = raw; // str, b, e, d (ISO date text)
      }
      if (col >= 0 && col < 16384) {
        while (row.length < col) row.push('');
        row[col] = value;
      }
    }
    rows.push(row);
  }
  return { rows, date1904 };
}
