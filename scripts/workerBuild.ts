// How esbuild.mjs bundles dist/worker.js, for the tests and benchmarks that bundle the analysis worker from source (a
// worker thread runs a JavaScript file, not TypeScript).
import * as path from 'node:path';
import type { BuildOptions } from 'esbuild';

export function workerBuildOptions(outfile: string): BuildOptions {
  return {
    entryPoints: [path.resolve(__dirname, '..', 'server', 'src', 'worker.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // as esbuild.mjs: ESM builds first (jsonc-parser's UMD build requires its modules dynamically)
    mainFields: ['module', 'main'],
    outfile,
  };
}
