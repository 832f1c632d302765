// Message names for policy problems and value kinds. No browser API here, so the locale test
// can check under Node that both languages define every one of them.
import type { ProblemCode } from '../core/policy/problems';

/** Message names, one per problem code; a unit test checks both languages define them all. */
export const PROBLEM_MESSAGES: Record<ProblemCode, string> = {
  unknown_key: 'adminProblemUnknownKey',
  wrong_type: 'adminProblemWrongType',
  not_one_of: 'adminProblemNotOneOf',
  out_of_range: 'adminProblemOutOfRange',
  no_match: 'adminProblemNoMatch',
  not_url: 'adminProblemNotUrl',
  not_hostname: 'adminProblemNotHostname',
  not_origin: 'adminProblemNotOrigin',
  unknown_category: 'adminProblemUnknownCategory',
  not_email: 'adminProblemNotEmail',
  not_domain: 'adminProblemNotDomain',
  not_phone: 'adminProblemNotPhone',
  empty_entry: 'adminProblemEmptyEntry',
  too_long: 'adminProblemTooLong',
  too_many: 'adminProblemTooMany',
  not_hex: 'adminProblemNotHex',
  unsafe_header: 'adminProblemUnsafeHeader',
  url_credentials: 'adminProblemUrlCredentials',
  policy_only: 'adminProblemPolicyOnly',
};

export const TYPE_MESSAGES: Record<string, string> = {
  object: 'adminTypeObject',
  array: 'adminTypeArray',
  string: 'adminTypeString',
  integer: 'adminTypeInteger',
  number: 'adminTypeNumber',
  boolean: 'adminTypeBoolean',
  null: 'adminTypeNull',
};

