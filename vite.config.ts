import { defineConfig, type Plugin } from 'vite';
import { crx } from '@crxjs/vite-plugin';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import manifest from './manifest.json' with { type: 'json' };

const LOCALES_DIR = 'src/locales';

/**
 * Each UI area keeps its strings in its own file (src/locales/<lang>/<area>.json) so that
 * features do not fight over one catalogue; the browser wants one messages.json per
 * language, so they are merged here. A name defined twice fails the build.
 */
function mergedLocales(): Plugin {
  return {
    name: 'clientguard:locales',
    generateBundle() {
      for (const lang of readdirSync(LOCALES_DIR)) {
        const merged: Record<string, unknown> = {};
        for (const file of readdirSync(join(LOCALES_DIR, lang)).filter((f) => f.endsWith('.json')).sort()) {
          const part = JSON.parse(readFileSync(join(LOCALES_DIR, lang, file), 'utf8')) as Record<string, unknown>;
          for (const [name, value] of Object.entries(part)) {
            if (name in merged) this.error(`locale ${lang}: message "${name}" defined twice (${file})`);
            merged[name] = value;
          }
        }
        this.emitFile({ type: 'asset', fileName: `_locales/${lang}/messages.json`, source: JSON.stringify(merged) });
      }
    },
  };
}

/**
 * manifest.storage.managed_schema names a file at the repository root that crxjs does not copy
 * (it handles scripts, pages and icons only). Without it in dist/ Chromium 156 does not load
 * the extension at all (measured: no service worker starts).
 */
function managedSchema(): Plugin {
  const file = manifest.storage.managed_schema;
  return {
    name: 'clientguard:managed-schema',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: file, source: readFileSync(file, 'utf8') });
    },
  };
}

/**
 * The engine script (src/content/engine/engine.iife.ts) is injected by the background with
 * chrome.scripting.executeScript, which needs no web_accessible_resources entry. crxjs adds
 * one for every `?script` import (it does so after every manifest hook has run), and that
 * would let any page detect ClientGuard by fetching the file; it also leaves an unused ESM
 * copy of the script in assets/, with a chunk for each of its dynamic imports (the XLSX
 * reader). All of these are removed from the written build.
 */
function noWebAccessibleEngine(): Plugin {
  let outDir = 'dist';
  return {
    name: 'clientguard:no-web-accessible-engine',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    writeBundle(_options, bundle) {
      const manifestPath = join(outDir, 'manifest.json');
      if (!existsSync(manifestPath)) return;
      const built = JSON.parse(readFileSync(manifestPath, 'utf8')) as { web_accessible_resources?: unknown };
      delete built.web_accessible_resources;
      writeFileSync(manifestPath, JSON.stringify(built, null, 2));
      const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
      const copies = chunks.filter((c) => /^assets\/engine\.iife\.ts-.*\.js$/.test(c.fileName));
      const kept = chunks.filter((c) => !copies.includes(c));
      const unused = new Set(copies.map((c) => c.fileName));
      // A chunk only the copies load: nothing else imports it, statically or dynamically.
      for (const copy of copies) {
        for (const f of copy.dynamicImports) if (!kept.some((c) => c.fileName !== f && (c.imports.includes(f) || c.dynamicImports.includes(f)))) unused.add(f);
      }
      for (const f of unused) if (existsSync(join(outDir, f))) rmSync(join(outDir, f));
    },
  };
}

export default defineConfig({
  plugins: [crx({ manifest: manifest as never, contentScripts: { preambleCode: false } }), mergedLocales(), managedSchema(), noWebAccessibleEngine()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Minified: the interceptor is parsed in every frame of every covered page. Store
    // reviewers get the sources (npm run package adds a source archive).
    minify: true,
    sourcemap: false,
    // Extension pages the manifest does not name (opened with tabs.create).
    rolldownOptions: {
      input: { walkthrough: 'src/popup/walkthrough.html' },
    },
  },
});
