// Files, in real Chromium: a hidden file input opened by a custom Upload button (real click,
// real file chooser), CSV and XLSX client lists, a 10 MB list checked with a visible progress
// box while the page keeps running, a file over the size limit, and files on the clipboard.
// "Share anyway" is compared with a reference run of the same actions without the extension.
import { afterAll, describe, expect, it } from 'vitest';
import { closeSync, mkdtempSync, openSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { SAMPLE_CLIENT_LIST, type Session } from './harness';
import { withReferenceBrowser } from './browser-pair';
import { clickDialog, dialogText, isDialogShowing, waitForDialog, waitForDialogGone } from './dialog-driver';
import { chooseFiles, progressView, writeClipboard, type ProgressView } from './channels-helpers';
import { bigClientCsv, xlsxBytes } from '../fixtures/classifier/generators';

const tmp = mkdtempSync(join(tmpdir(), 'clientguard-channels-files-'));
const CSV = join(tmp, 'clients.csv');
const XLSX = join(tmp, 'clients.xlsx');
const BIG = join(tmp, 'big-clients.csv');
const HUGE = join(tmp, 'huge-export.csv');
/** From src/content/files.ts: MAX_FILE_BYTES. */
const LIMIT_MB = 100;

writeFileSync(CSV, SAMPLE_CLIENT_LIST);
writeFileSync(XLSX, xlsxBytes(SAMPLE_CLIENT_LIST.split('\n').map((line) => line.split(','))));
{
  // About 10 MB of client rows (the 10,000-row list repeated).
  const rows = bigClientCsv(10_000).split('\n');
  const parts = [rows.join('\n')];
  let size = parts[0]!.length;
  while (size < 10 * 1024 * 1024) {
    const more = rows.slice(1).join('\n');
    parts.push(more);
    size += more.length + 1;
  }
  writeFileSync(BIG, parts.join('\n'));
}
// Over the limit without writing 100 MB: a sparse file (its size is all the check looks at).
closeSync(openSync(HUGE, 'w'));
truncateSync(HUGE, (LIMIT_MB + 1) * 1024 * 1024);

let guarded: Session;
let reference: Session;
withReferenceBrowser((g, r) => {
  guarded = g;
  reference = r;
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface UploadState {
  events: string[];
  uploads: { name: string; size: number; type: string; sha256: string }[][];
  files: number;
}

async function uploadState(page: Page): Promise<UploadState> {
  return page.evaluate(() => {
    const w = window as unknown as { __events: string[]; __uploads: UploadState['uploads'] };
    return { events: w.__events, uploads: w.__uploads, files: (document.getElementById('file') as HTMLInputElement).files?.length ?? 0 };
  });
}

const upload = (path: string) => (page: Page) => chooseFiles(page, '#upload', [path]);

/** What the page ends up with when the user uploads `path` in a browser without ClientGuard. */
async function referenceUpload(path: string): Promise<UploadState> {
  const page = await reference.openFixture('ch-upload.html');
  await upload(path)(page);
  await expect.poll(async () => (await uploadState(page)).uploads.length, { timeout: 20_000 }).toBe(1);
  const state = await uploadState(page);
  await page.close();
  return state;
}

/** The same upload with ClientGuard, answered with Share anyway once the dialog shows. */
async function sharedUpload(path: string, expected: UploadState): Promise<UploadState> {
  const page = await guarded.openFixture('ch-upload.html');
  await upload(path)(page);
  await waitForDialog(page, 30_000);
  expect(await uploadState(page)).toEqual({ events: [], uploads: [], files: 1 });
  await clickDialog(page, 'share');
  await waitForDialogGone(page);
  await expect.poll(async () => (await uploadState(page)).uploads.length, { timeout: 20_000 }).toBe(expected.uploads.length);
  const state = await uploadState(page);
  await page.close();
  return state;
}

describe('a hidden file input opened by a custom Upload button', () => {
  it('a CSV client list is held: while the dialog shows, the page has heard neither input nor change', async () => {
    const page = await guarded.openFixture('ch-upload.html');
    expect(await page.locator('#file').isVisible()).toBe(false);
    await upload(CSV)(page);
    await waitForDialog(page);
    const text = await dialogText(page);
    expect(text).toMatch(/upload details of 4 people/);
    expect(await uploadState(page)).toEqual({ events: [], uploads: [], files: 1 });
    await clickDialog(page, 'cancel');
    await waitForDialogGone(page);
    // Cancel: the input is empty again and the page never heard of the file.
    await expect.poll(() => uploadState(page)).toEqual({ events: [], uploads: [], files: 0 });
    expect(await page.locator('#status').innerText()).toBe('');
    await page.close();
  });

  it('Share anyway: the page gets the same events and the same file (name, size, type, SHA-256) as without the extension', async () => {
    const expected = await referenceUpload(CSV);
    expect(expected.events).toEqual(['input:1', 'change:1']);
    expect(await sharedUpload(CSV, expected)).toEqual(expected);
  });

  it('an XLSX workbook is read and held, and Share anyway passes on the same bytes', async () => {
    const page = await guarded.openFixture('ch-upload.html');
    await upload(XLSX)(page);
    await waitForDialog(page);
    const text = await dialogText(page);
    expect(text).toMatch(/upload details of 4 people/);
    expect(text).toMatch(/names: 4, email addresses: 4, phone numbers: 4/);
    expect(await uploadState(page)).toEqual({ events: [], uploads: [], files: 1 });
    await clickDialog(page, 'cancel');
    await waitForDialogGone(page);
    await expect.poll(() => uploadState(page)).toEqual({ events: [], uploads: [], files: 0 });
    await page.close();

    const expected = await referenceUpload(XLSX);
    expect(expected.uploads[0]?.[0]?.name).toBe('clients.xlsx');
    expect(await sharedUpload(XLSX, expected)).toEqual(expected);
  });
});

describe('large files', () => {
  it('a 10 MB CSV: a progress box names the file while it is checked, the page keeps running, then the warning', async () => {
    const page = await guarded.openFixture('ch-upload.html');
    await page.evaluate(() => (window as unknown as { __startHeartbeat: () => void }).__startHeartbeat());
    await upload(BIG)(page);
    const views: ProgressView[] = [];
    let typed = false;
    const until = Date.now() + 60_000;
    while (!(await isDialogShowing(page))) {
      if (Date.now() > until) throw new Error('no dialog for the large file');
      const view = await progressView(page);
      if (view) {
        views.push(view);
        if (!typed) {
          // The page still takes input while the file is checked.
          typed = true;
          await page.locator('#notes').click();
          await page.keyboard.insertText('ok');
        }
      }
      await page.waitForTimeout(25);
    }
    const heartbeat = await page.evaluate(() => (window as unknown as { __stopHeartbeat: () => { ticks: number; maxGapMs: number } }).__stopHeartbeat());

    expect(views.length).toBeGreaterThan(0);
    for (const view of views) {
      expect(view.role).toBe('status');
      expect(view.text).toContain('big-clients.csv');
      expect(view.box.width).toBeGreaterThan(100);
      expect(view.box.x + view.box.width).toBeLessThanOrEqual(1280);
      expect(view.box.y + view.box.height).toBeLessThanOrEqual(900);
    }
    // Shown until the check is over, not only while the bytes are read: the classifier's part
    // (most of the time) runs with an indeterminate bar.
    expect(views.some((v) => v.value === undefined)).toBe(true);
    expect(await progressView(page)).toBeNull();
    // The page's own 20 ms timer kept firing: no long freeze while 10 MB were checked.
    expect(heartbeat.ticks).toBeGreaterThan(10);
    expect(heartbeat.maxGapMs).toBeLessThan(750);
    expect(await page.locator('#notes').inputValue()).toBe('ok');

    expect(await dialogText(page)).toMatch(/upload details of [\d,]+ people/);
    expect(await uploadState(page)).toEqual({ events: [], uploads: [], files: 1 });
    await clickDialog(page, 'cancel');
    await waitForDialogGone(page);
    await expect.poll(() => uploadState(page)).toEqual({ events: [], uploads: [], files: 0 });
    await page.close();
  });

  it('a 10 MB CSV: Share anyway passes on the same file', async () => {
    const expected = await referenceUpload(BIG);
    expect(expected.uploads[0]?.[0]?.size).toBeGreaterThan(10 * 1024 * 1024);
    expect(await sharedUpload(BIG, expected)).toEqual(expected);
  });

  it(`a file over ${LIMIT_MB} MB: a clear message names it and the limit, and nothing is attached or heard`, async () => {
    const page = await guarded.openFixture('ch-upload.html');
    const messages: string[] = [];
    page.on('dialog', (d) => {
      messages.push(`${d.type()}: ${d.message()}`);
      void d.accept();
    });
    // First a list that is checked and cancelled, so the check of the next file starts with
    // everything loaded (the refusal is then immediate, inside the browser's event dispatch).
    await upload(CSV)(page);
    await waitForDialog(page);
    await clickDialog(page, 'cancel');
    await waitForDialogGone(page);
    await upload(HUGE)(page);
    await expect.poll(() => messages, { timeout: 10_000 }).toHaveLength(1);
    expect(messages[0]).toMatch(/^alert: /);
    expect(messages[0]).toContain('huge-export.csv');
    expect(messages[0]).toContain(`larger than ${LIMIT_MB} MB`);
    expect(messages[0]).toMatch(/not attached/);
    await expect.poll(() => uploadState(page)).toEqual({ events: [], uploads: [], files: 0 });
    expect(await isDialogShowing(page)).toBe(false);
    expect(await progressView(page)).toBeNull();
    expect(await page.locator('#status').innerText()).toBe('');
    await page.close();
  });
});

describe('files on the clipboard', () => {
  // A CSV file cannot be put on headless Chromium's clipboard by anything a test can drive
  // (the async clipboard API writes text, HTML and PNG only; a copy handler's items.add(file)
  // does not reach the system clipboard). The real path available: a PNG image with the
  // client list as text, as a screenshot tool or a spreadsheet's "copy as picture" puts it
  // there, pasted with Control+V: a trusted paste whose clipboardData carries a File.
  interface PasteEntry {
    target: string;
    types: string[];
    strings: [string, string][];
    files: { name: string; type: string; size: number; sha256: string }[];
  }
  const pastes = (page: Page) => page.evaluate(() => (window as unknown as { __pastes: PasteEntry[] }).__pastes);
  const pasteImageAndText = async (page: Page, text?: string) => {
    await page.locator('#ta').click();
    await writeClipboard(page, { png: true, ...(text !== undefined ? { text } : {}) });
    await page.keyboard.press('Control+V');
  };
  const settled = async (page: Page) => {
    await expect.poll(async () => (await pastes(page)).map((p) => p.files.length)).toEqual([1]);
    return { pastes: await pastes(page), value: await page.locator('#ta').inputValue() };
  };

  it('an image and a client list pasted together: held; Share anyway gives the page the same data and file', async () => {
    const refPage = await reference.openFixture('ch-fields.html');
    await pasteImageAndText(refPage, SAMPLE_CLIENT_LIST);
    const expected = await settled(refPage);
    await refPage.close();
    expect(expected.pastes[0]?.types).toEqual(['text/plain', 'Files']);
    expect(expected.pastes[0]?.files[0]?.type).toBe('image/png');
    expect(expected.value).toContain('maria.gonzalez@example.com');

    const page = await guarded.openFixture('ch-fields.html');
    await pasteImageAndText(page, SAMPLE_CLIENT_LIST);
    await waitForDialog(page);
    expect(await pastes(page)).toEqual([]);
    expect(await page.locator('#ta').inputValue()).toBe('First line of notes\nsecond line');
    await clickDialog(page, 'share');
    await waitForDialogGone(page);
    expect(await settled(page)).toEqual(expected);
    await page.close();
  });

  it('an image alone is not a client list: it reaches the page untouched, no dialog', async () => {
    const page = await guarded.openFixture('ch-fields.html');
    await pasteImageAndText(page);
    const got = await settled(page);
    expect(got.pastes[0]?.files[0]).toMatchObject({ name: 'image.png', type: 'image/png' });
    expect(await isDialogShowing(page)).toBe(false);
    await page.close();
  });
});
