// The shared path for channels that carry files (upload, paste or drop of files): read and
// check them, with a clear message when a file is too large to check.
import type { Channel } from '../core/warnings';
import { review } from './guard';
import { FileTooLargeError, MAX_FILE_BYTES, filesToInput } from './files';
import { t } from './runtime';

export interface FileAction {
  channel: Channel;
  files: File[];
  /** Text that travels with the files (a drop of files and text). */
  text?: string;
  deliver(): void;
  restore(): void;
}

export function checkFilesAction(action: FileAction): Promise<void> {
  return review(action, async () => {
    try {
      return await filesToInput(action.files, action.text ?? '');
    } catch (error) {
      if (!(error instanceof FileTooLargeError)) throw error;
      // Not checked, so not passed on; the user is told why.
      action.restore();
      notify(t('dialogTooLarge', [error.fileName, String(Math.round(MAX_FILE_BYTES / 1024 / 1024))]));
      return 'abandoned';
    }
  });
}

function notify(message: string): void {
  try {
    window.alert(message);
  } catch {
    /* sandboxed frame without modals: the file simply stays unattached */
  }
}
