// Every message between the extension's parts, named by direction. Payloads carry metadata
// only: a message never holds the text, file or full identifiers the user was about to share.
// The background checks the sender of each direction before acting (src/background/router.ts).
import type { Channel, Decision, ShareReasonCategory, WarningRecord, WarningSummary } from './core/warnings';
import type { EffectiveSettings, Settings } from './core/settings';

/** Content script -> background. Accepted only from this extension's own content scripts. */
export interface ContentToBackground {
  /** Inject the content-script engine (classifier, dialog) into the sending frame. */
  'engine/load': {
    request: Record<string, never>;
    response: { ok: boolean };
  };
  /** The in-page dialog is showing; the background keeps the warning as "open". */
  'warning/opened': {
    request: { channel: Channel; summary: WarningSummary };
    response: { id: string };
  };
  /** The user decided in the page. */
  'warning/decided': {
    request: { id: string; decision: Decision; reasonCategory?: ShareReasonCategory; note?: string };
    response: { ok: true };
  };
  /** The user chose "decide later" (or block mode): keep it pending for the popup. */
  'warning/deferred': {
    request: { id: string; because: 'deferred' | 'blocked' };
    response: { ok: true };
  };
  /** Audit-only mode: record that something would have been warned about. */
  'audit/observed': {
    request: { channel: Channel; summary: WarningSummary };
    response: { ok: true };
  };
}

/** Popup or options page -> background. Accepted only from this extension's own pages. */
export interface UiToBackground {
  'warnings/list': {
    request: Record<string, never>;
    response: { pending: WarningRecord[]; history: WarningRecord[] };
  };
  'warnings/resolve': {
    request: { id: string; decision: Decision; reasonCategory?: ShareReasonCategory; note?: string; decisionRecordId?: string };
    response: { ok: boolean };
  };
  'warnings/focusTab': {
    request: { id: string };
    response: { ok: boolean };
  };
  'history/clear': {
    request: Record<string, never>;
    response: { ok: true };
  };
  'settings/get': {
    request: Record<string, never>;
    response: EffectiveSettings;
  };
  /** Saves the user's own settings; keys locked by policy are ignored. */
  'settings/save': {
    request: { settings: Partial<Settings> };
    response: EffectiveSettings;
  };
  /** The one message that carries raw client data: a roster file chosen on the options page,
   *  going to the background, which hashes it and drops the bytes (src/background/roster.ts). */
  'roster/import': {
    request: { fileName: string; bytes: number[] };
    response: { ok: boolean; count: number; problems: string[] };
  };
  'roster/status': {
    request: Record<string, never>;
    response: { count: number; importedAt: number | null; source: 'none' | 'user' | 'policy' };
  };
  /** Removes a roster the user imported; a policy roster stays (ok: false). */
  'roster/clear': {
    request: Record<string, never>;
    response: { ok: boolean };
  };
}

/** Background -> content script (tabs.sendMessage). */
export interface BackgroundToContent {
  /** Ask whether a warning is still on screen (used when a port drops). */
  'warning/ping': { request: { id: string }; response: { showing: boolean } };
}

export type MessageMap = ContentToBackground & UiToBackground & BackgroundToContent;
export type MessageType = keyof MessageMap;
export type RequestOf<T extends MessageType> = MessageMap[T]['request'];
export type ResponseOf<T extends MessageType> = MessageMap[T]['response'];

/** The envelope every runtime message uses. */
export interface Envelope<T extends MessageType = MessageType> {
  type: T;
  payload: RequestOf<T>;
}

/** Port name a content script opens while its dialog shows; a disconnect without a decision
 *  (navigation, frame removed, tab closed) turns the warning into a pending one. */
export const WARNING_PORT = 'clientguard-warning';

/** storage.local keys. Nothing stored under any of them holds raw client data. */
export const STORAGE_KEYS = {
  settings: 'userSettings',
  effective: 'effectiveSettings',
  warnings: 'warnings',
  history: 'history',
  decisionRecords: 'decisionRecords',
  auditQueue: 'auditQueue',
  installSecret: 'installSecret',
  roster: 'roster',
  /** Number of clients on the roster: lets every frame know cheaply whether matching is on. */
  rosterSize: 'rosterSize',
} as const;
