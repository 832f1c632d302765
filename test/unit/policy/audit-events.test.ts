import { describe, expect, it } from 'vitest';
import { auditBatch, auditEventForObservation, auditEventForWarning, levelIncludes, siteOf, type AuditContext } from '../../../src/core/policy/audit-events';
import type { WarningRecord } from '../../../src/core/warnings';

const CONTEXT: AuditContext = { id: '6f1c2d3e-0000-4000-8000-000000000001', now: Date.UTC(2025, 4, 6, 7, 8, 9), mode: 'warn', extensionVersion: '0.1.0', deviceLabel: 'front-desk-2' };

// Everything in here that could be client data is a string that must never reach an event.
const SECRETS = ['M**** G*******', 'm****.g*******@e******.com', '(***) ***-**42', 'R*** roster', 'Client asked me to post this — Maria Gonzalez'];

function record(overrides: Partial<WarningRecord> = {}): WarningRecord {
  return {
    id: 'w-123',
    site: 'business.facebook.com',
    tabId: 4,
    frameId: 0,
    channel: 'paste',
    createdAt: CONTEXT.now - 1000,
    summary: {
      verdict: 'warning',
      reasons: ['client_list', 'clinical_context'],
      counts: { person: 4, email: 4, phone: 4 },
      people: 4,
      examples: [
        { type: 'person', masked: SECRETS[0] as string },
        { type: 'email', masked: SECRETS[1] as string },
        { type: 'phone', masked: SECRETS[2] as string },
      ],
      rosterMatches: [{ type: 'person', masked: SECRETS[3] as string }],
    },
    status: 'resolved',
    decision: 'shared',
    reasonCategory: 'written_authorization',
    note: SECRETS[4],
    decidedAt: CONTEXT.now,
    decidedIn: 'page',
    ...overrides,
  };
}

function assertNoContent(value: unknown): void {
  const text = JSON.stringify(value);
  for (const secret of SECRETS) expect(text).not.toContain(secret);
  expect(text).not.toContain('"examples"');
  expect(text).not.toContain('"note"');
  expect(text).not.toContain('"tabId"');
}

describe('auditEventForWarning', () => {
  it('builds a decision event with metadata only', () => {
    const event = auditEventForWarning('decision', record(), 'decisions', CONTEXT);
    expect(event).toEqual({
      id: CONTEXT.id,
      type: 'decision',
      time: '2025-05-06T07:08:09.000Z',
      warningId: 'w-123',
      site: 'business.facebook.com',
      channel: 'paste',
      mode: 'warn',
      verdict: 'warning',
      reasons: ['client_list', 'clinical_context'],
      counts: { person: 4, email: 4, phone: 4 },
      people: 4,
      rosterMatches: 1,
      decision: 'shared',
      reasonCategory: 'written_authorization',
      decidedIn: 'page',
      extensionVersion: '0.1.0',
      deviceLabel: 'front-desk-2',
    });
    assertNoContent(event);
  });

  it('drops anything unexpected a record might carry', () => {
    const hostile = record({
      site: 'https://evil.example/path?maria.gonzalez@example.com',
      channel: 'Maria Gonzalez' as never,
      decision: 'maria@example.com' as never,
      reasonCategory: '' as never,
      summary: {
        verdict: 'Maria' as never,
        reasons: ['client_list', 'Maria Gonzalez' as never],
        counts: { person: 2, 'maria@example.com': 3, email: -1 } as never,
        people: Number.NaN,
        examples: [],
        extra: 'Maria Gonzalez',
      } as never,
      id: 'Maria Gonzalez <maria@example.com>',
    });
    const event = auditEventForWarning('decision', hostile, 'all', CONTEXT);
    expect(JSON.stringify(event)).not.toMatch(/maria/i);
    expect(event).toMatchObject({ site: 'evil.example', channel: 'unknown', verdict: 'unknown', reasons: ['client_list'], counts: { person: 2, email: 0 }, people: 0 });
    expect(event).not.toHaveProperty('decision');
    expect(event).not.toHaveProperty('warningId');
    expect(event).not.toHaveProperty('reasonCategory');
  });

  it('sends only what the reporting level asks for', () => {
    const r = record();
    expect(auditEventForWarning('warning_shown', r, 'off', CONTEXT)).toBeNull();
    expect(auditEventForWarning('warning_shown', r, 'warnings', CONTEXT)?.type).toBe('warning_shown');
    expect(auditEventForWarning('decision', r, 'warnings', CONTEXT)).toBeNull();
    expect(auditEventForWarning('decision', r, 'decisions', CONTEXT)?.type).toBe('decision');
    expect(auditEventForWarning('warning_pending', record({ pendingBecause: 'deferred' }), 'decisions', CONTEXT)).toBeNull();
    expect(auditEventForWarning('warning_pending', record({ pendingBecause: 'deferred' }), 'all', CONTEXT)?.pendingBecause).toBe('deferred');
    // Block mode's "blocked" is a decision the practice made: reported from "decisions" up.
    expect(auditEventForWarning('warning_pending', record({ pendingBecause: 'blocked' }), 'decisions', CONTEXT)?.pendingBecause).toBe('blocked');
    expect(auditEventForWarning('warning_pending', record({ pendingBecause: 'blocked' }), 'warnings', CONTEXT)).toBeNull();
  });

  it('keeps decision fields out of non-decision events', () => {
    const event = auditEventForWarning('warning_shown', record(), 'all', CONTEXT);
    expect(event).not.toHaveProperty('decision');
    expect(event).not.toHaveProperty('reasonCategory');
    assertNoContent(event);
  });

  it('reports levels as documented', () => {
    expect(levelIncludes('warnings', 'would_warn')).toBe(true);
    expect(levelIncludes('off', 'would_warn')).toBe(false);
    expect(levelIncludes('all', 'warning_pending', 'navigated')).toBe(true);
  });
});

describe('auditEventForObservation (audit mode)', () => {
  it('records what would have been warned about, without content', () => {
    const event = auditEventForObservation(
      { site: 'www.linkedin.com', channel: 'drop', summary: record().summary },
      { ...CONTEXT, mode: 'audit' },
    );
    expect(event).toMatchObject({ type: 'would_warn', site: 'www.linkedin.com', channel: 'drop', mode: 'audit', people: 4, counts: { person: 4, email: 4, phone: 4 } });
    assertNoContent(event);
  });
});

describe('auditBatch and siteOf', () => {
  it('wraps events with the dropped count', () => {
    const event = auditEventForWarning('warning_shown', record(), 'all', CONTEXT);
    const batch = auditBatch(event ? [event] : [], 7, CONTEXT);
    expect(batch).toMatchObject({ format: 'clientguard-audit/1', dropped: 7, deviceLabel: 'front-desk-2', extensionVersion: '0.1.0' });
    expect(batch.events).toHaveLength(1);
    assertNoContent(batch);
  });

  it('keeps hostnames only', () => {
    expect(siteOf('Business.Facebook.com')).toBe('business.facebook.com');
    expect(siteOf('https://x.example.com:8443/a?b')).toBe('x.example.com');
    expect(siteOf('Maria Gonzalez')).toBe('');
    expect(siteOf(42)).toBe('');
  });
});
