import { describe, expect, it } from 'vitest';
import { classify, prescreen } from '../../../src/core/classifier/index';
import { htmlToText, extractText } from '../../../src/core/extract/index';
import { redact } from '../../../src/core/redact';
import { rng } from '../../fixtures/classifier/generators';

function randomUnicode(r: () => number, len: number): string {
  const pools = [
    [0x20, 0x7e],
    [0xa0, 0x24f],
    [0x300, 0x36f], // combining marks
    [0x400, 0x4ff],
    [0x590, 0x6ff], // Hebrew, Arabic
    [0x200b, 0x200f], // zero-width and direction marks
    [0x3040, 0x30ff],
    [0x4e00, 0x4fff],
    [0xd800, 0xdfff], // lone surrogates
    [0xff00, 0xffef],
    [0, 0x1f],
  ];
  let s = '';
  for (let i = 0; i < len; i++) {
    const [a, b] = pools[Math.floor(r() * pools.length)] as [number, number];
    s += String.fromCharCode(a + Math.floor(r() * (b - a + 1)));
    if (r() < 0.05) s += ['@', '.com', ' at ', '\n', ',', '"', '\t', '555-', 'Jane ', 'F32.1 ', '<td>'][Math.floor(r() * 11)];
  }
  return s;
}

function best(f: () => void): number {
  let m = Infinity;
  for (let k = 0; k < 3; k++) {
    const t = performance.now();
    f();
    m = Math.min(m, performance.now() - t);
  }
  return m;
}

describe('robustness', () => {
  it('never throws on random Unicode, and is deterministic', () => {
    const r = rng(123);
    for (let k = 0; k < 300; k++) {
      const t = randomUnicode(r, Math.floor(r() * 3000));
      const c = classify(t);
      expect(() => redact(t, c)).not.toThrow();
      expect(typeof prescreen(t)).toBe('boolean');
      if (k % 25 === 0) expect(JSON.stringify(classify(t))).toBe(JSON.stringify(c));
      for (const f of c.findings) {
        expect(f.start).toBeGreaterThanOrEqual(0);
        expect(f.end).toBeLessThanOrEqual(t.length);
      }
    }
  });

  it('never throws on random bytes through extractText', async () => {
    const r = rng(7);
    for (let k = 0; k < 200; k++) {
      const bytes = new Uint8Array(Math.floor(r() * 4000)).map(() => Math.floor(r() * 256));
      for (const name of ['x.csv', 'x.xlsx', 'x.json', 'x.html', 'x']) {
        const x = await extractText(bytes, name, '');
        if (x.ok) expect(() => classify({ text: x.text, form: x.form })).not.toThrow();
        else expect(['binary', 'too_large', 'unreadable']).toContain(x.problem);
      }
    }
  });

  it('finishes a 10 MB single line', () => {
    const unit = 'lorem ipsum 12 dolor@ sit amet, "x" F3 ';
    const line = unit.repeat(Math.ceil(10_000_000 / unit.length));
    const c = classify(line);
    expect(c.verdict).toBe('none');
  }, 60_000);

  it('grows linearly on inputs built to make regular expressions backtrack', () => {
    const makers: [string, (n: number) => string][] = [
      ['letters before @', (n) => 'a'.repeat(n) + '@'],
      ['spaces before at', (n) => ' '.repeat(n) + 'at x'],
      ['at at at', (n) => 'a at '.repeat(n / 5)],
      ['digit groups', (n) => '1-'.repeat(n / 2)],
      ['parentheses', (n) => '(1'.repeat(n / 2)],
      ['nested quotes', (n) => '"'.repeat(n) + ',\n' + '"",'.repeat(n / 3)],
      ['open tags', (n) => '<'.repeat(n)],
      ['nested JSON', (n) => '[{'.repeat(n / 2)],
      ['JSON escapes', (n) => '["' + '\\'.repeat(n) + '"]'],
      ['capitalised words', (n) => 'Aa '.repeat(n / 3)],
      ['hex', (n) => 'a'.repeat(n)],
      ['street numbers', (n) => '1 A '.repeat(n / 4)],
      ['dob words', (n) => 'born 1/'.repeat(n / 7)],
      ['dots', (n) => 'x.'.repeat(n / 2)],
    ];
    for (const [name, make] of makers) {
      const small = make(40_000);
      const large = make(160_000);
      const ts = best(() => {
        classify(small);
        htmlToText(small);
      });
      const tl = best(() => {
        classify(large);
        htmlToText(large);
      });
      // Four times the input: linear is ~4x, quadratic would be ~16x. Allow noise.
      expect(tl / Math.max(ts, 3), name).toBeLessThan(10);
    }
  }, 120_000);

  it('handles deeply nested quotes and huge cells in CSV', () => {
    const csv = 'name,email\n' + '"'.repeat(50_001) + ',x@y.com\n"a""b""c' + '""'.repeat(20_000) + '",z@w.org\n';
    expect(() => classify(csv)).not.toThrow();
  });
});
