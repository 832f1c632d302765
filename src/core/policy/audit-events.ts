// Audit events: what the practice's endpoint receives. Built field by field from an allow-list,
// never by copying a record: a warning holds masked examples and the user's note, and neither
// may leave the device. Enumerations are checked against their known values so that nothing a
// page or a future field could put into a record travels under an innocent name.
import type { FindingType, RiskReason, Verdict } from '../types';
import type { Channel, Decision, ShareReasonCategory, WarningRecord, WarningSummary } from '../warnings';
import type { Mode, ReportingLevel } from '../settings';

export type AuditEventType =
  /** A warning was shown in a page. */
  | 'warning_shown'
  /** Audit mode: a warning would have been shown; nothing interrupted the user. */
  | 'would_warn'
  /** A warning was left pending (decide later, page closed, blocked). */
  | 'warning_pending'
  /** The user decided, in the page or in the popup. */
  | 'decision';

export interface AuditEvent {
  /** Random UUID; the receiver deduplicates on it (delivery is at least once). */
  id: string;
  type: AuditEventType;
  /** ISO 8601, UTC. */
  time: string;
  /** The warning this event is about; links "shown" to its "decision". Random, not content. */
  warningId?: string;
  /** Hostname only. */
  site: string;
  channel: Channel | 'unknown';
  mode: Mode;
  verdict: Verdict | 'unknown';
  reasons: RiskReason[];
  counts: Partial<Record<FindingType, number>>;
  people: number;
  /** How many roster entries matched; never which. */
  rosterMatches: number;
  pendingBecause?: NonNullable<WarningRecord['pendingBecause']>;
  decision?: Decision;
  reasonCategory?: Exclude<ShareReasonCategory, ''>;
  decidedIn?: 'page' | 'popup';
  extensionVersion: string;
  deviceLabel: string;
}

/** What is POSTed: a batch of events and how many were dropped before it (queue full). */
export interface AuditBatch {
  format: 'clientguard-audit/1';
  sentAt: string;
  extensionVersion: string;
  deviceLabel: string;
  /** Events discarded on this device since the last delivered batch because the queue was full. */
  dropped: number;
  events: AuditEvent[];
}

const CHANNELS: readonly Channel[] = ['paste', 'drop', 'upload', 'form', 'post'];
const VERDICTS: readonly Verdict[] = ['none', 'caution', 'warning'];
const REASONS: readonly RiskReason[] = ['client_list', 'clinical_context', 'hashed_list', 'known_client'];
const FINDING_TYPES: readonly FindingType[] = ['person', 'email', 'phone', 'hashed_id', 'dob', 'address', 'clinical'];
const DECISIONS: readonly Decision[] = ['cancelled', 'redacted', 'shared', 'not_client_data', 'blocked', 'authorized', 'other'];
const REASON_CATEGORIES: readonly Exclude<ShareReasonCategory, ''>[] = ['written_authorization', 'not_identifiable', 'own_information', 'other'];
const PENDING_BECAUSE: readonly NonNullable<WarningRecord['pendingBecause']>[] = ['navigated', 'deferred', 'blocked', 'frame_removed'];
const DECIDED_IN: readonly ('page' | 'popup')[] = ['page', 'popup'];

/** Which event types each reporting level sends. */
export const EVENTS_BY_LEVEL: Readonly<Record<ReportingLevel, readonly AuditEventType[]>> = {
  off: [],
  warnings: ['warning_shown', 'would_warn'],
  decisions: ['warning_shown', 'would_warn', 'decision'],
  all: ['warning_shown', 'would_warn', 'decision', 'warning_pending'],
};

export function levelIncludes(level: ReportingLevel, type: AuditEventType, pendingBecause?: WarningRecord['pendingBecause']): boolean {
  // Block mode turns every warning into a pending "blocked" one: that is the decision the
  // practice made for the user, so it belongs with decisions, not with the "all" extras.
  if (type === 'warning_pending' && pendingBecause === 'blocked') return EVENTS_BY_LEVEL[level].includes('decision');
  return EVENTS_BY_LEVEL[level].includes(type);
}

function oneOf<T extends string>(allowed: readonly T[], value: unknown): T | undefined {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.floor(value) : 0;
}

/** A hostname from whatever a record holds ("host", "https://host/path"); '' if none. */
export function siteOf(value: unknown): string {
  if (typeof value !== 'string') return '';
  let host = value.trim().toLowerCase();
  if (host.includes('://')) {
    try {
      host = new URL(host).hostname;
    } catch {
      return '';
    }
  }
  return /^[a-z0-9.-]{1,253}$/.test(host) || /^\[[0-9a-f:]+\]$/.test(host) ? host : '';
}

export interface AuditContext {
  id: string;
  now: number;
  mode: Mode;
  extensionVersion: string;
  deviceLabel: string;
}

function fromSummary(summary: Partial<WarningSummary> | undefined): Pick<AuditEvent, 'verdict' | 'reasons' | 'counts' | 'people' | 'rosterMatches'> {
  const counts: Partial<Record<FindingType, number>> = {};
  const rawCounts = summary?.counts ?? {};
  for (const type of FINDING_TYPES) {
    if (type in rawCounts) counts[type] = count((rawCounts as Record<string, unknown>)[type]);
  }
  return {
    verdict: oneOf(VERDICTS, summary?.verdict) ?? 'unknown',
    reasons: (Array.isArray(summary?.reasons) ? summary.reasons : []).filter((r): r is RiskReason => oneOf(REASONS, r) !== undefined),
    counts,
    people: count(summary?.people),
    rosterMatches: Array.isArray(summary?.rosterMatches) ? summary.rosterMatches.length : 0,
  };
}

/** The event for a warning record, or null when the reporting level does not want it. */
export function auditEventForWarning(
  type: Exclude<AuditEventType, 'would_warn'>,
  record: WarningRecord,
  level: ReportingLevel,
  context: AuditContext,
): AuditEvent | null {
  const pendingBecause = oneOf(PENDING_BECAUSE, record.pendingBecause);
  if (!levelIncludes(level, type, pendingBecause)) return null;
  const event: AuditEvent = {
    id: context.id,
    type,
    time: new Date(context.now).toISOString(),
    warningId: typeof record.id === 'string' && /^[\w-]{1,100}$/.test(record.id) ? record.id : undefined,
    site: siteOf(record.site),
    channel: oneOf(CHANNELS, record.channel) ?? 'unknown',
    mode: context.mode,
    ...fromSummary(record.summary),
    extensionVersion: context.extensionVersion,
    deviceLabel: context.deviceLabel,
  };
  if (type === 'warning_pending' && pendingBecause) event.pendingBecause = pendingBecause;
  if (type === 'decision') {
    event.decision = oneOf(DECISIONS, record.decision);
    event.reasonCategory = oneOf(REASON_CATEGORIES, record.reasonCategory);
    event.decidedIn = oneOf(DECIDED_IN, record.decidedIn);
  }
  return withoutUndefined(event);
}

/** Audit mode: what the content script saw and would have warned about. */
export function auditEventForObservation(
  observation: { site: string; channel: unknown; summary: Partial<WarningSummary> | undefined },
  context: AuditContext,
): AuditEvent {
  return withoutUndefined({
    id: context.id,
    type: 'would_warn',
    time: new Date(context.now).toISOString(),
    site: siteOf(observation.site),
    channel: oneOf(CHANNELS, observation.channel) ?? 'unknown',
    mode: context.mode,
    ...fromSummary(observation.summary),
    extensionVersion: context.extensionVersion,
    deviceLabel: context.deviceLabel,
  });
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function auditBatch(events: AuditEvent[], dropped: number, context: { now: number; extensionVersion: string; deviceLabel: string }): AuditBatch {
  return {
    format: 'clientguard-audit/1',
    sentAt: new Date(context.now).toISOString(),
    extensionVersion: context.extensionVersion,
    deviceLabel: context.deviceLabel,
    dropped,
    events,
  };
}
