// What the options page reads, each kept live: effective settings (from the background, then
// storage.onChanged), the raw managed policy (for the diagnostics), host access for added
// sites and the audit queue. A policy change or a save in another tab shows without a reload.
import { useEffect, useRef, useState } from 'preact/hooks';
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

/**
 * The effective settings, kept live, and a save that shows its change at once. Saves are
 * answered in order, so while two are in flight the first answer (and its storage.onChanged
 * echo) lacks the second change: the changes not yet answered are laid over whatever arrives,
 * or a checkbox ticked right after editing a number would flip back for a moment. A failed
 * save drops its change, and the page shows what is stored.
 */
export function useEffectiveSettings(initial: EffectiveSettings): [EffectiveSettings, (changes: Partial<Settings>) => Promise<EffectiveSettings>] {
  const [stored, setStored] = useState(initial);
  const [pending, setPending] = useState<Partial<Settings>[]>([]);
  // An answer older than one already shown would put an earlier state back.
  const sent = useRef(0);
  const answered = useRef(0);
  useStorageChange((changes, area) => {
    const change = changes[STORAGE_KEYS.effective];
    if (area === 'local' && change?.newValue) setStored(change.newValue as EffectiveSettings);
  });
  const save = async (changes: Partial<Settings>): Promise<EffectiveSettings> => {
    setPending((p) => [...p, changes]);
    const id = ++sent.current;
    try {
      const next = await sendMessage('settings/save', { settings: changes });
      if (id > answered.current) {
        answered.current = id;
        setStored(next);
      }
      return next;
    } finally {
      setPending((p) => p.filter((c) => c !== changes));
    }
  };
  const shown = pending.reduce<EffectiveSettings>((s, c) => ({ ...s, ...c }), stored);
  return [shown, save];
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
