/** @jsxImportSource preact */
// Known-client roster: import a roster export, see how many clients are loaded, remove it.
// The file's bytes go to the background, which keeps only keyed hashes (src/background/roster.ts);
// nothing of the file is kept on this page after the import returns.
import { useEffect, useRef, useState } from 'preact/hooks';
import browser, { type Storage } from 'webextension-polyfill';
import { STORAGE_KEYS, type ResponseOf } from '../messages';
import { sendMessage } from '../messaging';
import { t, uiLanguage } from '../ui/i18n';

type Status = ResponseOf<'roster/status'>;

/** Same limit as the background's; checked here too so a huge file is never read. */
const MAX_FILE_BYTES = 10 * 1024 * 1024;

interface Outcome {
  ok: boolean;
  text: string;
  problems: string[];
}

function formatDate(ms: number): string {
  try {
    return new Date(ms).toLocaleDateString(uiLanguage(), { year: 'numeric', month: 'long', day: 'numeric' });
  } catch {
    return new Date(ms).toISOString().slice(0, 10);
  }
}

function formatCount(n: number): string {
  try {
    return n.toLocaleString(uiLanguage());
  } catch {
    return String(n);
  }
}

function statusText(status: Status): string {
  if (status.source === 'none' || status.count === 0) return t('rosterNone');
  const date = status.importedAt ? formatDate(status.importedAt) : '';
  if (status.source === 'policy') return t('rosterManaged', [formatCount(status.count), date]);
  return status.count === 1 ? t('rosterLoadedOne', [date]) : t('rosterLoaded', [formatCount(status.count), date]);
}

export function RosterSection() {
  const [status, setStatus] = useState<Status | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  function refresh(): Promise<void> {
    return sendMessage('roster/status', {}).then(setStatus, () => setStatus({ count: 0, importedAt: null, source: 'none' }));
  }

  useEffect(() => {
    void refresh();
    // The roster can change while this page is open: a policy roster arriving or removed, an
    // import or removal in another tab. Only the stored key is watched, never its contents.
    const listener = (changes: Record<string, Storage.StorageChange>, area: string) => {
      if (area === 'local' && (STORAGE_KEYS.roster in changes || STORAGE_KEYS.rosterSize in changes)) void refresh();
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, []);

  async function importFile(file: File): Promise<void> {
    setOutcome(null);
    if (file.size > MAX_FILE_BYTES) {
      setOutcome({ ok: false, text: t('rosterTooLarge'), problems: [] });
      return;
    }
    setBusy(true);
    try {
      const result = await sendMessage('roster/import', { fileName: file.name, bytes: Array.from(new Uint8Array(await file.arrayBuffer())) });
      setOutcome({
        ok: result.ok,
        text: result.ok ? t('rosterImported', [formatCount(result.count)]) : t('rosterImportFailed'),
        problems: result.problems,
      });
    } catch {
      setOutcome({ ok: false, text: t('rosterImportFailed'), problems: [] });
    } finally {
      setBusy(false);
      if (fileInput.current) fileInput.current.value = ''; // the same file can be chosen again
      await refresh();
    }
  }

  async function clear(): Promise<void> {
    if (!window.confirm(t('rosterClearConfirm'))) return;
    setBusy(true);
    try {
      const result = await sendMessage('roster/clear', {});
      setOutcome({ ok: result.ok, text: result.ok ? t('rosterCleared') : t('rosterClearFailed'), problems: [] });
    } catch {
      setOutcome({ ok: false, text: t('rosterClearFailed'), problems: [] });
    } finally {
      setBusy(false);
      await refresh();
    }
  }

  const managed = status?.source === 'policy';
  const loaded = status !== null && status.source !== 'none' && status.count > 0;

  return (
    <section aria-labelledby="roster-heading" class="card" data-roster-section>
      <h2 id="roster-heading">{t('rosterTitle')}</h2>
      <p class="intro">{t('rosterIntro')}</p>
      <p class="hint" id="roster-privacy">
        {t('rosterNotStored')}
      </p>
      <p class="roster-status" data-roster-status={status?.source ?? 'loading'} aria-live="polite">
        {status ? statusText(status) : t('rosterLoading')}
      </p>
      {managed ? null : (
        <div class="row">
          <div class="file-picker">
            <label for="roster-file">{t('rosterFileLabel')}</label>
            <input
              id="roster-file"
              ref={fileInput}
              type="file"
              accept=".csv,.tsv,.txt,.xlsx,text/csv,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              disabled={busy}
              aria-describedby="roster-file-hint roster-privacy"
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                if (file) void importFile(file);
              }}
            />
          </div>
          {loaded ? (
            <button type="button" class="secondary" disabled={busy} onClick={() => void clear()}>
              {t('rosterClear')}
            </button>
          ) : null}
        </div>
      )}
      {managed ? null : (
        <p class="hint" id="roster-file-hint">
          {loaded ? t('rosterReplaceHint') : t('rosterFileHint')}
        </p>
      )}
      {busy ? (
        <p class="hint" role="status">
          {t('rosterWorking')}
        </p>
      ) : null}
      {outcome ? (
        <div class={outcome.ok ? 'result' : 'result error'} role={outcome.ok ? 'status' : 'alert'} data-roster-outcome={outcome.ok ? 'ok' : 'error'}>
          <p>{outcome.text}</p>
          {outcome.problems.length > 0 ? (
            <>
              <p>{t('rosterProblemsHeading')}</p>
              <ul>
                {outcome.problems.map((p, i) => (
                  <li key={i}>{p}</li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

export default RosterSection;
