/** @jsxImportSource preact */
// The options page: the user's choices first, the administrator's diagnostics last. Every
// change is saved at once through the background (which ignores locked keys) and comes back
// as effective settings; an announcement in a live region confirms it.
import { useRef, useState } from 'preact/hooks';
import type { EffectiveSettings, Settings } from '../core/settings';
import { LIST_THRESHOLD_RANGE, RETENTION_RANGE } from '../core/policy/fields';
import { t } from '../ui/i18n';
import { useAuditQueue, useEffectiveSettings, useManagedPolicy } from './data';
import { ProtectionSection } from './ProtectionSection';
import { IdentitiesSection } from './IdentitiesSection';
import { SitesSection } from './SitesSection';
import { AddedSitesSection } from './AddedSitesSection';
import { TransferSection } from './TransferSection';
import { DiagnosticsSection } from './DiagnosticsSection';
import { NumberField } from './NumberField';
import { RosterSlot } from './RosterSlot';
import { LockIcon } from './Locked';

export function App({ initial }: { initial: EffectiveSettings }) {
  const [settings, saveSettings] = useEffectiveSettings(initial);
  const policy = useManagedPolicy();
  const queue = useAuditQueue();
  const [status, setStatus] = useState('');
  const statusTimer = useRef<ReturnType<typeof setTimeout>>(undefined);

  function announce(message: string): void {
    // Emptied first so that the same words ("Saved") are announced again.
    setStatus('');
    clearTimeout(statusTimer.current);
    statusTimer.current = setTimeout(() => setStatus(message), 50);
  }

  async function save(changes: Partial<Settings>): Promise<EffectiveSettings | undefined> {
    try {
      const next = await saveSettings(changes);
      announce(t('optionsSaved'));
      return next;
    } catch (error) {
      console.error('ClientGuard: could not save settings:', error instanceof Error ? error.message : error);
      announce(t('optionsSaveFailed'));
      return undefined;
    }
  }
  const saveNow = (changes: Partial<Settings>) => void save(changes);

  return (
    <div class="page">
      <header class="page-header">
        <h1>{t('optionsHeading')}</h1>
        <p class="intro">{t('optionsIntro')}</p>
        {settings.locked.length > 0 ? (
          <p class="managed-banner" data-managed>
            <LockIcon /> {t('optionsManagedBanner')}
            {settings.adminNote ? <span class="admin-note"> {settings.adminNote}</span> : null}
          </p>
        ) : null}
      </header>
      <main>
        <ProtectionSection settings={settings} save={saveNow} />
        <section aria-labelledby="sensitivity-heading" class="card">
          <h2 id="sensitivity-heading">{t('optionsSensitivityHeading')}</h2>
          <NumberField
            id="list-threshold"
            settings={settings}
            setting="listThreshold"
            value={settings.listThreshold}
            min={LIST_THRESHOLD_RANGE.min}
            max={LIST_THRESHOLD_RANGE.max}
            label={t('optionsListThreshold')}
            hint={t('optionsListThresholdHint')}
            onSave={(listThreshold) => saveNow({ listThreshold })}
          />
        </section>
        <IdentitiesSection settings={settings} save={saveNow} />
        <SitesSection settings={settings} save={saveNow} />
        <AddedSitesSection settings={settings} save={saveNow} announce={announce} />
        <section aria-labelledby="history-heading" class="card">
          <h2 id="history-heading">{t('optionsHistoryHeading')}</h2>
          <NumberField
            id="history-retention"
            settings={settings}
            setting="historyRetentionDays"
            value={settings.historyRetentionDays}
            min={RETENTION_RANGE.min}
            max={RETENTION_RANGE.max}
            label={t('optionsHistoryRetention')}
            hint={t('optionsHistoryRetentionHint')}
            onSave={(historyRetentionDays) => saveNow({ historyRetentionDays })}
          />
        </section>
        <RosterSlot settings={settings} />
        <TransferSection settings={settings} save={save} announce={announce} />
        <DiagnosticsSection settings={settings} policy={policy} queue={queue} />
      </main>
      <p class="save-status" role="status" aria-live="polite" data-save-status>
        {status}
      </p>
    </div>
  );
}
