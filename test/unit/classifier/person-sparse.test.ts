import { describe, expect, it } from 'vitest';
import { personCandidates, tokenize, type Candidate } from '../../../src/core/classifier/person';
import { MAX_SPARSE, SPARSE_BITS, sparseFeatures } from '../../../src/core/classifier/person-sparse';
import { PERSON_SPARSE } from '../../../src/core/classifier/lexicon/person-model.generated';

function cellsOf(text: string): { span: string; cells: number[] }[] {
  const toks = tokenize(text, 0, text.length);
  const out: { span: string; cells: number[] }[] = [];
  const buf = new Int32Array(MAX_SPARSE);
  personCandidates(text, 0, text.length, toks, (c: Candidate) => {
    const n = sparseFeatures(text, toks, c, buf);
    out.push({ span: text.slice(c.s, c.e), cells: Array.from(buf.subarray(0, n)) });
    return false;
  });
  return out;
}

describe('person word features (hashed)', () => {
  it('stay inside the table and within MAX_SPARSE, for names, long runs and handles', () => {
    const all = cellsOf('RT @jane_doe99: Maria de la Cruz Ortega Smith met Dr. Kim and @Bob at the Park. ÜBER Ärger, Zoë!');
    expect(all.length).toBeGreaterThan(5);
    for (const { cells } of all) {
      expect(cells.length).toBeLessThanOrEqual(MAX_SPARSE);
      for (const h of cells) expect(h >= 0 && h < 1 << SPARSE_BITS).toBe(true);
    }
    expect(PERSON_SPARSE.length).toBe(1 << SPARSE_BITS);
  });

  it('depend on the words and their surroundings, not on where the text starts', () => {
    const a = cellsOf('We said thanks Maria for coming.');
    const b = cellsOf('Lorem ipsum. We said thanks Maria for coming.');
    expect(b.find((x) => x.span === 'Maria')?.cells).toEqual(a.find((x) => x.span === 'Maria')?.cells);
    // A different word after the name changes a feature.
    const c = cellsOf('We said thanks Maria said everyone.');
    expect(c.find((x) => x.span === 'Maria')?.cells).not.toEqual(a.find((x) => x.span === 'Maria')?.cells);
  });

  it('keep handles and written names apart', () => {
    const h = cellsOf('hello @maria today').find((x) => x.span === '@maria')!;
    const n = cellsOf('hello Maria today').find((x) => x.span === 'Maria')!;
    const shared = h.cells.filter((c) => n.cells.includes(c));
    expect(shared).toEqual([]);
  });
});
