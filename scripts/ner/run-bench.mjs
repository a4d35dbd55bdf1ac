// `npm run eval:ner`: bundles scripts/ner/bench.ts with esbuild (as the server is shipped: one scope-hoisted
// file, so the speed measured is the speed users get) and runs it with --expose-gc for the memory figures.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const outDir = path.join(root, 'scripts', 'ner', '.build');
mkdirSync(outDir, { recursive: true });
const outfile = path.join(outDir, 'bench.cjs');
await esbuild.build({
  entryPoints: [path.join(root, 'scripts', 'ner', 'bench.ts')],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  outfile,
  logLevel: 'warning',
  // bench.ts finds the model from its own folder; point it at the sources' layout.
  define: { 'process.env.CORROBORATE_NER_ROOT': JSON.stringify(root) },
});
const run = spawnSync(process.execPath, ['--expose-gc', outfile, ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
process.exit(run.status ?? 1);
