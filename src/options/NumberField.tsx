/** @jsxImportSource preact */
// A whole-number setting with its range, checked in the page before it is saved.
import { useEffect, useState } from 'preact/hooks';
import type { EffectiveSettings, SettingKey } from '../core/settings';
import { t } from '../ui/i18n';
import { LockedNote, isLocked, lockedNoteId } from './Locked';

interface Props {
  id: string;
  settings: EffectiveSettings;
  setting: SettingKey;
  value: number;
  min: number;
  max: number;
  label: string;
  hint: string;
  onSave: (value: number) => void;
}

export function NumberField({ id, settings, setting, value, min, max, label, hint, onSave }: Props) {
  const [text, setText] = useState(String(value));
  const [error, setError] = useState('');
  // A change from elsewhere (policy, another tab) replaces what is shown.
  useEffect(() => {
    setText(String(value));
    setError('');
  }, [value]);
  const locked = isLocked(settings, setting);
  const describedBy = [`${id}-hint`, error ? `${id}-error` : '', locked ? lockedNoteId(setting) : ''].filter(Boolean).join(' ');

  function commit(raw: string): void {
    const n = Number(raw);
    if (raw.trim() === '' || !Number.isInteger(n) || n < min || n > max) {
      setError(t('optionsNumberOutOfRange', [String(min), String(max)]));
      return;
    }
    setError('');
    if (n !== value) onSave(n);
  }

  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        value={text}
        disabled={locked}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy}
        onInput={(e) => setText(e.currentTarget.value)}
        onChange={(e) => commit(e.currentTarget.value)}
      />
      <p class="hint" id={`${id}-hint`}>
        {hint}
      </p>
      {error ? (
        <p class="error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
      <LockedNote settings={settings} setting={setting} />
    </div>
  );
}
