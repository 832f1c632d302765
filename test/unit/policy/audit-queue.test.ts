import { describe, expect, it } from 'vitest';
import { acknowledge, emptyQueue, enqueue, mayDeliver, nextBatch, queueFromStorage, recordFailure, rememberObservation } from '../../../src/core/policy/audit-queue';
import type { AuditEvent } from '../../../src/core/policy/audit-events';

function ev(n: number): AuditEvent {
  return { id: `id-${n}`, type: 'warning_shown', time: '', site: 'x.example', channel: 'paste', mode: 'warn', verdict: 'warning', reasons: [], counts: {}, people: 3, rosterMatches: 0, extensionVersion: '0.1.0', deviceLabel: '' };
}
const ids = (events: AuditEvent[]) => events.map((e) => e.id);

describe('audit queue', () => {
  it('drops the oldest events when full and counts them', () => {
    let q = enqueue(emptyQueue(), [ev(1), ev(2), ev(3)], 4);
    q = enqueue(q, [ev(4), ev(5), ev(6)], 4);
    expect(ids(q.events)).toEqual(['id-3', 'id-4', 'id-5', 'id-6']);
    expect(q.dropped).toBe(2);
  });

  it('does not queue the same event twice', () => {
    const q = enqueue(enqueue(emptyQueue(), [ev(1)]), [ev(1), ev(2)]);
    expect(ids(q.events)).toEqual(['id-1', 'id-2']);
  });

  it('reports drops in the next batch and forgets them only once delivered', () => {
    let q = enqueue(emptyQueue(), [ev(1), ev(2), ev(3)], 2);
    const batch = nextBatch(q, 10);
    expect(batch).toEqual({ events: [ev(2), ev(3)], dropped: 1 });
    // More events (and one more drop) arrive while the batch is on its way.
    q = enqueue(q, [ev(4)], 2);
    expect(q.dropped).toBe(2);
    q = acknowledge(q, batch ?? { events: [], dropped: 0 }, 1000, 200);
    expect(ids(q.events)).toEqual(['id-4']);
    expect(q.dropped).toBe(1);
    expect(q).toMatchObject({ attempt: 0, nextAttemptAt: null, lastResult: 'http 200', lastDeliveredAt: 1000, delivered: 2 });
  });

  it('sends a batch with only a dropped count when every event was dropped', () => {
    const q = { ...emptyQueue(), dropped: 3 };
    expect(nextBatch(q)).toEqual({ events: [], dropped: 3 });
    expect(nextBatch(emptyQueue())).toBeNull();
  });

  it('limits batch size', () => {
    const q = enqueue(emptyQueue(), Array.from({ length: 120 }, (_, i) => ev(i)));
    expect(nextBatch(q, 50)?.events).toHaveLength(50);
  });

  it('backs off after failures and allows delivery once the time has come', () => {
    let q = enqueue(emptyQueue(), [ev(1)]);
    q = recordFailure(q, 'network error', 10_000, () => 1);
    expect(q).toMatchObject({ attempt: 1, nextAttemptAt: 12_000, lastResult: 'network error', lastAttemptAt: 10_000 });
    expect(mayDeliver(q, 11_999)).toBe(false);
    expect(mayDeliver(q, 12_000)).toBe(true);
    q = recordFailure(q, 'http 500', 12_000, () => 1);
    expect(q.nextAttemptAt).toBe(16_000);
    expect(ids(q.events)).toEqual(['id-1']);
  });

  it('reads damaged storage as an empty queue, keeping valid events', () => {
    expect(queueFromStorage(undefined)).toEqual(emptyQueue());
    expect(queueFromStorage('x')).toEqual(emptyQueue());
    const q = queueFromStorage({ events: [ev(1), null, { id: 3 }], dropped: 'many', attempt: 2, nextAttemptAt: 'soon' });
    expect(ids(q.events)).toEqual(['id-1']);
    expect(q).toMatchObject({ dropped: 0, attempt: 2, nextAttemptAt: null });
  });

  it('keeps the latest audit-mode observations, newest first', () => {
    let q = emptyQueue();
    for (let i = 0; i < 5; i++) q = rememberObservation(q, ev(i), 3);
    expect(ids(q.recentObserved)).toEqual(['id-4', 'id-3', 'id-2']);
  });
});
