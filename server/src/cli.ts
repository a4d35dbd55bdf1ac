#!/usr/bin/env node
// corroborate: the command-line face of the analysis library.
import { main } from './cli/main';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`corroborate: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
