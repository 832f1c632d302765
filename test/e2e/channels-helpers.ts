// Helpers for the channels-*.e2e.ts suites. They reach into ClientGuard's closed shadow root
// the way dialog-driver.ts does, through the DevTools protocol (a page script cannot), and add
// what those suites need besides clicking: running axe-core inside the root, reading which
// control has focus, reading the progress box, trusted drops, and the worker's storage.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Session } from './harness';
import { attr, cdp, clickDialog, documentTree, waitForDialog, waitForDialogGone, type CdpNode } from './dialog-driver';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

function walk(node: CdpNode, visit: (n: CdpNode, host: CdpNode | null) => void, host: CdpNode | null = null): void {
  visit(node, host);
  for (const child of node.children ?? []) walk(child, visit, host);
  for (const root of node.shadowRoots ?? []) walk(root, visit, node);
  if (node.contentDocument) walk(node.contentDocument, visit, null);
}


function contains(node: CdpNode, pred: (n: CdpNode) => boolean): boolean {
  let found = false;
  walk(node, (n) => {
    if (!found && pred(n)) found = true;
  });
  return found;
}

/** ClientGuard's shadow host and its closed shadow root holding `marker`, as protocol nodes. */
async function shadowOf(page: Page, marker: (n: CdpNode) => boolean): Promise<{ host: CdpNode; root: CdpNode } | null> {
  let hit: { host: CdpNode; root: CdpNode } | null = null;
  walk(await documentTree(page), (n) => {
    if (hit) return;
    for (const root of n.shadowRoots ?? []) if (contains(root, marker)) hit = { host: n, root };
  });
  return hit;
}

const isDialog = (n: CdpNode) => attr(n, 'data-clientguard-dialog') !== undefined;
const isProgress = (n: CdpNode) => (attr(n, 'class') ?? '').split(' ').includes('cg-progress');

async function objectId(page: Page, node: CdpNode): Promise<string> {
  const { object } = (await (await cdp(page)).send('DOM.resolveNode', { nodeId: node.nodeId })) as { object: { objectId: string } };
  return object.objectId;
}

/** Calls `fn` with `this` = the dialog's closed shadow root, in the page's main world. */
async function onDialogRoot<T>(page: Page, fn: string, args: { objectId?: string; value?: unknown }[] = []): Promise<T> {
  const shadow = await shadowOf(page, isDialog);
  if (!shadow) throw new Error('no dialog');
  const session = await cdp(page);
  const result = (await session.send('Runtime.callFunctionOn', {
    objectId: await objectId(page, shadow.root),
    functionDeclaration: fn,
    arguments: args,
    awaitPromise: true,
    returnByValue: true,
  })) as { result: { value: T }; exceptionDetails?: { exception?: { description?: string } } };
  if (result.exceptionDetails) throw new Error(result.exceptionDetails.exception?.description ?? 'evaluation failed');
  return result.result.value;
}

/** Waits until the dialog's entrance animation is over (axe measures colours as painted). */
export async function dialogSettled(page: Page): Promise<void> {
  await onDialogRoot(page, 'async function () { await Promise.all(this.getAnimations({ subtree: true }).map((a) => a.finished)); }');
}

export interface AxeOutcome {
  violations: string[];
  passed: string[];
  incomplete: string[];
}

/**
 * axe-core run on the dialog inside its closed shadow root. axe builds its tree from the
 * document and enters shadow trees through `host.shadowRoot`, which is null for a closed root;
 * so, in the page's main world only, the host gets a `shadowRoot` getter returning the real root
 * (obtained through the DevTools protocol). ClientGuard's isolated world does not see it.
 */
export async function axeOnDialog(page: Page): Promise<AxeOutcome> {
  const shadow = await shadowOf(page, isDialog);
  if (!shadow) throw new Error('no dialog');
  const session = await cdp(page);
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  await session.send('Runtime.callFunctionOn', {
    objectId: await objectId(page, shadow.host),
    functionDeclaration: 'function (root) { Object.defineProperty(this, "shadowRoot", { configurable: true, get: () => root }); }',
    arguments: [{ objectId: await objectId(page, shadow.root) }],
  });
  await dialogSettled(page);
  return onDialogRoot<AxeOutcome>(
    page,
    `async function () {
      const dialog = this.querySelector('[data-clientguard-dialog]');
      const r = await window.axe.run(dialog);
      const list = (rules) => rules.map((v) => v.id + ' (' + v.nodes.length + '): ' + v.nodes.map((n) => n.target.join(' > ') + ' ' + (n.failureSummary || '')).join(' | '));
      return { violations: list(r.violations), passed: r.passes.map((p) => p.id), incomplete: list(r.incomplete) };
    }`,
  );
}

/** data-action (or tag name) of the control focused inside the dialog; 'outside:TAG' if the
 *  focus is not in the dialog's shadow root at all. */
export async function dialogFocus(page: Page): Promise<string> {
  return onDialogRoot<string>(
    page,
    `function () {
      const a = this.activeElement;
      return a ? (a.getAttribute('data-action') || a.tagName.toLowerCase()) : 'outside:' + (document.activeElement ? document.activeElement.tagName.toLowerCase() : 'none');
    }`,
  );
}

/** Attributes of the dialog element and its accessible name, as the accessibility tree has it. */
export async function dialogSemantics(page: Page): Promise<{ tag: string; role: string | null; modal: string | null; name: string; open: boolean }> {
  return onDialogRoot(
    page,
    `function () {
      const d = this.querySelector('[data-clientguard-dialog]');
      const label = this.getElementById(d.getAttribute('aria-labelledby'));
      return { tag: d.tagName.toLowerCase(), role: d.getAttribute('role'), modal: d.getAttribute('aria-modal'), name: label ? label.textContent.trim() : '', open: d.open && d.matches(':modal') };
    }`,
  );
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Each dialog control's box in CSS pixels of the viewport, and whether it is the element
 *  actually hit at its centre (not covered, not clipped away by a scroll container). */
export async function dialogControls(page: Page): Promise<{ action: string; box: Box; hit: boolean; text: string }[]> {
  return onDialogRoot(
    page,
    `function () {
      return [...this.querySelectorAll('[data-action]')].filter((el) => el.tagName === 'BUTTON').map((el) => {
        const r = el.getBoundingClientRect();
        const hitEl = this.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return { action: el.getAttribute('data-action'), box: { x: r.left, y: r.top, width: r.width, height: r.height }, hit: hitEl === el || el.contains(hitEl), text: el.textContent.trim() };
      });
    }`,
  );
}

/** The dialog's own box and the viewport, in CSS pixels. */
export async function dialogBox(page: Page): Promise<{ dialog: Box; viewport: { width: number; height: number }; titleVisible: boolean }> {
  return onDialogRoot(
    page,
    `function () {
      const d = this.querySelector('[data-clientguard-dialog]');
      const r = d.getBoundingClientRect();
      const t = this.getElementById('cg-title').getBoundingClientRect();
      return { dialog: { x: r.left, y: r.top, width: r.width, height: r.height }, viewport: { width: innerWidth, height: innerHeight }, titleVisible: t.top >= 0 && t.bottom <= innerHeight && t.height > 0 };
    }`,
  );
}

export interface ProgressView {
  text: string;
  role: string | undefined;
  /** The <progress> value attribute; undefined when indeterminate. */
  value: string | undefined;
  box: Box;
}

/** ClientGuard's progress box, if one is showing (read through the protocol). */
export async function progressView(page: Page): Promise<ProgressView | null> {
  let found: CdpNode | null = null;
  walk(await documentTree(page), (n) => {
    if (!found && isProgress(n)) found = n;
  });
  if (!found) return null;
  const node: CdpNode = found;
  const session = await cdp(page);
  try {
    const { outerHTML } = (await session.send('DOM.getOuterHTML', { nodeId: node.nodeId })) as { outerHTML: string };
    const { model } = (await session.send('DOM.getBoxModel', { nodeId: node.nodeId })) as { model: { border: number[] } };
    const q = model.border;
    let bar: CdpNode | undefined;
    walk(node, (n) => {
      if (!bar && n.nodeName === 'PROGRESS') bar = n;
    });
    return {
      text: outerHTML.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim(),
      role: attr(node, 'role'),
      value: bar ? attr(bar, 'value') : undefined,
      box: { x: q[0] ?? 0, y: q[1] ?? 0, width: (q[2] ?? 0) - (q[0] ?? 0), height: (q[5] ?? 0) - (q[1] ?? 0) },
    };
  } catch {
    return null; // closed between the tree read and the box read
  }
}

/** A trusted drop through the DevTools protocol, as the OS delivers one. */
export async function dropAt(page: Page, x: number, y: number, data: { files?: string[]; items?: { mimeType: string; data: string }[] }): Promise<void> {
  const session = await cdp(page);
  const dragData = { items: data.items ?? [], ...(data.files ? { files: data.files } : {}), dragOperationsMask: 1 };
  for (const type of ['dragEnter', 'dragOver', 'drop'] as const) {
    await session.send('Input.dispatchDragEvent', { type, x, y, data: dragData });
  }
}

/** Centre (or a fraction of the box) of an element in page coordinates. */
export async function pointIn(page: Page, selector: string, fx = 0.5, fy = 0.5): Promise<{ x: number; y: number }> {
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`${selector} has no box`);
  return { x: box.x + box.width * fx, y: box.y + box.height * fy };
}

/**
 * The point just after character `offset` of the first line of text in `selector`: in an
 * input or textarea, measured with its font (the text itself is in the browser's own shadow
 * tree), elsewhere from a range on its first text node.
 */
export async function pointAtText(page: Page, selector: string, offset: number): Promise<{ x: number; y: number }> {
  return page.locator(selector).evaluate((el, off) => {
    if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
      const style = getComputedStyle(el);
      const ctx = document.createElement('canvas').getContext('2d')!;
      ctx.font = style.font;
      const line = el.value.split('\n')[0]!;
      const width = ctx.measureText(line.slice(0, off)).width;
      const box = el.getBoundingClientRect();
      const left = box.left + parseFloat(style.borderLeftWidth) + parseFloat(style.paddingLeft);
      const top = box.top + parseFloat(style.borderTopWidth) + parseFloat(style.paddingTop);
      const lineHeight = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.2;
      const y = el instanceof HTMLInputElement ? box.top + box.height / 2 : top + lineHeight / 2;
      return { x: left + width + 1, y };
    }
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const text = walker.nextNode() as Text;
    const range = document.createRange();
    range.setStart(text, off);
    range.collapse(true);
    const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
    return { x: rect.left + 1, y: rect.top + rect.height / 2 };
  }, offset);
}

/** Opens the file chooser with a real click on `button` and picks `paths`. */
export async function chooseFiles(page: Page, button: string, paths: string[]): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click(button)]);
  await chooser.setFiles(paths);
}

/** Puts text, HTML and/or a small PNG on the system clipboard (async clipboard API). */
export async function writeClipboard(page: Page, data: { text?: string; html?: string; png?: boolean }): Promise<void> {
  await page.evaluate(async ({ text, html, png }) => {
    const items: Record<string, Blob> = {};
    if (text !== undefined) items['text/plain'] = new Blob([text], { type: 'text/plain' });
    if (html !== undefined) items['text/html'] = new Blob([html], { type: 'text/html' });
    if (png) {
      const canvas = document.createElement('canvas');
      canvas.width = 8;
      canvas.height = 8;
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = '#0f6e78';
      ctx.fillRect(0, 0, 4, 8);
      items['image/png'] = await new Promise<Blob>((done) => canvas.toBlob((b) => done(b!), 'image/png'));
    }
    await navigator.clipboard.write([new ClipboardItem(items)]);
  }, data);
}

// ---- The extension's worker (shared with popup.e2e.ts) ------------------------------------------

export async function badgeText(session: Session): Promise<string> {
  return session.worker!.evaluate(() => chrome.action.getBadgeText({}));
}

export async function waitForBadge(session: Session, expected: string): Promise<void> {
  await expect.poll(() => badgeText(session), { timeout: 10_000, interval: 100 }).toBe(expected);
}

export async function pendingCount(session: Session): Promise<number> {
  const warnings = (await storedValue<{ status: string }[]>(session, 'warnings')) ?? [];
  return warnings.filter((w) => w.status === 'pending').length;
}

export async function storedValue<T>(session: Session, key: string): Promise<T | undefined> {
  return session.worker!.evaluate(async (k) => (await chrome.storage.local.get(k))[k], key) as Promise<T | undefined>;
}

/** Everything in storage.local, serialised: to check that no raw value was written. */
export async function allStorage(session: Session): Promise<string> {
  return session.worker!.evaluate(async () => JSON.stringify(await chrome.storage.local.get(null)));
}

// ---- Guarded run against a reference run ------------------------------------------------------

export type Act = (page: Page) => Promise<void>;

/** Runs `act` in a browser without ClientGuard and reads the page's state with `observe`. */
export async function referenceRun<T>(reference: Session, fixture: string, act: Act, observe: (page: Page) => Promise<T>, settle?: (page: Page) => Promise<unknown>): Promise<T> {
  const page = await reference.openFixture(fixture);
  await act(page);
  await (settle ? settle(page) : page.waitForTimeout(300));
  const state = await observe(page);
  await page.close();
  return state;
}

/** Runs `act` with ClientGuard, answers the dialog with `decision`, reads the state. */
export async function guardedRun<T>(guarded: Session, fixture: string, act: Act, decision: string, observe: (page: Page) => Promise<T>, settle?: (page: Page) => Promise<unknown>): Promise<T> {
  const page = await guarded.openFixture(fixture);
  await act(page);
  await waitForDialog(page);
  await clickDialog(page, decision);
  await waitForDialogGone(page);
  await (settle ? settle(page) : page.waitForTimeout(300));
  const state = await observe(page);
  await page.close();
  return state;
}
