import type { CliIo } from './main';

export interface CliCommand {
  name: string;
  summary: string;
  /** Returns the exit code. */
  run(args: string[], io: CliIo): Promise<number>;
}
