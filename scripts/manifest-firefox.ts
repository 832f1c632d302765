// The Firefox variant of the built manifest. Every difference between the Chrome/Edge package
// and the Firefox one is here, as data, so that it can be read (and tested) in one place.
// Pure: takes the manifest vite wrote to the build directory, returns a new object.
//
// What changes and why (checked with `web-ext lint`, see docs/admin-deployment.md):
// - browser_specific_settings.gecko.id: Firefox needs a fixed add-on id in Manifest V3 (lint
//   error ADDON_ID_REQUIRED otherwise), and managed policy is addressed to it
//   (policies.json "3rdparty" > "Extensions" > id). Never change it once deployed: it is the
//   add-on's identity for signing, updates and policy.
// - strict_min_version 140.0 (the 140 ESR line). Everything the extension relies on is older
//   (Manifest V3 from 109, scripting.registerContentScripts from 102 and in MV3 from 109,
//   optional_host_permissions and match_origin_as_fallback from 128, background scripts as ES
//   modules from 112, storage.managed from 57). 140 is the first version with Firefox's
//   built-in data-collection consent (data_collection_permissions): 127 and older refuse a
//   manifest that has the key, 128 to 139 ignore it, and AMO's policy then asks the add-on to
//   show a consent screen of its own. 128 ESR would need that screen; 140 does not.
// - background.scripts instead of background.service_worker: Firefox runs MV3 backgrounds as
//   event pages, not service workers (lint error BACKGROUND_SERVICE_WORKER_NOFALLBACK).
//   The same file, still an ES module ("type": "module").
// - key and minimum_chrome_version are Chrome-only: `key` fixes the Chrome extension id and
//   means nothing to Firefox (which warns about it at install); the version floor is
//   strict_min_version.
// - storage.managed_schema is Chrome-only: Firefox has no schema for managed storage and
//   passes what policies.json holds (src/core/policy/schema.ts checks it for every browser).
//   The schema file stays in the package; Firefox ignores it.
// - data_collection_permissions: see FIREFOX_DATA_COLLECTION below. Firefox for Android
//   understands it from 142, hence gecko_android.strict_min_version (without it the linter
//   warns KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_MIN_VERSION). Android has no enterprise policy,
//   so ClientGuard is not offered there; the floor only keeps the manifest truthful.

/** The Firefox add-on id. Stable forever: policies.json, signing and updates all key on it. */
export const FIREFOX_ADDON_ID = 'clientguard@clientguard.app';

/** The oldest Firefox accepted (the 140 ESR line; see the list above). */
export const FIREFOX_MIN_VERSION = '140.0';

/** Firefox for Android's floor: the first version with data_collection_permissions. */
export const FIREFOX_ANDROID_MIN_VERSION = '142.0';

/**
 * What Firefox shows (and asks consent for) at install. ClientGuard sends nothing by default.
 * When the practice's managed policy sets reportingEndpoint, audit events go to that endpoint:
 * the hostname of the site (browsingActivity) and what the user did there — paste, upload,
 * post, the decision (websiteActivity). Never content, never names or contact details (see
 * src/core/policy/audit-events.ts). Mozilla's policy counts any transmission outside the
 * browser, including to a server the practice runs, so this is declared rather than "none".
 * Installs made by enterprise policy (the way practices deploy) skip the consent prompt.
 */
export const FIREFOX_DATA_COLLECTION = {
  required: ['browsingActivity', 'websiteActivity'],
} as const;

/** Manifest keys Firefox does not use; removed from its variant. */
export const CHROME_ONLY_KEYS = ['key', 'minimum_chrome_version', 'update_url', 'export', 'oauth2', 'side_panel'] as const;

export interface FirefoxManifestOptions {
  id?: string;
  strictMinVersion?: string;
  /** For self-distribution: the HTTPS URL of an updates.json (docs/policies/firefox-updates.json).
   *  It must be in the manifest before AMO signs the file; AMO refuses it on listed add-ons. */
  updateUrl?: string;
}

type Manifest = Record<string, unknown>;

function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function httpsUrl(value: string): string {
  const url = new URL(value);
  if (url.protocol !== 'https:') throw new Error(`update URL must be https: ${value}`);
  return url.href;
}

export function firefoxManifest(built: Manifest, options: FirefoxManifestOptions = {}): Manifest {
  if (built.manifest_version !== 3) throw new Error(`expected a Manifest V3 manifest, got manifest_version ${String(built.manifest_version)}`);
  const manifest = copy(built);

  for (const key of CHROME_ONLY_KEYS) delete manifest[key];

  const background = manifest.background as { service_worker?: string; scripts?: string[]; type?: string } | undefined;
  if (background) {
    const scripts = background.scripts ?? (background.service_worker ? [background.service_worker] : []);
    if (scripts.length === 0) throw new Error('background has neither service_worker nor scripts');
    manifest.background = background.type ? { scripts, type: background.type } : { scripts };
  }

  const storage = manifest.storage as { managed_schema?: string } | undefined;
  if (storage) {
    delete storage.managed_schema;
    if (Object.keys(storage).length === 0) delete manifest.storage;
  }

  const specific = (manifest.browser_specific_settings ?? {}) as Record<string, Record<string, unknown>>;
  manifest.browser_specific_settings = {
    ...specific,
    gecko: {
      ...specific.gecko,
      id: options.id ?? FIREFOX_ADDON_ID,
      strict_min_version: options.strictMinVersion ?? FIREFOX_MIN_VERSION,
      data_collection_permissions: copy(FIREFOX_DATA_COLLECTION),
      ...(options.updateUrl ? { update_url: httpsUrl(options.updateUrl) } : {}),
    },
    gecko_android: { ...specific.gecko_android, strict_min_version: FIREFOX_ANDROID_MIN_VERSION },
  };
  return manifest;
}
