// How the interceptor talks to the rest of the extension. It uses the bare `chrome`
// namespace (Chrome, Edge and Firefox's MV3 all provide it, promise-based) rather than
// webextension-polyfill: the polyfill builds its proxies at start-up, a cost every frame of
// every covered page would pay. Extension pages and the engine use the polyfill.
import type { ContentToBackground } from '../messages';

export function send<T extends keyof ContentToBackground>(type: T, payload: ContentToBackground[T]['request']): Promise<ContentToBackground[T]['response']> {
  return chrome.runtime.sendMessage({ type, payload }) as Promise<ContentToBackground[T]['response']>;
}

/** A translated string; the name itself if missing (visible, and caught by locale tests). */
export function t(name: string, substitutions?: string | string[]): string {
  try {
    return chrome.i18n.getMessage(name, substitutions) || name;
  } catch {
    return name;
  }
}
