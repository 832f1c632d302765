/** @jsxImportSource preact */
import { render } from 'preact';
import browser from 'webextension-polyfill';
import './options.css';
import { t, uiLanguage } from '../ui/i18n';
import { App } from './App';
import { loadEffectiveSettings } from './data';

document.documentElement.lang = uiLanguage();
document.documentElement.dir = browser.i18n.getMessage('@@bidi_dir') || 'ltr';
document.title = t('optionsTitle');
const root = document.getElementById('app') as HTMLElement;

loadEffectiveSettings().then(
  (settings) => render(<App initial={settings} />, root),
  (error: unknown) => {
    console.error('ClientGuard: could not load settings:', error instanceof Error ? error.message : error);
    render(
      <main>
        <h1>{t('optionsHeading')}</h1>
        <p role="alert">{t('optionsLoadError')}</p>
      </main>,
      root,
    );
  },
);
