// Values made on first use. The content script loads the pre-screen's modules in every frame
// of a covered page at document_start, and most frames never paste or upload anything: a
// table or expression built at module load is paid by every page load (about 3.5 ms of the
// 5 ms the content script took to load before these were made lazy; docs/architecture.md).

/** `make()` runs on the first call; later calls return the same value. */
/* #__NO_SIDE_EFFECTS__ */
export function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  let made = false;
  return function get(): T {
    if (!made) {
      value = make();
      made = true;
    }
    return value as T;
  };
}
