// Composer actions without a form: a Post/Send/Publish/Reply button, or Control/Command+Enter
// in a rich editor — for text that was typed as well as pasted. On Share the same button is
// clicked again (or the same key combination sent to the same editor).
import { checkNow, redactText, review, type HeldAction } from '../guard';
import { isReplaying, whileReplaying } from '../deliver/insert';
import { setFieldValue } from '../form-fields';
import { adapterFor } from '../sites';

const EDITABLE = 'textarea, [contenteditable=""], [contenteditable="true"], [contenteditable="plaintext-only"], [role="textbox"]';
// Labels of send-like buttons, English and Spanish; kept short to avoid matching prose.
const SEND_LABEL =
  /^(post|post now|send|send now|publish|publish now|reply|tweet|share|share now|comment|submit|schedule|schedule post|respond|publicar|enviar|responder|compartir|comentar|programar)\b/i;

let lastEditable: HTMLElement | null = null;

export function initComposer(signal: AbortSignal): void {
  window.addEventListener(
    'focusin',
    (e) => {
      const el = e.composedPath()[0];
      if (el instanceof HTMLElement && el.matches(EDITABLE)) lastEditable = editorRoot(el);
    },
    { capture: true, signal },
  );
  window.addEventListener('click', onClick, { capture: true, signal });
  window.addEventListener('keydown', onKeyDown, { capture: true, signal });
}

function editorRoot(el: HTMLElement): HTMLElement {
  let root = el;
  while (root.parentElement?.isContentEditable) root = root.parentElement;
  return root;
}

function textOf(el: Element): string {
  return el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement ? el.value : (el as HTMLElement).innerText ?? '';
}

function sendButtonFrom(target: EventTarget | undefined): HTMLElement | null {
  if (!(target instanceof Element)) return null;
  const el = target.closest<HTMLElement>('button, [role="button"], input[type="submit"], input[type="button"]');
  if (!el) return null;
  // A submit button inside a form is the form interception's job (it fires "submit").
  if ((el instanceof HTMLButtonElement || el instanceof HTMLInputElement) && el.form && el.type === 'submit') return null;
  const adapter = adapterFor(location.hostname);
  if (adapter?.sendButton && el.matches(adapter.sendButton)) return el;
  const label = (el.getAttribute('aria-label') || (el instanceof HTMLInputElement ? el.value : el.textContent) || el.title || '').trim();
  return label.length <= 40 && SEND_LABEL.test(label) ? el : null;
}

/** The editor whose text a send button would send. */
function composerFor(button: HTMLElement): HTMLElement | null {
  const fromAdapter = adapterFor(location.hostname)?.composerFor?.(button);
  if (fromAdapter instanceof HTMLElement) return fromAdapter;
  let scope: HTMLElement | null = button.parentElement;
  for (let depth = 0; scope && depth < 8; depth++, scope = scope.parentElement) {
    const editors = Array.from(scope.querySelectorAll<HTMLElement>(EDITABLE)).map(editorRoot).filter((e) => textOf(e).trim() !== '');
    if (editors.length > 0) return editors.includes(lastEditable as HTMLElement) ? lastEditable : editors[editors.length - 1]!;
  }
  return lastEditable?.isConnected && textOf(lastEditable).trim() ? lastEditable : null;
}

function onClick(event: MouseEvent): void {
  if (!event.isTrusted || isReplaying()) return;
  const button = sendButtonFrom(event.composedPath()[0]);
  if (!button) return;
  const composer = composerFor(button);
  if (!composer) return;
  hold(event, composer, () => whileReplaying(() => button.click()));
}

function onKeyDown(event: KeyboardEvent): void {
  if (!event.isTrusted || isReplaying() || event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
  const target = event.composedPath()[0];
  if (!(target instanceof HTMLElement) || !target.matches(EDITABLE) && !target.isContentEditable) return;
  const composer = editorRoot(target);
  const init: KeyboardEventInit = {
    key: event.key,
    code: event.code,
    keyCode: event.keyCode,
    which: event.which,
    ctrlKey: event.ctrlKey,
    metaKey: event.metaKey,
    shiftKey: event.shiftKey,
    altKey: event.altKey,
    bubbles: true,
    cancelable: true,
    composed: true,
  } as KeyboardEventInit;
  hold(event, composer, () => {
    composer.focus({ preventScroll: true });
    whileReplaying(() => target.dispatchEvent(new KeyboardEvent('keydown', init)));
  });
}

function hold(event: Event, composer: HTMLElement, send: () => void): void {
  const text = textOf(composer);
  const quick = checkNow({ text }, 'post');
  if (!quick.hold) return;
  event.preventDefault();
  event.stopImmediatePropagation();
  const action: HeldAction = {
    channel: 'post',
    deliver: send,
    deliverRedacted: () => {
      setFieldValue(composer, redactText(text));
      send();
    },
    restore: () => composer.focus({ preventScroll: true }), // the draft stays as written
  };
  void review(action, { text }, 'classification' in quick ? quick.classification : undefined);
}
