import { describe, expect, it } from 'vitest';
import { classify, prescreen } from '../../../src/core/classifier/index';
import { CLIENT_FORMS, NON_CLIENT_KINDS, clientList, contactProse, nonClient, rng } from '../../fixtures/classifier/generators';

describe('prescreen', () => {
  it('says yes to the raw material of every rule', () => {
    for (const t of [
      'mail jane@x.com',
      'call (415) 555-2671',
      '5d41402abc4b2a76b9719d911017c592',
      'jane at gmail dot com',
      'bob(at)example.org',
      'My client Jo',
      'dx F32.1',
      'on sertraline',
      'DOB 3/4/85',
      'Jo, 12 Oak St',
      'homeAddress: 12 Elm',
      'Hauptstraße 5',
      'Client Name\nJo\nAl\nBo',
      'self-harm',
    ]) {
      expect(prescreen(t), t).toBe(true);
    }
  });

  it('says no to ordinary short text', () => {
    for (const t of ['Hello world, this is a normal post about our new office hours.', 'Great game last night! 3-1 win.', 'Version 2.1 ships in May.', '']) {
      expect(prescreen(t), t).toBe(false);
    }
  });

  it('never says no where classify() would flag (generated sets and random text)', async () => {
    const texts: string[] = [];
    for (const form of CLIENT_FORMS) for (let k = 0; k < 4; k++) texts.push((await clientList(form, 300 + k, 3 + k)).text);
    for (const kind of NON_CLIENT_KINDS) for (let k = 0; k < 4; k++) texts.push(nonClient(kind, 400 + k, 10).text);
    for (const d of contactProse(5, 200)) texts.push(d.text);
    const r = rng(9);
    const words = ['my', 'client', 'Jane', 'Doe', 'diagnosed', 'PTSD', 'session', 'at', 'gmail', 'dot', 'com', '415', '555', '2671', 'Street', '12', 'DOB', '1/2/1990', 'and', 'Thanks', '\n', ',', 'therapy', 'Omar', 'Li', 'Wei'];
    for (let k = 0; k < 500; k++) texts.push(Array.from({ length: 3 + Math.floor(r() * 25) }, () => words[Math.floor(r() * words.length)]).join(' '));
    let flagged = 0;
    for (const t of texts) {
      const verdict = classify(t).verdict;
      if (verdict !== 'none') {
        flagged++;
        expect(prescreen(t), t.slice(0, 200)).toBe(true);
      }
    }
    expect(flagged).toBeGreaterThan(100); // the check above must have had something to check
  });
});
