// A name's per-article mention counts (ArticleCounts) behave as the Map they replaced, in any order of operations.
import { strict as assert } from 'node:assert';
import { ArticleCounts } from '../../server/src/workspace/articleCounts';

function idsOf(counts: ArticleCounts): number[] {
  const ids: number[] = [];
  for (let i = 0; i < counts.size; i++) ids.push(counts.idAt(i));
  return ids;
}

describe('ArticleCounts', function () {
  it('matches a Map under 20,000 seeded sets, updates and deletes, ids in increasing order', function () {
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    const counts = new ArticleCounts();
    const model = new Map<number, number>();
    let next = 1;
    for (let step = 0; step < 20_000; step++) {
      const op = random(10);
      if (op < 5) {
        // mostly a new, larger id (as the index assigns them), sometimes an id out of order
        const id = op === 0 ? random(next + 5) : next++;
        const count = 1 + random(9);
        counts.set(id, count);
        model.set(id, count);
      } else if (op < 8 && model.size > 0) {
        const id = [...model.keys()][random(model.size)]!;
        assert.equal(counts.delete(id), model.delete(id));
      } else {
        const id = random(next + 5);
        assert.equal(counts.has(id), model.has(id));
        assert.equal(counts.get(id), model.get(id));
        assert.equal(counts.delete(-1), false);
      }
      assert.equal(counts.size, model.size);
    }
    assert.deepEqual(idsOf(counts), [...model.keys()].sort((a, b) => a - b));
    for (const [id, count] of model) assert.equal(counts.get(id), count);
  });

  it('keeps the order articles were added in when each gets a larger id, through updates', function () {
    const counts = new ArticleCounts();
    for (const id of [3, 8, 20, 21]) counts.set(id, 1);
    counts.set(8, 5);
    counts.delete(3);
    counts.set(30, 2);
    assert.deepEqual(idsOf(counts), [8, 20, 21, 30]);
    assert.equal(counts.get(8), 5);
    assert.equal(counts.get(3), undefined);
  });
});
