// Background work in turns. Long jobs (indexing replies, re-clustering, building entity views, saving the index,
// a workspace diagnostics pull) run in slices of 10-15 ms and yield between them. Yielding with setImmediate alone is
// not enough when several such jobs run at once: every callback queued before Node's check phase starts runs in that
// phase, so five jobs' slices ran back to back (60-250 ms) before the server read the editor's next request. Here
// every yield waits for its own turn, and one turn is given per pass of the event loop, after Node has polled for
// input: a request waits behind one slice at most, and behind none when the server is told of input as it arrives
// (noteInput): turns then give way until the message has been handled and answered.

const waiting: Array<() => void> = [];
/** Turns of work a request waits for (a view a hover needs): given before any background job's. */
const urgent: Array<() => void> = [];
let scheduled = false;

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  setImmediate(giveTurn);
}

function giveTurn(): void {
  scheduled = false;
  if (passesForInput > 0) {
    // The editor's input was read lately: the protocol library decodes a message in one pass of the loop, runs its
    // handler in the next and writes the answer in the one after, each step queued (setImmediate) behind a turn
    // queued in the pass before. The turn waits for those passes.
    passesForInput--;
    schedule();
    return;
  }
  const next = urgent.shift() ?? waiting.shift();
  // scheduled from within the check phase, the next turn comes in the next pass of the loop, after the poll for input
  if (urgent.length > 0 || waiting.length > 0) schedule();
  next?.();
}

/** Resolves at this job's next turn (a later pass of the event loop, after pending input has been read); an urgent
 *  job's (work a request is waiting for) comes before every background job's. */
export function nextTurn(priority: 'background' | 'urgent' = 'background'): Promise<void> {
  return new Promise((resolve) => {
    (priority === 'urgent' ? urgent : waiting).push(resolve);
    schedule();
  });
}

/** Runs `callback` at its turn. */
export function inTurn(callback: () => void): void {
  waiting.push(callback);
  schedule();
}

/** While the editor is sending messages (within this long of the last), background slices are cut short. */
const BUSY_MS = 250;
/** A background slice's length while the editor is busy. */
const BUSY_SLICE_MS = 1;
let lastInput = -Infinity;
/** Passes of the event loop in which turns still give way to the last input's message (see giveTurn). */
let passesForInput = 0;
/** A message's decoding, handling and answer take this many passes of the loop (vscode-jsonrpc queues each step). */
const MESSAGE_PASSES = 3;

/** The editor sent something (a request, a notification). The server reads one message per pass of the event loop, so
 *  a request that follows a notification (an edit, then fresh tokens) waits for a background slice before each: for a
 *  while, slices are kept to BUSY_SLICE_MS so that the editor's messages wait for short ones. */
export function noteInput(): void {
  lastInput = Date.now();
  passesForInput = MESSAGE_PASSES;
}

/** How a job's turns rank: `urgent` (a request waits for it) before `background` (work the index needs done), and
 *  `idle` (work done ahead of need, such as warming entity views) only while the editor has sent nothing for a while. */
export type TurnPriority = 'background' | 'urgent' | 'idle';

/** Resolves once the editor has sent nothing for BUSY_MS. */
async function editorQuiet(): Promise<void> {
  for (let wait = BUSY_MS - (Date.now() - lastInput); wait > 0; wait = BUSY_MS - (Date.now() - lastInput)) {
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

/** A loop's slices of about `sliceMs` (less while the editor is busy): `due` once the current slice has run that long,
 *  then `next()` waits for the job's next turn and starts a new slice. */
export class TimeSlices {
  private started = Date.now();

  constructor(
    private readonly sliceMs: number,
    private readonly priority: TurnPriority = 'background',
  ) {}

  get due(): boolean {
    const now = Date.now();
    const budget = now - lastInput < BUSY_MS ? Math.min(this.sliceMs, BUSY_SLICE_MS) : this.sliceMs;
    return now - this.started >= budget;
  }

  async next(): Promise<void> {
    if (this.priority === 'idle') await editorQuiet();
    await nextTurn(this.priority === 'urgent' ? 'urgent' : 'background');
    this.started = Date.now();
  }
}

/** Runs a job written as a generator (it yields where it may be paused) in `slices`: its next turn whenever a slice is
 *  due. Resolves with the job's result, or with undefined when `keepGoing`, asked after each turn, says the job's work
 *  went stale meanwhile. */
export async function runInSlices<T>(steps: Generator<void, T>, slices: TimeSlices, keepGoing?: () => boolean): Promise<T | undefined> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (slices.due) {
      await slices.next();
      if (keepGoing && !keepGoing()) return undefined;
    }
  }
}

/** Runs a job written as a generator to its end at once (the caller cannot wait). */
export function finish<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
