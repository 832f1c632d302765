// Re-delivering a held paste or drop so the page ends up as if ClientGuard were not there.
// Measured in Chromium (shared/design/engineering-notes.md): editors that handle paste
// themselves (Lexical, ProseMirror, Quill, Draft.js) read event.clipboardData from a
// synthetic ClipboardEvent exactly like a real one; plain fields ignore a synthetic paste and
// need the browser's own insertion (execCommand insertText), which fires the same
// beforeinput/input events a real paste does. So: dispatch first, insert only if nobody
// handled it.

/** Everything the page could read from the clipboard or drag data, copied synchronously
 *  (the DataTransfer empties once the event handler returns). */
export interface TransferSnapshot {
  /** MIME type -> string data, in the original order. */
  strings: [string, string][];
  files: File[];
}

export function snapshotTransfer(dt: DataTransfer): TransferSnapshot {
  const strings: [string, string][] = [];
  for (const type of Array.from(dt.types)) {
    if (type === 'Files') continue;
    strings.push([type, dt.getData(type)]);
  }
  return { strings, files: Array.from(dt.files) };
}

export function snapshotText(s: TransferSnapshot): { text: string; html?: string } {
  const text = s.strings.find(([t]) => t === 'text/plain')?.[1] ?? '';
  const html = s.strings.find(([t]) => t === 'text/html')?.[1];
  return html ? { text, html } : { text };
}

export function toDataTransfer(s: TransferSnapshot): DataTransfer {
  const dt = new DataTransfer();
  for (const [type, value] of s.strings) dt.setData(type, value);
  for (const file of s.files) dt.items.add(file);
  return dt;
}

/** Where the caret was when the action happened, to put it back before re-delivering. */
export type SavedCaret =
  | { kind: 'field'; element: HTMLInputElement | HTMLTextAreaElement; start: number; end: number; direction: 'forward' | 'backward' | 'none' }
  | { kind: 'range'; element: HTMLElement; range: Range }
  | { kind: 'none'; element: Element | null };

export function isTextField(el: unknown): el is HTMLInputElement | HTMLTextAreaElement {
  if (el instanceof HTMLTextAreaElement) return true;
  return el instanceof HTMLInputElement && /^(text|search|email|url|tel|password|)$/.test(el.type);
}

/** The element really receiving input, looking through open shadow roots. */
export function deepActiveElement(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

export function saveCaret(target: EventTarget | null): SavedCaret {
  const element = target instanceof Element ? target : deepActiveElement();
  if (isTextField(element)) {
    return {
      kind: 'field',
      element,
      start: element.selectionStart ?? element.value.length,
      end: element.selectionEnd ?? element.value.length,
      direction: element.selectionDirection ?? 'none',
    };
  }
  const selection = document.getSelection();
  if (element instanceof HTMLElement && element.isContentEditable && selection && selection.rangeCount > 0) {
    return { kind: 'range', element, range: selection.getRangeAt(0).cloneRange() };
  }
  return { kind: 'none', element };
}

export function restoreCaret(caret: SavedCaret): void {
  const el = caret.element;
  if (el instanceof HTMLElement && el.isConnected) el.focus({ preventScroll: true });
  if (caret.kind === 'field' && caret.element.isConnected) {
    caret.element.setSelectionRange(caret.start, caret.end, caret.direction);
  } else if (caret.kind === 'range' && caret.element.isConnected) {
    const selection = document.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(caret.range);
  }
}

let replaying = 0;

/** True while ClientGuard itself dispatches an event, so its own listeners let it pass. */
export function isReplaying(): boolean {
  return replaying > 0;
}

export function whileReplaying<T>(fn: () => T): T {
  replaying++;
  try {
    return fn();
  } finally {
    replaying--;
  }
}

/**
 * Re-delivers a paste at the caret it was made at. Returns after the page had its turn.
 */
export function replayPaste(caret: SavedCaret, data: TransferSnapshot): void {
  restoreCaret(caret);
  const target = caret.element ?? document.activeElement ?? document.body;
  const event = new ClipboardEvent('paste', {
    clipboardData: toDataTransfer(data),
    bubbles: true,
    cancelable: true,
    composed: true,
  });
  whileReplaying(() => target.dispatchEvent(event));
  if (event.defaultPrevented) return; // an editor or the page handled it, as with a real paste
  insertAsBrowserWould(data);
}

/** The browser's default paste action, for fields and bare contenteditable. */
export function insertAsBrowserWould(data: TransferSnapshot): void {
  const { text, html } = snapshotText(data);
  const active = deepActiveElement();
  whileReplaying(() => {
    if (html && active instanceof HTMLElement && active.isContentEditable && !isTextField(active)) {
      // Chromium sanitises inserted markup the same way it does for a real rich paste.
      document.execCommand('insertHTML', false, html);
    } else if (text) {
      document.execCommand('insertText', false, text);
    }
  });
}
