// The detectors and the verdict are generators that yield between steps, so that
// classifyIncrementally() can give the page its main thread back; run straight through, they
// give the same result.

/** Runs a step generator to its end and returns its result. */
export function runToEnd<T>(gen: Generator<void, T>): T {
  for (;;) {
    const step = gen.next();
    if (step.done) return step.value;
  }
}
