// Bytes of a dropped or uploaded file to text the classifier can read. Pure (TextDecoder and
// fflate only), so the extension, the CLI and the tests share it. Asynchronous because the
// XLSX reader is loaded on first use.
import type { ContentForm } from '../types';
import { htmlToText } from './html';

export { htmlToText } from './html';

export type ExtractResult = { ok: true; text: string; form: ContentForm } | { ok: false; problem: 'binary' | 'too_large' | 'unreadable' };

/** Files larger than this are refused unless the caller passes its own limit. */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

function extOf(fileName: string): string {
  const m = /\.([a-z0-9]{1,8})$/i.exec(fileName ?? '');
  return m ? (m[1] as string).toLowerCase() : '';
}

function isZip(b: Uint8Array): boolean {
  return b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5) && (b[3] === 4 || b[3] === 6);
}

export async function extractText(bytes: Uint8Array, fileName: string, mimeType: string, maxBytes: number = DEFAULT_MAX_BYTES): Promise<ExtractResult> {
  try {
    if (!(bytes instanceof Uint8Array)) return { ok: false, problem: 'unreadable' };
    if (bytes.length > maxBytes) return { ok: false, problem: 'too_large' };
    const ext = extOf(fileName);
    const mime = (mimeType ?? '').toLowerCase();
    if (ext === 'xlsx' || ext === 'xlsm' || mime.includes('spreadsheetml') || (isZip(bytes) && (ext === '' || ext === 'xlsx'))) {
      if (!isZip(bytes)) return { ok: false, problem: 'unreadable' };
      // Loaded with the first workbook: fflate builds its tables when its module runs (about
      // 10 ms), which every frame the engine is injected into would otherwise pay.
      const { xlsxToText, XlsxError } = await import('./xlsx');
      try {
        return { ok: true, text: xlsxToText(bytes, maxBytes), form: 'csv' };
      } catch (e) {
        return { ok: false, problem: e instanceof XlsxError ? e.problem : 'unreadable' };
      }
    }
    if (isZip(bytes)) return { ok: false, problem: 'binary' };
    const decoded = decodeText(bytes);
    if (!decoded.ok) return decoded;
    const text = decoded.text;
    if (ext === 'html' || ext === 'htm' || mime.includes('html') || (ext === '' && /^\s*<(?:!doctype html|html|table)\b/i.test(text.slice(0, 200)))) {
      return { ok: true, text: htmlToText(text), form: 'html' };
    }
    if (ext === 'json' || ext === 'jsonl' || ext === 'ndjson' || mime.includes('json')) return { ok: true, text, form: 'json' };
    if (ext === 'csv' || ext === 'tsv' || ext === 'tab' || mime.includes('csv') || mime.includes('tab-separated')) return { ok: true, text, form: 'csv' };
    return { ok: true, text, form: ext === 'txt' || mime.startsWith('text/plain') ? 'text' : 'auto' };
  } catch {
    return { ok: false, problem: 'unreadable' };
  }
}

/**
 * UTF-8 (with or without BOM), UTF-16 with a BOM, or Windows-1252 for legacy spreadsheet
 * exports. NUL bytes or many control characters mean binary.
 */
export function decodeText(bytes: Uint8Array): { ok: true; text: string } | { ok: false; problem: 'binary' | 'unreadable' } {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const le = bytes[0] === 0xff;
    try {
      const text = new TextDecoder(le ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(bytes.subarray(2));
      return controlShare(text) > 0.1 ? { ok: false, problem: 'binary' } : { ok: true, text };
    } catch {
      return { ok: false, problem: 'unreadable' };
    }
  }
  // Binary sniff on the first 8 kB: NUL bytes or many C0 controls.
  const head = bytes.subarray(0, 8192);
  let ctrl = 0;
  for (let i = 0; i < head.length; i++) {
    const b = head[i] as number;
    if (b === 0) return { ok: false, problem: 'binary' };
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) ctrl++;
  }
  if (head.length > 0 && ctrl / head.length > 0.05) return { ok: false, problem: 'binary' };
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start)) };
  } catch {
    // Not UTF-8. Windows-1252 is what Excel writes on Western systems; other legacy encodings
    // (Shift-JIS, GBK) show up as long runs of high bytes, which we do not guess at.
    let high = 0;
    for (let i = 0; i < bytes.length; i++) if ((bytes[i] as number) >= 0x80) high++;
    if (high / Math.max(1, bytes.length) > 0.3) return { ok: false, problem: 'unreadable' };
    return { ok: true, text: new TextDecoder('windows-1252').decode(bytes) };
  }
}

function controlShare(text: string): number {
  const n = Math.min(text.length, 8192);
  if (n === 0) return 0;
  let c = 0;
  for (let i = 0; i < n; i++) {
    const x = text.charCodeAt(i);
    if (x < 32 && x !== 9 && x !== 10 && x !== 13) c++;
  }
  return c / n;
}
