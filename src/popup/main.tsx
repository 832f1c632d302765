import { render } from 'preact';
import './styles.css';
import { App } from './App';
import { loadWarnings } from './store';
import { localiseDocument, t } from './i18n';

performance.mark('clientguard:popup-script');
localiseDocument('popupTitle');
const root = document.getElementById('app') as HTMLElement;

loadWarnings().then(
  (initial) => {
    performance.mark('clientguard:popup-data');
    render(<App initial={initial} />, root);
    // render() is synchronous: the list is in the DOM now. bench/popup.bench.ts measures
    // navigation start -> this mark.
    performance.mark('clientguard:popup-rendered');
  },
  (error: unknown) => {
    console.error('ClientGuard: could not read warnings:', error instanceof Error ? error.message : error);
    render(<p role="alert" class="error">{t('popupLoadError')}</p>, root);
  },
);
