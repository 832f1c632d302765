// The warnings store: the only writer of storage.local "warnings" (open and pending) and
// "history" (resolved, metadata only). Every change goes through one promise queue, so two
// messages arriving together (a decision and a port drop, say) never overwrite each other.
// What is stored is rebuilt field by field from the message: nothing else a sender adds
// (raw text included) can reach storage.
import browser, { type Runtime } from 'webextension-polyfill';
import { handle, senderKind } from './router';
import { emit, type BackgroundEvents } from './events';
import { initBadge } from './badge';
import { STORAGE_KEYS, WARNING_PORT, type RequestOf, type ResponseOf } from '../messages';
import { toHistoryEntry, type Channel, type Decision, type ShareReasonCategory, type WarningRecord, type WarningSummary } from '../core/warnings';
import { DEFAULT_SETTINGS, type EffectiveSettings } from '../core/settings';
import type { FindingType, MaskedExample, RiskReason, Verdict } from '../core/types';
import { MAX_NOTE_LENGTH, resolutionFor } from '../core/decision-record';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A content script that no longer answers within this time is treated as gone. */
const PING_TIMEOUT_MS = 1000;

interface Store {
  warnings: WarningRecord[];
  history: WarningRecord[];
}

type Emitted = { [K in keyof BackgroundEvents]: [K, BackgroundEvents[K]] }[keyof BackgroundEvents];

// ---- Serialised read-modify-write ----------------------------------------------------------

let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs `change` on the current store, then writes what it changed and prunes history by the
 * retention setting. Events are emitted after the write, outside the queue, so a slow listener
 * (audit reporting over the network) never holds up the next message.
 */
function transact<T>(change: (store: Store, events: Emitted[]) => T): Promise<T> {
  const run = queue.then(async () => {
    const stored = await browser.storage.local.get([STORAGE_KEYS.warnings, STORAGE_KEYS.history, STORAGE_KEYS.effective]);
    const before = {
      warnings: JSON.stringify(stored[STORAGE_KEYS.warnings] ?? []),
      history: JSON.stringify(stored[STORAGE_KEYS.history] ?? []),
    };
    const store: Store = {
      warnings: asArray<WarningRecord>(stored[STORAGE_KEYS.warnings]),
      history: asArray<WarningRecord>(stored[STORAGE_KEYS.history]),
    };
    const events: Emitted[] = [];
    const result = change(store, events);
    store.history = withinRetention(store.history, retentionDays(stored[STORAGE_KEYS.effective]), Date.now());
    const write: Record<string, unknown> = {};
    if (JSON.stringify(store.warnings) !== before.warnings) write[STORAGE_KEYS.warnings] = store.warnings;
    if (JSON.stringify(store.history) !== before.history) write[STORAGE_KEYS.history] = store.history;
    if (Object.keys(write).length) await browser.storage.local.set(write);
    return { result, events };
  });
  queue = run.catch((error: unknown) => {
    console.error('ClientGuard: warnings store update failed:', error instanceof Error ? error.message : error);
  });
  return run.then(({ result, events }) => {
    for (const [name, record] of events) void emit(name, record as never);
    return result;
  });
}

function asArray<T>(value: unknown): T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}

function retentionDays(effective: unknown): number {
  const days = (effective as Partial<EffectiveSettings> | undefined)?.historyRetentionDays;
  return typeof days === 'number' && Number.isFinite(days) && days >= 0 ? days : DEFAULT_SETTINGS.historyRetentionDays;
}

/** History entries decided within the last `days` days; 0 keeps none. */
export function withinRetention(history: WarningRecord[], days: number, now: number): WarningRecord[] {
  const cutoff = now - days * DAY_MS;
  return history.filter((h) => days > 0 && (h.decidedAt ?? h.createdAt) >= cutoff);
}

// ---- Sanitising what content scripts send ------------------------------------------------------

const CHANNELS: readonly Channel[] = ['paste', 'drop', 'upload', 'form', 'post'];
const VERDICTS: readonly Verdict[] = ['none', 'caution', 'warning'];
const REASONS: readonly RiskReason[] = ['client_list', 'clinical_context', 'hashed_list', 'known_client'];
const KINDS: readonly FindingType[] = ['person', 'email', 'phone', 'hashed_id', 'dob', 'address', 'clinical'];
const PAGE_DECISIONS: readonly Decision[] = ['cancelled', 'redacted', 'shared', 'not_client_data', 'blocked', 'authorized', 'other'];
const REASON_CATEGORIES: readonly ShareReasonCategory[] = ['written_authorization', 'not_identifiable', 'own_information', 'other', ''];
/** The dialog shows a handful of masked examples; more than this is not a masked example. */
const MAX_EXAMPLES = 10;
const MAX_MASKED_LENGTH = 80;

const oneOf = <T>(allowed: readonly T[], value: unknown): value is T => allowed.includes(value as T);

function cleanExamples(value: unknown): MaskedExample[] {
  return asArray<Partial<MaskedExample>>(value)
    .filter((e) => e && oneOf(KINDS, e.type) && typeof e.masked === 'string')
    .slice(0, MAX_EXAMPLES)
    .map((e) => ({ type: e.type as FindingType, masked: (e.masked as string).slice(0, MAX_MASKED_LENGTH) }));
}

export function cleanSummary(value: unknown): WarningSummary {
  const s = (value ?? {}) as Partial<WarningSummary>;
  const counts: WarningSummary['counts'] = {};
  for (const kind of KINDS) {
    const n = s.counts?.[kind];
    if (typeof n === 'number' && Number.isFinite(n) && n > 0) counts[kind] = Math.floor(n);
  }
  const summary: WarningSummary = {
    verdict: oneOf(VERDICTS, s.verdict) ? s.verdict : 'warning',
    reasons: asArray<unknown>(s.reasons).filter((r): r is RiskReason => oneOf(REASONS, r)),
    counts,
    people: typeof s.people === 'number' && Number.isFinite(s.people) && s.people > 0 ? Math.floor(s.people) : 0,
    examples: cleanExamples(s.examples),
  };
  const roster = cleanExamples(s.rosterMatches);
  if (roster.length) summary.rosterMatches = roster;
  return summary;
}

function cleanNote(note: unknown): string | undefined {
  const text = typeof note === 'string' ? note.trim().slice(0, MAX_NOTE_LENGTH) : '';
  return text || undefined;
}

/** Hostname of the page the user was on: the tab's top-level URL, or the frame's own. */
function siteOf(sender: Runtime.MessageSender): string {
  // origin is Chrome-only and missing from the polyfill's types.
  for (const url of [sender.tab?.url, sender.url, (sender as { origin?: string }).origin]) {
    if (!url) continue;
    try {
      const host = new URL(url).hostname;
      if (host) return host;
    } catch {
      // about:blank and the like: try the next candidate
    }
  }
  return '';
}

// ---- Transitions ----------------------------------------------------------------------------

/** A content script may only touch warnings raised in its own tab. */
function findOwn(store: Store, id: unknown, tabId: number | undefined): WarningRecord | undefined {
  return store.warnings.find((w) => w.id === id && (tabId === undefined || w.tabId === tabId));
}

function resolve(store: Store, events: Emitted[], record: WarningRecord, resolved: Partial<WarningRecord>): void {
  store.warnings = store.warnings.filter((w) => w !== record);
  const entry = toHistoryEntry({ ...record, ...resolved, decidedAt: Date.now() });
  store.history.unshift(entry);
  events.push(['warning:resolved', entry]);
}

function makePending(store: Store, events: Emitted[], ids: Iterable<string>, because: NonNullable<WarningRecord['pendingBecause']>, onlyIfOpen: boolean, tabId?: number): void {
  for (const id of ids) {
    const record = findOwn(store, id, tabId);
    if (!record || (onlyIfOpen && record.status !== 'open')) continue;
    record.status = 'pending';
    record.pendingBecause = because;
    events.push(['warning:pending', { ...record }]);
  }
}

/** Whether the frame still shows warning `id`. No answer (tab closed, page replaced, no
 *  listener) counts as no. */
async function stillShowing(record: WarningRecord): Promise<boolean> {
  if (record.tabId === undefined) return false;
  const ping = browser.tabs.sendMessage(record.tabId, { type: 'warning/ping', payload: { id: record.id } }, { frameId: record.frameId ?? 0 }) as Promise<ResponseOf<'warning/ping'> | undefined>;
  const timeout = new Promise<undefined>((done) => setTimeout(done, PING_TIMEOUT_MS, undefined));
  try {
    const answer = await Promise.race([ping, timeout]);
    return answer?.showing === true;
  } catch {
    return false;
  }
}

async function tabExists(tabId: number | undefined): Promise<boolean> {
  if (tabId === undefined) return false;
  try {
    await browser.tabs.get(tabId);
    return true;
  } catch {
    return false;
  }
}

/** A port dropped (navigation, frame removed, tab closed): each warning it carried that is
 *  still open and no longer on screen waits in the popup. */
async function portClosed(ids: Set<string>, tabId: number | undefined): Promise<void> {
  if (ids.size === 0) return;
  const { warnings } = await readStore();
  const open = warnings.filter((w) => ids.has(w.id) && w.status === 'open' && w.tabId === tabId);
  const gone: string[] = [];
  for (const record of open) if (!(await stillShowing(record))) gone.push(record.id);
  if (gone.length) await transact((store, events) => makePending(store, events, gone, 'navigated', true, tabId));
}

/** Worker start: warnings left open by a previous worker whose page is gone become pending. */
async function sweepOpen(): Promise<void> {
  const { warnings } = await readStore();
  const gone: string[] = [];
  for (const record of warnings.filter((w) => w.status === 'open')) {
    if (!(await tabExists(record.tabId)) || !(await stillShowing(record))) gone.push(record.id);
  }
  // Prune history even when nothing changed: retention may have passed while the worker slept.
  await transact((store, events) => makePending(store, events, gone, 'navigated', true));
}

async function readStore(): Promise<Store> {
  const stored = await browser.storage.local.get([STORAGE_KEYS.warnings, STORAGE_KEYS.history]);
  return { warnings: asArray(stored[STORAGE_KEYS.warnings]), history: asArray(stored[STORAGE_KEYS.history]) };
}

// ---- Handlers -------------------------------------------------------------------------------

function opened(payload: RequestOf<'warning/opened'>, sender: Runtime.MessageSender): Promise<ResponseOf<'warning/opened'>> {
  const record: WarningRecord = {
    id: crypto.randomUUID(),
    site: siteOf(sender),
    channel: oneOf(CHANNELS, payload?.channel) ? payload.channel : 'paste',
    createdAt: Date.now(),
    summary: cleanSummary(payload?.summary),
    status: 'open',
  };
  if (sender.tab?.id !== undefined) record.tabId = sender.tab.id;
  if (sender.frameId !== undefined) record.frameId = sender.frameId;
  return transact((store, events) => {
    store.warnings.push(record);
    events.push(['warning:opened', { ...record }]);
    return { id: record.id };
  });
}

function decidedInPage(payload: RequestOf<'warning/decided'>, sender: Runtime.MessageSender): Promise<ResponseOf<'warning/decided'>> {
  return transact((store, events) => {
    const record = findOwn(store, payload?.id, sender.tab?.id);
    if (!record || !oneOf(PAGE_DECISIONS, payload.decision)) return { ok: true as const };
    const resolved: Partial<WarningRecord> = { decision: payload.decision, decidedIn: 'page' };
    if (oneOf(REASON_CATEGORIES, payload.reasonCategory) && payload.reasonCategory) resolved.reasonCategory = payload.reasonCategory;
    const note = cleanNote(payload.note);
    if (note) resolved.note = note;
    resolve(store, events, record, resolved);
    return { ok: true as const };
  });
}

function deferred(payload: RequestOf<'warning/deferred'>, sender: Runtime.MessageSender): Promise<ResponseOf<'warning/deferred'>> {
  const because = payload?.because === 'blocked' ? 'blocked' : 'deferred';
  return transact((store, events) => {
    if (typeof payload?.id === 'string') makePending(store, events, [payload.id], because, false, sender.tab?.id);
    return { ok: true as const };
  });
}

function resolvedInPopup(payload: RequestOf<'warnings/resolve'>): Promise<ResponseOf<'warnings/resolve'>> {
  const resolution = resolutionFor(payload?.decision, payload?.note);
  if (!resolution) return Promise.resolve({ ok: false });
  return transact((store, events) => {
    const record = store.warnings.find((w) => w.id === payload.id);
    if (!record) return { ok: false };
    const resolved: Partial<WarningRecord> = { ...resolution, decidedIn: 'popup' };
    if (typeof payload.decisionRecordId === 'string' && payload.decisionRecordId) resolved.decisionRecordId = payload.decisionRecordId.slice(0, 64);
    resolve(store, events, record, resolved);
    return { ok: true };
  });
}

async function focusTab(payload: RequestOf<'warnings/focusTab'>): Promise<ResponseOf<'warnings/focusTab'>> {
  const { warnings } = await readStore();
  const tabId = warnings.find((w) => w.id === payload?.id)?.tabId;
  if (tabId === undefined) return { ok: false };
  try {
    const tab = await browser.tabs.update(tabId, { active: true });
    if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
    return { ok: true };
  } catch {
    return { ok: false }; // the tab was closed
  }
}

export function initWarnings(): void {
  handle('warning/opened', 'content', opened);
  handle('warning/decided', 'content', decidedInPage);
  handle('warning/deferred', 'content', deferred);
  handle('warnings/list', 'ui', async () => {
    const { warnings, history } = await readStore();
    return { pending: warnings.filter((w) => w.status === 'pending'), history };
  });
  handle('warnings/resolve', 'ui', resolvedInPopup);
  handle('warnings/focusTab', 'ui', focusTab);
  handle('history/clear', 'ui', () =>
    transact((store) => {
      store.history = [];
      return { ok: true as const };
    }),
  );

  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== WARNING_PORT) return;
    if (!port.sender || senderKind(port.sender) !== 'content') {
      port.disconnect();
      return;
    }
    const tabId = port.sender.tab?.id;
    const ids = new Set<string>();
    port.onMessage.addListener((message: unknown) => {
      const id = (message as { id?: unknown } | null)?.id;
      if (typeof id === 'string') ids.add(id);
    });
    port.onDisconnect.addListener(() => void portClosed(ids, tabId));
  });

  // A shorter retention applies at once, not at the next warning.
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && STORAGE_KEYS.effective in changes) void transact(() => undefined);
  });

  initBadge();
  void sweepOpen();
}
