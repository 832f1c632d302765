// Managed policy for real: a JSON file in /etc/chromium/policies/managed/ (harness option
// `policy`), read by Chromium against dist/managed_schema.json and handed to the extension
// through chrome.storage.managed. Each key's effect is checked as far as it can be seen: in the
// effective settings the content scripts read, in the options page (locked controls, the
// administrator's note, the diagnostics) and in the in-page warning.
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { COVERED, COVERED_SOCIAL, SAMPLE_CLIENT_LIST, launch, realPaste, writeManagedPolicy, waitForEffective, type Session } from './harness';
import { dialogButtonCentre, dialogText, isDialogShowing, waitForDialog } from './dialog-driver';

const OPTIONS = 'src/options/index.html';
let session: Session | undefined;

afterEach(async () => {
  await session?.close();
  session = undefined;
});


/** Polls an async check in the page. (page.waitForFunction takes a returned promise for a
 *  truthy value and would pass at once.) */
async function waitForInPage(page: Page, check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await page.evaluate(check)) return;
    await page.waitForTimeout(200);
  }
  throw new Error(`timed out waiting for ${check.toString()}`);
}

async function openOptions(s: Session): Promise<Page> {
  const page = await s.openExtensionPage(OPTIONS);
  await page.waitForSelector('[data-section="diagnostics"]');
  return page;
}

/** Pastes the sample client list on `origin` and says whether the warning appeared. */
async function warnsOn(s: Session, origin: string): Promise<Page | null> {
  const page = await s.openFixture('fields.html', origin);
  await realPaste(page, '#ta', SAMPLE_CLIENT_LIST);
  try {
    await waitForDialog(page, 4000);
    return page;
  } catch {
    expect(await isDialogShowing(page)).toBe(false);
    await page.close();
    return null;
  }
}

async function hasDialogControl(page: Page, action: string): Promise<boolean> {
  return dialogButtonCentre(page, action).then(
    () => true,
    () => false,
  );
}

const FULL_POLICY = {
  mode: 'warn',
  allowShareAnyway: false,
  requireReason: true,
  listThreshold: 4,
  disabledCategories: ['ads'],
  disabledSites: ['www.yelp.com'],
  addedSites: ['https://crm.example-practice.com'],
  ownEmails: ['frontdesk@example-practice.com'],
  ownEmailDomains: ['example-practice.com'],
  ownPhones: ['+1 415 555 0100'],
  ownNames: ['Harbor Counseling'],
  supportContact: 'Harbor IT, ext. 200',
  customMessage: 'Client lists belong in the EHR only.',
  reportingEndpoint: 'https://audit.example-practice.com/clientguard',
  reportingAuthorization: 'Bearer policy-e2e-secret',
  reportingLevel: 'decisions',
  deviceLabel: 'front-desk-2',
  historyRetentionDays: 30,
  adminNote: 'Managed by Harbor IT: it@example-practice.com',
  rosterKey: '00112233445566778899aabbccddeeff',
  rosterUrl: 'https://files.example-practice.com/roster.bin',
};

describe('managed policy in Chromium', () => {
  it('applies every key, locks what it sets and shows the administrator\'s note', async () => {
    session = await launch({ policy: FULL_POLICY });
    const options = await openOptions(session);
    const settings = await waitForEffective(options, (s) => s.locked.length > 0);
    expect(settings).toMatchObject({
      mode: 'warn',
      allowShareAnyway: false,
      requireReason: true,
      listThreshold: 4,
      disabledCategories: ['ads'],
      disabledSites: ['www.yelp.com'],
      addedSites: ['https://crm.example-practice.com'],
      ownIdentities: {
        emails: ['frontdesk@example-practice.com'],
        emailDomains: ['example-practice.com'],
        phones: ['+1 415 555 0100'],
        names: ['Harbor Counseling'],
      },
      supportContact: 'Harbor IT, ext. 200',
      customMessage: 'Client lists belong in the EHR only.',
      reporting: { endpoint: 'https://audit.example-practice.com/clientguard', authorization: 'Bearer policy-e2e-secret', level: 'decisions', deviceLabel: 'front-desk-2' },
      historyRetentionDays: 30,
      adminNote: 'Managed by Harbor IT: it@example-practice.com',
      policyErrors: [],
    });
    expect([...settings.locked].sort()).toEqual(
      ['addedSites', 'allowShareAnyway', 'customMessage', 'disabledCategories', 'disabledSites', 'historyRetentionDays', 'listThreshold', 'mode', 'ownIdentities', 'reporting', 'requireReason', 'supportContact'].sort(),
    );

    // Locked controls are disabled and say why, with the administrator's note.
    await options.reload();
    await options.waitForSelector('[data-section="diagnostics"]');
    for (const selector of ['#mode-warn', '#mode-block', '#mode-off', '#allow-share-anyway', '#require-reason', '#list-threshold', '#history-retention', '#own-emails', '#own-names', '[data-category="social"]', '[data-site="*.yelp.com"]']) {
      expect(await options.locator(selector).isDisabled(), selector).toBe(true);
    }
    expect(await options.locator('#list-threshold').getAttribute('aria-describedby')).toContain('locked-listThreshold');
    expect(await options.locator('[data-locked="mode"]').innerText()).toContain('Managed by Harbor IT: it@example-practice.com');
    expect(await options.locator('[data-managed]').isVisible()).toBe(true);
    expect(await options.locator('#list-threshold').inputValue()).toBe('4');
    expect(await options.locator('[data-category="ads"]').isChecked()).toBe(false);
    // Policy sites cannot be removed or added to here; access still has to be granted.
    expect(await options.locator('#add-site-input').count()).toBe(0);
    expect(await options.locator('[data-origin="https://crm.example-practice.com"] [data-status="needs-access"]').isVisible()).toBe(true);

    // Diagnostics: every key received, applied, with the credential masked.
    for (const key of Object.keys(FULL_POLICY)) {
      expect(await options.locator(`[data-policy-key="${key}"]`).getAttribute('data-policy-ok'), key).toBe('true');
    }
    const diagnostics = await options.locator('[data-section="diagnostics"]').innerText();
    expect(diagnostics).not.toContain('policy-e2e-secret');
    expect(diagnostics).toContain('https://audit.example-practice.com/clientguard');

    // In the page: the ad category is off, social sites still warn with the policy's wording,
    // no "share anyway", a required reason is not offered either (nothing to share).
    expect(await warnsOn(session, COVERED)).toBeNull();
    const page = await warnsOn(session, COVERED_SOCIAL);
    expect(page).not.toBeNull();
    if (!page) return;
    expect(await dialogText(page)).toContain('Client lists belong in the EHR only.');
    expect(await hasDialogControl(page, 'share')).toBe(false);
    expect(await hasDialogControl(page, 'cancel')).toBe(true);
  });

  it('block mode reaches the page: nothing can be shared, the support contact is shown', async () => {
    session = await launch({ policy: { mode: 'block', supportContact: 'Harbor IT, ext. 200' } });
    const options = await openOptions(session);
    await waitForEffective(options, (s) => s.mode === 'block' && s.locked.includes('mode'));
    expect(await options.locator('#mode-block').isChecked()).toBe(true);
    const page = await warnsOn(session, COVERED);
    expect(page).not.toBeNull();
    if (!page) return;
    expect(await dialogText(page)).toContain('Harbor IT, ext. 200');
    expect(await hasDialogControl(page, 'share')).toBe(false);
  });

  it('listThreshold reaches the classifier in open tabs', async () => {
    // The sample list has 4 people: below a threshold of 5 it is not a client list.
    session = await launch({ policy: { listThreshold: 5 } });
    const options = await openOptions(session);
    await waitForEffective(options, (s) => s.listThreshold === 5);
    expect(await warnsOn(session, COVERED)).toBeNull();
    writeManagedPolicy({ listThreshold: 4 });
    await waitForEffective(options, (s) => s.listThreshold === 4);
    expect(await warnsOn(session, COVERED)).not.toBeNull();
  });

  it('audit mode records without warning; off does nothing', async () => {
    session = await launch({ policy: { mode: 'audit' } });
    const options = await openOptions(session);
    await waitForEffective(options, (s) => s.mode === 'audit');
    expect(await warnsOn(session, COVERED)).toBeNull();
    // The observation is recorded on the device (metadata only) and listed for the admin.
    await waitForInPage(options, async () => {
      const { auditQueue } = await chrome.storage.local.get('auditQueue');
      return (auditQueue as { recentObserved?: unknown[] } | undefined)?.recentObserved?.length === 1;
    });
    const { auditQueue } = await options.evaluate(() => chrome.storage.local.get('auditQueue'));
    const observed = (auditQueue as { recentObserved: Record<string, unknown>[] }).recentObserved[0];
    expect(observed).toMatchObject({ type: 'would_warn', site: 'business.facebook.com', channel: 'paste', mode: 'audit' });
    expect(JSON.stringify(observed)).not.toMatch(/maria|gonzalez|555-0142|\*\*\*/i);

    writeManagedPolicy({ mode: 'off' });
    await waitForEffective(options, (s) => s.mode === 'off');
    expect(await warnsOn(session, COVERED_SOCIAL)).toBeNull();
  });

  it('reports bad values in the diagnostics, ignores them and keeps working on defaults', async () => {
    session = await launch({
      policy: {
        listThreshold: 'lots', // wrong type: Chromium drops it before the extension sees it
        listTreshold: 4, // unknown name: dropped by Chromium as well
        reportingEndpoint: 'http://evil.example/collect',
        reportingLevel: 'all',
        mode: 'strict',
        disabledCategories: ['social', 'crypto'],
        historyRetentionDays: 9999,
        adminNote: 'Harbor IT',
      },
    });
    const options = await openOptions(session);
    const settings = await waitForEffective(options, (s) => s.policyErrors.length > 0);
    expect(settings.policyErrors.map((p) => p.key).sort()).toEqual(['disabledCategories', 'historyRetentionDays', 'mode', 'reportingEndpoint']);
    // Defaults where the value was unusable (and the key stays locked), good parts kept.
    expect(settings.mode).toBe('warn');
    expect(settings.historyRetentionDays).toBe(90);
    expect(settings.listThreshold).toBe(3);
    expect(settings.reporting.endpoint).toBe('');
    expect(settings.disabledCategories).toEqual(['social']);
    expect(settings.locked).toContain('mode');
    expect(settings.locked).not.toContain('listThreshold');

    await options.reload();
    await options.waitForSelector('[data-policy-key="mode"]');
    const row = (key: string) => options.locator(`[data-policy-key="${key}"]`);
    expect(await row('mode').getAttribute('data-policy-ok')).toBe('false');
    expect(await row('mode').innerText()).toContain('Must be one of off, audit, warn, block; got "strict"');
    expect(await row('reportingEndpoint').innerText()).toContain('http://evil.example/collect');
    expect(await row('reportingEndpoint').innerText()).toMatch(/Must be an https:\/\/ address/);
    expect(await row('disabledCategories').innerText()).toContain('"crypto" is not a site category');
    expect(await row('historyRetentionDays').innerText()).toContain('from 0 to 3650; got 9999');
    expect(await row('reportingLevel').getAttribute('data-policy-ok')).toBe('true');
    // What Chromium dropped is not among the received keys; the note explains where to look.
    expect(await row('listThreshold').count()).toBe(0);
    expect(await row('listTreshold').count()).toBe(0);
    expect(await options.locator('[data-policy-status="received"]').innerText()).toContain('6');
    expect(await options.locator('[data-section="diagnostics"]').innerText()).toContain('chrome://policy');
    expect(await options.locator('[data-reporting="off"]').isVisible()).toBe(true);

    // Still protecting, on defaults: a covered ad site warns; the unlocked threshold can be set.
    const page = await warnsOn(session, COVERED);
    expect(page).not.toBeNull();
    await options.bringToFront();
    await options.fill('#list-threshold', '5');
    await options.press('#list-threshold', 'Tab');
    await waitForEffective(options, (s) => s.listThreshold === 5);
  });

  it('takes a policy change while the browser runs, into an open options page and open tabs', async () => {
    session = await launch({ policy: { mode: 'warn' } });
    const options = await openOptions(session);
    await waitForEffective(options, (s) => s.locked.includes('mode'));
    const tab = await session.openFixture('fields.html', COVERED_SOCIAL);
    expect(await options.locator('#require-reason').isDisabled()).toBe(false);

    // Chromium watches the policy directory; no restart, no reload of anything.
    writeManagedPolicy({ mode: 'warn', disabledSites: ['*.linkedin.com'], requireReason: true, adminNote: 'Changed by IT' });
    await waitForEffective(options, (s) => s.disabledSites.includes('*.linkedin.com') && s.requireReason);
    await options.waitForSelector('#require-reason:disabled');
    expect(await options.locator('[data-locked="requireReason"]').innerText()).toContain('Changed by IT');

    await tab.bringToFront();
    await realPaste(tab, '#ta', SAMPLE_CLIENT_LIST);
    await tab.waitForTimeout(1500);
    expect(await isDialogShowing(tab)).toBe(false);

    // Lifting the policy unlocks again.
    writeManagedPolicy(undefined);
    await waitForEffective(options, (s) => s.locked.length === 0);
    await options.waitForSelector('#require-reason:not(:disabled)');
    expect(await options.locator('[data-policy-status="none"]').isVisible()).toBe(true);
  });
});
