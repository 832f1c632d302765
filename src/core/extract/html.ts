// HTML to text without DOMParser (it has to run in Node and in workers): a small tolerant
// tokenizer. Table rows become lines and cells become tab-separated values, so a table copied
// from a spreadsheet or a web page (the text/html clipboard flavour) reads as TSV; block
// elements become line breaks; script/style/comments are dropped; entities are decoded.

const BLOCK = new Set([
  'p', 'div', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article', 'header',
  'footer', 'blockquote', 'pre', 'table', 'thead', 'tbody', 'tfoot', 'dl', 'dt', 'dd', 'address',
  'form', 'fieldset', 'figure', 'figcaption', 'hr', 'main', 'nav', 'aside', 'caption',
]);
const SKIP_CONTENT = new Set(['script', 'style', 'template', 'noscript', 'head', 'title', 'svg', 'object']);

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', copy: '©', reg: '®', trade: '™', middot: '·',
  bull: '•', euro: '€', pound: '£', yen: '¥', cent: '¢', deg: '°', times: '×', shy: '',
  eacute: 'é', egrave: 'è', aacute: 'á', agrave: 'à', iacute: 'í', oacute: 'ó', uacute: 'ú',
  ntilde: 'ñ', ccedil: 'ç', uuml: 'ü', ouml: 'ö', auml: 'ä', szlig: 'ß', Eacute: 'É', Ntilde: 'Ñ',
};

export function decodeEntities(s: string): string {
  if (s.indexOf('&') === -1) return s;
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});?/gi, (m, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
      return String.fromCodePoint(code);
    }
    const v = NAMED[body] ?? NAMED[body.toLowerCase()];
    return v ?? m;
  });
}

/** Converts HTML to text; tables become tab-separated rows. Never throws. */
export function htmlToText(html: string): string {
  if (typeof html !== 'string' || html.length === 0) return '';
  const out: string[] = [];
  let line = '';
  let cellsInRow = 0;
  let tableDepth = 0;
  let inCell = false;
  const n = html.length;
  let i = 0;
  const flushLine = () => {
    const t = line.replace(/[ \u00a0]+/g, ' ').replace(/ ?\t ?/g, '\t');
    const trimmed = tableDepth > 0 ? t.replace(/^ +| +$/g, '') : t.trim();
    if (trimmed.replace(/\t/g, '').trim().length > 0) out.push(trimmed);
    line = '';
    cellsInRow = 0;
  };
  while (i < n) {
    const lt = html.indexOf('<', i);
    const textEnd = lt === -1 ? n : lt;
    if (textEnd > i) {
      // Text node: whitespace (including newlines inside a cell) collapses to one space.
      line += decodeEntities(html.slice(i, textEnd)).replace(/[\t\r\n\f ]+/g, ' ');
    }
    if (lt === -1) break;
    i = lt;
    // Comment, doctype, CDATA.
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      i = end === -1 ? n : end + 3;
      continue;
    }
    if (html[i + 1] === '!' || html[i + 1] === '?') {
      const end = html.indexOf('>', i + 2);
      i = end === -1 ? n : end + 1;
      continue;
    }
    const m = /^<\/?([a-zA-Z][a-zA-Z0-9:-]{0,30})/.exec(html.slice(i, i + 34));
    if (!m) {
      // A lone '<' in text.
      line += '<';
      i++;
      continue;
    }
    const closing = html[i + 1] === '/';
    const tag = (m[1] as string).toLowerCase();
    const gt = findTagEnd(html, i + m[0].length);
    i = gt === -1 ? n : gt + 1;
    if (!closing && SKIP_CONTENT.has(tag)) {
      const close = html.toLowerCase().indexOf('</' + tag, i);
      if (close === -1) {
        i = n;
      } else {
        const end = html.indexOf('>', close);
        i = end === -1 ? n : end + 1;
      }
      continue;
    }
    switch (tag) {
      case 'table':
        if (!closing) {
          flushLine();
          tableDepth++;
        } else {
          flushLine();
          tableDepth = Math.max(0, tableDepth - 1);
        }
        break;
      case 'tr':
        flushLine();
        inCell = false;
        break;
      case 'td':
      case 'th':
        if (!closing) {
          if (cellsInRow > 0) line += '\t';
          cellsInRow++;
          inCell = true;
        } else {
          inCell = false;
        }
        break;
      case 'br':
        if (tableDepth > 0 && inCell) line += ' ';
        else flushLine();
        break;
      default:
        if (BLOCK.has(tag)) {
          if (tableDepth > 0 && inCell) line += ' ';
          else if (tableDepth === 0) flushLine();
        }
    }
  }
  flushLine();
  return out.join('\n');
}

/** End of a tag, skipping '>' inside quoted attribute values; -1 if unterminated. */
function findTagEnd(html: string, from: number): number {
  let q = 0;
  const n = html.length;
  // Attribute runs are bounded so a stray quote cannot make us read the whole document.
  for (let j = from; j < n && j - from < 8192; j++) {
    const c = html.charCodeAt(j);
    if (q) {
      if (c === q) q = 0;
    } else if (c === 34 || c === 39) {
      q = c;
    } else if (c === 62) {
      return j;
    }
  }
  const gt = html.indexOf('>', from);
  return gt;
}
