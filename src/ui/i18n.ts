// One way to read translated strings in every UI (dialog, popup, options).
import browser from 'webextension-polyfill';

/** The message for `name` in the browser's language; the name itself if it is missing, so a
 *  missing string is visible (and caught by the locale tests) rather than an empty label. */
export function t(name: string, substitutions?: string | string[]): string {
  try {
    return browser.i18n.getMessage(name, substitutions) || name;
  } catch {
    return name;
  }
}

/** Language of the UI, for <html lang>. */
export function uiLanguage(): string {
  try {
    return browser.i18n.getUILanguage();
  } catch {
    return 'en';
  }
}
