/** @jsxImportSource preact */
// Export the user's own settings to a JSON file and import them on another computer.
import { useRef, useState } from 'preact/hooks';
import type { EffectiveSettings, PolicyProblem, Settings } from '../core/settings';
import { exportSettings, parseSettingsFile } from '../core/policy/settings-file';
import { t } from '../ui/i18n';
import { problemText } from './problems';

interface Props {
  settings: EffectiveSettings;
  save: (changes: Partial<Settings>) => Promise<EffectiveSettings | undefined>;
  announce: (message: string) => void;
}

export function TransferSection({ settings, save, announce }: Props) {
  const [result, setResult] = useState<{ kind: 'ok' | 'error'; text: string; problems: PolicyProblem[] }>();
  const fileInput = useRef<HTMLInputElement>(null);

  function download(): void {
    const file = exportSettings(settings, Date.now());
    const url = URL.createObjectURL(new Blob([`${JSON.stringify(file, null, 2)}\n`], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `clientguard-settings-${file.exportedAt.slice(0, 10)}.json`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    announce(t('optionsExportDone'));
  }

  async function importFile(file: File | undefined): Promise<void> {
    if (!file) return;
    const parsed = parseSettingsFile(await file.text());
    if (fileInput.current) fileInput.current.value = '';
    if (!parsed.ok) {
      setResult({ kind: 'error', text: t(parsed.error === 'not_json' ? 'optionsImportNotJson' : 'optionsImportNotSettings'), problems: [] });
      return;
    }
    const lockedInFile = Object.keys(parsed.settings).filter((k) => settings.locked.includes(k as never));
    await save(parsed.settings);
    const text = lockedInFile.length > 0 ? t('optionsImportDoneLocked', lockedInFile.join(', ')) : t('optionsImportDone');
    setResult({ kind: 'ok', text, problems: parsed.problems });
  }

  return (
    <section aria-labelledby="transfer-heading" class="card">
      <h2 id="transfer-heading">{t('optionsTransferHeading')}</h2>
      <p class="intro">{t('optionsTransferIntro')}</p>
      <div class="row">
        <button type="button" onClick={download} data-action="export">
          {t('optionsExportButton')}
        </button>
        <div class="file-picker">
          <label for="import-file">{t('optionsImportLabel')}</label>
          <input id="import-file" ref={fileInput} type="file" accept="application/json,.json" onChange={(e) => void importFile(e.currentTarget.files?.[0])} />
        </div>
      </div>
      {result ? (
        <div class={result.kind === 'ok' ? 'result ok' : 'result error'} role={result.kind === 'ok' ? 'status' : 'alert'} data-import-result={result.kind}>
          <p>{result.text}</p>
          {result.problems.length > 0 ? (
            <>
              <p>{t('optionsImportSkipped')}</p>
              <ul>
                {result.problems.map((p, i) => (
                  <li key={i}>
                    <code>{p.key}</code>: {problemText(p)}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
