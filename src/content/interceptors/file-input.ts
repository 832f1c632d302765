// File inputs, including hidden ones opened by a custom "Upload" button: the browser sets
// input.files and fires "input" then "change". Both are held until the files are checked;
// Cancel puts the previous selection back, Share re-fires the two events with the same files.
import { checkFilesAction } from '../file-actions';
import { isReplaying, whileReplaying } from '../deliver/insert';
import { hasCheckableFile } from '../files';
import { isActiveHere } from '../settings';

/** The selection the page last received for each input (empty before the first). */
const delivered = new WeakMap<HTMLInputElement, File[]>();
/** Inputs whose current selection is being checked; their events are held. */
const held = new WeakSet<HTMLInputElement>();

export function initFileInput(signal: AbortSignal): void {
  window.addEventListener('input', onFileEvent, { capture: true, signal });
  window.addEventListener('change', onFileEvent, { capture: true, signal });
}

function fileInputOf(event: Event): HTMLInputElement | null {
  const target = event.composedPath()[0];
  return target instanceof HTMLInputElement && target.type === 'file' ? target : null;
}

function onFileEvent(event: Event): void {
  const input = fileInputOf(event);
  if (!input || isReplaying()) return;
  if (held.has(input)) {
    event.stopImmediatePropagation();
    return;
  }
  if (!event.isTrusted || !isActiveHere()) return;
  const files = Array.from(input.files ?? []);
  if (!hasCheckableFile(files)) {
    delivered.set(input, files);
    return;
  }
  event.stopImmediatePropagation();
  held.add(input);
  const previous = delivered.get(input) ?? [];
  // The browser fires "input" and then "change" for one selection, in the same task, with
  // microtasks run in between. Start checking only after both: a check that settles in a
  // microtask (a file refused as too large, say) must not let the "change" through.
  setTimeout(() => check(input, files, previous), 0);
}

function check(input: HTMLInputElement, files: File[], previous: File[]): void {
  void checkFilesAction({
    channel: 'upload',
    files,
    deliver: () => {
      held.delete(input);
      delivered.set(input, files);
      whileReplaying(() => {
        input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        input.dispatchEvent(new Event('change', { bubbles: true }));
      });
    },
    restore: () => {
      held.delete(input);
      const dt = new DataTransfer();
      for (const f of previous) dt.items.add(f);
      input.files = dt.files;
    },
  });
}
