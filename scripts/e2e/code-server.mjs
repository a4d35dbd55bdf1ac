// Runs code-server for the real-editor tests and `npm start`: package the extension, make a throw-away profile
// (user data, extensions, XDG folders, settings), install the .vsix into it, start the server on 127.0.0.1 and
// stop it again together with everything it started (extension host, our language server).
// The install itself lives in setup.mjs; types for TypeScript callers are in code-server.d.mts.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCodeServer } from './setup.mjs';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const EXTENSION_ID = 'corroborate.corroborate';

/** Settings that make a fresh workbench quiet and predictable; callers add their own on top. */
export const BASE_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'git.openRepositoryInParentFolders': 'never',
  'editor.semanticHighlighting.enabled': true,
  'chat.disableAIFeatures': true,
  'github.copilot.enable': { '*': false },
};

/** Builds the production bundle and the .vsix with `npm run package`; returns the .vsix path. */
export function packageExtension({ log = (m) => process.stderr.write(`${m}\n`) } = {}) {
  const started = Date.now();
  log('packaging the extension (npm run package)');
  const result = spawnSync('npm', ['run', '--silent', 'package'], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`npm run package failed (exit ${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`);
  }
  const vsix = path.join(REPO_ROOT, 'dist', 'corroborate.vsix');
  if (!existsSync(vsix)) throw new Error(`npm run package made no ${vsix}`);
  log(`packaged ${vsix} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return vsix;
}

/**
 * A profile under `dir` (throw-away for tests): code-server and the extensions it runs write only there. The user
 * settings file is written from BASE_SETTINGS + `settings`, unless `keepExistingSettings` and it exists already.
 */
export function createProfile(dir, settings = {}, { keepExistingSettings = false } = {}) {
  const profile = {
    dir,
    userDataDir: path.join(dir, 'user-data'),
    extensionsDir: path.join(dir, 'extensions'),
    xdgConfigHome: path.join(dir, 'xdg-config'),
    xdgDataHome: path.join(dir, 'xdg-data'),
    xdgCacheHome: path.join(dir, 'xdg-cache'),
    // code-server leaves its IPC sockets in the temporary folder: in the profile, they go with it
    tmpDir: path.join(dir, 'tmp'),
    configFile: path.join(dir, 'code-server.yaml'),
    logFile: path.join(dir, 'code-server.log'),
  };
  for (const folder of [profile.userDataDir, profile.extensionsDir, profile.xdgConfigHome, profile.xdgDataHome, profile.xdgCacheHome, profile.tmpDir]) {
    mkdirSync(folder, { recursive: true });
  }
  mkdirSync(path.join(profile.userDataDir, 'User'), { recursive: true });
  const settingsFile = path.join(profile.userDataDir, 'User', 'settings.json');
  if (!(keepExistingSettings && existsSync(settingsFile))) {
    writeFileSync(settingsFile, JSON.stringify({ ...BASE_SETTINGS, ...settings }, null, 2) + '\n');
  }
  return profile;
}

function environment(profile) {
  const env = { ...process.env };
  // npm's variables (from `npm test`) would leak into the extension host and every process it starts.
  for (const key of Object.keys(env)) if (key.toLowerCase().startsWith('npm_')) delete env[key];
  env.XDG_CONFIG_HOME = profile.xdgConfigHome;
  env.XDG_DATA_HOME = profile.xdgDataHome;
  env.XDG_CACHE_HOME = profile.xdgCacheHome;
  // (a socket's path has at most 107 bytes: a profile deep in the file system keeps the usual folder)
  if (profile.tmpDir.length <= 60) env.TMPDIR = profile.tmpDir;
  return env;
}

function profileArgs(profile) {
  return ['--user-data-dir', profile.userDataDir, '--extensions-dir', profile.extensionsDir];
}

/** `code-server --install-extension VSIX --force` into the profile. */
export async function installExtension(profile, vsix) {
  const install = await ensureCodeServer();
  const result = spawnSync(
    install.node,
    [install.codeServerEntry, ...profileArgs(profile), '--install-extension', vsix, '--force'],
    { env: environment(profile), encoding: 'utf8', timeout: 120_000 },
  );
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0 || !/successfully installed/i.test(output)) {
    throw new Error(`installing ${vsix} into code-server failed (exit ${result.status ?? result.signal}):\n${output}`);
  }
  return output.trim();
}

/** Extensions installed in the profile, as `publisher.name@version`. */
export async function listExtensions(profile) {
  const install = await ensureCodeServer();
  const result = spawnSync(install.node, [install.codeServerEntry, ...profileArgs(profile), '--list-extensions', '--show-versions'], {
    env: environment(profile),
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.status !== 0) throw new Error(`code-server --list-extensions failed:\n${result.stderr}`);
  return result.stdout.split('\n').map((line) => line.trim()).filter(Boolean);
}

/** A port on 127.0.0.1 that nothing listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** Sends SIGTERM to a process group, waits for it to go, then SIGKILL. Resolves when nothing of it is left. */
export async function stopProcessGroup(pgid, { graceMs = 5000 } = {}) {
  if (!groupAlive(pgid)) return;
  try {
    process.kill(-pgid, 'SIGTERM');
  } catch {
    /* already gone */
  }
  const deadline = Date.now() + graceMs;
  while (groupAlive(pgid) && Date.now() < deadline) await sleep(100);
  if (groupAlive(pgid)) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      /* already gone */
    }
    const killDeadline = Date.now() + 5000;
    while (groupAlive(pgid) && Date.now() < killDeadline) await sleep(100);
  }
}

/**
 * Starts code-server on 127.0.0.1 with the profile, in its own process group (so stop() takes its extension host and
 * our language server with it). Resolves once /healthz answers. Output goes to profile.logFile.
 */
export async function startCodeServer(profile, { port, timeoutMs = 120_000, log = () => {}, killOnSignals = true } = {}) {
  const install = await ensureCodeServer();
  const chosenPort = port ?? (await freePort());
  writeFileSync(
    profile.configFile,
    [
      `bind-addr: 127.0.0.1:${chosenPort}`,
      'auth: none',
      'cert: false',
      'disable-telemetry: true',
      'disable-update-check: true',
      '',
    ].join('\n'),
  );
  const logStream = createWriteStream(profile.logFile, { flags: 'a' });
  const child = spawn(
    install.node,
    [
      install.codeServerEntry,
      '--config',
      profile.configFile,
      ...profileArgs(profile),
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
    ],
    { env: environment(profile), detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout.pipe(logStream);
  child.stderr.pipe(logStream);
  const pgid = child.pid;
  let exited;
  child.on('exit', (code, signal) => {
    exited = signal ?? `exit ${code}`;
  });
  // Last line of defence: never leave code-server behind when this process exits, however it exits.
  const killOnExit = () => {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  };
  process.on('exit', killOnExit);
  // code-server runs in its own process group, so Ctrl+C in the terminal does not reach it: pass the signal on.
  // (Callers with their own graceful shutdown, like `npm start`, turn this off.)
  const onSignal = (signal) => {
    killOnExit();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  if (killOnSignals) {
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }

  const url = `http://127.0.0.1:${chosenPort}`;
  const handle = {
    url,
    port: chosenPort,
    pid: pgid,
    profile,
    async stop() {
      await stopProcessGroup(pgid);
      process.removeListener('exit', killOnExit);
      process.removeListener('SIGINT', onSignal);
      process.removeListener('SIGTERM', onSignal);
      logStream.end();
    },
  };

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited) {
      await handle.stop();
      throw new Error(`code-server exited before it was ready (${exited}); see ${profile.logFile}`);
    }
    try {
      const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await handle.stop();
      throw new Error(`code-server did not answer ${url}/healthz within ${timeoutMs / 1000} s; see ${profile.logFile}`);
    }
    await sleep(200);
  }
  log(`code-server ${url} ready (pid ${pgid})`);
  return handle;
}

/** The workbench URL that opens `folder`. */
export function folderUrl(server, folder) {
  return `${server.url}/?folder=${encodeURIComponent(folder)}`;
}
