// Drives ClientGuard's in-page dialog the way a person does. The dialog sits in a closed
// shadow root, which page scripts (and Playwright's selectors) cannot enter; the DevTools
// protocol can (DOM.getDocument with pierce), so tests find a button there, read its box
// and click it with the real mouse: a trusted click, like a user's.
import type { CDPSession, Frame, Page } from 'playwright-core';

export interface CdpNode {
  nodeId: number;
  backendNodeId: number;
  nodeName: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  shadowRootType?: string;
  contentDocument?: CdpNode;
}

const sessions = new WeakMap<Page, CDPSession>();

/** One DevTools session per page, shared by every helper that reads the dialog. */
export async function cdp(page: Page): Promise<CDPSession> {
  let session = sessions.get(page);
  if (!session) {
    session = await page.context().newCDPSession(page);
    sessions.set(page, session);
  }
  return session;
}

export function attr(node: CdpNode, name: string): string | undefined {
  const a = node.attributes ?? [];
  for (let i = 0; i < a.length; i += 2) if (a[i] === name) return a[i + 1];
  return undefined;
}

function findAll(node: CdpNode, pred: (n: CdpNode) => boolean, out: CdpNode[] = []): CdpNode[] {
  if (pred(node)) out.push(node);
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) findAll(child, pred, out);
  if (node.contentDocument) findAll(node.contentDocument, pred, out);
  return out;
}

/** The whole DOM, shadow roots (closed ones too) and frames included. */
export async function documentTree(page: Page): Promise<CdpNode> {
  const session = await cdp(page);
  const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
  return root;
}

/**
 * The dialog's root element (inside the closed shadow root), if it is showing: open, as a
 * person sees it. A <dialog> that is in the DOM but not open has no layout, nothing to click.
 */
async function dialogNode(page: Page): Promise<CdpNode | undefined> {
  const root = await documentTree(page);
  return findAll(root, (n) => attr(n, 'data-clientguard-dialog') !== undefined && attr(n, 'open') !== undefined)[0];
}

export async function isDialogShowing(page: Page): Promise<boolean> {
  return (await dialogNode(page)) !== undefined;
}

export async function waitForDialog(page: Page, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await isDialogShowing(page)) return;
    await page.waitForTimeout(50);
  }
  throw new Error('ClientGuard dialog did not appear');
}

export async function waitForDialogGone(page: Page, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (!(await isDialogShowing(page))) return;
    await page.waitForTimeout(50);
  }
  throw new Error('ClientGuard dialog did not close');
}

/** The dialog's visible text (what a screen reader or a person reads). */
export async function dialogText(page: Page): Promise<string> {
  const node = await dialogNode(page);
  if (!node) throw new Error('no dialog');
  const session = await cdp(page);
  const { outerHTML } = (await session.send('DOM.getOuterHTML', { nodeId: node.nodeId })) as { outerHTML: string };
  return outerHTML
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** Centre of the element with data-action=ACTION inside the dialog, in page coordinates. */
export async function dialogButtonCentre(page: Page, action: string): Promise<{ x: number; y: number }> {
  const node = await dialogNode(page);
  if (!node) throw new Error('no dialog');
  const target = findAll(node, (n) => attr(n, 'data-action') === action)[0];
  if (!target) throw new Error(`dialog has no "${action}" control`);
  const session = await cdp(page);
  await session.send('DOM.scrollIntoViewIfNeeded', { nodeId: target.nodeId });
  const { model } = (await session.send('DOM.getBoxModel', { nodeId: target.nodeId })) as { model: { content: number[] } };
  const q = model.content;
  return { x: ((q[0] ?? 0) + (q[4] ?? 0)) / 2, y: ((q[1] ?? 0) + (q[5] ?? 0)) / 2 };
}

/** A real mouse click on a dialog control (Cancel = "cancel", Share anyway = "share", …). */
export async function clickDialog(page: Page, action: string): Promise<void> {
  const { x, y } = await dialogButtonCentre(page, action);
  await page.mouse.click(x, y);
}

/** Type into a dialog field (the reason box) with the real keyboard. */
export async function typeInDialog(page: Page, field: string, text: string): Promise<void> {
  await clickDialog(page, field);
  await page.keyboard.type(text);
}

export type { Frame };
