// The first complete path: a real Control+V of a client list on a covered site is held, the
// warning shows, Cancel keeps the field as it was, Share anyway gives exactly what the same
// paste gives without the extension. Clean pastes and uncovered sites pass untouched.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CLEAN_TEXT, COVERED, EXTENSION_ID, SAMPLE_CLIENT_LIST, UNCOVERED, fieldState, realPaste, type Session } from './harness';
import { withReferenceBrowser } from './browser-pair';
import { clickDialog, dialogText, isDialogShowing, waitForDialog, waitForDialogGone } from './dialog-driver';

let guarded: Session;
let reference: Session;
withReferenceBrowser((g, r) => {
  guarded = g;
  reference = r;
});

/** The same paste in a browser without ClientGuard: what the page should end up with. */
async function referenceState(selector: string, text: string, html?: string): Promise<string> {
  const page = await reference.openFixture('fields.html');
  await realPaste(page, selector, text, html);
  await page.waitForTimeout(100);
  const state = await fieldState(page, selector);
  await page.close();
  return state;
}

async function seenByPage(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
}

describe('paste of a client list on a covered site', () => {
  it('is held before the page sees it, and the warning explains what was found', async () => {
    const page = await guarded.openFixture('fields.html');
    const before = await fieldState(page, '#ta');
    await realPaste(page, '#ta', SAMPLE_CLIENT_LIST);
    await waitForDialog(page);
    expect(await seenByPage(page)).not.toContain('paste:ta');
    expect(await fieldState(page, '#ta')).toBe(before);
    const text = await dialogText(page);
    expect(text).toMatch(/4 people/);
    expect(text).toMatch(/HIPAA/);
    // Masked examples only: no full identifier is shown.
    for (const value of ['Maria Gonzalez', 'maria.gonzalez@example.com', '555-0142']) expect(text).not.toContain(value);
    await page.close();
  });

  it('Cancel leaves the textarea exactly as it was', async () => {
    const page = await guarded.openFixture('fields.html');
    const before = await fieldState(page, '#ta');
    await realPaste(page, '#ta', SAMPLE_CLIENT_LIST);
    await waitForDialog(page);
    await clickDialog(page, 'cancel');
    await waitForDialogGone(page);
    expect(await fieldState(page, '#ta')).toBe(before);
    expect(await seenByPage(page)).toEqual([]);
    await page.close();
  });

  it('Escape cancels too', async () => {
    const page = await guarded.openFixture('fields.html');
    const before = await fieldState(page, '#ce');
    await realPaste(page, '#ce', SAMPLE_CLIENT_LIST);
    await waitForDialog(page);
    await page.keyboard.press('Escape');
    await waitForDialogGone(page);
    expect(await fieldState(page, '#ce')).toBe(before);
    await page.close();
  });

  for (const selector of ['#ta', '#ce']) {
    it(`Share anyway delivers exactly what the page gets without the extension (${selector})`, async () => {
      const expected = await referenceState(selector, SAMPLE_CLIENT_LIST);
      const page = await guarded.openFixture('fields.html');
      await realPaste(page, selector, SAMPLE_CLIENT_LIST);
      await waitForDialog(page);
      await clickDialog(page, 'share');
      await waitForDialogGone(page);
      await page.waitForTimeout(100);
      expect(await fieldState(page, selector)).toBe(expected);
      await page.close();
    });
  }

  it('a spreadsheet copy (text/html table) is caught and shared exactly', async () => {
    const html =
      '<table><tr><td>Maria Gonzalez</td><td>maria.gonzalez@example.com</td></tr><tr><td>James Okafor</td><td>j.okafor@example.net</td></tr>' +
      '<tr><td>Priya Raman</td><td>priya.raman@example.org</td></tr></table>';
    const text = 'Maria Gonzalez\tmaria.gonzalez@example.com\nJames Okafor\tj.okafor@example.net\nPriya Raman\tpriya.raman@example.org';
    const expected = await referenceState('#ce', text, html);
    const page = await guarded.openFixture('fields.html');
    await realPaste(page, '#ce', text, html);
    await waitForDialog(page);
    await clickDialog(page, 'share');
    await waitForDialogGone(page);
    await page.waitForTimeout(100);
    expect(await fieldState(page, '#ce')).toBe(expected);
    await page.close();
  });

  it('Remove identifiers delivers the list with typed placeholders', async () => {
    const page = await guarded.openFixture('fields.html');
    await realPaste(page, '#ta', SAMPLE_CLIENT_LIST);
    await waitForDialog(page);
    await clickDialog(page, 'redact');
    await waitForDialogGone(page);
    const value = await page.locator('#ta').inputValue();
    expect(value).toContain('Existing line');
    expect(value).toMatch(/\[EMAIL 1\]/);
    for (const secret of ['Maria Gonzalez', 'maria.gonzalez@example.com', '(415) 555-0142']) expect(value).not.toContain(secret);
    // Structure kept: the header and one line per record.
    expect(value.split('\n').filter((l) => l.includes('[EMAIL')).length).toBe(4);
    await page.close();
  });
});

describe('what passes untouched', () => {
  it('a clean paste on a covered site goes straight in, no dialog', async () => {
    const expected = await referenceState('#ta', CLEAN_TEXT);
    const page = await guarded.openFixture('fields.html');
    await realPaste(page, '#ta', CLEAN_TEXT);
    // No waiting: the text is there as soon as the key press has been handled.
    expect(await fieldState(page, '#ta')).toBe(expected);
    expect(await seenByPage(page)).toContain('paste:ta');
    expect(await isDialogShowing(page)).toBe(false);
    await page.close();
  });

  it('a client list pasted on a site that is not covered passes untouched', async () => {
    const page = await guarded.openFixture('fields.html', UNCOVERED);
    await realPaste(page, '#ta', SAMPLE_CLIENT_LIST);
    expect(await page.locator('#ta').inputValue()).toContain('maria.gonzalez@example.com');
    await page.waitForTimeout(300);
    expect(await isDialogShowing(page)).toBe(false);
    await page.close();
  });
});

describe('frames', () => {
  it('is active in a same-origin iframe', async () => {
    const page = await guarded.openFixture('frames.html');
    const frame = page.frameLocator('#child');
    await frame.locator('#ta').click();
    await page.evaluate((text) => navigator.clipboard.writeText(text), SAMPLE_CLIENT_LIST);
    await page.keyboard.press('Control+V');
    await waitForDialog(page);
    await clickDialog(page, 'cancel');
    await waitForDialogGone(page);
    expect(await frame.locator('#ta').inputValue()).toBe('Existing line\n');
    await page.close();
  });

  it('is active in a srcdoc iframe', async () => {
    const page = await guarded.openFixture('frames.html');
    const frame = page.frameLocator('#srcdoc');
    await frame.locator('#ta').click();
    await page.evaluate((text) => navigator.clipboard.writeText(text), SAMPLE_CLIENT_LIST);
    await page.keyboard.press('Control+V');
    await waitForDialog(page);
    await clickDialog(page, 'cancel');
    await waitForDialogGone(page);
    expect(await frame.locator('#ta').inputValue()).toBe('');
    await page.close();
  });
});

describe('a page cannot detect the extension', () => {
  it('fetching chrome-extension:// URLs of its files fails', async () => {
    const page = await guarded.openFixture('fields.html');
    const manifest = (await guarded.worker!.evaluate(() => chrome.runtime.getManifest())) as chrome.runtime.Manifest;
    expect(manifest.web_accessible_resources ?? []).toEqual([]);
    const files = [
      'manifest.json',
      ...(manifest.content_scripts ?? []).flatMap((c) => c.js ?? []),
      manifest.icons?.['16'] ?? 'icons/icon-16.png',
      'src/popup/index.html',
    ];
    const results = await page.evaluate(
      async ({ id, files }) =>
        Promise.all(
          files.map(async (f) => {
            try {
              const r = await fetch(`chrome-extension://${id}/${f}`);
              return `${f}: ${r.status}`;
            } catch {
              return `${f}: blocked`;
            }
          }),
        ),
      { id: EXTENSION_ID, files },
    );
    for (const r of results) expect(r).toMatch(/: blocked$/);
    await page.close();
  });
});
