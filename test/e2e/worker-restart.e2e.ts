// The service worker can be stopped at any time (Chromium stops an idle one after 30 s, and
// updates or crashes stop it too) while a warning is on screen. Nothing may get lost: the
// dialog stays, the content script reconnects its port to the new worker, a decision made
// after the restart is recorded, and leaving the page still turns the warning into a pending
// one. The worker is stopped the way Chromium does it, from the browser's DevTools target list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { COVERED, SAMPLE_CLIENT_LIST, fieldState, launch, realPaste, type Session } from './harness';
import { clickDialog, isDialogShowing, waitForDialog, waitForDialogGone } from './dialog-driver';
import type { WarningRecord } from '../../src/core/warnings';

let session: Session;
let browserCdp: CDPSession;
/** An extension page: reads storage and the badge whichever worker is running. */
let extPage: Page;

beforeAll(async () => {
  session = await launch();
  browserCdp = await session.context.browser()!.newBrowserCDPSession();
  extPage = await session.openExtensionPage('src/popup/index.html');
});
afterAll(async () => {
  await session?.close();
});

/** Stops the running worker (its DevTools target is closed) and waits until a new one runs:
 *  the target stays listed, but a mark left in the old worker's global scope is gone. */
async function restartWorker(): Promise<void> {
  const { targetInfos } = (await browserCdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
  const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${session.extensionId}/`));
  expect(target).toBeDefined();
  const mark = `m${Math.random()}`;
  await session.worker!.evaluate((m) => {
    (self as unknown as { __restartMark?: string }).__restartMark = m;
  }, mark);
  await browserCdp.send('Target.closeTarget', { targetId: target!.targetId });
  // Any message starts the worker again; the page's reconnecting port alone does too, but the
  // tests below must not depend on it for the restart itself, only for what it reports.
  await expect
    .poll(
      async () => {
        await extPage.evaluate(() => chrome.runtime.sendMessage({ type: 'test/wake' }).catch(() => undefined));
        return session.worker!.evaluate(() => (self as unknown as { __restartMark?: string }).__restartMark ?? 'restarted');
      },
      { timeout: 15_000 },
    )
    .toBe('restarted');
}

async function stored<T>(key: string): Promise<T | undefined> {
  return extPage.evaluate(async (k) => (await chrome.storage.local.get(k))[k] as unknown, key) as Promise<T | undefined>;
}

async function record(id: string): Promise<WarningRecord | undefined> {
  const all = [...((await stored<WarningRecord[]>('warnings')) ?? []), ...((await stored<WarningRecord[]>('history')) ?? [])];
  return all.find((w) => w.id === id);
}

/** Pastes the sample list into the fixture's textarea and returns the warning it raised. */
async function raiseWarning(page: Page): Promise<WarningRecord> {
  const since = Date.now();
  await realPaste(page, '#ta', SAMPLE_CLIENT_LIST);
  await waitForDialog(page);
  let raised: WarningRecord | undefined;
  await expect
    .poll(async () => {
      raised = ((await stored<WarningRecord[]>('warnings')) ?? []).find((w) => w.createdAt >= since);
      return raised?.status;
    }, { timeout: 10_000 })
    .toBe('open');
  return raised!;
}

describe('the worker stops while a warning is on screen', () => {
  it('the dialog stays; Cancel after the restart keeps the text as it was and is recorded', async () => {
    const page = await session.openFixture('fields.html');
    const before = await fieldState(page, '#ta');
    const raised = await raiseWarning(page);

    await restartWorker();
    // The new worker checked the warnings left open (sweepOpen): this one still shows, so it
    // stays open rather than turning pending.
    await page.waitForTimeout(500);
    expect(await isDialogShowing(page)).toBe(true);
    expect((await record(raised.id))?.status).toBe('open');

    await clickDialog(page, 'cancel');
    await waitForDialogGone(page);
    expect(await fieldState(page, '#ta')).toBe(before);
    await expect.poll(async () => (await record(raised.id))?.decision, { timeout: 10_000 }).toBe('cancelled');
    expect(await extPage.evaluate(() => chrome.action.getBadgeText({}))).toBe('');
    await page.close();
  });

  it('leaving the page after the restart still makes the warning pending, and the badge counts it', async () => {
    const page = await session.openFixture('fields.html');
    const raised = await raiseWarning(page);

    await restartWorker();
    await page.waitForTimeout(500);
    expect((await record(raised.id))?.status).toBe('open');

    // The port the content script reconnected to the new worker is what tells it the page left.
    await page.goto(`${COVERED}/__fixtures/popup-elsewhere.html`);
    await expect.poll(async () => (await record(raised.id))?.status, { timeout: 10_000 }).toBe('pending');
    expect(await record(raised.id)).toMatchObject({ pendingBecause: 'navigated', channel: 'paste' });
    await expect.poll(() => extPage.evaluate(() => chrome.action.getBadgeText({})), { timeout: 10_000 }).toBe('1');
    await page.close();
  });
});
