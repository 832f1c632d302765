import { describe, expect, it } from 'vitest';
import { classify, prescreen } from '../../../src/core/classifier/index';
import { CLIENT_FORMS, NON_CLIENT_KINDS, clientList, contactProse, fakerFor, nonClient, rng, supportChat } from '../../fixtures/classifier/generators';

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

describe("prescreen at level 'warning'", () => {
  it('lets therapy words alone through, and still holds everything a warning is made of', () => {
    const workshop = ('Join our free community workshop on managing stress this weekend. Bring a friend, coffee is on us. ').repeat(100);
    expect(prescreen(workshop)).toBe(true); // a caution is possible ...
    expect(prescreen(workshop, 'warning')).toBe(false); // ... a warning is not
    expect(classify(workshop).verdict).not.toBe('warning');
    for (const t of ['Our therapy sessions with Jane Doe', 'Thanks Dana! Counseling changed my life.', 'stress, grief and appointments']) {
      expect(prescreen(t, 'warning'), t).toBe(false);
      expect(classify(t).verdict, t).not.toBe('warning');
    }
    for (const t of [
      'mail jane@x.com',
      'call (415) 555-2671',
      '5d41402abc4b2a76b9719d911017c592',
      'jane at gmail dot com',
      'My client Jo',
      'dx F32.1',
      'on sertraline',
      'her depression',
      'updated the treatment plan',
      'session notes for Jo',
      'DOB 3/4/85',
      'Jo, 12 Oak St',
      'Client Name\nJo\nAl\nBo',
      'self-harm',
      'psychiatric hold',
      'Stress and ANXIETY',
    ]) {
      expect(prescreen(t, 'warning'), t).toBe(true);
    }
  });

  it('never says no where classify() would warn (generated sets and random text with therapy words)', async () => {
    const texts: string[] = [];
    for (const form of CLIENT_FORMS) for (let k = 0; k < 4; k++) texts.push((await clientList(form, 310 + k, 3 + k)).text);
    for (const kind of NON_CLIENT_KINDS) for (let k = 0; k < 4; k++) texts.push(nonClient(kind, 410 + k, 10).text);
    for (const d of contactProse(6, 200)) texts.push(d.text);
    // Names introduced every way and made-up phones, next to a diagnosis.
    for (const d of supportChat(9, 200, { locales: ['en_US', 'de', 'es', 'pl'] })) texts.push(`${d.text} She was diagnosed with PTSD last year.`);
    const r = rng(19);
    const words = [
      'my', 'client', 'Jane', 'Doe', 'diagnosed', 'PTSD', 'session', 'sessions', 'therapy', 'therapist', 'counseling', 'stress', 'grief',
      'treatment', 'plan', 'notes', 'progress', 'note', 'appointment', 'at', 'gmail', 'dot', 'com', '415', '555', '2671', 'Street', '12',
      'DOB', '1/2/1990', 'and', 'Thanks', '\n', '\n\n', ',', 'Omar', 'Li', 'Wei', 'Dr.', 'Ms.', 'Smith', 'sertraline', 'anxious', 'patient',
      'name', 'is', 'My', 'son', 'ms.', 'Quellin', '299-666-9452', 'x204', '59-725-88-12', '0115 481 8429', '612 345 678',
    ];
    // Half from every word, half from names, titles and therapy words only (cautions at most).
    const therapyOnly = ['Jane', 'Doe', 'Omar', 'Li', 'Wei', 'Dr.', 'Ms.', 'Smith', 'session', 'sessions', 'therapy', 'therapist', 'counseling', 'stress', 'grief', 'treatment', 'appointment', 'anxious', 'and', 'with', ',', '\n', 'Thanks', 'our'];
    for (let k = 0; k < 1500; k++) {
      const from = k % 2 ? words : therapyOnly;
      texts.push(Array.from({ length: 3 + Math.floor(r() * 30) }, () => from[Math.floor(r() * from.length)]).join(' '));
    }
    let warned = 0;
    let cautionOnly = 0;
    for (const t of texts) {
      const verdict = classify(t).verdict;
      if (verdict === 'warning') {
        warned++;
        expect(prescreen(t, 'warning'), t.slice(0, 200)).toBe(true);
      } else if (verdict === 'caution' && !prescreen(t, 'warning')) {
        cautionOnly++;
      }
    }
    // Both sides must have been exercised: warnings to hold, and cautions the level lets pass.
    expect(warned).toBeGreaterThan(300);
    expect(cautionOnly).toBeGreaterThan(20);
  });
});

describe('prescreen over the generated sets', () => {
  it('flags every generated client list, in every form and size', async () => {
    let checked = 0;
    for (const form of CLIENT_FORMS) {
      for (let k = 0; k < 6; k++) {
        const s = await clientList(form, 900 + k, [3, 5, 8, 13, 21, 30][k] as number);
        expect(prescreen(s.text), `${form} seed ${900 + k}:\n${s.text.slice(0, 200)}`).toBe(true);
        if (s.html) expect(prescreen(s.html), `${form} html`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBe(CLIENT_FORMS.length * 6);
  });

  it('answers for a text as it does for its tokens: digit-free ordinary sentences that pass still pass joined', () => {
    const f = fakerFor('en', 77);
    const r = rng(77);
    const sentences: string[] = [];
    while (sentences.length < 300) {
      const s = (r() < 0.5 ? `The ${f.word.adjective()} ${f.word.noun()} ${f.word.verb()}s the ${f.word.noun()}.` : f.company.catchPhrase()).replace(/\d/g, '');
      if (!prescreen(s)) sentences.push(s);
    }
    // Joined with spaces, line breaks, hyphens, camelCase and mixed scripts: no state leaks
    // from one token to the next, so the joined text still passes.
    const seps = [' ', '\n', '\n\n', ' - ', ', ', '\t', ' · ', ' — '];
    for (let k = 0; k < 200; k++) {
      let t = '';
      const len = 1 + Math.floor(r() * 40);
      for (let j = 0; j < len; j++) t += (j ? (seps[Math.floor(r() * seps.length)] as string) : '') + (sentences[Math.floor(r() * sentences.length)] as string);
      expect(prescreen(t), t.slice(0, 200)).toBe(false);
      expect(prescreen('Über ' + t + ' 東京')).toBe(false);
    }
  });

  it('keeps every answer on strings of every internal kind (flat, sliced, joined, two-byte)', () => {
    const base = 'Ordinary words about the weather and the garden, nothing else. ';
    const long = base.repeat(2000);
    const variants = [long, long.slice(3), long + 'x', `${long}Über`, Buffer.from(long, 'utf16le').toString('utf16le'), [long, long].join('\n')];
    for (const v of variants) {
      expect(prescreen(v)).toBe(false);
      expect(prescreen(v + ' jane@x.com')).toBe(true);
      expect(prescreen(v + ' call 415 555 2671')).toBe(true);
      expect(prescreen(v + ' on sertraline')).toBe(true);
      expect(prescreen(v + ' 12 Oak St')).toBe(true);
      expect(prescreen(`${'5d41402abc4b2a76b9719d911017c592'} ${v}`)).toBe(true);
    }
  });
});
