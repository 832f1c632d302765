// The in-page dialog itself, in real Chromium: accessible (axe-core run inside the closed
// shadow root, light and dark, focus, keyboard, 200% zoom), and every way of answering it
// besides Cancel / Share / Remove identifiers, which channels.e2e.ts covers: "Not client data"
// delivers the original and records the false alarm, "Decide later" and leaving the page keep
// the action held and leave a pending warning.
import { describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { COVERED, ROOT, SAMPLE_CLIENT_LIST, fieldState, realPaste, type Session } from './harness';
import { withReferenceBrowser } from './browser-pair';
import { cdp, clickDialog, isDialogShowing, waitForDialog, waitForDialogGone } from './dialog-driver';
import {
  allStorage,
  axeOnDialog,
  badgeText,
  dialogBox,
  dialogControls,
  dialogFocus,
  dialogSemantics,
  dialogSettled,
  pendingCount,
  storedValue,
  waitForBadge,
} from './channels-helpers';
import type { WarningRecord } from '../../src/core/warnings';

const SCREENSHOTS = join(ROOT, 'docs/screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });

/** Every name, email and phone number of the sample list; first and last names, email local
 *  parts and phone digits alone too. */
const RAW_VALUES = SAMPLE_CLIENT_LIST.split('\n')
  .slice(1)
  .flatMap((line) => line.split(','))
  .flatMap((v) => (/\d{3}-\d{4}/.test(v) ? [v, v.replace(/\D/g, ''), v.replace(/^\(\d+\) /, '')] : v.includes('@') ? [v, v.split('@')[0]!] : [v, ...v.split(' ')]));

let guarded: Session;
let reference: Session;
withReferenceBrowser((g, r) => {
  guarded = g;
  reference = r;
});

async function pasteList(page: Page, selector = '#ta'): Promise<void> {
  await realPaste(page, selector, SAMPLE_CLIENT_LIST);
  await waitForDialog(page);
}

async function history(session: Session): Promise<WarningRecord[]> {
  return (await storedValue<WarningRecord[]>(session, 'history')) ?? [];
}

async function warnings(session: Session): Promise<WarningRecord[]> {
  return (await storedValue<WarningRecord[]>(session, 'warnings')) ?? [];
}

/** The warning raised last in this browser, wherever it is now. */
async function newest(session: Session): Promise<WarningRecord | undefined> {
  const all = [...(await warnings(session)), ...(await history(session))];
  return all.sort((a, b) => b.createdAt - a.createdAt)[0];
}

/** The warning the dialog now showing raised (the worker records it while the dialog opens). */
async function raisedSince(session: Session, since: number): Promise<WarningRecord> {
  await expect.poll(async () => ((await newest(session))?.createdAt ?? 0) >= since, { timeout: 10_000 }).toBe(true);
  return (await newest(session))!;
}

/** Answers the dialog (so that closing the tab does not leave a pending warning behind). */
async function dismiss(page: Page): Promise<void> {
  await clickDialog(page, 'cancel');
  await waitForDialogGone(page);
}

describe('the dialog is accessible', () => {
  it('axe-core finds no violations inside the closed shadow root, light and dark; screenshots for the docs', async () => {
    const page = await guarded.openFixture('fields.html');
    await pasteList(page);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      const outcome = await axeOnDialog(page);
      expect(outcome.violations, colorScheme).toEqual([]);
      expect(outcome.incomplete, colorScheme).toEqual([]);
      // No violations only means something if axe really checked the dialog's contents.
      for (const rule of ['color-contrast', 'button-name', 'aria-dialog-name', 'select-name', 'list', 'heading-order']) {
        expect(outcome.passed, `${colorScheme}: ${rule}`).toContain(rule);
      }
      await dialogSettled(page);
      await page.screenshot({ path: join(SCREENSHOTS, `warning-${colorScheme}.png`) });
    }
    await dismiss(page);
    await page.close();
  });

  it('is a modal alertdialog named by its title; focus starts on Cancel and Tab / Shift+Tab stay inside', async () => {
    const page = await guarded.openFixture('fields.html');
    await pasteList(page);
    const semantics = await dialogSemantics(page);
    expect(semantics).toMatchObject({ tag: 'dialog', role: 'alertdialog', modal: 'true', open: true });
    expect(semantics.name).toMatch(/list of your clients/i);

    // The accessibility tree (what a screen reader gets) has it too, through the closed root.
    const { nodes } = (await (await cdp(page)).send('Accessibility.getFullAXTree')) as {
      nodes: { role?: { value: string }; name?: { value: string }; ignored: boolean }[];
    };
    const exposed = nodes.filter((n) => !n.ignored && n.role?.value === 'alertdialog');
    expect(exposed.map((n) => n.name?.value)).toEqual([semantics.name]);

    await expect.poll(() => dialogFocus(page)).toBe('cancel');
    const controls = ['reason', 'cancel', 'redact', 'share', 'not-client', 'later']; // document order
    const forward: string[] = [];
    for (let i = 0; i < controls.length * 2; i++) {
      await page.keyboard.press('Tab');
      forward.push(await dialogFocus(page));
    }
    // From Cancel: the rest of the buttons, then round to the first control, and again.
    const from = controls.indexOf('cancel');
    expect(forward).toEqual(Array.from({ length: controls.length * 2 }, (_, i) => controls[(from + 1 + i) % controls.length]));
    const backward: string[] = [];
    for (let i = 0; i < controls.length + 2; i++) {
      await page.keyboard.press('Shift+Tab');
      backward.push(await dialogFocus(page));
    }
    const at = controls.indexOf(forward[forward.length - 1]!);
    expect(backward).toEqual(Array.from({ length: controls.length + 2 }, (_, i) => controls[(((at - 1 - i) % controls.length) + controls.length) % controls.length]));
    await dismiss(page);
    await page.close();
  });

  it('the keyboard alone can decide: Escape cancels (nothing pasted), Enter on a focused button chooses it', async () => {
    const page = await guarded.openFixture('fields.html');
    const before = await fieldState(page, '#ta');
    const since = Date.now();
    await pasteList(page);
    const raised = await raisedSince(guarded, since);
    await page.keyboard.press('Escape');
    await waitForDialogGone(page);
    expect(await fieldState(page, '#ta')).toBe(before);
    await expect.poll(async () => (await history(guarded)).find((h) => h.id === raised.id)?.decision).toBe('cancelled');

    await pasteList(page);
    await expect.poll(() => dialogFocus(page)).toBe('cancel');
    await page.keyboard.press('Tab'); // Remove identifiers
    expect(await dialogFocus(page)).toBe('redact');
    await page.keyboard.press('Enter');
    await waitForDialogGone(page);
    await expect.poll(() => page.locator('#ta').inputValue()).toMatch(/\[EMAIL 1\]/);
    await page.close();
  });

  it('at 200% zoom every control is on screen, unobstructed and clickable', async () => {
    const page = await guarded.openFixture('fields.html');
    // 200% browser zoom of the 1280x900 window: a 640x450 CSS-pixel viewport at 2 device pixels each.
    await (await cdp(page)).send('Emulation.setDeviceMetricsOverride', { width: 640, height: 450, deviceScaleFactor: 2, mobile: false });
    await expect.poll(() => page.evaluate(() => [innerWidth, innerHeight, devicePixelRatio])).toEqual([640, 450, 2]);
    await pasteList(page);
    await dialogSettled(page);
    const { dialog, viewport, titleVisible } = await dialogBox(page);
    expect(viewport).toEqual({ width: 640, height: 450 });
    expect(titleVisible).toBe(true);
    expect(dialog.x).toBeGreaterThanOrEqual(0);
    expect(dialog.y).toBeGreaterThanOrEqual(0);
    expect(dialog.x + dialog.width).toBeLessThanOrEqual(viewport.width);
    expect(dialog.y + dialog.height).toBeLessThanOrEqual(viewport.height);
    const controls = await dialogControls(page);
    expect(controls.map((c) => c.action)).toEqual(['cancel', 'redact', 'share', 'not-client', 'later']);
    for (const c of controls) {
      expect(c.hit, `${c.action} is the element under its own centre`).toBe(true);
      expect(c.box.x, c.action).toBeGreaterThanOrEqual(dialog.x);
      expect(c.box.y, c.action).toBeGreaterThanOrEqual(dialog.y);
      expect(c.box.x + c.box.width, c.action).toBeLessThanOrEqual(dialog.x + dialog.width);
      expect(c.box.y + c.box.height, c.action).toBeLessThanOrEqual(dialog.y + dialog.height);
      expect(c.box.height, `${c.action} is a usable target`).toBeGreaterThanOrEqual(24);
    }
    // And it works there: a real click on Cancel closes it, nothing pasted.
    await clickDialog(page, 'cancel');
    await waitForDialogGone(page);
    expect(await page.locator('#ta').inputValue()).toBe('Existing line\n');
    await page.close();
  });
});

describe('"Not client data"', () => {
  it('delivers exactly what the page gets without the extension, and records the false alarm with no raw values', async () => {
    const refPage = await reference.openFixture('fields.html');
    await realPaste(refPage, '#ta', SAMPLE_CLIENT_LIST);
    await expect.poll(() => refPage.locator('#ta').inputValue()).toContain('Tom Becker');
    const expected = await fieldState(refPage, '#ta');
    await refPage.close();

    const badgeBefore = await badgeText(guarded);
    const pendingBefore = await pendingCount(guarded);
    const page = await guarded.openFixture('fields.html');
    const since = Date.now();
    await pasteList(page);
    const raised = await raisedSince(guarded, since);
    expect(raised.status).toBe('open');
    await clickDialog(page, 'not-client');
    await waitForDialogGone(page);
    await expect.poll(() => fieldState(page, '#ta')).toBe(expected);

    // The decision is in the history, marked as a false alarm decided in the page.
    await expect.poll(async () => (await history(guarded)).find((h) => h.id === raised.id)?.decision).toBe('not_client_data');
    const entry = (await history(guarded)).find((h) => h.id === raised.id)!;
    expect(entry).toMatchObject({ status: 'resolved', decidedIn: 'page', channel: 'paste', site: new URL(COVERED).hostname });
    expect(entry.summary.people).toBe(4);
    expect(entry.summary.examples).toEqual([]); // history drops even the masked examples
    expect((await warnings(guarded)).some((w) => w.id === raised.id)).toBe(false);
    // Not a pending warning: the badge did not change.
    expect(await pendingCount(guarded)).toBe(pendingBefore);
    expect(await badgeText(guarded)).toBe(badgeBefore);
    // Nothing the user pasted reached storage.
    const storage = await allStorage(guarded);
    for (const value of RAW_VALUES) expect(storage, value).not.toContain(value);
    await page.close();
  });
});

describe('a warning left undecided stays held and waits in the popup', () => {
  it('"Decide later": nothing is pasted, the page saw nothing, the warning is pending and the badge counts it', async () => {
    const pendingBefore = await pendingCount(guarded);
    const page = await guarded.openFixture('fields.html');
    const before = await fieldState(page, '#ta');
    const since = Date.now();
    await pasteList(page);
    const raised = await raisedSince(guarded, since);
    await clickDialog(page, 'later');
    await waitForDialogGone(page);
    await waitForBadge(guarded, String(pendingBefore + 1));
    const record = (await warnings(guarded)).find((w) => w.id === raised.id);
    expect(record).toMatchObject({ status: 'pending', pendingBecause: 'deferred', channel: 'paste' });
    expect(await fieldState(page, '#ta')).toBe(before);
    expect(await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen)).toEqual([]);
    await page.close();
  });

  it('navigating away with the dialog open: the form is never sent, the warning is pending', async () => {
    const pendingBefore = await pendingCount(guarded);
    const page = await guarded.openFixture('ch-post.html');
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST') posts.push(r.url());
    });
    await page.locator('#db').fill(SAMPLE_CLIENT_LIST);
    const since = Date.now();
    await page.click('#send');
    await waitForDialog(page);
    const raised = await raisedSince(guarded, since);
    expect(raised.channel).toBe('form');
    await page.goto(`${COVERED}/__fixtures/popup-elsewhere.html`);
    await waitForBadge(guarded, String(pendingBefore + 1));
    expect((await warnings(guarded)).find((w) => w.id === raised.id)).toMatchObject({ status: 'pending', pendingBecause: 'navigated' });
    expect(await isDialogShowing(page)).toBe(false);
    expect(posts).toEqual([]);
    await page.close();
  });

  it('a single-page app re-rendering on Back removes the dialog: the paste stays held, the warning is pending', async () => {
    const pendingBefore = await pendingCount(guarded);
    const page = await guarded.openFixture('ch-spa.html');
    const since = Date.now();
    await pasteList(page, '#ids');
    const raised = await raisedSince(guarded, since);
    await page.goBack(); // same document: popstate, and the app replaces document.body
    await expect.poll(() => page.evaluate(() => (window as unknown as { __routes: string[] }).__routes)).toEqual(['#campaigns']);
    await waitForDialogGone(page);
    await waitForBadge(guarded, String(pendingBefore + 1));
    expect((await warnings(guarded)).find((w) => w.id === raised.id)).toMatchObject({ status: 'pending' });
    expect(await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen)).toEqual([]);
    expect(await page.locator('body').innerText()).not.toContain('maria');
    await page.close();
  });
});
