// Form submission: the submit event covers a click on a submit button, Enter in a field and
// form.requestSubmit() called by page script (the last is not a trusted event, so it is not
// required here). On Share the form is submitted again with the same submitter, so the page
// and the server get the same fields, formaction and button value.
// Not covered: form.submit(), which fires no event at all (see docs/architecture.md).
import { checkNow, redactText, review, type HeldAction } from '../guard';
import { isReplaying, whileReplaying } from '../deliver/insert';
import { formFieldsText, setFieldValue, textFieldsOf } from '../form-fields';

export function initFormSubmit(signal: AbortSignal): void {
  window.addEventListener('submit', onSubmit, { capture: true, signal });
}

function onSubmit(event: SubmitEvent): void {
  if (isReplaying()) return;
  const form = event.composedPath()[0];
  if (!(form instanceof HTMLFormElement)) return;
  const text = formFieldsText(form);
  const quick = checkNow({ text }, 'form');
  if (!quick.hold) return;
  event.preventDefault();
  event.stopImmediatePropagation();

  const submitter = event.submitter;
  const submit = () => {
    if (!form.isConnected) return;
    const usable = submitter && submitter.isConnected && (submitter as HTMLButtonElement).form === form ? submitter : null;
    whileReplaying(() => form.requestSubmit(usable));
  };
  const action: HeldAction = {
    channel: 'form',
    deliver: submit,
    deliverRedacted: () => {
      for (const field of textFieldsOf(form)) {
        const value = field instanceof HTMLElement && !(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) ? field.innerText : field.value;
        if (value) setFieldValue(field, redactText(value));
      }
      submit();
    },
    restore: () => undefined, // the form was not sent and its fields were not touched
  };
  void review(action, { text }, 'classification' in quick ? quick.classification : undefined);
}
