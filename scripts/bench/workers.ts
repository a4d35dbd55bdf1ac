// Benchmark of the analysis workers' cost per article (issue 6's cold index): the corpus (default the BBC, 2,225
// articles) analysed as the indexer has it analysed, as file tasks (read, hash, analyse, summarise, encode) through
// the real worker pool (server/src/workspace/analysisPool.ts) running a freshly bundled server/src/worker.ts. Reports
// wall time and the process's processor time (process.cpuUsage: every thread, including the workers, the compiler's
// and the garbage collector's) per pass: the first pass pays each fresh worker's warm-up (its JIT compiling the
// analysis), later passes show the steady state. Then the same tasks on this thread (one isolate, no messages), per
// pass. Processor time is the figure to compare between versions; the machine's speed drifts, so compare runs made
// one after the other, several times each.
//   npm run bench -- workers
//   (standalone: bundle this file next to ner-model.bin, then node it) [--corpus DIR] [--workers N] [--passes N]
//     [--inline-passes N] [--worker SCRIPT (a worker bundle to use instead of bundling server/src/worker.ts)]
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildSync } from 'esbuild';
import { workerBuildOptions } from '../workerBuild';
import { WorkerPool } from '../../server/src/workspace/analysisPool';
import { runTask, type FileTask } from '../../server/src/workspace/analysisTask';
import { articleFiles, cpuTicks, DEFAULT_CORPUS, option, printResult, round } from './common';


/** The worker script, bundled as esbuild.mjs bundles dist/worker.js, next to this bundle (and its ner-model.bin). */
function bundleWorker(): string {
  const outfile = path.join(__dirname, 'bench-worker.js');
  buildSync({ ...workerBuildOptions(path.resolve(__dirname, '..', '..'), outfile), logLevel: 'warning' });
  return outfile;
}

interface Pass {
  wallMs: number;
  cpuMs: number;
  /** Processor time per article, ms. */
  cpuMsPerArticle: number;
  wallMsPerArticle: number;
  /** Of cpuMs, this (the main) thread's: sending tasks and receiving replies in the pool (where /proc tells). */
  mainThreadMs?: number;
}

const threadTicks = (): number | undefined => cpuTicks('/proc/thread-self/stat');

function pass(articles: number, wallMs: number, cpu: NodeJS.CpuUsage, ticks0: number | undefined): Pass {
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const ticks1 = threadTicks();
  return {
    wallMs: round(wallMs, 0),
    cpuMs: round(cpuMs, 0),
    cpuMsPerArticle: round(cpuMs / articles, 3),
    wallMsPerArticle: round(wallMs / articles, 3),
    ...(ticks0 !== undefined && ticks1 !== undefined ? { mainThreadMs: (ticks1 - ticks0) * 10 } : {}),
  };
}

async function poolPasses(tasks: readonly FileTask[], workers: number, passes: number, script: string): Promise<Pass[]> {
  const pool = new WorkerPool({ script, size: workers, idleMs: 0 });
  const results: Pass[] = [];
  try {
    for (let p = 0; p < passes; p++) {
      const ticks0 = threadTicks();
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      const replies = await Promise.all(tasks.map((task) => pool.run(task)));
      const failed = replies.filter((reply) => reply.kind !== 'summary');
      if (failed.length > 0) throw new Error(`${failed.length} tasks failed: ${JSON.stringify(failed[0])}`);
      results.push(pass(tasks.length, performance.now() - t0, process.cpuUsage(cpu0), ticks0));
    }
  } finally {
    await pool.dispose();
  }
  return results;
}

function inlinePasses(tasks: readonly FileTask[], passes: number): Pass[] {
  const results: Pass[] = [];
  for (let p = 0; p < passes; p++) {
    const ticks0 = threadTicks();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    for (const task of tasks) {
      const reply = runTask(task);
      if (reply.kind !== 'summary') throw new Error(`task failed: ${JSON.stringify(reply)}`);
    }
    results.push(pass(tasks.length, performance.now() - t0, process.cpuUsage(cpu0), ticks0));
  }
  return results;
}

/** { pass1, pass2, ... }: keyed, so that the summary table of `npm run bench` lists them. */
const byPass = (passes: readonly Pass[]): Record<string, Pass> => Object.fromEntries(passes.map((p, i) => [`pass${i + 1}`, p]));

export async function benchWorkers(args: readonly string[] = process.argv.slice(2)) {
  const corpus = option('corpus', args) ?? DEFAULT_CORPUS;
  const workers = Number(option('workers', args) ?? 2);
  const passes = Number(option('passes', args) ?? 2);
  const inline = Number(option('inline-passes', args) ?? 3);
  const files = articleFiles(corpus);
  const tasks: FileTask[] = files.map((file) => ({ kind: 'file', path: file, maxBytes: 10 * 1024 * 1024, options: { markdown: false, numericDateOrder: 'auto' } }));
  const bytes = files.reduce((sum, file) => sum + readFileSync(file).length, 0);
  const given = option('worker', args);
  const pool = workers > 0 ? await poolPasses(tasks, workers, passes, given !== undefined ? path.resolve(given) : bundleWorker()) : [];
  const onThread = inlinePasses(tasks, inline);
  return {
    corpus: path.basename(corpus),
    articles: tasks.length,
    megabytes: round(bytes / 1e6, 2),
    workers,
    /** Through the worker pool, pass by pass (pass1 with fresh workers). */
    pool: byPass(pool),
    /** On this thread, pass by pass (pass1 in a fresh isolate). */
    inline: byPass(onThread),
  };
}

if (require.main === module) {
  printResult(benchWorkers());
}
