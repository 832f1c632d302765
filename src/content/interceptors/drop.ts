// Drag and drop of text and files, onto fields, editors and drop zones. The drop's data is
// copied synchronously (a DataTransfer is unreadable after the handler returns); on Share the
// same data is dropped again at the same point, so drop zones get exactly the same files.
import { checkNow, redactText, review, type HeldAction } from '../guard';
import { isActiveHere } from '../settings';
import { checkFilesAction } from '../file-actions';
import { hasCheckableFile } from '../files';
import {
  dropCaretAt,
  insertAsDropWould,
  isReplaying,
  isTextField,
  snapshotText,
  snapshotTransfer,
  toDataTransfer,
  whileReplaying,
  type DropCaret,
  type TransferSnapshot,
} from '../deliver/insert';

export function initDrop(signal: AbortSignal): void {
  window.addEventListener('drop', onDrop, { capture: true, signal });
}

function onDrop(event: DragEvent): void {
  if (!event.isTrusted || isReplaying() || !event.dataTransfer) return;
  const data = snapshotTransfer(event.dataTransfer);
  const textInput = snapshotText(data);
  const withFiles = hasCheckableFile(data.files);
  const quick = withFiles ? { hold: isActiveHere() } : checkNow(textInput, 'drop');
  if (!quick.hold) return;
  event.preventDefault();
  event.stopImmediatePropagation();

  const target = (event.composedPath()[0] ?? event.target) as Element;
  const point = { clientX: event.clientX, clientY: event.clientY, screenX: event.screenX, screenY: event.screenY };
  const caret = dropCaretAt(target, event.clientX, event.clientY);
  const deliver = () => replayDrop(target, point, caret, data);
  const restore = () => undefined; // nothing was dropped: the page is as it was
  if (withFiles) {
    void checkFilesAction({ channel: 'drop', files: data.files, text: textInput.text, deliver, restore });
    return;
  }
  const action: HeldAction = {
    channel: 'drop',
    deliver,
    deliverRedacted: () => replayDrop(target, point, caret, { strings: [['text/plain', redactText(textInput.text)]], files: [] }),
    restore,
  };
  void review(action, textInput, 'classification' in quick ? quick.classification : undefined);
}

function replayDrop(target: Element, point: Pick<DragEventInit, 'clientX' | 'clientY' | 'screenX' | 'screenY'>, caret: DropCaret, data: TransferSnapshot): void {
  if (!target.isConnected) return;
  const event = new DragEvent('drop', { ...point, dataTransfer: toDataTransfer(data), bubbles: true, cancelable: true, composed: true });
  whileReplaying(() => target.dispatchEvent(event));
  if (event.defaultPrevented) return; // a drop zone or editor took it
  // Nobody handled it: the browser's own default for text dropped on a field or editor, at
  // the point it was dropped.
  insertAsDropWould(editableAt(target), caret, data);
}

/** The element a drop on `target` edits: the field itself, or the editing host around it. */
function editableAt(target: Element): Element {
  if (isTextField(target) || !(target instanceof HTMLElement) || !target.isContentEditable) return target;
  let host: HTMLElement = target;
  while (host.parentElement?.isContentEditable) host = host.parentElement;
  return host;
}
