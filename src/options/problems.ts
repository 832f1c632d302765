// Problems in the user's language. Problems built by src/core/policy carry a code and
// parameters; anything else (an older stored value) falls back to its English message.
import type { PolicyProblem } from '../core/settings';
import { isPolicyIssue } from '../core/policy/problems';
import { t } from '../ui/i18n';
import { PROBLEM_MESSAGES, TYPE_MESSAGES } from './problem-messages';

const typeWord = (type: string | undefined) => (type && TYPE_MESSAGES[type] ? t(TYPE_MESSAGES[type] as string) : type ?? '');

/** "must be a whole number from 2 to 1000, got 1" in the UI language, without the key. */
export function problemText(problem: PolicyProblem): string {
  if (!isPolicyIssue(problem)) return problem.message;
  let name = PROBLEM_MESSAGES[problem.code];
  let params = problem.params;
  if (problem.code === 'wrong_type') params = [typeWord(params[0]), typeWord(params[1])];
  if (problem.code === 'unknown_key' && params.length > 0) name = 'adminProblemUnknownKeySuggest';
  const text = t(name, params.length > 0 ? params : undefined);
  // An older stored problem whose code this version does not know keeps its English text.
  return text === name ? problem.message : text;
}
