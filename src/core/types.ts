// Shared vocabulary of the pure core. No browser APIs here or anywhere under src/core:
// everything in core runs unchanged in the extension, in Node tests, benchmarks and the CLI.

/** Kinds of identifier or context the classifier can find in a piece of text. */
export type FindingType =
  | 'person'
  | 'email'
  | 'phone'
  | 'hashed_id'
  | 'dob'
  | 'address'
  | 'clinical';

/** A span in the classified text; offsets are UTF-16 code units, end exclusive. */
export interface Finding {
  type: FindingType;
  start: number;
  end: number;
  /** 0..1 */
  confidence: number;
}

export type Verdict = 'none' | 'caution' | 'warning';

/** Why a verdict was reached; several can apply at once. */
export type RiskReason =
  | 'client_list' // >= threshold distinct people with a contact identifier, or identifiers in list form
  | 'clinical_context' // identifiers next to diagnoses, medication or therapy words
  | 'hashed_list' // a list of SHA-256 / MD5 hex strings, the form ad platforms accept
  | 'known_client'; // matches the practice's roster (see src/core/roster)

/** What the warning may show: masked, never the full value. */
export interface MaskedExample {
  type: FindingType;
  /** e.g. "J*** D**", "j***@g****.com", "(***) ***-**67" */
  masked: string;
}

export interface Classification {
  verdict: Verdict;
  reasons: RiskReason[];
  /** Number of findings per kind. */
  counts: Partial<Record<FindingType, number>>;
  /** Distinct people (records) with a name and/or contact identifier. */
  people: number;
  /** At most a handful of masked examples for display. */
  examples: MaskedExample[];
  findings: Finding[];
  /** Roster matches, masked; present only when a roster was supplied and matched. */
  rosterMatches?: MaskedExample[];
}

/** Identities that belong to the clinician or practice and are never flagged. */
export interface OwnIdentities {
  emails: string[];
  emailDomains: string[];
  phones: string[];
  names: string[];
}

/** Matches text against the practice's hashed roster (src/core/roster). */
export interface RosterMatcher {
  /** Returns the masked identifiers of roster entries mentioned in `text`. Synchronous. */
  match(text: string): MaskedExample[];
  /**
   * Where roster values occur (every mention), so "Remove identifiers" also takes out a
   * client's name that only the roster knows. Optional: a matcher without it still warns.
   */
  matchSpans?(text: string): { type: FindingType; start: number; end: number }[];
  readonly size: number;
}

export interface ClassifyOptions {
  /** Distinct people needed for a client list (default 3). */
  listThreshold?: number;
  ownIdentities?: Partial<OwnIdentities>;
  roster?: RosterMatcher | null;
}

/** Where a piece of content came from; helps the classifier parse it. */
export type ContentForm = 'auto' | 'text' | 'html' | 'csv' | 'json';

export interface ClassifyInput {
  text: string;
  /** text/html flavour of a paste or drop, when the clipboard had one. */
  html?: string;
  form?: ContentForm;
}
