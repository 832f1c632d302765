// defaults < user settings < policy. What policy mentions is locked; a locked key whose policy
// value was unusable takes the default (see ValidatedPolicy.locked for why not the user's).
import { DEFAULT_SETTINGS, type EffectiveSettings, type PolicyProblem, type SettingKey, type Settings } from '../settings';
import { sanitizeUserSettings, type UserSettings } from './user-settings';
import type { ValidatedPolicy } from './policy';

function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export interface MergeInput {
  /** What storage.local holds for the user; re-checked here. */
  user: unknown;
  policy: ValidatedPolicy;
  defaults?: Settings;
}

export function mergeSettings({ user, policy, defaults = DEFAULT_SETTINGS }: MergeInput): EffectiveSettings {
  const base = copy(defaults);
  // Problems in stored user settings are not the administrator's: they are dropped silently
  // here and reported when the user imports or saves (applyUserChanges).
  const userSettings: UserSettings = sanitizeUserSettings(user).settings;
  const locked = new Set<SettingKey>(policy.locked);
  const merged: Settings = { ...base };

  for (const key of Object.keys(base) as SettingKey[]) {
    if (key === 'reporting') continue; // policy only, below
    if (locked.has(key)) continue;
    if (userSettings[key as keyof UserSettings] !== undefined) {
      (merged as unknown as Record<string, unknown>)[key] = copy(userSettings[key as keyof UserSettings]);
    }
  }

  const { settings: policySettings, ownIdentities, reporting } = policy.values;
  for (const [key, value] of Object.entries(policySettings)) {
    if (value !== undefined) (merged as unknown as Record<string, unknown>)[key] = copy(value);
  }
  if (locked.has('ownIdentities')) merged.ownIdentities = { ...base.ownIdentities, ...copy(ownIdentities) };
  merged.reporting = { ...base.reporting, ...reporting };

  return {
    ...merged,
    locked: Object.keys(base).filter((k) => locked.has(k as SettingKey)) as SettingKey[],
    policyErrors: policy.problems as PolicyProblem[],
    adminNote: policy.values.adminNote ?? '',
  };
}

/** Whether reporting can send anything at all. */
export function reportingActive(settings: Pick<Settings, 'reporting'>): boolean {
  return settings.reporting.level !== 'off' && settings.reporting.endpoint !== '';
}
