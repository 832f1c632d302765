import { describe, expect, it } from 'vitest';
import { describeReceivedPolicy, suggestKey, validatePolicy } from '../../../src/core/policy/policy';
import type { PolicyIssue } from '../../../src/core/policy/problems';

const FULL_POLICY = {
  mode: 'block',
  allowShareAnyway: false,
  requireReason: true,
  listThreshold: 5,
  disabledCategories: ['reviews', 'demo'],
  disabledSites: ['www.yelp.com', '*.pinterest.com'],
  addedSites: ['https://crm.example.com', 'https://*.example-ehr.com'],
  ownEmails: ['Front.Desk@Example-Practice.com'],
  ownEmailDomains: ['@example-practice.com'],
  ownPhones: ['+1 415 555 0100'],
  ownNames: ['Harbor Counseling'],
  supportContact: 'IT desk, ext. 200',
  customMessage: 'Client data stays in the EHR.',
  reportingEndpoint: 'https://audit.example-practice.com/clientguard',
  reportingAuthorization: 'Bearer abc123',
  reportingLevel: 'decisions',
  deviceLabel: 'front-desk-2',
  historyRetentionDays: 30,
  adminNote: 'Set by Harbor IT',
  rosterKey: '00112233445566778899aabbccddeeff',
  rosterUrl: 'https://files.example-practice.com/roster.bin',
  rosterInline: 'AAAA',
};

function codes(problems: PolicyIssue[]): string[] {
  return problems.map((p) => `${p.key}:${p.code}`);
}

describe('validatePolicy', () => {
  it('accepts a complete valid policy, normalises it and locks what it sets', () => {
    const result = validatePolicy(FULL_POLICY);
    expect(result.problems).toEqual([]);
    expect(result.values.settings).toEqual({
      mode: 'block',
      allowShareAnyway: false,
      requireReason: true,
      listThreshold: 5,
      disabledCategories: ['reviews', 'demo'],
      disabledSites: ['www.yelp.com', '*.pinterest.com'],
      addedSites: ['https://crm.example.com', 'https://*.example-ehr.com'],
      supportContact: 'IT desk, ext. 200',
      customMessage: 'Client data stays in the EHR.',
      historyRetentionDays: 30,
    });
    expect(result.values.ownIdentities).toEqual({
      emails: ['front.desk@example-practice.com'],
      emailDomains: ['example-practice.com'],
      phones: ['+1 415 555 0100'],
      names: ['Harbor Counseling'],
    });
    expect(result.values.reporting).toEqual({
      endpoint: 'https://audit.example-practice.com/clientguard',
      authorization: 'Bearer abc123',
      level: 'decisions',
      deviceLabel: 'front-desk-2',
    });
    expect(result.values.adminNote).toBe('Set by Harbor IT');
    expect(result.values.roster).toEqual({
      rosterKey: '00112233445566778899aabbccddeeff',
      rosterUrl: 'https://files.example-practice.com/roster.bin',
      rosterInline: 'AAAA',
    });
    expect([...result.locked].sort()).toEqual(
      ['mode', 'allowShareAnyway', 'requireReason', 'listThreshold', 'disabledCategories', 'disabledSites', 'addedSites', 'ownIdentities', 'supportContact', 'customMessage', 'reporting', 'historyRetentionDays'].sort(),
    );
    expect(result.received).toEqual(Object.keys(FULL_POLICY));
  });

  it('treats no policy (Firefox without policies.json, Chrome unmanaged) as empty', () => {
    for (const raw of [undefined, null, {}]) {
      const result = validatePolicy(raw);
      expect(result.problems).toEqual([]);
      expect(result.locked).toEqual([]);
      expect(result.received).toEqual([]);
    }
  });

  it('reports a non-object policy without throwing', () => {
    expect(codes(validatePolicy('mode=block').problems)).toEqual(['(policy):wrong_type']);
    expect(codes(validatePolicy([1]).problems)).toEqual(['(policy):wrong_type']);
  });

  it.each([
    ['listThreshold', 'lots', 'wrong_type'],
    ['listThreshold', 1, 'out_of_range'],
    ['listThreshold', 1001, 'out_of_range'],
    ['listThreshold', 2.5, 'wrong_type'],
    ['mode', 'strict', 'not_one_of'],
    ['mode', true, 'wrong_type'],
    ['allowShareAnyway', 'yes', 'wrong_type'],
    ['requireReason', 1, 'wrong_type'],
    ['reportingEndpoint', 'http://evil.example', 'not_url'],
    ['reportingEndpoint', 'ftp://audit.example.com', 'not_url'],
    ['reportingEndpoint', 'not a url', 'not_url'],
    ['reportingEndpoint', 'https://user:pw@audit.example.com/', 'url_credentials'],
    ['reportingLevel', 'everything', 'not_one_of'],
    ['reportingAuthorization', 'Bearer x\r\nX-Evil: 1', 'unsafe_header'],
    ['historyRetentionDays', -1, 'out_of_range'],
    ['historyRetentionDays', 4000, 'out_of_range'],
    ['customMessage', 'x'.repeat(501), 'too_long'],
    ['deviceLabel', 'x'.repeat(101), 'too_long'],
    ['supportContact', { phone: '1' }, 'wrong_type'],
    ['rosterKey', 'not-hex', 'not_hex'],
    ['rosterKey', 'abc', 'not_hex'],
    ['rosterUrl', 'http://files.example.com/r', 'not_url'],
    ['disabledCategories', 'reviews', 'wrong_type'],
  ])('ignores %s = %j (%s), reports it and still locks the key', (key, value, code) => {
    const result = validatePolicy({ [key]: value });
    expect(codes(result.problems)).toEqual([`${key}:${code}`]);
    const { settings, ownIdentities, reporting, roster, adminNote } = result.values;
    expect({ ...settings, ...ownIdentities, ...reporting, ...roster, adminNote }).toEqual({ adminNote: undefined });
    expect(result.received).toEqual([key]);
  });

  it('keeps the good entries of a list and reports the bad ones', () => {
    const result = validatePolicy({
      disabledCategories: ['reviews', 'crypto', 'SOCIAL'],
      addedSites: ['https://crm.example.com/', 'crm2.example.com', 'http://plain.example.com', 'https://x.example.com/path', 'https://*.com', 'https://a.example.com:8443'],
      disabledSites: ['https://www.yelp.com/biz/x', 'not a host', ''],
      ownEmails: ['me@example.com', 'nope'],
      ownPhones: ['(415) 555-0100', '12', 'call me'],
      ownEmailDomains: ['example.com', 'localhost'],
    });
    expect(result.values.settings.disabledCategories).toEqual(['reviews', 'social']);
    expect(result.values.settings.addedSites).toEqual(['https://crm.example.com', 'https://crm2.example.com']);
    expect(result.values.settings.disabledSites).toEqual(['www.yelp.com']);
    expect(result.values.ownIdentities.emails).toEqual(['me@example.com']);
    expect(result.values.ownIdentities.phones).toEqual(['(415) 555-0100']);
    expect(result.values.ownIdentities.emailDomains).toEqual(['example.com']);
    expect(codes(result.problems)).toEqual([
      'disabledCategories:unknown_category',
      'disabledSites:not_hostname',
      'disabledSites:empty_entry',
      'addedSites:not_origin',
      'addedSites:not_origin',
      'addedSites:not_origin',
      'addedSites:not_origin',
      'ownEmails:not_email',
      'ownEmailDomains:not_domain',
      'ownPhones:not_phone',
      'ownPhones:not_phone',
    ]);
  });

  it('drops a whole list with a non-text entry, as Chromium does', () => {
    const result = validatePolicy({ disabledSites: ['www.yelp.com', 7] });
    expect(result.values.settings.disabledSites).toBeUndefined();
    expect(codes(result.problems)).toEqual(['disabledSites[1]:wrong_type']);
    expect(result.locked).toEqual(['disabledSites']);
  });

  it('allows http only for loopback endpoints (local collectors and tests)', () => {
    for (const ok of ['http://127.0.0.1:8080/audit', 'http://localhost/x', 'https://audit.example.com']) {
      expect(validatePolicy({ reportingEndpoint: ok }).values.reporting.endpoint, ok).toBe(new URL(ok).href);
    }
    expect(validatePolicy({ reportingEndpoint: 'http://127.0.0.2/' }).problems).toHaveLength(1);
    expect(validatePolicy({ reportingEndpoint: 'http://localhost.evil.example/' }).problems).toHaveLength(1);
    expect(validatePolicy({ reportingEndpoint: '' }).values.reporting.endpoint).toBe('');
  });

  it('reports unknown keys with a suggestion for near misses', () => {
    const result = validatePolicy({ listTreshold: 4, Mode: 'warn', favouriteColour: 'blue' });
    expect(result.problems.map((p) => p.message)).toEqual([
      'Mode is not a ClientGuard setting (did you mean mode?)',
      'favouriteColour is not a ClientGuard setting',
      'listTreshold is not a ClientGuard setting (did you mean listThreshold?)',
    ]);
    expect(result.locked).toEqual([]);
    expect(suggestKey('reportingendpoint')).toBe('reportingEndpoint');
    expect(suggestKey('zzz')).toBeUndefined();
  });

  it('maps all four own* keys onto one locked ownIdentities setting', () => {
    expect(validatePolicy({ ownNames: ['Dr. Ana Ruiz'] }).locked).toEqual(['ownIdentities']);
    expect(validatePolicy({ deviceLabel: 'x', reportingLevel: 'all' }).locked).toEqual(['reporting']);
    expect(validatePolicy({ adminNote: 'hi', rosterUrl: 'https://x.example.com/r' }).locked).toEqual([]);
  });

  it('writes English messages that name the key and the rule', () => {
    const [problem] = validatePolicy({ listThreshold: 1 }).problems;
    expect(problem?.message).toBe('listThreshold must be a whole number from 2 to 1000, got 1');
    expect(problem?.params).toEqual(['2', '1000', '1']);
  });

  it('quotes long bad values only in part', () => {
    const [problem] = validatePolicy({ mode: 'x'.repeat(500) }).problems;
    expect(problem?.message.length).toBeLessThan(150);
  });
});

describe('describeReceivedPolicy', () => {
  it('lists keys in schema order with unknown keys last and secrets masked', () => {
    const entries = describeReceivedPolicy({ zzz: 1, reportingAuthorization: 'Bearer secret-token', mode: 'warn', rosterKey: 'ab'.repeat(16) });
    expect(entries).toEqual([
      { key: 'mode', known: true, shown: '"warn"' },
      { key: 'reportingAuthorization', known: true, shown: '•••• (19)' },
      { key: 'rosterKey', known: true, shown: '•••• (32)' },
      { key: 'zzz', known: false, shown: '1' },
    ]);
    expect(JSON.stringify(entries)).not.toContain('secret-token');
  });

  it('returns nothing for no policy', () => {
    expect(describeReceivedPolicy(undefined)).toEqual([]);
    expect(describeReceivedPolicy('x')).toEqual([]);
  });
});
