// The facts of one warning as a description list: shared by the popup's rows, its history and
// the walkthrough's first step. Masked examples only appear where `examples` is passed.
import type { ComponentChildren } from 'preact';
import type { MaskedExample } from '../core/types';
import type { WarningRecord } from '../core/warnings';
import { CHANNEL_LABEL, describeCounts, KIND_LABEL, PENDING_LABEL, REASON_LABEL } from '../core/decision-record';
import { t } from './i18n';

interface Props {
  warning: WarningRecord;
  examples?: MaskedExample[];
  children?: ComponentChildren;
}

export function WarningFacts({ warning, examples, children }: Props) {
  const { summary } = warning;
  return (
    <dl class="facts">
      <dt>{t('popupChannelLabel')}</dt>
      <dd>{t(CHANNEL_LABEL[warning.channel])}</dd>
      <dt>{t('popupFoundLabel')}</dt>
      <dd>
        {describeCounts(summary.counts, t) || t('popupNothingCounted')}
      </dd>
      {summary.people > 0 && (
        <>
          <dt>{t('popupPeopleLabel')}</dt>
          <dd>{summary.people}</dd>
        </>
      )}
      {summary.reasons.length > 0 && (
        <>
          <dt>{t('popupWhyLabel')}</dt>
          <dd>{summary.reasons.map((r) => t(REASON_LABEL[r])).join(t('popupListSeparator'))}</dd>
        </>
      )}
      {examples && examples.length > 0 && (
        <>
          <dt>{t('popupExamplesLabel')}</dt>
          <dd>
            <ul class="examples">
              {examples.map((e, i) => (
                <li key={i}>
                  <code>{e.masked}</code> <span class="muted">({t(KIND_LABEL[e.type])})</span>
                </li>
              ))}
            </ul>
          </dd>
        </>
      )}
      {warning.pendingBecause && (
        <>
          <dt>{t('popupWhatHappenedLabel')}</dt>
          <dd>{t(PENDING_LABEL[warning.pendingBecause])}</dd>
        </>
      )}
      {children}
    </dl>
  );
}
