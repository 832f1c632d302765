/** @jsxImportSource preact */
// What happens when client data is about to be shared: the mode, and what the warning allows.
import type { EffectiveSettings, Mode, Settings } from '../core/settings';
import { MODES } from '../core/policy/fields';
import { t } from '../ui/i18n';
import { LockedNote, isLocked, lockedNoteId, lockedProps } from './Locked';

const MODE_MESSAGES: Record<Mode, [label: string, hint: string]> = {
  warn: ['optionsModeWarn', 'optionsModeWarnHint'],
  block: ['optionsModeBlock', 'optionsModeBlockHint'],
  audit: ['optionsModeAudit', 'optionsModeAuditHint'],
  off: ['optionsModeOff', 'optionsModeOffHint'],
};
// Most protective first: the order people read in is the order of preference.
const MODE_ORDER: Mode[] = ['warn', 'block', 'audit', 'off'];

interface Props {
  settings: EffectiveSettings;
  save: (changes: Partial<Settings>) => void;
}

export function ProtectionSection({ settings, save }: Props) {
  const modeLocked = isLocked(settings, 'mode');
  return (
    <section aria-labelledby="protection-heading" class="card">
      <h2 id="protection-heading">{t('optionsProtectionHeading')}</h2>
      <fieldset aria-describedby={modeLocked ? lockedNoteId('mode') : undefined}>
        <legend>{t('optionsModeLegend')}</legend>
        <LockedNote settings={settings} setting="mode" />
        {MODE_ORDER.filter((m) => MODES.includes(m)).map((mode) => {
          const [label, hint] = MODE_MESSAGES[mode];
          return (
            <div class="choice" key={mode}>
              <input
                type="radio"
                name="mode"
                id={`mode-${mode}`}
                value={mode}
                checked={settings.mode === mode}
                disabled={modeLocked}
                aria-describedby={`mode-${mode}-hint`}
                onChange={() => save({ mode })}
              />
              <label for={`mode-${mode}`}>{t(label)}</label>
              <p class="hint" id={`mode-${mode}-hint`}>
                {t(hint)}
              </p>
            </div>
          );
        })}
      </fieldset>

      <h3>{t('optionsWarningHeading')}</h3>
      <div class="choice">
        <input
          type="checkbox"
          id="allow-share-anyway"
          checked={settings.allowShareAnyway}
          {...lockedProps(settings, 'allowShareAnyway')}
          onChange={(e) => save({ allowShareAnyway: e.currentTarget.checked })}
        />
        <label for="allow-share-anyway">{t('optionsAllowShareAnyway')}</label>
        <LockedNote settings={settings} setting="allowShareAnyway" />
      </div>
      <div class="choice">
        <input
          type="checkbox"
          id="require-reason"
          checked={settings.requireReason}
          {...lockedProps(settings, 'requireReason')}
          onChange={(e) => save({ requireReason: e.currentTarget.checked })}
        />
        <label for="require-reason">{t('optionsRequireReason')}</label>
        <p class="hint">{t('optionsRequireReasonHint')}</p>
        <LockedNote settings={settings} setting="requireReason" />
      </div>
    </section>
  );
}
