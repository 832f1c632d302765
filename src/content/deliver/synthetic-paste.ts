// Firefox ignores `clipboardData` in the ClipboardEvent constructor: the replayed event arrives
// with an empty DataTransfer (shared/design/engineering-notes.md; seen again in Firefox ESR 153).
// An editor that handles paste itself (Lexical, ProseMirror) would cancel that empty event and
// insert nothing. So the replay first asks, once, whether the constructor keeps the data (by
// what the browser does, not by its user agent); where it does not, attachClipboardData() puts
// the data back on the event before dispatch, and if even that fails the replay falls back to
// the browser's own insertion. test/e2e/firefox.e2e.ts checks this in a real Firefox.
let carriesData: boolean | null = null;

export function syntheticPasteCarriesData(): boolean {
  if (carriesData === null) {
    try {
      const probe = new DataTransfer();
      probe.setData('text/plain', 'clientguard');
      carriesData = new ClipboardEvent('paste', { clipboardData: probe }).clipboardData?.getData('text/plain') === 'clientguard';
    } catch {
      carriesData = false;
    }
  }
  return carriesData;
}

type PageView<T> = T & { wrappedJSObject?: T };

/**
 * Where the constructor drops the data (Firefox), puts it back as the event's own
 * `clipboardData`, so an editor that reads it during dispatch gets the text, as from a real
 * paste. A Firefox content script sees page objects through Xray wrappers, whose own
 * properties the page never sees, so the property goes on the page's view of the event
 * (`wrappedJSObject`). The DataTransfer is the page's own and filled through that view too:
 * Firefox lets `getData` return only data set by a principal the reader's subsumes, and data
 * set by the content script reads as "" in the page (measured in Firefox ESR 153). Returns
 * whether the page now reads the data; if not, the caller must not dispatch the event.
 */
export function attachClipboardData(event: ClipboardEvent, strings: [string, string][], files: File[] = []): boolean {
  const pageWindow = (window as PageView<typeof window>).wrappedJSObject ?? window;
  const pageEvent = (event as PageView<ClipboardEvent>).wrappedJSObject ?? event;
  try {
    const data = new pageWindow.DataTransfer();
    for (const [type, value] of strings) data.setData(type, value);
    for (const file of files) data.items.add(file);
    Object.defineProperty(pageEvent, 'clipboardData', { value: data, configurable: true, enumerable: true });
    const seen = pageEvent.clipboardData;
    return seen !== null && strings.every(([type, value]) => seen.getData(type) === value);
  } catch {
    return false;
  }
}
