// Puts the warning on the page: a host element holding a CLOSED shadow root (page scripts get
// null from host.shadowRoot and cannot query inside), styles scoped to it, and a modal
// <dialog> that makes the rest of the page inert while it shows.
import { h, render } from 'preact';
import { WarningDialog, type WarningChoice, type WarningDialogProps } from './WarningDialog';
import { DIALOG_CSS, PROGRESS_CSS } from './styles';

function createHost(css: string): { host: HTMLElement; root: ShadowRoot } {
  const host = document.createElement('div');
  // Not display:none (that would hide the dialog); no layout of its own.
  host.style.setProperty('all', 'initial', 'important');
  host.style.setProperty('position', 'fixed', 'important');
  host.style.setProperty('z-index', '2147483647', 'important');
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = css;
  root.append(style);
  (document.body ?? document.documentElement).append(host);
  return { host, root };
}

/**
 * Shows the warning and resolves with the user's choice. If the page removes the dialog
 * (navigation in a single-page app, a script clearing the body) the choice is "later": the
 * held action stays held and the warning waits in the popup.
 */
export function showWarningDialog(props: Omit<WarningDialogProps, 'onChoice'>): Promise<WarningChoice> {
  return new Promise((resolve) => {
    const { host, root } = createHost(DIALOG_CSS);
    const container = document.createElement('div');
    root.append(container);
    let settled = false;
    const finish = (choice: WarningChoice) => {
      if (settled) return;
      settled = true;
      observer.disconnect();
      render(null, container);
      host.remove();
      resolve(choice);
    };
    const observer = new MutationObserver(() => {
      if (!host.isConnected) finish({ decision: 'later' });
    });
    observer.observe(document.documentElement, { childList: true, subtree: true });
    render(h(WarningDialog, { ...props, onChoice: finish }), container);
  });
}

export interface ProgressHandle {
  update(fraction: number): void;
  /** Still working, no measurable fraction (classifying): the bar runs indeterminate. */
  busy(): void;
  close(): void;
}

/** A small status box while a large file is checked, so the wait is visible. */
export function showProgress(label: string): ProgressHandle {
  const { host, root } = createHost(PROGRESS_CSS);
  const box = document.createElement('div');
  box.className = 'cg-progress';
  box.setAttribute('role', 'status');
  const text = document.createElement('span');
  text.textContent = label;
  const bar = document.createElement('progress');
  bar.setAttribute('aria-label', label);
  bar.max = 1;
  bar.value = 0;
  box.append(text, bar);
  root.append(box);
  return {
    update: (fraction) => {
      bar.value = Math.max(0, Math.min(1, fraction));
    },
    busy: () => bar.removeAttribute('value'),
    close: () => host.remove(),
  };
}
