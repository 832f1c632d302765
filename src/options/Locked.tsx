/** @jsxImportSource preact */
// A setting the practice's policy holds: the control is disabled and this note, linked with
// aria-describedby, says why and repeats the administrator's note.
import type { EffectiveSettings, SettingKey } from '../core/settings';
import { t } from '../ui/i18n';

export function isLocked(settings: EffectiveSettings, key: SettingKey): boolean {
  return settings.locked.includes(key);
}

export function lockedNoteId(key: SettingKey): string {
  return `locked-${key}`;
}

/** Drawn, not an emoji: machines without an emoji font would show an empty box. */
export function LockIcon() {
  return (
    <svg class="lock-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <path fill="currentColor" d="M4 7V5a4 4 0 1 1 8 0v2h1v8H3V7h1zm2 0h4V5a2 2 0 1 0-4 0v2z" />
    </svg>
  );
}

export function LockedNote({ settings, setting }: { settings: EffectiveSettings; setting: SettingKey }) {
  if (!isLocked(settings, setting)) return null;
  return (
    <p class="locked-note" id={lockedNoteId(setting)} data-locked={setting}>
      <LockIcon /> {t('optionsLockedByPolicy')}
      {settings.adminNote ? <span class="admin-note"> {settings.adminNote}</span> : null}
    </p>
  );
}

/** Props for a control of `key`: disabled and described by the note when locked. */
export function lockedProps(settings: EffectiveSettings, key: SettingKey): { disabled: boolean; 'aria-describedby'?: string } {
  return isLocked(settings, key) ? { disabled: true, 'aria-describedby': lockedNoteId(key) } : { disabled: false };
}
