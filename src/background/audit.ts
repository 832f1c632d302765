// Audit reporting: metadata-only events to the practice's HTTPS endpoint, at least once.
// Events wait in storage.local (STORAGE_KEYS.auditQueue) until the endpoint answers 2xx; retries
// use chrome.alarms so that they survive the service worker stopping and the browser
// restarting. The rules (what an event holds, backoff, queue bounds) are pure and live in
// src/core/policy/; this file is the browser glue.
import browser, { type Runtime } from 'webextension-polyfill';
import { STORAGE_KEYS } from '../messages';
import type { EffectiveSettings } from '../core/settings';
import type { WarningRecord } from '../core/warnings';
import { auditBatch, auditEventForObservation, auditEventForWarning, levelIncludes, type AuditEvent, type AuditEventType } from '../core/policy/audit-events';
import {
  MAX_BATCH_EVENTS,
  acknowledge,
  enqueue,
  mayDeliver,
  nextBatch,
  queueFromStorage,
  recordFailure,
  rememberObservation,
  type AuditQueueState,
  type DeliveryResult,
  type PendingBatch,
} from '../core/policy/audit-queue';
import { retryDelayMs } from '../core/policy/backoff';
import { reportingActive } from '../core/policy/merge';
import { isAllowedServiceUrl } from '../core/policy/fields';
import { on } from './events';
import { handle } from './router';
import { getEffectiveSettings, onEffectiveSettings } from './settings';

export const AUDIT_RETRY_ALARM = 'clientguard-audit-retry';
/** A request that has not answered by then counts as failed (and is retried). */
const REQUEST_TIMEOUT_MS = 10_000;

// All reads and writes of the queue go through this chain: the bus, the content-script handler
// and deliveries run concurrently, and storage has no transactions.
let queueLock: Promise<unknown> = Promise.resolve();
let delivering = false;

/** Runs `change` on the stored queue; writes back only if it returns a new state. */
function withQueue<T>(change: (state: AuditQueueState) => { state?: AuditQueueState; result: T }): Promise<T> {
  const run = queueLock.then(async () => {
    const stored = await browser.storage.local.get(STORAGE_KEYS.auditQueue);
    const { state, result } = change(queueFromStorage(stored[STORAGE_KEYS.auditQueue]));
    if (state) await browser.storage.local.set({ [STORAGE_KEYS.auditQueue]: state });
    return result;
  });
  queueLock = run.catch(() => undefined);
  return run;
}

function readQueue(): Promise<AuditQueueState> {
  return withQueue((state) => ({ result: state }));
}

function context(settings: EffectiveSettings) {
  return {
    id: crypto.randomUUID(),
    now: Date.now(),
    mode: settings.mode,
    extensionVersion: browser.runtime.getManifest().version,
    deviceLabel: settings.reporting.deviceLabel,
  };
}

async function scheduleRetry(at: number): Promise<void> {
  await browser.alarms.create(AUDIT_RETRY_ALARM, { when: Math.max(at, Date.now() + 1000) });
}

async function post(endpoint: string, authorization: string, body: string): Promise<DeliveryResult | { ok: number }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (authorization) headers.authorization = authorization;
  try {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers,
      body,
      // Reports are not for caches, cookies or redirects to somewhere else.
      cache: 'no-store',
      credentials: 'omit',
      redirect: 'error',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    return response.ok ? { ok: response.status } : `http ${response.status}`;
  } catch (error) {
    return error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError') ? 'timeout' : 'network error';
  }
}

/** Sends queued batches until the queue is empty or a delivery fails. */
export async function deliverQueue(): Promise<void> {
  if (delivering) return;
  delivering = true;
  try {
    for (;;) {
      const settings = await getEffectiveSettings();
      const endpoint = settings.reporting.endpoint;
      // Re-checked here as well as in the validator: nothing but https (or loopback) gets data.
      if (!reportingActive(settings) || !isAllowedServiceUrl(new URL(endpoint))) return;
      const state = await readQueue();
      if (!mayDeliver(state, Date.now())) {
        await scheduleRetry(state.nextAttemptAt ?? Date.now());
        return;
      }
      const batch: PendingBatch | null = nextBatch(state, MAX_BATCH_EVENTS);
      if (!batch) {
        await browser.alarms.clear(AUDIT_RETRY_ALARM);
        return;
      }
      // If the worker is stopped mid-request, this alarm brings the batch back.
      await scheduleRetry(Date.now() + REQUEST_TIMEOUT_MS + retryDelayMs(state.attempt + 1));
      const body = JSON.stringify(auditBatch(batch.events, batch.dropped, { now: Date.now(), extensionVersion: browser.runtime.getManifest().version, deviceLabel: settings.reporting.deviceLabel }));
      const result = await post(endpoint, settings.reporting.authorization, body);
      if (typeof result === 'object') {
        await withQueue((s) => ({ state: acknowledge(s, batch, Date.now(), result.ok), result: undefined }));
        continue;
      }
      const failed = await withQueue((s) => {
        const next = recordFailure(s, result, Date.now());
        return { state: next, result: next };
      });
      console.warn(`ClientGuard: audit delivery failed (${result}); retry ${failed.attempt} scheduled`);
      await scheduleRetry(failed.nextAttemptAt ?? Date.now());
      return;
    }
  } catch (error) {
    console.error('ClientGuard: audit delivery error:', error instanceof Error ? error.message : error);
  } finally {
    delivering = false;
  }
}

async function report(events: AuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  await withQueue((state) => ({ state: enqueue(state, events), result: undefined }));
  void deliverQueue();
}

async function reportWarning(type: Exclude<AuditEventType, 'would_warn'>, record: WarningRecord): Promise<void> {
  const settings = await getEffectiveSettings();
  if (!reportingActive(settings)) return;
  const event = auditEventForWarning(type, record, settings.reporting.level, context(settings));
  if (event) await report([event]);
}

function siteOfSender(sender: Runtime.MessageSender): string {
  for (const url of [sender.url, sender.tab?.url]) {
    try {
      if (url) return new URL(url).hostname;
    } catch {
      // try the next one
    }
  }
  return '';
}

export function initAudit(): void {
  on('warning:opened', (record) => reportWarning('warning_shown', record));
  on('warning:pending', (record) => reportWarning('warning_pending', record));
  on('warning:resolved', (record) => reportWarning('decision', record));

  // Audit mode: the content script reports what it would have warned about and shows nothing.
  handle('audit/observed', 'content', async ({ channel, summary }, sender) => {
    const settings = await getEffectiveSettings();
    // Only audit mode observes; a stale content script in another mode is not believed.
    if (settings.mode !== 'audit') return { ok: true };
    const event = auditEventForObservation({ site: siteOfSender(sender), channel, summary }, context(settings));
    const send = reportingActive(settings) && levelIncludes(settings.reporting.level, 'would_warn');
    await withQueue((state) => {
      const remembered = rememberObservation(state, event);
      return { state: send ? enqueue(remembered, [event]) : remembered, result: undefined };
    });
    if (send) void deliverQueue();
    return { ok: true };
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === AUDIT_RETRY_ALARM) void deliverQueue();
  });

  onEffectiveSettings(async (settings, previous) => {
    if (!reportingActive(settings)) return;
    const changed = previous && (previous.reporting.endpoint !== settings.reporting.endpoint || previous.reporting.authorization !== settings.reporting.authorization);
    // A new endpoint or credential deserves a try now rather than after the old backoff.
    if (changed) await withQueue((state) => ({ state: { ...state, attempt: 0, nextAttemptAt: null }, result: undefined }));
    // Also runs once per worker start: picks up events left by a stopped worker or a restart
    // (alarms are not guaranteed to survive a browser restart).
    void deliverQueue();
  });
}
