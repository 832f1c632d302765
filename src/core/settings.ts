// The settings model: one shape for defaults, the user's options and the practice's policy.
// Merging and validation live in src/core/policy/; this file is only the vocabulary.
import type { OwnIdentities } from './types';
import type { SiteCategoryId } from './sites';

/** off: nothing runs; audit: record and report, never interrupt; warn: dialog; block: no sharing. */
export type Mode = 'off' | 'audit' | 'warn' | 'block';

export type ReportingLevel = 'off' | 'warnings' | 'decisions' | 'all';

export interface ReportingSettings {
  /** HTTPS URL that receives audit events as JSON POST; empty = no reporting. */
  endpoint: string;
  /** Value of the Authorization header sent with each event. */
  authorization: string;
  level: ReportingLevel;
  /** Device or user label set by the practice, copied into every event. */
  deviceLabel: string;
}

export interface Settings {
  mode: Mode;
  allowShareAnyway: boolean;
  requireReason: boolean;
  /** Distinct people that make a client list. */
  listThreshold: number;
  disabledCategories: SiteCategoryId[];
  /** Hostnames of default sites that are switched off, e.g. "www.yelp.com". */
  disabledSites: string[];
  /** Origins added by the user or policy, e.g. "https://crm.example.com". */
  addedSites: string[];
  ownIdentities: OwnIdentities;
  /** Who to contact, shown in the warning (block mode especially). */
  supportContact: string;
  /** The practice's own message shown in the warning. */
  customMessage: string;
  reporting: ReportingSettings;
  /** Days resolved warnings stay in history; 0 keeps none. */
  historyRetentionDays: number;
}

export type SettingKey = keyof Settings;

/** Settings as the extension applies them, with what policy locked and what it got wrong. */
export interface EffectiveSettings extends Settings {
  /** Keys set by managed policy; the options page shows them locked. */
  locked: SettingKey[];
  /** Invalid policy values, reported on the options page's diagnostics and ignored. */
  policyErrors: PolicyProblem[];
  /** Administrator's note shown next to locked settings. */
  adminNote: string;
}

export interface PolicyProblem {
  key: string;
  message: string;
}

export const DEFAULT_SETTINGS: Settings = {
  mode: 'warn',
  allowShareAnyway: true,
  requireReason: false,
  listThreshold: 3,
  disabledCategories: [],
  disabledSites: [],
  addedSites: [],
  ownIdentities: { emails: [], emailDomains: [], phones: [], names: [] },
  supportContact: '',
  customMessage: '',
  reporting: { endpoint: '', authorization: '', level: 'off', deviceLabel: '' },
  historyRetentionDays: 90,
};
