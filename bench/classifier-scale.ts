// One measurement of time and memory for classify() at one input size, in a fresh process so
// the heap figures are its own. Called by classifier.bench.ts:
//   node --expose-gc --import tsx bench/classifier-scale.ts csv|prose MEGABYTES [live]
// Prints one JSON line.
//
// With `live`, a full collection runs at every slice boundary and the heap is read before and
// after it: after = what the classifier holds at that point (live), before = live plus the
// garbage of one slice. The ordinary run's figure also holds garbage not yet collected (up to
// the 16 MB nursery), which is most of it at 1 MB. The collections make the run far slower, so
// its times are not reported.
import { classify, classifyIncrementally } from '../src/core/classifier/index';
import type { Classification } from '../src/core/types';
import { bigClientCsv, contactProse } from '../test/fixtures/classifier/generators';

const kind = process.argv[2] === 'prose' ? 'prose' : 'csv';
const mb = Number(process.argv[3] ?? '1');
const live = process.argv[4] === 'live';
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
if (live && !gc) throw new Error('live needs --expose-gc');
const text = build();
// Flatten the string now so its cost is not charged to the classifier.
text.charCodeAt(text.length >> 1);
gc?.();
// Node counts ArrayBuffer memory in `external` already (`arrayBuffers` is the part of
// `external` that is ArrayBuffers), so the sum is heapUsed + external. Until 2026-12-02 this
// script added arrayBuffers a second time, which counted the typed arrays twice; that sum is
// still reported as peakDoubleCountedBytes for comparison with the older figures.
const usage = () => process.memoryUsage();
const mem = () => {
  const m = usage();
  return m.heapUsed + m.external;
};
const memDouble = () => {
  const m = usage();
  return m.heapUsed + m.external + m.arrayBuffers;
};

// Warm-up on a small slice so lexicon decoding and JIT are not in the figures.
classify(text.slice(0, 50_000));
gc?.();
const base = mem();
const baseDouble = memDouble();

// Incremental run: memory sampled at every yield and once the result is in hand (the result
// is kept, as a caller would), and the longest slice.
let peak = 0;
let peakLive = 0;
let peakDouble = 0;
let maxSlice = 0;
let slices = 0;
const sliceMs: number[] = [];
let last = performance.now();
const sample = () => {
  peak = Math.max(peak, mem() - base);
  peakDouble = Math.max(peakDouble, memDouble() - baseDouble);
  if (live) {
    gc?.();
    peakLive = Math.max(peakLive, mem() - base);
  }
};
const t0 = performance.now();
let result: Classification | null = await classifyIncrementally(
  text,
  {},
  async () => {
    const now = performance.now();
    maxSlice = Math.max(maxSlice, now - last);
    sliceMs.push(now - last);
    slices++;
    sample();
    await new Promise((r) => setImmediate(r));
    last = performance.now();
  },
  8,
);
maxSlice = Math.max(maxSlice, performance.now() - last);
sliceMs.push(performance.now() - last);
const incrementalMs = performance.now() - t0;
sliceMs.sort((a, b) => a - b);
const p95Slice = sliceMs[Math.min(sliceMs.length - 1, Math.ceil(0.95 * sliceMs.length) - 1)] as number;
const over16 = sliceMs.filter((x) => x > 16).length;
sample();
// Then the findings read, as redaction or the CLI's --show-values do: one object each.
const findings = result.findings.length;
if (live) {
  console.log(JSON.stringify({ kind, bytes: Buffer.byteLength(text), live: true, peakSliceBytes: peak, peakLiveBytes: peakLive, slices: sliceMs.length, verdict: result.verdict }));
  process.exit(0);
}
let peakWithFindings = peak;
peakWithFindings = Math.max(peakWithFindings, mem() - base);
result = null;
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
    slices: sliceMs.length,
    p95SliceMs: Math.round(p95Slice * 10) / 10,
    slicesOver16Ms: over16,
    peakExtraBytes: peak,
    peakWithFindingsBytes: peakWithFindings,
    peakDoubleCountedBytes: peakDouble,
    findings,
    gc: gc !== undefined,
    verdict: c.verdict,
  }),
);
