// The classifier's first uses in a fresh Chromium page, where its code is cold: what the first
// full check of a paste costs on top of the pre-screen. ClientGuard's classify() and, as the
// baseline in the same pages, compromise's nlp(text).people(), each bundled for the browser
// and run on the same 10 KB post (the page-cost bench's "diagnosis word" text). Pages
// alternate between the subjects so a busy moment on the machine falls on all of them.
// CLIENTGUARD_COMPARE_SRC=<checkout> adds that tree's classifier as a third subject, for
// before/after comparisons of a change in one run.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { launch } from '../test/e2e/harness';

const PAGES = 10;
const CALLS = 23;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

async function bundle(contents: string, dir = root): Promise<string> {
  const out = await build({ stdin: { contents, resolveDir: dir, loader: 'ts' }, bundle: true, write: false, format: 'iife', minify: true, target: 'es2022', logLevel: 'silent' });
  return out.outputFiles[0]!.text;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

// Runs in the page: `prepare` once (ClientGuard: the lexicon decode; compromise: nothing to
// separate), then CALLS calls of `check` in separate tasks, each on a new string as a paste gives.
const probe = (prepare: string, check: string) => `(async () => {
  const tenKb = (s) => s.repeat(Math.ceil((10 * 1024) / s.length)).slice(0, 10 * 1024);
  const text = tenKb('Join our free community talk on living with anxiety this weekend. Bring a friend, coffee is on us. ');
  let t0 = performance.now();
  ${prepare};
  const prepared = performance.now() - t0;
  const calls = [];
  for (let i = 0; i < ${CALLS}; i++) {
    await new Promise((r) => setTimeout(r, 20));
    const input = text.slice(0, text.length - (i % 2));
    t0 = performance.now();
    ${check};
    calls.push(performance.now() - t0);
  }
  return { prepared, calls };
})()`;

export async function run(): Promise<void> {
  const classifierOf = (dir: string) =>
    bundle(
      `import { classify } from './src/core/classifier/index'; import { warmLexicon } from './src/core/classifier/names'; import { runToEnd } from './src/core/classifier/steps';
       (globalThis as any).__cg = { classify, warm: () => runToEnd(warmLexicon()) };`,
      dir,
    );
  const ours = (name: string, script: string) => ({ name, script, probe: probe('globalThis.__cg.warm()', 'globalThis.__cg.classify(input)'), heap: 'globalThis.__cg.warm()' });
  const theirs = await bundle(`import nlp from 'compromise'; (globalThis as any).__nlp = nlp;`);
  const subjects = [ours('ClientGuard classify()', await classifierOf(root)), { name: 'compromise people()', script: theirs, probe: probe('', 'globalThis.__nlp(input).people().out("array")'), heap: '' }];
  const compare = process.env.CLIENTGUARD_COMPARE_SRC;
  if (compare) subjects.push(ours(`classify() in ${compare.split('/').filter(Boolean).pop()}`, await classifierOf(compare)));
  const results = subjects.map(() => ({ prepared: [] as number[], first: [] as number[], second: [] as number[], later: [] as number[], heap: [] as number[] }));
  const session = await launch({ extension: false });
  try {
    for (let p = 0; p < PAGES; p++) {
      for (let k = 0; k < subjects.length; k++) {
        const s = p % 2 ? subjects.length - 1 - k : k;
        const subject = subjects[s]!;
        const page = await session.context.newPage();
        await page.setContent('<!doctype html><title>first use</title><p>x</p>');
        await page.addScriptTag({ content: subject.script });
        await page.waitForTimeout(50);
        // Memory the prepared tables keep (JS heap and typed-array storage), on the first two
        // pages of each, which then run nothing else.
        if (p < 2 && subject.heap) {
          const cdp = await session.context.newCDPSession(page);
          // Twice: the first collection can leave what the script's own evaluation left behind.
          await cdp.send('HeapProfiler.collectGarbage');
          await cdp.send('HeapProfiler.collectGarbage');
          const before = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number };
          await page.evaluate(subject.heap);
          await cdp.send('HeapProfiler.collectGarbage');
          await cdp.send('HeapProfiler.collectGarbage');
          const after = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number };
          results[s]!.heap.push(after.usedSize + (after.backingStorageSize ?? 0) - before.usedSize - (before.backingStorageSize ?? 0));
          await cdp.detach();
          await page.close();
          continue;
        }
        const r = (await page.evaluate(subject.probe)) as { prepared: number; calls: number[] };
        results[s]!.prepared.push(r.prepared);
        results[s]!.first.push(r.calls[0]!);
        results[s]!.second.push(r.calls[1]!);
        results[s]!.later.push(...r.calls.slice(3));
        await page.close();
      }
    }
  } finally {
    await session.close();
  }
  const pages = results[0]!.first.length;
  console.log(`Chromium, fresh pages (${pages} per subject, alternating), 10 KB post with a diagnosis word; median (min-max) ms. Page timers are coarsened to 0.1 ms.`);
  const cell = (v: number[]) => (v.length ? `${median(v).toFixed(1)} (${Math.min(...v).toFixed(1)}-${Math.max(...v).toFixed(1)})` : '-');
  console.log(`${'subject'.padEnd(24)} ${'lexicon decode'.padStart(20)} ${'first call'.padStart(20)} ${'second call'.padStart(18)} ${'calls 4-23'.padStart(12)} ${'kept (MB)'.padStart(10)}`);
  subjects.forEach((subject, s) => {
    const r = results[s]!;
    const kept = r.heap.length ? (median(r.heap) / 1e6).toFixed(2) : '-';
    console.log(`${subject.name.padEnd(24)} ${(subject.heap ? cell(r.prepared) : '-').padStart(20)} ${cell(r.first).padStart(20)} ${cell(r.second).padStart(18)} ${median(r.later).toFixed(2).padStart(12)} ${kept.padStart(10)}`);
  });
}
