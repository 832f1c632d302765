// The toolbar badge shows how many warnings wait for a decision. It follows storage rather
// than events, so it is right whichever module changed the warnings and after a restart.
import browser from 'webextension-polyfill';
import { STORAGE_KEYS } from '../messages';
import type { WarningRecord } from '../core/warnings';

/** Amber: noticeable next to other icons without reading as an alarm; white text on it has
 *  a contrast ratio of 5:1. */
export const BADGE_COLOR = '#B45309';

export function pendingCount(records: unknown): number {
  return Array.isArray(records) ? (records as WarningRecord[]).filter((w) => w?.status === 'pending').length : 0;
}

async function show(count: number): Promise<void> {
  await browser.action.setBadgeText({ text: count > 0 ? String(count) : '' });
  const title = count > 0 ? browser.i18n.getMessage('popupActionTitleCount', String(count)) : '';
  await browser.action.setTitle({ title: title || browser.i18n.getMessage('actionTitle') });
}

export function initBadge(): void {
  void browser.action.setBadgeBackgroundColor({ color: BADGE_COLOR });
  // setBadgeTextColor exists from Chrome 110; Firefox picks a readable colour itself.
  void (browser.action as { setBadgeTextColor?: (d: { color: string }) => Promise<void> }).setBadgeTextColor?.({ color: '#FFFFFF' });
  let changesSeen = 0;
  browser.storage.onChanged.addListener((changes, area) => {
    const change = changes[STORAGE_KEYS.warnings];
    if (area !== 'local' || !change) return;
    changesSeen++;
    void show(pendingCount(change.newValue));
  });
  // The first read can finish after a change already shown; then it is stale.
  void browser.storage.local.get(STORAGE_KEYS.warnings).then((stored) => {
    if (changesSeen === 0) return show(pendingCount(stored[STORAGE_KEYS.warnings]));
  });
}
