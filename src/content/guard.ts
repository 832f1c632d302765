// The decision path every interception shares: check synchronously whether to hold the
// user's action, then (held) classify fully, warn, and deliver exactly what the user chose.
// Interceptors (./interceptors/*) only know how to hold, restore and re-deliver their channel.
import browser from 'webextension-polyfill';
import { classify, classifyIncrementally, prescreen } from '../core/classifier';
import { redact } from '../core/redact';
import type { Classification, ClassifyInput, ClassifyOptions } from '../core/types';
import type { Channel, Decision, WarningSummary } from '../core/warnings';
import { WARNING_PORT } from '../messages';
import { sendMessage } from '../messaging';
import { currentSettings, isActiveHere } from './settings';
import { showWarningDialog } from './warning/mount';
import { currentRosterMatcher } from './roster-state';
import { t } from '../ui/i18n';

/** Above this size a check does not run inside the event handler; the action is held and
 *  the text is classified in slices so the page never freezes. */
export const SYNC_CLASSIFY_LIMIT = 256 * 1024;

export interface HeldAction {
  channel: Channel;
  /** Put the original through, exactly as the page would have received it. */
  deliver(): void | Promise<void>;
  /** Put a redacted version through; absent where redaction makes no sense (files). */
  deliverRedacted?(classification: Classification): void | Promise<void>;
  /** Leave everything as it was before the action (text, file selection, form). */
  restore(): void;
}

export type QuickCheck =
  | { hold: false }
  | { hold: true; classification?: Classification };

export function classifyOptions(): ClassifyOptions {
  const s = currentSettings();
  return { listThreshold: s.listThreshold, ownIdentities: s.ownIdentities, roster: currentRosterMatcher() };
}

/** The text with every identifier replaced by a typed placeholder. Classified on its own so
 *  the finding offsets line up with exactly this string. */
export function redactText(text: string): string {
  return redact(text, classify(text, classifyOptions()));
}

function needsWarning(c: Classification): boolean {
  return c.verdict === 'warning';
}

export function toSummary(c: Classification): WarningSummary {
  return {
    verdict: c.verdict,
    reasons: c.reasons,
    counts: c.counts,
    people: c.people,
    examples: c.examples,
    ...(c.rosterMatches?.length ? { rosterMatches: c.rosterMatches } : {}),
  };
}

/**
 * Decides inside the event handler whether the action must be held. Small inputs are fully
 * classified here (the classifier handles a 10,000-row list in well under 50 ms); large ones
 * are held when the linear pre-screen sees anything that could need a warning. In audit mode
 * nothing is held: what would have been warned about is reported and the action goes on.
 */
export function checkNow(input: ClassifyInput, channel: Channel): QuickCheck {
  if (!isActiveHere()) return { hold: false };
  const size = input.text.length + (input.html?.length ?? 0);
  if (size === 0) return { hold: false };
  const rosterActive = (currentRosterMatcher()?.size ?? 0) > 0;
  if (size > SYNC_CLASSIFY_LIMIT) {
    const suspicious = rosterActive || prescreen(input.text) || (input.html !== undefined && prescreen(input.html));
    if (!suspicious || currentSettings().mode === 'audit') {
      if (suspicious) void auditLater(input, channel);
      return { hold: false };
    }
    return { hold: true };
  }
  if (!rosterActive && !prescreen(input.text) && !(input.html && prescreen(input.html))) return { hold: false };
  const classification = classify(input, classifyOptions());
  if (!needsWarning(classification)) return { hold: false };
  if (currentSettings().mode === 'audit') {
    report('audit/observed', { channel, summary: toSummary(classification) });
    return { hold: false };
  }
  return { hold: true, classification };
}

async function auditLater(input: ClassifyInput, channel: Channel): Promise<void> {
  const c = await classifyIncrementally(input, classifyOptions(), yieldToPage);
  if (needsWarning(c)) report('audit/observed', { channel, summary: toSummary(c) });
}

function report(type: 'audit/observed', payload: { channel: Channel; summary: WarningSummary }): void {
  sendMessage(type, payload).catch(() => undefined);
}

/** Gives the page's main thread back between slices of a long check. */
export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

// One dialog at a time per frame; later actions wait their turn.
let queue: Promise<unknown> = Promise.resolve();

/**
 * Finishes a held action: classify if not done yet, warn, deliver what the user chose.
 * Never loses the action silently: an internal failure still asks the user what to do.
 */
/** What a deferred input reader returns: the input, null (nothing readable: deliver as is),
 *  or 'abandoned' (the reader already put things back and told the user why). */
export type DeferredInput = () => Promise<ClassifyInput | null | 'abandoned'>;

export function review(action: HeldAction, input: ClassifyInput | DeferredInput, known?: Classification): Promise<void> {
  const run = async () => {
    let classification = known;
    try {
      if (!classification) {
        const resolved = typeof input === 'function' ? await input() : input;
        if (resolved === 'abandoned') return;
        if (!resolved) return await action.deliver(); // nothing the classifier can read
        classification = await classifyIncrementally(resolved, classifyOptions(), yieldToPage);
      }
      if (!needsWarning(classification)) return await action.deliver();
      if (currentSettings().mode === 'audit') {
        report('audit/observed', { channel: action.channel, summary: toSummary(classification) });
        return await action.deliver();
      }
      await warnAndDeliver(action, classification);
    } catch (error) {
      await recoverFromError(action, error);
    }
  };
  const next = queue.then(run, run);
  queue = next.catch(() => undefined);
  return next;
}

async function warnAndDeliver(action: HeldAction, classification: Classification): Promise<void> {
  const settings = currentSettings();
  const summary = toSummary(classification);
  const blocked = settings.mode === 'block';
  const opened = sendMessage('warning/opened', { channel: action.channel, summary }).catch(() => null);
  // The port tells the background if this frame goes away while the dialog shows: the
  // warning then waits in the popup instead of vanishing.
  let port: browser.Runtime.Port | null = null;
  void opened.then((r) => {
    if (!r) return;
    try {
      port = browser.runtime.connect({ name: WARNING_PORT });
      port.postMessage({ id: r.id });
    } catch {
      port = null;
    }
  });

  const choice = await showWarningDialog({
    channel: action.channel,
    site: location.hostname || self.origin,
    summary,
    blocked,
    allowShare: settings.allowShareAnyway && !blocked,
    requireReason: settings.requireReason,
    canRedact: action.deliverRedacted !== undefined,
    supportContact: settings.supportContact,
    customMessage: settings.customMessage,
  });

  const decision: Decision | 'later' = choice.decision;
  switch (decision) {
    case 'shared':
    case 'not_client_data':
      await action.deliver();
      break;
    case 'redacted':
      if (action.deliverRedacted) await action.deliverRedacted(classification);
      else action.restore();
      break;
    default:
      action.restore();
  }

  const record = await opened;
  if (record) {
    if (decision === 'later') {
      await sendMessage('warning/deferred', { id: record.id, because: blocked ? 'blocked' : 'deferred' }).catch(() => undefined);
    } else {
      await sendMessage('warning/decided', {
        id: record.id,
        decision,
        ...(choice.reasonCategory ? { reasonCategory: choice.reasonCategory } : {}),
      }).catch(() => undefined);
    }
  }
  (port as browser.Runtime.Port | null)?.disconnect();
}

async function recoverFromError(action: HeldAction, error: unknown): Promise<void> {
  // Only the error's kind is logged: a message could quote the user's data.
  console.warn('ClientGuard: check failed', error instanceof Error ? error.name : typeof error);
  let proceed = false;
  try {
    proceed = window.confirm(t('dialogInternalError'));
  } catch {
    proceed = true; // no way to ask (sandboxed frame): do not swallow the user's action
  }
  if (proceed) await action.deliver();
  else action.restore();
}
