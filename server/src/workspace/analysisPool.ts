// Where analysis tasks run: a pool of worker threads (dist/worker.js), one per core, or the main thread itself when
// no worker can be started (tests from source, a host without worker threads). The pool keeps a short queue per
// worker (so a worker never waits for its next message), puts the editor's own documents ahead of background
// indexing, stops a task that runs too long, and replaces a worker that dies (a file that exhausts a worker's memory
// costs that file, not the server). Idle workers are stopped after a while to give their memory back.
import { existsSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { runTask, type AnalysisTask, type TaskReply } from './analysisTask';

export type TaskPriority = 'high' | 'normal';

export interface AnalysisRunner {
  /** Runs a task; never rejects (failures are replies). */
  run(task: AnalysisTask, priority?: TaskPriority): Promise<TaskReply>;
  /** Worker threads in use (0: the main thread runs the tasks). */
  readonly threads: number;
  /** Tasks queued or running. */
  readonly pending: number;
  /** Stops idle worker threads now (they start again for the next task): their memory back after a full index. */
  releaseIdle?(): void;
  dispose(): Promise<void>;
}

/** Runs every task on the calling thread. */
export class InlineRunner implements AnalysisRunner {
  readonly threads = 0;
  readonly pending = 0;

  async run(task: AnalysisTask): Promise<TaskReply> {
    return runTask(task);
  }

  async dispose(): Promise<void> {}
}

export interface WorkerPoolOptions {
  /** The worker script (dist/worker.js). */
  readonly script: string;
  /** Number of workers; default: the machine's cores, at most 4. */
  readonly size?: number;
  /** How long one task may run before its worker is stopped (ms). */
  readonly taskTimeoutMs?: (task: AnalysisTask) => number;
  /** Stop workers after this long without work (ms); 0 = never. */
  readonly idleMs?: number;
  readonly log?: (message: string) => void;
}

interface Job {
  readonly id: number;
  readonly task: AnalysisTask;
  readonly resolve: (reply: TaskReply) => void;
}

interface Slot {
  worker: Worker | undefined;
  /** Jobs posted to the worker, oldest (running) first. */
  readonly inFlight: Job[];
  /** When the oldest job started running. */
  runningSince: number;
  ready: boolean;
}

/** Jobs posted ahead to each worker, so it has its next message at hand. */
const DEPTH = 2;
/** The young generation (short-lived objects) of each worker's heap, in MB. */
const WORKER_YOUNG_GENERATION_MB = 8;
/** Open documents whose worker the pool remembers. */
const MAX_AFFINITIES = 64;
/** Restarts allowed per minute before the pool gives up on a slot. */
const MAX_RESTARTS_PER_MINUTE = 20;

export function defaultWorkerCount(): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(4, cores));
}

/** A generous bound: the analysis reads about a megabyte a second at worst, so a 5 MB file gets well over a minute. */
export function defaultTaskTimeout(task: AnalysisTask): number {
  const megabytes = task.kind === 'file' ? task.maxBytes / (1024 * 1024) : task.text.length / (1024 * 1024);
  return 60_000 + Math.ceil(megabytes) * 30_000;
}

export class WorkerPool implements AnalysisRunner {
  private readonly slots: Slot[] = [];
  private readonly high: Job[] = [];
  private readonly normal: Job[] = [];
  private nextId = 1;
  private readonly restarts: number[] = [];
  private idleTimer: NodeJS.Timeout | undefined;
  private readonly watchdog: NodeJS.Timeout;
  private disposed = false;
  private modelWarned = false;
  /** Open document URI -> the slot that analysed its last text. */
  private readonly affinity = new Map<string, number>();

  constructor(private readonly options: WorkerPoolOptions) {
    const size = options.size ?? defaultWorkerCount();
    for (let i = 0; i < size; i++) this.slots.push({ worker: undefined, inFlight: [], runningSince: 0, ready: false });
    this.watchdog = setInterval(() => this.checkTimeouts(), 1000);
    this.watchdog.unref();
  }

  get threads(): number {
    return this.slots.length;
  }

  /** Worker threads running now (started on demand, stopped when idle). */
  get running(): number {
    return this.slots.filter((slot) => slot.worker).length;
  }

  get pending(): number {
    return this.high.length + this.normal.length + this.slots.reduce((sum, slot) => sum + slot.inFlight.length, 0);
  }

  run(task: AnalysisTask, priority: TaskPriority = 'normal'): Promise<TaskReply> {
    if (this.disposed) return Promise.resolve({ kind: 'error', message: 'the analysis pool is shut down' });
    return new Promise((resolve) => {
      const job: Job = { id: this.nextId++, task, resolve };
      (priority === 'high' ? this.high : this.normal).push(job);
      if (this.idleTimer) {
        clearTimeout(this.idleTimer);
        this.idleTimer = undefined;
      }
      this.dispatch();
    });
  }

  private dispatch(): void {
    // an open document's text goes first to the worker that analysed its last version, when that one has room: its
    // analysis cache holds the document's sentences (any worker gives the same result; this one is quicker)
    for (let q = 0; q < this.high.length; q++) {
      const task = this.high[q]!.task;
      const preferred = task.kind === 'text' && task.document !== undefined ? this.affinity.get(task.document) : undefined;
      const slot = preferred === undefined ? undefined : this.slots[preferred];
      if (!slot || slot.inFlight.length >= DEPTH || (!slot.worker && !this.start(slot))) continue;
      const [job] = this.high.splice(q--, 1);
      this.post(slot, job!);
    }
    for (const slot of this.slots) {
      while (slot.inFlight.length < DEPTH && (this.high.length > 0 || this.normal.length > 0)) {
        if (!slot.worker && !this.start(slot)) break;
        this.post(slot, (this.high.length > 0 ? this.high : this.normal).shift()!);
      }
    }
    if (this.pending === 0) this.scheduleIdle();
    else if (this.slots.every((slot) => !slot.worker)) {
      // no worker could be started at all: fail what is queued rather than hang
      for (const job of [...this.high.splice(0), ...this.normal.splice(0)]) job.resolve({ kind: 'error', message: 'no analysis worker could be started' });
    }
  }

  private post(slot: Slot, job: Job): void {
    if (slot.inFlight.length === 0) slot.runningSince = Date.now();
    slot.inFlight.push(job);
    slot.worker!.postMessage({ id: job.id, task: job.task });
    const task = job.task;
    if (task.kind === 'text' && task.document !== undefined) {
      this.affinity.delete(task.document);
      this.affinity.set(task.document, this.slots.indexOf(slot));
      // a bounded record: the documents most recently sent
      if (this.affinity.size > MAX_AFFINITIES) this.affinity.delete(this.affinity.keys().next().value!);
    }
  }

  /** Starts a slot's worker; false when the restart budget is spent. */
  private start(slot: Slot): boolean {
    const now = Date.now();
    while (this.restarts.length > 0 && now - this.restarts[0]! > 60_000) this.restarts.shift();
    if (this.restarts.length >= MAX_RESTARTS_PER_MINUTE) return false;
    this.restarts.push(now);
    let worker: Worker;
    try {
      // A small young generation: a worker's garbage is short-lived (one article at a time), and V8's default lets
      // each worker hold tens of megabytes of it (peak RSS at 22,250 articles: 591 -> 525 MB, same speed).
      worker = new Worker(this.options.script, { resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
    } catch (error) {
      this.options.log?.(`analysis worker could not start: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
    slot.worker = worker;
    slot.ready = false;
    worker.on('message', (message: { ready?: boolean; modelError?: string; id?: number; reply?: TaskReply }) => {
      if (message.ready) {
        slot.ready = true;
        if (message.modelError && !this.modelWarned) {
          this.modelWarned = true;
          this.options.log?.(`entity model not loaded in the analysis worker: ${message.modelError}`);
        }
        return;
      }
      const index = slot.inFlight.findIndex((job) => job.id === message.id);
      if (index < 0) return;
      const [job] = slot.inFlight.splice(index, 1);
      slot.runningSince = Date.now();
      job!.resolve(message.reply!);
      this.dispatch();
    });
    worker.on('error', (error) => this.lost(slot, worker, `${error.message}`));
    worker.on('exit', (code) => this.lost(slot, worker, `exit code ${code}`));
    return true;
  }

  /** A worker died or was stopped: its running job fails, the jobs queued behind it go back to the queue. */
  private lost(slot: Slot, worker: Worker, why: string, failed?: TaskReply): void {
    if (slot.worker !== worker) return;
    slot.worker = undefined;
    const [running, ...queued] = slot.inFlight.splice(0);
    if (this.disposed) {
      for (const job of [running, ...queued]) job?.resolve({ kind: 'error', message: 'the analysis pool is shut down' });
      return;
    }
    if (running) {
      const name = running.task.kind === 'file' ? path.basename(running.task.path) : 'an open document';
      this.options.log?.(`analysis worker stopped while analysing ${name} (${why}); it is restarted`);
      running.resolve(failed ?? { kind: 'skipped', reason: 'failed', message: `${name} could not be analysed (the analysis stopped: ${why})` });
    }
    this.normal.unshift(...queued.filter((job) => job.task.kind === 'file'));
    this.high.unshift(...queued.filter((job) => job.task.kind !== 'file'));
    this.dispatch();
  }

  private checkTimeouts(): void {
    const now = Date.now();
    for (const slot of this.slots) {
      const running = slot.inFlight[0];
      const worker = slot.worker;
      if (!running || !worker || !slot.ready) continue;
      const limit = (this.options.taskTimeoutMs ?? defaultTaskTimeout)(running.task);
      if (now - slot.runningSince <= limit) continue;
      const name = running.task.kind === 'file' ? path.basename(running.task.path) : 'an open document';
      const seconds = limit < 10_000 ? (limit / 1000).toFixed(1) : String(Math.round(limit / 1000));
      this.lost(slot, worker, `took longer than ${seconds} s`, {
        kind: 'skipped',
        reason: 'failed',
        message: `${name} was not analysed: the analysis took longer than ${seconds} s`,
      });
      void worker.terminate();
    }
  }

  private scheduleIdle(): void {
    const idleMs = this.options.idleMs ?? 30_000;
    if (idleMs <= 0 || this.idleTimer) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = undefined;
      this.releaseIdle();
    }, idleMs);
    this.idleTimer.unref();
  }

  releaseIdle(): void {
    if (this.pending > 0 || this.disposed) return;
    for (const slot of this.slots) {
      const worker = slot.worker;
      slot.worker = undefined;
      if (worker) void worker.terminate();
    }
    // an idle stop is not a restart
    this.restarts.length = 0;
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    clearInterval(this.watchdog);
    if (this.idleTimer) clearTimeout(this.idleTimer);
    for (const job of [...this.high.splice(0), ...this.normal.splice(0)]) job.resolve({ kind: 'error', message: 'the analysis pool is shut down' });
    await Promise.all(
      this.slots.map(async (slot) => {
        const worker = slot.worker;
        slot.worker = undefined;
        for (const job of slot.inFlight.splice(0)) job.resolve({ kind: 'error', message: 'the analysis pool is shut down' });
        if (worker) await worker.terminate();
      }),
    );
  }
}

/** The worker script next to the running bundle (dist/worker.js), if there is one. */
export function bundledWorkerScript(): string | undefined {
  const candidate = path.join(__dirname, 'worker.js');
  return existsSync(candidate) ? candidate : undefined;
}

/** Worker threads when the worker script is there and more than zero are wanted; the main thread otherwise. */
export function createAnalysisRunner(options: { script?: string; size?: number; log?: (message: string) => void; idleMs?: number } = {}): AnalysisRunner {
  const script = options.script ?? bundledWorkerScript();
  const size = options.size ?? defaultWorkerCount();
  if (!script || size <= 0) return new InlineRunner();
  return new WorkerPool({ script, size, ...(options.log ? { log: options.log } : {}), ...(options.idleMs !== undefined ? { idleMs: options.idleMs } : {}) });
}
