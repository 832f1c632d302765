// Known-client roster end to end, in real Chromium with the built extension: a practice's roster
// CSV is imported on the options page through the real file chooser (count and date shown); a
// review reply that names one client (typed and sent with the page's Reply button, or pasted)
// brings up the roster warning with the match masked, in a tab opened before the import; a
// common given name alone does not; a warning left for later waits in the popup and its decision
// record prints to PDF; afterwards no roster value is in the extension's storage or in the files
// of the browser profile. A second session covers file problems, other open tabs and removal.
// Screenshots for docs/roster.md and docs/popup.md are written to docs/screenshots.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Page } from 'playwright-core';
import { EXTENSION_ID, FIXTURES, ROOT, launch, realPaste, type Session } from './harness';
import { clickDialog, dialogText, isDialogShowing, waitForDialog, waitForDialogGone } from './dialog-driver';
import type { WarningRecord } from '../../src/core/warnings';

const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const OPTIONS = 'src/options/index.html';
const POPUP = 'src/popup/index.html';
const SCREENSHOTS = join(ROOT, 'docs/screenshots');
/** A review site (category "reviews"): business owners reply to reviews in public there. */
const REVIEW_SITE = 'https://biz.yelp.com';
const ROSTER_CSV = join(FIXTURES, 'roster-clients.csv');
/** The one client the reply names, and how the warning must show it. */
const MENTION = 'Thank you for the kind words, Dana Whitfield! We are glad you felt welcome and hope to see you again soon.';
const MENTION_MASKED = 'D*** W********';

mkdirSync(SCREENSHOTS, { recursive: true });

interface RosterClient {
  first: string;
  last: string;
  email: string;
  phone: string;
  dob: string;
}

/** The fixture roster's rows (fictional people). */
function rosterClients(): RosterClient[] {
  const [, ...rows] = readFileSync(ROSTER_CSV, 'utf8').trim().split('\n');
  return rows.map((row) => {
    const [first, last, email, phone, dob] = row.split(',') as [string, string, string, string, string];
    return { first, last, email, phone, dob };
  });
}

/**
 * Every form in which a roster value could have been kept: names (whole, reversed, each part,
 * with and without accents), email addresses and their mailbox names, phone numbers as written
 * and as digits (national, subscriber part, E.164), dates of birth as written and as ISO dates.
 */
function rosterValues(): string[] {
  const out = new Set<string>();
  const plain = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '');
  for (const c of rosterClients()) {
    for (const v of [`${c.first} ${c.last}`, `${c.last}, ${c.first}`, `${c.last},${c.first}`, `${c.first},${c.last}`]) {
      out.add(v);
      out.add(plain(v));
    }
    for (const part of [c.first, ...c.last.split(/[\s-]+/), c.last]) {
      out.add(part);
      out.add(plain(part));
    }
    out.add(c.email);
    out.add(c.email.split('@')[0]!);
    out.add(c.phone);
    const digits = c.phone.replace(/\D/g, '');
    const national = digits.slice(-10);
    out.add(national);
    out.add(national.slice(3)); // 555XXXX
    out.add(`${national.slice(3, 6)}-${national.slice(6)}`);
    out.add(`+1${national}`);
    out.add(c.dob);
    const [m, d, y] = c.dob.split('/') as [string, string, string];
    out.add(`${y}-${m}-${d}`);
  }
  return [...out].filter((v) => v.length >= 4);
}

async function openOptions(s: Session): Promise<Page> {
  const page = await s.openExtensionPage(OPTIONS);
  await page.waitForSelector('[data-roster-section] [data-roster-status]:not([data-roster-status="loading"])');
  return page;
}

/** Chooses `file` in the roster section the way a person does: click the picker, pick the file. */
async function importWithFileChooser(page: Page, file: string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('#roster-file').click()]);
  expect(chooser.isMultiple()).toBe(false);
  await chooser.setFiles(file);
}

/** Every text this file puts into a web page (typed or pasted), for the profile search below. */
const putIntoPages: string[] = [];

/** Types `text` into the public reply box with the keyboard and presses the page's Reply button. */
async function typeReply(page: Page, text: string): Promise<void> {
  putIntoPages.push(text);
  await page.locator('#reply').click();
  await page.keyboard.type(text);
  await page.getByRole('button', { name: 'Reply' }).click();
}

/** A real Control+V of `text` into the reply box. */
async function pasteReply(page: Page, text: string): Promise<void> {
  putIntoPages.push(text);
  await realPaste(page, '#reply', text);
}

async function replies(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __replies: string[] }).__replies);
}

/** Waits until the reply went through (no warning) and returns what the page received. */
async function expectSentWithoutWarning(page: Page, count: number): Promise<string[]> {
  await expect.poll(() => replies(page), { timeout: 10_000 }).toHaveLength(count);
  expect(await isDialogShowing(page)).toBe(false);
  return replies(page);
}

async function stored<T>(s: Session, key: string): Promise<T | undefined> {
  return s.worker!.evaluate(async (k) => (await chrome.storage.local.get(k))[k], key) as Promise<T | undefined>;
}

/** The document title a PDF carries in its Info dictionary (literal or UTF-16BE hex string). */
function pdfTitle(pdf: Buffer): string | null {
  const text = pdf.toString('latin1');
  const hex = /\/Title\s*<([0-9A-Fa-f]+)>/.exec(text);
  if (hex) {
    const bytes = Buffer.from(hex[1]!, 'hex');
    const body = bytes[0] === 0xfe && bytes[1] === 0xff ? bytes.subarray(2) : bytes;
    return Buffer.from(body).swap16().toString('utf16le');
  }
  const literal = /\/Title\s*\(((?:\\.|[^\\)])*)\)/.exec(text);
  return literal ? literal[1]!.replace(/\\(.)/g, '$1') : null;
}

/** Pages of a PDF: its page tree's /Count. */
function pdfPages(pdf: Buffer): number {
  const counts = [...pdf.toString('latin1').matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g)].map((m) => Number(m[1] ?? m[2]));
  return counts.length ? Math.max(...counts) : 0;
}

/** axe-core's WCAG 2.2 AA violations on the page (evaluated through the DevTools protocol, which
 *  the extension page's CSP does not apply to), in the light and the dark scheme. */
async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const out: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
    const result = await page.evaluate(async () => {
      type Rule = { id: string; nodes: { target: string[] }[] };
      const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: Rule[]; passes: Rule[] }> } }).axe;
      const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
      return { violations: r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), passes: r.passes.length };
    });
    expect(result.passes).toBeGreaterThan(20);
    out.push(...result.violations.map((v) => `${colorScheme} ${v}`));
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return out;
}

/** Every area of the extension's storage, as one JSON string. */
async function storageDump(s: Session): Promise<string> {
  return s.worker!.evaluate(async () =>
    JSON.stringify({
      local: await chrome.storage.local.get(null),
      session: await chrome.storage.session.get(null),
      sync: await chrome.storage.sync.get(null),
    }),
  );
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(path));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

/** Which of `values` occur in which files under `dir`: raw bytes, case-insensitive, as UTF-8
 *  and as UTF-16LE (how Chromium keeps some strings, e.g. in IndexedDB and V8 snapshots). */
function grepProfile(dir: string, values: string[]): { value: string; file: string }[] {
  const needles = values.flatMap((value) => {
    const lower = value.toLowerCase();
    return [
      { value, bytes: Buffer.from(lower, 'utf8') },
      { value, bytes: Buffer.from(lower, 'utf16le') },
    ];
  });
  const hits: { value: string; file: string }[] = [];
  for (const file of filesUnder(dir)) {
    if (statSync(file).size === 0) continue;
    const raw = readFileSync(file);
    // ASCII case folding on the bytes: enough for the needles' letters (accents are kept as is).
    const lower = Buffer.from(raw);
    for (let i = 0; i < lower.length; i++) {
      const b = lower[i]!;
      if (b >= 65 && b <= 90) lower[i] = b + 32;
    }
    for (const n of needles) if (lower.includes(n.bytes)) hits.push({ value: n.value, file: relative(dir, file) });
  }
  return hits;
}

describe('known-client roster (options import, in-page warning, nothing kept)', () => {
  let session: Session;
  let options: Page;
  let site: Page;

  beforeAll(async () => {
    session = await launch();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('without a roster, a reply naming a client goes through (the classifier alone does not warn)', async () => {
    site = await session.openFixture('roster-review-reply.html', REVIEW_SITE);
    await typeReply(site, MENTION);
    expect(await expectSentWithoutWarning(site, 1)).toEqual([MENTION]);
  });

  it('imports the roster CSV through the options page file chooser and shows count and date', async () => {
    options = await openOptions(session);
    await expect(options.locator('[data-roster-status]').innerText()).resolves.toBe('No client roster is loaded.');
    await importWithFileChooser(options, ROSTER_CSV);

    const outcome = options.locator('[data-roster-outcome="ok"]');
    await outcome.waitFor();
    expect(await outcome.innerText()).toBe('Roster imported. Clients loaded: 5.');
    const today = await options.evaluate(() => new Date().toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric' }));
    await expect(options.locator('[data-roster-status="user"]').innerText()).resolves.toBe(`5 clients loaded, imported ${today}`);
    // The page keeps nothing of the file: the picker was emptied after the import.
    expect(await options.locator('#roster-file').evaluate((el) => (el as HTMLInputElement).files?.length ?? 0)).toBe(0);
    await expect(options.getByRole('button', { name: 'Remove roster' }).isVisible()).resolves.toBe(true);
    await expect(options.locator('#roster-file-hint').innerText()).resolves.toBe('Importing another file replaces the current roster.');

    // What the background stored: the hashed roster, made with the install secret.
    const stored = await session.worker!.evaluate(async () => chrome.storage.local.get(['roster', 'rosterSize']));
    expect(stored.rosterSize).toBe(5);
    expect(stored.roster).toMatchObject({ source: 'user', roster: { version: 1, count: 5, country: 'US', dateOrder: 'MDY' } });
  });

  it('options page screenshots, light and dark, with the roster loaded', async () => {
    await options.setViewportSize({ width: 1000, height: 900 });
    await options.emulateMedia({ colorScheme: 'light' });
    await options.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
    await options.locator('[data-roster-section]').scrollIntoViewIfNeeded();
    await options.screenshot({ path: join(SCREENSHOTS, 'options.png'), fullPage: true });
    await options.locator('[data-roster-section]').screenshot({ path: join(SCREENSHOTS, 'options-roster.png') });
    await options.emulateMedia({ colorScheme: 'dark' });
    await options.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
    expect(await options.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(17, 19, 23)');
    await options.screenshot({ path: join(SCREENSHOTS, 'options-dark.png'), fullPage: true });
    await options.emulateMedia({ colorScheme: 'light' });
  });

  it('a typed review reply naming one roster client brings up the roster warning, masked', async () => {
    // The tab was open before the import: it picks the roster up without a reload.
    await site.bringToFront();
    await typeReply(site, MENTION);
    await waitForDialog(site);
    const text = await dialogText(site);
    expect(text).toContain('This mentions someone on your client roster');
    expect(text).toContain("At least one matches a client on your practice's roster.");
    expect(text).toContain(MENTION_MASKED);
    for (const raw of ['Dana', 'Whitfield']) expect(text).not.toContain(raw);
    await site.screenshot({ path: join(SCREENSHOTS, 'warning-roster.png') });

    // Cancel: nothing is sent (only the reply sent before the import is there), the reply stays
    // in the box for the user to change.
    await clickDialog(site, 'cancel');
    await waitForDialogGone(site);
    expect(await replies(site)).toEqual([MENTION]);
    expect(await site.locator('#reply').inputValue()).toBe(MENTION);
  });

  it('a pasted mention ("Surname, Given name", a possessive) and an email address of a client warn too', async () => {
    await site.reload();
    await pasteReply(site, 'So proud of Dana Whitfield’s progress this year!');
    await waitForDialog(site);
    expect(await dialogText(site)).toContain(MENTION_MASKED);
    await clickDialog(site, 'cancel');
    await waitForDialogGone(site);

    await pasteReply(site, 'Reply to Kowalczyk, Sarah about the intake forms.');
    await waitForDialog(site);
    let text = await dialogText(site);
    expect(text).toContain('This mentions someone on your client roster');
    expect(text).toContain('K********, S****');
    expect(text).not.toContain('Kowalczyk');
    await clickDialog(site, 'cancel');
    await waitForDialogGone(site);
    expect(await site.locator('#reply').inputValue()).toBe('');

    await pasteReply(site, 'Questions? Write to m.oyelaran@example.net or call (212) 555-0171.');
    await waitForDialog(site);
    text = await dialogText(site);
    expect(text).toContain('This mentions someone on your client roster');
    expect(text).toContain('m***@e******.net');
    expect(text).toContain('(***) ***-**71');
    expect(text).not.toContain('oyelaran');
    expect(text).not.toContain('555-0171');
    await clickDialog(site, 'cancel');
    await waitForDialogGone(site);
  });

  // The classifier sees no person in lower-case text; the roster's spans are merged into
  // the findings (verdict.ts mergeRosterSpans) so redaction still takes the name out.
  it('"Remove identifiers" takes out a roster name the classifier did not see', async () => {
    await site.reload();
    await pasteReply(site, 'so glad dana whitfield liked the new waiting room');
    await waitForDialog(site);
    expect(await dialogText(site)).toContain('d*** w********');
    await clickDialog(site, 'redact');
    await waitForDialogGone(site);
    const delivered = (await site.locator('#reply').inputValue()).toLowerCase();
    expect(delivered).toContain('waiting room');
    expect(delivered).not.toContain('whitfield');
    expect(delivered).toContain('[name 1]');
  });

  it('a common given name of a client alone, or another person with it, does not warn', async () => {
    await site.reload();
    const alone = 'Thanks so much, Sarah! See you at the open house on Saturday.';
    await typeReply(site, alone);
    expect(await expectSentWithoutWarning(site, 1)).toEqual([alone]);
    const other = 'Sarah Johnson and Michael from our front desk will be at the open house.';
    await typeReply(site, other);
    expect(await expectSentWithoutWarning(site, 2)).toEqual([alone, other]);
  });

  it('a roster warning left for later waits in the popup, masked; its decision record prints to PDF', async () => {
    await site.reload();
    await typeReply(site, MENTION);
    await waitForDialog(site);
    await clickDialog(site, 'later');
    await waitForDialogGone(site);
    await expect
      .poll(async () => ((await stored<WarningRecord[]>(session, 'warnings')) ?? []).filter((w) => w.status === 'pending').length, { timeout: 10_000 })
      .toBe(1);
    const [pending] = (await stored<WarningRecord[]>(session, 'warnings'))!.filter((w) => w.status === 'pending');
    expect(pending).toMatchObject({ site: 'biz.yelp.com', channel: 'post', pendingBecause: 'deferred', summary: { reasons: ['known_client'] } });
    expect(pending!.summary.rosterMatches).toEqual([{ type: 'person', masked: MENTION_MASKED }]);

    const popup = await session.context.newPage();
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.goto(`chrome-extension://${EXTENSION_ID}/${POPUP}`);
    await popup.waitForFunction(() => performance.getEntriesByName('clientguard:popup-rendered').length > 0);
    const item = popup.locator('[data-pending-list] > li').first();
    await expect.poll(() => item.innerText()).not.toBe('');
    const itemText = (await item.innerText()).replace(/\s+/g, ' ');
    expect(itemText).toContain('biz.yelp.com');
    expect(itemText).toContain("names from the practice's client roster");
    expect(itemText).toContain(MENTION_MASKED);
    expect(itemText).not.toContain('Whitfield');
    await popup.screenshot({ path: join(SCREENSHOTS, 'popup-roster.png') });

    const [walkthrough] = await Promise.all([session.context.waitForEvent('page'), popup.getByRole('button', { name: 'Decision walkthrough' }).first().click()]);
    await walkthrough.locator('form').waitFor();
    expect(await walkthrough.getByLabel('The problem, in your words').inputValue()).toContain('biz.yelp.com');
    await walkthrough.getByRole('group', { name: 'What happened with the data' }).getByLabel('I did not share it').check();
    await walkthrough.getByRole('button', { name: 'Save the record and resolve the warning' }).click();
    await walkthrough.getByRole('status').filter({ hasText: 'Saved on this device. The warning has moved to history.' }).waitFor();
    await walkthrough.getByRole('heading', { name: 'Ethical decision record' }).waitFor();

    // "Print or save as PDF" is the browser's print dialog (window.print), which automation
    // cannot answer: the call is counted, then headless Chromium prints the same page to PDF.
    await walkthrough.evaluate(() => {
      const w = window as unknown as { __prints: number };
      w.__prints = 0;
      window.print = () => void w.__prints++;
    });
    await walkthrough.getByRole('button', { name: 'Print or save as PDF' }).click();
    expect(await walkthrough.evaluate(() => (window as unknown as { __prints: number }).__prints)).toBe(1);
    await walkthrough.emulateMedia({ media: 'print' });
    await expect(walkthrough.getByRole('button', { name: 'Print or save as PDF' }).isVisible()).resolves.toBe(false);
    await expect(walkthrough.getByRole('heading', { name: 'Step 7' }).first().isVisible()).resolves.toBe(true);
    const pdf = await walkthrough.pdf({ format: 'A4' });
    await walkthrough.emulateMedia({ media: 'screen' });
    const pdfText = pdf.toString('latin1');
    expect(pdfText.startsWith('%PDF-')).toBe(true);
    expect(pdfText.trimEnd().endsWith('%%EOF')).toBe(true);
    expect(pdfTitle(pdf)).toBe('Ethical decision record');
    expect(pdfPages(pdf)).toBeGreaterThanOrEqual(1);
    await walkthrough.close();
    await popup.close();
  });

  it('after import and use, no roster value is in extension storage or in the profile files', async () => {
    // The warnings left behind hold masked examples only.
    const warnings = await session.worker!.evaluate(async () => ((await chrome.storage.local.get('warnings')).warnings ?? []) as unknown[]);
    const history = await session.worker!.evaluate(async () => ((await chrome.storage.local.get('history')).history ?? []) as unknown[]);
    const all = [...warnings, ...history] as WarningRecord[];
    expect(all.length).toBeGreaterThanOrEqual(3);
    expect(all.every((w) => w.summary.reasons.includes('known_client'))).toBe(true);

    const values = rosterValues();
    expect(values.length).toBeGreaterThan(60);
    const dump = (await storageDump(session)).toLowerCase();
    expect(dump).toContain('"roster"');
    expect(values.filter((v) => dump.includes(v.toLowerCase()))).toEqual([]);

    // Close the browser so that everything it keeps is flushed to disk, then read every file.
    await site.close();
    await options.close();
    await session.close({ keepProfile: true });
    const dir = session.userDataDir;
    try {
      const extensionStorage = join(dir, 'Default/Local Extension Settings', EXTENSION_ID);
      expect(filesUnder(extensionStorage).length).toBeGreaterThan(0);
      // The search does read the extension's storage files: names of stored keys are found.
      const control = grepProfile(dir, ['installSecret', 'rosterSize']).map((h) => h.file);
      expect(control.some((f) => f.startsWith(join('Default/Local Extension Settings', EXTENSION_ID)))).toBe(true);
      // Chromium's own session-restore files (Default/Sessions) keep the form state of the tabs,
      // i.e. what was typed into the review page's reply box: that is the user's text in the
      // page, not the roster, and it is the only place a roster value may show up. Values never
      // put into a page (other clients, birth dates, most numbers) must not be anywhere.
      const typedByUser = (hit: { value: string; file: string }) =>
        hit.file.startsWith(join('Default', 'Sessions') + '/') && putIntoPages.some((t) => t.toLowerCase().includes(hit.value.toLowerCase()));
      const hits = grepProfile(dir, values);
      expect(hits.filter((h) => !typedByUser(h))).toEqual([]);
      const neverTyped = values.filter((v) => !putIntoPages.some((t) => t.toLowerCase().includes(v.toLowerCase())));
      expect(neverTyped.length).toBeGreaterThan(50);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('known-client roster on the options page: file problems, other tabs, removal', () => {
  let session: Session;

  beforeAll(async () => {
    session = await launch();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('reports problems by row without values, updates other tabs, and removal switches matching off', async () => {
    const site = await session.openFixture('roster-review-reply.html', REVIEW_SITE);
    await site.locator('#reply').click(); // loads the checking engine in the tab, as a user's focus does
    const other = await openOptions(session);
    const options = await openOptions(session);

    await importWithFileChooser(options, join(FIXTURES, 'roster-problems.csv'));
    const outcome = options.locator('[data-roster-outcome="ok"]');
    await outcome.waitFor();
    const text = await outcome.innerText();
    expect(text).toContain('Roster imported. Clients loaded: 3.');
    expect(text).toContain('Notes about the file:');
    expect(text).toContain('Row 4: needs both a given name and a surname to be matched by name.');
    expect(text).toContain('Row 4: no usable name, email address or phone number; skipped.');
    expect(text).toContain('Row 5: an email address was not recognised.');
    expect(text).toContain('Row 6: a phone number was not recognised.');
    for (const value of ['Prudence', 'not-an-email', 'Oyelaran', 'Kowalczyk', 'Whitfield']) expect(text).not.toContain(value);
    // The section with a loaded roster, its result and the problem list is accessible.
    expect(await axeViolations(options)).toEqual([]);
    // The options page opened earlier follows without a reload.
    await expect.poll(() => other.locator('[data-roster-status]').innerText()).toMatch(/^3 clients loaded, imported /);

    await site.bringToFront();
    await typeReply(site, MENTION);
    await waitForDialog(site);
    expect(await dialogText(site)).toContain(MENTION_MASKED);
    await clickDialog(site, 'cancel');
    await waitForDialogGone(site);
    await site.locator('#reply').fill('');

    // Remove: the browser asks first; "Cancel" keeps the roster.
    await options.bringToFront();
    options.once('dialog', (d) => void d.dismiss());
    await options.getByRole('button', { name: 'Remove roster' }).click();
    await expect(options.locator('[data-roster-status="user"]').innerText()).resolves.toMatch(/^3 clients loaded/);
    options.once('dialog', (d) => {
      expect(d.type()).toBe('confirm');
      expect(d.message()).toContain('Remove the client roster?');
      void d.accept();
    });
    await options.getByRole('button', { name: 'Remove roster' }).click();
    await expect.poll(() => options.locator('[data-roster-status]').innerText()).toBe('No client roster is loaded.');
    await expect(options.locator('[data-roster-outcome="ok"]').innerText()).resolves.toBe('The client roster was removed.');
    await expect.poll(() => other.locator('[data-roster-status]').innerText()).toBe('No client roster is loaded.');
    const stored = await session.worker!.evaluate(async () => chrome.storage.local.get(['roster', 'rosterSize']));
    expect(stored).toEqual({ rosterSize: 0 });

    // The open tab stops matching at once.
    await site.bringToFront();
    await typeReply(site, MENTION);
    await expectSentWithoutWarning(site, 1);
  });
});
