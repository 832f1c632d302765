// Covers sites added by the user or by policy (Settings.addedSites) without a reinstall: a
// content script registered at run time for each added origin the user has granted host
// access to (optional_host_permissions https://*/*). Re-synced whenever settings or granted
// permissions change. The plan is worked out in src/core/policy/added-sites.ts.
import browser from 'webextension-polyfill';
import { categoryOfHost } from '../core/sites';
import { ADDED_SITES_SCRIPT_ID, addedSitePattern, addedSitesScript, planAddedSites, type ManifestContentScript } from '../core/policy/added-sites';
import { getEffectiveSettings, onEffectiveSettings } from './settings';

let syncing: Promise<unknown> = Promise.resolve();

async function grantedPatterns(origins: readonly string[]): Promise<string[]> {
  const granted: string[] = [];
  for (const origin of origins) {
    const pattern = addedSitePattern(origin);
    try {
      if (await browser.permissions.contains({ origins: [pattern] })) granted.push(pattern);
    } catch {
      // An origin the browser cannot parse as a pattern is not covered; the options page shows it.
    }
  }
  return granted;
}

/** Pages already open on a newly covered site get the script now instead of at next load. */
async function injectIntoOpenTabs(patterns: string[], js: string[]): Promise<void> {
  if (patterns.length === 0) return;
  const tabs = await browser.tabs.query({ url: patterns });
  for (const tab of tabs) {
    if (tab.id === undefined || !tab.url) continue;
    // Catalogue sites already have the manifest's script; a second copy would warn twice.
    if (categoryOfHost(new URL(tab.url).hostname)) continue;
    try {
      await browser.scripting.executeScript({ target: { tabId: tab.id, allFrames: true }, files: js });
    } catch (error) {
      console.info('ClientGuard: could not add protection to an open tab:', error instanceof Error ? error.message : error);
    }
  }
}

async function sync(addedSites: readonly string[]): Promise<void> {
  const manifestScript = (browser.runtime.getManifest().content_scripts?.[0] ?? {}) as ManifestContentScript;
  const wanted = addedSitesScript(manifestScript, await grantedPatterns(addedSites));
  const [registered] = await browser.scripting.getRegisteredContentScripts({ ids: [ADDED_SITES_SCRIPT_ID] });
  const plan = planAddedSites(wanted, registered);
  switch (plan.action) {
    case 'none':
      return;
    case 'unregister':
      await browser.scripting.unregisterContentScripts({ ids: [ADDED_SITES_SCRIPT_ID] });
      return;
    case 'replace':
      await browser.scripting.unregisterContentScripts({ ids: [ADDED_SITES_SCRIPT_ID] });
      await browser.scripting.registerContentScripts([plan.script]);
      break;
    case 'register':
      await browser.scripting.registerContentScripts([plan.script]);
      break;
  }
  await injectIntoOpenTabs(plan.newPatterns, plan.script.js);
}

function resync(addedSites?: readonly string[]): Promise<unknown> {
  syncing = syncing
    .then(async () => sync(addedSites ?? (await getEffectiveSettings()).addedSites))
    .catch((error: unknown) => console.error('ClientGuard: added sites sync failed:', error instanceof Error ? error.message : error));
  return syncing;
}

export function initDynamicSites(): void {
  onEffectiveSettings((settings) => {
    void resync(settings.addedSites);
  });
  // Granting happens in the options page (a click), revoking also on the extensions page.
  browser.permissions.onAdded.addListener(() => void resync());
  browser.permissions.onRemoved.addListener(() => void resync());
}
