// Reading and writing the user's text in forms and editors in a way frameworks notice.
import { whileReplaying } from './deliver/insert';

type TextField = HTMLInputElement | HTMLTextAreaElement | HTMLElement;

const TEXT_INPUT = /^(text|search|email|url|tel|)$/;

/** Text-bearing controls of a form, including rich editors inside it. */
export function textFieldsOf(form: HTMLFormElement): TextField[] {
  const fields: TextField[] = [];
  for (const el of Array.from(form.elements)) {
    if (el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && TEXT_INPUT.test(el.type))) fields.push(el);
  }
  for (const el of Array.from(form.querySelectorAll<HTMLElement>('[contenteditable=""],[contenteditable="true"],[contenteditable="plaintext-only"]'))) {
    if (!el.parentElement?.closest('[contenteditable]')) fields.push(el);
  }
  return fields;
}

/** One line per field value, in document order: what the form is about to send. */
export function formFieldsText(form: HTMLFormElement): string {
  return textFieldsOf(form)
    .map((f) => (f instanceof HTMLInputElement || f instanceof HTMLTextAreaElement ? f.value : f.innerText))
    .filter((v) => v.trim() !== '')
    .join('\n');
}

/**
 * Sets a field's value so that React-style controlled inputs see it: the native setter (the
 * framework overrides the instance's), then the input event a user's typing would fire.
 */
export function setFieldValue(field: TextField, value: string): void {
  if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) {
    const proto = field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(field, value);
    whileReplaying(() => field.dispatchEvent(new Event('input', { bubbles: true, composed: true })));
    return;
  }
  // Rich editors keep their own model: select everything and insert, as a user would.
  field.focus({ preventScroll: true });
  const selection = document.getSelection();
  const range = document.createRange();
  range.selectNodeContents(field);
  selection?.removeAllRanges();
  selection?.addRange(range);
  const dt = new DataTransfer();
  dt.setData('text/plain', value);
  const paste = new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true, composed: true });
  whileReplaying(() => field.dispatchEvent(paste));
  if (!paste.defaultPrevented) whileReplaying(() => document.execCommand('insertText', false, value));
}
