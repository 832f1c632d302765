// The options page in real Chromium: changes reach storage (and open tabs) without a reload,
// bad input is explained and not saved, settings travel by file, added sites get a registered
// content script, and axe-core finds no accessibility violations in either colour scheme or
// language.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { readFileSync, rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { COVERED, EXTENSION_ID, ROOT, SAMPLE_CLIENT_LIST, launch, realPaste, effectiveSettings, waitForEffective, type Session } from './harness';
import { isDialogShowing, waitForDialog } from './dialog-driver';

const OPTIONS = 'src/options/index.html';
const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const tmp = mkdtempSync(join(tmpdir(), 'clientguard-options-'));
let session: Session | undefined;

afterEach(async () => {
  await session?.close();
  session = undefined;
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function openOptions(s: Session): Promise<Page> {
  const page = await s.openExtensionPage(OPTIONS);
  await page.waitForSelector('[data-section="diagnostics"]');
  return page;
}


interface AxeResult {
  violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
  passes: unknown[];
}

/** axe-core in the page. evaluate() runs outside the page's CSP, which forbids inline scripts. */
async function axe(page: Page): Promise<AxeResult> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<AxeResult> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    return { violations: result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) })), passes: result.passes };
  });
}

/** Grants host access for `origin` the way a user did earlier (permission stored in the profile).
 *  Chromium's permission prompt cannot be answered from automation, so the test starts from a
 *  profile where the user had already said yes; the options page's own request then resolves
 *  true at once, exactly as it does for a site the user allowed before. */
async function profileWithGrantedOrigin(pattern: string): Promise<string> {
  const first = await launch();
  const dir = first.userDataDir;
  await first.close({ keepProfile: true });
  const file = join(dir, 'Default/Preferences');
  const prefs = JSON.parse(readFileSync(file, 'utf8')) as { extensions: { settings: Record<string, Record<string, { explicit_host?: string[] }>> } };
  const ext = prefs.extensions.settings[EXTENSION_ID];
  if (!ext) throw new Error('extension not found in the profile');
  for (const key of ['granted_permissions', 'active_permissions', 'runtime_granted_permissions']) {
    ext[key] = { ...(ext[key] ?? {}), explicit_host: [...(ext[key]?.explicit_host ?? []), pattern] };
  }
  writeFileSync(file, JSON.stringify(prefs));
  return dir;
}

describe('options page', () => {
  it('has no axe violations: light, dark, Spanish, with locked settings and policy problems', async () => {
    session = await launch({
      policy: { mode: 'block', listThreshold: 1, reportingEndpoint: 'http://evil.example', reportingLevel: 'all', addedSites: ['https://crm.example.com'], adminNote: 'Managed by IT' },
    });
    const page = await openOptions(session);
    await page.waitForSelector('[data-policy-key="listThreshold"]');
    // Open every disclosure so that hidden content is checked too.
    await page.locator('details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    const light = await axe(page);
    expect(light.violations).toEqual([]);
    expect(light.passes.length).toBeGreaterThan(20);

    await page.emulateMedia({ colorScheme: 'dark' });
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(17, 19, 23)');
    expect((await axe(page)).violations).toEqual([]);
    await session.close();

    session = await launch({ locale: 'es' });
    const es = await openOptions(session);
    expect(await es.locator('h1').innerText()).toBe('Configuración de ClientGuard');
    expect(await es.evaluate(() => document.documentElement.lang)).toMatch(/^es/);
    expect((await axe(es)).violations).toEqual([]);
  });

  it('saves changes at once and open tabs follow without a reload', async () => {
    session = await launch();
    const tab = await session.openFixture('fields.html', COVERED);
    const page = await openOptions(session);

    // Sensitivity, typed and left with the keyboard.
    await page.fill('#list-threshold', '5');
    await page.press('#list-threshold', 'Tab');
    await waitForEffective(page, (s) => s.listThreshold === 5);
    await expect.poll(() => page.locator('[data-save-status]').innerText()).toBe('Saved');

    // Mode with the arrow keys, as a keyboard user changes a radio group.
    await page.focus('#mode-warn');
    await page.keyboard.press('ArrowDown');
    await waitForEffective(page, (s) => s.mode === 'block');
    await page.keyboard.press('ArrowUp');
    await waitForEffective(page, (s) => s.mode === 'warn');

    await page.check('#require-reason');
    await waitForEffective(page, (s) => s.requireReason);

    // Own details, one per line; the valid entries are saved, the invalid one explained.
    await page.fill('#own-emails', 'frontdesk@example-practice.com\nnot-an-email');
    await page.fill('#own-names', 'Harbor Counseling');
    await page.locator('#own-names').blur();
    await page.locator('#own-emails').focus();
    await page.locator('#own-emails').blur();
    await waitForEffective(page, (s) => s.ownIdentities.emails.length === 1 && s.ownIdentities.names.length === 1);
    expect((await effectiveSettings(page)).ownIdentities).toEqual({ emails: ['frontdesk@example-practice.com'], emailDomains: [], phones: [], names: ['Harbor Counseling'] });
    expect(await page.locator('#own-emails-error').innerText()).toContain('"not-an-email" is not an email address');
    expect(await page.locator('#own-emails').getAttribute('aria-invalid')).toBe('true');

    // Threshold back to 3 so the sample (4 people) is a list; then switch the ad category off:
    // the tab opened before any of this follows without a reload.
    await page.fill('#list-threshold', '3');
    await page.press('#list-threshold', 'Tab');
    await page.locator('[data-category="ads"]').uncheck();
    await waitForEffective(page, (s) => s.disabledCategories.includes('ads') && s.listThreshold === 3);
    await tab.bringToFront();
    await realPaste(tab, '#ta', SAMPLE_CLIENT_LIST);
    await tab.waitForTimeout(1500);
    expect(await isDialogShowing(tab)).toBe(false);

    await page.bringToFront();
    await page.locator('[data-category="ads"]').check();
    // Single sites inside the category: switch business.facebook.com's pattern off and on.
    await page.locator('details:has([data-site="*.facebook.com"]) summary').click();
    await page.locator('[data-site="*.facebook.com"]').uncheck();
    await waitForEffective(page, (s) => s.disabledCategories.length === 0 && s.disabledSites.includes('*.facebook.com'));
    await page.locator('[data-site="*.facebook.com"]').check();
    await waitForEffective(page, (s) => s.disabledSites.length === 0);
    await tab.bringToFront();
    await tab.fill('#ta', '');
    await realPaste(tab, '#ta', SAMPLE_CLIENT_LIST);
    await waitForDialog(tab);
  });

  it('explains bad input and does not save it', async () => {
    session = await launch();
    const page = await openOptions(session);
    for (const bad of ['1', '1001', '2.5', '']) {
      await page.fill('#list-threshold', bad);
      await page.press('#list-threshold', 'Tab');
      const error = page.locator('#list-threshold-error');
      await error.waitFor();
      expect(await error.innerText()).toBe('Enter a whole number from 2 to 1000.');
      expect(await page.locator('#list-threshold').getAttribute('aria-describedby')).toContain('list-threshold-error');
    }
    expect((await effectiveSettings(page)).listThreshold).toBe(3);

    await page.fill('#add-site-input', 'http://crm.example.com/path');
    await page.click('button[type=submit]');
    expect(await page.locator('#add-site-error').innerText()).toContain('not an https site address');
    expect((await effectiveSettings(page)).addedSites).toEqual([]);
  });

  it('exports the user\'s settings and imports them, reporting what it skipped', async () => {
    session = await launch();
    const page = await openOptions(session);
    await page.fill('#history-retention', '14');
    await page.press('#history-retention', 'Tab');
    await waitForEffective(page, (s) => s.historyRetentionDays === 14);

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export"]')]);
    const exported = JSON.parse(readFileSync(await download.path(), 'utf8')) as { format: string; settings: Record<string, unknown> };
    expect(download.suggestedFilename()).toMatch(/^clientguard-settings-\d{4}-\d{2}-\d{2}\.json$/);
    expect(exported.format).toBe('clientguard-settings/1');
    expect(exported.settings.historyRetentionDays).toBe(14);
    expect(exported.settings).not.toHaveProperty('reporting');

    const file = join(tmp, 'import.json');
    writeFileSync(file, JSON.stringify({ ...exported, settings: { ...exported.settings, listThreshold: 7, mode: 'audit', disabledCategories: ['social', 'nonsense'], reporting: { endpoint: 'https://x.example' } } }));
    await page.setInputFiles('#import-file', file);
    const result = page.locator('[data-import-result="ok"]');
    await result.waitFor();
    await waitForEffective(page, (s) => s.listThreshold === 7 && s.mode === 'audit');
    expect((await effectiveSettings(page)).disabledCategories).toEqual(['social']);
    expect((await effectiveSettings(page)).reporting.endpoint).toBe('');
    const text = await result.innerText();
    expect(text).toContain('"nonsense" is not a site category');
    expect(text).toContain('reporting');
    // The form follows the import without a reload.
    expect(await page.locator('#list-threshold').inputValue()).toBe('7');

    writeFileSync(file, 'this is not json');
    await page.setInputFiles('#import-file', file);
    expect(await page.locator('[data-import-result="error"]').innerText()).toContain('not JSON');
  });

  it('adds a site the user allowed: content script registered, the site protected, then removed', async () => {
    const dir = await profileWithGrantedOrigin('https://crm.example.com/*');
    session = await launch({ userDataDir: dir });
    const page = await openOptions(session);
    await page.fill('#add-site-input', 'crm.example.com');
    await page.click('button[type=submit]');
    await waitForEffective(page, (s) => s.addedSites.includes('https://crm.example.com'));
    await page.locator('[data-origin="https://crm.example.com"] [data-status="granted"]').waitFor();

    const manifest = JSON.parse(readFileSync(join(ROOT, 'dist/manifest.json'), 'utf8')) as { content_scripts: { js: string[] }[] };
    const registered = await page.evaluate(() => chrome.scripting.getRegisteredContentScripts());
    expect(registered).toEqual([
      expect.objectContaining({
        id: 'clientguard-added-sites',
        js: manifest.content_scripts[0]?.js,
        matches: ['https://crm.example.com/*'],
        runAt: 'document_start',
        allFrames: true,
        matchOriginAsFallback: true,
      }),
    ]);

    // A page on the added site is protected like a catalogue site.
    const crm = await session.openFixture('fields.html', 'https://crm.example.com');
    await realPaste(crm, '#ta', SAMPLE_CLIENT_LIST);
    await waitForDialog(crm);
    await crm.close();

    await page.bringToFront();
    await page.click('[data-origin="https://crm.example.com"] button.secondary');
    await waitForEffective(page, (s) => s.addedSites.length === 0);
    await expect.poll(() => page.evaluate(() => chrome.scripting.getRegisteredContentScripts()), { timeout: 10_000 }).toEqual([]);
    const after = await session.openFixture('fields.html', 'https://crm.example.com');
    await realPaste(after, '#ta', SAMPLE_CLIENT_LIST);
    await after.waitForTimeout(1500);
    expect(await isDialogShowing(after)).toBe(false);
    await session.close();
    session = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists an added site without access as needing permission, and registers nothing for it', async () => {
    session = await launch();
    const page = await openOptions(session);
    const file = join(tmp, 'added.json');
    writeFileSync(file, JSON.stringify({ addedSites: ['https://newsletter.example.net'] }));
    await page.setInputFiles('#import-file', file);
    await waitForEffective(page, (s) => s.addedSites.includes('https://newsletter.example.net'));
    const row = page.locator('[data-origin="https://newsletter.example.net"]');
    await row.locator('[data-status="needs-access"]').waitFor();
    expect(await row.getByRole('button', { name: 'Allow ClientGuard on https://newsletter.example.net' }).isVisible()).toBe(true);
    expect(await page.evaluate(() => chrome.scripting.getRegisteredContentScripts())).toEqual([]);
  });

  it('honours reduced motion', async () => {
    session = await launch();
    const page = await openOptions(session);
    const duration = () => page.evaluate(() => getComputedStyle(document.querySelector('[data-save-status]') as Element).transitionDuration);
    expect(await duration()).toBe('0.2s');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    expect(await duration()).toBe('0s');
  });
});
