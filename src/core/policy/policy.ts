// Managed policy -> settings. Every policy key has one rule: how to check it, which setting it
// locks and where its value goes. A unit test keeps this table and managed_schema.json in step.
import type { OwnIdentities } from '../types';
import type { ReportingSettings, SettingKey, Settings } from '../settings';
import {
  LIST_THRESHOLD_RANGE,
  MODES,
  REPORTING_LEVELS,
  RETENTION_RANGE,
  TEXT_LIMITS,
  checkBoolean,
  checkCategories,
  checkEmailDomains,
  checkEmails,
  checkHeaderValue,
  checkHexKey,
  checkHostnames,
  checkInteger,
  checkNames,
  checkOneOf,
  checkOrigins,
  checkPhones,
  checkServiceUrl,
  checkText,
  type Checked,
} from './fields';
import { issue, jsonType, type PolicyIssue } from './problems';
import { MANAGED_KEYS, checkSchema, schemaFor } from './schema';

/** Roster values are read by the roster feature (src/background/roster.ts); checked here so
 *  that their problems show with the others. */
export interface RosterPolicy {
  rosterKey?: string;
  rosterUrl?: string;
  rosterInline?: string;
}

/** What a policy sets, already checked. */
export interface PolicyValues {
  settings: Partial<Omit<Settings, 'ownIdentities' | 'reporting'>>;
  ownIdentities: Partial<OwnIdentities>;
  reporting: Partial<ReportingSettings>;
  adminNote?: string;
  roster: RosterPolicy;
}

export interface ValidatedPolicy {
  values: PolicyValues;
  /** Settings the policy locks: every key it mentions, whether or not the value was usable
   *  (a mistyped value falls back to the default rather than to the user's choice, so a typo
   *  in `mode: "blok"` cannot hand the user a switch the practice meant to hold). */
  locked: SettingKey[];
  /** Policy keys present in what the browser handed over, in schema order, unknown ones last. */
  received: string[];
  problems: PolicyIssue[];
}

interface PolicyRule {
  check: (key: string, value: unknown) => Checked<unknown>;
  locks?: SettingKey;
  assign: (values: PolicyValues, value: never) => void;
}

function rule<T>(check: (key: string, value: unknown) => Checked<T>, locks: SettingKey | undefined, assign: (values: PolicyValues, value: T) => void): PolicyRule {
  return { check, locks, assign: assign as PolicyRule['assign'] };
}

export const POLICY_RULES: Readonly<Record<string, PolicyRule>> = {
  mode: rule(checkOneOf(MODES), 'mode', (v, x) => (v.settings.mode = x)),
  allowShareAnyway: rule(checkBoolean, 'allowShareAnyway', (v, x) => (v.settings.allowShareAnyway = x)),
  requireReason: rule(checkBoolean, 'requireReason', (v, x) => (v.settings.requireReason = x)),
  listThreshold: rule(checkInteger(LIST_THRESHOLD_RANGE), 'listThreshold', (v, x) => (v.settings.listThreshold = x)),
  disabledCategories: rule(checkCategories, 'disabledCategories', (v, x) => (v.settings.disabledCategories = x)),
  disabledSites: rule(checkHostnames, 'disabledSites', (v, x) => (v.settings.disabledSites = x)),
  addedSites: rule(checkOrigins, 'addedSites', (v, x) => (v.settings.addedSites = x)),
  ownEmails: rule(checkEmails, 'ownIdentities', (v, x) => (v.ownIdentities.emails = x)),
  ownEmailDomains: rule(checkEmailDomains, 'ownIdentities', (v, x) => (v.ownIdentities.emailDomains = x)),
  ownPhones: rule(checkPhones, 'ownIdentities', (v, x) => (v.ownIdentities.phones = x)),
  ownNames: rule(checkNames, 'ownIdentities', (v, x) => (v.ownIdentities.names = x)),
  supportContact: rule(checkText(TEXT_LIMITS.supportContact), 'supportContact', (v, x) => (v.settings.supportContact = x)),
  customMessage: rule(checkText(TEXT_LIMITS.customMessage), 'customMessage', (v, x) => (v.settings.customMessage = x)),
  reportingEndpoint: rule(checkServiceUrl, 'reporting', (v, x) => (v.reporting.endpoint = x)),
  reportingAuthorization: rule(checkHeaderValue, 'reporting', (v, x) => (v.reporting.authorization = x)),
  reportingLevel: rule(checkOneOf(REPORTING_LEVELS), 'reporting', (v, x) => (v.reporting.level = x)),
  deviceLabel: rule(checkText(TEXT_LIMITS.deviceLabel), 'reporting', (v, x) => (v.reporting.deviceLabel = x)),
  historyRetentionDays: rule(checkInteger(RETENTION_RANGE), 'historyRetentionDays', (v, x) => (v.settings.historyRetentionDays = x)),
  adminNote: rule(checkText(TEXT_LIMITS.adminNote), undefined, (v, x) => (v.adminNote = x)),
  rosterKey: rule(checkHexKey, undefined, (v, x) => (v.roster.rosterKey = x)),
  rosterUrl: rule(checkServiceUrl, undefined, (v, x) => (v.roster.rosterUrl = x)),
  rosterInline: rule(checkText(TEXT_LIMITS.rosterInline), undefined, (v, x) => (v.roster.rosterInline = x)),
};

/** Closest known key to a mistyped one ("listTreshold" -> "listThreshold"), if close enough. */
export function suggestKey(unknown: string): string | undefined {
  const lower = unknown.toLowerCase();
  let best: { key: string; distance: number } | undefined;
  for (const key of MANAGED_KEYS) {
    const distance = editDistance(lower, key.toLowerCase());
    if (distance <= 2 && (!best || distance < best.distance)) best = { key, distance };
  }
  return best?.key;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

export function emptyPolicyValues(): PolicyValues {
  return { settings: {}, ownIdentities: {}, reporting: {}, roster: {} };
}

/**
 * Checks what the browser's managed storage returned. Never throws: anything that is not an
 * object counts as "no policy" with one problem.
 */
export function validatePolicy(raw: unknown): ValidatedPolicy {
  const result: ValidatedPolicy = { values: emptyPolicyValues(), locked: [], received: [], problems: [] };
  if (raw === undefined || raw === null) return result;
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    result.problems.push(issue('(policy)', 'wrong_type', 'object', jsonType(raw)));
    return result;
  }
  const entries = Object.entries(raw as Record<string, unknown>);
  const known = MANAGED_KEYS.filter((key) => entries.some(([k]) => k === key));
  const unknown = entries.map(([k]) => k).filter((k) => !MANAGED_KEYS.includes(k)).sort();
  result.received = [...known, ...unknown];

  for (const key of unknown) {
    const suggestion = suggestKey(key);
    result.problems.push(suggestion ? issue(key, 'unknown_key', suggestion) : issue(key, 'unknown_key'));
  }
  for (const key of known) {
    const value = (raw as Record<string, unknown>)[key];
    const policyRule = POLICY_RULES[key];
    const node = schemaFor(key);
    if (!policyRule || !node) continue;
    if (policyRule.locks && !result.locked.includes(policyRule.locks)) result.locked.push(policyRule.locks);
    // Chromium drops a value that fails the schema as a whole (a list with one number in it is
    // dropped entirely); doing the same here keeps Firefox, which has no schema, in step.
    const structural = checkSchema(key, node, value);
    if (structural.length > 0) {
      result.problems.push(...structural);
      continue;
    }
    const checked = policyRule.check(key, value);
    result.problems.push(...checked.problems);
    if (checked.value !== undefined) policyRule.assign(result.values, checked.value as never);
  }
  return result;
}

/** Keys whose values must not be shown in full on screen (credentials, key material). */
export const SECRET_POLICY_KEYS: readonly string[] = ['reportingAuthorization', 'rosterKey', 'rosterInline'];

export interface ReceivedPolicyEntry {
  key: string;
  known: boolean;
  /** The value as text for the diagnostics page; secrets are masked, long text is cut. */
  shown: string;
}

/** What the browser handed over, for the admin diagnostics, with secrets masked. */
export function describeReceivedPolicy(raw: unknown): ReceivedPolicyEntry[] {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return [];
  const record = raw as Record<string, unknown>;
  const keys = [...MANAGED_KEYS.filter((k) => k in record), ...Object.keys(record).filter((k) => !MANAGED_KEYS.includes(k)).sort()];
  return keys.map((key) => ({ key, known: MANAGED_KEYS.includes(key), shown: showValue(key, record[key]) }));
}

function showValue(key: string, value: unknown): string {
  if (SECRET_POLICY_KEYS.includes(key)) {
    const length = typeof value === 'string' ? value.length : JSON.stringify(value)?.length ?? 0;
    return `•••• (${length})`;
  }
  const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}
