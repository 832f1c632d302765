// Forester-Miller and Davis's seven steps (A Practitioner's Guide to Ethical Decision Making,
// ACA 1996, rev. 2016) applied to one pending warning. Each step: a short explanation and
// fields for the clinician's own reasoning. Finishing saves a decision record (metadata and
// their notes, no masked examples) and resolves the warning with its id.
import { useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import type { WarningRecord } from '../core/warnings';
import {
  ALTERNATIVE_IDS,
  alternativeLabel,
  buildDecisionRecord,
  CODE_IDS,
  emptyAnswers,
  MAX_NOTE_LENGTH,
  OUTCOME_LABEL,
  POPUP_OUTCOMES,
  PRINCIPLE_IDS,
  problemStatement,
  stem,
  TEST_IDS,
  warningFacts,
  type AlternativeId,
  type DecisionRecord,
  type TestAnswer,
  type WalkthroughAnswers,
} from '../core/decision-record';
import { sendMessage } from '../messaging';
import { formatDate, t } from './i18n';
import { saveDecisionRecord } from './store';
import { WarningFacts } from './WarningFacts';
import { RecordView } from './RecordView';

const TEST_ANSWERS: Exclude<TestAnswer, ''>[] = ['yes', 'no', 'unsure'];

function Step({ n, titleName, helpName, children }: { n: number; titleName: string; helpName: string; children: ComponentChildren }) {
  const id = `step-${n}`;
  return (
    <section class="step" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        <span class="step-number">{t('walkthroughStepNumber', String(n))}</span> {t(titleName)}
      </h2>
      <p class="help">{t(helpName)}</p>
      {children}
    </section>
  );
}

function TextField({ id, label, value, onInput, rows = 3, hint }: { id: string; label: string; value: string; onInput: (v: string) => void; rows?: number; hint?: string }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <textarea id={id} rows={rows} maxLength={MAX_NOTE_LENGTH} value={value} aria-describedby={hint ? `${id}-hint` : undefined} onInput={(e) => onInput(e.currentTarget.value)} />
    </div>
  );
}

/** A checklist whose items each have a label and a one-line explanation. */
function Checklist<T extends string>(props: { name: string; legend: string; ids: readonly T[]; checked: T[]; label: (id: T) => string; detail: (id: T) => string; onChange: (ids: T[]) => void }) {
  const { name, legend, ids, checked, label, detail, onChange } = props;
  return (
    <fieldset class="checklist">
      <legend>{legend}</legend>
      {ids.map((id) => {
        const inputId = `${name}-${id}`;
        return (
          <div class="check" key={id}>
            <input
              type="checkbox"
              id={inputId}
              name={name}
              value={id}
              checked={checked.includes(id)}
              aria-describedby={`${inputId}-detail`}
              onChange={(e) => onChange(e.currentTarget.checked ? [...checked, id] : checked.filter((c) => c !== id))}
            />
            <div>
              <label for={inputId}>{label(id)}</label>
              <p class="detail" id={`${inputId}-detail`}>
                {detail(id)}
              </p>
            </div>
          </div>
        );
      })}
    </fieldset>
  );
}

function RadioGroup<T extends string>(props: { name: string; legend: string; options: readonly T[]; value: T | ''; label: (v: T) => string; onChange: (v: T) => void; inline?: boolean }) {
  const { name, legend, options, value, label, onChange, inline } = props;
  return (
    <fieldset class={inline ? 'radios inline' : 'radios'}>
      <legend>{legend}</legend>
      {options.map((o) => (
        <label class="choice" key={o}>
          <input type="radio" name={name} value={o} checked={value === o} onChange={() => onChange(o)} />
          <span>{label(o)}</span>
        </label>
      ))}
    </fieldset>
  );
}

export function Walkthrough({ warning }: { warning: WarningRecord }) {
  const [answers, setAnswers] = useState<WalkthroughAnswers>(() => emptyAnswers(problemStatement(warningFacts(warning), t)));
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<{ record: DecisionRecord; resolved: boolean } | null>(null);
  const set = <K extends keyof WalkthroughAnswers>(key: K) => (value: WalkthroughAnswers[K]) => setAnswers((a) => ({ ...a, [key]: value }));

  if (saved) return <RecordView record={saved.record} status={t(saved.resolved ? 'walkthroughSavedResolved' : 'walkthroughSavedNotResolved')} />;

  async function finish(event: Event): Promise<void> {
    event.preventDefault();
    if (!answers.outcome) return showError(t('walkthroughErrorOutcome'));
    const record = buildDecisionRecord(warning, answers, { id: crypto.randomUUID(), now: Date.now() });
    if (!record) return showError(t('popupErrorNoteRequired'));
    setBusy(true);
    try {
      await saveDecisionRecord(record);
      const { ok } = await sendMessage('warnings/resolve', {
        id: warning.id,
        decision: record.decision,
        ...(record.reasonCategory ? { reasonCategory: record.reasonCategory } : {}),
        ...(record.note ? { note: record.note } : {}),
        decisionRecordId: record.id,
      }).catch(() => ({ ok: false }));
      // A reload now shows the saved record rather than an empty walkthrough.
      history.replaceState(null, '', `?record=${encodeURIComponent(record.id)}`);
      document.title = t('walkthroughRecordTitle');
      setSaved({ record, resolved: ok });
      window.scrollTo(0, 0);
    } catch (e) {
      console.error('ClientGuard: could not save the decision record:', e instanceof Error ? e.message : e);
      showError(t('walkthroughErrorSave'));
    } finally {
      setBusy(false);
    }
  }

  function showError(message: string): void {
    setError(message);
    document.getElementById('finish-error')?.focus();
  }

  const considered = ALTERNATIVE_IDS.filter((a) => answers.alternatives.includes(a) && (a !== 'own' || answers.ownAlternative.trim()));
  const altLabel = (id: AlternativeId): string => alternativeLabel(id, answers, t);

  return (
    <main class="page walkthrough">
      <header>
        <h1>{t('walkthroughTitle')}</h1>
        <p>{t('walkthroughIntro')}</p>
        <p class="citation">{t('walkthroughModelCitation')}</p>
      </header>

      <form onSubmit={(e) => void finish(e)} noValidate>
        <Step n={1} titleName="walkthroughStep1Title" helpName="walkthroughStep1Help">
          <h3 class="site">
            {warning.site || t('popupUnknownSite')} <span class="muted">· {formatDate(warning.createdAt)}</span>
          </h3>
          <WarningFacts warning={warning} />
          <TextField id="problem" label={t('walkthroughProblemLabel')} rows={4} value={answers.problem} onInput={set('problem')} hint={t('walkthroughNoIdentifiersHint')} />
        </Step>

        <Step n={2} titleName="walkthroughStep2Title" helpName="walkthroughStep2Help">
          <Checklist
            name="code"
            legend={t('walkthroughCodesLegend')}
            ids={CODE_IDS}
            checked={answers.codes}
            label={(id) => t(`walkthroughCode${stem(id)}`)}
            detail={(id) => t(`walkthroughCode${stem(id)}Detail`)}
            onChange={set('codes')}
          />
          <TextField id="codes-note" label={t('walkthroughCodesNoteLabel')} value={answers.codesNote} onInput={set('codesNote')} />
        </Step>

        <Step n={3} titleName="walkthroughStep3Title" helpName="walkthroughStep3Help">
          <Checklist
            name="principle"
            legend={t('walkthroughPrinciplesLegend')}
            ids={PRINCIPLE_IDS}
            checked={answers.principles}
            label={(id) => t(`walkthroughPrinciple${stem(id)}`)}
            detail={(id) => t(`walkthroughPrinciple${stem(id)}Detail`)}
            onChange={set('principles')}
          />
          <TextField id="dimensions" label={t('walkthroughDimensionsLabel')} value={answers.dimensionsNote} onInput={set('dimensionsNote')} />
          <TextField id="consultation" label={t('walkthroughConsultationLabel')} hint={t('walkthroughConsultationHint')} value={answers.consultation} onInput={set('consultation')} />
        </Step>

        <Step n={4} titleName="walkthroughStep4Title" helpName="walkthroughStep4Help">
          <Checklist
            name="alternative"
            legend={t('walkthroughAlternativesLegend')}
            ids={ALTERNATIVE_IDS}
            checked={answers.alternatives}
            label={(id) => t(`walkthroughAlt${stem(id)}`)}
            detail={(id) => t(`walkthroughAlt${stem(id)}Detail`)}
            onChange={set('alternatives')}
          />
          {answers.alternatives.includes('own') && (
            <div class="field">
              <label for="own-alternative">{t('walkthroughOwnAlternativeLabel')}</label>
              <input type="text" id="own-alternative" maxLength={300} value={answers.ownAlternative} onInput={(e) => set('ownAlternative')(e.currentTarget.value)} />
            </div>
          )}
        </Step>

        <Step n={5} titleName="walkthroughStep5Title" helpName="walkthroughStep5Help">
          {considered.length === 0 ? (
            <p class="hint">{t('walkthroughNoAlternativesYet')}</p>
          ) : (
            <>
              {considered.map((id) => (
                <TextField
                  key={id}
                  id={`consequences-${id}`}
                  label={t('walkthroughConsequencesLabel', altLabel(id))}
                  rows={2}
                  value={answers.consequences[id] ?? ''}
                  onInput={(v) => setAnswers((a) => ({ ...a, consequences: { ...a.consequences, [id]: v } }))}
                />
              ))}
              <RadioGroup name="chosen" legend={t('walkthroughChosenLabel')} options={considered} value={answers.chosen} label={altLabel} onChange={set('chosen')} />
            </>
          )}
        </Step>

        <Step n={6} titleName="walkthroughStep6Title" helpName="walkthroughStep6Help">
          {TEST_IDS.map((id) => (
            <RadioGroup
              key={id}
              inline
              name={`test-${id}`}
              legend={t(`walkthroughTest${stem(id)}`)}
              options={TEST_ANSWERS}
              value={answers.tests[id]}
              label={(v) => t(`walkthroughAnswer${stem(v)}`)}
              onChange={(v) => setAnswers((a) => ({ ...a, tests: { ...a.tests, [id]: v } }))}
            />
          ))}
          <TextField id="evaluation" label={t('walkthroughEvaluationLabel')} value={answers.evaluationNote} onInput={set('evaluationNote')} />
        </Step>

        <Step n={7} titleName="walkthroughStep7Title" helpName="walkthroughStep7Help">
          <TextField id="implementation" label={t('walkthroughImplementationLabel')} value={answers.implementation} onInput={set('implementation')} />
          <RadioGroup
            name="outcome"
            legend={t('walkthroughOutcomeLabel')}
            options={POPUP_OUTCOMES}
            value={answers.outcome}
            label={(o) => t(OUTCOME_LABEL[o])}
            onChange={(o) => {
              set('outcome')(o);
              setError('');
            }}
          />
          <TextField
            id="outcome-note"
            label={t(answers.outcome === 'other' ? 'popupNoteRequiredLabel' : 'popupNoteLabel')}
            rows={2}
            value={answers.outcomeNote}
            onInput={set('outcomeNote')}
            hint={t('popupNoteHint')}
          />
        </Step>

        <div class="finish">
          <p id="finish-error" class="error" role="alert" tabIndex={-1}>
            {error}
          </p>
          <button type="submit" class="primary" disabled={busy}>
            {t('walkthroughFinish')}
          </button>
        </div>
      </form>
    </main>
  );
}
