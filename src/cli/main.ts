// `clientguard <command> …`: one file per command under ./commands, registered here.
import type { CliCommand } from './command';
import { scanCommand } from './commands/scan';
import { rosterCommand } from './commands/roster';

const COMMANDS: readonly CliCommand[] = [scanCommand, rosterCommand];

function usage(): string {
  return [
    'Usage: clientguard <command> [options]',
    '',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(8)} ${c.summary}`),
    '',
    'Run "clientguard <command> --help" for a command\'s options.',
  ].join('\n');
}

/** Returns the process exit code; never throws (errors become a message and exit 2). */
export async function main(argv: string[], io = defaultIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    io.out(usage() + '\n');
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`clientguard: unknown command "${name}"\n\n${usage()}\n`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    // A message, never a stack trace, and never the input's content.
    io.err(`clientguard ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Whole stdin as bytes. */
  readStdin(): Promise<Uint8Array>;
}

function defaultIo(): CliIo {
  return {
    out: (t) => void process.stdout.write(t),
    err: (t) => void process.stderr.write(t),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return new Uint8Array(Buffer.concat(chunks));
    },
  };
}
