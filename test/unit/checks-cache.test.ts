// The check runner keeps every article's findings until a change can reach them. After each random change to the
// fixture workspace (figures changed, sentences cut, articles copied, deleted, restored), with every finding asked
// for before it, the findings equal those of a fresh runner with nothing cached.
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { CheckRunner } from '../../server/src/checks/index';
import { lcg } from '../helpers/random';
import { articlesIn, CHECK_PATHS, checkWorkspace, findingLines, FIXTURES, WS } from './checks-support';

/** Every article's findings in full, as "uri: [findings as JSON]". */
const snapshot = (runner: CheckRunner) => [...runner.allFindings()].map(([uri, list]) => `${uri}: ${JSON.stringify(list)}`);

describe('checks: findings kept between changes', function () {
  this.timeout(120_000);

  it('equal a fresh run after every one of 40 random changes to the fixture workspace', async function () {
    const originals = new Map(Object.entries(articlesIn(FIXTURES)));
    const ws = await checkWorkspace(Object.fromEntries(originals));
    const current = new Map(originals);
    const names = [...originals.keys()];
    const next = lcg(4242);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
    const edits: ((text: string) => string)[] = [
      // another figure: a number scaled
      (text) => text.replace(/\d[\d,]*/, (number) => String(Math.round(Number(number.replace(/,/g, '')) * 1.5) + 1)),
      // a sentence cut
      (text) => text.replace(/[^.\n]*\d[^.\n]*\.\s*/, ''),
      // a line added that repeats a figure of another article
      (text) => `${text}\n${pick([...current.values()]).split('\n').find((line) => /\d/.test(line)) ?? ''}\n`,
    ];
    let verified = 0;
    for (let step = 0; step < 40; step++) {
      ws.all(); // every finding cached before the change
      const action = next();
      const name = pick(names);
      if (action < 0.15 && current.has(name)) {
        ws.fs.delete(path.posix.join(WS, name));
        current.delete(name);
      } else if (action < 0.3) {
        const copy = `copy-${step}.txt`;
        const text = current.get(name) ?? originals.get(name)!;
        ws.fs.write(path.posix.join(WS, copy), text);
        current.set(copy, text);
      } else if (action < 0.4 || !current.has(name)) {
        ws.fs.write(path.posix.join(WS, name), originals.get(name)!);
        current.set(name, originals.get(name)!);
      } else {
        const text = pick(edits)(current.get(name)!);
        ws.fs.write(path.posix.join(WS, name), text);
        current.set(name, text);
      }
      await ws.indexer.indexAll();
      const fresh = new CheckRunner(ws.indexer.index, CHECK_PATHS);
      const live = snapshot(ws.runner);
      const cold = snapshot(fresh);
      assert.deepEqual(live, cold, `step ${step}`);
      verified += live.length;
    }
    assert.ok(verified > 40, `findings compared: ${verified}`);
  });
});


describe('checks: claims by key brought up to date in steps', function () {
  this.timeout(120_000);

  it('give the findings of a fresh run, with articles changed and findings asked for between the steps', async function () {
    const originals = new Map(Object.entries(articlesIn(FIXTURES)));
    const ws = await checkWorkspace(Object.fromEntries(originals));
    const names = [...originals.keys()];
    const scaled = (text: string, factor: number) => text.replace(/\d[\d,]*/g, (number) => String(Math.round(Number(number.replace(/,/g, '')) * factor) + 1));
    const change = async (name: string, factor: number) => {
      ws.fs.write(path.posix.join(WS, name), scaled(originals.get(name)!, factor));
      await ws.indexer.indexAll();
    };
    for (let round = 0; round < 6; round++) {
      // a runner that has read no claims yet (as after an index), or one with every finding cached
      const runner = round % 2 === 0 ? new CheckRunner(ws.indexer.index, CHECK_PATHS) : ws.runner;
      if (round % 2 === 1) ws.all();
      await change(names[round % names.length]!, 1.5 + round);
      // a step per article; every finding asked for three steps in, then again after another article changed
      const steps = runner.syncSteps(1);
      for (let k = 0; k < 3; k++) steps.next();
      assert.deepEqual(snapshot(runner), snapshot(new CheckRunner(ws.indexer.index, CHECK_PATHS)), `round ${round}, three steps in`);
      await change(names[(round * 7 + 3) % names.length]!, 0.5);
      assert.deepEqual(snapshot(runner), snapshot(new CheckRunner(ws.indexer.index, CHECK_PATHS)), `round ${round}, halfway`);
      while (!steps.next().done);
      assert.deepEqual(snapshot(runner), snapshot(new CheckRunner(ws.indexer.index, CHECK_PATHS)), `round ${round}`);
    }
  });
});

describe('checks: findings kept between changes, entities linked by another article', function () {
  it('re-checks articles whose entities are linked by a change elsewhere', async function () {
    const dated = (title: string, body: string) => `${title}\n\nNovember 28, 2005\n\n${body}\n`;
    const ws = await checkWorkspace({
      'a.txt': dated('Earthquake in the free zone', 'Ten people were killed when an earthquake struck the QFZ on Sunday, officials said.'),
      'b.txt': dated('Rescuers search the free zone', 'The quake killed 14 people in the Qeshm Free Zone on Sunday, state media reported.'),
    });
    const before = ws.all();
    // an article that spells the acronym out: QFZ and the Qeshm Free Zone become one entity
    ws.fs.write(path.posix.join(WS, 'c.txt'), dated('The free zone', 'The Qeshm Free Zone (QFZ) was set up in 1990.'));
    await ws.indexer.indexAll();
    const live = ws.all();
    const fresh = new CheckRunner(ws.indexer.index, CHECK_PATHS);
    const cold = findingLines(fresh);
    assert.deepEqual(live, cold);
    assert.notDeepEqual(live, before, `the link changes the findings: ${JSON.stringify(live)}`);
  });
});
