// The client's handling of a server that stops unexpectedly (client/src/serverRestarts.ts, the LanguageClient's
// errorHandler): restart it and tell the user once; give up, and say so, after 5 stops in 3 minutes.
import { strict as assert } from 'node:assert';
import { GAVE_UP_MESSAGE, RESTARTED_MESSAGE, serverErrorHandler } from '../../client/src/serverRestarts';

const RESTART = 2;
const DO_NOT_RESTART = 1;

describe('robustness: the client restarts a server that dies', function () {
  function handler(start = 0) {
    let clock = start;
    const notes: string[] = [];
    const logs: string[] = [];
    const errorHandler = serverErrorHandler({ notify: (m) => notes.push(m), log: (m) => logs.push(m), now: () => clock });
    return { errorHandler, notes, logs, advance: (ms: number) => (clock += ms) };
  }

  it('restarts the server and says so once, however often it is restarted', async function () {
    const { errorHandler, notes, logs, advance } = handler();
    for (let i = 0; i < 4; i++) {
      const result = await errorHandler.closed();
      assert.equal(result.action, RESTART);
      assert.equal(result.handled, true);
      advance(10 * 60 * 1000); // far apart: never "too often"
    }
    assert.deepEqual(notes, [RESTARTED_MESSAGE]);
    assert.equal(logs.filter((line) => /restarting/.test(line)).length, 4);
  });

  it('gives up after 5 stops within 3 minutes, and says that too', async function () {
    const { errorHandler, notes, advance } = handler();
    const actions: number[] = [];
    for (let i = 0; i < 5; i++) {
      actions.push((await errorHandler.closed()).action);
      advance(10_000);
    }
    assert.deepEqual(actions, [RESTART, RESTART, RESTART, RESTART, DO_NOT_RESTART]);
    assert.deepEqual(notes, [RESTARTED_MESSAGE, GAVE_UP_MESSAGE]);
  });

  it('forgets stops older than 3 minutes', async function () {
    const { errorHandler, advance } = handler();
    for (let i = 0; i < 12; i++) {
      assert.equal((await errorHandler.closed()).action, RESTART, `stop ${i}`);
      advance(60_000);
    }
  });

  it('continues through a few connection errors, then shuts the connection down (and `closed` decides)', async function () {
    const { errorHandler, logs } = handler();
    assert.equal((await errorHandler.error(new Error('EPIPE'), undefined, 1)).action, 1);
    assert.equal((await errorHandler.error(new Error('EPIPE'), undefined, 4)).action, 2);
    assert.ok(logs.some((line) => /EPIPE/.test(line)));
  });
});
