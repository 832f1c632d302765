// The user's own settings (options page, imported files). Stored settings are re-checked on
// every read: storage can hold anything an older version, a sync tool or a hand-edited import
// put there, and a bad stored value must fall back to the default, not break protection.
import type { OwnIdentities } from '../types';
import { DEFAULT_SETTINGS, type SettingKey, type Settings } from '../settings';
import {
  LIST_THRESHOLD_RANGE,
  MODES,
  RETENTION_RANGE,
  TEXT_LIMITS,
  checkBoolean,
  checkCategories,
  checkEmailDomains,
  checkEmails,
  checkHostnames,
  checkInteger,
  checkNames,
  checkOneOf,
  checkOrigins,
  checkPhones,
  checkText,
  type Checked,
} from './fields';
import { issue, jsonType, type PolicyIssue } from './problems';

/** Settings a user may choose. Reporting is the practice's business only. */
export type UserSettings = Partial<Omit<Settings, 'reporting'>>;

function checkOwnIdentities(key: string, value: unknown): Checked<OwnIdentities> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return { problems: [issue(key, 'wrong_type', 'object', jsonType(value))] };
  }
  const raw = value as Record<string, unknown>;
  const problems: PolicyIssue[] = [];
  const part = (name: keyof OwnIdentities, check: (key: string, value: unknown) => Checked<string[]>): string[] => {
    if (raw[name] === undefined) return [];
    const checked = check(`${key}.${name}`, raw[name]);
    problems.push(...checked.problems);
    return checked.value ?? [];
  };
  return {
    value: {
      emails: part('emails', checkEmails),
      emailDomains: part('emailDomains', checkEmailDomains),
      phones: part('phones', checkPhones),
      names: part('names', checkNames),
    },
    problems,
  };
}

type UserRules = { [K in keyof UserSettings]-?: (key: string, value: unknown) => Checked<NonNullable<UserSettings[K]>> };

const USER_RULES: UserRules = {
  mode: checkOneOf(MODES),
  allowShareAnyway: checkBoolean,
  requireReason: checkBoolean,
  listThreshold: checkInteger(LIST_THRESHOLD_RANGE),
  disabledCategories: checkCategories,
  disabledSites: checkHostnames,
  addedSites: checkOrigins,
  ownIdentities: checkOwnIdentities,
  supportContact: checkText(TEXT_LIMITS.supportContact),
  customMessage: checkText(TEXT_LIMITS.customMessage),
  historyRetentionDays: checkInteger(RETENTION_RANGE),
};

export const USER_SETTING_KEYS = (Object.keys(DEFAULT_SETTINGS) as SettingKey[]).filter((k): k is keyof UserSettings => k !== 'reporting');

export interface SanitizedUserSettings {
  settings: UserSettings;
  problems: PolicyIssue[];
}

/** Keeps what is valid in `raw`; reports the rest. Never throws. */
export function sanitizeUserSettings(raw: unknown): SanitizedUserSettings {
  if (raw === undefined || raw === null) return { settings: {}, problems: [] };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { settings: {}, problems: [issue('(settings)', 'wrong_type', 'object', jsonType(raw))] };
  }
  const settings: Record<string, unknown> = {};
  const problems: PolicyIssue[] = [];
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (key === 'reporting') {
      problems.push(issue(key, 'policy_only'));
      continue;
    }
    const check = (USER_RULES as Record<string, UserRules[keyof UserRules] | undefined>)[key];
    if (!check) {
      problems.push(issue(key, 'unknown_key'));
      continue;
    }
    const checked = check(key, value);
    problems.push(...checked.problems);
    if (checked.value !== undefined) settings[key] = checked.value;
  }
  return { settings: settings as UserSettings, problems };
}

export interface UserSettingsChange {
  /** The user's settings after the change. */
  next: UserSettings;
  /** Keys that were not changed because policy locks them. */
  ignoredLocked: SettingKey[];
  problems: PolicyIssue[];
}

/**
 * Applies the changes the options page (or an import) asks for on top of the stored user
 * settings. Locked keys are left as they were: the policy value wins anyway, and keeping the
 * user's old choice means it comes back if the practice lifts the lock.
 */
export function applyUserChanges(stored: UserSettings, changes: unknown, locked: readonly SettingKey[]): UserSettingsChange {
  const { settings, problems } = sanitizeUserSettings(changes);
  const next: UserSettings = { ...stored };
  const ignoredLocked: SettingKey[] = [];
  for (const key of USER_SETTING_KEYS) {
    if (!(key in settings)) continue;
    if (locked.includes(key)) {
      ignoredLocked.push(key);
      continue;
    }
    (next as Record<string, unknown>)[key] = settings[key];
  }
  return { next, ignoredLocked, problems };
}
