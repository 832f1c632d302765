// The walkthrough page: ?warning=ID works through a pending warning with the seven-step model;
// ?record=ID shows a saved decision record (download, print).
import { render } from 'preact';
import './styles.css';
import './walkthrough.css';
import { Walkthrough } from './WalkthroughForm';
import { RecordView } from './RecordView';
import { findPendingWarning, loadDecisionRecord } from './store';
import { localiseDocument, t } from './i18n';

const root = document.getElementById('app') as HTMLElement;
const params = new URLSearchParams(location.search);

function notFound(message: string): void {
  render(
    <main class="page">
      <h1>{t('walkthroughTitle')}</h1>
      <p role="alert">{message}</p>
    </main>,
    root,
  );
}

async function start(): Promise<void> {
  const recordId = params.get('record');
  const warningId = params.get('warning');
  if (recordId) {
    localiseDocument('walkthroughRecordTitle');
    const record = await loadDecisionRecord(recordId);
    if (record) render(<RecordView record={record} />, root);
    else notFound(t('walkthroughRecordNotFound'));
    return;
  }
  localiseDocument('walkthroughTitle');
  const warning = warningId ? await findPendingWarning(warningId) : undefined;
  if (warning) render(<Walkthrough warning={warning} />, root);
  else notFound(t('walkthroughWarningNotFound'));
}

void start();
