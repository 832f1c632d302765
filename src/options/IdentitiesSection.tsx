/** @jsxImportSource preact */
// The clinician's and practice's own details: never flagged as client data. One entry per line.
import { useEffect, useRef, useState } from 'preact/hooks';
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
/** Key order differs between storage and messages; compare the lists only. */
const canonical = (ids: OwnIdentities) => JSON.stringify(FIELDS.map(({ key }) => ids[key]));

interface Props {
  settings: EffectiveSettings;
  save: (changes: Partial<Settings>) => void;
}

export function IdentitiesSection({ settings, save }: Props) {
  const [texts, setTexts] = useState(() => toText(settings.ownIdentities));
  const [errors, setErrors] = useState<Partial<Record<keyof OwnIdentities, string[]>>>({});
  const stored = canonical(settings.ownIdentities);
  // What this section saved last: when that comes back from the background, the boxes keep
  // what was typed (including entries that were refused). A change from elsewhere (policy,
  // import, another tab) replaces the boxes, except one being edited right now.
  const lastSaved = useRef(stored);
  const editing = useRef(new Set<keyof OwnIdentities>());
  useEffect(() => {
    if (stored === lastSaved.current) return;
    lastSaved.current = stored;
    const fresh = toText(settings.ownIdentities);
    setTexts((current) => ({ ...fresh, ...Object.fromEntries([...editing.current].map((key) => [key, current[key]])) }));
    setErrors((current) => Object.fromEntries([...editing.current].map((key) => [key, current[key] ?? []])));
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
    editing.current.clear();
    // Valid entries are kept even when a neighbour is wrong; the wrong ones stay in the box.
    if (checked.ownIdentities && canonical(checked.ownIdentities) !== stored) {
      lastSaved.current = canonical(checked.ownIdentities);
      save({ ownIdentities: checked.ownIdentities });
    }
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
                onInput={(e) => {
                  editing.current.add(key);
                  setTexts({ ...texts, [key]: e.currentTarget.value });
                }}
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
