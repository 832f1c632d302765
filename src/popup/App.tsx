// The popup: pending warnings first (what needs a decision), history on demand.
import { useEffect, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { loadWarnings, onStorageChanged, WARNINGS_KEYS, type WarningsView } from './store';
import { PendingList } from './PendingList';
import { HistoryView } from './HistoryView';
import { t } from './i18n';

type View = 'pending' | 'history';

export function App({ initial }: { initial: WarningsView }) {
  const [data, setData] = useState(initial);
  // One clock per load: relative times stay consistent, and rows need not re-render on their own.
  const [now, setNow] = useState(Date.now);
  const [view, setView] = useState<View>('pending');
  const [announcement, setAnnouncement] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(
    () =>
      onStorageChanged(WARNINGS_KEYS, () => {
        void loadWarnings().then((next) => {
          setData(next);
          setNow(Date.now());
        });
      }),
    [],
  );

  // Stable across renders, so memoised rows are not re-rendered for a new callback.
  const resolved = useRef((): void => {
    setAnnouncement(t('popupResolvedAnnouncement'));
    // The row that had focus is gone: continue from the list's heading.
    headingRef.current?.focus();
  }).current;

  const { pending } = data;
  return (
    <div class="popup">
      <header class="bar">
        <h1>{t('popupHeading')}</h1>
        <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage().then(() => window.close())}>
          {t('popupOpenSettings')}
        </button>
      </header>
      <nav class="views" aria-label={t('popupViewsLabel')}>
        <button type="button" aria-pressed={view === 'pending'} onClick={() => setView('pending')}>
          {t('popupPendingTab', String(pending.length))}
        </button>
        <button type="button" aria-pressed={view === 'history'} onClick={() => setView('history')}>
          {t('popupHistoryTab')}
        </button>
      </nav>
      <main>
        {view === 'pending' ? (
          <section aria-labelledby="pending-heading">
            <h2 id="pending-heading" tabIndex={-1} ref={headingRef}>
              {t('popupPendingHeading')}
            </h2>
            {pending.length === 0 ? (
              <div class="empty" data-empty>
                <p class="empty-title">{t('popupEmptyTitle')}</p>
                <p>{t('popupEmptyBody')}</p>
              </div>
            ) : (
              <>
                <p class="hint">{t('popupPendingIntro')}</p>
                <PendingList pending={pending} now={now} onResolved={resolved} />
              </>
            )}
          </section>
        ) : (
          <HistoryView retentionDays={data.historyRetentionDays} onCleared={() => setAnnouncement(t('popupClearedAnnouncement'))} />
        )}
      </main>
      <p class="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
