// Every client-list form and every non-client kind from the seeded generators, a few samples
// each (bench/accuracy.ts runs hundreds and reports the rates).
import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/core/classifier/index';
import { extractText } from '../../../src/core/extract/index';
import { CLIENT_FORMS, NON_CLIENT_KINDS, clientList, nonClient } from '../../fixtures/classifier/generators';

describe('generated client lists', () => {
  it.each(CLIENT_FORMS)('%s is a warning', async (form) => {
    for (const [seed, n] of [
      [11, 3],
      [12, 8],
      [13, 25],
    ] as const) {
      const s = await clientList(form, seed, n);
      const text = s.bytes ? ((await extractText(s.bytes, s.fileName ?? '', '')) as { text: string }).text : s.text;
      const c = classify(s.html ? { text, html: s.html } : text);
      expect(c.verdict, `${form} seed ${seed}:\n${text.slice(0, 300)}`).toBe('warning');
    }
  });
});

describe('generated tables that are not client data', () => {
  it.each(NON_CLIENT_KINDS)('%s is not flagged', (kind) => {
    for (const [seed, n] of [
      [21, 5],
      [22, 20],
      [23, 60],
    ] as const) {
      const s = nonClient(kind, seed, n);
      const c = classify(s.text);
      expect(c.verdict, `${kind} seed ${seed}: ${c.reasons.join(',')}\n${s.text.slice(0, 300)}`).toBe('none');
    }
  });
});
