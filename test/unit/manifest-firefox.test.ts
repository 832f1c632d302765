// The Firefox manifest variant (scripts/manifest-firefox.ts) and the packager around it.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import {
  CHROME_ONLY_KEYS,
  FIREFOX_ADDON_ID,
  FIREFOX_ANDROID_MIN_VERSION,
  FIREFOX_MIN_VERSION,
  firefoxManifest,
} from '../../scripts/manifest-firefox';
import { buildPackages, parseArgs, zipFiles } from '../../scripts/package';

const root = join(__dirname, '../..');
const source = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as Record<string, unknown>;

/** What vite writes to dist/manifest.json: the source manifest with built file names. */
function builtManifest(): Record<string, unknown> {
  const m = JSON.parse(JSON.stringify(source)) as Record<string, any>;
  m.background = { service_worker: 'service-worker-loader.js', type: 'module' };
  m.content_scripts[0].js = ['src/content/main.iife.js'];
  return m;
}

describe('Firefox manifest', () => {
  const built = builtManifest();
  const firefox = firefoxManifest(built) as Record<string, any>;

  it('has a fixed add-on id and a justified minimum version', () => {
    expect(firefox.browser_specific_settings.gecko.id).toBe(FIREFOX_ADDON_ID);
    // The id is what policies.json addresses ("3rdparty" > "Extensions" > id) and what AMO
    // signs: changing it is a new add-on. This line changes only on purpose.
    expect(FIREFOX_ADDON_ID).toBe('clientguard@clientguard.app');
    expect(firefox.browser_specific_settings.gecko.strict_min_version).toBe(FIREFOX_MIN_VERSION);
    expect(Number.parseFloat(FIREFOX_MIN_VERSION)).toBeGreaterThanOrEqual(140); // data_collection_permissions
    expect(firefox.browser_specific_settings.gecko_android.strict_min_version).toBe(FIREFOX_ANDROID_MIN_VERSION);
  });

  it('declares what audit reporting can transmit', () => {
    const declared = firefox.browser_specific_settings.gecko.data_collection_permissions;
    expect(declared.required).toEqual(['browsingActivity', 'websiteActivity']);
    expect(declared.required).not.toContain('none');
  });

  it('runs the same background file as an event page module', () => {
    expect(firefox.background).toEqual({ scripts: ['service-worker-loader.js'], type: 'module' });
    expect(firefox.background.service_worker).toBeUndefined();
  });

  it('drops what only Chrome reads', () => {
    for (const key of CHROME_ONLY_KEYS) expect(firefox[key]).toBeUndefined();
    expect(firefox.storage).toBeUndefined(); // managed_schema was its only entry
  });

  it('keeps everything else exactly', () => {
    const { key: _k, minimum_chrome_version: _m, background: _b, storage: _s, ...rest } = built as Record<string, unknown>;
    const { browser_specific_settings: _bss, background: _fb, ...firefoxRest } = firefox;
    expect(firefoxRest).toEqual(rest);
    expect(firefox.content_scripts).toEqual(built.content_scripts);
    expect(firefox.host_permissions).toEqual(built.host_permissions);
    expect(firefox.permissions).toEqual(built.permissions);
  });

  it('does not change its input and is idempotent', () => {
    const before = JSON.stringify(built);
    const once = firefoxManifest(built);
    expect(JSON.stringify(built)).toBe(before);
    expect(firefoxManifest(once)).toEqual(once);
  });

  it('keeps other storage entries and other gecko settings', () => {
    const m = { ...builtManifest(), storage: { managed_schema: 'managed_schema.json', other: 1 }, browser_specific_settings: { gecko: { update_url: 'https://it.example/updates.json' } } };
    const f = firefoxManifest(m) as Record<string, any>;
    expect(f.storage).toEqual({ other: 1 });
    expect(f.browser_specific_settings.gecko.update_url).toBe('https://it.example/updates.json');
    expect(f.browser_specific_settings.gecko.id).toBe(FIREFOX_ADDON_ID);
  });

  it('adds an https update URL only when asked (self-distribution)', () => {
    expect(firefox.browser_specific_settings.gecko.update_url).toBeUndefined();
    const f = firefoxManifest(built, { updateUrl: 'https://it.example-practice.com/clientguard/updates.json' }) as Record<string, any>;
    expect(f.browser_specific_settings.gecko.update_url).toBe('https://it.example-practice.com/clientguard/updates.json');
    expect(() => firefoxManifest(built, { updateUrl: 'http://it.example-practice.com/updates.json' })).toThrow(/https/);
  });

  it('refuses what it cannot translate', () => {
    expect(() => firefoxManifest({ manifest_version: 2 })).toThrow(/Manifest V3/);
    expect(() => firefoxManifest({ manifest_version: 3, background: {} })).toThrow(/service_worker/);
  });
});

describe('packager', () => {
  it('reads its options from arguments and the environment', () => {
    expect(parseArgs([], {})).toEqual({ dist: 'dist', out: 'artifacts', lint: false, source: true });
    expect(parseArgs([], { CLIENTGUARD_DIST: '/tmp/x' }).dist).toBe('/tmp/x');
    expect(parseArgs(['--dist', 'a', '--out', 'b', '--lint', '--no-source'], {})).toEqual({ dist: 'a', out: 'b', lint: true, source: false });
    expect(parseArgs(['--firefox-update-url', 'https://x.example/u.json'], {}).firefoxUpdateUrl).toBe('https://x.example/u.json');
    expect(parseArgs([], { CLIENTGUARD_FIREFOX_UPDATE_URL: 'https://y.example/u.json' }).firefoxUpdateUrl).toBe('https://y.example/u.json');
    expect(() => parseArgs(['--dist'], {})).toThrow(/needs a value/);
    expect(() => parseArgs(['--zip'], {})).toThrow(/unknown option/);
  });

  it('zips deterministically', () => {
    const files = new Map([
      ['b.txt', new TextEncoder().encode('b')],
      ['a/icon.png', new Uint8Array([1, 2, 3])],
    ]);
    const one = zipFiles(files);
    const two = zipFiles(new Map([...files].reverse()));
    expect(Buffer.from(one).equals(Buffer.from(two))).toBe(true);
    expect(Object.keys(unzipSync(one))).toEqual(['a/icon.png', 'b.txt']);
  });

  it('writes the Chrome and Firefox packages from a built directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'clientguard-package-test-'));
    try {
      const dist = join(dir, 'dist');
      mkdirSync(join(dist, 'icons'), { recursive: true });
      writeFileSync(join(dist, 'manifest.json'), JSON.stringify(builtManifest()));
      writeFileSync(join(dist, 'service-worker-loader.js'), "import './x.js';");
      writeFileSync(join(dist, 'icons', 'icon-16.png'), new Uint8Array([137, 80, 78, 71]));
      const written = buildPackages({ dist, out: join(dir, 'out'), lint: false, source: false });
      const version = String(source.version);
      expect(written.map((p) => p.slice(dir.length + 5))).toEqual([`clientguard-chrome-${version}.zip`, `clientguard-firefox-${version}.zip`]);

      const chrome = unzipSync(readFileSync(written[0] as string));
      const firefox = unzipSync(readFileSync(written[1] as string));
      expect(Object.keys(chrome).sort()).toEqual(['icons/icon-16.png', 'manifest.json', 'service-worker-loader.js']);
      expect(Object.keys(firefox).sort()).toEqual(Object.keys(chrome).sort());
      expect(JSON.parse(strFromU8(chrome['manifest.json'] as Uint8Array))).toEqual(builtManifest());
      const ff = JSON.parse(strFromU8(firefox['manifest.json'] as Uint8Array));
      expect(ff).toEqual(firefoxManifest(builtManifest()));
      expect(ff.key).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a stale or missing build', () => {
    const dir = mkdtempSync(join(tmpdir(), 'clientguard-package-test-'));
    try {
      expect(() => buildPackages({ dist: join(dir, 'none'), out: join(dir, 'out'), lint: false, source: false })).toThrow(/build first/);
      mkdirSync(join(dir, 'dist'));
      writeFileSync(join(dir, 'dist', 'manifest.json'), JSON.stringify({ ...builtManifest(), version: '0.0.0-old' }));
      expect(() => buildPackages({ dist: join(dir, 'dist'), out: join(dir, 'out'), lint: false, source: false })).toThrow(/rebuild/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
