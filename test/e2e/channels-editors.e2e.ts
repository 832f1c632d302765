// Text into editors, in real Chromium: an editor inside a web component's open shadow root,
// drag and drop of text onto fields, editors and drop zones, and text/html pastes. Each time
// the action is held (the page sees nothing while the dialog shows) and "Share anyway" leaves
// the page exactly as a reference run of the same user actions without the extension.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SAMPLE_CLIENT_LIST, realPaste, type Session } from './harness';
import { withReferenceBrowser } from './browser-pair';
import { clickDialog, waitForDialog, waitForDialogGone } from './dialog-driver';
import { dropAt, pointAtText, pointIn, type Act } from './channels-helpers';

let guarded: Session;
let reference: Session;
withReferenceBrowser((g, r) => {
  guarded = g;
  reference = r;
});

/**
 * The reference run, then the guarded one: held (the page state, or the part of it `held`
 * picks, does not move while the dialog shows), answered with `decision`, and the state polled
 * until it equals the reference. Returns both states for further checks.
 */
async function sameAsReference<T>(
  fixture: string,
  act: Act,
  observe: (page: Page) => Promise<T>,
  { decision = 'share', held = (state: T): unknown => state }: { decision?: string; held?: (state: T) => unknown } = {},
): Promise<{ reference: T; guarded: T }> {
  const refPage = await reference.openFixture(fixture);
  const initial = await observe(refPage);
  await act(refPage);
  await expect.poll(() => observe(refPage)).not.toEqual(initial);
  const expected = await observe(refPage);
  await refPage.close();

  const page = await guarded.openFixture(fixture);
  expect(await observe(page)).toEqual(initial);
  await act(page);
  await waitForDialog(page);
  expect(held(await observe(page)), 'held: nothing reached the page').toEqual(held(initial));
  await clickDialog(page, decision);
  await waitForDialogGone(page);
  await expect.poll(() => observe(page)).toEqual(expected);
  const actual = await observe(page);
  await page.close();
  return { reference: expected, guarded: actual };
}

const seen = (page: Page) => page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);

async function fieldState(page: Page, selector: string): Promise<{ value: string; selection?: [number | null, number | null] }> {
  return page.locator(selector).evaluate((el) => {
    if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
      const hasSelection = el.selectionStart !== null;
      return { value: el.value, ...(hasSelection ? { selection: [el.selectionStart, el.selectionEnd] as [number | null, number | null] } : {}) };
    }
    return { value: (el as HTMLElement).innerHTML };
  });
}

describe('an editor inside a web component (open shadow root)', () => {
  const pasteInto = (id: string): Act => async (page) => {
    await page.locator(`#${id} #field`).click();
    await page.evaluate((text) => navigator.clipboard.writeText(text), SAMPLE_CLIENT_LIST);
    await page.keyboard.press('Control+V');
  };
  const componentState = (id: string) => (page: Page) =>
    page.evaluate((i) => ({ state: (window as unknown as { __state: (id: string) => string }).__state(i), seen: (window as unknown as { __seen: string[] }).__seen }), id);

  it('textarea: the paste is held; Cancel leaves it as it was', async () => {
    const page = await guarded.openFixture('ch-shadow.html');
    const before = await componentState('plain')(page);
    await pasteInto('plain')(page);
    await waitForDialog(page);
    expect(await componentState('plain')(page)).toEqual(before);
    await clickDialog(page, 'cancel');
    await waitForDialogGone(page);
    expect(await componentState('plain')(page)).toEqual(before);
    // The caret is back in the component's field, where it was.
    expect(await page.evaluate(() => document.getElementById('plain')!.shadowRoot!.activeElement?.id)).toBe('field');
    await page.close();
  });

  it('textarea: Share anyway gives the same value, and the component hears one paste and one input, as without the extension', async () => {
    const r = await sameAsReference('ch-shadow.html', pasteInto('plain'), componentState('plain'));
    expect(r.reference.seen).toEqual(['plain:paste', 'plain:input']);
    expect(r.reference.state).toContain('maria.gonzalez@example.com');
  });

  it('textarea: a list dropped onto it, Share anyway gives the same value at the same place', async () => {
    await sameAsReference(
      'ch-shadow.html',
      async (page) => {
        const { x, y } = await pointAtText(page, '#plain #field', 8);
        await dropAt(page, x, y, { items: [{ mimeType: 'text/plain', data: SAMPLE_CLIENT_LIST }] });
      },
      async (page) => (await componentState('plain')(page)).state,
    );
  });

  it('contenteditable: Share anyway gives the same markup as without the extension', async () => {
    const r = await sameAsReference('ch-shadow.html', pasteInto('rich'), async (page) => (await componentState('rich')(page)).state);
    expect(r.reference).toContain('tbecker@example.com');
  });
});

describe('drag and drop of text: Share anyway gives the same result as without the extension', () => {
  const plain = (text: string) => [{ mimeType: 'text/plain', data: text }];
  const dropTextAt = (where: (page: Page) => Promise<{ x: number; y: number }>, items = plain(SAMPLE_CLIENT_LIST)): Act => async (page) => {
    const { x, y } = await where(page);
    await dropAt(page, x, y, { items });
  };

  it('into a textarea with text, between two words: same value, dropped text selected, one input event', async () => {
    // Just after "First" on the first line.
    const act = dropTextAt((p) => pointAtText(p, '#ta', 5));
    const r = await sameAsReference('ch-fields.html', act, (p) => fieldState(p, '#ta'));
    expect(r.reference.value.startsWith('FirstName,Email,Phone\n')).toBe(true);
    // The page heard one input for the drop, as without the extension.
    const count = (list: string[]) => list.filter((e) => e === 'input:ta').length;
    const refPage = await reference.openFixture('ch-fields.html');
    await act(refPage);
    await expect.poll(async () => count(await seen(refPage))).toBe(1);
    await refPage.close();
    const page = await guarded.openFixture('ch-fields.html');
    await act(page);
    await waitForDialog(page);
    await clickDialog(page, 'share');
    await waitForDialogGone(page);
    await expect.poll(async () => count(await seen(page))).toBe(1);
    await page.close();
  });

  it('into a textarea below its last line: the text lands at the end, as without the extension', async () => {
    await sameAsReference('ch-fields.html', dropTextAt((p) => pointIn(p, '#ta', 0.5, 0.85)), (p) => fieldState(p, '#ta'));
  });

  it('into a single-line input, inside a word', async () => {
    const r = await sameAsReference('ch-fields.html', dropTextAt((p) => pointAtText(p, '#single', 8)), (p) => fieldState(p, '#single'));
    expect(r.reference.value).not.toContain('\n');
  });

  for (const [label, offset] of [
    ['at the start of a paragraph', 0],
    ['inside a word', 3],
    ['after the last word of a paragraph', 14],
    ['after a space', 6],
  ] as const) {
    it(`into a contenteditable, ${label}: same markup (spaces added around the text as the browser does)`, async () => {
      const act = dropTextAt((p) => pointAtText(p, '#ce p:first-child', offset), plain('Maria Gonzalez maria.gonzalez@example.com, James Okafor j.okafor@example.net, Priya Raman priya.raman@example.org'));
      await sameAsReference('ch-fields.html', act, (p) => fieldState(p, '#ce'));
    });
  }

  it('a multi-line list into a contenteditable: same paragraphs', async () => {
    await sameAsReference('ch-fields.html', dropTextAt((p) => pointAtText(p, '#ce p:last-child', 5)), (p) => fieldState(p, '#ce'));
  });

  it('a rich list (text/html) into a contenteditable, after a paragraph: same markup', async () => {
    const html = '<ul><li><b>Maria Gonzalez</b> maria.gonzalez@example.com</li><li><b>James Okafor</b> j.okafor@example.net</li><li><b>Priya Raman</b> priya.raman@example.org</li></ul>';
    const text = 'Maria Gonzalez maria.gonzalez@example.com\nJames Okafor j.okafor@example.net\nPriya Raman priya.raman@example.org';
    await sameAsReference(
      'ch-fields.html',
      dropTextAt((p) => pointAtText(p, '#ce p:last-child', 14), [
        { mimeType: 'text/plain', data: text },
        { mimeType: 'text/html', data: html },
      ]),
      (p) => fieldState(p, '#ce'),
    );
  });

  for (const [label, offset] of [
    ['between words', 6],
    ['at the start of a paragraph', 0],
    ['inside a word', 2],
  ] as const) {
    it(`inline rich text (text/html) into a contenteditable, ${label}: same markup`, async () => {
      const html = '<b>Maria Gonzalez</b> <i>maria.gonzalez@example.com</i>, <b>James Okafor</b> <i>j.okafor@example.net</i>, <b>Priya Raman</b> <i>priya.raman@example.org</i>';
      const text = 'Maria Gonzalez maria.gonzalez@example.com, James Okafor j.okafor@example.net, Priya Raman priya.raman@example.org';
      await sameAsReference(
        'ch-fields.html',
        dropTextAt((p) => pointAtText(p, '#ce p:first-child', offset), [
          { mimeType: 'text/plain', data: text },
          { mimeType: 'text/html', data: html },
        ]),
        (p) => fieldState(p, '#ce'),
      );
    });
  }

  it('onto a drop zone that reads the data itself: the same drop event data', async () => {
    await sameAsReference('ch-fields.html', dropTextAt((p) => pointIn(p, '#dz')), (p) => p.evaluate(() => (window as unknown as { __drops: unknown[] }).__drops));
  });

  it('Cancel: nothing is dropped and the page heard nothing', async () => {
    const page = await guarded.openFixture('ch-fields.html');
    const before = await fieldState(page, '#ta');
    await dropTextAt((p) => pointAtText(p, '#ta', 5))(page);
    await waitForDialog(page);
    await clickDialog(page, 'cancel');
    await waitForDialogGone(page);
    expect(await fieldState(page, '#ta')).toEqual(before);
    expect(await seen(page)).toEqual([]);
    await page.close();
  });
});

describe('text/html pastes', () => {
  it('a contact list copied from a web page (HTML with mailto links) into a rich field: held; Share anyway gives the same markup', async () => {
    const html =
      '<meta charset="utf-8"><h3>Our clients</h3><ul><li><a href="mailto:maria.gonzalez@example.com">Maria Gonzalez</a>, (415) 555-0142</li>' +
      '<li><a href="mailto:j.okafor@example.net">James Okafor</a>, (212) 555-0187</li><li><a href="mailto:priya.raman@example.org">Priya Raman</a>, (617) 555-0119</li></ul>';
    const text = 'Our clients\nMaria Gonzalez, (415) 555-0142\nJames Okafor, (212) 555-0187\nPriya Raman, (617) 555-0119';
    const r = await sameAsReference('ch-fields.html', (p) => realPaste(p, '#ce', text, html), (p) => fieldState(p, '#ce'));
    expect(r.reference.value).toContain('mailto:priya.raman@example.org');
  });

  it('the same HTML into a textarea: the plain-text flavour, as without the extension', async () => {
    const html = '<table><tr><td>Maria Gonzalez</td><td>maria.gonzalez@example.com</td></tr><tr><td>James Okafor</td><td>j.okafor@example.net</td></tr><tr><td>Priya Raman</td><td>priya.raman@example.org</td></tr></table>';
    const text = 'Maria Gonzalez\tmaria.gonzalez@example.com\nJames Okafor\tj.okafor@example.net\nPriya Raman\tpriya.raman@example.org';
    const r = await sameAsReference('ch-fields.html', (p) => realPaste(p, '#ta', text, html), (p) => fieldState(p, '#ta'), {
      held: (s) => s.value, // the click that focuses the field moves its caret, as it should
    });
    expect(r.reference.value).toContain('\t');
  });
});

describe('fields without a selection API', () => {
  it('an email field (type=email multiple): Share anyway pastes the addresses where the caret was, as without the extension', async () => {
    const emails = 'maria.gonzalez@example.com, j.okafor@example.net, priya.raman@example.org, tbecker@example.com';
    const r = await sameAsReference('ch-fields.html', (p) => realPaste(p, '#invite', emails), (p) => fieldState(p, '#invite'), { held: (s) => s.value });
    expect(r.reference.value).toContain('priya.raman@example.org');
  });
});
