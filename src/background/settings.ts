// Effective settings: defaults < user settings (storage.local) < managed policy. The result is
// written to storage.local under STORAGE_KEYS.effective, which content scripts read and watch,
// so option and policy changes reach open tabs without a reload. Policy can change while the
// browser runs (Chromium re-reads it every few hours or on "Reload policies"; Firefox at
// start-up): storage.onChanged for the managed area triggers a recompute.
import browser from 'webextension-polyfill';
import { STORAGE_KEYS } from '../messages';
import type { EffectiveSettings } from '../core/settings';
import { mergeSettings } from '../core/policy/merge';
import { validatePolicy } from '../core/policy/policy';
import { applyUserChanges, type UserSettings } from '../core/policy/user-settings';
import { handle } from './router';

type Listener = (settings: EffectiveSettings, previous: EffectiveSettings | undefined) => void | Promise<void>;

const listeners: Listener[] = [];
let current: Promise<EffectiveSettings> | undefined;
let lastWritten: string | undefined;
// Recomputes run one after another so that a slow managed-storage read cannot overwrite a
// newer result with an older one.
let queue: Promise<unknown> = Promise.resolve();

/**
 * What the browser's managed storage holds. Firefox throws when no policy names this
 * extension ("Managed storage manifest not found"), and any browser may throw while policy is
 * loading: both mean "no policy" here, never a crash.
 */
async function readManagedPolicy(): Promise<unknown> {
  try {
    return await browser.storage.managed.get();
  } catch {
    return undefined;
  }
}

async function readUserSettings(): Promise<UserSettings> {
  const stored = await browser.storage.local.get(STORAGE_KEYS.settings);
  const value = stored[STORAGE_KEYS.settings];
  return value && typeof value === 'object' ? (value as UserSettings) : {};
}

async function compute(): Promise<EffectiveSettings> {
  const [raw, user] = await Promise.all([readManagedPolicy(), readUserSettings()]);
  const policy = validatePolicy(raw);
  if (policy.problems.length > 0) {
    // Keys and rule names only; values can be credentials.
    console.warn('ClientGuard: policy problems:', policy.problems.map((p) => `${p.key}: ${(p as { code?: string }).code ?? 'invalid'}`).join('; '));
  }
  return mergeSettings({ user, policy });
}

async function publish(settings: EffectiveSettings): Promise<void> {
  const json = JSON.stringify(settings);
  if (lastWritten === undefined) {
    const stored = await browser.storage.local.get(STORAGE_KEYS.effective);
    lastWritten = JSON.stringify(stored[STORAGE_KEYS.effective] ?? null);
  }
  // Unchanged settings are not rewritten: every write wakes the listener in every open tab.
  if (json === lastWritten) return;
  await browser.storage.local.set({ [STORAGE_KEYS.effective]: settings });
  lastWritten = json;
}

function recompute(): Promise<EffectiveSettings> {
  const previousPromise = current;
  const next = queue.then(async () => {
    const previous = await previousPromise?.catch(() => undefined);
    const settings = await compute();
    await publish(settings);
    for (const listener of listeners) {
      try {
        await listener(settings, previous);
      } catch (error) {
        console.error('ClientGuard: settings listener failed:', error instanceof Error ? error.message : error);
      }
    }
    return settings;
  });
  queue = next.catch(() => undefined);
  current = next;
  return next;
}

/** The settings in force now (waits for the first computation after the worker starts). */
export function getEffectiveSettings(): Promise<EffectiveSettings> {
  return current ?? recompute();
}

/** Called with every newly computed result, including the first one after start-up. */
export function onEffectiveSettings(listener: Listener): void {
  listeners.push(listener);
}

async function saveUserSettings(changes: unknown): Promise<EffectiveSettings> {
  const before = await getEffectiveSettings();
  const stored = await readUserSettings();
  const { next, ignoredLocked, problems } = applyUserChanges(stored, changes, before.locked);
  if (ignoredLocked.length > 0) console.info('ClientGuard: ignored changes to settings locked by policy:', ignoredLocked.join(', '));
  if (problems.length > 0) console.info('ClientGuard: ignored invalid settings:', problems.map((p) => p.key).join(', '));
  await browser.storage.local.set({ [STORAGE_KEYS.settings]: next });
  return recompute();
}

export function initSettings(): void {
  handle('settings/get', 'ui', () => getEffectiveSettings());
  handle('settings/save', 'ui', ({ settings }) => saveUserSettings(settings));
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'managed' || (area === 'local' && STORAGE_KEYS.settings in changes)) void recompute();
  });
  void recompute();
}
