// The browser's i18n catalogue for unit tests: the same merged locale files the build ships,
// with Chrome's substitution rules ($NAME$ placeholders, then $1…$9, "$$" for a dollar sign).
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Translate } from '../../../src/core/decision-record';

export const LOCALES_DIR = resolve(__dirname, '../../../src/locales');

export interface ChromeMessage {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

export type Catalogue = Record<string, ChromeMessage>;

export function readLocaleFile(lang: string, file: string): Catalogue {
  return JSON.parse(readFileSync(join(LOCALES_DIR, lang, file), 'utf8')) as Catalogue;
}

/** All files of one language merged, as vite.config.ts does. */
export function mergedCatalogue(lang: string): Catalogue {
  const merged: Catalogue = {};
  for (const file of readdirSync(join(LOCALES_DIR, lang)).filter((f) => f.endsWith('.json'))) Object.assign(merged, readLocaleFile(lang, file));
  return merged;
}

export function render(entry: ChromeMessage, substitutions: string[] = []): string {
  const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
    const placeholder = Object.entries(entry.placeholders ?? {}).find(([key]) => key.toLowerCase() === name.toLowerCase());
    return placeholder ? placeholder[1].content : whole;
  });
  return named.replace(/\$(\$|[1-9])/g, (_, c: string) => (c === '$' ? '$' : (substitutions[Number(c) - 1] ?? '')));
}

/** A translator like browser.i18n.getMessage; unknown names throw so tests notice them. */
export function translator(lang: string): Translate {
  const catalogue = mergedCatalogue(lang);
  return (name, substitutions) => {
    const entry = catalogue[name];
    if (!entry) throw new Error(`no message "${name}" in ${lang}`);
    return render(entry, substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions]);
  };
}
