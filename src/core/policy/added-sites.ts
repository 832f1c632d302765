// Sites added by the user or by policy are covered by a content script registered at run time
// (scripting.registerContentScripts), mirroring the manifest's own content script. This file
// decides what to register; src/background/dynamic-sites.ts does it.

/** "https://crm.example.com" -> "https://crm.example.com/*" (also for "https://*.example.com"). */
export function addedSitePattern(origin: string): string {
  return `${origin.replace(/\/+$/, '')}/*`;
}

export interface ManifestContentScript {
  matches?: string[];
  js?: string[];
  run_at?: string;
  all_frames?: boolean;
  match_origin_as_fallback?: boolean;
}

export interface AddedSitesScript {
  id: string;
  js: string[];
  matches: string[];
  excludeMatches: string[];
  runAt: 'document_start' | 'document_end' | 'document_idle';
  allFrames: boolean;
  matchOriginAsFallback?: boolean;
  persistAcrossSessions: boolean;
}

export const ADDED_SITES_SCRIPT_ID = 'clientguard-added-sites';

/**
 * The registration that covers `grantedPatterns`, copied from the manifest's content script so
 * that added sites get exactly what catalogue sites get (same built file, document_start, all
 * frames, origin fallback where the browser's manifest variant has it). The manifest's own
 * matches are excluded: a site in both would otherwise get the script twice.
 */
export function addedSitesScript(manifestScript: ManifestContentScript, grantedPatterns: string[]): AddedSitesScript | null {
  const js = manifestScript.js ?? [];
  if (grantedPatterns.length === 0 || js.length === 0) return null;
  const script: AddedSitesScript = {
    id: ADDED_SITES_SCRIPT_ID,
    js,
    matches: [...new Set(grantedPatterns)].sort(),
    excludeMatches: [...(manifestScript.matches ?? [])].sort(),
    runAt: (manifestScript.run_at as AddedSitesScript['runAt'] | undefined) ?? 'document_idle',
    allFrames: manifestScript.all_frames ?? false,
    persistAcrossSessions: true,
  };
  if (manifestScript.match_origin_as_fallback !== undefined) script.matchOriginAsFallback = manifestScript.match_origin_as_fallback;
  return script;
}

export type AddedSitesPlan =
  | { action: 'none' }
  | { action: 'unregister' }
  | { action: 'register'; script: AddedSitesScript; newPatterns: string[] }
  | { action: 'replace'; script: AddedSitesScript; newPatterns: string[] };

interface Registered {
  js?: string[];
  matches?: string[];
  excludeMatches?: string[];
  runAt?: string;
  allFrames?: boolean;
  matchOriginAsFallback?: boolean;
}

const same = (a: readonly string[] | undefined, b: readonly string[] | undefined) => JSON.stringify([...(a ?? [])].sort()) === JSON.stringify([...(b ?? [])].sort());

/** What to change so that the registered script equals `wanted`. */
export function planAddedSites(wanted: AddedSitesScript | null, registered: Registered | undefined): AddedSitesPlan {
  if (!wanted) return registered ? { action: 'unregister' } : { action: 'none' };
  const newPatterns = wanted.matches.filter((p) => !(registered?.matches ?? []).includes(p));
  if (!registered) return { action: 'register', script: wanted, newPatterns };
  const unchanged =
    same(registered.js, wanted.js) &&
    same(registered.matches, wanted.matches) &&
    same(registered.excludeMatches, wanted.excludeMatches) &&
    registered.runAt === wanted.runAt &&
    (registered.allFrames ?? false) === wanted.allFrames &&
    (registered.matchOriginAsFallback ?? false) === (wanted.matchOriginAsFallback ?? false);
  return unchanged ? { action: 'none' } : { action: 'replace', script: wanted, newPatterns };
}
