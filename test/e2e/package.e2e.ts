// `npm run package` on the build under test: the Chrome/Edge and Firefox packages come out,
// web-ext lint finds no error in the Firefox one, and neither lists a web-accessible resource
// a page could probe for. (The Firefox package is also installed and used in firefox.e2e.ts.)
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { buildPackages } from '../../scripts/package';
import { DIST } from './harness';

const out = mkdtempSync(join(tmpdir(), 'clientguard-package-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function manifestIn(zip: string): Record<string, unknown> {
  const files = unzipSync(readFileSync(zip));
  return JSON.parse(new TextDecoder().decode(files['manifest.json'])) as Record<string, unknown>;
}

describe('npm run package', () => {
  it('builds both packages, and web-ext lint reports no error in the Firefox one', { timeout: 180_000 }, () => {
    const written = buildPackages({ dist: DIST, out, lint: true, source: false });
    const version = (JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8')) as { version: string }).version;
    const chrome = join(out, `clientguard-chrome-${version}.zip`);
    const firefox = join(out, `clientguard-firefox-${version}.zip`);
    expect(written).toEqual(expect.arrayContaining([chrome, firefox]));

    const lint = JSON.parse(readFileSync(join(out, `web-ext-lint-${version}.json`), 'utf8')) as { errors: unknown[] };
    expect(lint.errors).toEqual([]);

    const c = manifestIn(chrome);
    expect(c.manifest_version).toBe(3);
    expect(c.key).toEqual(expect.any(String));
    expect(c.web_accessible_resources).toBeUndefined();
    const f = manifestIn(firefox);
    expect(f.browser_specific_settings).toMatchObject({ gecko: { id: 'clientguard@clientguard.app' } });
    expect(f.key).toBeUndefined();
    expect(f.web_accessible_resources).toBeUndefined();
    expect((f.background as { scripts?: string[] }).scripts?.length).toBeGreaterThan(0);
  });
});
