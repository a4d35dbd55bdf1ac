// Safety through the real server: it never writes to the workspace (article files change only by edits the user
// accepts in the editor; the persisted index goes to the storage folder the client names); it opens no network
// connection (nothing listened on or connected to, worker threads included: stdio or IPC only); and the extension
// declares how it behaves in untrusted workspaces.
import { strict as assert } from 'node:assert';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CodeAction, Location, WorkspaceEdit } from 'vscode-languageserver/node';
import { ROOT, SEEDS_DIR } from '../helpers/seeds';
import { LspSession, positionOf, SERVER_JS } from './harness';

const SYRIA = 'Russia keeps its forces in Syria\n\nNovember 6, 2017\n\nSome 4,300 Russian military are deployed in Syria, the defence ministry said.\n';
const KREMLIN = 'Kremlin briefing on Syria\n\nNovember 6, 2017\n\nThe Kremlin said 5,000 Russian troops are stationed in Syria.\n';

/** Every file under a folder with its bytes and modification time. */
function snapshot(dir: string): Map<string, { bytes: string; mtimeMs: number }> {
  const out = new Map<string, { bytes: string; mtimeMs: number }>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.set(path.relative(dir, full), { bytes: readFileSync(full).toString('base64'), mtimeMs: statSync(full).mtimeMs });
    }
  };
  walk(dir);
  return out;
}

/** Inodes of the network sockets (TCP, UDP, raw; IPv4 and IPv6) in the process's network namespace. */
function networkSocketInodes(pid: number): Set<string> {
  const inodes = new Set<string>();
  for (const table of ['tcp', 'tcp6', 'udp', 'udp6', 'raw', 'raw6', 'udplite', 'udplite6']) {
    let text: string;
    try {
      text = readFileSync(`/proc/${pid}/net/${table}`, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields.length > 9) inodes.add(fields[9]!);
    }
  }
  return inodes;
}

/** Inodes of the Unix-domain sockets in the process's view (pipes to the client, IPC). */
function unixSocketInodes(pid: number): Set<string> {
  const inodes = new Set<string>();
  for (const line of readFileSync(`/proc/${pid}/net/unix`, 'utf8').split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    if (fields.length > 6) inodes.add(fields[6]!);
  }
  return inodes;
}

/** Inodes of the sockets the process holds open. */
function socketsOf(pid: number): string[] {
  const inodes: string[] = [];
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
      const match = /^socket:\[(\d+)\]$/.exec(target);
      if (match) inodes.push(match[1]!);
    } catch {
      // closed meanwhile
    }
  }
  return inodes;
}

describe('protocol: safety', function () {
  this.timeout(120_000);
  let dir: string;
  let storage: string;
  let session: LspSession;

  before(async function () {
    assert.ok(existsSync(SERVER_JS), `${SERVER_JS} is missing: run "node esbuild.mjs" first`);
    dir = mkdtempSync(path.join(os.tmpdir(), 'corroborate-safety-'));
    storage = mkdtempSync(path.join(os.tmpdir(), 'corroborate-safety-storage-'));
    cpSync(SEEDS_DIR, dir, { recursive: true });
    writeFileSync(path.join(dir, 'syria-deployment.txt'), SYRIA);
    writeFileSync(path.join(dir, 'kremlin-briefing.txt'), KREMLIN);
    writeFileSync(path.join(dir, '.corroborate.json'), '{ "aliases": [] }\n');
  });

  afterEach(async function () {
    await session?.stop();
  });

  after(async function () {
    rmSync(dir, { recursive: true, force: true });
    rmSync(storage, { recursive: true, force: true });
  });

  it('writes nothing in the workspace, whatever is asked of it; its own index goes to the storage folder', async function () {
    const before = snapshot(dir);
    session = await LspSession.start({ workspaceFolder: dir, initializationOptions: { storagePath: storage } });
    await session.waitFor(() => session.logs.some((line) => /indexed \d+ articles/.test(line)), 'the workspace to be indexed', 60_000);
    try {
      const syria = await session.open(path.join(dir, 'syria-deployment.txt'));
      const seed = readdirSync(dir).find((name) => /^00\d_/.test(name) && readFileSync(path.join(dir, name), 'utf8').includes('Hmeimim'))!;
      const seedUri = await session.open(path.join(dir, seed));
      const seedText = session.textOf(seedUri);
      // edits in the editor (never saved), and every request that proposes edits
      await session.replaceText(syria, `${SYRIA}\nSome 9,000 more were sent.\n`);
      await session.semanticTokens(syria);
      const diagnostics = await session.request<{ items: { range: unknown; code?: unknown }[] }>('textDocument/diagnostic', { textDocument: { uri: syria } });
      const actions = await session.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri: syria },
        range: { start: { line: 0, character: 0 }, end: { line: 8, character: 0 } },
        context: { diagnostics: diagnostics.items },
      });
      assert.ok(actions.length > 0, 'quick fixes were offered (as edits for the client to apply, or not)');
      const at = positionOf(seedText, 'Hmeimim');
      const rename = await session.request<WorkspaceEdit | null>('textDocument/rename', { textDocument: { uri: seedUri }, position: at, newName: 'Renamed Base' });
      assert.ok(rename, 'a rename edit was proposed');
      await session.request<Location[]>('textDocument/references', { textDocument: { uri: seedUri }, position: at, context: { includeDeclaration: true } });
      await session.request('workspace/diagnostic', { previousResultIds: [] });
      await session.request('textDocument/codeLens', { textDocument: { uri: seedUri } });
      await session.close(syria);
      await session.close(seedUri);
    } finally {
      await session.stop();
    }
    assert.deepEqual(snapshot(dir), before);
    assert.ok(readdirSync(storage).some((name) => /^corroborate-index-[0-9a-f]+\.bin$/.test(name)), `the persisted index in the storage folder: ${readdirSync(storage)}`);
  });

  it('opens no network socket, on its own thread or its workers', async function () {
    if (process.platform !== 'linux') this.skip(); // reads /proc
    session = await LspSession.start({ workspaceFolder: dir, initializationOptions: { storagePath: storage } });
    await session.waitFor(() => session.logs.some((line) => /indexed \d+ articles/.test(line)), 'the workspace to be indexed', 60_000);
    // make the workers busy, then look while they run and after
    const long = Array.from({ length: 40 }, () => SYRIA).join('\n') + readFileSync(path.join(dir, readdirSync(dir).find((n) => n.startsWith('001'))!), 'utf8').repeat(20);
    const uri = await session.open(path.join(dir, 'long-open.txt'), long);
    const busy = session.semanticTokens(uri);
    const pid = session.pid!;
    const looks: string[][] = [socketsOf(pid)];
    await busy;
    looks.push(socketsOf(pid));
    const network = networkSocketInodes(pid);
    const local = unixSocketInodes(pid);
    for (const sockets of looks) {
      for (const inode of sockets) {
        assert.ok(!network.has(inode), `socket ${inode} is a network socket`);
        assert.ok(local.has(inode), `socket ${inode} is a Unix-domain socket (the pipes to the client)`);
      }
    }
    // the workers were running (more threads than a bare Node process)
    assert.ok(Number(/Threads:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) > 7);
  });

  it('declares its behaviour in untrusted workspaces (it reads files and runs no workspace code, so it is supported)', function () {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      capabilities?: { untrustedWorkspaces?: { supported: boolean | 'limited'; description?: string; restrictedConfigurations?: string[] } };
    };
    const untrusted = manifest.capabilities?.untrustedWorkspaces;
    assert.ok(untrusted, 'capabilities.untrustedWorkspaces is declared');
    if (untrusted.supported === 'limited') {
      assert.ok(untrusted.description && untrusted.description.length > 20, 'a limited mode says what is limited');
      assert.ok((untrusted.restrictedConfigurations ?? []).every((key) => key.startsWith('corroborate.')));
    } else {
      assert.equal(untrusted.supported, true);
    }
  });
});
