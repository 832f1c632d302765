// Settings export and import (options page). The file holds the user's own choices only:
// keys locked by policy and reporting are left out, since importing them elsewhere would either
// be ignored or carry the practice's endpoint and credentials to another device.
import type { EffectiveSettings, SettingKey } from '../settings';
import { USER_SETTING_KEYS, sanitizeUserSettings, type SanitizedUserSettings, type UserSettings } from './user-settings';

export const SETTINGS_FILE_FORMAT = 'clientguard-settings/1';

export interface SettingsFile {
  format: typeof SETTINGS_FILE_FORMAT;
  exportedAt: string;
  settings: UserSettings;
}

export function exportSettings(effective: EffectiveSettings, now: number): SettingsFile {
  const locked = new Set<SettingKey>(effective.locked);
  const settings: Record<string, unknown> = {};
  for (const key of USER_SETTING_KEYS) {
    if (!locked.has(key)) settings[key] = effective[key];
  }
  return { format: SETTINGS_FILE_FORMAT, exportedAt: new Date(now).toISOString(), settings: settings as UserSettings };
}

export type ImportResult = ({ ok: true } & SanitizedUserSettings) | { ok: false; error: 'not_json' | 'not_settings' };

/** Reads an exported file; a bare settings object (no wrapper) is accepted too. */
export function parseSettingsFile(text: string): ImportResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, error: 'not_json' };
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return { ok: false, error: 'not_settings' };
  const record = parsed as Record<string, unknown>;
  if ('format' in record) {
    if (record.format !== SETTINGS_FILE_FORMAT || !record.settings || typeof record.settings !== 'object') return { ok: false, error: 'not_settings' };
    return { ok: true, ...sanitizeUserSettings(record.settings) };
  }
  const result = sanitizeUserSettings(record);
  if (Object.keys(result.settings).length === 0) return { ok: false, error: 'not_settings' };
  return { ok: true, ...result };
}
