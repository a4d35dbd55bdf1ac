// `npm run test:electron`: the same user-level assertions as the code-server tests (test/e2e), through the VS Code
// API inside a desktop VS Code, with @vscode/test-electron. Needs a VS Code desktop build: it downloads one (internet)
// unless VSCODE_EXECUTABLE_PATH points at an installed `code` binary. Not part of `npm test` (this project's CI has
// no VS Code desktop and no internet); see test/electron/README.md.
import { runTests } from '@vscode/test-electron';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { ROOT, SEEDS_DIR } from '../helpers/seeds';

const OUT = path.join(ROOT, 'out', 'electron');

async function main(): Promise<void> {
  // The extension under test, as VS Code loads it from the repository (dist/client.js, dist/server.js).
  const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('node esbuild.mjs failed');

  // The suite runs inside VS Code's extension host: bundle it to CommonJS, with `vscode` and `mocha` left to require.
  rmSync(OUT, { recursive: true, force: true });
  const suiteDir = path.join(__dirname, 'suite');
  const entryPoints = readdirSync(suiteDir)
    .filter((file) => file.endsWith('.ts'))
    .map((file) => path.join(suiteDir, file));
  await esbuild.build({
    entryPoints,
    outdir: OUT,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: true,
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });

  // A copy of the seeds as the workspace, so the tests never touch the repository's files.
  const temp = mkdtempSync(path.join(os.tmpdir(), 'corroborate-electron-'));
  const workspace = path.join(temp, 'seeds');
  cpSync(SEEDS_DIR, workspace, { recursive: true });
  try {
    await runTests({
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(OUT, 'index.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
      ...(process.env.VSCODE_EXECUTABLE_PATH ? { vscodeExecutablePath: process.env.VSCODE_EXECUTABLE_PATH } : {}),
      ...(process.env.CORROBORATE_VSCODE_VERSION ? { version: process.env.CORROBORATE_VSCODE_VERSION } : {}),
    });
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
