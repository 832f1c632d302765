// Every string the popup and the walkthrough show comes from the browser's i18n catalogue
// (src/locales/<lang>/popup.json, merged at build). A missing name is logged and shown as the
// name itself, so it is noticed instead of leaving an empty label.
import browser from 'webextension-polyfill';
import type { Translate } from '../core/decision-record';

export const t: Translate = (name, substitutions) => {
  const message = browser.i18n.getMessage(name, substitutions);
  if (message) return message;
  console.warn(`ClientGuard: missing message "${name}"`);
  return name;
};

export const uiLanguage = browser.i18n.getUILanguage();

// Formatters are built once: constructing Intl objects per row is what makes long lists slow.
const absolute = new Intl.DateTimeFormat(uiLanguage, { dateStyle: 'medium', timeStyle: 'short' });
const relative = new Intl.RelativeTimeFormat(uiLanguage, { numeric: 'auto' });

export function formatDate(ms: number): string {
  return absolute.format(ms);
}

const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 4.35],
  ['month', 12],
  ['year', Infinity],
];

/** "5 minutes ago", "yesterday" in the UI language. */
export function formatRelative(ms: number, now: number): string {
  let value = (ms - now) / 1000;
  for (const [unit, size] of STEPS) {
    if (Math.abs(value) < size) return relative.format(Math.round(value), unit);
    value /= size;
  }
  return absolute.format(ms);
}

/** Sets the document's language, direction and title from the catalogue. */
export function localiseDocument(titleName: string): void {
  document.documentElement.lang = uiLanguage;
  document.documentElement.dir = browser.i18n.getMessage('@@bidi_dir') || 'ltr';
  document.title = t(titleName);
}
