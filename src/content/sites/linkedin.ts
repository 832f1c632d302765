import type { SiteAdapter } from './types';

// LinkedIn: the share box's primary action and comment submit buttons; editors are Quill
// (.ql-editor) inside the share modal or comment box.
export const linkedinAdapter: SiteAdapter = {
  hosts: ['*.linkedin.com'],
  sendButton: '.share-actions__primary-action, .comments-comment-box__submit-button, .msg-form__send-button',
  composerFor: (button) =>
    button.closest('[role="dialog"], .comments-comment-box, .msg-form')?.querySelector('.ql-editor[contenteditable="true"], [contenteditable="true"]') ?? null,
};
