/** @jsxImportSource preact */
// For the practice's IT: what policy the browser handed over, what was wrong with it, what is
// locked, and how audit reporting is doing. Secrets are masked; nothing here is client data.
import browser from 'webextension-polyfill';
import type { EffectiveSettings, PolicyProblem } from '../core/settings';
import { describeReceivedPolicy } from '../core/policy/policy';
import type { AuditQueueState } from '../core/policy/audit-queue';
import { t, uiLanguage } from '../ui/i18n';
import type { ManagedPolicyView } from './data';
import { problemText } from './problems';

interface Props {
  settings: EffectiveSettings;
  policy: ManagedPolicyView | undefined;
  queue: AuditQueueState | undefined;
}

const CHANNEL_MESSAGES: Record<string, string> = { paste: 'channelPaste', drop: 'channelDrop', upload: 'channelUpload', form: 'channelForm', post: 'channelPost' };

const dateFormat = new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium', timeStyle: 'medium' });
const formatTime = (ms: number | null) => (ms === null ? t('adminNever') : dateFormat.format(ms));

/** "disabledSites[2]" and "ownIdentities.emails" belong to "disabledSites" and "ownIdentities". */
const problemBelongsTo = (problem: PolicyProblem, key: string) => problem.key.replace(/[[.].*$/, '') === key;

export function DiagnosticsSection({ settings, policy, queue }: Props) {
  const received = describeReceivedPolicy(policy?.raw);
  const unmatched = settings.policyErrors.filter((p) => !received.some((r) => problemBelongsTo(p, r.key)));
  const reporting = settings.reporting;
  const reportingOn = reporting.level !== 'off' && reporting.endpoint !== '';

  return (
    <section aria-labelledby="admin-heading" class="card admin" data-section="diagnostics">
      <h2 id="admin-heading">{t('adminHeading')}</h2>
      <p class="intro">{t('adminIntro')}</p>
      <dl class="facts">
        <dt>{t('adminExtensionId')}</dt>
        <dd>
          <code>{browser.runtime.id}</code>
        </dd>
        <dt>{t('adminVersion')}</dt>
        <dd>{browser.runtime.getManifest().version}</dd>
      </dl>

      <h3>{t('adminPolicyHeading')}</h3>
      {policy === undefined ? null : !policy.available ? (
        <p data-policy-status="unavailable">{t('adminPolicyUnavailable')}</p>
      ) : received.length === 0 ? (
        <p data-policy-status="none">{t('adminPolicyNone')}</p>
      ) : (
        <>
          <p data-policy-status="received">{t('adminPolicyReceived', String(received.length))}</p>
          <div class="table-wrap">
            <table class="policy-table">
              <caption class="visually-hidden">{t('adminPolicyTableCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('adminPolicyKey')}</th>
                  <th scope="col">{t('adminPolicyValue')}</th>
                  <th scope="col">{t('adminPolicyStatus')}</th>
                </tr>
              </thead>
              <tbody>
                {received.map((entry) => {
                  const problems = settings.policyErrors.filter((p) => problemBelongsTo(p, entry.key));
                  return (
                    <tr key={entry.key} data-policy-key={entry.key} data-policy-ok={problems.length === 0 ? 'true' : 'false'}>
                      <th scope="row">
                        <code>{entry.key}</code>
                      </th>
                      <td>
                        <code class="value">{entry.shown}</code>
                      </td>
                      <td>
                        {problems.length === 0 ? (
                          <span class="status ok">{t('adminPolicyApplied')}</span>
                        ) : (
                          <ul class="problems">
                            {problems.map((p, i) => (
                              <li key={i} data-problem={p.key}>
                                {problemText(p)}
                              </li>
                            ))}
                          </ul>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
      {unmatched.length > 0 ? (
        <ul class="problems">
          {unmatched.map((p, i) => (
            <li key={i} data-problem={p.key}>
              <code>{p.key}</code>: {problemText(p)}
            </li>
          ))}
        </ul>
      ) : null}
      <p class="hint">{t('adminSchemaNote')}</p>

      <h3>{t('adminLockedHeading')}</h3>
      {settings.locked.length === 0 ? (
        <p>{t('adminLockedNone')}</p>
      ) : (
        <p data-locked-keys={settings.locked.join(' ')}>{settings.locked.map((k) => k).join(', ')}</p>
      )}

      <h3>{t('adminReportingHeading')}</h3>
      {!reportingOn ? (
        <p data-reporting="off">{t('adminReportingOff')}</p>
      ) : (
        <dl class="facts" data-reporting="on">
          <dt>{t('adminReportingEndpoint')}</dt>
          <dd>
            <code>{reporting.endpoint}</code>
          </dd>
          <dt>{t('adminReportingLevel')}</dt>
          <dd>{reporting.level}</dd>
          <dt>{t('adminReportingDevice')}</dt>
          <dd>{reporting.deviceLabel || t('adminReportingNoDevice')}</dd>
        </dl>
      )}
      {queue ? (
        <dl class="facts" data-queue>
          <dt>{t('adminQueueWaiting')}</dt>
          <dd data-queue-waiting={queue.events.length}>{queue.events.length}</dd>
          <dt>{t('adminQueueDropped')}</dt>
          <dd>{queue.dropped}</dd>
          <dt>{t('adminQueueDelivered')}</dt>
          <dd>{queue.delivered}</dd>
          <dt>{t('adminQueueLastAttempt')}</dt>
          <dd>
            {formatTime(queue.lastAttemptAt)}
            {queue.lastResult ? ` (${queue.lastResult})` : ''}
          </dd>
          <dt>{t('adminQueueNextAttempt')}</dt>
          <dd>{queue.events.length > 0 || queue.dropped > 0 ? formatTime(queue.nextAttemptAt) : t('adminQueueNothingToSend')}</dd>
        </dl>
      ) : null}

      {queue && queue.recentObserved.length > 0 ? (
        <>
          <h3>{t('adminObservedHeading')}</h3>
          <div class="table-wrap">
            <table>
              <caption class="visually-hidden">{t('adminObservedHeading')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('adminObservedTime')}</th>
                  <th scope="col">{t('adminObservedSite')}</th>
                  <th scope="col">{t('adminObservedChannel')}</th>
                  <th scope="col">{t('adminObservedPeople')}</th>
                </tr>
              </thead>
              <tbody>
                {queue.recentObserved.map((e) => (
                  <tr key={e.id}>
                    <td>{dateFormat.format(Date.parse(e.time))}</td>
                    <td>{e.site}</td>
                    <td>{CHANNEL_MESSAGES[e.channel] ? t(CHANNEL_MESSAGES[e.channel] as string) : e.channel}</td>
                    <td>{e.people}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}
