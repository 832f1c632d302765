// Resolving a pending warning from the popup: one of four outcomes, a note (required for
// "other"). The note stays on this device.
import { useState } from 'preact/hooks';
import { MAX_NOTE_LENGTH, OUTCOME_LABEL, POPUP_OUTCOMES, resolutionFor, type PopupOutcome } from '../core/decision-record';
import { sendMessage } from '../messaging';
import { t } from './i18n';

interface Props {
  warningId: string;
  /** Id prefix for the form's controls. */
  idBase: string;
  onDone: () => void;
  onCancel: () => void;
}

export function ResolveForm({ warningId, idBase, onDone, onCancel }: Props) {
  const [outcome, setOutcome] = useState<PopupOutcome | ''>('');
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const noteId = `${idBase}-note`;
  const errorId = `${idBase}-error`;

  async function submit(event: Event): Promise<void> {
    event.preventDefault();
    if (!outcome) return setError(t('popupErrorChooseOutcome'));
    const resolution = resolutionFor(outcome, note);
    if (!resolution) return setError(t('popupErrorNoteRequired'));
    setBusy(true);
    const { ok } = await sendMessage('warnings/resolve', { id: warningId, ...resolution }).catch(() => ({ ok: false }));
    setBusy(false);
    if (ok) onDone();
    else setError(t('popupErrorResolveFailed'));
  }

  return (
    <form class="resolve" id={`${idBase}-form`} onSubmit={(e) => void submit(e)} noValidate>
      <fieldset aria-describedby={error ? errorId : undefined}>
        <legend>{t('popupResolveLegend')}</legend>
        {POPUP_OUTCOMES.map((o) => (
          <label class="choice" key={o}>
            <input
              type="radio"
              name={`${idBase}-outcome`}
              value={o}
              checked={outcome === o}
              onChange={() => {
                setOutcome(o);
                setError('');
              }}
            />
            <span>{t(OUTCOME_LABEL[o])}</span>
          </label>
        ))}
      </fieldset>
      <label for={noteId}>{t(outcome === 'other' ? 'popupNoteRequiredLabel' : 'popupNoteLabel')}</label>
      <textarea
        id={noteId}
        rows={2}
        maxLength={MAX_NOTE_LENGTH}
        required={outcome === 'other'}
        aria-describedby={`${idBase}-note-hint`}
        value={note}
        onInput={(e) => setNote(e.currentTarget.value)}
      />
      <p class="hint" id={`${idBase}-note-hint`}>
        {t('popupNoteHint')}
      </p>
      {error && (
        <p class="error" role="alert" id={errorId}>
          {error}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {t('popupSaveDecision')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('popupCancel')}
        </button>
      </div>
    </form>
  );
}
