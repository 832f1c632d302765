import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { applyUserChanges, sanitizeUserSettings } from '../../../src/core/policy/user-settings';
import { exportSettings, parseSettingsFile } from '../../../src/core/policy/settings-file';
import { mergeSettings } from '../../../src/core/policy/merge';
import { validatePolicy } from '../../../src/core/policy/policy';

describe('applyUserChanges', () => {
  it('changes unlocked keys and leaves locked ones as stored', () => {
    const change = applyUserChanges({ mode: 'warn', listThreshold: 3 }, { mode: 'off', listThreshold: 6 }, ['mode']);
    expect(change.next).toEqual({ mode: 'warn', listThreshold: 6 });
    expect(change.ignoredLocked).toEqual(['mode']);
    expect(change.problems).toEqual([]);
  });

  it('refuses reporting and unknown keys, keeps valid parts', () => {
    const change = applyUserChanges({}, { reporting: { endpoint: 'https://x.example' }, colour: 'red', requireReason: true, listThreshold: 0 }, []);
    expect(change.next).toEqual({ requireReason: true });
    expect(change.problems.map((p) => `${p.key}:${p.code}`)).toEqual(['reporting:policy_only', 'colour:unknown_key', 'listThreshold:out_of_range']);
  });

  it('checks own identities part by part', () => {
    const { settings, problems } = sanitizeUserSettings({ ownIdentities: { emails: ['me@x.example', 'bad'], phones: ['(415) 555-0100'] } });
    expect(settings.ownIdentities).toEqual({ emails: ['me@x.example'], emailDomains: [], phones: ['(415) 555-0100'], names: [] });
    expect(problems.map((p) => p.key)).toEqual(['ownIdentities.emails']);
    expect(sanitizeUserSettings({ ownIdentities: ['x'] }).problems[0]?.code).toBe('wrong_type');
  });
});

describe('settings files', () => {
  it('round-trips the user\'s choices and leaves out locked keys and reporting', () => {
    const effective = mergeSettings({
      user: { listThreshold: 6, addedSites: ['https://crm.example.com'], mode: 'audit' },
      policy: validatePolicy({ mode: 'warn', reportingEndpoint: 'https://a.example.com', reportingAuthorization: 'Bearer t' }),
    });
    const file = exportSettings(effective, Date.UTC(2025, 0, 2));
    expect(file.format).toBe('clientguard-settings/1');
    expect(file.exportedAt).toBe('2025-01-02T00:00:00.000Z');
    expect(file.settings).not.toHaveProperty('mode');
    expect(file.settings).not.toHaveProperty('reporting');
    expect(JSON.stringify(file)).not.toContain('Bearer');
    const parsed = parseSettingsFile(JSON.stringify(file));
    expect(parsed.ok && parsed.settings.listThreshold).toBe(6);
    expect(parsed.ok && parsed.settings.addedSites).toEqual(['https://crm.example.com']);
    expect(parsed.ok && parsed.problems).toEqual([]);
  });

  it('accepts a bare settings object and reports bad values in it', () => {
    const parsed = parseSettingsFile('{"listThreshold": 1, "requireReason": true}');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.settings).toEqual({ requireReason: true });
    expect(parsed.problems.map((p) => p.code)).toEqual(['out_of_range']);
  });

  it('rejects what is not a settings file', () => {
    expect(parseSettingsFile('not json')).toEqual({ ok: false, error: 'not_json' });
    expect(parseSettingsFile('[1,2]')).toEqual({ ok: false, error: 'not_settings' });
    expect(parseSettingsFile('{"hello": 1}')).toEqual({ ok: false, error: 'not_settings' });
    expect(parseSettingsFile('{"format": "other/1", "settings": {}}')).toEqual({ ok: false, error: 'not_settings' });
  });

  it('exports every user-adjustable key when nothing is locked', () => {
    const file = exportSettings(mergeSettings({ user: {}, policy: validatePolicy(undefined) }), 0);
    const { reporting: _reporting, ...userKeys } = DEFAULT_SETTINGS;
    expect(file.settings).toEqual(userKeys);
  });
});
