// Checks for the meaning of each setting, shared by managed policy, imported settings files and
// the options page. A check returns the value to use (normalised) and the problems it found;
// no value means "ignore this setting". Lists keep their good entries and report the bad ones,
// so one typo in a list of twenty sites does not switch the other nineteen off.
import { SITE_CATEGORIES, type SiteCategoryId } from '../sites';
import type { Mode, ReportingLevel } from '../settings';
import { issue, jsonType, quote, type PolicyIssue } from './problems';

export interface Checked<T> {
  value?: T;
  problems: PolicyIssue[];
}

export const MODES: readonly Mode[] = ['off', 'audit', 'warn', 'block'];
export const REPORTING_LEVELS: readonly ReportingLevel[] = ['off', 'warnings', 'decisions', 'all'];
export const CATEGORY_IDS: readonly SiteCategoryId[] = SITE_CATEGORIES.map((c) => c.id);

export const LIST_THRESHOLD_RANGE = { min: 2, max: 1000 } as const;
export const RETENTION_RANGE = { min: 0, max: 3650 } as const;
export const MAX_LIST_ENTRIES = 500;
export const TEXT_LIMITS = {
  supportContact: 200,
  customMessage: 500,
  deviceLabel: 100,
  adminNote: 500,
  ownName: 200,
  authorization: 4096,
  url: 2048,
  rosterInline: 5_000_000,
} as const;
export const ROSTER_KEY_MIN_HEX = 32;

const HOST_LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const HOSTNAME = new RegExp(`^(?:\\*\\.)?(?:${HOST_LABEL}\\.)*${HOST_LABEL}$`);
const DOMAIN = new RegExp(`^(?:${HOST_LABEL}\\.)+${HOST_LABEL}$`);
// Deliberately plain: own addresses are typed by people, and the classifier matches them
// case-insensitively; this only rejects what cannot be an address at all.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE_CHARS = /^[0-9+()\-.\s/]+$/;
const HEX = /^[0-9a-f]+$/i;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

function wrongType(key: string, expected: string, value: unknown): Checked<never> {
  return { problems: [issue(key, 'wrong_type', expected, jsonType(value))] };
}

export function checkOneOf<T extends string>(allowed: readonly T[]) {
  return (key: string, value: unknown): Checked<T> => {
    if (typeof value !== 'string') return wrongType(key, 'string', value);
    const normalised = value.trim().toLowerCase();
    if (!(allowed as readonly string[]).includes(normalised)) {
      return { problems: [issue(key, 'not_one_of', allowed.join(', '), quote(value))] };
    }
    return { value: normalised as T, problems: [] };
  };
}

export function checkBoolean(key: string, value: unknown): Checked<boolean> {
  return typeof value === 'boolean' ? { value, problems: [] } : wrongType(key, 'boolean', value);
}

export function checkInteger(range: { min: number; max: number }) {
  return (key: string, value: unknown): Checked<number> => {
    if (typeof value !== 'number' || !Number.isInteger(value)) return wrongType(key, 'integer', value);
    if (value < range.min || value > range.max) return { problems: [issue(key, 'out_of_range', range.min, range.max, value)] };
    return { value, problems: [] };
  };
}

export function checkText(max: number) {
  return (key: string, value: unknown): Checked<string> => {
    if (typeof value !== 'string') return wrongType(key, 'string', value);
    const text = value.trim();
    if (text.length > max) return { problems: [issue(key, 'too_long', max)] };
    return { value: text, problems: [] };
  };
}

/** A list of strings, each normalised by `entry` (a string result) or rejected (a problem). */
function checkList(entry: (key: string, raw: string) => string | PolicyIssue) {
  return (key: string, value: unknown): Checked<string[]> => {
    if (!Array.isArray(value)) return wrongType(key, 'array', value);
    const problems: PolicyIssue[] = [];
    const kept: string[] = [];
    for (const raw of value) {
      if (typeof raw !== 'string') {
        problems.push(issue(key, 'wrong_type', 'string', jsonType(raw)));
        continue;
      }
      if (raw.trim() === '') {
        problems.push(issue(key, 'empty_entry'));
        continue;
      }
      const result = entry(key, raw.trim());
      if (typeof result === 'string') {
        if (!kept.includes(result)) kept.push(result);
      } else problems.push(result);
    }
    if (kept.length > MAX_LIST_ENTRIES) {
      problems.push(issue(key, 'too_many', MAX_LIST_ENTRIES));
      kept.length = MAX_LIST_ENTRIES;
    }
    return { value: kept, problems };
  };
}

export const checkCategories = checkList((key, raw) => {
  const id = raw.toLowerCase();
  return (CATEGORY_IDS as readonly string[]).includes(id) ? id : issue(key, 'unknown_category', quote(raw), CATEGORY_IDS.join(', '));
}) as (key: string, value: unknown) => Checked<SiteCategoryId[]>;

/** "www.yelp.com", "*.yelp.com"; a pasted URL is reduced to its hostname. */
export function normaliseHostname(raw: string): string | null {
  let host = raw.trim().toLowerCase();
  if (/^https?:\/\//.test(host)) {
    try {
      host = new URL(host).hostname;
    } catch {
      return null;
    }
  }
  host = host.replace(/\.$/, '');
  return host.length <= 253 && HOSTNAME.test(host) ? host : null;
}

export const checkHostnames = checkList((key, raw) => normaliseHostname(raw) ?? issue(key, 'not_hostname', quote(raw)));

/**
 * "https://crm.example.com" or "https://*.example.com"; a bare hostname gets https:// in front.
 * No path, no port, no plain http: the extension may only ask for https://*\/* host access,
 * and match patterns cannot express ports.
 */
export function normaliseOrigin(raw: string): string | null {
  let text = raw.trim().toLowerCase();
  if (!/^[a-z][a-z0-9+.-]*:\/\//.test(text)) text = `https://${text}`;
  const match = /^https:\/\/([^/?#]+)\/?$/.exec(text);
  if (!match?.[1]) return null;
  const host = match[1];
  if (!HOSTNAME.test(host) || host.length > 253) return null;
  // "*.com" would cover a whole top-level domain: not a site.
  if (host.startsWith('*.') && !host.slice(2).includes('.')) return null;
  return `https://${host}`;
}

export const checkOrigins = checkList((key, raw) => normaliseOrigin(raw) ?? issue(key, 'not_origin', quote(raw)));

export const checkEmails = checkList((key, raw) => (EMAIL.test(raw) ? raw.toLowerCase() : issue(key, 'not_email', quote(raw))));

export const checkEmailDomains = checkList((key, raw) => {
  const domain = raw.replace(/^@/, '').toLowerCase();
  return DOMAIN.test(domain) ? domain : issue(key, 'not_domain', quote(raw));
});

export const checkPhones = checkList((key, raw) => {
  const digits = raw.replace(/\D/g, '');
  return PHONE_CHARS.test(raw) && digits.length >= 7 && digits.length <= 15 ? raw : issue(key, 'not_phone', quote(raw));
});

export const checkNames = checkList((key, raw) => (raw.length <= TEXT_LIMITS.ownName ? raw : issue(key, 'too_long', TEXT_LIMITS.ownName)));

/** Whether a URL may receive reports or be fetched: https anywhere, http only on this machine. */
export function isAllowedServiceUrl(url: URL): boolean {
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
}

/** An https URL (http only for loopback, for tests and local collectors); '' means none. */
export function checkServiceUrl(key: string, value: unknown): Checked<string> {
  if (typeof value !== 'string') return wrongType(key, 'string', value);
  const text = value.trim();
  if (text === '') return { value: '', problems: [] };
  if (text.length > TEXT_LIMITS.url) return { problems: [issue(key, 'too_long', TEXT_LIMITS.url)] };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { problems: [issue(key, 'not_url', quote(text))] };
  }
  if (!isAllowedServiceUrl(url)) return { problems: [issue(key, 'not_url', quote(text))] };
  // A password in the URL would be shown on the options page and sit in logs.
  if (url.username || url.password) return { problems: [issue(key, 'url_credentials')] };
  return { value: url.href, problems: [] };
}

export function checkHeaderValue(key: string, value: unknown): Checked<string> {
  if (typeof value !== 'string') return wrongType(key, 'string', value);
  const text = value.trim();
  if (text.length > TEXT_LIMITS.authorization) return { problems: [issue(key, 'too_long', TEXT_LIMITS.authorization)] };
  // fetch() rejects CR, LF and NUL in header values; other control characters are refused too.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000a-\u001f\u007f]/.test(text)) return { problems: [issue(key, 'unsafe_header')] };
  return { value: text, problems: [] };
}

export function checkHexKey(key: string, value: unknown): Checked<string> {
  if (typeof value !== 'string') return wrongType(key, 'string', value);
  const text = value.trim();
  if (!HEX.test(text) || text.length % 2 !== 0 || text.length < ROSTER_KEY_MIN_HEX) {
    return { problems: [issue(key, 'not_hex', ROSTER_KEY_MIN_HEX)] };
  }
  return { value: text.toLowerCase(), problems: [] };
}
