// Every way client data leaves a page, in real Chromium: the list is held, the warning shows,
// Cancel leaves everything as it was, and Share anyway leaves the page in the same state as a
// reference run of the same user actions in a browser without ClientGuard.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { SAMPLE_CLIENT_LIST, launch, realPaste, type Session } from './harness';
import { clickDialog, isDialogShowing, waitForDialog, waitForDialogGone } from './dialog-driver';

let guarded: Session;
let reference: Session;
const tmp = mkdtempSync(join(tmpdir(), 'clientguard-files-'));
const CSV_PATH = join(tmp, 'clients.csv');
writeFileSync(CSV_PATH, SAMPLE_CLIENT_LIST);

beforeAll(async () => {
  guarded = await launch();
  reference = await launch({ extension: false });
});

afterAll(async () => {
  await guarded?.close();
  await reference?.close();
});

type Scenario = (page: Page) => Promise<void>;

/**
 * Runs the same user actions in both browsers. In the guarded one, the dialog must appear
 * after `act`; `decide` answers it. Returns the page state read by `observe` in each.
 */
async function compare<T>(fixture: string, act: Scenario, decide: string, observe: (page: Page) => Promise<T>): Promise<{ guarded: T; reference: T }> {
  const refPage = await reference.openFixture(fixture);
  await act(refPage);
  await refPage.waitForTimeout(300);
  const expected = await observe(refPage);
  await refPage.close();

  const page = await guarded.openFixture(fixture);
  await act(page);
  await waitForDialog(page);
  await clickDialog(page, decide);
  await waitForDialogGone(page);
  await page.waitForTimeout(300);
  const actual = await observe(page);
  await page.close();
  return { guarded: actual, reference: expected };
}

async function heldThenCancelled<T>(fixture: string, act: Scenario, observe: (page: Page) => Promise<T>, expectedAfterCancel: T): Promise<void> {
  const page = await guarded.openFixture(fixture);
  await act(page);
  await waitForDialog(page);
  await clickDialog(page, 'cancel');
  await waitForDialogGone(page);
  await page.waitForTimeout(200);
  expect(await observe(page)).toEqual(expectedAfterCancel);
  await page.close();
}

const evalGlobal = (name: string) => (page: Page) => page.evaluate((n) => (window as unknown as Record<string, unknown>)[n], name);

describe('paste into rich editors and framework-controlled fields', () => {
  it('Lexical: Share anyway gives the same document as without the extension', async () => {
    const r = await compare('editors.html', (p) => realPaste(p, '#lexical', SAMPLE_CLIENT_LIST), 'share', (p) =>
      p.evaluate(() => (window as unknown as { __lexicalText: () => string }).__lexicalText()),
    );
    expect(r.guarded).toBe(r.reference);
    expect(r.reference).toContain('maria.gonzalez@example.com');
  });

  it('ProseMirror: Share anyway gives the same document as without the extension', async () => {
    const r = await compare('editors.html', (p) => realPaste(p, '#pm', SAMPLE_CLIENT_LIST), 'share', (p) =>
      p.evaluate(() => (window as unknown as { __pmDoc: () => unknown }).__pmDoc()),
    );
    expect(r.guarded).toEqual(r.reference);
  });

  it('React-controlled textarea: Share anyway updates React state the same way', async () => {
    const r = await compare('editors.html', (p) => realPaste(p, '#react-notes', SAMPLE_CLIENT_LIST), 'share', evalGlobal('__reactState'));
    expect(r.guarded).toEqual(r.reference);
    expect(JSON.stringify(r.reference)).toContain('priya.raman@example.org');
  });

  it('plain single-line input: Share anyway gives the same value', async () => {
    const r = await compare('fields.html', (p) => realPaste(p, '#single', SAMPLE_CLIENT_LIST), 'share', (p) => p.locator('#single').inputValue());
    expect(r.guarded).toBe(r.reference);
  });

  it('Lexical: Cancel leaves the editor empty', async () => {
    await heldThenCancelled('editors.html', (p) => realPaste(p, '#lexical', SAMPLE_CLIENT_LIST), (p) =>
      p.evaluate(() => (window as unknown as { __lexicalText: () => string }).__lexicalText()),
    '');
  });
});

describe('form submission', () => {
  const fillList = async (p: Page) => {
    await p.locator('#db').fill(SAMPLE_CLIENT_LIST);
  };

  it('a named submitter button: Share anyway submits the same entries, with that button', async () => {
    const r = await compare('forms.html', async (p) => {
      await fillList(p);
      await p.click('#draft');
    }, 'share', evalGlobal('__submissions'));
    const entries = (r.guarded as { entries: [string, string][] }[]).map((s) => s.entries);
    expect(entries).toEqual((r.reference as { entries: [string, string][] }[]).map((s) => s.entries));
    expect(JSON.stringify(entries)).toContain('"action","draft"');
  });

  it('Enter in a field: held, and Cancel sends nothing and keeps the fields', async () => {
    await heldThenCancelled('forms.html', async (p) => {
      await fillList(p);
      await p.locator('#contact').press('Enter');
    }, async (p) => ({ submissions: await evalGlobal('__submissions')(p), db: await p.locator('#db').inputValue() }), {
      submissions: [],
      db: SAMPLE_CLIENT_LIST,
    });
  });

  it('requestSubmit() from page script is held too', async () => {
    await heldThenCancelled('forms.html', async (p) => {
      await fillList(p);
      await p.click('#script-submit');
    }, evalGlobal('__submissions'), []);
  });

  it('React form: Share anyway submits the same state', async () => {
    const r = await compare('editors.html', async (p) => {
      await p.locator('#react-notes').fill(SAMPLE_CLIENT_LIST);
      await p.click('#react-submit');
    }, 'share', evalGlobal('__reactSubmissions'));
    expect(r.guarded).toEqual(r.reference);
    expect((r.reference as unknown[]).length).toBe(1);
  });
});

describe('file input opened by a custom Upload button (real file chooser)', () => {
  const choose = async (p: Page) => {
    const [chooser] = await Promise.all([p.waitForEvent('filechooser'), p.click('#upload')]);
    await chooser.setFiles(CSV_PATH);
  };

  it('Share anyway: the page receives the same file through its change listener', async () => {
    const r = await compare('upload.html', choose, 'share', evalGlobal('__uploads'));
    expect(r.guarded).toEqual(r.reference);
    expect(JSON.stringify(r.reference)).toContain('clients.csv');
  });

  it('Cancel: the page hears nothing and the input holds no file', async () => {
    await heldThenCancelled('upload.html', choose, async (p) => ({
      uploads: await evalGlobal('__uploads')(p),
      files: await p.locator('#file').evaluate((el) => (el as HTMLInputElement).files?.length ?? 0),
    }), { uploads: [], files: 0 });
  });
});

/** A trusted drop through the DevTools protocol, as the OS delivers one. */
async function dropOn(page: Page, selector: string, data: { files?: string[]; text?: string }): Promise<void> {
  const box = (await page.locator(selector).boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  const cdp = await page.context().newCDPSession(page);
  const dragData = {
    items: data.text ? [{ mimeType: 'text/plain', data: data.text }] : [],
    ...(data.files ? { files: data.files } : {}),
    dragOperationsMask: 1,
  };
  for (const type of ['dragEnter', 'dragOver', 'drop'] as const) {
    await cdp.send('Input.dispatchDragEvent', { type, x, y, data: dragData });
  }
  await cdp.detach();
}

describe('drop zone', () => {
  it('dropping a client file: Share anyway gives the drop zone the same file', async () => {
    const r = await compare('upload.html', (p) => dropOn(p, '#dz', { files: [CSV_PATH] }), 'share', evalGlobal('__drops'));
    expect(r.guarded).toEqual(r.reference);
    expect(JSON.stringify(r.reference)).toContain('clients.csv');
  });

  it('dropping a client list as text: Cancel drops nothing', async () => {
    await heldThenCancelled('upload.html', (p) => dropOn(p, '#dz', { text: SAMPLE_CLIENT_LIST }), evalGlobal('__drops'), []);
  });
});

describe('composer without a form', () => {
  const typeList = async (p: Page) => {
    await p.click('#composer');
    await p.keyboard.insertText('Thank you to our wonderful clients! Maria Gonzalez maria.gonzalez@example.com, James Okafor j.okafor@example.net, Priya Raman priya.raman@example.org');
  };

  it('typed text + Post button: held; Cancel keeps the draft and posts nothing', async () => {
    const page = await guarded.openFixture('composer.html');
    await typeList(page);
    await page.click('#post');
    await waitForDialog(page);
    await clickDialog(page, 'cancel');
    await waitForDialogGone(page);
    expect(await evalGlobal('__posts')(page)).toEqual([]);
    expect(await page.locator('#composer').innerText()).toContain('Maria Gonzalez');
    await page.close();
  });

  it('Post button: Share anyway posts the same text', async () => {
    const r = await compare('composer.html', async (p) => {
      await typeList(p);
      await p.click('#post');
    }, 'share', evalGlobal('__posts'));
    expect(r.guarded).toEqual(r.reference);
  });

  it('Control+Enter: Share anyway posts the same text', async () => {
    const r = await compare('composer.html', async (p) => {
      await typeList(p);
      await p.keyboard.press('Control+Enter');
    }, 'share', evalGlobal('__posts'));
    expect(r.guarded).toEqual(r.reference);
    expect((r.reference as unknown[]).length).toBe(1);
  });

  it('a clean post goes straight through', async () => {
    const page = await guarded.openFixture('composer.html');
    await page.click('#composer');
    await page.keyboard.insertText('Free mindfulness workshop this Saturday at 10am. Everyone welcome!');
    await page.click('#post');
    expect(((await evalGlobal('__posts')(page)) as unknown[]).length).toBe(1);
    expect(await isDialogShowing(page)).toBe(false);
    await page.close();
  });
});
