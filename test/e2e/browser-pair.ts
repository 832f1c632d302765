// Most e2e suites compare ClientGuard against a browser without it: one pair per suite,
// started before its tests and closed after them.
import { afterAll, beforeAll } from 'vitest';
import { launch, type Session } from './harness';

/** Starts, for the calling suite, a browser with ClientGuard and a reference browser without. */
export function withReferenceBrowser(started: (guarded: Session, reference: Session) => void): void {
  let guarded: Session | undefined;
  let reference: Session | undefined;
  beforeAll(async () => {
    guarded = await launch();
    reference = await launch({ extension: false });
    started(guarded, reference);
  });
  afterAll(async () => {
    await guarded?.close();
    await reference?.close();
  });
}
