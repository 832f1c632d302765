// The effective settings as the background computed them (defaults < user < policy), read
// from storage.local and kept current through storage.onChanged, so a change in the options
// page or in policy reaches open tabs without a reload. Until the first read completes the
// defaults apply: a paste in the first milliseconds of a page is still checked.
import { DEFAULT_SETTINGS, type EffectiveSettings } from '../core/settings';
import { isCovered } from '../core/sites';
import { STORAGE_KEYS } from '../messages';

let current: EffectiveSettings = { ...DEFAULT_SETTINGS, locked: [], policyErrors: [], adminNote: '' };
const listeners = new Set<(s: EffectiveSettings) => void>();

let rosterSize = 0;

/** Clients on the practice's roster (0: no roster). Only the count is read here. */
export function currentRosterSize(): number {
  return rosterSize;
}

export function currentSettings(): EffectiveSettings {
  return current;
}

export function onSettingsChanged(listener: (s: EffectiveSettings) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function apply(value: unknown): void {
  if (!value || typeof value !== 'object') return;
  current = { ...current, ...(value as Partial<EffectiveSettings>) };
  for (const l of listeners) l(current);
}

export function startSettingsSync(signal: AbortSignal): void {
  chrome.storage.local.get([STORAGE_KEYS.effective, STORAGE_KEYS.rosterSize]).then(
    (items) => {
      apply(items[STORAGE_KEYS.effective]);
      rosterSize = Number(items[STORAGE_KEYS.rosterSize]) || 0;
    },
    () => undefined, // extension context gone (reloaded); keep defaults
  );
  const onChanged = (changes: Record<string, chrome.storage.StorageChange>, area: string) => {
    if (area !== 'local') return;
    if (STORAGE_KEYS.effective in changes) apply(changes[STORAGE_KEYS.effective]?.newValue);
    if (STORAGE_KEYS.rosterSize in changes) rosterSize = Number(changes[STORAGE_KEYS.rosterSize]?.newValue) || 0;
  };
  chrome.storage.onChanged.addListener(onChanged);
  signal.addEventListener('abort', () => chrome.storage.onChanged.removeListener(onChanged));
}

/** The URL that decides coverage: about:blank and srcdoc frames inherit their creator's origin. */
export function pageUrlForCoverage(): string {
  const href = location.href;
  if (/^https?:/.test(href)) return href;
  return `${self.origin}/`;
}

// Asked on every paste, drop, submit and focus: parsing the URL and matching the site lists
// each time cost about 0.15 ms a paste in a CPU profile. Settings are replaced, never
// mutated (apply), so the object and the URL together key the answer.
let lastCoverage: { href: string; settings: EffectiveSettings; covered: boolean } | null = null;

/** Whether ClientGuard acts in this frame right now. */
export function isActiveHere(settings: EffectiveSettings = current): boolean {
  if (settings.mode === 'off') return false;
  const href = location.href;
  if (lastCoverage?.href !== href || lastCoverage.settings !== settings) {
    lastCoverage = { href, settings, covered: isCovered(pageUrlForCoverage(), settings) };
  }
  return lastCoverage.covered;
}
