// Public API of the local classifier. Pure TypeScript, no browser APIs: the same code runs in
// the content script, Node tests, benchmarks and the CLI, and nothing it sees leaves the machine.
import type { Classification, ClassifyInput, ClassifyOptions, ContentForm } from '../types';
import { htmlToText } from '../extract/html';
import { analyze } from './analyze';
import { ownMatcher } from './own';
import { decideSteps } from './verdict';
import { runToEnd } from './steps';

export { prescreen } from './prescreen';
export { maskValue } from '../mask';
export { redact } from '../redact';

const EMPTY: Classification = { verdict: 'none', reasons: [], counts: {}, people: 0, examples: [], findings: [] };

function normalizeInput(input: string | ClassifyInput): { text: string; html: string | undefined; form: ContentForm } {
  if (typeof input === 'string') return { text: input, html: undefined, form: 'auto' };
  if (!input || typeof input !== 'object') return { text: '', html: undefined, form: 'auto' };
  const text = typeof input.text === 'string' ? input.text : '';
  const html = typeof input.html === 'string' && input.html.length > 0 ? input.html : undefined;
  const form: ContentForm = input.form === 'text' || input.form === 'html' || input.form === 'csv' || input.form === 'json' ? input.form : 'auto';
  return { text, html, form };
}

const RANK = { none: 0, caution: 1, warning: 2 } as const;

/**
 * A table copied from a web page or spreadsheet has a text/html flavour whose rows and cells
 * are explicit. Findings stay in input.text (the redactor edits that), but the verdict may come
 * from the table when it is stronger, e.g. when the plain-text flavour lost the cell breaks.
 */
function* run(input: string | ClassifyInput, options: ClassifyOptions): Generator<void, Classification> {
  const { text, html, form } = normalizeInput(input);
  const textForm = form === 'html' ? 'auto' : form;
  // Own identities are dropped as hits are collected, so they never count or show.
  const own = ownMatcher(options.ownIdentities);
  const main = text.length > 0 ? yield* decideSteps(yield* analyze(text, textForm, own), options) : { ...EMPTY, findings: [] };
  if (!html || !/<t[rd]\b/i.test(html)) return main;
  const tableText = htmlToText(html);
  if (!tableText.trim() || tableText === text) return main;
  const fromHtml = yield* decideSteps(yield* analyze(tableText, 'auto', own), options);
  if (RANK[fromHtml.verdict] <= RANK[main.verdict]) return main;
  // Offsets into html-derived text mean nothing to the caller; keep the text's own findings.
  // Copied property by property, so neither side's findings are built just to be moved.
  const out = {} as Classification;
  for (const key of Object.keys(fromHtml) as (keyof Classification)[]) {
    const d = Object.getOwnPropertyDescriptor(key === 'findings' ? main : fromHtml, key) as PropertyDescriptor;
    Object.defineProperty(out, key, d);
  }
  return out;
}

function safeOptions(options: ClassifyOptions | undefined): ClassifyOptions {
  return options && typeof options === 'object' ? options : {};
}

/** Classifies text (or a paste with its HTML flavour). Synchronous and deterministic. */
export function classify(input: string | ClassifyInput, options?: ClassifyOptions): Classification {
  try {
    return runToEnd(run(input, safeOptions(options)));
  } catch {
    // Never throw into a paste handler; an internal failure is reported as nothing found.
    return { ...EMPTY, findings: [] };
  }
}

export interface IncrementalClock {
  now(): number;
}

/**
 * Same result as classify(), computed in slices: after each slice of about `sliceMs` it awaits
 * `yieldToHost()` so the page stays responsive while a 10 MB upload is read. The work pauses
 * often (between detectors, every few dozen rows, every thousand hits); a slice ends before the
 * step that would probably take it past `sliceMs`, judged by the step just run.
 */
export async function classifyIncrementally(
  input: string | ClassifyInput,
  options: ClassifyOptions | undefined,
  yieldToHost: () => Promise<void>,
  sliceMs = 8,
  clock: IncrementalClock = { now: () => performance.now() },
): Promise<Classification> {
  const gen = run(input, safeOptions(options));
  let sliceStart = clock.now();
  let stepStart = sliceStart;
  try {
    for (;;) {
      const step = gen.next();
      if (step.done) return step.value;
      const now = clock.now();
      // Pause when the slice is used up, or would be by one more step as long as the last one.
      if (now - sliceStart + (now - stepStart) >= sliceMs) {
        await yieldToHost();
        sliceStart = clock.now();
        stepStart = sliceStart;
      } else {
        stepStart = now;
      }
    }
  } catch {
    return { ...EMPTY, findings: [] };
  }
}
