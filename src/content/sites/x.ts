import type { SiteAdapter } from './types';

// X (Twitter): the Post and Reply buttons carry stable test ids; the editor is a Draft.js
// contenteditable marked tweetTextarea_N inside the same dialog or timeline cell.
export const xAdapter: SiteAdapter = {
  hosts: ['x.com', 'twitter.com'],
  sendButton: '[data-testid="tweetButton"], [data-testid="tweetButtonInline"]',
  composerFor: (button) =>
    button.closest('[role="dialog"], [data-testid="primaryColumn"]')?.querySelector('[data-testid^="tweetTextarea_"][contenteditable="true"]') ?? null,
};
