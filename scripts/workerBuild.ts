// How esbuild.mjs bundles dist/worker.js, for the tests and benchmarks that bundle the analysis worker from source (a
// worker thread runs a JavaScript file, not TypeScript). The caller names the repository's root: this file is bundled
// into benchmarks that live at another depth, so its own __dirname says nothing.
import * as path from 'node:path';
import type { BuildOptions } from 'esbuild';

export function workerBuildOptions(root: string, outfile: string): BuildOptions {
  return {
    entryPoints: [path.join(root, 'server', 'src', 'worker.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // as esbuild.mjs: ESM builds first (jsonc-parser's UMD build requires its modules dynamically)
    mainFields: ['module', 'main'],
    outfile,
  };
}
