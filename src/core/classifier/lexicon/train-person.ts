// Trains the person-span scorer (person-model.generated.ts): logistic regression over the
// features of personCandidates() and the hashed word features of person-sparse.ts, on the
// TRAIN splits of BTC and WNUT 17 only (CC BY 4.0).
// The dev splits are for reporting (bench/accuracy.ts) and are never read here.
// Run: node --import tsx src/core/classifier/lexicon/train-person.ts [NER_DIR]
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readConll, spanKey } from '../../../../test/fixtures/classifier/conll';
import { PERSON_FEATURES, personCandidates, tokenize } from '../person';
import { MAX_SPARSE, SPARSE_BITS, sparseFeatures } from '../person-sparse';

const here = path.dirname(fileURLToPath(import.meta.url));
const nerDir = process.argv[2] ?? '/work/shared/data/ner';
// WNUT 17 does not annotate @handles at all (6 of its 1,981 are tagged), BTC does: handles
// are learnt from BTC only.
const sets = [
  { docs: readConll(path.join(nerDir, 'btc.train.conll')), handles: true },
  { docs: readConll(path.join(nerDir, 'wnut17.train.conll')), handles: false },
];
const docs = sets.flatMap((s) => s.docs.map((doc) => ({ ...doc, handles: s.handles })));

const FOLDS = 5;

// Candidates as a perfect scorer would meet them: accept exactly the gold spans. Names seen in
// train are learnt by the word features; the out-of-fold threshold keeps the model from
// trusting memorised names more than it should on text it has not seen.
interface Example {
  dense: number[];
  cells: Int32Array;
  y: number;
  fold: number;
}
const examples: Example[] = [];
let gold = 0;
let covered = 0;
const buf = new Int32Array(MAX_SPARSE);
for (let di = 0; di < docs.length; di++) {
  const d = docs[di] as (typeof docs)[number];
  const g = new Set(d.gold.filter((s) => d.handles || !s.mention).map((s) => spanKey(d.text, s.start, s.end)));
  gold += g.size;
  const toks = tokenize(d.text, 0, d.text.length);
  personCandidates(d.text, 0, d.text.length, toks, (c) => {
    if (c.handle && !d.handles) return false;
    const positive = g.has(spanKey(d.text, c.s, c.e));
    const dense = Array.from(c.f);
    const n = sparseFeatures(d.text, toks, c, buf);
    examples.push({ dense, cells: buf.slice(0, n), y: positive ? 1 : 0, fold: di % FOLDS });
    if (positive) covered++;
    return positive;
  });
}
console.log(`${docs.length} train documents, ${examples.length} candidates, ${gold} gold spans, candidate recall ${(covered / gold).toFixed(3)}`);

// Cells met fewer than MIN_COUNT times in train stay at zero: one-off words would only add noise
// and collisions.
const MIN_COUNT = 3;
const cellCount = new Uint32Array(1 << SPARSE_BITS);
for (const x of examples) for (const h of x.cells) cellCount[h] = (cellCount[h] as number) + 1;
for (const x of examples) x.cells = x.cells.filter((h) => (cellCount[h] as number) >= MIN_COUNT);

// Logistic regression by AdaGrad: a few thousand dense-and-hashed weights, a few epochs.
const D = PERSON_FEATURES.length;
const CELLS = 1 << SPARSE_BITS;
const EPOCHS = 8;
const RATE = 0.1;
interface Model {
  dense: Float64Array;
  cells: Float64Array;
}
function train(leaveOut: number): Model {
  const m: Model = { dense: new Float64Array(D), cells: new Float64Array(CELLS) };
  const gd = new Float64Array(D).fill(1e-8);
  const gc = new Float64Array(CELLS).fill(1e-8);
  const order = examples.map((_, i) => i).filter((i) => (examples[i] as Example).fold !== leaveOut);
  let seed = 7;
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
      const j = seed % (i + 1);
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const i of order) {
      const x = examples[i] as Example;
      const err = 1 / (1 + Math.exp(-logit(m, x))) - x.y;
      for (let k = 0; k < D; k++) {
        const v = x.dense[k] as number;
        if (v === 0) continue;
        const g = err * v;
        gd[k] = (gd[k] as number) + g * g;
        m.dense[k] = (m.dense[k] as number) - (RATE * g) / Math.sqrt(gd[k] as number);
      }
      for (const h of x.cells) {
        gc[h] = (gc[h] as number) + err * err;
        m.cells[h] = (m.cells[h] as number) - (RATE * err) / Math.sqrt(gc[h] as number);
      }
    }
  }
  return m;
}
function logit(m: Model, x: Example): number {
  let z = 0;
  for (let k = 0; k < D; k++) z += (m.dense[k] as number) * (x.dense[k] as number);
  for (const h of x.cells) z += m.cells[h] as number;
  return z;
}

// Threshold from out-of-fold scores: each fold scored by a model that never saw it, so names
// memorised from train do not make the model look better than it is on new text.
const oof = new Float64Array(examples.length);
for (let f = 0; f < FOLDS; f++) {
  const m = train(f);
  examples.forEach((x, i) => {
    if (x.fold === f) oof[i] = logit(m, x);
  });
}
const TARGET_PRECISION = 0.75;
let best = { z: 0, p: 0, r: 0 };
for (let z = -3; z <= 3; z += 0.05) {
  let tp = 0;
  let fp = 0;
  examples.forEach((x, i) => {
    if ((oof[i] as number) >= z) (x.y === 1 ? tp++ : fp++);
  });
  const p = tp / Math.max(1, tp + fp);
  const r = tp / Math.max(1, gold);
  if (p >= TARGET_PRECISION && r > best.r) best = { z, p, r };
  if (Math.abs(z * 2 - Math.round(z * 2)) < 1e-6) console.log(`  z=${z.toFixed(1)} P=${p.toFixed(3)} R=${r.toFixed(3)} (out of fold)`);
}
console.log(`threshold z=${best.z.toFixed(2)}: out-of-fold precision ${best.p.toFixed(3)}, recall ${best.r.toFixed(3)} (candidate level)`);

// The final model sees every fold. Hashed weights are stored one character each (32..126,
// 79 = zero), clipped to +-CLIP.
const final = train(-1);
const CLIP = 4;
const scale = CLIP / 47;
let table = '';
let used = 0;
for (let h = 0; h < CELLS; h++) {
  const q = Math.max(-47, Math.min(47, Math.round((final.cells[h] as number) / scale)));
  if (q !== 0) used++;
  table += String.fromCharCode(79 + q);
}
console.log(`${used} of ${CELLS} hashed cells non-zero; dense: ${PERSON_FEATURES.map((f, k) => `${f}=${(final.dense[k] as number).toFixed(2)}`).join(' ')}`);
const threshold = 1 / (1 + Math.exp(-best.z));
const body = `// GENERATED by train-person.ts from the BTC and WNUT 17 train splits (CC BY 4.0) — do not edit.
// Logistic regression: one weight per PERSON_FEATURES entry in person.ts, and hashed word
// features (person-sparse.ts) stored one character per cell: weight = (code - 79) * scale.
export const PERSON_WEIGHTS: readonly number[] = [${Array.from(final.dense, (v) => v.toFixed(4)).join(', ')}];
export const PERSON_THRESHOLD = ${threshold.toFixed(4)};
export const PERSON_SPARSE_SCALE = ${scale.toPrecision(6)};
export const PERSON_SPARSE = ${JSON.stringify(table)};
`;
writeFileSync(path.join(here, 'person-model.generated.ts'), body);
