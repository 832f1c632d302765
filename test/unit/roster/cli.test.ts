// `clientguard roster …` through the real dispatcher, with a fake io and temp files.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main, type CliIo } from '../../../src/cli/main';
import { createRosterMatcher, hexToBytes, keyIdOf, parseHashedRoster } from '../../../src/core/roster';

const ROSTER_CSV = 'First Name,Last Name,Email,Cell,DOB\nJane,Doe,Jane.Doe@gmail.com,(212) 555-0147,03/14/1985\nZebediah,Quxworth,zq@example.org,646-555-0101,1/2/1970\n';
// Long enough not to turn up by chance inside hex hashes or key ids.
const RAW_VALUES = ['Jane', 'Zebediah', 'Quxworth', 'jane.doe', 'zq@example.org', '(212) 555-0147', '2125550147', '+12125550147', '6465550101', '03/14/1985', '1985-03-14', '19850314'];

function fakeIo(stdin: Uint8Array = new Uint8Array()) {
  const io = { stdout: '', stderr: '' };
  const cli: CliIo = {
    out: (t) => void (io.stdout += t),
    err: (t) => void (io.stderr += t),
    readStdin: async () => stdin,
  };
  return { io, cli };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'clientguard-roster-'));
  writeFileSync(join(dir, 'roster.csv'), ROSTER_CSV);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[], stdin?: Uint8Array) {
  const { io, cli } = fakeIo(stdin);
  const code = await main(['roster', ...args], cli);
  return { code, ...io };
}

describe('clientguard roster keygen', () => {
  it('writes a 256-bit hex key, readable by the owner only, and prints only its id', async () => {
    const keyFile = join(dir, 'roster.key');
    const r = await run(['keygen', '--out', keyFile]);
    expect(r.code).toBe(0);
    const text = readFileSync(keyFile, 'utf8');
    expect(text).toMatch(/^[0-9a-f]{64}\n$/);
    expect(statSync(keyFile).mode & 0o077).toBe(0);
    expect(r.stdout).toContain(keyIdOf(hexToBytes(text)));
    expect(r.stdout + r.stderr).not.toContain(text.trim());
  });

  it('refuses to overwrite a key unless --force, and needs --out', async () => {
    const keyFile = join(dir, 'roster.key');
    await run(['keygen', '--out', keyFile]);
    const first = readFileSync(keyFile, 'utf8');
    const again = await run(['keygen', '--out', keyFile]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists/);
    expect(readFileSync(keyFile, 'utf8')).toBe(first);
    expect((await run(['keygen', '--out', keyFile, '--force'])).code).toBe(0);
    expect(readFileSync(keyFile, 'utf8')).not.toBe(first);
    const noOut = await run(['keygen']);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toMatch(/--out/);
  });
});

describe('clientguard roster hash', () => {
  it('writes a hashed roster that matches with the key and prints no raw value', async () => {
    const keyFile = join(dir, 'roster.key');
    const out = join(dir, 'hashed.json');
    await run(['keygen', '--out', keyFile]);
    const r = await run(['hash', '--key-file', keyFile, join(dir, 'roster.csv'), '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/Hashed 2 clients/);
    const json = readFileSync(out, 'utf8');
    const hashed = parseHashedRoster(json);
    const matcher = createRosterMatcher(hashed, hexToBytes(readFileSync(keyFile, 'utf8')));
    expect(matcher.match('Thanks Jane Doe!')).toHaveLength(1);
    expect(matcher.match('zq@example.org')).toHaveLength(1);
    for (const v of RAW_VALUES) {
      expect(r.stdout + r.stderr, v).not.toContain(v);
      expect(json.toLowerCase(), v).not.toContain(v.toLowerCase());
    }
  });

  it('reads standard input and writes the JSON to standard output', async () => {
    const keyFile = join(dir, 'k');
    writeFileSync(keyFile, 'ab'.repeat(32));
    const r = await run(['hash', '--key-file=' + keyFile, '-', '--country', 'us', '--date-order', 'dmy'], new TextEncoder().encode(ROSTER_CSV));
    expect(r.code).toBe(0);
    const hashed = parseHashedRoster(r.stdout);
    expect(hashed.count).toBe(2);
    expect(hashed.dateOrder).toBe('DMY');
    expect(hashed.keyId).toBe(keyIdOf(hexToBytes('ab'.repeat(32))));
  });

  it('lists problems by row without values, and fails when no client is found', async () => {
    const keyFile = join(dir, 'k');
    writeFileSync(keyFile, 'cd'.repeat(32));
    writeFileSync(join(dir, 'bad.csv'), 'Email,Phone\nnot-an-email-Quxworth,12\n');
    const r = await run(['hash', '--key-file', keyFile, join(dir, 'bad.csv'), '--out', join(dir, 'o.json')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Row 2/);
    expect(r.stderr).toMatch(/no clients found/);
    expect(r.stderr).not.toContain('Quxworth');
    expect(() => statSync(join(dir, 'o.json'))).toThrow();
  });

  it('fails with one clear line, no stack trace', async () => {
    const keyFile = join(dir, 'k');
    writeFileSync(keyFile, 'cd'.repeat(32));
    writeFileSync(join(dir, 'short.key'), 'abcd');
    const cases: [string[], RegExp][] = [
      [['hash', join(dir, 'roster.csv')], /--key-file is required/],
      [['hash', '--key-file', join(dir, 'missing.key'), join(dir, 'roster.csv')], /cannot read key file .*no such file/],
      [['hash', '--key-file', join(dir, 'short.key'), join(dir, 'roster.csv')], /too short/],
      [['hash', '--key-file', keyFile, join(dir, 'missing.csv')], /cannot read roster file .*no such file/],
      [['hash', '--key-file', keyFile, join(dir, 'roster.csv'), '--country', 'XX'], /--country/],
      [['hash', '--key-file', keyFile, join(dir, 'roster.csv'), '--out', join(dir, 'roster.csv')], /must not be the roster file/],
      [['hash', '--key-file', keyFile, join(dir, 'roster.csv'), '--bogus'], /unknown option --bogus/],
      [['frobnicate'], /unknown subcommand/],
    ];
    for (const [args, message] of cases) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
      expect(r.stderr).toMatch(/^clientguard roster: /);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe('clientguard roster info', () => {
  it('shows counts and whether a key matches', async () => {
    const keyFile = join(dir, 'k');
    const otherKey = join(dir, 'other');
    writeFileSync(keyFile, 'ef'.repeat(32));
    writeFileSync(otherKey, '01'.repeat(32));
    await run(['hash', '--key-file', keyFile, join(dir, 'roster.csv'), '--out', join(dir, 'h.json')]);
    const ok = await run(['info', join(dir, 'h.json'), '--key-file', keyFile]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/clients: 2/);
    expect(ok.stdout).toMatch(/matches/);
    const bad = await run(['info', join(dir, 'h.json'), '--key-file', otherKey]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/does NOT match/);
  });

  it('prints usage for --help', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/roster keygen --out KEY_FILE/);
  });
});
