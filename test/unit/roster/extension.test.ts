// Background and content-script glue with an in-memory browser: what gets stored, policy
// rosters (inline and by URL), key handling, and the matcher the content script builds.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => {
  type Listener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => void;
  const state = {
    local: new Map<string, unknown>(),
    managed: {} as Record<string, unknown> | null,
    listeners: new Set<Listener>(),
    handlers: new Map<string, (payload: unknown) => unknown>(),
  };
  const clone = <T,>(v: T): T => (v === undefined ? v : structuredClone(v));
  const pick = (source: Map<string, unknown>, keys?: string | string[] | null) => {
    const out: Record<string, unknown> = {};
    const wanted = keys == null ? [...source.keys()] : Array.isArray(keys) ? keys : [keys];
    for (const k of wanted) if (source.has(k)) out[k] = clone(source.get(k));
    return out;
  };
  const notify = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => {
    for (const l of state.listeners) l(changes, area);
  };
  const browser = {
    runtime: { id: 'clientguard-test' },
    storage: {
      local: {
        get: async (keys?: string | string[] | null) => pick(state.local, keys),
        set: async (items: Record<string, unknown>) => {
          const changes: Record<string, { oldValue?: unknown; newValue?: unknown }> = {};
          for (const [k, v] of Object.entries(items)) {
            changes[k] = { oldValue: state.local.get(k), newValue: clone(v) };
            state.local.set(k, clone(v));
          }
          notify(changes, 'local');
        },
        remove: async (keys: string | string[]) => {
          const changes: Record<string, { oldValue?: unknown }> = {};
          for (const k of Array.isArray(keys) ? keys : [keys]) {
            if (state.local.has(k)) changes[k] = { oldValue: state.local.get(k) };
            state.local.delete(k);
          }
          notify(changes, 'local');
        },
      },
      managed: {
        get: async (keys?: string | string[]) => {
          if (state.managed === null) throw new Error('Managed storage manifest not found');
          return pick(new Map(Object.entries(state.managed)), keys);
        },
      },
      onChanged: {
        addListener: (l: Listener) => state.listeners.add(l),
        removeListener: (l: Listener) => state.listeners.delete(l),
      },
    },
  };
  return { state, browser, notify };
});

vi.mock('webextension-polyfill', () => ({ default: fake.browser }));
vi.mock('../../../src/background/router', () => ({
  handle: (type: string, _kind: string, fn: (payload: unknown) => unknown) => fake.state.handlers.set(type, fn),
}));

import { STORAGE_KEYS } from '../../../src/messages';
import { bytesToHex, hashRoster, keyIdOf, type StoredRoster } from '../../../src/core/roster';
import { ROSTER_REFRESH_MS, clearRoster, importRoster, initRoster, rosterStatus, syncPolicyRoster } from '../../../src/background/roster';
import { loadRosterMatcher, onRosterChanged } from '../../../src/content/roster';

const CSV = 'Client Name,Email,Phone,DOB\n"Doe, Jane",jane.doe@gmail.com,(212) 555-0147,03/14/1985\nZebediah Quxworth,zq@example.org,,\n';
const RAW = ['doe', 'jane', 'zebediah', 'quxworth', 'zq@example.org', '2125550147', '555-0147', '03/14/1985', '1985-03-14'];
const bytesOf = (s: string) => Array.from(new TextEncoder().encode(s));
const POLICY_KEY = new Uint8Array(32).fill(0x5a);

function storedJson(): string {
  return JSON.stringify(Object.fromEntries(fake.state.local)).toLowerCase();
}

beforeEach(async () => {
  fake.state.local.clear();
  fake.state.managed = null; // no policy at all (as Firefox reports it)
  fake.state.listeners.clear();
  await clearRoster();
  vi.unstubAllGlobals();
});

describe('import from the options page', () => {
  it('stores only the hashed roster and a hex install secret; the file is dropped', async () => {
    const bytes = bytesOf(CSV);
    const result = await importRoster('clients.csv', bytes);
    expect(result).toEqual({ ok: true, count: 2, problems: [] });
    expect(bytes).toHaveLength(0); // the message's copy is emptied
    expect([...fake.state.local.keys()].sort()).toEqual([STORAGE_KEYS.installSecret, STORAGE_KEYS.roster, STORAGE_KEYS.rosterSize].sort());
    expect(fake.state.local.get(STORAGE_KEYS.rosterSize)).toBe(2);
    expect(fake.state.local.get(STORAGE_KEYS.installSecret)).toMatch(/^[0-9a-f]{64}$/);
    const stored = fake.state.local.get(STORAGE_KEYS.roster) as StoredRoster;
    expect(stored.source).toBe('user');
    expect(Object.keys(stored).sort()).toEqual(['importedAt', 'roster', 'source']);
    const json = storedJson();
    for (const v of RAW) expect(json, v).not.toContain(v);
  });

  it('reports status, and clears a user roster', async () => {
    expect(await rosterStatus()).toEqual({ count: 0, importedAt: null, source: 'none' });
    await importRoster('clients.csv', bytesOf(CSV));
    const status = await rosterStatus();
    expect(status.count).toBe(2);
    expect(status.source).toBe('user');
    expect(typeof status.importedAt).toBe('number');
    expect(await clearRoster()).toEqual({ ok: true });
    expect(await rosterStatus()).toEqual({ count: 0, importedAt: null, source: 'none' });
    expect(fake.state.local.get(STORAGE_KEYS.rosterSize)).toBe(0);
    expect(fake.state.local.has(STORAGE_KEYS.installSecret)).toBe(true); // the secret stays
  });

  it('keeps the previous roster when a file has no clients, and explains', async () => {
    await importRoster('clients.csv', bytesOf(CSV));
    const result = await importRoster('notes.csv', bytesOf('Notes\nhello\n'));
    expect(result.ok).toBe(false);
    expect(result.problems.length).toBeGreaterThan(0);
    expect((await rosterStatus()).count).toBe(2);
    expect((await importRoster('empty.csv', [])).ok).toBe(false);
  });

  it('reuses one install secret across imports', async () => {
    await importRoster('a.csv', bytesOf(CSV));
    const secret = fake.state.local.get(STORAGE_KEYS.installSecret);
    await importRoster('b.csv', bytesOf(CSV));
    expect(fake.state.local.get(STORAGE_KEYS.installSecret)).toBe(secret);
  });
});

describe('content script matcher', () => {
  it('builds a matcher from storage and follows changes', async () => {
    expect(await loadRosterMatcher()).toBeNull();
    const changed = vi.fn();
    const stop = onRosterChanged(changed);
    await importRoster('clients.csv', bytesOf(CSV));
    expect(changed).toHaveBeenCalledTimes(2); // the secret, then the roster
    const matcher = await loadRosterMatcher();
    expect(matcher?.size).toBe(2);
    expect(matcher?.match('Great session with Jane Doe today').map((m) => m.type)).toEqual(['person']);
    expect(matcher?.match('reach me at JaneDoe@gmail.com').map((m) => m.type)).toEqual(['email']);
    expect(matcher?.match('Jane and Mr Doe')).toEqual([]);
    stop();
    await clearRoster();
    expect(changed).toHaveBeenCalledTimes(2);
    expect(await loadRosterMatcher()).toBeNull();
  });

  it('turns matching off when the key is gone, and survives garbage in storage', async () => {
    await importRoster('clients.csv', bytesOf(CSV));
    fake.state.local.set(STORAGE_KEYS.installSecret, bytesToHex(new Uint8Array(32).fill(7)));
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await loadRosterMatcher()).toBeNull();
    fake.state.local.set(STORAGE_KEYS.roster, { roster: { version: 1, name: ['Jane Doe'] } });
    expect(await loadRosterMatcher()).toBeNull();
  });
});

describe('managed policy', () => {
  function policyRoster(key = POLICY_KEY) {
    return hashRoster([{ firstNames: ['Ana'], lastName: 'de la Cruz', emails: ['ana@example.org'], phones: [], dob: null }], key);
  }

  it('applies an inline roster with the policy key; the content script uses that key', async () => {
    fake.state.managed = { rosterKey: bytesToHex(POLICY_KEY), rosterInline: JSON.stringify(policyRoster()) };
    await syncPolicyRoster();
    expect(await rosterStatus()).toMatchObject({ count: 1, source: 'policy' });
    expect(fake.state.local.get(STORAGE_KEYS.rosterSize)).toBe(1);
    const matcher = await loadRosterMatcher();
    expect(matcher?.match('Ana de la Cruz').map((m) => m.type)).toEqual(['person']);
    // The policy key is never copied into storage.local.
    expect(storedJson()).not.toContain(bytesToHex(POLICY_KEY));
    // The user can neither replace nor clear it.
    expect((await importRoster('clients.csv', bytesOf(CSV))).ok).toBe(false);
    expect(await clearRoster()).toEqual({ ok: false });
    // Policy withdrawn: the policy roster goes.
    fake.state.managed = {};
    await syncPolicyRoster();
    expect(await rosterStatus()).toEqual({ count: 0, importedAt: null, source: 'none' });
    expect(fake.state.local.get(STORAGE_KEYS.rosterSize)).toBe(0);
  });

  it('counts a stored roster as usable only while its key is available', async () => {
    fake.state.managed = { rosterKey: bytesToHex(POLICY_KEY) };
    await importRoster('clients.csv', bytesOf(CSV));
    expect(fake.state.local.get(STORAGE_KEYS.rosterSize)).toBe(2);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    fake.state.managed = {}; // the practice withdrew the key the roster was hashed with
    await syncPolicyRoster();
    expect(fake.state.local.get(STORAGE_KEYS.rosterSize)).toBe(0);
    expect(await loadRosterMatcher()).toBeNull();
  });

  it('ignores a policy roster hashed with another key, or without a key', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    fake.state.managed = { rosterKey: bytesToHex(POLICY_KEY), rosterInline: JSON.stringify(policyRoster(new Uint8Array(32).fill(1))) };
    await syncPolicyRoster();
    expect((await rosterStatus()).source).toBe('none');
    fake.state.managed = { rosterInline: JSON.stringify(policyRoster()) };
    await syncPolicyRoster();
    expect((await rosterStatus()).source).toBe('none');
  });

  it('fetches a roster by URL, re-fetches only when stale, keeps the last copy on failure', async () => {
    const roster = policyRoster();
    const fetchMock = vi.fn(async () => new Response(JSON.stringify(roster), { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    fake.state.managed = { rosterKey: bytesToHex(POLICY_KEY), rosterUrl: 'https://it.example-practice.com/roster.json' };
    const t0 = Date.now();
    await syncPolicyRoster(t0);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(await rosterStatus()).toMatchObject({ count: 1, source: 'policy' });
    await syncPolicyRoster(t0 + 1000);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    fetchMock.mockImplementation(async () => new Response('oops', { status: 500 }));
    await syncPolicyRoster(t0 + ROSTER_REFRESH_MS + 1);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(await rosterStatus()).toMatchObject({ count: 1, source: 'policy' });
  });

  it('refuses a plain-http roster URL', async () => {
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    fake.state.managed = { rosterKey: bytesToHex(POLICY_KEY), rosterUrl: 'http://it.example-practice.com/roster.json' };
    await syncPolicyRoster();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('hashes a user import with the policy key when policy gives only the key', async () => {
    fake.state.managed = { rosterKey: bytesToHex(POLICY_KEY) };
    await importRoster('clients.csv', bytesOf(CSV));
    const stored = fake.state.local.get(STORAGE_KEYS.roster) as StoredRoster;
    expect(stored.roster.keyId).toBe(keyIdOf(POLICY_KEY));
    expect((await loadRosterMatcher())?.match('Zebediah Quxworth')).toHaveLength(1);
  });
});

describe('initRoster', () => {
  it('registers the UI handlers and creates the install secret', async () => {
    fake.state.managed = {};
    initRoster();
    expect([...fake.state.handlers.keys()].sort()).toEqual(['roster/clear', 'roster/import', 'roster/status']);
    await vi.waitFor(() => expect(fake.state.local.get(STORAGE_KEYS.installSecret)).toMatch(/^[0-9a-f]{64}$/));
    const status = await fake.state.handlers.get('roster/status')!({});
    expect(status).toEqual({ count: 0, importedAt: null, source: 'none' });
  });
});
