// A practice's roster deployed by managed policy, end to end: practice IT makes a key and a
// hashed roster with the CLI (`clientguard roster keygen` / `roster hash`), policy hands the
// key and the hashed roster (by URL or inline) to the extension, and the same review reply that
// names a client brings up the same roster warning as with a roster imported by the user.
//
// Managed policy is a file in /etc/chromium/policies/managed that every Chromium on the machine
// reads, and each launch() rewrites or removes it: these tests live in their own file so they
// can be run on their own (a parallel run of another policy test can interfere; re-run then).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { FIXTURES, ROOT, launch, type Session } from './harness';
import { clickDialog, dialogText, isDialogShowing, waitForDialog, waitForDialogGone } from './dialog-driver';

const OPTIONS = 'src/options/index.html';
const REVIEW_SITE = 'https://biz.yelp.com';
const ROSTER_CSV = join(FIXTURES, 'roster-clients.csv');
const ROSTER_URL = 'https://roster.harbor-counseling.example/clients.json';
/** Same mention, same expectations as test/e2e/roster.e2e.ts (user import). */
const MENTION = 'Thank you for the kind words, Dana Whitfield! We are glad you felt welcome and hope to see you again soon.';
const MENTION_MASKED = 'D*** W********';

const tmp = mkdtempSync(join(tmpdir(), 'clientguard-roster-policy-'));
let session: Session | undefined;

/** Roster values a leak would show: names, emails, phone numbers as written and as digits. */
function rosterValues(): string[] {
  const [, ...rows] = readFileSync(ROSTER_CSV, 'utf8').trim().split('\n');
  return rows.flatMap((row) => {
    const [first, last, email, phone, dob] = row.split(',') as [string, string, string, string, string];
    const digits = phone.replace(/\D/g, '').slice(-10);
    return [first, last, `${first} ${last}`, email, email.split('@')[0]!, phone, digits, digits.slice(3), dob];
  });
}

interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** `node bin/clientguard.mjs ARGS`, as practice IT runs it from the repository. */
function cli(args: string[]): CliRun {
  const run = spawnSync(process.execPath, [join(ROOT, 'bin/clientguard.mjs'), ...args], { cwd: tmp, encoding: 'utf8' });
  return { status: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

async function openOptions(s: Session): Promise<Page> {
  const page = await s.openExtensionPage(OPTIONS);
  await page.waitForSelector('[data-roster-section] [data-roster-status]:not([data-roster-status="loading"])');
  return page;
}

async function local(s: Session, keys: string[]): Promise<Record<string, unknown>> {
  return s.worker!.evaluate(async (k) => chrome.storage.local.get(k), keys);
}

/** Waits for the background to have applied the policy roster (rosterSize published). */
async function waitForRosterSize(s: Session, expected: number): Promise<void> {
  await expect.poll(async () => (await local(s, ['rosterSize'])).rosterSize, { timeout: 15_000 }).toBe(expected);
}

async function typeReply(page: Page, text: string): Promise<void> {
  await page.locator('#reply').click();
  await page.keyboard.type(text);
  await page.getByRole('button', { name: 'Reply' }).click();
}

/** The review reply naming one client: the roster warning, masked, then Cancel. */
async function expectRosterWarning(s: Session): Promise<void> {
  const page = await s.openFixture('roster-review-reply.html', REVIEW_SITE);
  await typeReply(page, MENTION);
  await waitForDialog(page);
  const text = await dialogText(page);
  expect(text).toContain('This mentions someone on your client roster');
  expect(text).toContain("At least one matches a client on your practice's roster.");
  expect(text).toContain(MENTION_MASKED);
  expect(text).not.toContain('Whitfield');
  await clickDialog(page, 'cancel');
  await waitForDialogGone(page);
  expect(await page.evaluate(() => (window as unknown as { __replies: string[] }).__replies)).toEqual([]);
  await page.close();
}

let key = '';
let hashedJson = '';
let keyId = '';
let hashRun: CliRun;

beforeAll(() => {
  // The CLI's way, exactly as docs/roster.md tells practice IT.
  const keygen = cli(['roster', 'keygen', '--out', 'practice-roster.key']);
  expect(keygen.status).toBe(0);
  key = readFileSync(join(tmp, 'practice-roster.key'), 'utf8').trim();
  hashRun = cli(['roster', 'hash', '--key-file', 'practice-roster.key', ROSTER_CSV, '--out', 'roster.json']);
  expect(hashRun.status).toBe(0);
  hashedJson = readFileSync(join(tmp, 'roster.json'), 'utf8');
  keyId = (JSON.parse(hashedJson) as { keyId: string }).keyId;
});

afterEach(async () => {
  await session?.close();
  session = undefined;
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('roster deployed by managed policy', () => {
  it('the CLI makes a key and a hashed roster that holds no roster value', () => {
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(join(tmp, 'practice-roster.key')).mode & 0o777).toBe(0o600);
    const hashed = JSON.parse(hashedJson) as Record<string, unknown>;
    expect(hashed).toMatchObject({ version: 1, count: 5, country: 'US', dateOrder: 'MDY' });
    expect((hashed.email as string[]).length).toBe(5);
    expect((hashed.phone as string[]).length).toBe(5);
    const lower = hashedJson.toLowerCase();
    for (const v of rosterValues()) expect(lower).not.toContain(v.toLowerCase());
    // The summary on stderr names no value either; `info` confirms the key.
    expect(hashRun.stdout).toBe('');
    expect(hashRun.stderr).toBe(`Hashed 5 clients (key id ${keyId}) to roster.json.\n`);
    const info = cli(['roster', 'info', 'roster.json', '--key-file', 'practice-roster.key']);
    expect(info.status).toBe(0);
    expect(info.stdout).toContain('clients: 5');
    expect(info.stdout).toContain(`key id: ${keyId}`);
    expect(info.stdout).toContain('the key in practice-roster.key matches');
    for (const out of [hashRun.stderr, info.stdout]) for (const v of rosterValues()) expect(out.toLowerCase()).not.toContain(v.toLowerCase());
  });

  it('rosterKey + rosterUrl: fetched, shown as managed on the options page, and the same mention warns', async () => {
    session = await launch({ policy: { rosterKey: key, rosterUrl: ROSTER_URL }, routes: { [ROSTER_URL]: hashedJson } });
    await waitForRosterSize(session, 5);
    const stored = await local(session, ['roster', 'installSecret']);
    expect(stored.roster).toMatchObject({ source: 'policy', url: ROSTER_URL, roster: { count: 5, keyId } });
    // The policy key is read from storage.managed, never copied; no install secret is made.
    expect(stored.installSecret).toBeUndefined();
    const dump = await session.worker!.evaluate(async () =>
      JSON.stringify([await chrome.storage.local.get(null), await chrome.storage.session.get(null), await chrome.storage.sync.get(null)]),
    );
    expect(dump).not.toContain(key);

    const options = await openOptions(session);
    const today = await options.evaluate(() => new Date().toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric' }));
    await expect(options.locator('[data-roster-status="policy"]').innerText()).resolves.toBe(
      `5 clients loaded from your organization's roster, updated ${today}. Your IT administrator manages it.`,
    );
    // Users cannot replace or remove a policy roster.
    expect(await options.locator('#roster-file').count()).toBe(0);
    expect(await options.getByRole('button', { name: 'Remove roster' }).count()).toBe(0);
    const cleared = await options.evaluate(() => chrome.runtime.sendMessage({ type: 'roster/clear', payload: {} }));
    expect(cleared).toEqual({ ok: false });
    expect((await local(session, ['rosterSize'])).rosterSize).toBe(5);

    await expectRosterWarning(session);
  });

  it('rosterKey + rosterInline: the same mention warns; a roster hashed with another key is ignored', async () => {
    session = await launch({ policy: { rosterKey: key, rosterInline: hashedJson } });
    await waitForRosterSize(session, 5);
    expect(await local(session, ['roster'])).toMatchObject({ roster: { source: 'policy', roster: { count: 5, keyId } } });
    expect((await local(session, ['roster'])).roster).not.toHaveProperty('url');
    await expectRosterWarning(session);
    await session.close();

    // Same roster, another key in policy: key ids differ, so matching is off (not wrong).
    const other = cli(['roster', 'keygen', '--out', 'other.key']);
    expect(other.status).toBe(0);
    const otherKey = readFileSync(join(tmp, 'other.key'), 'utf8').trim();
    session = await launch({ policy: { rosterKey: otherKey, rosterInline: hashedJson } });
    await expect.poll(async () => (await local(session!, ['rosterSize'])).rosterSize, { timeout: 15_000 }).toBe(0);
    expect((await local(session, ['roster'])).roster).toBeUndefined();
    const page = await session.openFixture('roster-review-reply.html', REVIEW_SITE);
    await typeReply(page, MENTION);
    await expect.poll(() => page.evaluate(() => (window as unknown as { __replies: string[] }).__replies), { timeout: 10_000 }).toEqual([MENTION]);
    expect(await isDialogShowing(page)).toBe(false);
  });
});
