// One measurement of time and memory for classify() at one input size, in a fresh process so
// the heap figures are its own. Called by classifier.bench.ts:
//   node --expose-gc --import tsx bench/classifier-scale.ts csv|prose MEGABYTES
// Prints one JSON line.
import { classify, classifyIncrementally } from '../src/core/classifier/index';
import { bigClientCsv, contactProse } from '../test/fixtures/classifier/generators';

const kind = process.argv[2] === 'prose' ? 'prose' : 'csv';
const mb = Number(process.argv[3] ?? '1');
const target = Math.round(mb * 1_000_000);

function build(): string {
  if (kind === 'csv') {
    const sample = bigClientCsv(2000, 42);
    const perRow = sample.length / 2001;
    return bigClientCsv(Math.max(10, Math.round(target / perRow)), 42);
  }
  const unit = contactProse(11, 400)
    .map((d) => d.text)
    .join('\n');
  return unit.repeat(Math.ceil(target / unit.length)).slice(0, target);
}

const gc = (globalThis as { gc?: () => void }).gc;
const text = build();
// Flatten the string now so its cost is not charged to the classifier.
text.charCodeAt(text.length >> 1);
gc?.();
const mem = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.external + m.arrayBuffers;
};

// Warm-up on a small slice so lexicon decoding and JIT are not in the figures.
classify(text.slice(0, 50_000));
gc?.();
const base = mem();

// Incremental run: memory sampled at every yield, and the longest slice.
let peak = 0;
let maxSlice = 0;
let last = performance.now();
const t0 = performance.now();
await classifyIncrementally(
  text,
  {},
  async () => {
    const now = performance.now();
    maxSlice = Math.max(maxSlice, now - last);
    peak = Math.max(peak, mem() - base);
    await new Promise((r) => setImmediate(r));
    last = performance.now();
  },
  8,
);
maxSlice = Math.max(maxSlice, performance.now() - last);
const incrementalMs = performance.now() - t0;
peak = Math.max(peak, mem() - base);
gc?.();

// Synchronous run: wall time.
const t1 = performance.now();
const c = classify(text);
const syncMs = performance.now() - t1;

console.log(
  JSON.stringify({
    kind,
    bytes: Buffer.byteLength(text),
    syncMs: Math.round(syncMs),
    incrementalMs: Math.round(incrementalMs),
    maxSliceMs: Math.round(maxSlice * 10) / 10,
    peakExtraBytes: peak,
    gc: gc !== undefined,
    verdict: c.verdict,
  }),
);
