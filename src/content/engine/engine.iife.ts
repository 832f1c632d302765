// The engine half of the content script (see ./api.ts): injected on demand by the background
// with chrome.scripting.executeScript into the same isolated world as the interceptor.
import { classify, classifyIncrementally } from '../../core/classifier';
import { redact } from '../../core/redact';
import { extractText } from '../../core/extract';
import type { RosterMatcher } from '../../core/types';
import { showProgress, showWarningDialog } from '../warning/mount';
import { loadRosterMatcher, onRosterChanged } from '../roster';
import { registerEngine, engineIfLoaded } from './api';

if (!engineIfLoaded()) {
  let roster: RosterMatcher | null = null;
  const reloadRoster = () =>
    loadRosterMatcher().then(
      (m) => void (roster = m),
      () => undefined,
    );
  // The first check may run before the roster is read: the interceptor asks for the engine
  // when a field is focused, so by the time of a paste this has normally finished.
  void reloadRoster();
  onRosterChanged(() => void reloadRoster());

  registerEngine({
    classify,
    classifyIncrementally: (input, options, yieldToHost) => classifyIncrementally(input, options, yieldToHost),
    redact,
    extractText,
    showWarningDialog,
    showProgress,
    rosterMatcher: () => roster,
  });
}
