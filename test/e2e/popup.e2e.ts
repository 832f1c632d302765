// The popup and the walkthrough, in real Chromium with the built extension. Warnings come
// from the real path: a Control+V of a client list on a covered site shows the in-page dialog,
// then the user navigates away without deciding, and the warning waits in the popup.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { Locator, Page } from 'playwright-core';
import { COVERED, ROOT, SAMPLE_CLIENT_LIST, launch, realPaste, type Session } from './harness';
import { waitForDialog } from './dialog-driver';
import { badgeText, waitForBadge } from './channels-helpers';
import { readLocaleFile } from '../unit/popup/catalogue';
import type { WarningRecord } from '../../src/core/warnings';
import type { DecisionRecord } from '../../src/core/decision-record';

const SCREENSHOTS = join(ROOT, 'docs/screenshots');
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const POPUP = 'src/popup/index.html';
const POPUP_SIZE = { width: 400, height: 600 };

/** Every name, email and phone number of the sample list, and the phone digits alone. */
const RAW_IDENTIFIERS = SAMPLE_CLIENT_LIST.split('\n')
  .slice(1)
  .flatMap((line) => line.split(','))
  .flatMap((value) => [value, value.replace(/\D/g, '').length >= 7 ? value.replace(/^.*\) /, '') : value]);

mkdirSync(SCREENSHOTS, { recursive: true });

/**
 * Rows use content-visibility:auto, so innerText is '' until the browser has laid them out
 * (it skips rows it has not rendered yet): scroll the row in and wait for its text.
 */
async function renderedText(row: Locator): Promise<string> {
  await row.scrollIntoViewIfNeeded();
  await expect.poll(() => row.innerText()).not.toBe('');
  return (await row.innerText()).replace(/\s+/g, ' ');
}

async function stored<T>(session: Session, key: string): Promise<T> {
  return session.worker!.evaluate(async (k) => (await chrome.storage.local.get(k))[k], key) as Promise<T>;
}

/** The user's path to a pending warning: paste a client list, leave the page undecided. */
async function leaveWarningPending(session: Session): Promise<WarningRecord> {
  const before = ((await stored<WarningRecord[] | undefined>(session, 'warnings')) ?? []).length;
  const page = await session.openFixture('popup-audience.html');
  await realPaste(page, '#identifiers', SAMPLE_CLIENT_LIST);
  await waitForDialog(page);
  await page.goto(`${COVERED}/__fixtures/popup-elsewhere.html`);
  await waitForBadge(session, String(before + 1));
  const warnings = (await stored<WarningRecord[]>(session, 'warnings')) ?? [];
  const newest = warnings.find((w) => w.tabId !== undefined && w.status === 'pending' && w.createdAt === Math.max(...warnings.map((x) => x.createdAt)));
  expect(newest).toBeDefined();
  return newest as WarningRecord;
}

async function openPopup(session: Session): Promise<Page> {
  const page = await session.context.newPage();
  await page.setViewportSize(POPUP_SIZE);
  await page.goto(`chrome-extension://${session.extensionId}/${POPUP}`);
  await page.waitForFunction(() => performance.getEntriesByName('clientguard:popup-rendered').length > 0);
  return page;
}

/** Opens the walkthrough for the first pending warning the way the user does, from the popup. */
async function openWalkthrough(session: Session, popup: Page): Promise<Page> {
  const [page] = await Promise.all([session.context.waitForEvent('page'), popup.getByRole('button', { name: /walkthrough|paso a paso/i }).first().click()]);
  await page.waitForLoadState();
  await page.locator('form').waitFor();
  return page;
}

async function axeViolations(page: Page): Promise<string[]> {
  // addScriptTag inserts an inline <script>, which an extension page's CSP (script-src 'self')
  // refuses; evaluating the source through the DevTools protocol is not subject to CSP.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const { violations, passes } = await page.evaluate(async () => {
    type Rule = { id: string; nodes: { target: string[] }[] };
    const result = await (window as unknown as { axe: { run: () => Promise<{ violations: Rule[]; passes: Rule[] }> } }).axe.run();
    return { violations: result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), passes: result.passes.length };
  });
  // No violations only means something if axe actually checked the page.
  expect(passes).toBeGreaterThan(10);
  return violations;
}

/** Switches the colour scheme and waits for colour transitions to settle. */
async function setScheme(page: Page, colorScheme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme });
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
}

/** Violations in the light and the dark colour scheme. */
async function axeBothSchemes(page: Page): Promise<string[]> {
  const out: string[] = [];
  for (const colorScheme of ['dark', 'light'] as const) {
    await setScheme(page, colorScheme);
    out.push(...(await axeViolations(page)).map((v) => `${colorScheme} ${v}`));
  }
  return out;
}

/** Visible text of elements that must carry a label; empty ones and raw message names. */
async function unlabelled(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('h1, h2, h3, button, label, legend, dt, p, option, time, a, title')) {
      const text = (el.textContent ?? '').trim();
      if (!text && !(el instanceof HTMLParagraphElement && (el.getAttribute('role') === 'alert' || el.getAttribute('role') === 'status'))) problems.push(`empty <${el.tagName.toLowerCase()}>`);
      if (/^(popup|walkthrough|channel|kind)[A-Z]\w*$/.test(text)) problems.push(`message name shown: ${text}`);
    }
    for (const el of document.querySelectorAll<HTMLElement>('[aria-label]')) if (!el.getAttribute('aria-label')?.trim()) problems.push('empty aria-label');
    return problems;
  });
}

describe('popup (English)', () => {
  let session: Session;
  let firstWarning: WarningRecord;
  const missing: string[] = [];

  beforeAll(async () => {
    session = await launch();
    session.context.on('console', (m) => {
      if (m.text().includes('missing message')) missing.push(m.text());
    });
  });

  afterAll(async () => {
    expect(missing).toEqual([]);
    await session?.close();
  });

  it('shows reassurance when nothing is pending, and no badge', async () => {
    expect(await badgeText(session)).toBe('');
    const popup = await openPopup(session);
    await expect(popup.locator('[data-empty]').textContent()).resolves.toContain('No pending warnings.');
    expect(await axeBothSchemes(popup)).toEqual([]);
    await popup.screenshot({ path: join(SCREENSHOTS, 'popup-empty.png') });
    await popup.close();
  });

  it('a warning left unresolved in a page appears in the popup and the badge', async () => {
    firstWarning = await leaveWarningPending(session);
    expect(firstWarning).toMatchObject({ site: 'business.facebook.com', channel: 'paste', pendingBecause: 'navigated' });
    await waitForBadge(session, '1');

    const popup = await openPopup(session);
    const items = popup.locator('[data-pending-list] > li');
    await expect(items.count()).resolves.toBe(1);
    const text = await renderedText(items.first());
    expect(text).toContain('business.facebook.com');
    expect(text).toContain('Paste');
    expect(text).toContain('names: 4, email addresses: 4, phone numbers: 4');
    expect(text).toContain('The page closed or changed before you decided.');
    expect(text).toMatch(/ago|now/);
    for (const e of firstWarning.summary.examples) expect(text).toContain(e.masked);
    const whole = await popup.locator('body').innerText();
    for (const raw of RAW_IDENTIFIERS) expect(whole).not.toContain(raw);
    await expect(popup.getByRole('button', { name: 'Pending (1)' }).getAttribute('aria-pressed')).resolves.toBe('true');

    expect(await axeBothSchemes(popup)).toEqual([]);
    await popup.screenshot({ path: join(SCREENSHOTS, 'popup.png') });
    await setScheme(popup, 'dark');
    await popup.screenshot({ path: join(SCREENSHOTS, 'popup-dark.png') });
    await popup.close();
  });

  it('resolving it clears the badge and moves it to history, without the masked examples', async () => {
    const popup = await openPopup(session);
    await popup.getByRole('button', { name: 'Resolve' }).click();
    // Keyboard only: the outcome radios and the save button.
    await popup.getByRole('radio', { name: 'I did not share it' }).focus();
    await popup.keyboard.press('Space');
    await expect(popup.getByRole('radio', { name: 'I did not share it' }).isChecked()).resolves.toBe(true);
    expect(await axeBothSchemes(popup)).toEqual([]);
    await popup.screenshot({ path: join(SCREENSHOTS, 'popup-resolve.png') });
    await popup.getByRole('button', { name: 'Save decision' }).press('Enter');

    await popup.locator('[data-empty]').waitFor();
    await waitForBadge(session, '');
    expect(await stored<WarningRecord[]>(session, 'warnings')).toEqual([]);
    const history = await stored<WarningRecord[]>(session, 'history');
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ id: firstWarning.id, status: 'resolved', decision: 'cancelled', decidedIn: 'popup' });
    expect(history[0]?.summary.examples).toEqual([]);

    await popup.getByRole('button', { name: 'History', exact: true }).click();
    const entry = await renderedText(popup.locator('.history > li').first());
    expect(entry).toContain('business.facebook.com');
    expect(entry).toContain('Did not share');
    expect(entry).toContain('decided here, later');
    for (const e of firstWarning.summary.examples) expect(entry).not.toContain(e.masked);
    expect(await axeBothSchemes(popup)).toEqual([]);
    await popup.screenshot({ path: join(SCREENSHOTS, 'popup-history.png') });
    await popup.close();
  });

  it('the walkthrough produces a decision record; its Markdown export holds the decision and no identifier', async () => {
    const warning = await leaveWarningPending(session);
    const popup = await openPopup(session);
    const page = await openWalkthrough(session, popup);
    await page.setViewportSize({ width: 900, height: 900 });

    // Step 1 is pre-filled with what happened.
    const problem = await page.getByLabel('The problem, in your words').inputValue();
    expect(problem).toContain('business.facebook.com');
    expect(problem).toContain('names: 4');
    await page.getByLabel('ACA Code of Ethics (2014), B.1.c, Respect for Confidentiality').check();
    await page.getByLabel('HIPAA Privacy Rule, 45 CFR 164.508(a)(3): authorization for marketing').check();
    await page.getByLabel('Hashing a list does not make it anonymous').check();
    await page.getByLabel('Autonomy', { exact: true }).check();
    await page.getByLabel('Fidelity', { exact: true }).check();
    await page.getByLabel('Consultation: whom you asked and what they advised').fill('Clinical supervisor: decline; marketing must not use the client list.');
    await page.getByLabel('Decline', { exact: true }).check();
    await page.getByLabel('Share the data as the site asked').check();
    await page.getByLabel('Consequences of: Decline').fill('No free ads this quarter; confidentiality kept.');
    await page.getByLabel('Consequences of: Share the data as the site asked').fill('Every client on the list is identified to the platform as a therapy client.');
    await page.getByRole('group', { name: 'The course I choose' }).getByLabel('Decline').check();
    for (const test of ['Justice', 'Publicity', 'Universality']) await page.getByRole('group', { name: new RegExp(`^${test}:`) }).getByLabel('Yes').check();
    await page.getByLabel('What I will do, and when').fill('Reply to the vendor today; remove the draft audience.');
    await page.getByRole('group', { name: 'What happened with the data' }).getByLabel('I did not share it').check();
    expect(await axeBothSchemes(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'popup-walkthrough.png'), fullPage: true });

    await page.getByRole('button', { name: 'Save the record and resolve the warning' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved on this device. The warning has moved to history.' }).waitFor();
    expect(new URL(page.url()).searchParams.get('record')).toBeTruthy();
    await waitForBadge(session, '');

    const records = await stored<DecisionRecord[]>(session, 'decisionRecords');
    expect(records).toHaveLength(1);
    const history = await stored<WarningRecord[]>(session, 'history');
    expect(history[0]).toMatchObject({ id: warning.id, decision: 'cancelled', decisionRecordId: records[0]?.id, decidedIn: 'popup' });
    const recordJson = JSON.stringify(records);
    for (const e of warning.summary.examples) expect(recordJson).not.toContain(e.masked);
    for (const raw of RAW_IDENTIFIERS) expect(recordJson).not.toContain(raw);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download as Markdown' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^clientguard-decision-\d{4}-\d{2}-\d{2}-business\.facebook\.com\.md$/);
    const markdown = readFileSync(await download.path(), 'utf8');
    expect(markdown).toMatch(/^# Ethical decision record\n/);
    expect(markdown).toContain('**What happened with the data**: I did not share it');
    expect(markdown).toContain('**The course I choose**: Decline');
    expect(markdown).toContain('- [x] ACA Code of Ethics (2014), B.1.c, Respect for Confidentiality');
    expect(markdown).toContain('Clinical supervisor: decline');
    expect(markdown).toContain('- Site: business.facebook.com');
    for (const e of warning.summary.examples) expect(markdown).not.toContain(e.masked);
    for (const raw of RAW_IDENTIFIERS) expect(markdown).not.toContain(raw);

    expect(await axeBothSchemes(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'popup-record.png'), fullPage: true });
    // Printing (window.print -> PDF) hides the controls and keeps the record.
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('button', { name: 'Download as Markdown' }).isVisible()).resolves.toBe(false);
    await expect(page.getByRole('heading', { name: 'Ethical decision record' }).isVisible()).resolves.toBe(true);
    await page.emulateMedia({ media: 'screen' });

    // The history links back to the saved record.
    const again = await openPopup(session);
    await again.getByRole('button', { name: 'History', exact: true }).click();
    const [recordPage] = await Promise.all([session.context.waitForEvent('page'), again.getByRole('button', { name: 'View decision record' }).click()]);
    await recordPage.getByRole('heading', { name: 'Ethical decision record' }).waitFor();
    expect(await recordPage.locator('main').innerText()).toContain('Reply to the vendor today');
    await recordPage.close();
    await page.close();
  });

  it('clearing history asks first, then empties it', async () => {
    const popup = await openPopup(session);
    await popup.getByRole('button', { name: 'History', exact: true }).click();
    await popup.getByRole('button', { name: 'Clear history…' }).click();
    await popup.getByRole('button', { name: 'Keep it' }).click();
    expect(await stored<WarningRecord[]>(session, 'history')).toHaveLength(2);
    await popup.getByRole('button', { name: 'Clear history…' }).click();
    await popup.getByRole('button', { name: 'Delete history' }).click();
    await popup.getByText('No resolved warnings yet.').waitFor();
    expect(await stored<WarningRecord[]>(session, 'history')).toEqual([]);
    // Decision records are the clinician's documentation: clearing history keeps them.
    expect(await stored<DecisionRecord[]>(session, 'decisionRecords')).toHaveLength(1);
    await popup.close();
  });
});

describe('popup with a long list', () => {
  let session: Session;

  beforeAll(async () => {
    session = await launch();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('renders every pending warning of a long list, newest first', async () => {
    const now = Date.now();
    const warnings: WarningRecord[] = Array.from({ length: 150 }, (_, i) => ({
      id: `seeded-${i}`,
      site: `site-${i}.example.com`,
      channel: 'paste',
      createdAt: now - i * 60_000,
      status: 'pending',
      pendingBecause: 'deferred',
      summary: { verdict: 'warning', reasons: ['client_list'], counts: { email: 5 }, people: 5, examples: [] },
    }));
    // Written straight to storage: this test is about rendering, not about how warnings arrive.
    await session.worker!.evaluate((w) => chrome.storage.local.set({ warnings: w }), warnings);
    await waitForBadge(session, '150');
    const popup = await openPopup(session);
    await popup.waitForFunction(() => performance.getEntriesByName('clientguard:popup-complete').length > 0);
    const sites = await popup.locator('[data-pending-list] > li h3').allTextContents();
    expect(sites).toEqual(warnings.map((w) => w.site));
    await expect(popup.getByRole('button', { name: 'Pending (150)' }).count()).resolves.toBe(1);
    await popup.close();
  });
});

describe('popup and walkthrough in Spanish', () => {
  let session: Session;
  const missing: string[] = [];
  const es = readLocaleFile('es', 'popup.json');

  beforeAll(async () => {
    session = await launch({ locale: 'es' });
    session.context.on('console', (m) => {
      if (m.text().includes('missing message')) missing.push(m.text());
    });
  });

  afterAll(async () => {
    await session?.close();
  });

  it('renders every string in Spanish, with no missing or empty label, and passes axe', async () => {
    await leaveWarningPending(session);
    const popup = await openPopup(session);
    expect(await popup.evaluate(() => chrome.i18n.getUILanguage())).toMatch(/^es/);
    // Every popup and walkthrough message resolves to a non-empty Spanish string.
    const empty = await popup.evaluate((names) => names.filter((n) => !chrome.i18n.getMessage(n)), Object.keys(es));
    expect(empty).toEqual([]);
    await expect(popup.getByRole('heading', { level: 2 }).first().textContent()).resolves.toBe(es.popupPendingHeading?.message);
    await expect(popup.evaluate(() => document.documentElement.lang)).resolves.toMatch(/^es/);
    const text = await renderedText(popup.locator('[data-pending-list] > li').first());
    expect(text).toContain('Pegar');
    expect(text).toContain('nombres: 4');
    expect(text).toMatch(/hace|ahora/);

    await popup.getByRole('button', { name: 'Resolver' }).click();
    expect(await unlabelled(popup)).toEqual([]);
    expect(await axeBothSchemes(popup)).toEqual([]);
    await popup.screenshot({ path: join(SCREENSHOTS, 'popup-es.png') });

    const page = await openWalkthrough(session, popup);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(es.walkthroughTitle?.message);
    expect(await unlabelled(page)).toEqual([]);
    expect(await axeBothSchemes(page)).toEqual([]);
    await page.getByRole('group', { name: 'Qué pasó con los datos' }).getByLabel('No son datos de clientes').check();
    await page.getByRole('button', { name: 'Guardar el registro y resolver el aviso' }).click();
    await page.getByRole('heading', { name: 'Registro de decisión ética' }).waitFor();
    expect(await unlabelled(page)).toEqual([]);
    expect(await axeBothSchemes(page)).toEqual([]);
    await waitForBadge(session, '');

    const history = await openPopup(session);
    await history.getByRole('button', { name: 'Historial', exact: true }).click();
    expect(await renderedText(history.locator('.history > li').first())).toContain('No eran datos de clientes');
    expect(await unlabelled(history)).toEqual([]);
    expect(await axeBothSchemes(history)).toEqual([]);
    expect(missing).toEqual([]);
  });
});
