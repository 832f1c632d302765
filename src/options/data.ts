// What the options page reads, each kept live: effective settings (from the background, then
// storage.onChanged), the raw managed policy (for the diagnostics), host access for added
// sites and the audit queue. A policy change or a save in another tab shows without a reload.
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { STORAGE_KEYS } from '../messages';
import { sendMessage } from '../messaging';
import type { EffectiveSettings, Settings } from '../core/settings';
import { queueFromStorage, type AuditQueueState } from '../core/policy/audit-queue';
import { addedSitePattern } from '../core/policy/added-sites';

type Changes = Record<string, browser.Storage.StorageChange>;

function useStorageChange(listener: (changes: Changes, area: string) => void): void {
  useEffect(() => {
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, []);
}

export function loadEffectiveSettings(): Promise<EffectiveSettings> {
  return sendMessage('settings/get', {});
}

export function useEffectiveSettings(initial: EffectiveSettings): [EffectiveSettings, (s: EffectiveSettings) => void] {
  const [settings, setSettings] = useState(initial);
  useStorageChange((changes, area) => {
    const change = changes[STORAGE_KEYS.effective];
    if (area === 'local' && change?.newValue) setSettings(change.newValue as EffectiveSettings);
  });
  return [settings, setSettings];
}

export function saveSettings(changes: Partial<Settings>): Promise<EffectiveSettings> {
  return sendMessage('settings/save', { settings: changes });
}

export interface ManagedPolicyView {
  /** false: the browser offers no managed storage here (Firefox without policy). */
  available: boolean;
  raw: Record<string, unknown>;
}

async function readManaged(): Promise<ManagedPolicyView> {
  try {
    return { available: true, raw: (await browser.storage.managed.get()) as Record<string, unknown> };
  } catch {
    return { available: false, raw: {} };
  }
}

export function useManagedPolicy(): ManagedPolicyView | undefined {
  const [policy, setPolicy] = useState<ManagedPolicyView>();
  useEffect(() => void readManaged().then(setPolicy), []);
  useStorageChange((_changes, area) => {
    if (area === 'managed') void readManaged().then(setPolicy);
  });
  return policy;
}

export function useAuditQueue(): AuditQueueState | undefined {
  const [queue, setQueue] = useState<AuditQueueState>();
  useEffect(() => {
    void browser.storage.local.get(STORAGE_KEYS.auditQueue).then((items) => setQueue(queueFromStorage(items[STORAGE_KEYS.auditQueue])));
  }, []);
  useStorageChange((changes, area) => {
    const change = changes[STORAGE_KEYS.auditQueue];
    if (area === 'local' && change) setQueue(queueFromStorage(change.newValue));
  });
  return queue;
}

/** Which of `origins` the user has granted host access to. */
export function useGrantedOrigins(origins: readonly string[]): Record<string, boolean> {
  const [granted, setGranted] = useState<Record<string, boolean>>({});
  const key = origins.join('\n');
  useEffect(() => {
    let live = true;
    const check = async () => {
      const entries = await Promise.all(
        origins.map(async (origin) => [origin, await browser.permissions.contains({ origins: [addedSitePattern(origin)] }).catch(() => false)] as const),
      );
      if (live) setGranted(Object.fromEntries(entries));
    };
    void check();
    browser.permissions.onAdded.addListener(check);
    browser.permissions.onRemoved.addListener(check);
    return () => {
      live = false;
      browser.permissions.onAdded.removeListener(check);
      browser.permissions.onRemoved.removeListener(check);
    };
  }, [key]);
  return granted;
}
