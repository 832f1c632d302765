/** @jsxImportSource preact */
// The clinician's and practice's own details: never flagged as client data. One entry per line.
import { useEffect, useState } from 'preact/hooks';
import type { EffectiveSettings, Settings } from '../core/settings';
import type { OwnIdentities } from '../core/types';
import { sanitizeUserSettings } from '../core/policy/user-settings';
import { t } from '../ui/i18n';
import { LockedNote, isLocked, lockedNoteId } from './Locked';
import { problemText } from './problems';

const FIELDS: { key: keyof OwnIdentities; label: string; hint: string; autocomplete: string }[] = [
  { key: 'emails', label: 'optionsOwnEmails', hint: 'optionsOwnEmailsHint', autocomplete: 'off' },
  { key: 'emailDomains', label: 'optionsOwnEmailDomains', hint: 'optionsOwnEmailDomainsHint', autocomplete: 'off' },
  { key: 'phones', label: 'optionsOwnPhones', hint: 'optionsOwnPhonesHint', autocomplete: 'off' },
  { key: 'names', label: 'optionsOwnNames', hint: 'optionsOwnNamesHint', autocomplete: 'off' },
];

const toText = (ids: OwnIdentities) => Object.fromEntries(FIELDS.map(({ key }) => [key, ids[key].join('\n')])) as Record<keyof OwnIdentities, string>;
const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

interface Props {
  settings: EffectiveSettings;
  save: (changes: Partial<Settings>) => void;
}

export function IdentitiesSection({ settings, save }: Props) {
  const [texts, setTexts] = useState(() => toText(settings.ownIdentities));
  const [errors, setErrors] = useState<Partial<Record<keyof OwnIdentities, string[]>>>({});
  const stored = JSON.stringify(settings.ownIdentities);
  useEffect(() => {
    setTexts(toText(settings.ownIdentities));
    setErrors({});
  }, [stored]);
  const locked = isLocked(settings, 'ownIdentities');

  function commit(next: Record<keyof OwnIdentities, string>): void {
    const raw = Object.fromEntries(FIELDS.map(({ key }) => [key, lines(next[key])]));
    const { settings: checked, problems } = sanitizeUserSettings({ ownIdentities: raw });
    const byField: Partial<Record<keyof OwnIdentities, string[]>> = {};
    for (const problem of problems) {
      const field = problem.key.split('.')[1] as keyof OwnIdentities;
      (byField[field] ??= []).push(problemText(problem));
    }
    setErrors(byField);
    // Valid entries are kept even when a neighbour is wrong; the wrong ones stay in the box.
    if (checked.ownIdentities && JSON.stringify(checked.ownIdentities) !== stored) save({ ownIdentities: checked.ownIdentities });
  }

  return (
    <section aria-labelledby="identities-heading" class="card">
      <h2 id="identities-heading">{t('optionsIdentitiesHeading')}</h2>
      <p class="intro">{t('optionsIdentitiesIntro')}</p>
      <LockedNote settings={settings} setting="ownIdentities" />
      <div class="grid-2">
        {FIELDS.map(({ key, label, hint, autocomplete }) => {
          const id = `own-${key}`;
          const fieldErrors = errors[key] ?? [];
          const describedBy = [`${id}-hint`, fieldErrors.length ? `${id}-error` : '', locked ? lockedNoteId('ownIdentities') : ''].filter(Boolean).join(' ');
          return (
            <div class="field" key={key}>
              <label for={id}>{t(label)}</label>
              <textarea
                id={id}
                rows={3}
                spellcheck={false}
                autocomplete={autocomplete}
                value={texts[key]}
                disabled={locked}
                aria-invalid={fieldErrors.length ? 'true' : undefined}
                aria-describedby={describedBy}
                onInput={(e) => setTexts({ ...texts, [key]: e.currentTarget.value })}
                onChange={(e) => commit({ ...texts, [key]: e.currentTarget.value })}
              />
              <p class="hint" id={`${id}-hint`}>
                {t(hint)}
              </p>
              {fieldErrors.length ? (
                <ul class="error" id={`${id}-error`} role="alert">
                  {fieldErrors.map((message) => (
                    <li key={message}>{message}</li>
                  ))}
                </ul>
              ) : null}
            </div>
          );
        })}
      </div>
    </section>
  );
}
