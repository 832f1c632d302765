// Typed sender used by content scripts and extension pages alike.
import browser from 'webextension-polyfill';
import type { MessageType, RequestOf, ResponseOf } from './messages';

export function sendMessage<T extends MessageType>(type: T, payload: RequestOf<T>): Promise<ResponseOf<T>> {
  return browser.runtime.sendMessage({ type, payload }) as Promise<ResponseOf<T>>;
}
