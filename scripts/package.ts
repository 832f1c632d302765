// `npm run package`: the release packages, from an already built extension directory.
//
//   node --import tsx scripts/package.ts [--dist DIR] [--out DIR] [--lint] [--no-source]
//
//   --dist DIR   the built extension (default: $CLIENTGUARD_DIST or dist/)
//   --out DIR    where the packages go (default: artifacts/)
//   --lint       also run `web-ext lint` on the Firefox variant; fails on any error and
//                writes its report next to the packages (web-ext-lint-<version>.json)
//   --no-source  skip the source archive
//   --firefox-update-url URL
//                self-distributed Firefox only: the updates.json URL to put in the Firefox
//                manifest before signing (default: $CLIENTGUARD_FIREFOX_UPDATE_URL; none)
//
// Writes, for version V (from the built manifest):
//   clientguard-chrome-V.zip    Chrome and Edge: the build as it is (Chrome Web Store, Edge
//                               Add-ons, or `chromium --pack-extension` for a self-hosted CRX)
//   clientguard-firefox-V.zip   Firefox: the same files with the Firefox manifest
//                               (scripts/manifest-firefox.ts); sign it on AMO (listed or
//                               unlisted) to get an installable .xpi
//   clientguard-source-V.zip    the sources for store reviewers (the build is minified), with
//                               REVIEWERS.md: how to rebuild the same packages
// Entries are sorted and carry one fixed timestamp ($SOURCE_DATE_EPOCH if set), so the same
// build gives byte-identical packages.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync, type Zippable } from 'fflate';
import { firefoxManifest } from './manifest-firefox.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Never in the source archive, even where git is not there to say what is tracked. */
const SOURCE_EXCLUDED = ['.git', 'node_modules', 'dist', 'dist-firefox', 'artifacts', '.vite', 'coverage', 'test/fixtures/pages/lib'];

export interface PackageOptions {
  dist: string;
  out: string;
  lint: boolean;
  source: boolean;
  firefoxUpdateUrl?: string;
}

export function parseArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): PackageOptions {
  const options: PackageOptions = { dist: env.CLIENTGUARD_DIST || 'dist', out: 'artifacts', lint: false, source: true };
  if (env.CLIENTGUARD_FIREFOX_UPDATE_URL) options.firefoxUpdateUrl = env.CLIENTGUARD_FIREFOX_UPDATE_URL;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (!next || next.startsWith('--')) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === '--dist') options.dist = value();
    else if (arg === '--out') options.out = value();
    else if (arg === '--lint') options.lint = true;
    else if (arg === '--no-source') options.source = false;
    else if (arg === '--firefox-update-url') options.firefoxUpdateUrl = value();
    else throw new Error(`unknown option ${arg} (known: --dist DIR, --out DIR, --lint, --no-source, --firefox-update-url URL)`);
  }
  return options;
}

/** Every file under `dir`, as forward-slash paths relative to it, sorted. */
export function listFiles(dir: string, skip: (path: string) => boolean = () => false): string[] {
  const files: string[] = [];
  const walk = (current: string) => {
    for (const name of readdirSync(current)) {
      const full = join(current, name);
      const path = relative(dir, full).split(sep).join('/');
      if (skip(path)) continue;
      if (statSync(full).isDirectory()) walk(full);
      else files.push(path);
    }
  };
  walk(dir);
  return files.sort();
}

function fixedTime(env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  // Zip timestamps start in 1980 and are local DOS time; a fixed mid-day date avoids both edges.
  return Number.isFinite(epoch) && epoch > 315_532_800 ? new Date(epoch * 1000) : new Date('2025-01-01T12:00:00Z');
}

/** A deterministic zip of `files` (path -> bytes). */
export function zipFiles(files: Map<string, Uint8Array>, mtime: Date = fixedTime()): Uint8Array {
  const tree: Zippable = {};
  for (const path of [...files.keys()].sort()) {
    const data = files.get(path) as Uint8Array;
    // Already-compressed images gain nothing from deflate.
    tree[path] = [data, { level: /\.(png|jpe?g|gif|webp|woff2?)$/i.test(path) ? 0 : 9, mtime }];
  }
  return zipSync(tree);
}

function readTree(dir: string, paths: string[]): Map<string, Uint8Array> {
  return new Map(paths.map((p) => [p, new Uint8Array(readFileSync(join(dir, p)))]));
}

/** Files for the source archive: what git tracks plus new files it does not ignore. */
export function sourceFiles(root: string = ROOT): string[] {
  const excluded = (path: string) => SOURCE_EXCLUDED.some((e) => path === e || path.startsWith(`${e}/`)) || path.endsWith('.pem');
  try {
    const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const tracked = out.split('\0').filter((p) => p && !excluded(p) && existsSync(join(root, p)) && statSync(join(root, p)).isFile());
    return [...new Set(tracked)].sort();
  } catch {
    return listFiles(root, excluded);
  }
}

function reviewersNote(version: string): string {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines?: { node?: string } };
  return `# ClientGuard ${version}: building from source

The packages are built with vite 8 and @crxjs/vite-plugin from the TypeScript sources in src/.
The output is minified (build.minify in vite.config.ts) but not obfuscated; no code is
generated at run time and nothing is fetched from a remote server.

Requirements: Node.js ${pkg.engines?.node ?? '20.19 or newer'}, npm 10 or newer, on Linux, macOS or Windows.

    npm ci
    npx vite build --outDir dist
    node --import tsx scripts/package.ts --dist dist --out artifacts --no-source

artifacts/clientguard-firefox-${version}.zip is then the Firefox package and
artifacts/clientguard-chrome-${version}.zip the Chrome/Edge one. The Firefox manifest differs
from the Chrome one only as scripts/manifest-firefox.ts says. The files' contents are
identical to the submitted package's; the name of the background chunk
(assets/index.ts-<hash>.js, named in service-worker-loader.js) can differ, because the
bundler's hash for it includes the folder the sources were built in.

Third-party code in the bundles (versions pinned in package-lock.json): preact,
webextension-polyfill, libphonenumber-js, fflate, compromise.
`;
}

function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

interface LintReport {
  errors: { code: string; message: string; file?: string }[];
  warnings: { code: string; message: string; file?: string }[];
  notices: { code: string; message: string; file?: string }[];
}

/** `selfHosted`: the package carries an update_url, which only self-distributed add-ons may
 *  (web-ext lint --self-hosted drops the AMO-listing rules, e.g. MANIFEST_UPDATE_URL). */
function lintFirefox(files: Map<string, Uint8Array>, selfHosted: boolean): LintReport {
  const dir = mkdtempSync(join(tmpdir(), 'clientguard-firefox-'));
  try {
    for (const [path, data] of files) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), data);
    }
    const bin = join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'web-ext.cmd' : 'web-ext');
    const args = ['lint', '--source-dir', dir, '--output', 'json', '--no-input', ...(selfHosted ? ['--self-hosted'] : [])];
    const run = spawnSync(bin, args, { encoding: 'utf8', shell: process.platform === 'win32' });
    // web-ext exits non-zero when there are errors; the JSON on stdout is the report either way.
    const start = run.stdout.indexOf('{');
    if (start < 0) throw new Error(`web-ext lint printed no report (exit ${run.status}): ${run.stderr.slice(0, 500)}`);
    return JSON.parse(run.stdout.slice(start)) as LintReport;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function buildPackages(options: PackageOptions): string[] {
  const dist = resolve(ROOT, options.dist);
  const out = resolve(ROOT, options.out);
  const manifestPath = join(dist, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`${manifestPath} not found: build first (npx vite build --outDir ${options.dist})`);
  const built = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
  const version = String(built.version);
  const source = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as { version: string };
  if (source.version !== version) throw new Error(`${options.dist} was built from version ${version} but manifest.json says ${source.version}: rebuild`);
  if (built.web_accessible_resources) throw new Error('the build lists web_accessible_resources; vite.config.ts should have removed them');

  const files = readTree(dist, listFiles(dist));
  const firefoxFiles = new Map(files);
  firefoxFiles.set('manifest.json', new TextEncoder().encode(`${JSON.stringify(firefoxManifest(built, { updateUrl: options.firefoxUpdateUrl }), null, 2)}\n`));

  mkdirSync(out, { recursive: true });
  const written: string[] = [];
  const write = (name: string, data: Uint8Array) => {
    writeFileSync(join(out, name), data);
    written.push(join(out, name));
    console.log(`${relative(process.cwd(), join(out, name)) || name}  ${(data.length / 1024).toFixed(0)} kB  sha256 ${sha256(data)}`);
  };
  write(`clientguard-chrome-${version}.zip`, zipFiles(files));
  write(`clientguard-firefox-${version}.zip`, zipFiles(firefoxFiles));

  if (options.source) {
    const sources = readTree(ROOT, sourceFiles());
    sources.set('REVIEWERS.md', new TextEncoder().encode(reviewersNote(version)));
    write(`clientguard-source-${version}.zip`, zipFiles(sources));
  }

  if (options.lint) {
    const report = lintFirefox(firefoxFiles, Boolean(options.firefoxUpdateUrl));
    const reportName = `web-ext-lint-${version}.json`;
    writeFileSync(join(out, reportName), `${JSON.stringify(report, null, 2)}\n`);
    written.push(join(out, reportName));
    for (const level of ['errors', 'warnings', 'notices'] as const) {
      for (const m of report[level]) console.log(`web-ext lint ${level.slice(0, -1)}: ${m.code} ${m.file ?? ''} ${m.message}`);
    }
    if (report.errors.length > 0) throw new Error(`web-ext lint found ${report.errors.length} error(s) in the Firefox package`);
    console.log(`web-ext lint: 0 errors, ${report.warnings.length} warnings, ${report.notices.length} notices (${reportName})`);
  }
  return written;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    buildPackages(parseArgs(process.argv.slice(2)));
  } catch (error) {
    console.error(`package: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
