// The analysis worker threads: the bundled worker gives the same summaries as the main thread; a worker that dies
// costs the file it was analysing (with a clear message), not the others and not the server; a task that runs too long
// is stopped; the pool keeps working after both; open documents go ahead of background indexing.
import { strict as assert } from 'node:assert';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { analyze } from '../../server/src/analysis/analyze';
import { MODEL_FILE_NAME, findModelFile } from '../../server/src/analysis/entities/model-file';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { WorkerPool } from '../../server/src/workspace/analysisPool';
import { decodeAnalysis, decodeSummary, runTask, type FileTask, type TaskReply } from '../../server/src/workspace/analysisTask';
import { nodeFileSystem } from '../../server/src/workspace/fileSystem';
import { uriOfPath, WorkspaceIndexer } from '../../server/src/workspace/indexer';
import { summarize } from '../../server/src/workspace/summary';
import { readSeed, SEEDS_DIR } from '../helpers/seeds';
import { workerBuildOptions } from '../../scripts/workerBuild';

/** A stand-in worker: "crash" in a path kills it, "hang" never answers, anything else is "gone". */
const FAKE_WORKER = `
const { parentPort } = require('node:worker_threads');
parentPort.postMessage({ ready: true });
parentPort.on('message', ({ id, task }) => {
  if (task.path && task.path.includes('crash')) process.exit(3);
  if (task.path && task.path.includes('hang')) { for (;;) {} }
  parentPort.postMessage({ id, reply: { kind: 'gone' } });
});
`;

describe('robustness: analysis worker threads', function () {
  this.timeout(60_000);
  let dir: string;
  let workerScript: string;

  before(async function () {
    // the worker as shipped: bundled from server/src/worker.ts, with the model beside it
    dir = mkdtempSync(path.join(os.tmpdir(), 'corroborate-workers-'));
    workerScript = path.join(dir, 'worker.js');
    await esbuild.build({ ...workerBuildOptions(path.resolve(__dirname, '..', '..'), workerScript), logLevel: 'silent' });
    copyFileSync(findModelFile()!, path.join(dir, MODEL_FILE_NAME));
    writeFileSync(path.join(dir, 'fake-worker.js'), FAKE_WORKER);
  });
  after(function () {
    rmSync(dir, { recursive: true, force: true });
  });

  const fileTask = (filePath: string, extra: Partial<FileTask> = {}): FileTask => ({ kind: 'file', path: filePath, maxBytes: 5 * 1024 * 1024, options: {}, ...extra });

  it('gives the same summary on a worker as on the main thread, and the same analysis of an open document', async function () {
    const pool = new WorkerPool({ script: workerScript, size: 2 });
    try {
      const seed = path.join(SEEDS_DIR, require('node:fs').readdirSync(SEEDS_DIR).find((name: string) => name.startsWith('003')));
      const [onWorker, here] = [await pool.run(fileTask(seed)), runTask(fileTask(seed))];
      assert.equal(onWorker.kind, 'summary');
      assert.equal(here.kind, 'summary');
      if (onWorker.kind !== 'summary' || here.kind !== 'summary') return;
      assert.deepStrictEqual(decodeSummary(onWorker.bytes), decodeSummary(here.bytes));
      assert.deepStrictEqual(onWorker.meta, here.meta);
      const text = readSeed('002');
      const reply = await pool.run({ kind: 'text', text, options: {} }, 'high');
      assert.equal(reply.kind, 'analysis');
      if (reply.kind !== 'analysis') return;
      const { analysis, summary } = decodeAnalysis(reply.bytes, text);
      const local = analyze(text);
      assert.deepStrictEqual(analysis.entities, local.entities);
      assert.deepStrictEqual(analysis.dates, local.dates);
      assert.deepStrictEqual(analysis.figures, local.figures);
      assert.deepStrictEqual(summary, summarize(local));
      // an unchanged file is recognised by its hash, without analysis
      const known = await pool.run(fileTask(seed, { knownHash: onWorker.meta.hash }));
      assert.equal(known.kind, 'unchanged');
    } finally {
      await pool.dispose();
    }
  });

  it('reports missing, too large and binary files', async function () {
    const pool = new WorkerPool({ script: workerScript, size: 1 });
    try {
      writeFileSync(path.join(dir, 'big.txt'), 'word '.repeat(1000));
      writeFileSync(path.join(dir, 'bin.txt'), Buffer.from([0x47, 0x49, 0x46, 0, 0, 1, 2, 3]));
      assert.equal((await pool.run(fileTask(path.join(dir, 'nothing-here.txt')))).kind, 'gone');
      const big = await pool.run(fileTask(path.join(dir, 'big.txt'), { maxBytes: 1024 }));
      assert.ok(big.kind === 'skipped' && big.reason === 'too-large' && /big\.txt is 5 KB, larger than corroborate\.files\.maxSizeKB \(1 KB\)/.test(big.message), JSON.stringify(big));
      const binary = await pool.run(fileTask(path.join(dir, 'bin.txt')));
      assert.ok(binary.kind === 'skipped' && binary.reason === 'binary', JSON.stringify(binary));
    } finally {
      await pool.dispose();
    }
  });

  it('loses only the file a dying worker was analysing, says so, and carries on with a new worker', async function () {
    const logs: string[] = [];
    const pool = new WorkerPool({ script: path.join(dir, 'fake-worker.js'), size: 1, log: (line) => logs.push(line) });
    try {
      const replies = await Promise.all(['/a.txt', '/crash.txt', '/b.txt', '/c.txt'].map((p) => pool.run(fileTask(p))));
      assert.deepEqual(replies.map((reply) => reply.kind), ['gone', 'skipped', 'gone', 'gone']);
      const crashed = replies[1] as Extract<TaskReply, { kind: 'skipped' }>;
      assert.equal(crashed.reason, 'failed');
      assert.match(crashed.message, /crash\.txt could not be analysed \(the analysis stopped: exit code 3\)/);
      assert.ok(logs.some((line) => /stopped while analysing crash\.txt.*restarted/.test(line)), logs.join('\n'));
    } finally {
      await pool.dispose();
    }
  });

  it('stops a task that runs too long, and answers the next ones', async function () {
    const pool = new WorkerPool({ script: path.join(dir, 'fake-worker.js'), size: 1, taskTimeoutMs: () => 300 });
    try {
      const [hung, after] = await Promise.all([pool.run(fileTask('/hang.txt')), pool.run(fileTask('/after.txt'))]);
      assert.ok(hung.kind === 'skipped' && /hang\.txt was not analysed: the analysis took longer than 0\.3 s/.test(hung.message), JSON.stringify(hung));
      assert.equal(after.kind, 'gone');
      assert.equal((await pool.run(fileTask('/later.txt'))).kind, 'gone');
    } finally {
      await pool.dispose();
    }
  });

  it('answers every task still queued when it is shut down', async function () {
    const pool = new WorkerPool({ script: path.join(dir, 'fake-worker.js'), size: 1 });
    const pending = [pool.run(fileTask('/hang.txt')), pool.run(fileTask('/x.txt')), pool.run(fileTask('/y.txt'))];
    await new Promise((resolve) => setTimeout(resolve, 200));
    await pool.dispose();
    const replies = await Promise.all(pending);
    assert.ok(replies.every((reply) => reply.kind === 'error' || reply.kind === 'gone'), JSON.stringify(replies));
    assert.equal((await pool.run(fileTask('/z.txt'))).kind, 'error');
  });

  it('analyses a handful of small files on this thread, and more (or larger) ones on the workers', async function () {
    const pool = new WorkerPool({ script: workerScript, size: 2 });
    try {
      const small = new WorkspaceIndexer(nodeFileSystem, { runner: pool });
      small.setFolders([SEEDS_DIR]);
      small.setSettings(DEFAULT_SETTINGS);
      const five = await small.indexAll();
      assert.equal(five.analysed, 5);
      assert.equal(five.onWorkers, false, 'five seed articles: no worker started for them');
      const strict = new WorkspaceIndexer(nodeFileSystem, { runner: pool, inlineFiles: 4 });
      strict.setFolders([SEEDS_DIR]);
      strict.setSettings(DEFAULT_SETTINGS);
      const more = await strict.indexAll();
      assert.equal(more.onWorkers, true, 'more files than the inline limit go to the workers');
      assert.equal(pool.running, 0, 'the workers are stopped once the files are analysed');
      assert.equal((await pool.run({ kind: 'text', text: 'Moscow said so.', options: {} })).kind, 'analysis', 'and start again for the next task');
      for (const uri of small.index.uris()) assert.deepStrictEqual(small.index.get(uri), strict.index.get(uri), uri);
    } finally {
      await pool.dispose();
    }
  });

  it('indexes a workspace on worker threads as on the main thread', async function () {
    const pool = new WorkerPool({ script: workerScript, size: 2 });
    try {
      // (a handful of small files would be analysed on this thread: here they go to the workers)
      const onWorkers = new WorkspaceIndexer(nodeFileSystem, { runner: pool, inlineFiles: 0 });
      const here = new WorkspaceIndexer(nodeFileSystem);
      for (const indexer of [onWorkers, here]) {
        indexer.setFolders([SEEDS_DIR]);
        indexer.setSettings(DEFAULT_SETTINGS);
      }
      const [a, b] = [await onWorkers.indexAll(), await here.indexAll()];
      assert.equal(a.analysed, b.analysed);
      for (const uri of here.index.uris()) assert.deepStrictEqual(onWorkers.index.get(uri), here.index.get(uri), uri);
      assert.deepEqual(
        onWorkers.index.clusters().map((c) => c.canonical),
        here.index.clusters().map((c) => c.canonical),
      );
      assert.ok(onWorkers.index.has(uriOfPath(path.join(SEEDS_DIR, require('node:fs').readdirSync(SEEDS_DIR).find((name: string) => name.startsWith('000'))))));
    } finally {
      await pool.dispose();
    }
  });
});
