// One named-handler map for every message the background accepts. Each feature module adds
// its handlers with `handle()`; the router checks who sent a message before calling them:
// content-script messages must come from this extension's content script in a tab, UI
// messages from this extension's own pages. Web pages cannot message us at all (no
// externally_connectable), and a compromised page's content script cannot pose as the UI.
import browser, { type Runtime } from 'webextension-polyfill';
import type { ContentToBackground, MessageType, RequestOf, ResponseOf, UiToBackground } from '../messages';

export type SenderKind = 'content' | 'ui';

type Handler<T extends MessageType> = (payload: RequestOf<T>, sender: Runtime.MessageSender) => Promise<ResponseOf<T>> | ResponseOf<T>;

interface Registration {
  kind: SenderKind;
  handler: Handler<MessageType>;
}

const handlers = new Map<MessageType, Registration>();

export function handle<T extends keyof ContentToBackground>(type: T, kind: 'content', handler: Handler<T>): void;
export function handle<T extends keyof UiToBackground>(type: T, kind: 'ui', handler: Handler<T>): void;
export function handle(type: MessageType, kind: SenderKind, handler: Handler<MessageType>): void {
  if (handlers.has(type)) throw new Error(`handler for ${type} registered twice`);
  handlers.set(type, { kind, handler });
}

export function senderKind(sender: Runtime.MessageSender): SenderKind | null {
  if (sender.id !== browser.runtime.id) return null;
  const extensionOrigin = browser.runtime.getURL('');
  if (sender.tab && sender.url && !sender.url.startsWith(extensionOrigin)) return 'content';
  if (sender.url?.startsWith(extensionOrigin)) return 'ui';
  return null;
}

export function startRouter(): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (!message || typeof message !== 'object' || typeof (message as { type?: unknown }).type !== 'string') return undefined;
    const { type, payload } = message as { type: MessageType; payload: unknown };
    const registration = handlers.get(type);
    if (!registration) return undefined;
    if (senderKind(sender) !== registration.kind) {
      console.warn(`ClientGuard: refused "${type}" from an unexpected sender`);
      return undefined;
    }
    return Promise.resolve(registration.handler(payload as never, sender));
  });
}
