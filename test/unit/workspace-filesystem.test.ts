// The disk as the indexer sees it: `statAll` (many stats through the thread pool, used by a warm start) agrees with
// `stat` path by path, in order, including paths that are missing or are directories.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { nodeFileSystem } from '../../server/src/workspace/fileSystem';

describe('workspace file system: the disk', function () {
  let dir: string;
  beforeEach(function () {
    dir = mkdtempSync(path.join(os.tmpdir(), 'corroborate-fs-'));
  });
  afterEach(function () {
    rmSync(dir, { recursive: true, force: true });
  });

  it('stats many paths at once exactly as one by one, in order', async function () {
    const paths: string[] = [];
    // more paths than it keeps in flight, so the queue is exercised
    for (let i = 0; i < 100; i++) {
      const file = path.join(dir, `article-${i}.txt`);
      writeFileSync(file, 'x'.repeat(i));
      paths.push(file);
    }
    mkdirSync(path.join(dir, 'folder'));
    paths.splice(10, 0, path.join(dir, 'folder'), path.join(dir, 'missing.txt'));
    const all = await nodeFileSystem.statAll!(paths);
    assert.equal(all.length, paths.length);
    for (let i = 0; i < paths.length; i++) assert.deepEqual(all[i], await nodeFileSystem.stat(paths[i]!), paths[i]);
    assert.equal(all[10]?.kind, 'directory');
    assert.equal(all[11], undefined);
    assert.equal(all[12]?.size, 10);
  });

  it('answers an empty list', async function () {
    assert.deepEqual(await nodeFileSystem.statAll!([]), []);
  });
});
