#!/usr/bin/env node
// Command-line entry: runs the TypeScript sources directly through tsx, so the CLI uses the
// very same classifier code as the extension.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
