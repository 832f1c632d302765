// Resolved warnings: metadata only (toHistoryEntry dropped the masked examples). Clearing asks
// for confirmation in place, since a native confirm() dialog closes some browsers' popups.
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { WarningRecord } from '../core/warnings';
import { DECISION_LABEL } from '../core/decision-record';
import { sendMessage } from '../messaging';
import { formatDate, t } from './i18n';
import { HISTORY_KEYS, loadHistory, onStorageChanged, walkthroughUrl } from './store';
import { WarningFacts } from './WarningFacts';

interface Props {
  retentionDays: number;
  onCleared: () => void;
}

export function HistoryView({ retentionDays, onCleared }: Props) {
  const [confirming, setConfirming] = useState(false);
  // Read when the view opens, not with the popup: history can hold months of entries.
  const [history, setHistory] = useState<WarningRecord[] | null>(null);

  useEffect(() => {
    const load = (): void => void loadHistory().then(setHistory);
    load();
    return onStorageChanged(HISTORY_KEYS, load);
  }, []);

  async function clearAll(): Promise<void> {
    await sendMessage('history/clear', {});
    setConfirming(false);
    onCleared();
  }

  return (
    <section aria-labelledby="history-heading" aria-busy={history === null}>
      <h2 id="history-heading" tabIndex={-1}>
        {t('popupHistoryHeading')}
      </h2>
      <p class="hint">{retentionDays > 0 ? t('popupHistoryRetention', String(retentionDays)) : t('popupHistoryRetentionNone')}</p>
      {history === null ? null : history.length === 0 ? (
        <p class="empty">{t('popupHistoryEmpty')}</p>
      ) : (
        <>
          <ul class="warnings history">
            {history.map((h) => (
              <HistoryEntry key={h.id} entry={h} />
            ))}
          </ul>
          {confirming ? (
            <div class="confirm" role="group" aria-labelledby="clear-question">
              <p id="clear-question">{t('popupClearQuestion', String(history.length))}</p>
              <div class="actions">
                <button type="button" class="danger" onClick={() => void clearAll()}>
                  {t('popupClearConfirm')}
                </button>
                <button type="button" onClick={() => setConfirming(false)} autoFocus>
                  {t('popupClearKeep')}
                </button>
              </div>
            </div>
          ) : (
            <div class="actions">
              <button type="button" onClick={() => setConfirming(true)}>
                {t('popupClearHistory')}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}

function HistoryEntry({ entry }: { entry: WarningRecord }) {
  const headingId = `h-${entry.id}-site`;
  const decidedAt = entry.decidedAt ?? entry.createdAt;
  return (
    <li class="warning">
      <article aria-labelledby={headingId}>
        <h3 id={headingId}>{entry.site || t('popupUnknownSite')}</h3>
        <p class="when">
          <time dateTime={new Date(decidedAt).toISOString()}>{formatDate(decidedAt)}</time>
        </p>
        <WarningFacts warning={entry}>
          <dt>{t('popupDecisionLabel')}</dt>
          <dd>
            {entry.decision ? t(DECISION_LABEL[entry.decision]) : '—'}
            <span class="muted"> · {t(entry.decidedIn === 'popup' ? 'popupDecidedInPopup' : 'popupDecidedInPage')}</span>
          </dd>
          {entry.note && (
            <>
              <dt>{t('popupNoteHeading')}</dt>
              <dd class="note">{entry.note}</dd>
            </>
          )}
        </WarningFacts>
        {entry.decisionRecordId && (
          <div class="actions">
            <button
              type="button"
              aria-describedby={headingId}
              onClick={() => void browser.tabs.create({ url: walkthroughUrl({ record: entry.decisionRecordId as string }) }).then(() => window.close())}
            >
              {t('popupViewRecord')}
            </button>
          </div>
        )}
      </article>
    </li>
  );
}
