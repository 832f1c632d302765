// Paste: text/plain, text/html (spreadsheet and web tables) and files on the clipboard.
// The listener is the first capture listener on window (registered at document_start), so a
// page cannot see a held paste first or stop ClientGuard from seeing it.
import { checkNow, redactText, review, type HeldAction } from '../guard';
import { isActiveHere } from '../settings';
import { isReplaying, replayPaste, saveCaret, snapshotText, snapshotTransfer, restoreCaret} from '../deliver/insert';
import { hasCheckableFile } from '../files';
import { checkFilesAction } from '../file-actions';

export function initPaste(signal: AbortSignal): void {
  window.addEventListener('paste', onPaste, { capture: true, signal });
}

function onPaste(event: ClipboardEvent): void {
  if (!event.isTrusted || isReplaying() || !event.clipboardData) return;
  const data = snapshotTransfer(event.clipboardData);
  const caret = saveCaret(event.composedPath()[0] ?? event.target);
  const textInput = snapshotText(data);
  const withFiles = hasCheckableFile(data.files);

  const quick = withFiles ? { hold: isActiveHere() } : checkNow(textInput, 'paste');
  if (!quick.hold) return;
  event.preventDefault();
  event.stopImmediatePropagation();

  const deliver = () => replayPaste(caret, data);
  const restore = () => restoreCaret(caret);
  if (withFiles) {
    void checkFilesAction({ channel: 'paste', files: data.files, text: textInput.text, deliver, restore });
    return;
  }
  const action: HeldAction = {
    channel: 'paste',
    deliver,
    deliverRedacted: () => replayPaste(caret, { strings: [['text/plain', redactText(textInput.text)]], files: [] }),
    restore,
  };
  void review(action, textInput, 'classification' in quick ? quick.classification : undefined);
}
