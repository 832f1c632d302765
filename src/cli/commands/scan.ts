// `clientguard scan FILE|-` — classify a file (CSV, TSV, TXT, JSON, HTML, XLSX) or stdin with
// the extension's own classifier, locally. Values are never printed unless --show-values.
import { readFile, stat } from 'node:fs/promises';
import type { CliCommand } from '../command';
import type { CliIo } from '../main';
import { classify } from '../../core/classifier/index';
import { extractText, DEFAULT_MAX_BYTES } from '../../core/extract/index';
import type { Classification, ClassifyOptions, ContentForm } from '../../core/types';

const HELP = `Usage: clientguard scan FILE|- [options]
       clientguard scan --jsonl < inputs.jsonl

Classifies a file (or stdin) locally and reports whether it holds client data.

Options:
  --json             print the classification as JSON
  --jsonl            read JSON Lines {"id":…, "text":…} from stdin, write one result per line
  --show-values      also print the identifiers found (off by default: reports stay shareable)
  --threshold N      people that make a client list (default 3)
  --max-bytes N      refuse larger inputs (default ${DEFAULT_MAX_BYTES})
  --fail-on LEVEL    exit 1 when the verdict is at least LEVEL (caution|warning)
  -h, --help         this help

Exit codes: 0 scanned, 1 --fail-on matched, 2 bad input or usage.`;

interface ScanArgs {
  file: string | null;
  json: boolean;
  jsonl: boolean;
  showValues: boolean;
  threshold: number | undefined;
  maxBytes: number;
  failOn: 'caution' | 'warning' | null;
}

class UsageError extends Error {}

function parseArgs(args: string[]): ScanArgs | 'help' {
  const a: ScanArgs = { file: null, json: false, jsonl: false, showValues: false, threshold: undefined, maxBytes: DEFAULT_MAX_BYTES, failOn: null };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const value = () => {
      const v = args[++i];
      if (v === undefined) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    switch (arg) {
      case '-h':
      case '--help':
        return 'help';
      case '--json':
        a.json = true;
        break;
      case '--jsonl':
        a.jsonl = true;
        break;
      case '--show-values':
        a.showValues = true;
        break;
      case '--threshold': {
        const n = Number(value());
        if (!Number.isInteger(n) || n < 2 || n > 1000) throw new UsageError('--threshold must be a whole number from 2 to 1000');
        a.threshold = n;
        break;
      }
      case '--max-bytes': {
        const n = Number(value());
        if (!Number.isFinite(n) || n <= 0) throw new UsageError('--max-bytes must be a positive number');
        a.maxBytes = Math.floor(n);
        break;
      }
      case '--fail-on': {
        const v = value();
        if (v !== 'caution' && v !== 'warning') throw new UsageError('--fail-on must be caution or warning');
        a.failOn = v;
        break;
      }
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
        if (a.file !== null) throw new UsageError('give one file (or - for stdin)');
        a.file = arg;
    }
  }
  if (a.jsonl && a.file !== null && a.file !== '-') throw new UsageError('--jsonl reads stdin; do not give a file');
  if (!a.jsonl && a.file === null) throw new UsageError('give a file to scan (or - for stdin)');
  return a;
}

const PROBLEM_TEXT: Record<'binary' | 'too_large' | 'unreadable', string> = {
  binary: 'looks like a binary file, not text or a spreadsheet',
  too_large: 'is too large to scan',
  unreadable: 'could not be read as text (unknown encoding or damaged file)',
};

async function readInput(file: string, io: CliIo, maxBytes: number): Promise<Uint8Array | string> {
  if (file === '-') {
    const bytes = await io.readStdin();
    return bytes.length > maxBytes ? `stdin ${PROBLEM_TEXT.too_large} (over ${maxBytes} bytes)` : bytes;
  }
  let size: number;
  try {
    const st = await stat(file);
    if (!st.isFile()) return `${file} is not a file`;
    size = st.size;
  } catch (e) {
    const code = (e as { code?: string }).code;
    return code === 'ENOENT' ? `${file}: no such file` : code === 'EACCES' ? `${file}: permission denied` : `${file}: cannot be opened`;
  }
  if (size > maxBytes) return `${file} ${PROBLEM_TEXT.too_large} (${size} bytes, limit ${maxBytes})`;
  try {
    return new Uint8Array(await readFile(file));
  } catch {
    return `${file}: cannot be read`;
  }
}

function mimeFor(file: string): string {
  return /\.xlsx$/i.test(file) ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : '';
}

function optionsOf(a: ScanArgs): ClassifyOptions {
  return a.threshold !== undefined ? { listThreshold: a.threshold } : {};
}

const REASON_TEXT: Record<string, string> = {
  client_list: 'a list of people with contact details',
  clinical_context: 'identifiers next to clinical or therapy context',
  hashed_list: 'a list of hashed identifiers (the form ad platforms match people by)',
  known_client: 'names or contacts from the practice roster',
};

function report(name: string, text: string, c: Classification, showValues: boolean): string {
  const lines: string[] = [];
  const head = c.verdict === 'warning' ? 'WARNING' : c.verdict === 'caution' ? 'CAUTION' : 'no client data found';
  lines.push(`${name}: ${head}`);
  for (const r of c.reasons) lines.push(`  reason: ${REASON_TEXT[r] ?? r}`);
  const counts = Object.entries(c.counts)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ');
  if (counts) lines.push(`  found: ${counts}`);
  if (c.people > 0) lines.push(`  people/records: ${c.people}`);
  if (c.examples.length > 0) lines.push(`  examples (masked): ${c.examples.map((e) => e.masked).join(', ')}`);
  if (showValues) {
    for (const f of c.findings) {
      const { line, col } = position(text, f.start);
      lines.push(`  ${String(line).padStart(5)}:${String(col).padEnd(4)} ${f.type.padEnd(9)} ${JSON.stringify(text.slice(f.start, f.end))}`);
    }
  }
  return lines.join('\n') + '\n';
}

function position(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let last = -1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    last = i;
  }
  return { line, col: offset - last };
}

function exitFor(c: Classification, failOn: ScanArgs['failOn']): number {
  if (!failOn) return 0;
  if (c.verdict === 'warning') return 1;
  return c.verdict === 'caution' && failOn === 'caution' ? 1 : 0;
}

function withValues(text: string, c: Classification): Classification & { values?: string[] } {
  return { ...c, values: c.findings.map((f) => text.slice(f.start, f.end)) };
}

async function runJsonl(a: ScanArgs, io: CliIo): Promise<number> {
  const bytes = await io.readStdin();
  if (bytes.length > a.maxBytes) {
    io.err(`clientguard scan: stdin ${PROBLEM_TEXT.too_large} (over ${a.maxBytes} bytes)\n`);
    return 2;
  }
  let input: string;
  try {
    input = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    io.err('clientguard scan: stdin is not UTF-8 text\n');
    return 2;
  }
  let bad = 0;
  let worst = 0;
  const lines = input.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const line = (lines[n] as string).trim();
    if (!line) continue;
    let rec: unknown;
    try {
      rec = JSON.parse(line);
    } catch {
      bad++;
      io.out(JSON.stringify({ id: null, line: n + 1, error: 'not valid JSON' }) + '\n');
      continue;
    }
    const obj = rec as { id?: unknown; text?: unknown; html?: unknown; form?: unknown };
    if (!obj || typeof obj !== 'object' || typeof obj.text !== 'string') {
      bad++;
      io.out(JSON.stringify({ id: obj && typeof obj === 'object' ? (obj.id ?? null) : null, line: n + 1, error: 'missing "text" string' }) + '\n');
      continue;
    }
    const c = classify(
      { text: obj.text, html: typeof obj.html === 'string' ? obj.html : undefined, form: typeof obj.form === 'string' ? (obj.form as ContentForm) : 'auto' },
      optionsOf(a),
    );
    worst = Math.max(worst, exitFor(c, a.failOn));
    const body = a.showValues ? withValues(obj.text, c) : c;
    io.out(JSON.stringify({ id: obj.id ?? null, ...body }) + '\n');
  }
  if (bad > 0) {
    io.err(`clientguard scan: ${bad} input line(s) could not be read\n`);
    return 2;
  }
  return worst;
}

export const scanCommand: CliCommand = {
  name: 'scan',
  summary: 'check a file or stdin for client data (names, contacts, clinical context)',
  async run(args, io) {
    let a: ScanArgs | 'help';
    try {
      a = parseArgs(args);
    } catch (e) {
      if (e instanceof UsageError) {
        io.err(`clientguard scan: ${e.message}\n\n${HELP}\n`);
        return 2;
      }
      throw e;
    }
    if (a === 'help') {
      io.out(HELP + '\n');
      return 0;
    }
    if (a.jsonl) return runJsonl(a, io);
    const file = a.file as string;
    const raw = await readInput(file, io, a.maxBytes);
    if (typeof raw === 'string') {
      io.err(`clientguard scan: ${raw}\n`);
      return 2;
    }
    const name = file === '-' ? 'stdin' : file;
    const extracted = await extractText(raw, file === '-' ? '' : file, mimeFor(file), a.maxBytes);
    if (!extracted.ok) {
      io.err(`clientguard scan: ${name} ${PROBLEM_TEXT[extracted.problem]}\n`);
      return 2;
    }
    const c = classify({ text: extracted.text, form: extracted.form }, optionsOf(a));
    if (a.json) io.out(JSON.stringify(a.showValues ? withValues(extracted.text, c) : c, null, 2) + '\n');
    else io.out(report(name, extracted.text, c, a.showValues));
    return exitFor(c, a.failOn);
  },
};
