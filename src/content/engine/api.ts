// The content script comes in two parts. The interceptor (main.iife.ts) is small and runs in
// every frame of every covered page at document_start: listeners, the linear pre-screen,
// delivery. The engine (engine.iife.ts: full classifier, file readers, the warning dialog,
// the roster matcher) is injected into a frame by the background only when that frame may
// need it — the first time the user focuses a field there, or holds something suspicious —
// so an ordinary page load pays for the interceptor alone. Both run in the extension's
// isolated world and meet through a global the page cannot see.
import type { Classification, ClassifyInput, ClassifyOptions, RosterMatcher } from '../../core/types';
import type { ExtractResult } from '../../core/extract';
import type { WarningChoice, WarningDialogProps } from '../warning/WarningDialog';
import type { ProgressHandle } from '../warning/mount';

export interface Engine {
  classify(input: string | ClassifyInput, options: ClassifyOptions): Classification;
  classifyIncrementally(input: ClassifyInput, options: ClassifyOptions, yieldToHost: () => Promise<void>): Promise<Classification>;
  redact(text: string, classification: Classification): string;
  extractText(bytes: Uint8Array, fileName: string, mimeType: string, maxBytes: number): Promise<ExtractResult>;
  showWarningDialog(props: Omit<WarningDialogProps, 'onChoice'>): Promise<WarningChoice>;
  showProgress(label: string): ProgressHandle;
  /** The practice's roster, once loaded (null: none). Kept current by the engine. */
  rosterMatcher(): RosterMatcher | null;
}

export const ENGINE_KEY = Symbol.for('clientguard.engine');

type EngineScope = typeof globalThis & { [ENGINE_KEY]?: Engine };

export function engineIfLoaded(): Engine | null {
  return (globalThis as EngineScope)[ENGINE_KEY] ?? null;
}

export function registerEngine(engine: Engine): void {
  (globalThis as EngineScope)[ENGINE_KEY] ??= engine;
}

let loading: Promise<Engine> | null = null;

/** The engine, injected into this frame by the background if it is not there yet. */
export function ensureEngine(): Promise<Engine> {
  const loaded = engineIfLoaded();
  if (loaded) return Promise.resolve(loaded);
  loading ??= chrome.runtime
    .sendMessage({ type: 'engine/load', payload: {} })
    .then(() => {
      const engine = engineIfLoaded();
      if (!engine) throw new Error('engine not injected');
      return engine;
    })
    .finally(() => {
      loading = null;
    });
  return loading;
}

/** The engine, which the caller knows is loaded (it is, whenever a dialog has been shown). */
export function requireEngine(): Engine {
  const engine = engineIfLoaded();
  if (!engine) throw new Error('engine not loaded');
  return engine;
}
