// What the popup and the walkthrough read. They read storage directly, which does not need
// the service worker to be awake (waking it costs more than the popup's whole budget); every
// change still goes through the background's handlers, the store's only writer.
import browser from 'webextension-polyfill';
import { STORAGE_KEYS } from '../messages';
import { DEFAULT_SETTINGS } from '../core/settings';
import type { WarningRecord } from '../core/warnings';
import type { DecisionRecord } from '../core/decision-record';

export interface WarningsView {
  pending: WarningRecord[];
  historyRetentionDays: number;
}

export const WARNINGS_KEYS = [STORAGE_KEYS.warnings, STORAGE_KEYS.effective];

function list<T>(value: unknown): T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}

/** What the popup needs to open: pending warnings only. History (which can hold months of
 *  entries) is read when its view is opened. */
export async function loadWarnings(): Promise<WarningsView> {
  const stored = await browser.storage.local.get(WARNINGS_KEYS);
  const pending = list<WarningRecord>(stored[STORAGE_KEYS.warnings])
    .filter((w) => w.status === 'pending')
    .sort((a, b) => b.createdAt - a.createdAt);
  const days = (stored[STORAGE_KEYS.effective] as { historyRetentionDays?: unknown } | undefined)?.historyRetentionDays;
  return { pending, historyRetentionDays: typeof days === 'number' ? days : DEFAULT_SETTINGS.historyRetentionDays };
}

export async function loadHistory(): Promise<WarningRecord[]> {
  const stored = await browser.storage.local.get(STORAGE_KEYS.history);
  return list<WarningRecord>(stored[STORAGE_KEYS.history]).sort((a, b) => (b.decidedAt ?? b.createdAt) - (a.decidedAt ?? a.createdAt));
}

/** Calls `listener` with the keys that changed among `keys`; returns the unsubscribe. */
export function onStorageChanged(keys: readonly string[], listener: () => void): () => void {
  const onChanged = (changes: Record<string, unknown>, area: string): void => {
    if (area === 'local' && keys.some((k) => k in changes)) listener();
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}

export const HISTORY_KEYS = [STORAGE_KEYS.history];

export async function findPendingWarning(id: string): Promise<WarningRecord | undefined> {
  const stored = await browser.storage.local.get(STORAGE_KEYS.warnings);
  return list<WarningRecord>(stored[STORAGE_KEYS.warnings]).find((w) => w.id === id && w.status !== 'resolved');
}

// ---- Decision records ---------------------------------------------------------------------
// Written only by the walkthrough page. A Web Lock (shared by every page of this extension's
// origin) keeps two walkthrough tabs saving at once from losing one of the records.

export async function saveDecisionRecord(record: DecisionRecord): Promise<void> {
  await navigator.locks.request('clientguard:decisionRecords', async () => {
    const stored = await browser.storage.local.get(STORAGE_KEYS.decisionRecords);
    const records = list<DecisionRecord>(stored[STORAGE_KEYS.decisionRecords]).filter((r) => r.id !== record.id);
    records.unshift(record);
    await browser.storage.local.set({ [STORAGE_KEYS.decisionRecords]: records });
  });
}

export async function loadDecisionRecord(id: string): Promise<DecisionRecord | undefined> {
  const stored = await browser.storage.local.get(STORAGE_KEYS.decisionRecords);
  return list<DecisionRecord>(stored[STORAGE_KEYS.decisionRecords]).find((r) => r.id === id);
}

export function walkthroughUrl(params: { warning: string } | { record: string }): string {
  return browser.runtime.getURL(`src/popup/walkthrough.html?${new URLSearchParams(params).toString()}`);
}
