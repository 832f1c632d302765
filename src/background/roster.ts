// Known-client roster, background side. Keeps the install secret, turns an imported roster
// file into keyed hashes (the bytes are dropped right after) and applies a roster deployed by
// managed policy (rosterKey + rosterUrl or rosterInline). storage.local only ever holds the
// HashedRoster (STORAGE_KEYS.roster) and the secret (STORAGE_KEYS.installSecret); see
// docs/roster.md for why the secret sits there and what that means.
import browser from 'webextension-polyfill';
import { STORAGE_KEYS, type ResponseOf } from '../messages';
import {
  bytesToHex,
  generateKey,
  hashRoster,
  keyFromPolicy,
  keyIdOf,
  parseHashedRoster,
  parseRoster,
  parseStoredRoster,
  pickRosterKey,
  secretFromStored,
  type HashedRoster,
  type StoredRoster,
} from '../core/roster';
import { isAllowedServiceUrl } from '../core/policy/fields';
import { handle } from './router';

/** Larger files are refused before parsing: a roster export is far smaller (10,000 clients
 *  make about 650 KB of CSV), and the bytes travel as a JSON number array in one message,
 *  which Chrome caps at 64 MiB. */
export const MAX_ROSTER_FILE_BYTES = 10 * 1024 * 1024;
/** A policy roster URL is fetched again at most this often (on worker start or policy change). */
export const ROSTER_REFRESH_MS = 6 * 60 * 60 * 1000;
const FETCH_TIMEOUT_MS = 30_000;

export interface RosterPolicy {
  key: Uint8Array | null;
  url: string | null;
  inline: string | null;
}

/** Managed policy's roster keys. Absent policy (or Firefox without a managed manifest) = none. */
export async function readRosterPolicy(): Promise<RosterPolicy> {
  let raw: Record<string, unknown> = {};
  try {
    raw = ((await browser.storage.managed.get(['rosterKey', 'rosterUrl', 'rosterInline'])) ?? {}) as Record<string, unknown>;
  } catch {
    // No policy for this extension.
  }
  let url: string | null = null;
  if (typeof raw.rosterUrl === 'string' && raw.rosterUrl.trim()) {
    try {
      const parsed = new URL(raw.rosterUrl.trim());
      if (isAllowedServiceUrl(parsed) && !parsed.username && !parsed.password) url = parsed.href;
      else console.warn('ClientGuard: policy rosterUrl ignored: not an https URL');
    } catch {
      console.warn('ClientGuard: policy rosterUrl ignored: not a URL');
    }
  }
  let inline: string | null = null;
  if (typeof raw.rosterInline === 'string' && raw.rosterInline.trim()) inline = raw.rosterInline;
  else if (raw.rosterInline && typeof raw.rosterInline === 'object') inline = JSON.stringify(raw.rosterInline);
  const key = keyFromPolicy(raw.rosterKey);
  if (raw.rosterKey !== undefined && !key) console.warn('ClientGuard: policy rosterKey ignored: not a hex key of at least 32 digits');
  return { key, url, inline };
}

let secretInFlight: Promise<Uint8Array> | null = null;

/**
 * The per-install secret: made once with the CSPRNG, kept in storage.local as hex. Read afresh
 * each time (never cached in the worker), so everyone uses what storage holds; concurrent first
 * calls share one generation.
 */
export function getInstallSecret(): Promise<Uint8Array> {
  secretInFlight ??= (async () => {
    const stored = await browser.storage.local.get(STORAGE_KEYS.installSecret);
    const existing = secretFromStored(stored[STORAGE_KEYS.installSecret]);
    if (existing) return existing;
    await browser.storage.local.set({ [STORAGE_KEYS.installSecret]: bytesToHex(generateKey()) });
    // Read back: if two contexts raced, both end up with whatever was written last.
    const again = await browser.storage.local.get(STORAGE_KEYS.installSecret);
    const secret = secretFromStored(again[STORAGE_KEYS.installSecret]);
    if (!secret) throw new Error('install secret could not be stored');
    return secret;
  })().finally(() => (secretInFlight = null));
  return secretInFlight;
}

async function readStored(): Promise<StoredRoster | null> {
  const stored = await browser.storage.local.get(STORAGE_KEYS.roster);
  try {
    return parseStoredRoster(stored[STORAGE_KEYS.roster]);
  } catch {
    return null; // unreadable: treated as none, replaced by the next import or policy roster
  }
}

/**
 * Writes the usable roster size under STORAGE_KEYS.rosterSize (0: no roster, or no key for it
 * here), which every frame reads cheaply to know whether roster matching is on.
 */
async function publishRosterSize(): Promise<void> {
  const stored = await readStored();
  let size = 0;
  if (stored) {
    const [policy, local] = await Promise.all([readRosterPolicy(), browser.storage.local.get(STORAGE_KEYS.installSecret)]);
    if (pickRosterKey(stored.roster, [policy.key, secretFromStored(local[STORAGE_KEYS.installSecret])])) size = stored.roster.count;
  }
  const current = await browser.storage.local.get(STORAGE_KEYS.rosterSize);
  if (current[STORAGE_KEYS.rosterSize] !== size) await browser.storage.local.set({ [STORAGE_KEYS.rosterSize]: size });
}

// Imports, clears and policy syncs run one at a time: storage has no transactions.
let chain: Promise<unknown> = Promise.resolve();
function serial<T>(task: () => Promise<T>): Promise<T> {
  const run = chain.then(task);
  chain = run.catch(() => undefined);
  return run;
}

const MANAGED_BY_POLICY = 'Your organization manages the client roster on this computer.';

export function importRoster(fileName: string, bytes: number[]): Promise<ResponseOf<'roster/import'>> {
  return serial(async () => {
    if (!Array.isArray(bytes) || bytes.length === 0) return { ok: false, count: 0, problems: ['The file is empty.'] };
    if (bytes.length > MAX_ROSTER_FILE_BYTES) {
      bytes.length = 0;
      return { ok: false, count: 0, problems: ['The file is too large for a client roster (over 10 MB).'] };
    }
    const policy = await readRosterPolicy();
    if (policy.url || policy.inline) {
      bytes.length = 0;
      return { ok: false, count: 0, problems: [MANAGED_BY_POLICY] };
    }
    const data = Uint8Array.from(bytes);
    bytes.length = 0; // the message's copy of the file
    let hashed: HashedRoster;
    let problems: string[];
    try {
      const parsed = parseRoster(data, typeof fileName === 'string' ? fileName : '');
      problems = parsed.problems;
      if (parsed.entries.length === 0) return { ok: false, count: 0, problems };
      hashed = hashRoster(parsed.entries, policy.key ?? (await getInstallSecret()));
      parsed.entries.length = 0;
    } finally {
      // The bytes are zeroed; the parsed strings are unreachable once this returns (JS strings
      // cannot be wiped) and nothing of them was written anywhere.
      data.fill(0);
    }
    const stored: StoredRoster = { roster: hashed, source: 'user', importedAt: Date.now() };
    try {
      await browser.storage.local.set({ [STORAGE_KEYS.roster]: stored });
    } catch {
      return { ok: false, count: 0, problems: ['The roster could not be saved (browser storage is full).'] };
    }
    await publishRosterSize();
    return { ok: true, count: hashed.count, problems };
  });
}

export async function rosterStatus(): Promise<ResponseOf<'roster/status'>> {
  const stored = await readStored();
  if (!stored) return { count: 0, importedAt: null, source: 'none' };
  return { count: stored.roster.count, importedAt: stored.importedAt, source: stored.source };
}

export function clearRoster(): Promise<ResponseOf<'roster/clear'>> {
  return serial(async () => {
    const stored = await readStored();
    if (stored?.source === 'policy') return { ok: false };
    await browser.storage.local.remove(STORAGE_KEYS.roster);
    await publishRosterSize();
    return { ok: true };
  });
}

async function fetchHashedRoster(url: string): Promise<HashedRoster> {
  const response = await fetch(url, {
    cache: 'no-store',
    credentials: 'omit',
    signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
  });
  if (!isAllowedServiceUrl(new URL(response.url || url))) throw new Error('redirected away from https');
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const text = await response.text();
  // storage.local holds 10 MB without the unlimitedStorage permission: about 75,000 clients.
  if (text.length > MAX_ROSTER_FILE_BYTES) throw new Error('too large');
  return parseHashedRoster(text);
}

/**
 * Applies the policy roster, if any: inline JSON, or the URL (re-fetched when the URL changed
 * or the copy is older than ROSTER_REFRESH_MS). A failed fetch keeps the last good copy.
 * When policy no longer names a roster, a policy roster is removed (a user's stays).
 */
export function syncPolicyRoster(now = Date.now()): Promise<void> {
  return serial(async () => {
    await applyPolicyRoster(now);
    // Also after a policy key change alone: it can make a stored roster usable or not.
    await publishRosterSize();
  });
}

async function applyPolicyRoster(now: number): Promise<void> {
  const policy = await readRosterPolicy();
  const stored = await readStored();
  if (!policy.url && !policy.inline) {
    if (stored?.source === 'policy') await browser.storage.local.remove(STORAGE_KEYS.roster);
    return;
  }
  if (!policy.key) {
    console.warn('ClientGuard: policy roster ignored: rosterKey is missing or malformed');
    return;
  }
  if (policy.url && !policy.inline && stored?.source === 'policy' && stored.url === policy.url && now - stored.importedAt < ROSTER_REFRESH_MS) {
    return;
  }
  let hashed: HashedRoster;
  try {
    hashed = policy.inline ? parseHashedRoster(policy.inline) : await fetchHashedRoster(policy.url!);
  } catch (error) {
    console.warn('ClientGuard: policy roster not loaded:', error instanceof Error ? error.message : 'failed');
    return;
  }
  if (hashed.keyId !== keyIdOf(policy.key)) {
    console.warn(`ClientGuard: policy roster ignored: it was hashed with another key (key id ${hashed.keyId})`);
    return;
  }
  const next: StoredRoster = { roster: hashed, source: 'policy', importedAt: now };
  if (!policy.inline && policy.url) next.url = policy.url;
  const same =
    stored?.source === 'policy' && stored.url === next.url && JSON.stringify(stored.roster) === JSON.stringify(hashed);
  // An unchanged inline roster is not rewritten: every write reloads the matcher in every tab.
  if (same && policy.inline) return;
  await browser.storage.local.set({ [STORAGE_KEYS.roster]: next });
}

export function initRoster(): void {
  handle('roster/import', 'ui', ({ fileName, bytes }) => importRoster(fileName, bytes));
  handle('roster/status', 'ui', () => rosterStatus());
  handle('roster/clear', 'ui', () => clearRoster());
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') void syncPolicyRoster().catch(() => undefined);
  });
  void (async () => {
    const policy = await readRosterPolicy();
    // The install secret is only needed when policy does not hand out the key.
    if (!policy.key) await getInstallSecret();
    await syncPolicyRoster();
  })().catch((error: unknown) => console.warn('ClientGuard: roster start-up failed:', error instanceof Error ? error.message : error));
}
