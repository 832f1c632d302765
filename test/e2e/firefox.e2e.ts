// ClientGuard in a stock Firefox (Debian's firefox-esr), driven over WebDriver BiDi, the
// remote protocol built into Firefox (test/e2e/firefox-bidi.ts; no geckodriver, and
// playwright-core drives only its own patched Firefox). The Firefox package is built from the
// already built extension (CLIENTGUARD_DIST or dist/) and installed as a temporary add-on;
// pages are served at https://clientguard-demo.invalid/ (covered by the manifest) through BiDi
// request interception. Everything the user does is real input: the clipboard is written by
// the page, then a real Control+V; the dialog is answered with real keys (Tab, Escape) and,
// for the button itself, the real mouse (see activate() below). The dialog's closed shadow
// root is out of the page's reach; BiDi hands its node to the test, which only reads it.
// Every result is compared with a reference run of the same input in a Firefox without the
// extension.
//
// Needs /usr/bin/firefox-esr (or CLIENTGUARD_FIREFOX) and a global WebSocket (Node 20:
// NODE_OPTIONS=--experimental-websocket). Without them the suite is skipped, unless
// CLIENTGUARD_REQUIRE_FIREFOX=1 (then it fails).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIREFOX_BINARY, Firefox, Key, firefoxAvailable, webSocketAvailable, type RemoteValue } from './firefox-bidi';
import { buildFixtureLibraries } from './fixture-libs';
import { buildPackages } from '../../scripts/package';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = process.env.CLIENTGUARD_DIST ? resolve(process.env.CLIENTGUARD_DIST) : join(ROOT, 'dist');
const ORIGIN = 'https://clientguard-demo.invalid';

const skipReason = !firefoxAvailable()
  ? `${FIREFOX_BINARY} not found (CI installs it with apt-get install firefox-esr; set CLIENTGUARD_FIREFOX to use another Firefox)`
  : !webSocketAvailable()
    ? 'Node has no global WebSocket: on Node 20 run with NODE_OPTIONS=--experimental-websocket'
    : '';
if (skipReason && process.env.CLIENTGUARD_REQUIRE_FIREFOX === '1') throw new Error(`firefox.e2e.ts: ${skipReason}`);
if (skipReason) console.warn(`firefox.e2e.ts skipped: ${skipReason}`);

/** Four people, with names, email addresses and phone numbers. */
const CLIENT_LIST = [
  'Maria Gonzalez, maria.gonzalez@example.com, (415) 555-0132',
  'James Okafor, j.okafor@example.net, (212) 555-0187',
  'Priya Raman, priya.raman@example.org, (617) 555-0144',
  'Daniel Kim, daniel.kim@example.com, (503) 555-0199',
].join('\n');
const CLEAN_TEXT = 'Team meeting moved to 3pm on Thursday. Bring the quarterly numbers.';

const FIELD_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>ClientGuard Firefox: field</title></head>
<body>
<textarea id="t" rows="8" cols="80">Draft: </textarea>
<script>
  window.__seen = [];
  const t = document.getElementById('t');
  t.addEventListener('paste', (e) => __seen.push('paste:' + e.isTrusted + ':' + (e.clipboardData ? e.clipboardData.getData('text/plain').length : -1)));
  t.addEventListener('input', (e) => __seen.push('input:' + e.inputType));
</script>
</body></html>`;

// An editor that handles paste itself (reads clipboardData, cancels the event, inserts the
// text as paragraphs), next to the real Lexical and ProseMirror (test/fixtures/editors/).
const EDITORS_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>ClientGuard Firefox: editors</title>
<style>body{font:15px system-ui;margin:24px} .ed{border:1px solid #999;min-height:80px;padding:6px;margin:8px 0;width:560px} .ProseMirror{min-height:80px;outline:none}</style>
</head><body>
<div id="own" class="ed" contenteditable="true" aria-label="Own editor"></div>
<div id="lexical" class="ed" contenteditable="true" aria-label="Lexical editor"></div>
<div id="pm" class="ed" aria-label="ProseMirror editor"></div>
<script>
  window.__seen = [];
  const own = document.getElementById('own');
  own.addEventListener('paste', (e) => {
    const text = e.clipboardData ? e.clipboardData.getData('text/plain') : '';
    __seen.push('own paste:' + e.isTrusted + ':' + text.length);
    e.preventDefault();
    for (const line of text.split('\\n')) {
      const p = document.createElement('p');
      p.textContent = line;
      own.append(p);
    }
  });
  own.addEventListener('beforeinput', (e) => __seen.push('own beforeinput:' + e.inputType));
</script>
<script src="/lib/lexical-editor.js"></script>
<script src="/lib/prosemirror-editor.js"></script>
</body></html>`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor<T>(what: string, probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await probe();
  while (!done(last)) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last: ${JSON.stringify(last)}`);
    await sleep(100);
    last = await probe();
  }
  return last;
}

interface Tab {
  ff: Firefox;
  context: string;
}

async function open(ff: Firefox, path: string): Promise<Tab> {
  const context = await ff.topContext();
  await ff.navigate(context, `${ORIGIN}${path}`);
  return { ff, context };
}

const evaluate = <T>(tab: Tab, expression: string) => tab.ff.evaluateJson<T>(tab.context, expression);

/** A real paste: the page writes the clipboard (as a "copy" would), the target gets focus
 *  (a field by focus(), an editor by a real click), then a real Control+V. */
async function realPaste(tab: Tab, target: string, text: string, how: 'focus' | 'click'): Promise<void> {
  const written = await tab.ff.evaluateJson<string>(
    tab.context,
    `navigator.clipboard.writeText(${JSON.stringify(text)}).then(() => 'ok', (e) => String(e))`,
    { userActivation: true },
  );
  expect(written, 'clipboard written').toBe('ok');
  if (how === 'focus') {
    await evaluate(tab, `(() => { const t = document.querySelector(${JSON.stringify(target)}); t.focus(); t.setSelectionRange(t.value.length, t.value.length); })()`);
  } else {
    const box = await evaluate<{ x: number; y: number; width: number; height: number }>(tab, `document.querySelector(${JSON.stringify(target)}).getBoundingClientRect().toJSON()`);
    await tab.ff.click(tab.context, box.x + box.width / 2, box.y + box.height / 2);
    await waitFor(`${target} focused`, () => evaluate<boolean>(tab, `document.querySelector(${JSON.stringify(target)}).contains(document.activeElement)`), Boolean, 5_000);
  }
  await tab.ff.chord(tab.context, [Key.Control, 'v']);
}

/** How many ClientGuard dialog hosts the page has (what the page itself can see). */
const dialogHosts = (tab: Tab) =>
  evaluate<number>(tab, `Array.from(document.body.children).filter((e) => e.localName === 'div' && e.style.zIndex === '2147483647').length`);

/** The dialog's (closed) shadow root as a BiDi reference; null when no dialog shows. */
async function dialogRoot(tab: Tab): Promise<string | null> {
  const host: RemoteValue = await tab.ff.evaluateRaw(
    tab.context,
    `Array.from(document.body.children).find((e) => e.localName === 'div' && e.style.zIndex === '2147483647') ?? null`,
  );
  const root = host.type === 'node' ? (host.value?.shadowRoot as RemoteValue | null | undefined) : null;
  return root?.sharedId ?? null;
}

interface DialogState {
  open: boolean;
  focused: string | null;
  actions: string[];
}

async function dialogState(tab: Tab): Promise<DialogState | null> {
  const root = await dialogRoot(tab);
  if (!root) return null;
  return tab.ff.callFunction<DialogState>(
    tab.context,
    `(root) => ({
      open: !!root.querySelector('dialog[data-clientguard-dialog][open]'),
      focused: root.activeElement ? root.activeElement.getAttribute('data-action') : null,
      actions: Array.from(root.querySelectorAll('[data-action]')).map((e) => e.getAttribute('data-action')),
    })`,
    [{ sharedId: root }],
  );
}

const waitForDialog = (tab: Tab) => waitFor('the warning dialog', () => dialogState(tab), (s) => s?.open === true && s.focused !== null, 15_000);
const waitForDialogGone = (tab: Tab) => waitFor('the dialog to close', () => dialogHosts(tab), (n) => n === 0, 10_000);

/** Tab from the focused control until `action` has focus; every step is a real Tab key. */
async function tabTo(tab: Tab, action: string): Promise<number> {
  for (let presses = 0; presses < 10; presses++) {
    const state = await dialogState(tab);
    if (state?.focused === action) return presses;
    await tab.ff.pressKeys(tab.context, [Key.Tab]);
  }
  throw new Error(`Tab never reached ${action}: ${JSON.stringify(await dialogState(tab))}`);
}

let activatedBy: 'Enter' | 'mouse' | undefined;

/**
 * Operates the focused dialog button. First a real Enter. Under BiDi in headless Firefox ESR
 * 153, Enter (and Space) on a focused <button> fire keydown/keypress/keyup but no click, on
 * any page, with or without ClientGuard (links and selects do react to keys); so when the
 * dialog is still open the same, focused button is pressed with the real mouse at its box.
 */
async function activate(tab: Tab, action: string): Promise<void> {
  expect((await dialogState(tab))?.focused).toBe(action);
  await tab.ff.pressKeys(tab.context, [Key.Enter]);
  const closed = await waitFor('Enter to answer the dialog', () => dialogHosts(tab), (n) => n === 0, 750).then(
    () => true,
    () => false,
  );
  if (closed) {
    activatedBy = 'Enter';
    return;
  }
  const root = await dialogRoot(tab);
  expect(root).not.toBeNull();
  const box = await tab.ff.callFunction<{ x: number; y: number; width: number; height: number }>(
    tab.context,
    `(root) => root.querySelector('[data-action=${JSON.stringify(action)}]').getBoundingClientRect().toJSON()`,
    [{ sharedId: root }],
  );
  await tab.ff.click(tab.context, box.x + box.width / 2, box.y + box.height / 2);
  activatedBy = 'mouse';
}

describe.skipIf(Boolean(skipReason))('Firefox ESR over WebDriver BiDi', () => {
  let guarded: Firefox | undefined;
  let reference: Firefox | undefined;
  let packageDir: string | undefined;

  beforeAll(async () => {
    if (!existsSync(join(DIST, 'manifest.json'))) throw new Error(`${DIST}/manifest.json not found: build first (npx vite build, or set CLIENTGUARD_DIST)`);
    packageDir = mkdtempSync(join(tmpdir(), 'clientguard-ff-pkg-'));
    const written = buildPackages({ dist: DIST, out: packageDir, lint: false, source: false });
    const zip = written.find((f) => /clientguard-firefox-.*\.zip$/.test(f));
    if (!zip) throw new Error(`no Firefox package among ${written.join(', ')}`);
    await buildFixtureLibraries();
    const lib = join(ROOT, 'test/fixtures/pages/lib');
    const routes = new Map([
      ['/', { type: 'text/html; charset=utf-8', body: FIELD_PAGE }],
      ['/editors', { type: 'text/html; charset=utf-8', body: EDITORS_PAGE }],
      ['/lib/lexical-editor.js', { type: 'text/javascript', body: readFileSync(join(lib, 'lexical-editor.js'), 'utf8') }],
      ['/lib/prosemirror-editor.js', { type: 'text/javascript', body: readFileSync(join(lib, 'prosemirror-editor.js'), 'utf8') }],
    ]);
    [guarded, reference] = await Promise.all([Firefox.launch(), Firefox.launch()]);
    const id = await guarded.installExtension(zip);
    expect(id).toBe('clientguard@clientguard.app');
    await Promise.all([guarded.serve(ORIGIN, routes), reference.serve(ORIGIN, routes)]);
  }, 120_000);

  afterAll(async () => {
    await Promise.allSettled([guarded?.close(), reference?.close()]);
    if (packageDir) rmSync(packageDir, { recursive: true, force: true });
    if (activatedBy) console.log(`firefox.e2e.ts: dialog buttons were answered by ${activatedBy === 'Enter' ? 'the Enter key' : 'Tab to the button, then the real mouse (Enter does not press a button under BiDi)'}`);
  }, 30_000);

  const fieldState = (tab: Tab) => evaluate<{ value: string; seen: string[] }>(tab, `({ value: document.getElementById('t').value, seen: window.__seen })`);

  it('installs, and holds a real Control+V of a client list: the page sees nothing and the dialog is added', async () => {
    const tab = await open(guarded!, '/');
    expect(await dialogHosts(tab)).toBe(0);
    await realPaste(tab, '#t', CLIENT_LIST, 'focus');
    const state = await waitForDialog(tab);
    expect(await dialogHosts(tab), 'one dialog host added to the page').toBe(1);
    expect(state!.focused, 'focus starts on Cancel').toBe('cancel');
    expect(state!.actions).toEqual(['reason', 'cancel', 'redact', 'share', 'not-client', 'later']);
    // The page's own paste and input listeners did not run; the field is as it was.
    await sleep(300);
    expect(await fieldState(tab)).toEqual({ value: 'Draft: ', seen: [] });
    // The page cannot reach into the dialog.
    expect(await evaluate(tab, `Array.from(document.body.children).find((e) => e.style.zIndex === '2147483647').shadowRoot`)).toBeNull();
    await tab.ff.pressKeys(tab.context, [Key.Escape]);
    await waitForDialogGone(tab);
  });

  it('Share anyway (Tab from Cancel to it) puts exactly the pasted text in the textarea, as without the extension', async () => {
    const ref = await open(reference!, '/');
    await realPaste(ref, '#t', CLIENT_LIST, 'focus');
    const expected = await waitFor('the reference paste', () => fieldState(ref), (s) => s.value !== 'Draft: ');
    expect(expected.value).toBe(`Draft: ${CLIENT_LIST}`);

    const tab = await open(guarded!, '/');
    await realPaste(tab, '#t', CLIENT_LIST, 'focus');
    await waitForDialog(tab);
    expect(await tabTo(tab, 'share'), 'Cancel, Remove identifiers, Share anyway').toBe(2);
    await activate(tab, 'share');
    await waitForDialogGone(tab);
    const actual = await waitFor('the shared paste', () => fieldState(tab), (s) => s.value !== 'Draft: ');
    expect(actual.value).toBe(expected.value);
    expect(await evaluate(tab, `document.activeElement.id`), 'focus back in the field').toBe('t');
    // The page's paste listener got the replayed paste, with the data on it (untrusted: a
    // script cannot make a trusted one), then one input event for the whole text.
    expect(expected.seen).toEqual([`paste:true:${CLIENT_LIST.length}`, 'input:insertFromPaste']);
    expect(actual.seen).toEqual([`paste:false:${CLIENT_LIST.length}`, 'input:insertText']);
  });

  describe('an editor that handles paste itself', () => {
    type EditorsState = { own: string[]; lexical: string; pm: unknown; seen: string[] };
    const editorsState = (tab: Tab) =>
      evaluate<EditorsState>(
        tab,
        `({
          own: Array.from(document.getElementById('own').childNodes).map((n) => n.nodeName + ':' + n.textContent),
          lexical: window.__lexicalText(),
          pm: window.__pmDoc(),
          seen: window.__seen,
        })`,
      );

    for (const [name, selector, observe] of [
      ['own paste handler (preventDefault, reads clipboardData)', '#own', (s: EditorsState) => s.own],
      ['Lexical', '#lexical', (s: EditorsState) => s.lexical],
      ['ProseMirror', '#pm', (s: EditorsState) => s.pm],
    ] as const) {
      it(`${name}: Share anyway gives the same content as without the extension`, async () => {
        const ref = await open(reference!, '/editors');
        const empty = observe(await editorsState(ref));
        await realPaste(ref, selector, CLIENT_LIST, 'click');
        const expected = observe(await waitFor('the reference paste', () => editorsState(ref), (s) => JSON.stringify(observe(s)) !== JSON.stringify(empty)));

        const tab = await open(guarded!, '/editors');
        await realPaste(tab, selector, CLIENT_LIST, 'click');
        await waitForDialog(tab);
        await sleep(200);
        expect(observe(await editorsState(tab)), 'held: the editor is unchanged').toEqual(empty);
        await tabTo(tab, 'share');
        await activate(tab, 'share');
        await waitForDialogGone(tab);
        await waitFor(`the shared paste in ${name}`, () => editorsState(tab), (s) => JSON.stringify(observe(s)) !== JSON.stringify(empty), 5_000).catch(() => undefined);
        // Let the editor settle (Lexical and ProseMirror update asynchronously).
        await sleep(300);
        const actual = await editorsState(tab);
        expect(observe(actual), `page saw: ${JSON.stringify(actual.seen)}`).toEqual(expected);
      });
    }
  });

  it('Escape cancels: the textarea is unchanged and nothing is pasted', async () => {
    const tab = await open(guarded!, '/');
    await realPaste(tab, '#t', CLIENT_LIST, 'focus');
    await waitForDialog(tab);
    await tab.ff.pressKeys(tab.context, [Key.Escape]);
    await waitForDialogGone(tab);
    await sleep(500);
    expect(await fieldState(tab)).toEqual({ value: 'Draft: ', seen: [] });
    expect(await evaluate(tab, `document.activeElement.id`), 'focus back in the field').toBe('t');
  });

  it('a clean paste goes straight in, exactly as without the extension', async () => {
    const ref = await open(reference!, '/');
    await realPaste(ref, '#t', CLEAN_TEXT, 'focus');
    const expected = await waitFor('the reference paste', () => fieldState(ref), (s) => s.value !== 'Draft: ');

    const tab = await open(guarded!, '/');
    await realPaste(tab, '#t', CLEAN_TEXT, 'focus');
    const actual = await waitFor('the clean paste', () => fieldState(tab), (s) => s.value !== 'Draft: ', 5_000);
    expect(actual).toEqual(expected);
    expect(actual).toEqual({ value: `Draft: ${CLEAN_TEXT}`, seen: [`paste:true:${CLEAN_TEXT.length}`, 'input:insertFromPaste'] });
    await sleep(500);
    expect(await dialogHosts(tab), 'no dialog').toBe(0);
  });
});
