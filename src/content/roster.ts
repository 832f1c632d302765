// Known-client roster, content-script side: builds the synchronous matcher the classifier
// uses from what the background stored (the HashedRoster and the install secret) or what
// policy holds (rosterKey). Nothing here sees or keeps a raw roster value.
import browser, { type Storage } from 'webextension-polyfill';
import { STORAGE_KEYS } from '../messages';
import type { RosterMatcher } from '../core/types';
import { createRosterMatcher, keyFromPolicy, parseStoredRoster, pickRosterKey, secretFromStored } from '../core/roster';

async function policyKey(): Promise<Uint8Array | null> {
  try {
    const managed = await browser.storage.managed.get('rosterKey');
    return keyFromPolicy(managed.rosterKey);
  } catch {
    return null; // no policy for this extension (Firefox throws), or storage.managed unavailable
  }
}

/**
 * The roster matcher, or null when there is no roster or no key for it. Never throws. Building
 * costs a few milliseconds per 10,000 clients: call it once per frame and again on change.
 */
export async function loadRosterMatcher(): Promise<RosterMatcher | null> {
  try {
    const local = await browser.storage.local.get([STORAGE_KEYS.roster, STORAGE_KEYS.installSecret]);
    const stored = parseStoredRoster(local[STORAGE_KEYS.roster]);
    if (!stored || stored.roster.count === 0) return null;
    const key = pickRosterKey(stored.roster, [await policyKey(), secretFromStored(local[STORAGE_KEYS.installSecret])]);
    if (!key) {
      console.warn('ClientGuard: the client roster was hashed with a key this browser does not have; roster matching is off');
      return null;
    }
    return createRosterMatcher(stored.roster, key);
  } catch (error) {
    console.warn('ClientGuard: client roster not loaded:', error instanceof Error ? error.message : 'failed');
    return null;
  }
}

/** Same roster (a policy URL re-fetched unchanged)? Then the matcher need not be rebuilt. */
function sameRoster(a: unknown, b: unknown): boolean {
  const x = (a as { roster?: Record<string, unknown> } | undefined)?.roster;
  const y = (b as { roster?: Record<string, unknown> } | undefined)?.roster;
  if (!x || !y) return false;
  return (['keyId', 'createdAt', 'count'] as const).every((k) => x[k] === y[k]);
}

/**
 * Calls `callback` when the roster or a key it may need changes (import, clear, policy).
 * Returns a function that stops listening.
 */
export function onRosterChanged(callback: () => void): () => void {
  const listener = (changes: Record<string, Storage.StorageChange>, area: string): void => {
    const roster = changes[STORAGE_KEYS.roster];
    const relevant =
      (area === 'local' && roster !== undefined && !sameRoster(roster.oldValue, roster.newValue)) ||
      (area === 'local' && changes[STORAGE_KEYS.installSecret] !== undefined) ||
      (area === 'managed' && changes.rosterKey !== undefined);
    if (relevant) callback();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
