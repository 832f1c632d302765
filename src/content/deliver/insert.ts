// Re-delivering a held paste or drop so the page ends up as if ClientGuard were not there.
// Measured in Chromium (shared/design/engineering-notes.md): editors that handle paste
// themselves (Lexical, ProseMirror, Quill, Draft.js) read event.clipboardData from a
// synthetic ClipboardEvent exactly like a real one; plain fields ignore a synthetic paste and
// need the browser's own insertion (execCommand insertText), which fires the same
// beforeinput/input events a real paste does. So: dispatch first, insert only if nobody
// handled it.

import { lazy } from '../../core/lazy';
import { attachClipboardData, syntheticPasteCarriesData } from './synthetic-paste';

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

/** The shadow roots `node` is inside, innermost first (open or closed: we hold the node). */
export function shadowRootsAround(node: Node): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  for (let root = node.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) roots.push(root);
  return roots;
}

type ComposedSelection = Selection & { getComposedRanges?: (options: { shadowRoots: ShadowRoot[] }) => StaticRange[] };

/**
 * The selection as a Range with its real nodes. Inside a shadow tree, document.getSelection()
 * reports the selection at the host (its ranges point at the host's parent), so a range saved
 * from it would put the caret outside the editor; getComposedRanges sees into the roots we name.
 */
export function currentRange(near: Node): Range | null {
  const selection = document.getSelection() as ComposedSelection | null;
  if (!selection || selection.rangeCount === 0) return null;
  const roots = shadowRootsAround(near);
  if (roots.length === 0) return selection.getRangeAt(0).cloneRange();
  let composed: StaticRange | undefined;
  try {
    composed = selection.getComposedRanges?.({ shadowRoots: roots })[0];
  } catch {
    composed = undefined;
  }
  if (!composed) {
    // Chromium before getComposedRanges: the non-standard ShadowRoot.getSelection().
    const own = (roots[0] as ShadowRoot & { getSelection?: () => Selection | null }).getSelection?.();
    return own && own.rangeCount > 0 ? own.getRangeAt(0).cloneRange() : null;
  }
  const range = document.createRange();
  range.setStart(composed.startContainer, composed.startOffset);
  range.setEnd(composed.endContainer, composed.endOffset);
  return range;
}

export function selectRange(range: Range): void {
  const selection = document.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
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
  const range = element ? currentRange(element) : null;
  if (element instanceof HTMLElement && element.isContentEditable && range) {
    return { kind: 'range', element, range };
  }
  return { kind: 'none', element };
}

/**
 * setSelectionRange, where the field has one: email and number inputs have no selection API
 * (it throws InvalidStateError), and focus() alone puts their caret back where it was.
 */
function setFieldSelection(field: HTMLInputElement | HTMLTextAreaElement, start: number, end: number, direction: 'forward' | 'backward' | 'none' = 'none'): void {
  if (field.selectionStart === null) return;
  try {
    field.setSelectionRange(start, end, direction);
  } catch {
    /* no selection in this kind of field */
  }
}

export function restoreCaret(caret: SavedCaret): void {
  const el = caret.element;
  if (el instanceof HTMLElement && el.isConnected) el.focus({ preventScroll: true });
  if (caret.kind === 'field' && caret.element.isConnected) {
    setFieldSelection(caret.element, caret.start, caret.end, caret.direction);
  } else if (caret.kind === 'range' && caret.element.isConnected) {
    selectRange(caret.range);
  }
}

/** Where a drop would insert text: an offset in a text field, or a caret range in an editor.
 *  Read at the time of the drop, while the layout is the one the user aimed at. */
export type DropCaret = { kind: 'field'; offset: number } | { kind: 'range'; range: Range } | { kind: 'none' };

type CaretPositionDocument = Document & {
  caretPositionFromPoint?: (x: number, y: number, options?: { shadowRoots: ShadowRoot[] }) => { offsetNode: Node; offset: number } | null;
};

export function dropCaretAt(target: Element, x: number, y: number): DropCaret {
  const doc = document as CaretPositionDocument;
  const roots = shadowRootsAround(target);
  let position: { offsetNode: Node; offset: number } | null = null;
  try {
    position = doc.caretPositionFromPoint?.(x, y, { shadowRoots: roots }) ?? null;
  } catch {
    position = null;
  }
  if (isTextField(target)) {
    // caretPositionFromPoint answers with the field itself and an offset into its value.
    if (position && position.offsetNode === target) return { kind: 'field', offset: Math.min(position.offset, target.value.length) };
    return { kind: 'field', offset: target.selectionStart ?? target.value.length };
  }
  if (position && position.offsetNode.isConnected) {
    const range = document.createRange();
    range.setStart(position.offsetNode, position.offset);
    return { kind: 'range', range };
  }
  const legacy = roots.length === 0 ? document.caretRangeFromPoint?.(x, y) : null;
  return legacy ? { kind: 'range', range: legacy } : { kind: 'none' };
}

// Characters next to which a drop adds no space (Chromium's smart-replace sets, see
// blink/renderer/core/editing/commands/smart_replace_icu.cc): whitespace, CJK, and
// opening punctuation before / closing punctuation after the dropped text.
const CJK = /[\u1100-\u11ff\u2e80-\u2fdf\u2ff0-\u31bf\u3200-\ua4cf\uac00-\ud7af\uf900-\ufa5f\ufe30-\ufe4f\uff00-\uffef]/u;
const EXEMPT_BEFORE = /[\s(\["'#$\/\-`{]/u;
// Made on first use (see core/lazy.ts): V8 builds a \p{…} class when the literal is evaluated.
const exemptAfter = lazy(() => /[\s)\].,;:?'!"%*\-\/}\p{P}]/u);

/** The visible character next to a caret in an editor: '' at the edge of the editable area,
 *  '\n' across a paragraph boundary. Uses the selection, then puts the caret back. */
function characterBeside(range: Range, direction: 'backward' | 'forward'): string {
  const selection = document.getSelection() as (Selection & { modify?: (a: string, d: string, g: string) => void }) | null;
  if (!selection?.modify) return '';
  selectRange(range.cloneRange());
  selection.modify('extend', direction, 'character');
  const text = selection.toString();
  selectRange(range);
  return text;
}

/**
 * A drop into a rich editor puts spaces around the dropped text where it touches a word
 * ("smart insert"); a paste does not, and neither do text fields. Returns the spaces to add.
 */
export function smartSpaces(range: Range): { before: string; after: string } {
  return {
    before: needsSmartSpace(characterBeside(range, 'backward'), EXEMPT_BEFORE) ? ' ' : '',
    after: needsSmartSpace(characterBeside(range, 'forward'), exemptAfter()) ? ' ' : '',
  };
}

function needsSmartSpace(neighbour: string, exempt: RegExp): boolean {
  return neighbour !== '' && !exempt.test(neighbour) && !CJK.test(neighbour);
}

/**
 * Rich text dropped into an editor. Whether the browser adds spaces depends on where the
 * inserted fragment starts and ends (a list or a paragraph of its own touches no word), so
 * the neighbours are read after inserting: the caret is then at the end of the fragment, and
 * its start is found again by its text offset in the editor (inserting splits text nodes, so a
 * live range would not stay put; the text before the drop point does not change).
 */
function insertHtmlAsDropWould(target: HTMLElement, start: Range | null, html: string): void {
  const startOffset = start ? textOffset(target, start) : -1;
  document.execCommand('insertHTML', false, html);
  const end = currentRange(target);
  // A fragment that ends a paragraph (a list, say) has '' or a line break after it: exempt.
  if (end && needsSmartSpace(characterBeside(end, 'forward'), exemptAfter())) insertSpace(target);
  if (startOffset < 0) return;
  const first = rangeAtTextOffset(target, startOffset);
  // A fragment that starts a paragraph of its own has a line break before it: exempt too.
  if (!first || !needsSmartSpace(characterBeside(first, 'backward'), EXEMPT_BEFORE)) return;
  // Like the browser, into the fragment's first text node (typing there would put the space
  // before the fragment's first inline element instead). The caret, if in the same node after
  // it, moves along.
  (first.startContainer as Text).insertData(first.startOffset, ' ');
}

/** Characters of text from the start of `host` to `range`'s start. */
function textOffset(host: Node, range: Range): number {
  const before = document.createRange();
  before.selectNodeContents(host);
  before.setEnd(range.startContainer, range.startOffset);
  return before.toString().length;
}

/** A caret `offset` characters into `host`'s text; at a boundary between two text nodes, at
 *  the start of the later one (where inserted content begins). */
function rangeAtTextOffset(host: Node, offset: number): Range | null {
  const walker = document.createTreeWalker(host, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (seen + node.length > offset) {
      const range = document.createRange();
      range.setStart(node, offset - seen);
      return range;
    }
    seen += node.length;
  }
  return null;
}

/**
 * Types one space at the caret. At the edge of a text node (the end of an inline element)
 * insertText writes a no-break space even where an ordinary one is followed by a word and so
 * shows; the browser's own drop writes an ordinary space there, so put one back.
 */
function insertSpace(target: HTMLElement): void {
  document.execCommand('insertText', false, ' ');
  const at = currentRange(target);
  const node = at?.startContainer;
  if (!at || !(node instanceof Text) || at.startOffset === 0 || node.data[at.startOffset - 1] !== '\u00a0') return;
  const next = characterBeside(at, 'forward');
  if (next !== '' && !/\s/u.test(next)) node.replaceData(at.startOffset - 1, 1, ' ');
}

/** The browser's default action for text dropped on a field or an editor at `caret`. */
export function insertAsDropWould(target: Element, caret: DropCaret, data: TransferSnapshot): void {
  const { text, html } = snapshotText(data);
  if (!text && !html) return;
  if (isTextField(target)) {
    if (!text) return;
    target.focus({ preventScroll: true });
    const offset = caret.kind === 'field' ? Math.min(caret.offset, target.value.length) : target.value.length;
    const before = target.value.length;
    setFieldSelection(target, offset, offset);
    whileReplaying(() => insertIntoTextField(text));
    // As after a real drop, the dropped text is selected.
    setFieldSelection(target, offset, offset + target.value.length - before);
    return;
  }
  if (!(target instanceof HTMLElement) || !target.isContentEditable) return;
  target.focus({ preventScroll: true });
  if (caret.kind === 'range' && caret.range.startContainer.isConnected) selectRange(caret.range);
  const here = currentRange(target);
  whileReplaying(() => {
    if (html) {
      insertHtmlAsDropWould(target, here, html);
    } else {
      const spaces = here ? smartSpaces(here) : { before: '', after: '' };
      document.execCommand('insertText', false, spaces.before + text + spaces.after);
    }
  });
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
  // Firefox drops clipboardData from the constructor; an empty paste would be cancelled by an
  // editor and lose the text, so it is only dispatched once the data is back on it.
  if (!syntheticPasteCarriesData() && !attachClipboardData(event, data.strings, data.files)) {
    insertAsBrowserWould(data);
    return;
  }
  whileReplaying(() => target.dispatchEvent(event));
  if (event.defaultPrevented) return; // an editor or the page handled it, as with a real paste
  insertAsBrowserWould(data);
}

/** The browser's default paste action, for fields and bare contenteditable. */
export function insertAsBrowserWould(data: TransferSnapshot): void {
  const { text, html } = snapshotText(data);
  const active = deepActiveElement();
  whileReplaying(() => {
    if (isTextField(active)) {
      if (text) insertIntoTextField(text);
    } else if (html && active instanceof HTMLElement && active.isContentEditable) {
      // Chromium sanitises inserted markup the same way it does for a real rich paste.
      document.execCommand('insertHTML', false, html);
    } else if (text) {
      document.execCommand('insertText', false, text);
    }
  });
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Inserts text at the selection of the focused input or textarea as one edit, as a paste
 * does. insertText splits at every line break (a 5-line list gave the page 9 input events and
 * intermediate values); insertHTML of the escaped text gives the same characters (tabs,
 * spaces, line breaks: measured against real Control+V) in one edit, one input event and one
 * undo step. It drops NUL characters, so text with them keeps insertText.
 */
function insertIntoTextField(text: string): void {
  // Firefox does not run insertHTML in a text field (it returns false and inserts nothing);
  // there insertText makes one edit, one input event, line breaks included (measured in ESR 153).
  if (/[\r\n]/.test(text) && !text.includes('\0') && document.execCommand('insertHTML', false, escapeHtml(text))) return;
  document.execCommand('insertText', false, text);
}
