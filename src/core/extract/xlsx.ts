// XLSX to tab-separated text: unzip (fflate) only the shared strings and worksheet parts, and
// read cells with a small XML scanner (no DOMParser: this runs in Node and in the extension).
import { unzipSync } from 'fflate';
import { decodeEntities } from './html';

export class XlsxError extends Error {
  constructor(readonly problem: 'too_large' | 'unreadable') {
    super(problem);
  }
}

/** Reads every worksheet into TSV (sheets separated by a blank line). */
export function xlsxToText(bytes: Uint8Array, maxBytes: number): string {
  let total = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        const wanted = f.name === 'xl/sharedStrings.xml' || /^xl\/worksheets\/sheet\d+\.xml$/.test(f.name);
        if (!wanted) return false;
        // Zip bombs: refuse before inflating when the declared size is too large.
        total += f.originalSize;
        if (f.originalSize > maxBytes * 4 || total > maxBytes * 8) throw new XlsxError('too_large');
        return true;
      },
    });
  } catch (e) {
    if (e instanceof XlsxError) throw e;
    throw new XlsxError('unreadable');
  }
  const dec = new TextDecoder('utf-8');
  const shared = files['xl/sharedStrings.xml'] ? readSharedStrings(dec.decode(files['xl/sharedStrings.xml'])) : [];
  const sheets = Object.keys(files)
    .filter((k) => k.startsWith('xl/worksheets/'))
    .sort((a, b) => sheetNo(a) - sheetNo(b));
  if (sheets.length === 0) throw new XlsxError('unreadable');
  const parts: string[] = [];
  for (const name of sheets) parts.push(readSheet(dec.decode(files[name] as Uint8Array), shared));
  return parts.filter((p) => p.length > 0).join('\n\n');
}

function sheetNo(name: string): number {
  const m = /sheet(\d+)\.xml$/.exec(name);
  return m ? Number(m[1]) : 0;
}

/** Text of every <t> inside each <si>, joined (rich-text runs). */
export function readSharedStrings(xml: string): string[] {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    const si = xml.indexOf('<si', i);
    if (si === -1) break;
    const end = xml.indexOf('</si>', si);
    const body = xml.slice(si, end === -1 ? xml.length : end);
    out.push(textOfTs(body));
    i = end === -1 ? xml.length : end + 5;
  }
  return out;
}

function textOfTs(body: string): string {
  let s = '';
  const re = /<t(?:\s[^>]*)?>([^<]*)<\/t>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body)) !== null) s += m[1];
  return decodeEntities(s);
}

function colIndex(ref: string): number {
  let n = 0;
  for (let k = 0; k < ref.length; k++) {
    const c = ref.charCodeAt(k);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

/** One sheet to TSV; cells are placed by their column letter so gaps stay gaps. */
export function readSheet(xml: string, shared: string[]): string {
  const lines: string[] = [];
  let i = 0;
  for (;;) {
    const rs = xml.indexOf('<row', i);
    if (rs === -1) break;
    const re = xml.indexOf('</row>', rs);
    const selfClose = xml.indexOf('/>', rs);
    const tagEnd = xml.indexOf('>', rs);
    if (tagEnd !== -1 && selfClose !== -1 && selfClose < tagEnd) {
      i = tagEnd + 1; // <row .../> : empty row
      continue;
    }
    const row = xml.slice(rs, re === -1 ? xml.length : re);
    i = re === -1 ? xml.length : re + 6;
    const cells: string[] = [];
    const cre = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
    let m: RegExpExecArray | null;
    let next = 0;
    while ((m = cre.exec(row)) !== null) {
      const attrs = m[1] ?? '';
      const inner = m[2] ?? '';
      const r = /\br="([A-Z]+)\d*"/.exec(attrs);
      const col = r ? colIndex(r[1] as string) : next;
      next = col + 1;
      const t = /\bt="([a-zA-Z]+)"/.exec(attrs)?.[1] ?? 'n';
      let value = '';
      if (t === 'inlineStr') value = textOfTs(inner);
      else {
        const v = /<v>([^<]*)<\/v>/.exec(inner)?.[1] ?? '';
        value = t === 's' ? (shared[Number(v)] ?? '') : decodeEntities(v);
      }
      if (col >= 0 && col < 16384) cells[col] = value.replace(/[\t\r\n]+/g, ' ');
    }
    const line = Array.from(cells, (c) => c ?? '').join('\t');
    if (line.replace(/\t/g, '').trim()) lines.push(line);
  }
  return lines.join('\n');
}
