// A saved decision record, readable on screen and on paper (print stylesheet in
// walkthrough.css), with the Markdown download. It shows exactly what the record holds.
import { Fragment, type ComponentChildren } from 'preact';
import {
  ALTERNATIVE_IDS,
  alternativeLabel,
  CHANNEL_LABEL,
  CODE_IDS,
  decisionRecordToMarkdown,
  describeCounts,
  markdownFileName,
  OUTCOME_LABEL,
  PENDING_LABEL,
  PRINCIPLE_IDS,
  REASON_LABEL,
  stem,
  TEST_IDS,
  type DecisionRecord,
} from '../core/decision-record';
import { formatDate, t } from './i18n';

function download(record: DecisionRecord): void {
  const markdown = decisionRecordToMarkdown(record, { t, formatDate });
  const url = URL.createObjectURL(new Blob([markdown], { type: 'text/markdown;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = markdownFileName(record);
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in Chromium; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function Answer({ text }: { text: string }) {
  return text ? <p class="answer">{text}</p> : <p class="answer muted">{t('walkthroughNotAnswered')}</p>;
}

function Section({ n, titleName, children }: { n: number; titleName: string; children: ComponentChildren }) {
  return (
    <section class="step" aria-labelledby={`record-step-${n}`}>
      <h2 id={`record-step-${n}`}>
        <span class="step-number">{t('walkthroughStepNumber', String(n))}</span> {t(titleName)}
      </h2>
      {children}
    </section>
  );
}

/** Every option of a step, marked as ticked or not: the record shows what was not chosen too. */
function Ticks<T extends string>({ ids, ticked, label }: { ids: readonly T[]; ticked: T[]; label: (id: T) => string }) {
  return (
    <ul class="ticks">
      {ids.map((id) => {
        const on = ticked.includes(id);
        return (
          <li key={id} class={on ? 'on' : 'off'}>
            <span aria-hidden="true">{on ? '☑' : '☐'}</span> <span class="visually-hidden">{t(on ? 'walkthroughTicked' : 'walkthroughNotTicked')}: </span>
            {label(id)}
          </li>
        );
      })}
    </ul>
  );
}

export function RecordView({ record, status }: { record: DecisionRecord; status?: string }) {
  const a = record.answers;
  const w = record.warning;
  const altLabel = (id: (typeof ALTERNATIVE_IDS)[number]): string => alternativeLabel(id, a, t);
  return (
    <main class="page record">
      <header>
        <h1>{t('walkthroughRecordTitle')}</h1>
        {status && (
          <p class="status" role="status">
            {status}
          </p>
        )}
        <p class="citation">{t('walkthroughModelCitation')}</p>
        <div class="actions no-print">
          <button type="button" class="primary" onClick={() => download(record)}>
            {t('walkthroughDownloadMarkdown')}
          </button>
          <button type="button" onClick={() => window.print()}>
            {t('walkthroughPrint')}
          </button>
        </div>
      </header>

      <dl class="facts">
        <dt>{t('walkthroughRecordWritten')}</dt>
        <dd>{formatDate(record.createdAt)}</dd>
        <dt>{t('walkthroughRecordId')}</dt>
        <dd>
          <code>{record.id}</code>
        </dd>
      </dl>

      <section class="step" aria-labelledby="record-warning">
        <h2 id="record-warning">{t('walkthroughWarningHeading')}</h2>
        <dl class="facts">
          <dt>{t('popupSiteLabel')}</dt>
          <dd>{w.site || t('popupUnknownSite')}</dd>
          <dt>{t('popupChannelLabel')}</dt>
          <dd>{t(CHANNEL_LABEL[w.channel])}</dd>
          <dt>{t('popupShownLabel')}</dt>
          <dd>{formatDate(w.createdAt)}</dd>
          <dt>{t('popupFoundLabel')}</dt>
          <dd>{describeCounts(w.counts, t) || t('popupNothingCounted')}</dd>
          <dt>{t('popupPeopleLabel')}</dt>
          <dd>{w.people}</dd>
          {w.reasons.length > 0 && (
            <>
              <dt>{t('popupWhyLabel')}</dt>
              <dd>{w.reasons.map((r) => t(REASON_LABEL[r])).join(t('popupListSeparator'))}</dd>
            </>
          )}
          {w.pendingBecause && (
            <>
              <dt>{t('popupWhatHappenedLabel')}</dt>
              <dd>{t(PENDING_LABEL[w.pendingBecause])}</dd>
            </>
          )}
        </dl>
      </section>

      <Section n={1} titleName="walkthroughStep1Title">
        <Answer text={a.problem} />
      </Section>
      <Section n={2} titleName="walkthroughStep2Title">
        <Ticks ids={CODE_IDS} ticked={a.codes} label={(id) => t(`walkthroughCode${stem(id)}`)} />
        <h3>{t('walkthroughCodesNoteLabel')}</h3>
        <Answer text={a.codesNote} />
      </Section>
      <Section n={3} titleName="walkthroughStep3Title">
        <Ticks ids={PRINCIPLE_IDS} ticked={a.principles} label={(id) => t(`walkthroughPrinciple${stem(id)}`)} />
        <h3>{t('walkthroughDimensionsLabel')}</h3>
        <Answer text={a.dimensionsNote} />
        <h3>{t('walkthroughConsultationLabel')}</h3>
        <Answer text={a.consultation} />
      </Section>
      <Section n={4} titleName="walkthroughStep4Title">
        <Ticks ids={ALTERNATIVE_IDS} ticked={a.alternatives} label={altLabel} />
      </Section>
      <Section n={5} titleName="walkthroughStep5Title">
        {a.alternatives.map((id) => (
          <div key={id}>
            <h3>{altLabel(id)}</h3>
            <Answer text={a.consequences[id] ?? ''} />
          </div>
        ))}
        <h3>{t('walkthroughChosenLabel')}</h3>
        <Answer text={a.chosen ? altLabel(a.chosen) : ''} />
      </Section>
      <Section n={6} titleName="walkthroughStep6Title">
        <dl class="facts tests">
          {TEST_IDS.map((id) => (
            <Fragment key={id}>
              <dt>{t(`walkthroughTest${stem(id)}`)}</dt>
              <dd>{a.tests[id] ? t(`walkthroughAnswer${stem(a.tests[id])}`) : t('walkthroughNotAnswered')}</dd>
            </Fragment>
          ))}
        </dl>
        <h3>{t('walkthroughEvaluationLabel')}</h3>
        <Answer text={a.evaluationNote} />
      </Section>
      <Section n={7} titleName="walkthroughStep7Title">
        <h3>{t('walkthroughImplementationLabel')}</h3>
        <Answer text={a.implementation} />
        <h3>{t('walkthroughOutcomeLabel')}</h3>
        <p class="answer">{a.outcome ? t(OUTCOME_LABEL[a.outcome]) : t('walkthroughNotAnswered')}</p>
        {record.note && <p class="answer">{record.note}</p>}
      </Section>
    </main>
  );
}
