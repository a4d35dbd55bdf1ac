// npm test: every layer, in order, failing fast. Type check -> bundle -> unit -> protocol -> other clients -> real editor.
// Set CORROBORATE_TEST_LAYERS=unit,protocol (for example) to run only some layers while developing.
import { spawnSync } from 'node:child_process';

const layers = [
  // npm run typecheck: the project, and the timeline webview's script with the DOM types (client/webview/tsconfig.json)
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['build', 'node', ['esbuild.mjs']],
  ['unit', 'npx', ['mocha', '--config', 'test/unit/.mocharc.json']],
  ['protocol', 'npx', ['mocha', '--config', 'test/protocol/.mocharc.json']],
  // Another LSP client: Neovim through ../shared/tools/lsp-probe.
  ['clients', 'npx', ['mocha', '--config', 'test/clients/.mocharc.json']],
  // The real editor: code-server (installed once into ~/.cache/corroborate) + Chromium; packages and installs the .vsix.
  ['e2e', 'npm', ['run', '--silent', 'test:e2e']],
];

const only = process.env.CORROBORATE_TEST_LAYERS?.split(',').map((s) => s.trim());
const started = Date.now();
for (const [name, command, args] of layers) {
  if (only && !only.includes(name)) continue;
  const t0 = Date.now();
  process.stderr.write(`\n=== ${name} ===\n`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  if (result.status !== 0) {
    process.stderr.write(`\n=== ${name} FAILED after ${seconds} s (exit ${result.status ?? result.signal}) ===\n`);
    process.exit(1);
  }
  process.stderr.write(`=== ${name} passed in ${seconds} s ===\n`);
}
process.stderr.write(`\nAll test layers passed in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
