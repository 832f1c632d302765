// npm run demo [-- --headless]
//
// Opens the bundled demo site (demo/site) at https://clientguard-demo.invalid/ in Debian's
// Chromium with the built extension (dist/) loaded. The site is served from disk through
// Playwright's request interception: ".invalid" never resolves, and every other address is
// answered locally with an empty 204, so nothing goes out on the network.
//
// With a display, the browser opens on the demo's index and stays until its window is closed.
// With --headless (or without a display), it plays the walkthrough, prints what happened at
// each step and saves screenshots to artifacts/demo/NN-step.png; the exit code is non-zero if
// an expected warning did not appear.
import type { BrowserContext, Page } from 'playwright-core';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLEAN_TEXT, ROOT, launch, realPaste, type Session } from '../test/e2e/harness';
import { clickDialog, dialogText, isDialogShowing, waitForDialog, waitForDialogGone } from '../test/e2e/dialog-driver';

export const DEMO_ORIGIN = 'https://clientguard-demo.invalid';
export const DEMO_SITE = join(ROOT, 'demo/site');
export const SAMPLE_CLIENTS_CSV = join(DEMO_SITE, 'sample-clients.csv');
export const SAMPLE_STORY_TXT = join(DEMO_SITE, 'sample-story.txt');
export const DEFAULT_OUT_DIR = join(ROOT, 'artifacts/demo');

/** How long to wait for ClientGuard's dialog after an action. */
const WARNING_TIMEOUT_MS = 8_000;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Paths on the demo origin that are not files of demo/site. */
const EXTRA_FILES: Record<string, string> = {
  '/assets/clientguard-icon.svg': join(ROOT, 'icons/icon.svg'),
};

/**
 * Serve demo/site at DEMO_ORIGIN in this browser context. Routes registered later win in
 * Playwright, so this takes precedence over the harness's catch-all 204.
 */
export async function serveDemoSite(context: BrowserContext): Promise<void> {
  await context.route(/^https:\/\/clientguard-demo\.invalid(\/|$)/, async (route) => {
    const url = new URL(route.request().url());
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return route.fulfill({ status: 400, contentType: 'text/plain', body: 'bad request' });
    }
    if (pathname === '/' || pathname === '') pathname = '/index.html';
    const file = EXTRA_FILES[pathname] ?? resolve(DEMO_SITE, `.${pathname}`);
    const inside = file === EXTRA_FILES[pathname] || file.startsWith(DEMO_SITE + sep);
    if (!inside || !existsSync(file)) {
      return route.fulfill({ status: 404, contentType: 'text/plain; charset=utf-8', body: 'Not found on the demo site' });
    }
    return route.fulfill({
      status: 200,
      contentType: MIME[extname(file)] ?? 'application/octet-stream',
      body: readFileSync(file),
    });
  });
}

/** Open a demo page (e.g. "ads-audience.html") in a new tab, with clipboard access granted. */
export async function openDemoPage(session: Session, name: string, reuse?: Page): Promise<Page> {
  await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: DEMO_ORIGIN });
  const page = reuse ?? (await session.context.newPage());
  await page.goto(`${DEMO_ORIGIN}/${name}`, { waitUntil: 'load' });
  return page;
}

// ---------------------------------------------------------------------------------------------
// Headless walkthrough

export type Channel = 'paste' | 'upload' | 'form' | 'post';

export interface WalkthroughStep {
  id: string;
  title: string;
  channel: Channel;
  /** Whether ClientGuard is expected to warn at this step. */
  expectWarning: boolean;
  /** Whether a ClientGuard warning appeared. */
  warned: boolean;
  passed: boolean;
  /** What happened, in a sentence or two. */
  detail: string;
  /** Absolute paths of the screenshots taken during the step. */
  screenshots: string[];
}

export interface WalkthroughOptions {
  /** Where the NN-step.png screenshots go (default artifacts/demo). */
  outDir?: string;
  /** Progress lines (default console.log). */
  log?: (line: string) => void;
}

interface StepContext {
  session: Session;
  log: (line: string) => void;
  shot: (page: Page, name: string) => Promise<string>;
}

interface StepOutcome {
  warned: boolean;
  passed: boolean;
  detail: string;
}

interface StepDefinition {
  id: string;
  title: string;
  channel: Channel;
  expectWarning: boolean;
  run(ctx: StepContext, screenshots: string[]): Promise<StepOutcome>;
}

const SAMPLE_REPLY =
  "Thank you so much, Dana! It was a privilege to work with you on your depression and panic attacks these past months. I'm so glad our sessions helped.";

const SAMPLE_CONTACT = {
  name: 'Jordan Ellis',
  practice: 'Harbor Light Counseling',
  email: 'jordan@harborlight.example',
  phone: '(503) 555-0100',
};

const SAMPLE_TYPED_CLIENTS = [
  'Maria Alvarez, maria.alvarez@example.com, (415) 555-0142',
  'Daniel Okafor, d.okafor@example.net, (212) 555-0187',
  'Priya Raman, priya.raman@example.org, (617) 555-0119',
].join('\n');

const SAMPLE_TYPED_POST =
  'So proud of my client Maria Alvarez, who finished her last session of treatment for depression today! Reach her at maria.alvarez@example.com to say congrats.';

/** True if ClientGuard's dialog shows up within the timeout. */
async function warningAppears(page: Page, timeoutMs = WARNING_TIMEOUT_MS): Promise<boolean> {
  try {
    await waitForDialog(page, timeoutMs);
    return true;
  } catch (error) {
    if (error instanceof Error && error.message === 'ClientGuard dialog did not appear') return false;
    throw error;
  }
}

function oneLine(text: string, max = 220): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function quote(text: string, max = 160): string {
  return JSON.stringify(oneLine(text, max));
}

function sameText(a: string, b: string): boolean {
  return oneLine(a, Infinity) === oneLine(b, Infinity);
}

async function untilTrue(page: Page, check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() >= until) return false;
    await page.waitForTimeout(100);
  }
}

async function logDialog(ctx: StepContext, page: Page): Promise<void> {
  ctx.log(`     ClientGuard says: ${quote(await dialogText(page), 400)}`);
}

async function dismiss(page: Page, action: 'cancel' | 'share'): Promise<void> {
  await clickDialog(page, action);
  await waitForDialogGone(page, 5_000);
}

const composerText = (page: Page) => page.locator('#composer').innerText();

const STEPS: StepDefinition[] = [
  {
    id: 'ads-paste',
    title: 'Ad platform: paste the client list into "paste identifiers", then Cancel',
    channel: 'paste',
    expectWarning: true,
    async run(ctx, shots) {
      const page = await openDemoPage(ctx.session, 'ads-audience.html');
      const list = readFileSync(SAMPLE_CLIENTS_CSV, 'utf8').trimEnd();
      ctx.log(`     Ctrl+V of sample-clients.csv (${list.split('\n').length - 1} fictional clients)`);
      await realPaste(page, '#identifiers', list);
      const warned = await warningAppears(page);
      if (!warned) {
        shots.push(await ctx.shot(page, 'ads-paste-no-warning'));
        const value = await page.inputValue('#identifiers');
        await page.close();
        return {
          warned,
          passed: false,
          detail: `no ClientGuard warning within ${WARNING_TIMEOUT_MS / 1000} s; the box now holds ${quote(value, 80)}`,
        };
      }
      await logDialog(ctx, page);
      shots.push(await ctx.shot(page, 'ads-paste-warning'));
      await dismiss(page, 'cancel');
      await page.waitForTimeout(300);
      const value = await page.inputValue('#identifiers');
      const count = await page.locator('#paste-count').innerText();
      ctx.log(`     after Cancel the paste box holds ${quote(value)} (${value === '' ? 'empty' : 'NOT empty'}); page counts "${count}"`);
      shots.push(await ctx.shot(page, 'ads-paste-cancelled'));
      await page.close();
      return {
        warned,
        passed: value === '',
        detail: value === '' ? 'warning shown; after Cancel the box is empty' : `after Cancel the box still holds ${quote(value, 80)}`,
      };
    },
  },
  {
    id: 'ads-upload',
    title: 'Ad platform: "Upload file" with sample-clients.csv through the file chooser, then Cancel',
    channel: 'upload',
    expectWarning: true,
    async run(ctx, shots) {
      const page = await openDemoPage(ctx.session, 'ads-audience.html');
      const chooserPromise = page.waitForEvent('filechooser', { timeout: 5_000 });
      await page.click('#upload-button');
      const chooser = await chooserPromise;
      ctx.log(`     file chooser opened (accept=".csv,.txt"); choosing ${relative(ROOT, SAMPLE_CLIENTS_CSV)}`);
      await chooser.setFiles(SAMPLE_CLIENTS_CSV, { timeout: 10_000 });
      const warned = await warningAppears(page);
      const received = async () => (await page.locator('#file-summary').innerText()).trim();
      if (!warned) {
        shots.push(await ctx.shot(page, 'ads-upload-no-warning'));
        const summary = await received();
        await page.close();
        return {
          warned,
          passed: false,
          detail: `no ClientGuard warning within ${WARNING_TIMEOUT_MS / 1000} s; the page shows ${quote(summary, 100)}`,
        };
      }
      await logDialog(ctx, page);
      shots.push(await ctx.shot(page, 'ads-upload-warning'));
      await dismiss(page, 'cancel');
      await page.waitForTimeout(500);
      const summary = await received();
      const files = await page.locator('#file-input').evaluate((el: HTMLInputElement) => el.files?.length ?? 0);
      const kept = summary === 'No file selected.' && files === 0;
      ctx.log(`     after Cancel the page shows ${quote(summary)}; the file input holds ${files} file(s)`);
      shots.push(await ctx.shot(page, 'ads-upload-cancelled'));
      await page.close();
      return {
        warned,
        passed: kept,
        detail: kept ? 'warning shown; after Cancel the page never received the file' : `after Cancel the page shows ${quote(summary, 100)}`,
      };
    },
  },
  {
    id: 'composer-story',
    title: 'Social composer: paste the client "success story", then Share anyway',
    channel: 'paste',
    expectWarning: true,
    async run(ctx, shots) {
      const page = await openDemoPage(ctx.session, 'composer.html');
      const story = readFileSync(SAMPLE_STORY_TXT, 'utf8').trimEnd();
      ctx.log(`     Ctrl+V of sample-story.txt: ${quote(story, 90)}`);
      await realPaste(page, '#composer', story);
      const warned = await warningAppears(page);
      if (!warned) {
        shots.push(await ctx.shot(page, 'composer-story-no-warning'));
        const text = await composerText(page);
        await page.close();
        return {
          warned,
          passed: false,
          detail: `no ClientGuard warning within ${WARNING_TIMEOUT_MS / 1000} s; the composer holds ${quote(text, 80)}`,
        };
      }
      await logDialog(ctx, page);
      shots.push(await ctx.shot(page, 'composer-story-warning'));
      await dismiss(page, 'share');
      const arrived = await untilTrue(page, async () => sameText(await composerText(page), story), 5_000);
      const text = await composerText(page);
      ctx.log(`     after "Share anyway" the composer holds: ${quote(text, 400)}`);
      shots.push(await ctx.shot(page, 'composer-story-shared'));
      await page.close();
      return {
        warned,
        passed: arrived,
        detail: arrived
          ? 'warning shown; after "Share anyway" the story is in the composer exactly as pasted'
          : `after "Share anyway" the composer holds ${quote(text, 100)} instead of the story`,
      };
    },
  },
  {
    id: 'clean-paste',
    title: 'Social composer: paste an ordinary announcement (no client data)',
    channel: 'paste',
    expectWarning: false,
    async run(ctx, shots) {
      const page = await openDemoPage(ctx.session, 'composer.html');
      ctx.log(`     Ctrl+V of ${quote(CLEAN_TEXT)}`);
      await realPaste(page, '#composer', CLEAN_TEXT);
      const arrived = await untilTrue(page, async () => sameText(await composerText(page), CLEAN_TEXT), WARNING_TIMEOUT_MS);
      // A warning could still be on its way: give it a moment before declaring the paste clean.
      await page.waitForTimeout(1_000);
      const warned = await isDialogShowing(page);
      const text = await composerText(page);
      ctx.log(`     composer holds ${quote(text)}; ClientGuard dialog ${warned ? 'SHOWN' : 'not shown'}`);
      shots.push(await ctx.shot(page, 'clean-paste'));
      await page.close();
      const passed = arrived && !warned;
      return {
        warned,
        passed,
        detail: passed
          ? 'the text went in untouched and nothing interrupted'
          : warned
            ? 'ClientGuard warned about text with no client data'
            : `the composer holds ${quote(text, 100)} instead of the pasted text`,
      };
    },
  },
  {
    id: 'review-reply',
    title: 'Review site: type a public reply that confirms the reviewer is a client, press Reply, then Cancel',
    channel: 'form',
    expectWarning: true,
    async run(ctx, shots) {
      const page = await openDemoPage(ctx.session, 'review-reply.html');
      await page.click('#reply-text');
      await page.keyboard.type(SAMPLE_REPLY);
      ctx.log(`     typed ${quote(SAMPLE_REPLY, 90)} and pressed Reply`);
      await page.click('#reply-button');
      const warned = await warningAppears(page);
      const published = () => page.locator('#replies [data-posted]').count();
      if (!warned) {
        shots.push(await ctx.shot(page, 'review-reply-no-warning'));
        const n = await published();
        await page.close();
        return {
          warned,
          passed: false,
          detail: `no ClientGuard warning within ${WARNING_TIMEOUT_MS / 1000} s; ${n > 0 ? 'the reply was published' : 'the reply was not published'}`,
        };
      }
      await logDialog(ctx, page);
      shots.push(await ctx.shot(page, 'review-reply-warning'));
      await dismiss(page, 'cancel');
      await page.waitForTimeout(300);
      const n = await published();
      const draft = await page.inputValue('#reply-text');
      ctx.log(`     after Cancel: ${n === 0 ? 'nothing published' : 'reply PUBLISHED'}; the draft ${draft ? 'is still in the box' : 'is gone'}`);
      shots.push(await ctx.shot(page, 'review-reply-cancelled'));
      await page.close();
      return {
        warned,
        passed: n === 0,
        detail: n === 0 ? 'warning shown; after Cancel the reply was not published' : 'after Cancel the reply was published anyway',
      };
    },
  },
  {
    id: 'contact-form',
    title: '"Free boosted ads" form: type a few clients into the list box, press Send, then Cancel',
    channel: 'form',
    expectWarning: true,
    async run(ctx, shots) {
      const page = await openDemoPage(ctx.session, 'contact-form.html');
      await page.click('#contact-name');
      await page.keyboard.type(SAMPLE_CONTACT.name);
      await page.click('#contact-practice');
      await page.keyboard.type(SAMPLE_CONTACT.practice);
      await page.click('#contact-email');
      await page.keyboard.type(SAMPLE_CONTACT.email);
      await page.click('#contact-phone');
      await page.keyboard.type(SAMPLE_CONTACT.phone);
      await page.click('#contact-list');
      await page.keyboard.type(SAMPLE_TYPED_CLIENTS);
      ctx.log(`     typed the practice's own details and ${SAMPLE_TYPED_CLIENTS.split('\n').length} clients; pressed "Send my list"`);
      await page.click('#contact-submit');
      const warned = await warningAppears(page);
      const sent = () => page.locator('#sent').isVisible();
      if (!warned) {
        shots.push(await ctx.shot(page, 'contact-form-no-warning'));
        const wasSent = await sent();
        await page.close();
        return {
          warned,
          passed: false,
          detail: `no ClientGuard warning within ${WARNING_TIMEOUT_MS / 1000} s; the page ${wasSent ? 'says "Sent!"' : 'did not send'}`,
        };
      }
      await logDialog(ctx, page);
      shots.push(await ctx.shot(page, 'contact-form-warning'));
      await dismiss(page, 'cancel');
      await page.waitForTimeout(300);
      const wasSent = await sent();
      ctx.log(`     after Cancel the page ${wasSent ? 'says "Sent!"' : 'has not sent anything'}`);
      shots.push(await ctx.shot(page, 'contact-form-cancelled'));
      await page.close();
      return {
        warned,
        passed: !wasSent,
        detail: wasSent ? 'after Cancel the form was sent anyway' : 'warning shown; after Cancel the form was not sent',
      };
    },
  },
  {
    id: 'composer-post',
    title: 'Social composer: type a post naming a client, press Post, then Cancel',
    channel: 'post',
    expectWarning: true,
    async run(ctx, shots) {
      const page = await openDemoPage(ctx.session, 'composer.html');
      await page.click('#composer');
      await page.keyboard.type(SAMPLE_TYPED_POST);
      ctx.log(`     typed ${quote(SAMPLE_TYPED_POST, 90)} and pressed Post`);
      await page.click('#post-button');
      const warned = await warningAppears(page);
      const posted = () => page.locator('#feed [data-posted]').count();
      if (!warned) {
        shots.push(await ctx.shot(page, 'composer-post-no-warning'));
        const n = await posted();
        await page.close();
        return {
          warned,
          passed: false,
          detail: `no ClientGuard warning within ${WARNING_TIMEOUT_MS / 1000} s; ${n > 0 ? 'the post went into the feed' : 'nothing was posted'}`,
        };
      }
      await logDialog(ctx, page);
      shots.push(await ctx.shot(page, 'composer-post-warning'));
      await dismiss(page, 'cancel');
      await page.waitForTimeout(300);
      const n = await posted();
      const draft = await composerText(page);
      ctx.log(`     after Cancel: ${n === 0 ? 'nothing posted' : 'POSTED to the feed'}; composer holds ${quote(draft, 80)}`);
      shots.push(await ctx.shot(page, 'composer-post-cancelled'));
      await page.close();
      return {
        warned,
        passed: n === 0,
        detail: n === 0 ? 'warning shown; after Cancel nothing was posted' : 'after Cancel the post went into the feed anyway',
      };
    },
  },
];

/** Ids of the steps that use the paste channel (the ones the extension handles first). */
export const PASTE_STEP_IDS = STEPS.filter((s) => s.channel === 'paste').map((s) => s.id);

/**
 * Play every demo step in one headless browser and report each one. Screenshots go to
 * outDir as NN-step.png (older NN-*.png files there are removed first).
 */
export async function runHeadlessWalkthrough(options: WalkthroughOptions = {}): Promise<WalkthroughStep[]> {
  const outDir = options.outDir ?? DEFAULT_OUT_DIR;
  const log = options.log ?? ((line: string) => console.log(line));
  mkdirSync(outDir, { recursive: true });
  for (const old of readdirSync(outDir)) if (/^\d\d-.+\.png$/.test(old)) rmSync(join(outDir, old), { force: true });

  let counter = 0;
  const shot = async (page: Page, name: string): Promise<string> => {
    counter += 1;
    const file = join(outDir, `${String(counter).padStart(2, '0')}-${name}.png`);
    // The dialog fades in over 160 ms inside a closed shadow root, where Playwright's
    // `animations: 'disabled'` does not reach (measured: shots still came out half
    // transparent). Let it finish.
    await page.waitForTimeout(250);
    await page.screenshot({ path: file });
    return file;
  };

  const session = await launch();
  const results: WalkthroughStep[] = [];
  try {
    await serveDemoSite(session.context);
    for (const [index, step] of STEPS.entries()) {
      log(`\n${index + 1}. ${step.title}  [${step.channel}]`);
      const screenshots: string[] = [];
      let outcome: StepOutcome;
      try {
        outcome = await step.run({ session, log, shot }, screenshots);
      } catch (error) {
        outcome = {
          warned: false,
          passed: false,
          detail: `step failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
        };
        for (const page of session.context.pages()) if (page.url().startsWith(DEMO_ORIGIN)) await page.close().catch(() => {});
      }
      const result: WalkthroughStep = {
        id: step.id,
        title: step.title,
        channel: step.channel,
        expectWarning: step.expectWarning,
        ...outcome,
        screenshots,
      };
      results.push(result);
      log(`   ${result.passed ? 'PASS' : 'FAIL'}: ${result.detail}`);
      for (const file of screenshots) log(`     screenshot ${relative(ROOT, file)}`);
    }
  } finally {
    await session.close();
  }
  return results;
}

// ---------------------------------------------------------------------------------------------
// Interactive (headed) demo

function printWhatToTry(): void {
  console.log(
    [
      '',
      `ClientGuard demo is open at ${DEMO_ORIGIN}/ (served from demo/site on this computer).`,
      '',
      'What to try:',
      '  1. "Ad platform: upload a customer list": press Copy in the hint box, click the',
      '     "paste identifiers" box and press Ctrl+V. ClientGuard stops the paste; Cancel keeps it out.',
      `  2. Same page, "Upload file": choose ${relative(process.cwd(), SAMPLE_CLIENTS_CSV) || SAMPLE_CLIENTS_CSV}`,
      '  3. "Social media: write a post": paste the sample success story (a client named with a diagnosis).',
      '  4. "Review site": reply publicly in a way that confirms the reviewer is a client.',
      '  5. "Free boosted ads": the agency form asking for your client database.',
      '  6. Paste ordinary text anywhere: nothing interrupts you.',
      '',
      'All people and services in the demo are fictional. Close the browser window to end the demo (or press Ctrl+C here).',
    ].join('\n'),
  );
}

async function runInteractive(): Promise<void> {
  process.env.HEADED = '1';
  let session: Session;
  try {
    session = await launch();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/XServer|\$DISPLAY|platform failed|Missing X server|wayland/i.test(message)) {
      const display = process.env.WAYLAND_DISPLAY ? `WAYLAND_DISPLAY=${process.env.WAYLAND_DISPLAY}` : `DISPLAY=${process.env.DISPLAY}`;
      throw new Error(
        `Chromium could not open a window on ${display}. Check that the display is running, ` +
          'or run the walkthrough without a window: npm run demo -- --headless',
      );
    }
    throw error;
  }
  await serveDemoSite(session.context);
  const first = session.context.pages()[0];
  await openDemoPage(session, 'index.html', first);
  printWhatToTry();
  const closed = new Promise<void>((done) => session.context.once('close', () => done()));
  const stop = () => {
    void session.context.close().catch(() => {});
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await closed;
  process.off('SIGINT', stop);
  process.off('SIGTERM', stop);
  await session.close().catch(() => {});
  console.log('Demo browser closed.');
}

async function runHeadless(): Promise<number> {
  process.env.HEADED = '0';
  const outDir = DEFAULT_OUT_DIR;
  console.log(`ClientGuard demo walkthrough (headless). Screenshots: ${relative(process.cwd(), outDir) || outDir}/`);
  const steps = await runHeadlessWalkthrough({ outDir });
  console.log('\nSummary');
  for (const [i, step] of steps.entries()) {
    console.log(`  ${step.passed ? 'PASS' : 'FAIL'}  ${i + 1}. ${step.id.padEnd(15)} ${step.channel.padEnd(7)} ${step.detail}`);
  }
  const missing = steps.filter((s) => s.expectWarning && !s.warned);
  const failed = steps.filter((s) => !s.passed);
  if (missing.length > 0) {
    console.error(
      `\nExpected a ClientGuard warning that did not appear in: ${missing.map((s) => `${s.id} (${s.channel})`).join(', ')}.`,
    );
  }
  if (failed.length === 0) console.log(`\nAll ${steps.length} steps passed.`);
  else console.error(`${failed.length} of ${steps.length} steps failed.`);
  return failed.length === 0 ? 0 : 1;
}

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log('Usage: npm run demo [-- --headless]\n  (no flag)   open the demo site in Chromium with ClientGuard loaded\n  --headless  play the walkthrough, print each step, save screenshots to artifacts/demo/');
    return 0;
  }
  const unknown = argv.filter((a) => a !== '--headless');
  if (unknown.length > 0) {
    console.error(`Unknown option(s): ${unknown.join(' ')}. Try --help.`);
    return 2;
  }
  if (argv.includes('--headless')) return runHeadless();
  if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.log(
      'No display found (neither DISPLAY nor WAYLAND_DISPLAY is set), so a browser window cannot open here.\n' +
        'Falling back to the headless walkthrough; run `npm run demo -- --headless` to choose it directly.\n',
    );
    return runHeadless();
  }
  await runInteractive();
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(`Demo failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}
