// The in-page warning. Rendered by preact inside a closed shadow root (see mount.ts), so page
// CSS cannot restyle it and page scripts cannot read it or reach its buttons. Every action
// requires a trusted event: a page's synthetic click or key press is ignored.
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { shownExamples, type Channel, type Decision, type ShareReasonCategory, type WarningSummary } from '../../core/warnings';
import type { FindingType, RiskReason } from '../../core/types';
import { t } from '../../ui/i18n';

export interface WarningChoice {
  decision: Decision | 'later';
  reasonCategory?: ShareReasonCategory;
}

export interface WarningDialogProps {
  channel: Channel;
  site: string;
  summary: WarningSummary;
  /** Block mode: no way to share. */
  blocked: boolean;
  allowShare: boolean;
  requireReason: boolean;
  /** Redaction is offered for text, not files. */
  canRedact: boolean;
  supportContact: string;
  customMessage: string;
  onChoice(choice: WarningChoice): void;
}

const KIND_MESSAGE: Record<FindingType, string> = {
  person: 'kindPerson',
  email: 'kindEmail',
  phone: 'kindPhone',
  hashed_id: 'kindHashedId',
  dob: 'kindDob',
  address: 'kindAddress',
  clinical: 'kindClinical',
};

const CHANNEL_VERB: Record<Channel, string> = {
  paste: 'dialogVerbPaste',
  drop: 'dialogVerbDrop',
  upload: 'dialogVerbUpload',
  form: 'dialogVerbForm',
  post: 'dialogVerbPost',
};

/** The most specific reason leads the headline. */
const REASON_ORDER: RiskReason[] = ['known_client', 'clinical_context', 'hashed_list', 'client_list'];
const REASON_TITLE: Record<RiskReason, string> = {
  known_client: 'dialogTitleKnownClient',
  clinical_context: 'dialogTitleClinical',
  hashed_list: 'dialogTitleHashed',
  client_list: 'dialogTitleList',
};

const REASON_CATEGORIES: Exclude<ShareReasonCategory, ''>[] = [
  'written_authorization',
  'not_identifiable',
  'own_information',
  'other',
];
const REASON_LABEL: Record<Exclude<ShareReasonCategory, ''>, string> = {
  written_authorization: 'dialogReasonAuthorization',
  not_identifiable: 'dialogReasonNotIdentifiable',
  own_information: 'dialogReasonOwn',
  other: 'dialogReasonOther',
};

/** The dialog's keyboard-reachable controls, in tab order (document order: none sets a
 *  positive tabindex). */
function focusableIn(dialog: HTMLDialogElement): HTMLElement[] {
  return Array.from(dialog.querySelectorAll<HTMLElement>('button, select, input, textarea, a[href], [tabindex]')).filter(
    (el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0,
  );
}

function trusted<E extends Event>(handler: (e: E) => void) {
  return (e: E) => {
    if (!e.isTrusted) return;
    handler(e);
  };
}

export function WarningDialog(props: WarningDialogProps): JSX.Element {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState<ShareReasonCategory>('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const { summary } = props;
  const leading = REASON_ORDER.find((r) => summary.reasons.includes(r)) ?? 'client_list';

  // A layout effect, not useEffect: Preact runs useEffect after the next paint, which on a busy
  // machine leaves a closed (invisible, not yet focused) <dialog> in the page for a frame or
  // more while the held action waits. This opens it in the same task as the render.
  useLayoutEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    dialog.showModal();
    // Escape (a trusted key press) fires "cancel": same as the Cancel button.
    const onCancel = (e: Event) => {
      e.preventDefault();
      props.onChoice({ decision: props.blocked ? 'blocked' : 'cancelled' });
    };
    dialog.addEventListener('cancel', onCancel);
    // A modal <dialog> makes the page inert, but Chromium still lets Tab leave the last
    // control (to the browser's toolbar, or to nothing in a headless or kiosk window). Keep
    // keyboard focus cycling inside the dialog, as the ARIA alertdialog pattern asks.
    const onKeyDown = (e: KeyboardEvent) => {
      if (!e.isTrusted || e.key !== 'Tab' || e.altKey || e.ctrlKey || e.metaKey) return;
      const controls = focusableIn(dialog);
      const first = controls[0];
      const last = controls[controls.length - 1];
      if (!first || !last) return;
      const active = (dialog.getRootNode() as ShadowRoot | Document).activeElement;
      const inside = active instanceof Element && controls.includes(active as HTMLElement);
      if (e.shiftKey && (active === first || !inside)) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && (active === last || !inside)) {
        e.preventDefault();
        first.focus();
      }
    };
    dialog.addEventListener('keydown', onKeyDown);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      dialog.removeEventListener('keydown', onKeyDown);
    };
  }, []);

  const choose = (decision: WarningChoice['decision']) => {
    if (decision === 'shared' && props.requireReason && !reason) {
      setReasonMissing(true);
      return;
    }
    props.onChoice({ decision, reasonCategory: decision === 'shared' ? reason : undefined });
  };

  const kinds = (Object.entries(summary.counts) as [FindingType, number][])
    .filter(([type, n]) => n > 0 && type !== 'clinical')
    // "names: 1" rather than "1 names": the kind names are plural nouns (as in the popup).
    .map(([type, n]) => t('popupKindCount', [String(n), t(KIND_MESSAGE[type])]));
  const examples = shownExamples(summary);
  const peopleLine =
    summary.people >= 2
      ? t('dialogFoundPeople', [String(summary.people), t(CHANNEL_VERB[props.channel]), props.site])
      : t('dialogFoundSome', [t(CHANNEL_VERB[props.channel]), props.site]);

  return (
    <dialog
      ref={dialogRef}
      data-clientguard-dialog=""
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="cg-title"
      aria-describedby="cg-summary"
      class="cg-dialog"
    >
      <div class="cg-scroll">
        <header class="cg-header">
          <svg class="cg-shield" viewBox="0 0 24 24" aria-hidden="true">
            <path d="M12 2 4 5v6c0 5 3.4 9.4 8 11 4.6-1.6 8-6 8-11V5l-8-3Z" />
            <path class="cg-mark" d="M12 7v6M12 16.5v.5" />
          </svg>
          <h2 id="cg-title">{t(REASON_TITLE[leading])}</h2>
        </header>

        <div id="cg-summary">
          <p class="cg-lead">{peopleLine}</p>
          {kinds.length > 0 && <p class="cg-kinds">{t('dialogFoundKinds', kinds.join(', '))}</p>}
          {summary.reasons.includes('clinical_context') && <p class="cg-kinds">{t('dialogFoundClinical')}</p>}
          {summary.reasons.includes('known_client') && <p class="cg-kinds">{t('dialogFoundRoster')}</p>}
        </div>

        {examples.length > 0 && (
          <ul class="cg-examples" aria-label={t('dialogExamplesLabel')}>
            {examples.map((ex, i) => (
              <li key={i}>{ex.masked}</li>
            ))}
          </ul>
        )}

        <section aria-labelledby="cg-why">
          <h3 id="cg-why">{t('dialogWhyTitle')}</h3>
          <ul class="cg-points">
            <li>{t('dialogWhyConfidential')}</li>
            {(leading === 'client_list' || leading === 'hashed_list' || leading === 'known_client') && <li>{t('dialogWhyHipaaMarketing')}</li>}
            {leading === 'hashed_list' || props.channel === 'upload' ? <li>{t('dialogWhyHashing')}</li> : null}
            {leading === 'clinical_context' && <li>{t('dialogWhyStory')}</li>}
            <li>{t('dialogWhyCodes')}</li>
          </ul>
        </section>

        <section aria-labelledby="cg-instead">
          <h3 id="cg-instead">{t('dialogInsteadTitle')}</h3>
          <ul class="cg-points">
            {leading === 'clinical_context' ? <li>{t('dialogInsteadDisguise')}</li> : <li>{t('dialogInsteadNoList')}</li>}
            <li>{t('dialogInsteadAuthorization')}</li>
            <li>{t('dialogInsteadConsult')}</li>
          </ul>
        </section>

        {props.customMessage && (
          <p class="cg-custom" role="note">
            {props.customMessage}
          </p>
        )}
        {props.blocked && (
          <p class="cg-blocked" role="note">
            {props.supportContact ? t('dialogBlockedContact', props.supportContact) : t('dialogBlocked')}
          </p>
        )}

        {!props.blocked && props.allowShare && (
          <div class="cg-reason">
            <label for="cg-reason">{t(props.requireReason ? 'dialogReasonRequired' : 'dialogReasonOptional')}</label>
            <select
              id="cg-reason"
              data-action="reason"
              value={reason}
              aria-invalid={reasonMissing}
              aria-describedby={reasonMissing ? 'cg-reason-error' : undefined}
              onChange={trusted((e: Event) => {
                setReason((e.currentTarget as HTMLSelectElement).value as ShareReasonCategory);
                setReasonMissing(false);
              })}
            >
              <option value="">{t('dialogReasonNone')}</option>
              {REASON_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(REASON_LABEL[c])}
                </option>
              ))}
            </select>
            {reasonMissing && (
              <p id="cg-reason-error" class="cg-error" role="alert">
                {t('dialogReasonMissing')}
              </p>
            )}
          </div>
        )}
      </div>

      <footer class="cg-actions">
        <button type="button" class="cg-primary" data-action="cancel" autofocus onClick={trusted(() => choose(props.blocked ? 'blocked' : 'cancelled'))}>
          {t(props.blocked ? 'dialogOk' : 'dialogCancel')}
        </button>
        {!props.blocked && props.canRedact && (
          <button type="button" data-action="redact" onClick={trusted(() => choose('redacted'))}>
            {t('dialogRedact')}
          </button>
        )}
        {!props.blocked && props.allowShare && (
          <button type="button" data-action="share" onClick={trusted(() => choose('shared'))}>
            {t('dialogShare')}
          </button>
        )}
        {!props.blocked && props.allowShare && (
          <button type="button" class="cg-link" data-action="not-client" onClick={trusted(() => choose('not_client_data'))}>
            {t('dialogNotClient')}
          </button>
        )}
        <button type="button" class="cg-link" data-action="later" onClick={trusted(() => choose('later'))}>
          {t('dialogLater')}
        </button>
      </footer>
    </dialog>
  );
}
