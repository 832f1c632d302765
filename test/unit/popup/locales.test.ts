// The popup's and walkthrough's strings: English and Spanish define the same names with the
// same placeholders, and every name the code asks for exists in both.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { mergedCatalogue, readLocaleFile, render, type Catalogue } from './catalogue';
import { ALTERNATIVE_IDS, CHANNEL_LABEL, CODE_IDS, DECISION_LABEL, KIND_LABEL, OUTCOME_LABEL, PENDING_LABEL, PRINCIPLE_IDS, REASON_LABEL, stem, TEST_IDS } from '../../../src/core/decision-record';

const ROOT = resolve(__dirname, '../../..');
const en = readLocaleFile('en', 'popup.json');
const es = readLocaleFile('es', 'popup.json');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(f) ? [path] : [];
  });
}

const SOURCES = [...sourceFiles(join(ROOT, 'src/popup')), join(ROOT, 'src/core/decision-record.ts'), join(ROOT, 'src/background/badge.ts')];

/** Names passed as string literals to t(...) or getMessage(...), and message-name tables. */
function literalNames(): Set<string> {
  const names = new Set<string>();
  for (const file of SOURCES) {
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/\b(?:t|getMessage|localiseDocument)\(\s*'([A-Za-z0-9_@]+)'/g)) names.add(m[1] as string);
    // t(cond ? 'a' : 'b')
    for (const m of code.matchAll(/\bt\([^()]*\?\s*'([A-Za-z0-9_]+)'\s*:\s*'([A-Za-z0-9_]+)'/g)) {
      names.add(m[1] as string);
      names.add(m[2] as string);
    }
    for (const m of code.matchAll(/\b(?:titleName|helpName)="([A-Za-z0-9_]+)"/g)) names.add(m[1] as string);
  }
  names.delete('@@bidi_dir'); // predefined by the browser
  return names;
}

/** Names built from ids at run time (walkthroughCode<Id>, …) and label tables. */
function derivedNames(): string[] {
  return [
    ...CODE_IDS.flatMap((id) => [`walkthroughCode${stem(id)}`, `walkthroughCode${stem(id)}Detail`]),
    ...PRINCIPLE_IDS.flatMap((id) => [`walkthroughPrinciple${stem(id)}`, `walkthroughPrinciple${stem(id)}Detail`]),
    ...ALTERNATIVE_IDS.flatMap((id) => [`walkthroughAlt${stem(id)}`, `walkthroughAlt${stem(id)}Detail`]),
    ...TEST_IDS.map((id) => `walkthroughTest${stem(id)}`),
    ...['yes', 'no', 'unsure'].map((a) => `walkthroughAnswer${stem(a)}`),
    ...Object.values(OUTCOME_LABEL),
    ...Object.values(REASON_LABEL),
    ...Object.values(PENDING_LABEL),
    ...Object.values(DECISION_LABEL),
    ...Object.values(CHANNEL_LABEL),
    ...Object.values(KIND_LABEL),
  ];
}

function placeholders(c: Catalogue, name: string): string[] {
  return Object.entries(c[name]?.placeholders ?? {})
    .map(([k, v]) => `${k}=${v.content}`)
    .sort();
}

describe('popup locales', () => {
  it('English and Spanish define the same names', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
  });

  it('names are prefixed popup or walkthrough', () => {
    expect(Object.keys(en).filter((n) => !/^(popup|walkthrough)[A-Z]/.test(n))).toEqual([]);
  });

  it('every message is non-empty and uses only its declared placeholders, the same in both languages', () => {
    for (const [lang, c] of [['en', en], ['es', es]] as const) {
      for (const [name, entry] of Object.entries(c)) {
        expect(entry.message.trim(), `${lang} ${name}`).not.toBe('');
        const used = [...entry.message.replace(/\$\$/g, '').matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => (m[1] as string).toLowerCase()).sort();
        expect([...new Set(used)], `${lang} ${name}`).toEqual(Object.keys(entry.placeholders ?? {}).sort());
        // A lone "$" before a digit would be eaten as a substitution ("$7.8" -> ".8").
        expect(entry.message.replace(/\$\$/g, '').replace(/\$[A-Za-z0-9_@]+\$/g, ''), `${lang} ${name}`).not.toMatch(/\$/);
      }
      for (const name of Object.keys(en)) expect(placeholders(es, name), name).toEqual(placeholders(en, name));
    }
  });

  it('every name the popup, walkthrough and badge use exists in both languages', () => {
    const wanted = [...literalNames(), ...derivedNames()];
    expect(wanted.length).toBeGreaterThan(150);
    for (const lang of ['en', 'es']) {
      const all = mergedCatalogue(lang);
      expect(wanted.filter((n) => !all[n]), lang).toEqual([]);
    }
  });

  it('every popup and walkthrough message is used', () => {
    const used = new Set([...literalNames(), ...derivedNames()]);
    expect(Object.keys(en).filter((n) => !used.has(n))).toEqual([]);
  });

  it('no name clashes with another area’s file (the build would fail)', () => {
    for (const lang of ['en', 'es']) {
      const others = readdirSync(join(ROOT, 'src/locales', lang)).filter((f) => f.endsWith('.json') && f !== 'popup.json');
      const theirs = new Set(others.flatMap((f) => Object.keys(readLocaleFile(lang, f))));
      expect(Object.keys(lang === 'en' ? en : es).filter((n) => theirs.has(n))).toEqual([]);
    }
  });

  it('renders placeholders and dollar signs the way Chrome does', () => {
    expect(render(en.popupPendingTab as never, ['3'])).toBe('Pending (3)');
    expect(render(en.walkthroughCodeFtcBetterHelpDetail as never)).toContain('US$7.8 million');
  });
});
