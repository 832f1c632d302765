// The practice's hashed roster as a matcher, loaded once per frame and kept current.
// Loading is asynchronous; until it completes, checks run without roster matching.
import type { RosterMatcher } from '../core/types';
import { loadRosterMatcher, onRosterChanged } from './roster';

let matcher: RosterMatcher | null = null;

export function currentRosterMatcher(): RosterMatcher | null {
  return matcher;
}

export function startRosterSync(signal: AbortSignal): void {
  const reload = () =>
    loadRosterMatcher().then(
      (m) => {
        if (!signal.aborted) matcher = m;
      },
      () => undefined,
    );
  void reload();
  const stop = onRosterChanged(() => void reload());
  signal.addEventListener('abort', () => stop?.());
}
