// Content script entry, injected at document_start into every frame of covered sites
// (about:blank and srcdoc frames too). Built as a self-contained IIFE (".iife.ts" for
// @crxjs/vite-plugin): it runs synchronously before any page script, and no chunk has to be
// web-accessible, so a page cannot detect ClientGuard by probing chrome-extension:// URLs.
import { INTERCEPTORS } from './interceptors';
import { startSettingsSync } from './settings';
import { startRosterSync } from './roster-state';

function start(): AbortController {
  const controller = new AbortController();
  // Listeners first, synchronously: they must be in place before the page's own.
  for (const init of INTERCEPTORS) init(controller.signal);
  startSettingsSync(controller.signal);
  startRosterSync(controller.signal);
  return controller;
}

// A second injection into the same world (dynamic registration overlapping the manifest's,
// or an extension update) must not double every listener.
const FLAG = Symbol.for('clientguard.started');
const scope = globalThis as typeof globalThis & { [FLAG]?: AbortController };
if (!scope[FLAG]) scope[FLAG] = start();
