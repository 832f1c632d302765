// Real Chromium (Debian's /usr/bin/chromium) driven by playwright-core, with the built
// extension from dist/ loaded. Fixture pages are served under the real hostnames of covered
// sites through request interception, so the manifest's match patterns are what decides.
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFixtureLibraries } from './fixture-libs';
import type { EffectiveSettings } from '../../src/core/settings';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The built extension; CLIENTGUARD_DIST lets parallel work test its own build. */
export const DIST = process.env.CLIENTGUARD_DIST ? resolve(process.env.CLIENTGUARD_DIST) : join(ROOT, 'dist');
export const FIXTURES = join(ROOT, 'test/fixtures/pages');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Fixed by the public key in manifest.json. */
export const EXTENSION_ID = 'odenlbhnapbkdaiopobofedcmbpblcok';
export const MANAGED_POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = join(MANAGED_POLICY_DIR, 'clientguard-test.json');

/** A covered host (ad platform category) and an uncovered one, for fixtures. */
export const COVERED = 'https://business.facebook.com';
export const COVERED_SOCIAL = 'https://www.linkedin.com';
export const UNCOVERED = 'https://www.example.org';

export interface LaunchOptions {
  /** Load the built extension (default true). false gives the reference run. */
  extension?: boolean;
  /** Managed policy values for the extension, written to /etc/chromium/policies/managed. */
  policy?: Record<string, unknown>;
  /** Extra HTML routes: absolute URL -> body. */
  routes?: Record<string, string>;
  /** Browser UI language, e.g. "es". */
  locale?: string;
  /** Reuse a profile directory (to test restarts); a fresh temp dir by default. */
  userDataDir?: string;
}

export interface Session {
  context: BrowserContext;
  /** The extension's service worker (undefined in a reference run). */
  worker?: Worker;
  extensionId: string;
  userDataDir: string;
  /** Open a fixture (test/fixtures/pages/NAME) served at ORIGIN/__fixtures/NAME. */
  openFixture(name: string, origin?: string): Promise<Page>;
  /** chrome-extension://ID/PATH in a new tab. */
  openExtensionPage(path: string): Promise<Page>;
  close(options?: { keepProfile?: boolean }): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
};

export function writeManagedPolicy(policy: Record<string, unknown> | undefined): void {
  if (!policy) {
    rmSync(POLICY_FILE, { force: true });
    return;
  }
  mkdirSync(MANAGED_POLICY_DIR, { recursive: true });
  writeFileSync(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [EXTENSION_ID]: policy } } }));
}

export async function launch(options: LaunchOptions = {}): Promise<Session> {
  const withExtension = options.extension ?? true;
  if (withExtension && !existsSync(join(DIST, 'manifest.json'))) {
    throw new Error('dist/ is missing: run `npm run build` first (npm test does).');
  }
  await buildFixtureLibraries();
  writeManagedPolicy(options.policy);
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'clientguard-e2e-'));
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--no-default-browser-check',
  ];
  if (withExtension) args.push(`--disable-extensions-except=${DIST}`, `--load-extension=${DIST}`);
  if (options.locale) args.push(`--lang=${options.locale}`);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: process.env.HEADED !== '1',
    args,
    ignoreDefaultArgs: withExtension ? ['--disable-extensions'] : [],
    locale: options.locale ?? 'en-US',
    viewport: { width: 1280, height: 900 },
  });
  // Playwright runs the most recently registered matching route first: the catch-all goes
  // first so that the specific routes below take precedence.
  // Anything else on the open web is unreachable here; answer at once instead of hanging.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => route.fulfill({ status: 204, body: '' }));
  await context.route(/^https:\/\/[^/]+\/__fixtures\//, async (route) => {
    const url = new URL(route.request().url());
    const rel = decodeURIComponent(url.pathname.replace(/^\/__fixtures\//, ''));
    const file = resolve(FIXTURES, rel);
    if (!file.startsWith(FIXTURES) || !existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
    await route.fulfill({ status: 200, contentType: MIME[extname(file)] ?? 'application/octet-stream', body: readFileSync(file) });
  });
  for (const [url, body] of Object.entries(options.routes ?? {})) {
    await context.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }));
  }

  let worker: Worker | undefined;
  if (withExtension) {
    worker = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${EXTENSION_ID}/`));
    worker ??= await context.waitForEvent('serviceworker', {
      predicate: (w) => w.url().startsWith(`chrome-extension://${EXTENSION_ID}/`),
      timeout: 20_000,
    });
  }

  return {
    context,
    worker,
    extensionId: EXTENSION_ID,
    userDataDir,
    async openFixture(name, origin = COVERED) {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
      const page = await context.newPage();
      await page.goto(`${origin}/__fixtures/${name}`);
      return page;
    },
    async openExtensionPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${EXTENSION_ID}/${path.replace(/^\//, '')}`);
      return page;
    },
    async close({ keepProfile = false } = {}) {
      await context.close();
      if (options.policy) writeManagedPolicy(undefined);
      if (!keepProfile && !options.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The user's real path: put text (and optionally an HTML flavour) on the system clipboard,
 * focus the target and press Control+V. The page receives a trusted paste event.
 */
export async function realPaste(page: Page, selector: string, text: string, html?: string): Promise<void> {
  const frame = page.locator(selector);
  await frame.click();
  await page.evaluate(
    async ({ text, html }) => {
      const items: Record<string, Blob> = { 'text/plain': new Blob([text], { type: 'text/plain' }) };
      if (html) items['text/html'] = new Blob([html], { type: 'text/html' });
      await navigator.clipboard.write([new ClipboardItem(items)]);
    },
    { text, html },
  );
  await page.keyboard.press('Control+V');
}

/** Locator for an element inside ClientGuard's dialog. The dialog lives in a closed shadow
 *  root; playwright's engine pierces it from the privileged side, which page scripts cannot. */
export function dialog(page: Page) {
  return page.locator('[data-clientguard-dialog]');
}

/** The value or text of a field, normalised for comparison between runs. */
export async function fieldState(page: Page, selector: string): Promise<string> {
  return page.locator(selector).evaluate((el) => {
    if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) return `value:${el.value}`;
    return `html:${(el as HTMLElement).innerHTML}`;
  });
}

/** Sample client list used across tests: fictional people, safe to show. */
export const SAMPLE_CLIENT_LIST = [
  'Name,Email,Phone',
  'Maria Gonzalez,maria.gonzalez@example.com,(415) 555-0142',
  'James Okafor,j.okafor@example.net,(212) 555-0187',
  'Priya Raman,priya.raman@example.org,(617) 555-0119',
  'Tom Becker,tbecker@example.com,(503) 555-0163',
].join('\n');

export const CLEAN_TEXT = 'Join us Saturday for a free community workshop on managing everyday stress. Coffee provided!';

/** The effective settings as content scripts read them (storage.local), read through an
 *  extension page so that a stopped service worker does not matter. */
export async function effectiveSettings(page: Page): Promise<EffectiveSettings> {
  return page.evaluate(async () => (await chrome.storage.local.get('effectiveSettings')).effectiveSettings as EffectiveSettings);
}

/** Polls the effective settings until `done` holds (policy and option changes land async). */
export async function waitForEffective(page: Page, done: (s: EffectiveSettings) => boolean, timeoutMs = 15_000): Promise<EffectiveSettings> {
  const until = Date.now() + timeoutMs;
  let last: EffectiveSettings | undefined;
  while (Date.now() < until) {
    last = await effectiveSettings(page);
    if (last && done(last)) return last;
    await page.waitForTimeout(100);
  }
  throw new Error(`effective settings did not reach the expected state: ${JSON.stringify(last)}`);
}
