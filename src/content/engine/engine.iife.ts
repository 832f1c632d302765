// The engine half of the content script (see ./api.ts): injected on demand by the background
// with chrome.scripting.executeScript into the same isolated world as the interceptor.
import { classify, classifyIncrementally, warmUp } from '../../core/classifier';
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

  // Loaded when a field gets focus: use the idle time before the paste to decode the lexicon
  // and compile the classifier (measured: the first 10 KB check in a page took ~45 ms more
  // than the later ones without this).
  const steps = warmUp();
  const idle = (run: (deadline?: IdleDeadline) => void) =>
    typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 1000 }) : setTimeout(run, 0);
  const step = (deadline?: IdleDeadline) => {
    try {
      do {
        if (steps.next().done) return;
      } while (deadline && deadline.timeRemaining() > 4);
    } catch {
      return; // a failed warm-up only means the first check does the work itself
    }
    idle(step);
  };
  idle(step);
}
