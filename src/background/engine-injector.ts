// Injects the content-script engine (classifier, file readers, dialog) into the one frame
// that asks for it. See src/content/engine/api.ts for why the content script is split.
import browser from 'webextension-polyfill';
import engineFile from '../content/engine/engine.iife.ts?script';
import { handle } from './router';

export function initEngineInjector(): void {
  handle('engine/load', 'content', async (_payload, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return { ok: false };
    await browser.scripting.executeScript({
      target: { tabId, frameIds: [sender.frameId ?? 0] },
      files: [engineFile],
      injectImmediately: true,
    });
    return { ok: true };
  });
}
