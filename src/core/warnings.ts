// What the extension keeps about a warning: metadata only. Counts, kinds and masked examples;
// never the text, file contents or full identifiers. Masked examples live only as long as the
// warning is pending; history and audit events drop them (see toHistoryEntry).
import type { FindingType, MaskedExample, RiskReason, Verdict } from './types';

/** How the data was about to leave the page. */
export type Channel = 'paste' | 'drop' | 'upload' | 'form' | 'post';

/** What the user decided, in the page or later in the popup. */
export type Decision =
  | 'cancelled' // did not share (in-page Cancel, Escape)
  | 'redacted' // shared with identifiers removed
  | 'shared' // shared anyway
  | 'not_client_data' // false alarm, shared
  | 'blocked' // block mode: nothing could be shared
  | 'authorized' // popup: shared with the client's written authorization
  | 'other'; // popup: other, with a note

/** Why the user shared anyway: a category that can be reported, plus an optional local note. */
export type ShareReasonCategory =
  | 'written_authorization'
  | 'not_identifiable'
  | 'own_information'
  | 'other'
  | '';

export type WarningStatus = 'open' | 'pending' | 'resolved';

export interface WarningSummary {
  verdict: Verdict;
  reasons: RiskReason[];
  counts: Partial<Record<FindingType, number>>;
  people: number;
  examples: MaskedExample[];
  rosterMatches?: MaskedExample[];
}

export interface WarningRecord {
  id: string;
  /** Hostname only, e.g. "business.facebook.com". */
  site: string;
  tabId?: number;
  frameId?: number;
  channel: Channel;
  /** ms since epoch */
  createdAt: number;
  summary: WarningSummary;
  status: WarningStatus;
  /** Why it became pending: the page went away, the user chose "decide later", or block mode. */
  pendingBecause?: 'navigated' | 'deferred' | 'blocked' | 'frame_removed';
  decision?: Decision;
  reasonCategory?: ShareReasonCategory;
  /** Free-text note typed by the user; stays on this device, never reported. */
  note?: string;
  decidedAt?: number;
  /** Where the decision was made. */
  decidedIn?: 'page' | 'popup';
  /** Id of the decision record written by the walkthrough, if any. */
  decisionRecordId?: string;
}

/**
 * The masked examples to show for a warning: roster matches first (they say "this is your
 * client"), then the classifier's, each masked value once (both mask the same way, so a
 * client the classifier also saw is not listed twice).
 */
export function shownExamples(summary: Pick<WarningSummary, 'examples' | 'rosterMatches'>, max = 6): MaskedExample[] {
  const out: MaskedExample[] = [];
  const seen = new Set<string>();
  for (const e of [...(summary.rosterMatches ?? []), ...summary.examples]) {
    const key = e.type + '\u0000' + e.masked.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(e);
    if (out.length >= max) break;
  }
  return out;
}

/** History keeps counts and kinds but no masked examples. */
export function toHistoryEntry(w: WarningRecord): WarningRecord {
  const { examples: _examples, rosterMatches: _roster, ...summary } = w.summary;
  return { ...w, summary: { ...summary, examples: [] }, status: 'resolved' };
}
