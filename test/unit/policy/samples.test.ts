// Every sample policy file in docs/policies/ is read the way its platform reads it, and the
// ClientGuard policy inside is checked against managed_schema.json and against the extension's
// own validator: a typo in a sample fails here before a practice copies it.
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { MANAGED_KEYS, checkSchema, schemaFor } from '../../../src/core/policy/schema';
import { validatePolicy } from '../../../src/core/policy/policy';
import { FIREFOX_ADDON_ID } from '../../../scripts/manifest-firefox';

const root = join(__dirname, '../../..');
const dir = join(root, 'docs/policies');
const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as { key: string; version: string };

/** Chrome's id for an extension: sha256 of the DER public key, first 32 hex digits as a-p. */
function extensionId(base64Key: string): string {
  const hex = createHash('sha256').update(Buffer.from(base64Key, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + Number.parseInt(c, 16))).join('');
}
const CHROME_ID = extensionId(manifest.key);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

// ---- .reg (Windows Registry Editor 5.00) ----------------------------------------------------

type RegValue = { type: 'sz'; value: string } | { type: 'dword'; value: number };
type RegFile = Map<string, Map<string, RegValue>>;

/** Keys (lower-cased paths, as the registry compares them) and their values. */
function parseReg(text: string): RegFile {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim() !== 'Windows Registry Editor Version 5.00') throw new Error('not a version 5.00 .reg file');
  const keys: RegFile = new Map();
  let current: Map<string, RegValue> | undefined;
  for (const [i, raw] of lines.slice(1).entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith(';')) continue;
    const section = /^\[(.+)\]$/.exec(line);
    if (section) {
      const path = (section[1] as string).toLowerCase();
      current = keys.get(path) ?? new Map();
      keys.set(path, current);
      continue;
    }
    const entry = /^"((?:[^"\\]|\\.)*)"=(?:"((?:[^"\\]|\\.)*)"|dword:([0-9a-fA-F]{8}))$/.exec(line);
    if (!entry || !current) throw new Error(`line ${i + 2} is not a value this parser (or regedit) accepts: ${line}`);
    const unescape = (s: string) => s.replace(/\\(.)/g, '$1');
    const name = unescape(entry[1] as string);
    current.set(name, entry[3] !== undefined ? { type: 'dword', value: Number.parseInt(entry[3], 16) } : { type: 'sz', value: unescape(entry[2] ?? '') });
  }
  return keys;
}

/**
 * The policy under `base` the way Chrome's registry loader builds it with the extension's
 * schema: REG_DWORD is a boolean or an integer, REG_SZ a string, a subkey a list with values
 * named 1, 2, 3…
 */
function policyFromReg(reg: RegFile, base: string): Record<string, Json> {
  const prefix = base.toLowerCase();
  const values = reg.get(prefix);
  if (!values) throw new Error(`no key ${base}`);
  const policy: Record<string, Json> = {};
  const convert = (key: string, type: string | undefined, v: RegValue): Json => {
    if (type === 'boolean') {
      if (v.type !== 'dword' || v.value > 1) throw new Error(`${key}: a true/false value must be dword:00000000 or dword:00000001`);
      return v.value === 1;
    }
    if (type === 'integer' || type === 'number') {
      if (v.type !== 'dword') throw new Error(`${key}: a number must be a dword`);
      return v.value;
    }
    if (v.type !== 'sz') throw new Error(`${key}: text must be a REG_SZ string`);
    return v.value;
  };
  for (const [name, v] of values) policy[name] = convert(name, schemaFor(name)?.type, v);
  for (const [path, entries] of reg) {
    if (!path.startsWith(`${prefix}\\`)) continue;
    const name = [...MANAGED_KEYS].find((k) => `${prefix}\\${k.toLowerCase()}` === path) ?? path.slice(prefix.length + 1);
    const list: Json[] = [];
    for (let i = 1; entries.has(String(i)); i++) list.push(convert(`${name}[${i}]`, schemaFor(name)?.items?.type, entries.get(String(i)) as RegValue));
    if (list.length !== entries.size) throw new Error(`${name}: list values must be named 1, 2, 3… without gaps`);
    policy[name] = list;
  }
  return policy;
}

// ---- property lists (.mobileconfig) ---------------------------------------------------------

/** A plain XML property list reader: dict, array, string, integer, real, true, false. */
function parsePlist(xml: string): Json {
  const body = /<plist[^>]*>([\s\S]*)<\/plist>/.exec(xml)?.[1];
  if (body === undefined) throw new Error('no <plist> element');
  const tokens = body.match(/<[^>]+>|[^<]+/g) ?? [];
  let pos = 0;
  const entity = (s: string) => s.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e] as string);
  const next = (): string => {
    while (pos < tokens.length && (tokens[pos] as string).trim() === '') pos++;
    const token = tokens[pos++];
    if (token === undefined) throw new Error('unexpected end of plist');
    return token.trim();
  };
  const text = (close: string): string => {
    let value = '';
    while (tokens[pos] !== undefined && tokens[pos] !== close) value += tokens[pos++];
    if (tokens[pos++] !== close) throw new Error(`expected ${close}`);
    return entity(value);
  };
  const value = (open: string): Json => {
    switch (open) {
      case '<dict>': {
        const dict: Record<string, Json> = {};
        for (let token = next(); token !== '</dict>'; token = next()) {
          if (token !== '<key>') throw new Error(`expected <key>, got ${token}`);
          const key = text('</key>');
          if (key in dict) throw new Error(`key ${key} twice in one dict`);
          dict[key] = value(next());
        }
        return dict;
      }
      case '<array>': {
        const array: Json[] = [];
        for (let token = next(); token !== '</array>'; token = next()) array.push(value(token));
        return array;
      }
      case '<string>':
        return text('</string>');
      case '<string/>':
        return '';
      case '<integer>': {
        const n = text('</integer>').trim();
        if (!/^-?\d+$/.test(n)) throw new Error(`not an integer: ${n}`);
        return Number(n);
      }
      case '<real>':
        return Number(text('</real>'));
      case '<true/>':
        return true;
      case '<false/>':
        return false;
      default:
        throw new Error(`unsupported plist element ${open}`);
    }
  };
  const result = value(next());
  if (tokens.slice(pos).some((t) => t.trim() !== '')) throw new Error('content after the top-level value');
  return result;
}

// ---- checks ---------------------------------------------------------------------------------

/** Every problem with a ClientGuard policy: the schema's (what Chrome drops) and ClientGuard's. */
function problemsOf(policy: Record<string, Json>): string[] {
  const problems: string[] = [];
  for (const [key, value] of Object.entries(policy)) {
    const node = schemaFor(key);
    if (!node) problems.push(`${key}: not in managed_schema.json`);
    else problems.push(...checkSchema(key, node, value).map((p) => `schema: ${p.message}`));
  }
  problems.push(...validatePolicy(policy).problems.map((p) => `validator: ${p.message}`));
  return problems;
}

const files = readdirSync(dir).sort();
const read = (name: string) => readFileSync(join(dir, name), 'utf8');

/** The ClientGuard policy each sample carries, read as its browser reads it. */
function extract(name: string): { policy: Record<string, Json>; installs: string[] }[] {
  if (name.endsWith('.reg')) {
    const reg = parseReg(read(name));
    const vendor = name.startsWith('edge') ? 'Microsoft\\Edge' : 'Google\\Chrome';
    const base = `HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\${vendor}`;
    const forcelist = [...(reg.get(`${base}\\ExtensionInstallForcelist`.toLowerCase())?.values() ?? [])].map((v) => String(v.value));
    return [{ policy: policyFromReg(reg, `${base}\\3rdparty\\extensions\\${CHROME_ID}\\policy`), installs: forcelist }];
  }
  if (name.endsWith('.mobileconfig')) {
    const profile = parsePlist(read(name)) as { PayloadType: string; PayloadContent: Record<string, Json>[] };
    expect(profile.PayloadType).toBe('Configuration');
    const out: { policy: Record<string, Json>; installs: string[] }[] = [];
    for (const browser of ['com.google.Chrome', 'com.microsoft.Edge']) {
      const install = profile.PayloadContent.find((p) => p.PayloadType === browser);
      const payload = profile.PayloadContent.find((p) => p.PayloadType === `${browser}.extensions.${CHROME_ID}`);
      if (!payload) throw new Error(`no ${browser}.extensions.${CHROME_ID} payload`);
      const policy = Object.fromEntries(Object.entries(payload).filter(([k]) => !k.startsWith('Payload')));
      out.push({ policy, installs: (install?.ExtensionInstallForcelist as string[] | undefined) ?? [] });
    }
    const uuids = [profile, ...profile.PayloadContent].map((p) => (p as Record<string, Json>).PayloadUUID);
    expect(new Set(uuids).size).toBe(uuids.length);
    return out;
  }
  if (name === 'firefox-policies.json') {
    const { policies } = JSON.parse(read(name)) as { policies: Record<string, any> };
    const settings = policies.ExtensionSettings?.[FIREFOX_ADDON_ID];
    expect(Object.keys(policies['3rdparty'])).toEqual(['Extensions']); // capital E in Firefox
    return [{ policy: policies['3rdparty'].Extensions[FIREFOX_ADDON_ID], installs: settings ? [`${settings.installation_mode};${settings.install_url}`] : [] }];
  }
  if (/-linux\.json$/.test(name)) {
    const json = JSON.parse(read(name)) as Record<string, any>;
    expect(Object.keys(json['3rdparty'])).toEqual(['extensions']); // lower-case e in Chromium
    return [{ policy: json['3rdparty'].extensions[CHROME_ID], installs: json.ExtensionInstallForcelist ?? [] }];
  }
  return [];
}

describe('sample policies in docs/policies', () => {
  it('are all here and are known to this test', () => {
    expect(files).toEqual([
      'chrome-linux.json',
      'chrome-windows.reg',
      'chromium-linux.json',
      'clientguard-macos.mobileconfig',
      'edge-linux.json',
      'edge-windows.reg',
      'firefox-policies.json',
      'firefox-updates.json',
      'update.xml',
    ]);
  });

  it('use the extension id that manifest.json key gives (and the end-to-end tests use)', () => {
    expect(CHROME_ID).toBe('odenlbhnapbkdaiopobofedcmbpblcok');
    const harness = readFileSync(join(root, 'test/e2e/harness.ts'), 'utf8');
    expect(harness).toContain(`'${CHROME_ID}'`);
    const doc = readFileSync(join(root, 'docs/admin-deployment.md'), 'utf8');
    expect(doc).toContain(CHROME_ID);
    expect(doc).toContain(FIREFOX_ADDON_ID);
  });

  const policyFiles = files.filter((f) => /\.(json|reg|mobileconfig)$/.test(f) && f !== 'firefox-updates.json');
  const reference = extract('chrome-linux.json')[0]?.policy;

  for (const name of policyFiles) {
    it(`${name}: the ClientGuard policy passes the schema and the validator`, () => {
      const found = extract(name);
      expect(found.length).toBeGreaterThan(0);
      for (const { policy, installs } of found) {
        expect(policy).toBeTypeOf('object');
        expect(problemsOf(policy)).toEqual([]);
        // The same example everywhere, so that the documentation describes one policy.
        expect(policy).toEqual(reference);
        // Installed by force, from an HTTPS update manifest or XPI.
        expect(installs.length).toBe(1);
        expect(installs[0]).toMatch(name.startsWith('firefox') ? /^force_installed;https:\/\/\S+\.xpi$/ : new RegExp(`^${CHROME_ID};https://\\S+$`));
      }
    });
  }

  it('the sample policy locks what it sets and reports to an https endpoint', () => {
    const validated = validatePolicy(reference);
    expect(validated.locked).toContain('mode');
    expect(validated.values.reporting.endpoint).toMatch(/^https:\/\//);
    expect(validated.values.reporting.level).toBe('decisions');
  });

  it('update.xml names the extension id and an https CRX', () => {
    const xml = read('update.xml');
    expect(xml).toContain('xmlns="http://www.google.com/update2/response"');
    const app = /<app appid="([a-p]{32})">\s*<updatecheck codebase="(https:\/\/[^"]+\.crx)" version="(\d+(?:\.\d+){0,3})"\s*\/>/.exec(xml);
    expect(app?.[1]).toBe(CHROME_ID);
    expect(app?.[2]).toMatch(/^https:\/\//);
  });

  it('firefox-updates.json names the add-on id and an https XPI', () => {
    const json = JSON.parse(read('firefox-updates.json')) as { addons: Record<string, { updates: { version: string; update_link: string }[] }> };
    expect(Object.keys(json.addons)).toEqual([FIREFOX_ADDON_ID]);
    for (const update of json.addons[FIREFOX_ADDON_ID]?.updates ?? []) expect(update.update_link).toMatch(/^https:\/\/\S+\.xpi$/);
  });
});

describe('the sample checks catch mistakes', () => {
  const reference = extract('chrome-linux.json')[0]?.policy as Record<string, Json>;

  it('a mistyped key, a wrong type or a bad value is a problem', () => {
    const { listThreshold, ...rest } = reference;
    expect(problemsOf({ ...rest, listTreshold: listThreshold as Json })).toEqual(expect.arrayContaining([expect.stringMatching(/listTreshold.*did you mean listThreshold/)]));
    expect(problemsOf({ ...reference, requireReason: 'true' })).toEqual(expect.arrayContaining([expect.stringMatching(/^schema: requireReason must be true or false/)]));
    expect(problemsOf({ ...reference, mode: 'blok' })).toEqual(expect.arrayContaining([expect.stringMatching(/mode must be one of/)]));
    expect(problemsOf({ ...reference, reportingEndpoint: 'http://audit.example-practice.com/' })).not.toEqual([]);
  });

  it('the .reg reader follows the registry types', () => {
    const reg = parseReg(
      [
        'Windows Registry Editor Version 5.00',
        '[HKEY_LOCAL_MACHINE\\X]',
        '"requireReason"="1"',
        '"listThreshold"=dword:00000005',
        '[HKEY_LOCAL_MACHINE\\X\\ownNames]',
        '"1"="A \\"quoted\\" name"',
        '"3"="gap"',
      ].join('\r\n'),
    );
    expect(() => policyFromReg(reg, 'HKEY_LOCAL_MACHINE\\X')).toThrow(/requireReason/);
    expect(() => parseReg('REGEDIT4\r\n')).toThrow(/5\.00/);
    expect(() => parseReg('Windows Registry Editor Version 5.00\r\n[HKEY_LOCAL_MACHINE\\X]\r\n"a"=hex:00\r\n')).toThrow(/line 3/);
    const ok = parseReg('Windows Registry Editor Version 5.00\r\n[HKEY_LOCAL_MACHINE\\X]\r\n"listThreshold"=dword:0000000a\r\n[HKEY_LOCAL_MACHINE\\X\\ownNames]\r\n"1"="A \\"q\\" name"\r\n');
    expect(policyFromReg(ok, 'HKEY_LOCAL_MACHINE\\X')).toEqual({ listThreshold: 10, ownNames: ['A "q" name'] });
  });

  it('the plist reader reads what it should and refuses what it does not know', () => {
    const plist = (inner: string) => `<?xml version="1.0"?><plist version="1.0">${inner}</plist>`;
    expect(parsePlist(plist('<dict><key>a</key><integer>3</integer><key>b</key><array><string>x &amp; y</string><true/></array></dict>'))).toEqual({ a: 3, b: ['x & y', true] });
    expect(() => parsePlist(plist('<dict><key>a</key><data>AA==</data></dict>'))).toThrow(/unsupported/);
    expect(() => parsePlist(plist('<dict><key>a</key><integer>3</integer><key>a</key><false/></dict>'))).toThrow(/twice/);
  });
});
