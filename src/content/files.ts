// Reading files the user is about to upload, paste or drop, on this computer only. Large
// files are read and checked in slices with a visible progress box; files over the limit are
// not checked and not passed on (the user is told why).
import type { ClassifyInput } from '../core/types';
import { requireEngine } from './engine/api';
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

/** Reads the checkable files (and any accompanying text) into one classifier input. */
export async function filesToInput(files: readonly File[], extraText = ''): Promise<ClassifyInput | null> {
  const engine = requireEngine(); // review() loads it before reading files
  const parts: string[] = extraText ? [extraText] : [];
  for (const file of files.filter(isCheckableFile)) {
    if (file.size > MAX_FILE_BYTES) throw new FileTooLargeError(file.name);
    const progress = file.size >= PROGRESS_FROM_BYTES ? engine.showProgress(t('dialogChecking', file.name)) : null;
    try {
      const bytes = await readWithProgress(file, (f) => progress?.update(f * 0.5));
      const extracted = engine.extractText(bytes, file.name, file.type, MAX_FILE_BYTES);
      if (extracted.ok) parts.push(extracted.text);
      progress?.update(1);
    } finally {
      progress?.close();
    }
  }
  if (parts.length === 0) return null;
  return { text: parts.join('\n') };
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
