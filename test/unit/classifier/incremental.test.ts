import { describe, expect, it } from 'vitest';
import { classify, classifyIncrementally } from '../../../src/core/classifier/index';
import { bigClientCsv, contactProse } from '../../fixtures/classifier/generators';

describe('classifyIncrementally', () => {
  it('returns exactly what classify() returns, yielding between slices', async () => {
    const text = bigClientCsv(3000);
    let yields = 0;
    let now = 0;
    // A fake clock that advances 1 ms per reading: every few steps a slice is "used up".
    const clock = { now: () => (now += 1) };
    const inc = await classifyIncrementally(text, {}, async () => void yields++, 4, clock);
    expect(JSON.stringify(inc)).toBe(JSON.stringify(classify(text)));
    expect(yields).toBeGreaterThan(0);
  });

  it('matches classify() on free text split into chunks, and on HTML input', async () => {
    const prose = contactProse(3, 400)
      .map((d) => d.text)
      .join('\n');
    const big = prose.repeat(Math.ceil(200_000 / prose.length));
    const inc = await classifyIncrementally(big, { listThreshold: 5 }, async () => {}, 0);
    expect(JSON.stringify(inc)).toBe(JSON.stringify(classify(big, { listThreshold: 5 })));
    const html = '<table><tr><td>Jane Doe</td><td>jane@gmail.com</td></tr><tr><td>Li Wei</td><td>li@x.org</td></tr><tr><td>Al Kay</td><td>al@y.org</td></tr></table>';
    expect(await classifyIncrementally({ text: '', html }, undefined, async () => {})).toEqual(classify({ text: '', html }));
  });

  it('can pause often: every few dozen rows, and between detectors on each chunk of text', async () => {
    const steps = async (input: string) => {
      let reads = 0;
      await classifyIncrementally(input, {}, async () => {}, 1e9, { now: () => (reads++, 0) });
      return reads; // the clock is read after every step
    };
    expect(await steps(bigClientCsv(3200))).toBeGreaterThan(3200 / 32);
    const prose = contactProse(4, 400)
      .map((d) => d.text)
      .join('\n');
    const text = prose.repeat(Math.ceil(320_000 / prose.length));
    expect(await steps(text)).toBeGreaterThan(4 * Math.floor(text.length / (32 * 1024)));
  });

  it('does not yield for small inputs with a real clock', async () => {
    let yields = 0;
    await classifyIncrementally('Jane Doe jane@gmail.com', {}, async () => void yields++, 50);
    expect(yields).toBe(0);
  });
});
