// Problems found in a policy value, an imported settings file or a saved setting. Each carries
// a code and parameters so that the options page can show it in the user's language; the
// English `message` is for logs and for anything that reads storage without the UI.
import type { PolicyProblem } from '../settings';

export type ProblemCode =
  | 'unknown_key'
  | 'wrong_type'
  | 'not_one_of'
  | 'out_of_range'
  | 'no_match'
  | 'not_url'
  | 'not_hostname'
  | 'not_origin'
  | 'unknown_category'
  | 'not_email'
  | 'not_domain'
  | 'not_phone'
  | 'empty_entry'
  | 'too_long'
  | 'too_many'
  | 'not_hex'
  | 'unsafe_header'
  | 'url_credentials'
  | 'policy_only';

/** A PolicyProblem the UI can translate: `code` names the message, `params` fill its $1, $2… */
export interface PolicyIssue extends PolicyProblem {
  code: ProblemCode;
  params: string[];
}

/** JSON type names as the schema spells them; the UI translates them (adminType*). */
export const TYPE_WORDS: Record<string, string> = {
  object: 'an object',
  array: 'a list',
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  null: 'null',
};

const word = (type: string | undefined) => TYPE_WORDS[type ?? ''] ?? type ?? '';

const ENGLISH: Record<ProblemCode, (p: string[]) => string> = {
  unknown_key: (p) => `is not a ClientGuard setting${p[0] ? ` (did you mean ${p[0]}?)` : ''}`,
  wrong_type: (p) => `must be ${word(p[0])}, got ${word(p[1])}`,
  not_one_of: (p) => `must be one of ${p[0]}, got "${p[1]}"`,
  out_of_range: (p) => `must be a whole number from ${p[0]} to ${p[1]}, got ${p[2]}`,
  no_match: (p) => `must match ${p[0]}`,
  not_url: (p) => `must be an https:// URL (http:// only for 127.0.0.1 or localhost), got "${p[0]}"`,
  not_hostname: (p) => `"${p[0]}" is not a hostname (e.g. www.yelp.com or *.yelp.com)`,
  not_origin: (p) => `"${p[0]}" is not an https origin (e.g. https://crm.example.com, no path or port)`,
  unknown_category: (p) => `"${p[0]}" is not a site category (known: ${p[1]})`,
  not_email: (p) => `"${p[0]}" is not an email address`,
  not_domain: (p) => `"${p[0]}" is not an email domain (e.g. example-practice.com)`,
  not_phone: (p) => `"${p[0]}" is not a phone number (7 to 15 digits)`,
  empty_entry: () => 'has an empty entry',
  too_long: (p) => `is longer than ${p[0]} characters`,
  too_many: (p) => `has more than ${p[0]} entries; the rest are ignored`,
  not_hex: (p) => `must be hexadecimal with an even number of digits, at least ${p[0]}`,
  unsafe_header: () => 'contains characters not allowed in an HTTP header',
  url_credentials: () => 'must not contain a user name or password; use reportingAuthorization',
  policy_only: () => "can only be set by the practice's policy",
};

/** Values quoted in problems are cut short: a problem message is shown on screen and must not
 *  become a second copy of whatever was typed into a field. */
export function quote(value: unknown, max = 60): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function issue(key: string, code: ProblemCode, ...params: (string | number)[]): PolicyIssue {
  const values = params.map(String);
  const message = `${key} ${ENGLISH[code](values)}`;
  return { key, code, params: values, message };
}

export function isPolicyIssue(problem: PolicyProblem): problem is PolicyIssue {
  return typeof (problem as Partial<PolicyIssue>).code === 'string' && Array.isArray((problem as Partial<PolicyIssue>).params);
}

/** The type name of a JSON value, as the schema spells it. */
export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}
