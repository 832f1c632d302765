import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, type CliIo } from '../../../src/cli/main';
import { xlsxBytes } from '../../fixtures/classifier/generators';

function fakeIo(stdin = ''): CliIo & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    out(t: string) {
      io.stdout += t;
    },
    err(t: string) {
      io.stderr += t;
    },
    readStdin: async () => new TextEncoder().encode(stdin),
  };
  return io;
}

const dir = mkdtempSync(path.join(tmpdir(), 'cg-scan-'));
const file = (name: string, content: string | Uint8Array) => {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
};
const LIST = 'Name,Email,Phone\nJane Doe,jane.doe@gmail.com,(415) 555-2671\nOmar Haddad,omar@yahoo.com,212-555-0123\nLi Wei,li.wei@outlook.com,646-555-0100\n';

describe('clientguard scan', () => {
  it('prints a readable report without values', async () => {
    const io = fakeIo();
    const code = await main(['scan', file('list.csv', LIST)], io);
    expect(code).toBe(0);
    expect(io.stdout).toContain('WARNING');
    expect(io.stdout).toContain('a list of people with contact details');
    expect(io.stdout).toContain('3 person, 3 email, 3 phone');
    expect(io.stdout).toContain('J*** D**');
    for (const v of ['Jane Doe', 'jane.doe@gmail.com', '555-2671', 'Omar']) expect(io.stdout).not.toContain(v);
  });

  it('prints values only with --show-values', async () => {
    const io = fakeIo();
    await main(['scan', '--show-values', file('list2.csv', LIST)], io);
    expect(io.stdout).toContain('"jane.doe@gmail.com"');
    expect(io.stdout).toMatch(/\s+2:1\s+person\s+"Jane Doe"/);
  });

  it('prints the Classification with --json', async () => {
    const io = fakeIo();
    await main(['scan', '--json', file('list3.csv', LIST)], io);
    const c = JSON.parse(io.stdout);
    expect(c.verdict).toBe('warning');
    expect(c.people).toBe(3);
    expect(c.values).toBeUndefined();
  });

  it('reads stdin with -', async () => {
    const io = fakeIo('my client Sarah Jones was diagnosed with PTSD');
    expect(await main(['scan', '-'], io)).toBe(0);
    expect(io.stdout).toMatch(/^stdin: WARNING/);
  });

  it('reads XLSX files', async () => {
    const io = fakeIo();
    const bytes = xlsxBytes(LIST.trim().split('\n').map((l) => l.split(',')));
    await main(['scan', file('list.xlsx', bytes)], io);
    expect(io.stdout).toContain('WARNING');
  });

  it('answers JSON Lines with the same ids', async () => {
    const stdin = ['{"id":"a","text":"Jane Doe, jane@gmail.com"}', '{"id":7,"text":"my client Jo has GAD"}', '', '{"id":"c","text":"hello"}'].join('\n');
    const io = fakeIo(stdin);
    expect(await main(['scan', '--jsonl'], io)).toBe(0);
    const lines = io.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.id, l.verdict])).toEqual([
      ['a', 'none'],
      [7, 'warning'],
      ['c', 'none'],
    ]);
    expect(io.stdout).not.toContain('jane@gmail.com');
  });

  it('reports bad JSON Lines input per line and exits non-zero', async () => {
    const io = fakeIo('{"id":1,"text":"ok"}\nnot json\n{"id":2}\n');
    expect(await main(['scan', '--jsonl'], io)).toBe(2);
    const lines = io.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[1]).toEqual({ id: null, line: 2, error: 'not valid JSON' });
    expect(lines[2]).toEqual({ id: 2, line: 3, error: 'missing "text" string' });
  });

  it('exits 1 with --fail-on when the verdict is reached', async () => {
    const io = fakeIo();
    expect(await main(['scan', '--fail-on', 'warning', file('list4.csv', LIST)], io)).toBe(1);
    expect(await main(['scan', '--fail-on', 'caution', file('plain.txt', 'nothing here')], fakeIo())).toBe(0);
  });

  it('gives one clear line and exit 2 for bad input, never a stack trace', async () => {
    const cases: [string[], RegExp][] = [
      [['scan', file('bin.dat', new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2, 3]))], /binary/],
      [['scan', path.join(dir, 'missing.csv')], /no such file/],
      [['scan', '--max-bytes', '10', file('big.csv', LIST)], /too large/],
      [['scan', file('sjis.txt', new Uint8Array([0x82, 0xa0, 0x82, 0xa2, 0x82, 0xa4]))], /could not be read/],
      [['scan', dir], /not a file/],
      [['scan'], /give a file/],
      [['scan', '--bogus', 'x'], /unknown option/],
      [['scan', '--threshold', 'many', 'x'], /threshold/],
    ];
    for (const [argv, message] of cases) {
      const io = fakeIo();
      expect(await main(argv, io), argv.join(' ')).toBe(2);
      expect(io.stderr.split('\n')[0]).toMatch(message);
      expect(io.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('prints help', async () => {
    const io = fakeIo();
    expect(await main(['scan', '--help'], io)).toBe(0);
    expect(io.stdout).toContain('--jsonl');
  });
});
