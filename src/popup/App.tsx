// The popup: pending warnings first (what needs a decision), history on demand.
import { useEffect, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { loadWarnings, onWarningsChanged, type WarningsView } from './store';
import { PendingWarning } from './PendingWarning';
import { HistoryView } from './HistoryView';
import { t } from './i18n';

type View = 'pending' | 'history';

export function App({ initial }: { initial: WarningsView }) {
  const [data, setData] = useState(initial);
  const [view, setView] = useState<View>('pending');
  const [announcement, setAnnouncement] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(
    () =>
      onWarningsChanged(() => {
        void loadWarnings().then(setData);
      }),
    [],
  );

  function resolved(): void {
    setAnnouncement(t('popupResolvedAnnouncement'));
    // The row that had focus is gone: continue from the list's heading.
    headingRef.current?.focus();
  }

  const now = Date.now();
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
          {t('popupHistoryTab', String(data.history.length))}
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
                <ul class="warnings" data-pending-list>
                  {pending.map((w) => (
                    <PendingWarning key={w.id} warning={w} now={now} onResolved={resolved} />
                  ))}
                </ul>
              </>
            )}
          </section>
        ) : (
          <HistoryView history={data.history} retentionDays={data.historyRetentionDays} onCleared={() => setAnnouncement(t('popupClearedAnnouncement'))} />
        )}
      </main>
      <p class="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
