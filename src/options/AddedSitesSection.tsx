/** @jsxImportSource preact */
// Sites the practice or the user adds to coverage. Covering a site needs host access for it,
// which the browser grants only from a click: the request is made at once in the click (or
// submit) handler, before anything awaits, or the browser refuses it.
import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { EffectiveSettings, Settings } from '../core/settings';
import { normaliseOrigin } from '../core/policy/fields';
import { addedSitePattern } from '../core/policy/added-sites';
import { categoryOfHost } from '../core/sites';
import { t } from '../ui/i18n';
import { LockedNote, isLocked, lockedNoteId } from './Locked';
import { useGrantedOrigins } from './data';

interface Props {
  settings: EffectiveSettings;
  save: (changes: Partial<Settings>) => void;
  announce: (message: string) => void;
}

function requestAccess(origin: string): Promise<boolean> {
  return browser.permissions.request({ origins: [addedSitePattern(origin)] }).catch(() => false);
}

export function AddedSitesSection({ settings, save, announce }: Props) {
  const [input, setInput] = useState('');
  const [error, setError] = useState('');
  const granted = useGrantedOrigins(settings.addedSites);
  const locked = isLocked(settings, 'addedSites');

  function add(event: Event): void {
    event.preventDefault();
    const origin = normaliseOrigin(input);
    if (!origin) {
      setError(t('optionsAddSiteInvalid'));
      return;
    }
    if (settings.addedSites.includes(origin)) {
      setError(t('optionsAddSiteDuplicate'));
      return;
    }
    setError('');
    // Synchronously in the submit handler: the user's gesture is what allows the request.
    void requestAccess(origin).then((ok) => {
      if (!ok) {
        setError(t('optionsAddSiteDenied'));
        return;
      }
      save({ addedSites: [...settings.addedSites, origin] });
      setInput('');
      announce(t('optionsAddSiteAdded', origin));
    });
  }

  function remove(origin: string): void {
    save({ addedSites: settings.addedSites.filter((o) => o !== origin) });
    announce(t('optionsAddSiteRemoved', origin));
    // Catalogue sites' access comes with the extension and cannot be given back.
    if (!categoryOfHost(new URL(origin).hostname.replace(/^\*\./, ''))) {
      void browser.permissions.remove({ origins: [addedSitePattern(origin)] }).catch(() => false);
    }
  }

  return (
    <section aria-labelledby="added-heading" class="card">
      <h2 id="added-heading">{t('optionsAddedHeading')}</h2>
      <p class="intro">{t('optionsAddedIntro')}</p>
      <LockedNote settings={settings} setting="addedSites" />
      {settings.addedSites.length === 0 ? (
        <p class="empty">{t('optionsAddedEmpty')}</p>
      ) : (
        <ul class="added-sites">
          {settings.addedSites.map((origin) => (
            <li key={origin} data-origin={origin}>
              <span class="origin">{origin}</span>
              {granted[origin] ? (
                <span class="status ok" data-status="granted">
                  {t('optionsAddedProtected')}
                </span>
              ) : (
                <>
                  <span class="status needs" data-status="needs-access">
                    {t('optionsAddedNeedsAccess')}
                  </span>
                  <button type="button" onClick={() => void requestAccess(origin)} aria-label={t('optionsAddedAllowFor', origin)}>
                    {t('optionsAddedAllow')}
                  </button>
                </>
              )}
              {locked ? null : (
                <button type="button" class="secondary" onClick={() => remove(origin)} aria-label={t('optionsAddedRemoveFor', origin)}>
                  {t('optionsAddedRemove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {locked ? null : (
        <form class="add-site" onSubmit={add} noValidate>
          <label for="add-site-input">{t('optionsAddSiteLabel')}</label>
          <div class="row">
            <input
              id="add-site-input"
              type="text"
              inputMode="url"
              autocomplete="off"
              spellcheck={false}
              placeholder={t('optionsAddSitePlaceholder')}
              value={input}
              aria-invalid={error ? 'true' : undefined}
              aria-describedby={['add-site-hint', error ? 'add-site-error' : '', locked ? lockedNoteId('addedSites') : ''].filter(Boolean).join(' ')}
              onInput={(e) => setInput(e.currentTarget.value)}
            />
            <button type="submit">{t('optionsAddSiteButton')}</button>
          </div>
          <p class="hint" id="add-site-hint">
            {t('optionsAddSiteHint')}
          </p>
          {error ? (
            <p class="error" id="add-site-error" role="alert">
              {error}
            </p>
          ) : null}
        </form>
      )}
    </section>
  );
}
