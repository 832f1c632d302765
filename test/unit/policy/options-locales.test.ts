// Every string on the options page comes from the browser's catalogue, in English and Spanish.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { PROBLEM_MESSAGES, TYPE_MESSAGES } from '../../../src/options/problem-messages';

const ROOT = join(__dirname, '../../..');
const OPTIONS_DIR = join(ROOT, 'src/options');

type Catalogue = Record<string, { message: string; description?: string }>;

function catalogue(lang: string): Catalogue {
  const dir = join(ROOT, 'src/locales', lang);
  return Object.assign({}, ...readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Catalogue));
}

function area(lang: string, name: string): Catalogue {
  return JSON.parse(readFileSync(join(ROOT, 'src/locales', lang, `${name}.json`), 'utf8')) as Catalogue;
}

const sources = readdirSync(OPTIONS_DIR).filter((f) => /\.tsx?$/.test(f)).map((f) => ({ file: f, text: readFileSync(join(OPTIONS_DIR, f), 'utf8') }));

describe('options page strings', () => {
  const en = catalogue('en');
  const es = catalogue('es');

  it('names only messages that exist in both languages', () => {
    const names = new Set<string>();
    for (const { text } of sources) {
      for (const m of text.matchAll(/\bt\('([A-Za-z0-9_]+)'/g)) names.add(m[1] as string);
      for (const m of text.matchAll(/'((?:options|admin|siteCategory|channel)[A-Z][A-Za-z0-9]*)'/g)) names.add(m[1] as string);
    }
    for (const name of [...Object.values(PROBLEM_MESSAGES), ...Object.values(TYPE_MESSAGES), 'adminProblemUnknownKeySuggest']) names.add(name);
    expect(names.size).toBeGreaterThan(100);
    const missing = [...names].filter((n) => !en[n]?.message || !es[n]?.message);
    expect(missing).toEqual([]);
  });

  it('has the same names and placeholders in English and Spanish', () => {
    for (const name of ['options', 'admin']) {
      const enArea = area('en', name);
      const esArea = area('es', name);
      expect(Object.keys(esArea).sort()).toEqual(Object.keys(enArea).sort());
      for (const [key, value] of Object.entries(enArea)) {
        const placeholders = (s: string) => [...s.matchAll(/\$\d/g)].map((m) => m[0]).sort();
        expect(placeholders(esArea[key]?.message ?? ''), key).toEqual(placeholders(value.message));
        expect(value.description, key).toBeTruthy();
      }
    }
  });

  it('has no hard-coded text in JSX', () => {
    for (const { file, text } of sources.filter((s) => s.file.endsWith('.tsx'))) {
      const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
      const found: string[] = [];
      const visit = (node: ts.Node): void => {
        if (ts.isJsxText(node) && /\p{L}/u.test(node.text)) found.push(node.text.trim());
        // Attributes people read: labels for assistive technology, placeholders, titles.
        if (ts.isJsxAttribute(node) && /^(aria-label|placeholder|title|alt)$/.test(node.name.getText()) && node.initializer && ts.isStringLiteral(node.initializer)) {
          found.push(node.initializer.text);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
      expect(found, file).toEqual([]);
    }
  });
});
