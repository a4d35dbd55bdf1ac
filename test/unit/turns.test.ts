// Background jobs take turns: input that arrives while one job runs a slice is read before any job runs the next.
import { strict as assert } from 'node:assert';
import { MessageChannel } from 'node:worker_threads';
import { inTurn, nextTurn, noteInput, TimeSlices } from '../../server/src/workspace/turns';

describe('background turns', function () {
  it('reads pending input between any two slices of concurrent jobs', async function () {
    const { port1, port2 } = new MessageChannel();
    const log: string[] = [];
    port2.on('message', (message: string) => log.push(`read ${message}`));
    // each slice "receives a request" (a message, delivered like the editor's input when Node polls for it)
    const job = async (name: string) => {
      for (let i = 0; i < 3; i++) {
        await nextTurn();
        log.push(`turn ${name}${i}`);
        port1.postMessage(`${name}${i}`);
      }
    };
    let callbackTurns = 0;
    const callbackJob = () => {
      log.push(`turn c${callbackTurns}`);
      port1.postMessage(`c${callbackTurns}`);
      if (++callbackTurns < 3) inTurn(callbackJob);
    };
    inTurn(callbackJob);
    await Promise.all([job('a'), job('b')]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    port1.close();
    const turns = log.filter((line) => line.startsWith('turn '));
    assert.equal(turns.length, 9, JSON.stringify(log));
    for (let i = 0; i + 1 < turns.length; i++) {
      const read = log.indexOf(`read ${turns[i]!.slice(5)}`);
      assert.ok(read >= 0 && read < log.indexOf(turns[i + 1]!), `the message of ${turns[i]} was not read before ${turns[i + 1]}: ${JSON.stringify(log)}`);
    }
  });

  it('cuts background slices short while the editor is sending', function () {
    const busyFor = (ms: number) => {
      const end = Date.now() + ms;
      while (Date.now() < end);
    };
    // a one-second slice: not due after 10 ms of work
    const quiet = new TimeSlices(1000);
    busyFor(10);
    assert.equal(quiet.due, false);
    // a message from the editor: the same slice is due after a few milliseconds
    noteInput();
    const busy = new TimeSlices(1000);
    busyFor(10);
    assert.equal(busy.due, true);
  });

  it('holds idle work (views warmed ahead of need) while the editor keeps sending, and runs it once it stops', async function () {
    const log: string[] = [];
    noteInput();
    const idle = new TimeSlices(0, 'idle').next().then(() => log.push('idle'));
    const background = new TimeSlices(0).next().then(() => log.push('background'));
    // the editor sends something every 50 ms for 300 ms: more often than the quiet period idle work waits for
    for (let i = 0; i < 6; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      noteInput();
      log.push('input');
    }
    await Promise.all([idle, background]);
    assert.deepEqual(log, ['background', 'input', 'input', 'input', 'input', 'input', 'input', 'idle']);
  });

  it('gives urgent turns (work a request waits for) before background ones', async function () {
    const log: string[] = [];
    const job = async (name: string, priority: 'background' | 'urgent') => {
      for (let i = 0; i < 2; i++) {
        await nextTurn(priority);
        log.push(`${name}${i}`);
      }
    };
    await Promise.all([job('b', 'background'), job('u', 'urgent')]);
    assert.deepEqual(log, ['u0', 'u1', 'b0', 'b1']);
  });

  it("lets input be decoded, handled and answered before a job's turn queued before it", async function () {
    const log: string[] = [];
    // a job's turn is queued, then input is read; the protocol library decodes the message, runs its handler and
    // writes the answer in three passes of the loop, each step queued behind the job's turn
    const job = (async () => {
      await nextTurn();
      log.push('job');
    })();
    noteInput();
    setImmediate(() => {
      log.push('decoded');
      setImmediate(() => {
        log.push('handled');
        setImmediate(() => log.push('answered'));
      });
    });
    await job;
    assert.deepEqual(log, ['decoded', 'handled', 'answered', 'job']);
  });
});
