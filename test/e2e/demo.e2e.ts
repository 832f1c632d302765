// The demo a new user runs first (npm run demo -- --headless), played end to end in one real
// Chromium with the built extension: every step (paste, upload, form, post) must behave as the
// demo promises and leave its screenshots behind.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PASTE_STEP_IDS, runHeadlessWalkthrough, type WalkthroughStep } from '../../scripts/demo';
import { ROOT } from './harness';

describe('npm run demo -- --headless', () => {
  it('plays the walkthrough: every step passes and screenshots are written', { timeout: 240_000 }, async () => {
    const lines: string[] = [];
    const steps: WalkthroughStep[] = await runHeadlessWalkthrough({
      outDir: join(ROOT, 'artifacts/demo-e2e'),
      log: (line) => lines.push(line),
    });
    const byId = new Map(steps.map((s) => [s.id, s]));
    const report = steps.map((s) => `${s.passed ? 'PASS' : 'FAIL'} ${s.id}: ${s.detail}`).join('\n');

    expect(PASTE_STEP_IDS).toEqual(['ads-paste', 'composer-story', 'clean-paste']);
    for (const id of PASTE_STEP_IDS) {
      const step = byId.get(id);
      expect(step, `step ${id} ran`).toBeDefined();
      expect(step?.passed, `${id}\n${report}\n\n${lines.join('\n')}`).toBe(true);
    }
    expect(steps.map((s) => s.id)).toEqual(['ads-paste', 'ads-upload', 'composer-story', 'clean-paste', 'review-reply', 'contact-form', 'composer-post']);
    for (const step of steps) expect(step.passed, `${step.id}\n${report}\n\n${lines.join('\n')}`).toBe(true);
    for (const id of ['ads-upload', 'review-reply', 'contact-form', 'composer-post']) expect(byId.get(id)?.warned, id).toBe(true);
    expect(byId.get('ads-paste')?.warned).toBe(true);
    expect(byId.get('composer-story')?.warned).toBe(true);
    expect(byId.get('clean-paste')?.warned).toBe(false);

    for (const step of steps) {
      expect(step.screenshots.length, `${step.id} took a screenshot`).toBeGreaterThan(0);
      for (const file of step.screenshots) {
        expect(existsSync(file), file).toBe(true);
        expect(statSync(file).size, file).toBeGreaterThan(1_000);
        expect(file).toMatch(/[\\/]\d\d-[a-z-]+\.png$/);
      }
    }
    // The warning screenshots of the paste steps are the ones the docs point to.
    const pasteShots = steps.filter((s) => s.channel === 'paste').flatMap((s) => s.screenshots);
    expect(pasteShots.some((f) => f.endsWith('-ads-paste-warning.png'))).toBe(true);
    expect(pasteShots.some((f) => f.endsWith('-composer-story-warning.png'))).toBe(true);
  });
});
