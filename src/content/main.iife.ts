// Content script entry, injected at document_start into every frame of covered sites
// (about:blank and srcdoc frames too). Built as a self-contained IIFE (".iife.ts" for
// @crxjs/vite-plugin): it runs synchronously before any page script, and no chunk has to be
// web-accessible, so a page cannot detect ClientGuard by probing chrome-extension:// URLs.
// It holds only the interceptors and the pre-screen; the engine comes on demand (engine/api.ts).
import { INTERCEPTORS } from './interceptors';
import { isActiveHere, startSettingsSync } from './settings';
import { ensureEngine } from './engine/api';
import { preparePrescreen } from '../core/classifier/prescreen';

const EDITABLE = 'input, textarea, [contenteditable], [role="textbox"]';

function start(): AbortController {
  const controller = new AbortController();
  const { signal } = controller;
  // Listeners first, synchronously: they must be in place before the page's own.
  for (const init of INTERCEPTORS) init(signal);
  startSettingsSync(signal);
  // The user is about to type, paste or pick a file here: build the pre-screen's tables and
  // bring the engine in now, so a check at the moment of the action waits for neither. Nothing
  // of this runs at load (see core/lazy.ts).
  const preload = (event: Event) => {
    const target = event.composedPath()[0];
    if (!(target instanceof Element) || !target.matches(EDITABLE) || !isActiveHere()) return;
    window.removeEventListener('focusin', preload, true);
    preparePrescreen();
    ensureEngine().catch(() => undefined);
  };
  window.addEventListener('focusin', preload, { capture: true, signal });
  return controller;
}

// A second injection into the same world (dynamic registration overlapping the manifest's,
// or an extension update) must not double every listener.
const FLAG = Symbol.for('clientguard.started');
const scope = globalThis as typeof globalThis & { [FLAG]?: AbortController };
if (!scope[FLAG]) scope[FLAG] = start();
