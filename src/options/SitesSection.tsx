/** @jsxImportSource preact */
// Covered sites: categories and single sites from the catalogue (src/core/sites.ts).
import type { EffectiveSettings, Settings } from '../core/settings';
import { SITE_CATEGORIES, type SiteCategoryId } from '../core/sites';
import { t } from '../ui/i18n';
import { LockedNote, isLocked, lockedNoteId } from './Locked';

interface Props {
  settings: EffectiveSettings;
  save: (changes: Partial<Settings>) => void;
}

/** "*.facebook.com" reads as "facebook.com (and subdomains)". */
function siteLabel(host: string): string {
  return host.startsWith('*.') ? t('optionsSiteWithSubdomains', host.slice(2)) : host;
}

export function SitesSection({ settings, save }: Props) {
  const categoriesLocked = isLocked(settings, 'disabledCategories');
  const sitesLocked = isLocked(settings, 'disabledSites');

  function toggleCategory(id: SiteCategoryId, on: boolean): void {
    const rest = settings.disabledCategories.filter((c) => c !== id);
    save({ disabledCategories: on ? rest : [...rest, id] });
  }

  function toggleSite(host: string, on: boolean): void {
    const rest = settings.disabledSites.filter((s) => s !== host);
    save({ disabledSites: on ? rest : [...rest, host] });
  }

  return (
    <section aria-labelledby="sites-heading" class="card">
      <h2 id="sites-heading">{t('optionsSitesHeading')}</h2>
      <p class="intro">{t('optionsSitesIntro')}</p>
      <LockedNote settings={settings} setting="disabledCategories" />
      <LockedNote settings={settings} setting="disabledSites" />
      <ul class="categories">
        {SITE_CATEGORIES.map((category) => {
          const on = !settings.disabledCategories.includes(category.id);
          const id = `category-${category.id}`;
          return (
            <li key={category.id}>
              <div class="choice">
                <input
                  type="checkbox"
                  id={id}
                  data-category={category.id}
                  checked={on}
                  disabled={categoriesLocked}
                  aria-describedby={categoriesLocked ? lockedNoteId('disabledCategories') : undefined}
                  onChange={(e) => toggleCategory(category.id, e.currentTarget.checked)}
                />
                <label for={id}>{t(category.label)}</label>
              </div>
              <details>
                <summary>{t('optionsSitesInCategory', String(category.hosts.length))}</summary>
                <fieldset class="sites" disabled={!on}>
                  <legend class="visually-hidden">{t(category.label)}</legend>
                  {category.hosts.map((host) => {
                    const siteId = `site-${host.replace(/[^a-z0-9]/gi, '-')}`;
                    return (
                      <div class="choice" key={host}>
                        <input
                          type="checkbox"
                          id={siteId}
                          data-site={host}
                          checked={!settings.disabledSites.includes(host)}
                          disabled={sitesLocked}
                          aria-describedby={sitesLocked ? lockedNoteId('disabledSites') : undefined}
                          onChange={(e) => toggleSite(host, e.currentTarget.checked)}
                        />
                        <label for={siteId}>{siteLabel(host)}</label>
                      </div>
                    );
                  })}
                </fieldset>
              </details>
            </li>
          );
        })}
      </ul>
      {settings.disabledSites.some((s) => !SITE_CATEGORIES.some((c) => c.hosts.includes(s))) ? (
        <p class="hint">{t('optionsOtherDisabledSites', settings.disabledSites.filter((s) => !SITE_CATEGORIES.some((c) => c.hosts.includes(s))).join(', '))}</p>
      ) : null}
    </section>
  );
}
