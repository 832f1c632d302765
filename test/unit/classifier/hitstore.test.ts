// The compact hit store (chunked typed arrays) and the findings built from it on demand.
import { describe, expect, it } from 'vitest';
import { classify, classifyIncrementally, redact } from '../../../src/core/classifier/index';
import { BitSet, CHUNK_HITS, HitStore, TYPES, T_EMAIL, T_PERSON, T_PHONE } from '../../../src/core/classifier/hitstore';
import type { Hit } from '../../../src/core/classifier/hit';
import type { Classification, Finding } from '../../../src/core/types';
import { bigClientCsv } from '../../fixtures/classifier/generators';

const hit = (type: Hit['type'], start: number, end: number, key = `${type}${start}`): Hit => ({ type, start, end, confidence: 0.9, key });

describe('HitStore', () => {
  it('keeps every field across chunk boundaries, with rows only where given', () => {
    const s = new HitStore();
    const n = CHUNK_HITS * 2 + 123;
    for (let i = 0; i < n; i++) s.push(hit(i % 3 === 0 ? 'person' : i % 3 === 1 ? 'email' : 'phone', i * 10, i * 10 + 5), i < CHUNK_HITS + 7 ? -1 : i);
    expect(s.n).toBe(n);
    for (const i of [0, 1, 255, 256, CHUNK_HITS - 1, CHUNK_HITS, CHUNK_HITS + 6, CHUNK_HITS + 7, n - 1]) {
      expect(s.start(i)).toBe(i * 10);
      expect(s.end(i)).toBe(i * 10 + 5);
      expect(s.type(i)).toBe(i % 3 === 0 ? T_PERSON : i % 3 === 1 ? T_EMAIL : T_PHONE);
      expect(s.conf(i)).toBe(90);
      expect(s.row(i)).toBe(i < CHUNK_HITS + 7 ? -1 : i);
    }
    expect(s.isSorted()).toBe(true);
    const spans = s.spans();
    expect(spans.n).toBe(n);
    expect(spans.start.reduce((a, c) => a + c.length, 0)).toBeLessThan(n + CHUNK_HITS);
  });

  it('sorts like a stable sort by start, longer first, then type', () => {
    const s = new HitStore();
    const pushed: [Hit, number][] = [];
    // A sorted run, then an unsorted tail (JSON fields outside the records come last).
    for (let i = 0; i < CHUNK_HITS + 50; i++) pushed.push([hit('email', i * 4, i * 4 + 3), i]);
    for (const [t, a, b] of [['phone', 7, 9], ['person', 2, 3], ['dob', 0, 1], ['person', 8, 11]] as const) pushed.push([hit(t, a, b), 99]);
    for (const [h, r] of pushed) s.push(h, r);
    expect(s.isSorted()).toBe(false);
    const expected = pushed
      .map(([h, r], k) => ({ start: h.start, end: h.end, type: h.type, row: r, k }))
      .sort((x, y) => x.start - y.start || y.end - x.end || TYPES.indexOf(x.type) - TYPES.indexOf(y.type) || x.k - y.k);
    s.sort();
    expect(s.isSorted()).toBe(true);
    expect(s.n).toBe(expected.length);
    for (let i = 0; i < s.n; i++) {
      const e = expected[i] as (typeof expected)[number];
      expect([s.start(i), s.end(i), s.row(i)]).toEqual([e.start, e.end, e.row]);
    }
  });
});

describe('BitSet', () => {
  it('adds, counts and tests members, growing as needed', () => {
    const b = new BitSet();
    for (const k of [0, 5, 31, 32, 1000, 100_000, 5]) b.add(k);
    expect(b.size).toBe(6);
    for (const k of [0, 5, 31, 32, 1000, 100_000]) expect(b.has(k)).toBe(true);
    for (const k of [-1, 1, 33, 999, 100_001, 5_000_000]) expect(b.has(k)).toBe(false);
  });
});

describe('findings built on demand', () => {
  const text = 'Jane Doe jane.doe@gmail.com 415-555-2671\nOmar Li omar.li@yahoo.com 212-555-0188\nAl Kay al.kay@gmail.com 646-555-0123\n';

  it('reads like a plain array property: keys, JSON, spread, equality', () => {
    const c = classify(text);
    expect(Object.keys(c)).toEqual(['verdict', 'reasons', 'counts', 'people', 'examples', 'findings']);
    const json = JSON.parse(JSON.stringify(c)) as Classification;
    expect(json.findings.length).toBeGreaterThanOrEqual(9);
    expect({ ...c }.findings).toEqual(json.findings);
    expect(c).toEqual(json);
    expect(Array.isArray(c.findings)).toBe(true);
    expect(c.findings).toBe(c.findings); // built once
    expect(Object.getOwnPropertyDescriptor(c, 'findings')?.value).toBe(c.findings);
  });

  it('can be replaced, frozen, and read from a frozen result', () => {
    const c = classify(text);
    const mine: Finding[] = [{ type: 'email', start: 0, end: 1, confidence: 1 }];
    c.findings = mine;
    expect(c.findings).toBe(mine);
    const frozen = Object.freeze(classify(text));
    expect(frozen.findings.length).toBe(c.counts.person! + c.counts.email! + c.counts.phone!);
    expect(frozen.findings).toBe(frozen.findings);
  });

  it('matches what the text says, in order, and redacts the same', async () => {
    const csv = bigClientCsv(7000, 5); // more hits than one chunk
    const c = classify(csv);
    const f = c.findings;
    expect(f.length).toBe(Object.values(c.counts).reduce((a, b) => a + (b ?? 0), 0));
    expect(f.length).toBeGreaterThan(CHUNK_HITS);
    for (let i = 1; i < f.length; i++) expect((f[i - 1] as Finding).start <= (f[i] as Finding).start).toBe(true);
    const inc = await classifyIncrementally(csv, {}, async () => {}, 0);
    expect(JSON.stringify(inc)).toBe(JSON.stringify(c));
    expect(redact(csv, inc)).toBe(redact(csv, c));
    expect(redact(csv, c)).not.toContain('@');
  });

  it('keeps the text findings when the HTML flavour decides the verdict, without building either early', () => {
    const html = '<table><tr><td>Jane Doe</td><td>jane@gmail.com</td></tr><tr><td>Li Wei</td><td>li@x.org</td></tr><tr><td>Al Kay</td><td>al@y.org</td></tr></table>';
    const c = classify({ text: 'Jane Doe jane@gmail.com', html });
    expect(c.verdict).toBe('warning');
    expect(typeof Object.getOwnPropertyDescriptor(c, 'findings')?.get).toBe('function');
    expect(c.findings.map((x) => x.type).sort()).toEqual(['email', 'person']);
  });
});
