// Conventions the build relies on, checked once here instead of in every review.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SITE_CATEGORIES, defaultMatchPatterns, isCovered, categoryOfHost } from '../../src/core/sites';
import { INTERCEPTOR_FILES } from './interceptor-files';

const root = join(__dirname, '../..');
const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));

describe('manifest', () => {
  it('matches exactly the default site catalogue, in every frame, at document_start', () => {
    const [script, ...others] = manifest.content_scripts;
    expect(others).toEqual([]);
    expect([...script.matches].sort()).toEqual([...defaultMatchPatterns()].sort());
    expect(script.run_at).toBe('document_start');
    expect(script.all_frames).toBe(true);
    expect(script.match_about_blank).toBe(true);
    expect(script.match_origin_as_fallback).toBe(true);
    // Built as a self-contained IIFE: no loader, no web-accessible chunk.
    expect(script.js).toEqual(['src/content/main.iife.ts']);
  });

  it('asks for no more than it needs', () => {
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(manifest.externally_connectable).toBeUndefined();
    // Host access only for the covered sites: the background injects the engine there.
    expect([...manifest.host_permissions].sort()).toEqual([...defaultMatchPatterns()].sort());
    for (const p of manifest.permissions) expect(['storage', 'scripting', 'alarms']).toContain(p);
    expect(manifest.key).toMatch(/^MII/);
  });
});

describe('site catalogue', () => {
  it('has unique hosts and a label for every category', () => {
    const hosts = SITE_CATEGORIES.flatMap((c) => c.hosts);
    expect(new Set(hosts).size).toBe(hosts.length);
    const en = readdirSync(join(root, 'src/locales/en')).map((f) => JSON.parse(readFileSync(join(root, 'src/locales/en', f), 'utf8')));
    for (const c of SITE_CATEGORIES) expect(en.some((m) => c.label in m)).toBe(true);
  });

  it('covers the places a clinician meets the risk, and nothing else', () => {
    const none = { disabledCategories: [], disabledSites: [], addedSites: [] };
    expect(isCovered('https://business.facebook.com/latest/audiences', none)).toBe(true);
    expect(isCovered('https://ads.google.com/aw/audiences', none)).toBe(true);
    expect(isCovered('https://www.linkedin.com/feed/', none)).toBe(true);
    expect(isCovered('https://x.com/compose/post', none)).toBe(true);
    expect(isCovered('https://www.example.org/', none)).toBe(false);
    expect(isCovered('https://notfacebook.com/', none)).toBe(false);
    expect(isCovered('https://facebook.com.evil.example/', none)).toBe(false);
    expect(categoryOfHost('biz.yelp.com')?.id).toBe('reviews');
  });

  it('honours switched-off categories and sites and added origins', () => {
    expect(isCovered('https://www.linkedin.com/', { disabledCategories: ['social'], disabledSites: [], addedSites: [] })).toBe(false);
    expect(isCovered('https://biz.yelp.com/', { disabledCategories: [], disabledSites: ['biz.yelp.com'], addedSites: [] })).toBe(false);
    expect(isCovered('https://www.yelp.com/', { disabledCategories: [], disabledSites: ['biz.yelp.com'], addedSites: [] })).toBe(true);
    const added = { disabledCategories: [], disabledSites: [], addedSites: ['https://crm.example.com'] };
    expect(isCovered('https://crm.example.com/contacts', added)).toBe(true);
    expect(isCovered('http://crm.example.com/contacts', added)).toBe(false);
    expect(isCovered('https://other.example.com/', added)).toBe(false);
  });
});

describe('interceptors', () => {
  it('every file in src/content/interceptors is registered in the one list', () => {
    const index = readFileSync(join(root, 'src/content/interceptors/index.ts'), 'utf8');
    const files = readdirSync(join(root, 'src/content/interceptors')).filter((f) => f !== 'index.ts' && f.endsWith('.ts') && !f.endsWith('.test.ts'));
    expect(files.sort()).toEqual([...INTERCEPTOR_FILES].sort());
    for (const f of files) expect(index).toContain(`from './${f.replace(/\.ts$/, '')}'`);
  });
});
