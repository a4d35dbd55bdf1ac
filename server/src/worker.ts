// The analysis worker (dist/worker.js): a worker thread that runs analysis tasks for the language server and the CLI
// (see workspace/analysisTask.ts), so the main thread stays free to answer the editor. One task at a time, in the
// order received; each reply carries the task's id and hands its buffer over without copying.
import * as os from 'node:os';
import { parentPort } from 'node:worker_threads';
import { entityModel, entityModelError } from './analysis/entities';
import { runTask, transferablesOf, type AnalysisTask } from './workspace/analysisTask';

interface Envelope {
  readonly id: number;
  readonly task: AnalysisTask;
}

if (parentPort) {
  const port = parentPort;
  // Background work yields the processor to the thread that answers the editor. On Linux a nice value is per thread,
  // so this lowers only this worker (elsewhere it would lower the whole server, so it is not done there).
  if (process.platform === 'linux') {
    try {
      os.setPriority(0, 10);
    } catch {
      // not permitted: run at normal priority
    }
  }
  // load the model before the first task, and say so if it cannot be loaded (names are then not found)
  entityModel();
  const modelError = entityModelError();
  port.postMessage({ ready: true, ...(modelError ? { modelError } : {}) });
  port.on('message', (envelope: Envelope) => {
    const reply = runTask(envelope.task);
    port.postMessage({ id: envelope.id, reply }, transferablesOf(reply));
  });
}
