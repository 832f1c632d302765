// A hostile page: it registers its listeners as early as a page can, stops propagation,
// patches prototypes, probes the DOM and tries to answer the warning for the user.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_CLIENT_LIST, launch, realPaste, type Session } from './harness';
import { clickDialog, dialogText, isDialogShowing, waitForDialog, waitForDialogGone } from './dialog-driver';

let session: Session;

beforeAll(async () => {
  session = await launch();
});
afterAll(async () => {
  await session?.close();
});

type Probe = { html: string; text: string; openRoots: string[]; dialogs: number };

describe('a hostile page', () => {
  it('cannot hide a paste from ClientGuard by listening first and stopping propagation', async () => {
    const page = await session.openFixture('hostile.html');
    await realPaste(page, '#ta', SAMPLE_CLIENT_LIST);
    await waitForDialog(page);
    // ClientGuard held it before the page's earliest listeners ran.
    expect(await page.evaluate(() => (window as unknown as { __hostile: { pastes: number } }).__hostile.pastes)).toBe(0);
    await clickDialog(page, 'cancel');
    await page.close();
  });

  it('cannot read the findings or the warning text', async () => {
    const page = await session.openFixture('hostile.html');
    await realPaste(page, '#ta', SAMPLE_CLIENT_LIST);
    await waitForDialog(page);
    const shown = await dialogText(page);
    const probe = (await page.evaluate(() => (window as unknown as { __probe: () => unknown }).__probe())) as Probe;
    const everything = [probe.html, probe.text, ...probe.openRoots].join('\n');
    // The dialog is there for the user (checked through DevTools), but nothing of it reaches the page.
    expect(shown).toMatch(/people/);
    for (const fragment of ['people', 'HIPAA', 'M****', '@e******', 'Share anyway', 'maria']) expect(everything).not.toContain(fragment);
    expect(probe.openRoots).toEqual([]);
    expect(probe.dialogs).toBe(0);
    // The page's attachShadow patch never saw ClientGuard's shadow root.
    expect(await page.evaluate(() => (window as unknown as { __hostile: { log: string[] } }).__hostile.log)).toEqual([]);
    await clickDialog(page, 'cancel');
    await page.close();
  });

  it('cannot press the buttons or spoof a decision with synthetic events, postMessage or runtime messages', async () => {
    const page = await session.openFixture('hostile.html');
    await realPaste(page, '#ta', SAMPLE_CLIENT_LIST);
    await waitForDialog(page);
    const runtime = await page.evaluate(() => (window as unknown as { __attack: () => string }).__attack());
    expect(runtime).not.toBe('sent');
    await page.waitForTimeout(500);
    expect(await isDialogShowing(page)).toBe(true);
    expect(await page.locator('#ta').inputValue()).toBe('');
    // The real user still decides.
    await clickDialog(page, 'cancel');
    await waitForDialogGone(page);
    expect(await page.locator('#ta').inputValue()).toBe('');
    await page.close();
  });

  it('cannot hide a form submission by stopping the submit event first', async () => {
    const page = await session.openFixture('hostile.html');
    await page.locator('#ta').fill(SAMPLE_CLIENT_LIST);
    await page.click('#go');
    await waitForDialog(page);
    expect(await page.evaluate(() => (window as unknown as { __hostile: { submits: number } }).__hostile.submits)).toBe(0);
    await clickDialog(page, 'cancel');
    await page.close();
  });

  it('cannot detect the extension by probing chrome-extension:// URLs', async () => {
    const page = await session.openFixture('hostile.html');
    const results = await page.evaluate(async (id) => {
      const paths = ['manifest.json', 'src/content/main.iife.js', 'icons/icon-16.png', 'src/popup/index.html', 'service-worker-loader.js', '_locales/en/messages.json'];
      const out: string[] = [];
      for (const p of paths) {
        try {
          const r = await fetch(`chrome-extension://${id}/${p}`);
          out.push(`${p}:${r.status}`);
        } catch {
          out.push(`${p}:blocked`);
        }
        // An <img> probe as well: fires onload only for web-accessible resources.
        out.push(
          await new Promise<string>((resolve) => {
            const img = new Image();
            img.onload = () => resolve(`${p}:img-loaded`);
            img.onerror = () => resolve(`${p}:img-blocked`);
            img.src = `chrome-extension://${id}/${p}`;
          }),
        );
      }
      return out;
    }, session.extensionId);
    for (const r of results) expect(r).toMatch(/:(blocked|img-blocked)$/);
    await page.close();
  });
});
