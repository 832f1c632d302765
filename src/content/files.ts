// Reading files the user is about to upload, paste or drop, on this computer only. Large
// files are read and checked in slices with a visible progress box, shown from the first byte
// read until the check is done; files over the limit are not read, not checked and not passed
// on (the user is told why).
import type { ClassifyInput } from '../core/types';
import { requireEngine } from './engine/api';
import type { ProgressHandle } from './warning/mount';
import { t } from './runtime';

/** Files larger than this are refused rather than read into memory. */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;
/** Above this, show progress while reading. */
const PROGRESS_FROM_BYTES = 1024 * 1024;

const CHECKABLE = /\.(csv|tsv|txt|tab|psv|json|jsonl|xlsx|xlsm|vcf|html?|md)$/i;
const CHECKABLE_TYPES = /^(text\/|application\/(json|vnd\.openxmlformats-officedocument\.spreadsheetml|vnd\.ms-excel|csv))/;

export function isCheckableFile(file: File): boolean {
  return CHECKABLE.test(file.name) || CHECKABLE_TYPES.test(file.type);
}

export function hasCheckableFile(files: readonly File[]): boolean {
  return files.some(isCheckableFile);
}

export class FileTooLargeError extends Error {
  override name = 'FileTooLargeError';
  constructor(readonly fileName: string) {
    super('file too large');
  }
}

/** What reading files gives the classifier, and the progress box to keep showing while it
 *  classifies (null for small files, which are checked too fast to need one). */
export interface FilesInput {
  input: ClassifyInput;
  progress: ProgressHandle | null;
}

/**
 * Reads the checkable files (and any accompanying text) into one classifier input. From
 * PROGRESS_FROM_BYTES on, a progress box shows from the first byte read; it stays open for
 * the caller's classification (review() closes it) and is closed here on any failure.
 */
export async function filesToInput(files: readonly File[], extraText = ''): Promise<FilesInput | null> {
  const engine = requireEngine(); // review() loads it before reading files
  const checkable = files.filter(isCheckableFile);
  const tooLarge = checkable.find((f) => f.size > MAX_FILE_BYTES);
  if (tooLarge) throw new FileTooLargeError(tooLarge.name);
  const total = checkable.reduce((n, f) => n + f.size, 0);
  const largest = checkable.reduce<File | undefined>((a, f) => (!a || f.size > a.size ? f : a), undefined);
  const progress = largest && total >= PROGRESS_FROM_BYTES ? engine.showProgress(t('dialogChecking', largest.name)) : null;
  try {
    const parts: string[] = extraText ? [extraText] : [];
    let done = 0;
    for (const file of checkable) {
      // Reading fills the bar to half way; while review() classifies, it runs indeterminate.
      const bytes = await readWithProgress(file, (f) => progress?.update((0.5 * (done + f * file.size)) / total));
      done += file.size;
      const extracted = await engine.extractText(bytes, file.name, file.type, MAX_FILE_BYTES);
      if (extracted.ok) parts.push(extracted.text);
      progress?.update((0.5 * done) / total);
    }
    if (parts.length === 0) {
      progress?.close();
      return null;
    }
    return { input: { text: parts.join('\n') }, progress };
  } catch (error) {
    progress?.close();
    throw error;
  }
}

async function readWithProgress(file: File, onProgress: (fraction: number) => void): Promise<Uint8Array> {
  if (file.size < PROGRESS_FROM_BYTES) return new Uint8Array(await file.arrayBuffer());
  const out = new Uint8Array(file.size);
  const reader = file.stream().getReader();
  let offset = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    out.set(value, offset);
    offset += value.byteLength;
    onProgress(offset / file.size);
  }
  return out;
}
