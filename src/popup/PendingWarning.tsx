// One pending warning: where and when, what was found (masked), what happened, and what the
// clinician can do about it. The resolve form is only built when opened, which keeps a list of
// hundreds of warnings light.
import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { shownExamples, type WarningRecord } from '../core/warnings';
import { sendMessage } from '../messaging';
import { formatDate, formatRelative, t } from './i18n';
import { walkthroughUrl } from './store';
import { ResolveForm } from './ResolveForm';
import { WarningFacts } from './WarningFacts';

interface Props {
  warning: WarningRecord;
  now: number;
  onResolved: () => void;
}

export function PendingWarning({ warning, now, onResolved }: Props) {
  const [resolving, setResolving] = useState(false);
  const [tabGone, setTabGone] = useState(false);
  const idBase = `w-${warning.id}`;
  const headingId = `${idBase}-site`;
  const examples = shownExamples(warning.summary);

  async function goToTab(): Promise<void> {
    const { ok } = await sendMessage('warnings/focusTab', { id: warning.id }).catch(() => ({ ok: false }));
    if (ok) window.close();
    else setTabGone(true);
  }

  async function openWalkthrough(): Promise<void> {
    await browser.tabs.create({ url: walkthroughUrl({ warning: warning.id }) });
    window.close();
  }

  return (
    <li class="warning">
      <article aria-labelledby={headingId}>
        <h3 id={headingId}>{warning.site || t('popupUnknownSite')}</h3>
        <p class="when">
          <time dateTime={new Date(warning.createdAt).toISOString()}>{formatRelative(warning.createdAt, now)}</time>
          <span class="muted"> · {formatDate(warning.createdAt)}</span>
        </p>
        <WarningFacts warning={warning} examples={examples} />
        <div class="actions">
          <button type="button" aria-describedby={headingId} onClick={() => void goToTab()} disabled={warning.tabId === undefined}>
            {t('popupGoToTab')}
          </button>
          <button
            type="button"
            class={resolving ? '' : 'primary'}
            aria-describedby={headingId}
            aria-expanded={resolving}
            onClick={() => setResolving(!resolving)}
          >
            {t('popupResolve')}
          </button>
          <button type="button" aria-describedby={headingId} onClick={() => void openWalkthrough()}>
            {t('popupOpenWalkthrough')}
          </button>
        </div>
        {tabGone && (
          <p class="error" role="alert">
            {t('popupTabGone')}
          </p>
        )}
        {resolving && <ResolveForm warningId={warning.id} idBase={idBase} onDone={onResolved} onCancel={() => setResolving(false)} />}
      </article>
    </li>
  );
}
