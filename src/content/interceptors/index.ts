// Every interception, registered from one list: adding a channel is adding a file and a line.
import { initPaste } from './paste';
import { initDrop } from './drop';
import { initFileInput } from './file-input';
import { initFormSubmit } from './form-submit';
import { initComposer } from './composer';

export const INTERCEPTORS: readonly ((signal: AbortSignal) => void)[] = [initPaste, initDrop, initFileInput, initFormSubmit, initComposer];
