// Failures through the real server: a malformed .corroborate.json at start-up gets diagnostics on that file while the
// defaults stay in force; a corrupt, truncated or old persisted index is discarded (and says so), the workspace is
// indexed from the files, and a good index is written for the next start, which then analyses nothing.
import { strict as assert } from 'node:assert';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver/node';
import { SEEDS_DIR } from '../helpers/seeds';
import { fileUri, LspSession, SERVER_JS } from './harness';

const SEED_003 = '003_5605dda33168d3ec.txt';

function seeds(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'corroborate-failures-'));
  cpSync(SEEDS_DIR, dir, { recursive: true });
  return dir;
}

async function start(dir: string, storage?: string): Promise<LspSession> {
  const session = await LspSession.start({ workspaceFolder: dir, ...(storage ? { initializationOptions: { storagePath: storage } } : {}) });
  await session.waitFor(() => session.logs.some((line) => /indexed \d+ articles/.test(line)), 'the workspace to be indexed', 60_000);
  return session;
}

function indexLine(session: LspSession): string {
  return session.logs.find((line) => /indexed \d+ articles/.test(line))!;
}

describe('protocol: failures', function () {
  this.timeout(120_000);

  before(function () {
    assert.ok(existsSync(SERVER_JS), `${SERVER_JS} is missing: run "node esbuild.mjs" first`);
  });

  it('reports a malformed .corroborate.json found at start-up on that file, and keeps the defaults in force', async function () {
    const dir = seeds();
    const configPath = path.join(dir, '.corroborate.json');
    writeFileSync(configPath, '{ "aliases": [["Hmeimim", "Jableh"]], "distinct": 7, }');
    const session = await start(dir);
    try {
      const problems = await session.waitFor(() => {
        const list = session.diagnostics.get(fileUri(configPath));
        return list && list.length > 0 ? list : undefined;
      }, 'diagnostics on .corroborate.json');
      assert.ok(problems.every((problem: Diagnostic) => problem.range.start.line === 0));
      assert.ok(problems.some((problem: Diagnostic) => problem.severity === 1 || problem.severity === 2));
      // the shipped default aliases still apply: the Islamic State under its other names
      const uri = await session.open(path.join(dir, SEED_003));
      assert.match(await session.hoverText(uri, 'Islamic State'), /Daesh|ISIS/);
      assert.equal(session.exited, false);
    } finally {
      await session.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  for (const [what, damage] of [
    ['corrupt (bytes flipped)', (bytes: Buffer) => {
      const copy = Buffer.from(bytes);
      for (let i = copy.length - 200; i < copy.length - 100; i++) copy[i] = copy[i]! ^ 0x5a;
      return copy;
    }],
    ['truncated', (bytes: Buffer) => bytes.subarray(0, Math.floor(bytes.length / 2))],
    ['from an older version', (bytes: Buffer) => Buffer.from(bytes.toString('latin1').replace(/"summaryVersion":\d+/, '"summaryVersion":1'), 'latin1')],
    ['not an index at all', () => Buffer.from('PK\u0003\u0004 this is a zip file, not an index')],
  ] as const) {
    it(`discards a persisted index that is ${what}, rebuilds it from the files, and saves a good one`, async function () {
      const dir = seeds();
      const storage = mkdtempSync(path.join(os.tmpdir(), 'corroborate-failures-storage-'));
      try {
        // a first session writes the index
        let session = await start(dir, storage);
        await session.stop();
        const file = readdirSync(storage).find((name) => name.endsWith('.bin'));
        assert.ok(file, 'an index file was written');
        const indexPath = path.join(storage, file);
        writeFileSync(indexPath, damage(readFileSync(indexPath)));
        // the second finds it damaged: says so, analyses every article again, and the workspace works
        session = await start(dir, storage);
        const line = indexLine(session);
        assert.match(line, /indexed 5 articles/);
        assert.match(line, /5 analysed/);
        assert.match(line, /persisted index discarded: /);
        assert.ok(session.logs.some((log) => /persisted index .* discarded: .*; it is rebuilt/.test(log)), session.logs.join('\n'));
        const uri = await session.open(path.join(dir, SEED_003));
        assert.match(await session.hoverText(uri, 'Khmeimim'), /Hmeimim/);
        await session.stop();
        // the third starts warm from the rebuilt index
        session = await start(dir, storage);
        assert.match(indexLine(session), /0 analysed on .*, 5 unchanged; persisted index loaded 5 summaries/);
        await session.stop();
      } finally {
        rmSync(dir, { recursive: true, force: true });
        rmSync(storage, { recursive: true, force: true });
      }
    });
  }
});
