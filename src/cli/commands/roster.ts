// `clientguard roster …`: for practice IT. Makes a roster key and turns a roster export into
// the hashed roster that policy deploys (rosterUrl or rosterInline, with rosterKey). Nothing
// from the roster file is ever printed: problems name rows and column kinds only.
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { isSupportedCountry, type CountryCode } from 'libphonenumber-js/min';
import type { CliCommand } from '../command';
import type { CliIo } from '../main';
import { bytesToHex, generateKey, hashRoster, keyIdOf, parseHashedRoster, parseKeyHex, parseRoster } from '../../core/roster';
import type { DateOrder } from '../../core/roster';

const USAGE = `Usage:
  clientguard roster keygen --out KEY_FILE [--force]
      Writes a new random 256-bit key as 64 hex digits (the form policy's rosterKey takes).
  clientguard roster hash --key-file KEY_FILE ROSTER [--out HASHED_JSON] [--country CC] [--date-order MDY|DMY]
      Hashes a roster export (.csv, .tsv, .txt or .xlsx; "-" reads standard input) into the
      hashed roster JSON that policy deploys. Without --out the JSON goes to standard output.
      --country: country assumed for phone numbers without a country code (default US).
      --date-order: how dates such as 03/04/1985 are read (default MDY).
  clientguard roster info HASHED_JSON [--key-file KEY_FILE]
      Shows what a hashed roster holds (counts only) and whether KEY_FILE is its key.

The hashed roster holds only keyed hashes (HMAC-SHA-256). Keep the key secret: with it,
anyone holding the hashed roster can test guessed names, emails or phone numbers against it.
`;

class UsageError extends Error {}

interface Parsed {
  positional: string[];
  options: Map<string, string | true>;
}

const VALUE_OPTIONS = new Set(['--out', '--key-file', '--country', '--date-order']);
const FLAG_OPTIONS = new Set(['--force', '--help', '-h']);

function parseArgs(args: string[]): Parsed {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '-' || !arg.startsWith('-')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (FLAG_OPTIONS.has(name)) {
      options.set(name, true);
    } else if (VALUE_OPTIONS.has(name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
      if (value === undefined || value === '') throw new UsageError(`${name} needs a value`);
      options.set(name, value);
    } else {
      throw new UsageError(`unknown option ${name}`);
    }
  }
  return { positional, options };
}

function option(parsed: Parsed, name: string): string | undefined {
  const v = parsed.options.get(name);
  return typeof v === 'string' ? v : undefined;
}

/** Reads a file, turning Node's errors into one short sentence. */
async function read(path: string, what: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a directory' : 'unreadable';
    throw new Error(`cannot read ${what} "${path}": ${why}`);
  }
}

async function write(path: string, text: string, what: string, options: { exclusive?: boolean; secret?: boolean } = {}): Promise<void> {
  try {
    await writeFile(path, text, { flag: options.exclusive ? 'wx' : 'w', mode: options.secret ? 0o600 : 0o644 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new Error(`${what} "${path}" already exists (use --force to replace it)`);
    const why = code === 'ENOENT' ? 'no such directory' : code === 'EACCES' ? 'permission denied' : 'write failed';
    throw new Error(`cannot write ${what} "${path}": ${why}`);
  }
}

async function readKey(path: string | undefined): Promise<Uint8Array> {
  if (!path) throw new UsageError('--key-file is required (make one with "clientguard roster keygen --out KEY_FILE")');
  const text = new TextDecoder().decode(await read(path, 'key file'));
  try {
    return parseKeyHex(text);
  } catch (error) {
    throw new Error(`key file "${path}": ${error instanceof Error ? error.message : 'unusable'}`);
  }
}

async function keygen(parsed: Parsed, io: CliIo): Promise<number> {
  const out = option(parsed, '--out');
  if (!out) throw new UsageError('keygen needs --out KEY_FILE (the key is not printed)');
  if (parsed.positional.length > 0) throw new UsageError(`unexpected argument "${parsed.positional[0]}"`);
  const key = generateKey();
  await write(out, `${bytesToHex(key)}\n`, 'key file', { exclusive: parsed.options.get('--force') !== true, secret: true });
  io.out(`Wrote a new roster key to ${out} (64 hex digits; key id ${keyIdOf(key)}). Keep it secret.\n`);
  return 0;
}

async function hash(parsed: Parsed, io: CliIo): Promise<number> {
  if (parsed.positional.length !== 1) throw new UsageError('hash needs exactly one roster file (or "-" for standard input)');
  const input = parsed.positional[0]!;
  const out = option(parsed, '--out');
  const country = (option(parsed, '--country') ?? 'US').toUpperCase();
  if (!isSupportedCountry(country)) throw new UsageError(`--country: "${country}" is not a known two-letter country code`);
  const dateOrder = (option(parsed, '--date-order') ?? 'MDY').toUpperCase();
  if (dateOrder !== 'MDY' && dateOrder !== 'DMY') throw new UsageError('--date-order must be MDY or DMY');
  if (out && input !== '-' && resolve(out) === resolve(input)) throw new UsageError('--out must not be the roster file itself');

  const key = await readKey(option(parsed, '--key-file'));
  const bytes = input === '-' ? await io.readStdin() : await read(input, 'roster file');
  const options = { defaultCountry: country as CountryCode, dateOrder: dateOrder as DateOrder };
  const { entries, problems } = parseRoster(bytes, input === '-' ? 'stdin.csv' : input, options);
  bytes.fill(0); // the raw file is not kept around longer than needed
  for (const p of problems) io.err(`  ${p}\n`);
  if (entries.length === 0) {
    io.err('clientguard roster: no clients found; nothing written\n');
    return 1;
  }
  const hashed = hashRoster(entries, key, options);
  const json = `${JSON.stringify(hashed)}\n`;
  if (out) await write(out, json, 'output file');
  else io.out(json);
  io.err(
    `Hashed ${hashed.count} client${hashed.count === 1 ? '' : 's'} (key id ${hashed.keyId})${out ? ` to ${out}` : ''}` +
      `${problems.length ? `; ${problems.length} problem${problems.length === 1 ? '' : 's'} listed above` : ''}.\n`,
  );
  return 0;
}

async function info(parsed: Parsed, io: CliIo): Promise<number> {
  if (parsed.positional.length !== 1) throw new UsageError('info needs exactly one hashed roster file');
  const path = parsed.positional[0]!;
  const text = new TextDecoder().decode(path === '-' ? await io.readStdin() : await read(path, 'hashed roster'));
  const hashed = parseHashedRoster(text);
  io.out(
    [
      `version ${hashed.version}, created ${hashed.createdAt || 'unknown'}`,
      `clients: ${hashed.count}`,
      `hashes: ${hashed.name.length} name, ${hashed.email.length} email, ${hashed.phone.length} phone, ${hashed.dob.length} date of birth`,
      `key id: ${hashed.keyId}; phone country ${hashed.country}; date order ${hashed.dateOrder}`,
    ].join('\n') + '\n',
  );
  const keyFile = option(parsed, '--key-file');
  if (keyFile) {
    const matches = keyIdOf(await readKey(keyFile)) === hashed.keyId;
    io.out(matches ? `the key in ${keyFile} matches\n` : `the key in ${keyFile} does NOT match this roster\n`);
    return matches ? 0 : 1;
  }
  return 0;
}

export const rosterCommand: CliCommand = {
  name: 'roster',
  summary: 'Make a roster key and hash a client roster for deployment by policy',
  async run(args: string[], io: CliIo): Promise<number> {
    const [sub, ...rest] = args;
    try {
      if (!sub || sub === '--help' || sub === '-h' || sub === 'help') {
        io.out(USAGE);
        return sub ? 0 : 2;
      }
      const parsed = parseArgs(rest);
      if (parsed.options.has('--help') || parsed.options.has('-h')) {
        io.out(USAGE);
        return 0;
      }
      if (sub === 'keygen') return await keygen(parsed, io);
      if (sub === 'hash') return await hash(parsed, io);
      if (sub === 'info') return await info(parsed, io);
      throw new UsageError(`unknown subcommand "${sub}" (keygen, hash or info)`);
    } catch (error) {
      if (error instanceof UsageError) {
        io.err(`clientguard roster: ${error.message}\nRun "clientguard roster --help" for usage.\n`);
        return 2;
      }
      throw error; // main() prints the message (never a stack) and exits 2
    }
  },
};
