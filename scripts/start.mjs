#!/usr/bin/env node
// `npm start`: builds the extension and opens seeds/ in VS Code with it loaded.
//   - desktop VS Code when `code` is on PATH: code --extensionDevelopmentPath=<repo> <repo>/seeds
//   - otherwise the local code-server (installed into ~/.cache/corroborate on first use, as for the real-editor
//     tests) with the extension installed from a freshly packaged .vsix, at a printed http://127.0.0.1 URL, running
//     until Ctrl+C. Its profile (settings, state) is kept in .cache/start/ inside the clone.
// Options: --code-server (use code-server even when `code` exists), --port N (default 8765, or a free one).
import { spawn, spawnSync } from 'node:child_process';
import * as path from 'node:path';
import {
  REPO_ROOT,
  createProfile,
  folderUrl,
  freePort,
  installExtension,
  packageExtension,
  startCodeServer,
} from './e2e/code-server.mjs';
import { ensureCodeServer } from './e2e/setup.mjs';

const SEEDS = path.join(REPO_ROOT, 'seeds');
const args = process.argv.slice(2);
const forceCodeServer = args.includes('--code-server');
const portArg = args.includes('--port') ? Number(args[args.indexOf('--port') + 1]) : undefined;

function say(message) {
  process.stdout.write(`[start] ${message}\n`);
}

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
}

async function portIsFree(port) {
  const net = await import('node:net');
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

function build() {
  say('building (node esbuild.mjs)');
  const result = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('the build failed');
}

function startDesktop() {
  say(`opening ${SEEDS} in VS Code with the extension from ${REPO_ROOT}`);
  const child = spawn('code', [`--extensionDevelopmentPath=${REPO_ROOT}`, SEEDS], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

async function startCodeServerWorkbench() {
  await ensureCodeServer();
  // `npm run package` builds the production bundle and the .vsix: what a user would install.
  const vsix = packageExtension({ log: say });
  const profile = createProfile(
    path.join(REPO_ROOT, '.cache', 'start'),
    { 'editor.wordWrap': 'on', 'workbench.secondarySideBar.defaultVisibility': 'hidden' },
    { keepExistingSettings: true },
  );
  say('installing the .vsix into code-server');
  await installExtension(profile, vsix);
  const preferred = portArg ?? 8765;
  const port = (await portIsFree(preferred)) ? preferred : await freePort();
  const server = await startCodeServer(profile, { port, log: () => {}, killOnSignals: false });
  let stopping = false;
  const stop = async (signal) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping code-server`);
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('Ctrl+C'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  say('');
  say(`Corroborate is running in code-server. Open this in a browser:`);
  say(`    ${folderUrl(server, SEEDS)}`);
  say('');
  say(`code-server log: ${profile.logFile}. Press Ctrl+C to stop.`);
  // Stay alive until a signal; code-server's own exit ends us too.
  await new Promise((resolve) => {
    const timer = setInterval(() => {
      if (stopping) return;
      try {
        process.kill(server.pid, 0);
      } catch {
        clearInterval(timer);
        resolve();
      }
    }, 1000);
  });
  say('code-server exited');
  process.exit(1);
}

async function main() {
  build();
  if (!forceCodeServer && onPath('code')) startDesktop();
  else await startCodeServerWorkbench();
}

main().catch((error) => {
  process.stderr.write(`[start] ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
