// Audit reporting end to end: real warnings in real Chromium, reported to a local HTTP receiver
// (node:http on 127.0.0.1, a random port) that first refuses connections, then hangs, then
// fails, with the browser closed and restarted in the middle. Every event must arrive (the
// receiver deduplicates by id, delivery is at least once) and no request may carry content:
// no name, email or phone from the pasted list, and none of the masked examples the warning
// showed.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { COVERED, EXTENSION_ID, SAMPLE_CLIENT_LIST, launch, realPaste, type Session } from './harness';
import { clickDialog, dialogText, isDialogShowing, waitForDialog, waitForDialogGone } from './dialog-driver';

type Behaviour = 'hang' | 'fail' | 'ok' | 'flap';

interface Received {
  status: number;
  body: string;
  headers: IncomingHttpHeaders;
}

interface AuditEventJson {
  id: string;
  type: string;
  site: string;
  channel: string;
  mode: string;
  decision?: string;
  counts: Record<string, number>;
  people: number;
  deviceLabel: string;
  extensionVersion: string;
  time: string;
}

/** The practice's collector, as small as it can be: CORS for the extension, then POSTs. */
class Receiver {
  behaviour: Behaviour = 'ok';
  readonly posts: Received[] = [];
  private server: Server | undefined;
  private flapped = false;
  private readonly hanging = new Set<() => void>();

  constructor(readonly port: number) {}

  static async freePort(): Promise<number> {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as { port: number };
    await new Promise((resolve) => probe.close(resolve));
    return port;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const cors = {
        'access-control-allow-origin': `chrome-extension://${EXTENSION_ID}`,
        'access-control-allow-methods': 'POST',
        'access-control-allow-headers': 'authorization, content-type',
      };
      if (req.method === 'OPTIONS') {
        res.writeHead(204, cors).end();
        return;
      }
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        if (this.behaviour === 'hang') {
          // Never answers: the extension's request timeout has to give up.
          this.hanging.add(() => res.destroy());
          this.posts.push({ status: 0, body, headers: req.headers });
          return;
        }
        const status = this.behaviour === 'fail' || (this.behaviour === 'flap' && !this.flapped) ? 500 : 200;
        if (this.behaviour === 'flap') this.flapped = true;
        this.posts.push({ status, body, headers: req.headers });
        res.writeHead(status, { ...cors, 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : 'try later');
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(this.port, '127.0.0.1', resolve));
  }

  /** Events of every body the receiver answered with 2xx, deduplicated by id. */
  acknowledged(): Map<string, AuditEventJson> {
    const events = new Map<string, AuditEventJson>();
    for (const post of this.posts.filter((p) => p.status >= 200 && p.status < 300)) {
      for (const event of (JSON.parse(post.body) as { events: AuditEventJson[] }).events) events.set(event.id, event);
    }
    return events;
  }

  async stop(): Promise<void> {
    for (const release of this.hanging) release();
    this.server?.closeAllConnections();
    await new Promise((resolve) => (this.server ? this.server.close(resolve) : resolve(undefined)));
  }
}

interface QueueState {
  events: { id: string }[];
  attempt: number;
  lastResult: string | null;
  delivered: number;
  dropped: number;
}

async function queue(page: Page): Promise<QueueState | undefined> {
  return page.evaluate(async () => (await chrome.storage.local.get('auditQueue')).auditQueue as QueueState | undefined);
}

async function waitForQueue(page: Page, done: (q: QueueState) => boolean, timeoutMs: number, what: string): Promise<QueueState> {
  const until = Date.now() + timeoutMs;
  let last: QueueState | undefined;
  while (Date.now() < until) {
    last = await queue(page);
    if (last && done(last)) return last;
    await page.waitForTimeout(250);
  }
  throw new Error(`audit queue never reached "${what}": ${JSON.stringify(last)}`);
}

async function waitFor(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** A real paste of the sample list on a covered site; returns the warning's visible text. */
async function warnAndDecide(s: Session, action: 'cancel' | 'share'): Promise<string> {
  const page = await s.openFixture('fields.html', COVERED);
  await realPaste(page, '#ta', SAMPLE_CLIENT_LIST);
  await waitForDialog(page);
  const text = await dialogText(page);
  await clickDialog(page, action);
  await waitForDialogGone(page);
  await page.close();
  return text;
}

// Everything in the sample that identifies a person, whole and in the pieces a leak could take
// (first or last name, the part of an email before "@", a phone number in other formats).
const SAMPLE_IDENTIFIERS = SAMPLE_CLIENT_LIST.split('\n')
  .slice(1)
  .map((row) => row.split(',') as [string, string, string])
  .flatMap(([name, email, phone]) => [
    name,
    ...name.split(' ').filter((part) => part.length >= 4),
    email,
    email.split('@')[0] as string,
    phone,
    phone.slice(-8),
    phone.replace(/\D/g, ''),
  ]);

function assertNoContent(bodies: string[], maskedExamples: string[]): void {
  for (const body of bodies) {
    for (const value of [...SAMPLE_IDENTIFIERS, ...maskedExamples]) expect(body.toLowerCase(), value).not.toContain(value.toLowerCase());
    // Masked values look like "M**** G*******"; no event field ever holds an asterisk.
    expect(body).not.toContain('*');
  }
}

/** Masked examples as the warning showed them (words containing "*"). */
function maskedIn(text: string): string[] {
  return [...new Set(text.match(/[^\s,;:]*\*[^\s,;:]*/g) ?? [])];
}

const sessions: Session[] = [];
const receivers: Receiver[] = [];
const profiles: string[] = [];

afterEach(async () => {
  for (const s of sessions.splice(0)) await s.close().catch(() => undefined);
  for (const r of receivers.splice(0)) await r.stop();
});

afterAll(() => {
  for (const dir of profiles) rmSync(dir, { recursive: true, force: true });
});

describe('audit reporting', () => {
  it('delivers every event at least once through refusal, timeout, errors and a browser restart, without content', { timeout: 240_000 }, async () => {
    const receiver = new Receiver(await Receiver.freePort());
    receivers.push(receiver);
    const policy = {
      reportingEndpoint: `http://127.0.0.1:${receiver.port}/audit`,
      reportingAuthorization: 'Bearer e2e-audit-token',
      reportingLevel: 'all',
      deviceLabel: 'e2e-front-desk',
    };

    // 1. The collector is down: connection refused.
    let session = await launch({ policy });
    sessions.push(session);
    const profile = session.userDataDir;
    let options = await session.openExtensionPage('src/options/index.html');
    const firstWarning = await warnAndDecide(session, 'cancel');
    await waitForQueue(options, (q) => q.events.length === 2 && q.lastResult === 'network error', 20_000, 'refused');

    // 2. It comes up but hangs: the request times out and stays queued.
    receiver.behaviour = 'hang';
    await receiver.start();
    await waitForQueue(options, (q) => q.lastResult === 'timeout', 40_000, 'timeout');

    // 3. It answers 500: still queued, backing off.
    receiver.behaviour = 'fail';
    await waitForQueue(options, (q) => q.lastResult === 'http 500', 40_000, 'http 500');
    const secondWarning = await warnAndDecide(session, 'share');
    const queued = await waitForQueue(options, (q) => q.events.length === 4, 10_000, 'four events queued');
    const queuedIds = queued.events.map((e) => e.id);
    expect(receiver.acknowledged().size).toBe(0);

    // 4. The browser closes with four events undelivered; the collector flaps (500, then 200).
    await session.close({ keepProfile: true });
    sessions.splice(0);
    profiles.push(profile);
    receiver.behaviour = 'flap';
    session = await launch({ policy, userDataDir: profile });
    sessions.push(session);
    options = await session.openExtensionPage('src/options/index.html');
    await waitFor(() => queuedIds.every((id) => receiver.acknowledged().has(id)), 120_000, 'every event acknowledged');
    await waitForQueue(options, (q) => q.events.length === 0 && q.lastResult === 'http 200', 10_000, 'queue empty');

    // Every event arrived, once deduplicated, with what the practice needs and nothing more.
    const events = receiver.acknowledged();
    expect(events.size).toBe(4);
    const summary = [...events.values()].map((e) => `${e.type}:${e.decision ?? ''}`).sort();
    expect(summary).toEqual(['decision:cancelled', 'decision:shared', 'warning_shown:', 'warning_shown:']);
    for (const event of events.values()) {
      expect(event).toMatchObject({ site: 'business.facebook.com', channel: 'paste', mode: 'warn', deviceLabel: 'e2e-front-desk', people: 4 });
      expect(event.counts).toMatchObject({ email: 4, phone: 4 });
      expect(event.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(Date.parse(event.time)).not.toBeNaN();
    }
    // Failed attempts were real requests: refused (none recorded), hung, 500, flap 500.
    expect(receiver.posts.filter((p) => p.status === 0).length).toBeGreaterThanOrEqual(1);
    expect(receiver.posts.filter((p) => p.status === 500).length).toBeGreaterThanOrEqual(2);
    for (const post of receiver.posts) {
      expect(post.headers.authorization).toBe('Bearer e2e-audit-token');
      expect(post.headers['content-type']).toBe('application/json');
      expect(post.headers.origin).toBe(`chrome-extension://${EXTENSION_ID}`);
      expect(JSON.parse(post.body)).toMatchObject({ format: 'clientguard-audit/1', deviceLabel: 'e2e-front-desk', dropped: 0 });
    }
    // No preflight assertion: with the harness's request interception on, Playwright answers
    // CORS preflights itself. A real collector must answer them (docs/admin-deployment.md).

    const masked = [...maskedIn(firstWarning), ...maskedIn(secondWarning)];
    expect(masked.length).toBeGreaterThan(0); // the warning did show masked examples
    assertNoContent(receiver.posts.map((p) => p.body), masked);

    // The diagnostics show the delivery.
    await options.reload();
    await options.waitForSelector('[data-queue-waiting="0"]');
    expect(await options.locator('[data-reporting="on"]').innerText()).toContain(`http://127.0.0.1:${receiver.port}/audit`);
  });

  it('audit-only mode reports what it would have warned about and shows nothing', async () => {
    const receiver = new Receiver(await Receiver.freePort());
    receivers.push(receiver);
    await receiver.start();
    const session = await launch({
      policy: { mode: 'audit', reportingEndpoint: `http://localhost:${receiver.port}/audit`, reportingLevel: 'warnings', deviceLabel: 'pilot' },
    });
    sessions.push(session);
    // Until the background has written the first effective settings (it waits for the managed
    // policy, about 2 s after a fresh start here), content scripts apply the defaults: warn.
    const options = await session.openExtensionPage('src/options/index.html');
    const until = Date.now() + 15_000;
    while ((await options.evaluate(async () => ((await chrome.storage.local.get('effectiveSettings')).effectiveSettings as { mode?: string } | undefined)?.mode)) !== 'audit') {
      if (Date.now() > until) throw new Error('audit mode never reached the effective settings');
      await options.waitForTimeout(200);
    }
    const page = await session.openFixture('fields.html', COVERED);
    await realPaste(page, '#ta', SAMPLE_CLIENT_LIST);
    await waitFor(() => receiver.acknowledged().size === 1, 20_000, 'the observation');
    expect(await isDialogShowing(page)).toBe(false);
    // The paste went through untouched.
    expect(await page.locator('#ta').inputValue()).toContain('maria.gonzalez@example.com');
    const [event] = [...receiver.acknowledged().values()];
    expect(event).toMatchObject({ type: 'would_warn', mode: 'audit', site: 'business.facebook.com', channel: 'paste', people: 4, deviceLabel: 'pilot' });
    assertNoContent(receiver.posts.map((p) => p.body), []);
  });

  it('sends only what the reporting level asks for', async () => {
    const receiver = new Receiver(await Receiver.freePort());
    receivers.push(receiver);
    await receiver.start();
    const session = await launch({ policy: { reportingEndpoint: `http://127.0.0.1:${receiver.port}/audit`, reportingLevel: 'warnings' } });
    sessions.push(session);
    const options = await session.openExtensionPage('src/options/index.html');
    await warnAndDecide(session, 'cancel');
    await waitForQueue(options, (q) => q.delivered >= 1 && q.events.length === 0, 20_000, 'delivered');
    // The decision would have been queued at once; give it time to show up if it were sent.
    await options.waitForTimeout(2000);
    expect([...receiver.acknowledged().values()].map((e) => e.type)).toEqual(['warning_shown']);
    expect((await queue(options))?.delivered).toBe(1);
  });
});
