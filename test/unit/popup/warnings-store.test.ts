// The background's warnings store, driven through the real router with a fake browser: sender
// checks, transitions, serialised writes, retention and the badge.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeBrowser } from './fake-browser';
import { shownExamples, type WarningRecord, type WarningSummary } from '../../../src/core/warnings';

const fake = vi.hoisted(() => ({ current: undefined as unknown as ReturnType<typeof createFakeBrowser> }));
vi.mock('webextension-polyfill', () => ({
  get default() {
    return fake.current.browser;
  },
}));

const summary: WarningSummary = {
  verdict: 'warning',
  reasons: ['client_list'],
  counts: { person: 4, email: 4, phone: 4 },
  people: 4,
  examples: [{ type: 'email', masked: 'm***@e******.com' }],
};
const DAY = 24 * 60 * 60 * 1000;

let env: ReturnType<typeof createFakeBrowser>;

async function start(stored: Record<string, unknown> = {}): Promise<void> {
  env = createFakeBrowser();
  fake.current = env;
  for (const [k, v] of Object.entries(stored)) env.data.set(k, v);
  vi.resetModules();
  const { initWarnings } = await import('../../../src/background/warnings');
  const { startRouter } = await import('../../../src/background/router');
  initWarnings();
  startRouter();
  await settle();
}

/** Lets queued storage work finish. */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await env.tick();
}

const warnings = (): WarningRecord[] => (env.data.get('warnings') as WarningRecord[] | undefined) ?? [];
const history = (): WarningRecord[] => (env.data.get('history') as WarningRecord[] | undefined) ?? [];

async function open(tabId = 7, extra: Record<string, unknown> = {}): Promise<string> {
  env.openTabs.set(tabId, { windowId: 1, active: false });
  const { id } = (await env.send('warning/opened', { channel: 'paste', summary: { ...summary, ...extra } }, env.contentSender(tabId))) as { id: string };
  return id;
}

describe('warnings store', () => {
  beforeEach(() => start());

  it('records an opened warning with the tab’s hostname, tab and frame, and nothing the sender adds', async () => {
    const id = await open(7, { rawText: 'Maria Gonzalez,maria.gonzalez@example.com', examples: [{ type: 'email', masked: 'm***@e******.com', full: 'maria.gonzalez@example.com' }] });
    const [record] = warnings();
    expect(record).toMatchObject({ id, site: 'business.facebook.com', tabId: 7, frameId: 0, channel: 'paste', status: 'open' });
    expect(JSON.stringify(env.data.get('warnings'))).not.toContain('maria.gonzalez@example.com');
    expect(record?.summary.examples).toEqual([{ type: 'email', masked: 'm***@e******.com' }]);
  });

  it('refuses content messages from extension pages and UI messages from content scripts', async () => {
    await expect(env.send('warning/opened', { channel: 'paste', summary }, env.uiSender)).rejects.toThrow(/Receiving end/);
    await expect(env.send('history/clear', {}, env.contentSender(7))).rejects.toThrow(/Receiving end/);
    expect(warnings()).toEqual([]);
  });

  it('moves a page decision to history without masked examples', async () => {
    const id = await open();
    await env.send('warning/decided', { id, decision: 'shared', reasonCategory: 'written_authorization', note: ' consent form ' }, env.contentSender(7));
    expect(warnings()).toEqual([]);
    expect(history()).toHaveLength(1);
    expect(history()[0]).toMatchObject({ id, status: 'resolved', decision: 'shared', reasonCategory: 'written_authorization', note: 'consent form', decidedIn: 'page' });
    expect(history()[0]?.summary).toMatchObject({ examples: [], counts: summary.counts, people: 4 });
  });

  it('does not let one tab’s content script decide another tab’s warning', async () => {
    const id = await open(7);
    await env.send('warning/decided', { id, decision: 'cancelled' }, env.contentSender(8));
    expect(warnings()).toHaveLength(1);
    expect(history()).toEqual([]);
  });

  it('keeps a deferred or blocked warning pending, and the badge counts it', async () => {
    const a = await open(7);
    const b = await open(8);
    await env.send('warning/deferred', { id: a, because: 'deferred' }, env.contentSender(7));
    await env.send('warning/deferred', { id: b, because: 'blocked' }, env.contentSender(8));
    await settle();
    expect(warnings().map((w) => [w.status, w.pendingBecause])).toEqual([
      ['pending', 'deferred'],
      ['pending', 'blocked'],
    ]);
    expect(env.badge.text).toBe('2');
    expect(env.badge.title).toBe('popupActionTitleCount(2)');
  });

  it('turns an open warning pending ("navigated") when its port drops and the page no longer shows it', async () => {
    const id = await open(7);
    const port = env.connect('clientguard-warning', env.contentSender(7));
    port.onMessage.listeners.forEach((l) => (l as (m: unknown) => void)({ id }));
    port.onDisconnect.listeners.forEach((l) => (l as () => void)());
    await settle();
    expect(warnings()[0]).toMatchObject({ id, status: 'pending', pendingBecause: 'navigated' });
    expect(env.badge.text).toBe('1');
  });

  it('leaves it open when the frame answers that the dialog still shows', async () => {
    const id = await open(7);
    env.pingAnswers.set(7, { showing: true });
    const port = env.connect('clientguard-warning', env.contentSender(7));
    port.onMessage.listeners.forEach((l) => (l as (m: unknown) => void)({ id }));
    port.onDisconnect.listeners.forEach((l) => (l as () => void)());
    await settle();
    expect(warnings()[0]?.status).toBe('open');
  });

  it('leaves a warning alone when the port closes after the page decided', async () => {
    const id = await open(7);
    const port = env.connect('clientguard-warning', env.contentSender(7));
    port.onMessage.listeners.forEach((l) => (l as (m: unknown) => void)({ id }));
    await env.send('warning/decided', { id, decision: 'cancelled' }, env.contentSender(7));
    port.onDisconnect.listeners.forEach((l) => (l as () => void)());
    await settle();
    expect(warnings()).toEqual([]);
    expect(history()[0]?.decision).toBe('cancelled');
  });

  it('keeps why a warning is pending when its port drops afterwards', async () => {
    const id = await open(7);
    const port = env.connect('clientguard-warning', env.contentSender(7));
    port.onMessage.listeners.forEach((l) => (l as (m: unknown) => void)({ id }));
    await env.send('warning/deferred', { id, because: 'deferred' }, env.contentSender(7));
    port.onDisconnect.listeners.forEach((l) => (l as () => void)());
    await settle();
    expect(warnings()[0]).toMatchObject({ status: 'pending', pendingBecause: 'deferred' });
  });

  it('ignores a warning port opened by an extension page', async () => {
    const id = await open(7);
    // An extension page open in tab 7 is not that tab's content script.
    const port = env.connect('clientguard-warning', { ...env.uiSender, tab: { id: 7, windowId: 1 } });
    port.onMessage.listeners.forEach((l) => (l as (m: unknown) => void)({ id }));
    port.onDisconnect.listeners.forEach((l) => (l as () => void)());
    await settle();
    expect(warnings()[0]?.status).toBe('open');
  });

  it('loses no update when many messages arrive at once', async () => {
    env.openTabs.set(7, { windowId: 1, active: false });
    const ids = (await Promise.all(Array.from({ length: 25 }, () => env.send('warning/opened', { channel: 'drop', summary }, env.contentSender(7))))) as { id: string }[];
    expect(new Set(warnings().map((w) => w.id))).toEqual(new Set(ids.map((r) => r.id)));
    await Promise.all(ids.slice(0, 10).map(({ id }) => env.send('warning/decided', { id, decision: 'cancelled' }, env.contentSender(7))));
    await Promise.all(ids.slice(10).map(({ id }) => env.send('warning/deferred', { id, because: 'deferred' }, env.contentSender(7))));
    await settle();
    expect(history()).toHaveLength(10);
    expect(warnings().filter((w) => w.status === 'pending')).toHaveLength(15);
    expect(env.badge.text).toBe('15');
  });

  it('resolves from the popup with the four outcomes, and requires a note for "other"', async () => {
    const a = await open(7);
    const b = await open(7);
    await env.send('warning/deferred', { id: a, because: 'deferred' }, env.contentSender(7));
    expect(await env.send('warnings/resolve', { id: a, decision: 'other' }, env.uiSender)).toEqual({ ok: false });
    expect(await env.send('warnings/resolve', { id: a, decision: 'shared' }, env.uiSender)).toEqual({ ok: false });
    expect(await env.send('warnings/resolve', { id: a, decision: 'authorized', decisionRecordId: 'rec-1' }, env.uiSender)).toEqual({ ok: true });
    expect(await env.send('warnings/resolve', { id: b, decision: 'other', note: 'Asked my supervisor first' }, env.uiSender)).toEqual({ ok: true });
    expect(await env.send('warnings/resolve', { id: b, decision: 'cancelled' }, env.uiSender)).toEqual({ ok: false });
    expect(history().map((h) => [h.decision, h.reasonCategory, h.decidedIn, h.decisionRecordId, h.note])).toEqual([
      ['other', 'other', 'popup', undefined, 'Asked my supervisor first'],
      ['authorized', 'written_authorization', 'popup', 'rec-1', undefined],
    ]);
    await settle();
    expect(env.badge.text).toBe('');
  });

  it('lists pending warnings and history, and clears history', async () => {
    const a = await open(7);
    const b = await open(7);
    await env.send('warning/deferred', { id: a, because: 'deferred' }, env.contentSender(7));
    await env.send('warning/decided', { id: b, decision: 'cancelled' }, env.contentSender(7));
    const list = (await env.send('warnings/list', {}, env.uiSender)) as { pending: WarningRecord[]; history: WarningRecord[] };
    expect(list.pending.map((w) => w.id)).toEqual([a]);
    expect(list.history.map((w) => w.id)).toEqual([b]);
    expect(await env.send('history/clear', {}, env.uiSender)).toEqual({ ok: true });
    expect(history()).toEqual([]);
    expect(warnings().map((w) => w.id)).toEqual([a]);
  });

  it('focuses the warning’s tab, or says it is gone', async () => {
    const id = await open(7);
    expect(await env.send('warnings/focusTab', { id }, env.uiSender)).toEqual({ ok: true });
    expect(env.openTabs.get(7)?.active).toBe(true);
    expect(env.browser.windows.focused).toEqual([1]);
    env.openTabs.delete(7);
    expect(await env.send('warnings/focusTab', { id }, env.uiSender)).toEqual({ ok: false });
  });
});

describe('warnings store at worker start', () => {
  const old = (status: WarningRecord['status'], tabId: number, id: string): WarningRecord => ({ id, site: 'x.com', tabId, channel: 'post', createdAt: 1, summary, status });

  it('turns open warnings whose tab is gone pending, and keeps those still showing', async () => {
    await start({ warnings: [old('open', 1, 'gone'), old('pending', 2, 'was-pending')] });
    expect(warnings().map((w) => [w.id, w.status, w.pendingBecause])).toEqual([
      ['gone', 'pending', 'navigated'],
      ['was-pending', 'pending', undefined],
    ]);
    expect(env.badge.text).toBe('2');
  });

  it('drops history older than the retention setting, at start and on each write', async () => {
    const now = Date.now();
    const h = (id: string, age: number): WarningRecord => ({ ...old('resolved', 1, id), decision: 'cancelled', decidedAt: now - age * DAY });
    await start({ history: [h('new', 1), h('old', 40)], effectiveSettings: { historyRetentionDays: 30 } });
    expect(history().map((e) => e.id)).toEqual(['new']);

    env.data.set('history', [h('new', 1), h('older', 31)]);
    const id = await open(7);
    expect(history().map((e) => e.id)).toEqual(['new']);

    await env.browser.storage.local.set({ effectiveSettings: { historyRetentionDays: 0 } });
    await settle();
    expect(history()).toEqual([]);
    expect(warnings().map((w) => w.id)).toContain(id);
  });

  it('falls back to the default retention (90 days) without effective settings', async () => {
    const now = Date.now();
    const h = (id: string, age: number): WarningRecord => ({ ...old('resolved', 1, id), decision: 'cancelled', decidedAt: now - age * DAY });
    await start({ history: [h('89', 89), h('91', 91)] });
    expect(history().map((e) => e.id)).toEqual(['89']);
  });
});

describe('shownExamples', () => {
  it('lists roster matches first and each masked value once', () => {
    const summary = {
      rosterMatches: [{ type: 'person' as const, masked: 'D*** W********' }],
      examples: [
        { type: 'person' as const, masked: 'D*** W********' },
        { type: 'email' as const, masked: 'd***@e******.net' },
        { type: 'email' as const, masked: 'D***@E******.net' },
      ],
    };
    expect(shownExamples(summary)).toEqual([
      { type: 'person', masked: 'D*** W********' },
      { type: 'email', masked: 'd***@e******.net' },
    ]);
    expect(shownExamples({ examples: summary.examples }, 1)).toHaveLength(1);
  });
});
