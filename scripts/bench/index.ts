// npm run bench: every benchmark, each in its own process (so memory and JIT state do not leak between them).
// JSON on stdout (one object keyed by benchmark), a short table on stderr. Speed is measured here, never asserted
// in tests. `npm run bench -- ner linking` runs only the named benchmarks.
//
// Each benchmark is bundled with esbuild first, as the shipped dist/*.js are, and runs as plain JavaScript: run from
// source through tsx, every imported function is reached through a getter on its module, which made the analysis
// look nearly twice as slow as it is in the product.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { buildSync } from 'esbuild';

/** Benchmark name -> module (relative to the repo) and the exported async function that returns its JSON. */
export const BENCHMARKS: Record<string, { module: string; exportName: string }> = {
  ner: { module: 'scripts/ner/bench.ts', exportName: 'benchNer' },
  datesFigures: { module: 'scripts/bench/dates-figures.ts', exportName: 'benchDatesFigures' },
  linking: { module: 'scripts/bench/linking.ts', exportName: 'benchLinking' },
  checks: { module: 'scripts/bench/checks.ts', exportName: 'benchChecks' },
  // re-analysis after a one-character edit, cold and incremental (issue 6)
  edit: { module: 'scripts/bench/edit.ts', exportName: 'benchEdit' },
  // scale, speed and memory through the real server (issue 6): needs dist/ built; several minutes
  scale: { module: 'scripts/bench/scale.ts', exportName: 'benchScale' },
  // processor time per article through the worker pool, first pass and steady state (issue 6)
  workers: { module: 'scripts/bench/workers.ts', exportName: 'benchWorkers' },
};

const ROOT = path.resolve(__dirname, '..', '..');
/** Two levels below the root, as the benchmark sources are, so their `path.resolve(__dirname, '..', '..')` holds. */
const BUNDLES = path.join(ROOT, 'scripts', '.bench-bundle');

/** The folder for the bundles, with the entity model in it (found next to the code, as in dist/). */
function prepareBundles(): void {
  mkdirSync(BUNDLES, { recursive: true });
  copyFileSync(path.join(ROOT, 'server', 'models', 'ner-model.bin'), path.join(BUNDLES, 'ner-model.bin'));
}

/** Bundles one benchmark into a script that prints its result as JSON (in the folder `prepareBundles` made); returns
 *  the script's path. */
function bundle(name: string, module: string, exportName: string): string {
  const outfile = path.join(BUNDLES, `${name}.js`);
  buildSync({
    stdin: {
      contents: [
        `import { ${exportName} as bench } from ${JSON.stringify(path.join(ROOT, module))};`,
        'Promise.resolve().then(() => bench()).then(',
        "  (result) => process.stdout.write(JSON.stringify(result) + '\\n'),",
        "  (error) => { process.stderr.write(String(error && error.stack || error) + '\\n'); process.exit(1); });",
      ].join('\n'),
      resolveDir: ROOT,
      sourcefile: `${name}-entry.ts`,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // dependencies load from node_modules as they are (cspell-lib is an ES module)
    packages: 'external',
    // the benchmark modules' own "run as a script" blocks stay quiet: the entry runs the function
    define: { 'require.main': 'undefined' },
    sourcemap: 'inline',
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}

function flatten(value: unknown, prefix = '', out: [string, string][] = []): [string, string][] {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, out);
  } else if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') {
    out.push([prefix, typeof value === 'number' ? String(Math.round(value * 1000) / 1000) : String(value)]);
  }
  return out;
}

function main(): void {
  const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
  const results: Record<string, unknown> = {};
  const started = Date.now();
  prepareBundles();
  for (const [name, { module, exportName }] of Object.entries(BENCHMARKS)) {
    if (wanted.length > 0 && !wanted.includes(name)) continue;
    if (!existsSync(path.join(ROOT, module))) {
      results[name] = { skipped: `${module} does not exist` };
      continue;
    }
    process.stderr.write(`bench: ${name} ...\n`);
    const t0 = Date.now();
    const script = bundle(name, module, exportName);
    const child = spawnSync(process.execPath, ['--enable-source-maps', script], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    if (child.status !== 0) {
      results[name] = { error: `exit ${child.status ?? child.signal}` };
      continue;
    }
    try {
      results[name] = JSON.parse(child.stdout);
    } catch {
      results[name] = { error: 'output was not JSON', output: child.stdout.slice(0, 2000) };
    }
    process.stderr.write(`bench: ${name} done in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
  }
  const report = { machine: { node: process.version, cpus: require('node:os').cpus().length }, totalSeconds: (Date.now() - started) / 1000, results };
  process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  const rows = flatten(results);
  const width = Math.min(70, Math.max(...rows.map(([key]) => key.length), 10));
  process.stderr.write('\n' + rows.map(([key, value]) => `${key.padEnd(width)}  ${value}`).join('\n') + '\n');
}

main();
