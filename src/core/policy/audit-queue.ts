// The audit queue as data: events wait here (storage.local) until the endpoint answers 2xx.
// Pure functions, so the rules (bounded size, drop-oldest, dropped count carried until it has
// been delivered, backoff bookkeeping) are tested without a browser.
import type { AuditEvent } from './audit-events';
import { retryDelayMs } from './backoff';

export const MAX_QUEUED_EVENTS = 1000;
export const MAX_BATCH_EVENTS = 50;
/** Audit-mode observations kept on the device for the diagnostics page. */
export const MAX_RECENT_OBSERVATIONS = 20;

export type DeliveryResult = `http ${number}` | 'network error' | 'timeout' | 'not configured';

export interface AuditQueueState {
  events: AuditEvent[];
  /** Events discarded because the queue was full, not yet reported to the endpoint. */
  dropped: number;
  /** Consecutive failed deliveries. */
  attempt: number;
  nextAttemptAt: number | null;
  lastAttemptAt: number | null;
  lastResult: DeliveryResult | null;
  lastDeliveredAt: number | null;
  /** Events delivered since install (for the diagnostics). */
  delivered: number;
  /** Latest audit-mode observations, newest first, metadata only. */
  recentObserved: AuditEvent[];
}

export function emptyQueue(): AuditQueueState {
  return {
    events: [],
    dropped: 0,
    attempt: 0,
    nextAttemptAt: null,
    lastAttemptAt: null,
    lastResult: null,
    lastDeliveredAt: null,
    delivered: 0,
    recentObserved: [],
  };
}

/** Reads a stored queue, tolerating absent or damaged values. */
export function queueFromStorage(raw: unknown): AuditQueueState {
  const base = emptyQueue();
  if (!raw || typeof raw !== 'object') return base;
  const r = raw as Partial<AuditQueueState>;
  const num = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);
  const numOrNull = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  return {
    events: Array.isArray(r.events) ? r.events.filter((e) => e && typeof e === 'object' && typeof e.id === 'string') : [],
    dropped: num(r.dropped, 0),
    attempt: num(r.attempt, 0),
    nextAttemptAt: numOrNull(r.nextAttemptAt),
    lastAttemptAt: numOrNull(r.lastAttemptAt),
    lastResult: typeof r.lastResult === 'string' ? r.lastResult : null,
    lastDeliveredAt: numOrNull(r.lastDeliveredAt),
    delivered: num(r.delivered, 0),
    recentObserved: Array.isArray(r.recentObserved) ? r.recentObserved.slice(0, MAX_RECENT_OBSERVATIONS) : [],
  };
}

/** Appends events; when full, the oldest go first and are counted in `dropped`. */
export function enqueue(state: AuditQueueState, events: AuditEvent[], max = MAX_QUEUED_EVENTS): AuditQueueState {
  const all = [...state.events, ...events.filter((e) => !state.events.some((q) => q.id === e.id))];
  const overflow = Math.max(0, all.length - max);
  return { ...state, events: all.slice(overflow), dropped: state.dropped + overflow };
}

export function rememberObservation(state: AuditQueueState, event: AuditEvent, max = MAX_RECENT_OBSERVATIONS): AuditQueueState {
  return { ...state, recentObserved: [event, ...state.recentObserved].slice(0, max) };
}

export interface PendingBatch {
  events: AuditEvent[];
  dropped: number;
}

export function nextBatch(state: AuditQueueState, max = MAX_BATCH_EVENTS): PendingBatch | null {
  if (state.events.length === 0 && state.dropped === 0) return null;
  return { events: state.events.slice(0, max), dropped: state.dropped };
}

/** The endpoint accepted `batch`: remove its events (others may have arrived meanwhile). */
export function acknowledge(state: AuditQueueState, batch: PendingBatch, now: number, status: number): AuditQueueState {
  const sent = new Set(batch.events.map((e) => e.id));
  return {
    ...state,
    events: state.events.filter((e) => !sent.has(e.id)),
    dropped: Math.max(0, state.dropped - batch.dropped),
    attempt: 0,
    nextAttemptAt: null,
    lastAttemptAt: now,
    lastResult: `http ${status}`,
    lastDeliveredAt: now,
    delivered: state.delivered + batch.events.length,
  };
}

/** Delivery failed: count it and schedule the next try. */
export function recordFailure(state: AuditQueueState, result: DeliveryResult, now: number, random: () => number = Math.random): AuditQueueState {
  const attempt = state.attempt + 1;
  return { ...state, attempt, lastAttemptAt: now, lastResult: result, nextAttemptAt: now + retryDelayMs(attempt, random) };
}

/** Whether a delivery may start now (not waiting out a backoff). */
export function mayDeliver(state: AuditQueueState, now: number): boolean {
  return state.nextAttemptAt === null || state.nextAttemptAt <= now;
}
