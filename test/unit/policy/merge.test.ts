import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { mergeSettings, reportingActive } from '../../../src/core/policy/merge';
import { validatePolicy } from '../../../src/core/policy/policy';

const NO_POLICY = validatePolicy(undefined);

describe('mergeSettings: defaults < user < policy', () => {
  it('gives the defaults when nothing is set', () => {
    const effective = mergeSettings({ user: undefined, policy: NO_POLICY });
    expect(effective).toEqual({ ...DEFAULT_SETTINGS, locked: [], policyErrors: [], adminNote: '' });
  });

  it('applies the user\'s settings over the defaults', () => {
    const effective = mergeSettings({ user: { listThreshold: 7, requireReason: true, disabledCategories: ['social'] }, policy: NO_POLICY });
    expect(effective.listThreshold).toBe(7);
    expect(effective.requireReason).toBe(true);
    expect(effective.disabledCategories).toEqual(['social']);
    expect(effective.mode).toBe('warn');
  });

  it('lets policy win and locks what it sets', () => {
    const effective = mergeSettings({
      user: { mode: 'off', listThreshold: 7, requireReason: false },
      policy: validatePolicy({ mode: 'block', requireReason: true, adminNote: 'Harbor IT' }),
    });
    expect(effective.mode).toBe('block');
    expect(effective.requireReason).toBe(true);
    expect(effective.listThreshold).toBe(7);
    expect(effective.locked).toEqual(['mode', 'requireReason']);
    expect(effective.adminNote).toBe('Harbor IT');
  });

  it('uses the default, not the user\'s value, for a locked key with a bad policy value', () => {
    const effective = mergeSettings({
      user: { mode: 'off', listThreshold: 9 },
      policy: validatePolicy({ mode: 'blok', listThreshold: 'lots' }),
    });
    expect(effective.mode).toBe(DEFAULT_SETTINGS.mode);
    expect(effective.listThreshold).toBe(DEFAULT_SETTINGS.listThreshold);
    expect(effective.locked).toEqual(['mode', 'listThreshold']);
    expect(effective.policyErrors.map((p) => p.key)).toEqual(['mode', 'listThreshold']);
  });

  it('replaces all own identities when policy sets any of them', () => {
    const effective = mergeSettings({
      user: { ownIdentities: { emails: ['me@home.example'], emailDomains: [], phones: ['415 555 0199'], names: ['Me'] } },
      policy: validatePolicy({ ownEmailDomains: ['example-practice.com'], ownNames: ['Harbor Counseling'] }),
    });
    expect(effective.ownIdentities).toEqual({ emails: [], emailDomains: ['example-practice.com'], phones: [], names: ['Harbor Counseling'] });
    expect(effective.locked).toEqual(['ownIdentities']);
  });

  it('takes reporting from policy only', () => {
    const fromUser = mergeSettings({ user: { reporting: { endpoint: 'https://me.example', authorization: '', level: 'all', deviceLabel: '' } }, policy: NO_POLICY });
    expect(fromUser.reporting).toEqual(DEFAULT_SETTINGS.reporting);
    expect(reportingActive(fromUser)).toBe(false);
    const fromPolicy = mergeSettings({ user: {}, policy: validatePolicy({ reportingEndpoint: 'https://a.example.com/r', reportingLevel: 'all' }) });
    expect(fromPolicy.reporting).toEqual({ endpoint: 'https://a.example.com/r', authorization: '', level: 'all', deviceLabel: '' });
    expect(reportingActive(fromPolicy)).toBe(true);
    expect(reportingActive(mergeSettings({ user: {}, policy: validatePolicy({ reportingLevel: 'all' }) }))).toBe(false);
  });

  it('ignores damaged stored user settings instead of failing', () => {
    const effective = mergeSettings({ user: { listThreshold: 'x', mode: 'party', addedSites: 'crm', nonsense: 1 }, policy: NO_POLICY });
    expect(effective).toEqual({ ...DEFAULT_SETTINGS, locked: [], policyErrors: [], adminNote: '' });
    expect(mergeSettings({ user: 'garbage', policy: NO_POLICY }).mode).toBe('warn');
  });

  it('never hands out DEFAULT_SETTINGS\' own arrays', () => {
    const effective = mergeSettings({ user: {}, policy: NO_POLICY });
    effective.addedSites.push('https://x.example.com');
    effective.ownIdentities.emails.push('a@b.example');
    expect(DEFAULT_SETTINGS.addedSites).toEqual([]);
    expect(DEFAULT_SETTINGS.ownIdentities.emails).toEqual([]);
  });
});
