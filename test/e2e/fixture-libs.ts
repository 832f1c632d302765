// Real third-party editors for fixtures (Lexical, ProseMirror, React), bundled from npm with
// esbuild into test/fixtures/pages/lib/ once per run, so fixture pages load them as plain
// scripts under the covered hostnames.
import { build } from 'esbuild';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SOURCES = join(ROOT, 'test/fixtures/editors');
const OUT = join(ROOT, 'test/fixtures/pages/lib');

let built: Promise<void> | undefined;

export function buildFixtureLibraries(): Promise<void> {
  built ??= (async () => {
    const entries = readdirSync(SOURCES).filter((f) => /\.tsx?$/.test(f));
    const stale = entries.filter((f) => {
      const out = join(OUT, f.replace(/\.tsx?$/, '.js'));
      return !existsSync(out) || statSync(out).mtimeMs < statSync(join(SOURCES, f)).mtimeMs;
    });
    if (stale.length === 0) return;
    await build({
      entryPoints: stale.map((f) => join(SOURCES, f)),
      outdir: OUT,
      bundle: true,
      format: 'iife',
      target: 'es2022',
      jsx: 'automatic',
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'error',
    });
  })();
  return built;
}
