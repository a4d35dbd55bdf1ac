// File discovery and upkeep over an in-memory workspace: include/exclude settings, default excludes, skipped files,
// file-system events, open documents, and .corroborate.json.
import { strict as assert } from 'node:assert';
import { analyze } from '../../server/src/analysis/analyze';
import { DEFAULT_SETTINGS, parseSettings } from '../../server/src/settings';
import { MemoryFileSystem } from '../../server/src/workspace/fileSystem';
import { canonicalUri, uriOfPath, WorkspaceIndexer } from '../../server/src/workspace/indexer';
import { mentionsIn, summaryOf, type Gazetteer } from './workspace-fixtures';

const NAMES: Gazetteer = [['Hmeimim', 'place'], ['Khmeimim', 'place'], ['Latakia', 'place'], ['Syria', 'place'], ['Jableh', 'place']];

function indexerOver(files: Record<string, string | Uint8Array>) {
  const fs = new MemoryFileSystem(files);
  const indexer = new WorkspaceIndexer(fs, { analyzer: (text, options) => ({ ...analyze(text, options), entities: mentionsIn(text, NAMES) }) });
  indexer.setFolders(['/ws']);
  return { fs, indexer };
}

const relative = (uris: string[]) => uris.map((uri) => uri.replace('file:///ws/', '')).sort();

describe('workspace indexer', function () {
  it('finds the articles under the include globs, skipping node_modules, .git, dist and other excludes', async function () {
    const { indexer } = indexerOver({
      '/ws/a.txt': 'Hmeimim near Latakia.',
      '/ws/sub/b.md': '# Khmeimim\n\nNear Latakia.',
      '/ws/notes.json': '{}',
      '/ws/node_modules/pkg/readme.txt': 'Hmeimim',
      '/ws/.git/info/exclude.txt': 'Hmeimim',
      '/ws/dist/out.txt': 'Hmeimim',
      '/ws/deep/node_modules/x.md': 'Hmeimim',
    });
    const result = await indexer.indexAll();
    assert.equal(result.indexed, 2);
    assert.deepEqual(relative(indexer.index.uris()), ['a.txt', 'sub/b.md']);
  });

  it('honours include/exclude settings', async function () {
    const { indexer } = indexerOver({ '/ws/a.txt': 'Hmeimim', '/ws/drafts/b.txt': 'Khmeimim', '/ws/c.article': 'Latakia' });
    indexer.setSettings(parseSettings({ articles: { include: ['**/*.txt'], exclude: ['drafts/**'] } }).settings);
    await indexer.indexAll();
    assert.deepEqual(relative(indexer.index.uris()), ['a.txt']);
  });

  it('skips files over the size limit and binary files, and says so', async function () {
    const { indexer } = indexerOver({ '/ws/big.txt': 'Hmeimim '.repeat(400), '/ws/bin.txt': new Uint8Array([0x48, 0, 0, 1, 2]), '/ws/ok.txt': 'Latakia' });
    indexer.setSettings({ ...DEFAULT_SETTINGS, files: { maxSizeKB: 1 } });
    await indexer.indexAll();
    assert.deepEqual(relative(indexer.index.uris()), ['ok.txt']);
    const skipped = [...indexer.skipped.values()].map((s) => [s.reason, s.message]);
    assert.ok(skipped.some(([reason, message]) => reason === 'too-large' && /big\.txt.*maxSizeKB/.test(message!)), JSON.stringify(skipped));
    assert.ok(skipped.some(([reason, message]) => reason === 'binary' && /bin\.txt/.test(message!)));
  });

  it('reads invalid UTF-8 as Windows-1252 instead of failing', async function () {
    const { indexer } = indexerOver({ '/ws/latin.txt': new Uint8Array([...Buffer.from('Hmeimim caf'), 0xe9, ...Buffer.from(' Latakia')]) });
    await indexer.indexAll();
    assert.equal(indexer.index.get(uriOfPath('/ws/latin.txt'))?.entities.length, 2);
  });

  it('reports progress up to the total', async function () {
    const files: Record<string, string> = {};
    for (let i = 0; i < 30; i++) files[`/ws/${i}.txt`] = `Hmeimim ${i}`;
    const { indexer } = indexerOver(files);
    const seen: number[] = [];
    await indexer.indexAll((progress) => {
      assert.equal(progress.total, 30);
      seen.push(progress.done);
    });
    assert.equal(seen[0], 0);
    assert.equal(seen[seen.length - 1], 30);
  });

  it('follows created, changed, deleted and renamed files, and deleted folders', async function () {
    const { fs, indexer } = indexerOver({ '/ws/a.txt': 'Hmeimim near Latakia, Syria.', '/ws/b.txt': 'Khmeimim near Latakia, Syria.' });
    await indexer.indexAll();
    const hmeimim = () => indexer.index.clusterAt(uriOfPath('/ws/a.txt'), 0)!.cluster;
    assert.equal(hmeimim().articles.length, 2);
    // deleted: its mentions vanish from the other file's cluster
    fs.delete('/ws/b.txt');
    await indexer.fileDeleted('/ws/b.txt');
    assert.equal(hmeimim().articles.length, 1);
    // created
    fs.write('/ws/sub/c.txt', 'Khmeimim near Latakia, Syria, again.');
    await indexer.fileChanged('/ws/sub/c.txt');
    assert.deepEqual(relative(hmeimim().articles.map((a) => a.uri)), ['a.txt', 'sub/c.txt']);
    // renamed (a delete and a create)
    fs.rename('/ws/sub/c.txt', '/ws/sub/d.txt');
    await indexer.fileDeleted('/ws/sub/c.txt');
    await indexer.fileChanged('/ws/sub/d.txt');
    assert.deepEqual(relative(hmeimim().articles.map((a) => a.uri)), ['a.txt', 'sub/d.txt']);
    // changed
    fs.write('/ws/sub/d.txt', 'Nothing here.');
    await indexer.fileChanged('/ws/sub/d.txt');
    assert.equal(hmeimim().articles.length, 1);
    // a folder deleted
    fs.write('/ws/sub/e.txt', 'Khmeimim near Latakia, Syria.');
    await indexer.fileChanged('/ws/sub');
    assert.equal(hmeimim().articles.length, 2);
    fs.delete('/ws/sub');
    await indexer.fileDeleted('/ws/sub');
    assert.deepEqual(relative(indexer.index.uris()), ['a.txt']);
  });

  it('ignores files that are not articles, or are excluded', async function () {
    const { fs, indexer } = indexerOver({ '/ws/a.txt': 'Hmeimim' });
    await indexer.indexAll();
    fs.write('/ws/x.json', '{"Hmeimim": 1}');
    await indexer.fileChanged('/ws/x.json');
    fs.write('/ws/node_modules/y.txt', 'Hmeimim');
    await indexer.fileChanged('/ws/node_modules/y.txt');
    fs.write('/ws/.git/z.txt', 'Hmeimim');
    await indexer.fileChanged('/ws/.git/z.txt');
    assert.deepEqual(relative(indexer.index.uris()), ['a.txt']);
  });

  it('lets an open document\'s text win over the disk until it is closed', async function () {
    const { indexer } = indexerOver({ '/ws/a.txt': 'Hmeimim near Latakia.' });
    await indexer.indexAll();
    const uri = uriOfPath('/ws/a.txt');
    indexer.setOpenSummary(uri, summaryOf('Jableh only.', NAMES));
    await indexer.fileChanged('/ws/a.txt'); // the disk changing does not override the editor
    assert.deepEqual(indexer.index.get(uri)!.entities.map((m) => m.text), ['Jableh']);
    await indexer.closed(uri);
    assert.deepEqual(indexer.index.get(uri)!.entities.map((m) => m.text), ['Hmeimim', 'Latakia']);
    indexer.setOpenSummary('untitled:Untitled-1', summaryOf('Hmeimim', NAMES));
    assert.ok(indexer.index.has('untitled:Untitled-1'));
    await indexer.closed('untitled:Untitled-1');
    assert.ok(!indexer.index.has('untitled:Untitled-1'));
  });

  it('reads .corroborate.json, reports its problems, and falls back to the defaults when it is broken', async function () {
    const { fs, indexer } = indexerOver({
      '/ws/a.txt': 'Hmeimim near Latakia.',
      '/ws/b.txt': 'Jableh near Latakia.',
      '/ws/.corroborate.json': '{"aliases": [["Hmeimim", "Jableh"]]}',
    });
    await indexer.indexAll();
    const cluster = () => indexer.index.clusterAt(uriOfPath('/ws/a.txt'), 0)!.cluster;
    assert.equal(cluster().articles.length, 2);
    assert.deepEqual(indexer.configFileProblems.map((p) => p.problems.length), [0]);
    fs.write('/ws/.corroborate.json', '{"aliases": [["Hmeimim", "Jableh"]');
    await indexer.fileChanged('/ws/.corroborate.json');
    assert.equal(cluster().articles.length, 1, 'defaults in force');
    assert.equal(indexer.configFileProblems[0]!.uri, uriOfPath('/ws/.corroborate.json'));
    assert.ok(indexer.configFileProblems[0]!.problems.length > 0);
    fs.delete('/ws/.corroborate.json');
    await indexer.fileDeleted('/ws/.corroborate.json');
    assert.deepEqual(indexer.configFileProblems, []);
  });

  it('keys files by one URI spelling whatever the client sent', function () {
    assert.equal(canonicalUri('file:///ws/a%20b.txt'), uriOfPath('/ws/a b.txt'));
    assert.equal(canonicalUri('file:///ws/caf%C3%A9.txt'), uriOfPath('/ws/café.txt'));
    assert.equal(canonicalUri('untitled:Untitled-1'), 'untitled:Untitled-1');
  });
});
