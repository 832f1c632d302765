// In-worker events between background modules, so that features stay decoupled: the warnings
// store announces what happened, audit reporting (and anything else) listens.
import type { WarningRecord } from '../core/warnings';

export interface BackgroundEvents {
  /** A warning was shown in a page. */
  'warning:opened': WarningRecord;
  /** A warning became pending (page gone, decide later, blocked). */
  'warning:pending': WarningRecord;
  /** A warning was resolved, in the page or in the popup. */
  'warning:resolved': WarningRecord;
}

type Listener<K extends keyof BackgroundEvents> = (payload: BackgroundEvents[K]) => void | Promise<void>;

const listeners = new Map<keyof BackgroundEvents, Listener<never>[]>();

export function on<K extends keyof BackgroundEvents>(event: K, listener: Listener<K>): void {
  const list = listeners.get(event) ?? [];
  list.push(listener as Listener<never>);
  listeners.set(event, list);
}

export async function emit<K extends keyof BackgroundEvents>(event: K, payload: BackgroundEvents[K]): Promise<void> {
  for (const listener of (listeners.get(event) ?? []) as Listener<K>[]) {
    try {
      await listener(payload);
    } catch (error) {
      // One listener's failure must not stop the others; the message names no client data.
      console.error(`ClientGuard: ${event} listener failed:`, error instanceof Error ? error.message : error);
    }
  }
}
