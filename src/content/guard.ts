// The decision path every interception shares: decide synchronously whether to hold the
// user's action, then (held) classify fully, warn, and deliver exactly what the user chose.
// Interceptors (./interceptors/*) only know how to hold, restore and re-deliver their channel.
import { prescreen } from '../core/classifier/prescreen';
import type { Classification, ClassifyInput, ClassifyOptions } from '../core/types';
import type { Channel, Decision, WarningSummary } from '../core/warnings';
import { WARNING_PORT, type ResponseOf } from '../messages';
import { currentRosterSize, currentSettings, isActiveHere } from './settings';
import { engineIfLoaded, ensureEngine, requireEngine, type Engine } from './engine/api';
import type { ProgressHandle } from './warning/mount';
import { send, t } from './runtime';

/** Above this size a check does not run inside the event handler; the action is held and
 *  the text is classified in slices so the page never freezes. */
export const SYNC_CLASSIFY_LIMIT = 256 * 1024;

export interface HeldAction {
  channel: Channel;
  /** Put the original through, exactly as the page would have received it. */
  deliver(): void | Promise<void>;
  /** Put a redacted version through; absent where redaction makes no sense (files). */
  deliverRedacted?(): void | Promise<void>;
  /** Leave everything as it was before the action (text, file selection, form). */
  restore(): void;
}

export type QuickCheck = { hold: false } | { hold: true; classification?: Classification };

function classifyOptions(engine: Engine): ClassifyOptions {
  const s = currentSettings();
  return { listThreshold: s.listThreshold, ownIdentities: s.ownIdentities, roster: engine.rosterMatcher() };
}

function needsWarning(c: Classification): boolean {
  return c.verdict === 'warning';
}

function toSummary(c: Classification): WarningSummary {
  return {
    verdict: c.verdict,
    reasons: c.reasons,
    counts: c.counts,
    people: c.people,
    examples: c.examples,
    ...(c.rosterMatches?.length ? { rosterMatches: c.rosterMatches } : {}),
  };
}

/** The text with every identifier replaced by a typed placeholder. Classified on its own so
 *  the finding offsets line up with exactly this string. */
export function redactText(text: string): string {
  const engine = requireEngine();
  return engine.redact(text, engine.classify(text, classifyOptions(engine)));
}

/**
 * Decides inside the event handler whether the action must be held. The pre-screen is one
 * linear pass; only what it lets through is classified, here when the engine is loaded and the
 * input small (a 10,000-row list takes well under 50 ms), otherwise after holding. With a
 * roster, any text may name a client, so the pre-screen cannot clear it alone. In audit mode
 * nothing is held: what would have been warned about is reported and the action goes on.
 */
export function checkNow(input: ClassifyInput, channel: Channel): QuickCheck {
  if (!isActiveHere()) return { hold: false };
  const size = input.text.length + (input.html?.length ?? 0);
  if (size === 0) return { hold: false };
  // Only a warning holds an action, so therapy words alone ("stress", "session") need no check.
  const suspicious = currentRosterSize() > 0 || prescreen(input.text, 'warning') || (input.html !== undefined && prescreen(input.html, 'warning'));
  if (!suspicious) return { hold: false };
  const audit = currentSettings().mode === 'audit';
  const engine = engineIfLoaded();
  if (!engine || size > SYNC_CLASSIFY_LIMIT) {
    if (audit) {
      void auditLater(input, channel);
      return { hold: false };
    }
    return { hold: true };
  }
  const classification = engine.classify(input, classifyOptions(engine));
  if (!needsWarning(classification)) return { hold: false };
  if (audit) {
    reportAudit(channel, classification);
    return { hold: false };
  }
  return { hold: true, classification };
}

async function auditLater(input: ClassifyInput, channel: Channel): Promise<void> {
  try {
    const engine = await ensureEngine();
    const c = await engine.classifyIncrementally(input, classifyOptions(engine), yieldToPage);
    if (needsWarning(c)) reportAudit(channel, c);
  } catch {
    /* audit only: the action already went ahead; nothing to recover */
  }
}

function reportAudit(channel: Channel, c: Classification): void {
  send('audit/observed', { channel, summary: toSummary(c) }).catch(() => undefined);
}

/** Gives the page's main thread back between slices of a long check. */
export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** What a deferred input reader returns: the input (with the progress box it opened, which
 *  review() keeps up while classifying and then closes), null (nothing readable: deliver as
 *  is), or 'abandoned' (the reader already put things back and told the user why). */
export type DeferredInput = () => Promise<{ input: ClassifyInput; progress?: ProgressHandle | null } | null | 'abandoned'>;

// One dialog at a time per frame; later actions wait their turn.
let queue: Promise<unknown> = Promise.resolve();

/**
 * Finishes a held action: classify if not done yet, warn, deliver what the user chose.
 * Never loses the action silently: an internal failure still asks the user what to do.
 */
export function review(action: HeldAction, input: ClassifyInput | DeferredInput, known?: Classification): Promise<void> {
  const run = async () => {
    try {
      const engine = await ensureEngine();
      let classification = known;
      if (!classification) {
        const resolved = typeof input === 'function' ? await input() : { input };
        if (resolved === 'abandoned') return;
        if (!resolved) return await action.deliver(); // nothing the classifier can read
        const progress = resolved.progress ?? null;
        try {
          progress?.busy();
          classification = await engine.classifyIncrementally(resolved.input, classifyOptions(engine), yieldToPage);
        } finally {
          progress?.close();
        }
      }
      if (!needsWarning(classification)) return await action.deliver();
      if (currentSettings().mode === 'audit') {
        reportAudit(action.channel, classification);
        return await action.deliver();
      }
      await warnAndDeliver(engine, action, classification);
    } catch (error) {
      await recoverFromError(action, error);
    }
  };
  const next = queue.then(run, run);
  queue = next.catch(() => undefined);
  return next;
}

/** Warnings whose dialog this frame shows now: the background asks (warning/ping) when a
 *  port drops or the worker restarted, before it turns one into a pending warning. */
const showing = new Set<string>();
let answeringPings = false;

function answerPings(): void {
  if (answeringPings) return;
  answeringPings = true;
  chrome.runtime.onMessage.addListener((message: unknown, sender, reply) => {
    const m = message as { type?: string; payload?: { id?: unknown } } | null;
    if (sender.id !== chrome.runtime.id || m?.type !== 'warning/ping') return undefined;
    reply({ showing: typeof m.payload?.id === 'string' && showing.has(m.payload.id) } satisfies ResponseOf<'warning/ping'>);
    return undefined;
  });
}

async function warnAndDeliver(engine: Engine, action: HeldAction, classification: Classification): Promise<void> {
  answerPings();
  const settings = currentSettings();
  const summary = toSummary(classification);
  const blocked = settings.mode === 'block';
  const opened = send('warning/opened', { channel: action.channel, summary }).catch(() => null);
  // The port tells the background if this frame goes away while the dialog shows: the
  // warning then waits in the popup instead of vanishing.
  let decided = false;
  let current: chrome.runtime.Port | null = null;
  const port = opened.then((record) => {
    if (!record) return null;
    if (!decided) showing.add(record.id);
    // A worker restart drops the port while the dialog still shows: reconnect (a few times at
    // most), so that leaving the page later still turns the warning into a pending one.
    let reconnects = 0;
    const connect = (): void => {
      try {
        current = chrome.runtime.connect({ name: WARNING_PORT });
        current.postMessage({ id: record.id });
        current.onDisconnect.addListener(() => {
          if (!decided && reconnects++ < 5) connect();
        });
      } catch {
        current = null; // the extension was reloaded or removed: nothing to tell
      }
    };
    connect();
    return { disconnect: () => current?.disconnect() };
  });

  const choice = await engine.showWarningDialog({
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
  decided = true;
  void opened.then((record) => record && showing.delete(record.id));
  if (decision === 'shared' || decision === 'not_client_data') await action.deliver();
  else if (decision === 'redacted' && action.deliverRedacted) await action.deliverRedacted();
  else action.restore();

  const record = await opened;
  if (record) {
    if (decision === 'later') {
      await send('warning/deferred', { id: record.id, because: blocked ? 'blocked' : 'deferred' }).catch(() => undefined);
    } else {
      await send('warning/decided', {
        id: record.id,
        decision,
        ...(choice.reasonCategory ? { reasonCategory: choice.reasonCategory } : {}),
      }).catch(() => undefined);
    }
  }
  (await port)?.disconnect();
}

async function recoverFromError(action: HeldAction, error: unknown): Promise<void> {
  // Only the error's kind is logged: a message could quote the user's data.
  console.warn('ClientGuard: check failed', error instanceof Error ? error.name : typeof error);
  let proceed: boolean;
  try {
    proceed = window.confirm(t('dialogInternalError'));
  } catch {
    proceed = true; // no way to ask (sandboxed frame): do not swallow the user's action
  }
  if (proceed) await action.deliver();
  else action.restore();
}
