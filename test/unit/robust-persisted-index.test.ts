// The persisted index: saved and read back exactly; a corrupt, truncated, foreign or old file is discarded (and the
// index rebuilt); files are re-analysed only when their size, time and content say they changed; a warm start gives
// the same clusters as a cold one, also after files were added, changed and deleted meanwhile.
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyze } from '../../server/src/analysis/analyze';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { MemoryFileSystem } from '../../server/src/workspace/fileSystem';
import { uriOfPath, WorkspaceIndexer } from '../../server/src/workspace/indexer';
import { analysisFingerprint, indexFileFor, INDEX_FILE_FORMAT, loadPersistedIndex, savePersistedIndex, type PersistedEntry } from '../../server/src/workspace/persistedIndex';
import { summarize, SUMMARY_VERSION } from '../../server/src/workspace/summary';
import { mentionsIn, type Gazetteer } from './workspace-fixtures';

const NAMES: Gazetteer = [
  ['Hmeimim', 'place'], ['Khmeimim', 'place'], ['Hemeimeem', 'place'], ['Latakia', 'place'], ['Tartus', 'place'], ['Syria', 'place'],
  ['Mikhail Bogdanov', 'person'], ['Bogdanov', 'person'], ['Hayat Tahrir al-Sham', 'organization'], ['HTS', 'organization'],
];

const ARTICLES: Record<string, string> = {
  '/ws/a.txt': 'Russian jets flew from Hmeimim near Latakia and Tartus in Syria. Mikhail Bogdanov said so.',
  '/ws/b.txt': 'Khmeimim air base, near Latakia and Tartus, was busy. Bogdanov agreed.',
  '/ws/c.txt': 'Hayat Tahrir al-Sham (HTS) took the city. HTS said it would stay near Latakia.',
  '/ws/d.txt': 'Hemeimeem is the base near Latakia and Tartus. Syria answered.',
  '/ws/e.txt': 'HTS fighters moved. Nothing about Hmeimim here, only Syria.',
};

/** Every indexer the tests made: closed after each test, before its folder is removed (a background save left
 *  running would write the folder back). */
const made: WorkspaceIndexer[] = [];

function workspace(files: Record<string, string> = ARTICLES) {
  const fs = new MemoryFileSystem(files);
  const analyses: string[] = [];
  const logs: string[] = [];
  const make = () => {
    const indexer = new WorkspaceIndexer(fs, {
      analyzer: (text, options) => {
        analyses.push(text);
        return { ...analyze(text, options), entities: mentionsIn(text, NAMES) };
      },
      log: (message) => logs.push(message),
    });
    indexer.setFolders(['/ws']);
    indexer.setSettings(DEFAULT_SETTINGS);
    made.push(indexer);
    return indexer;
  };
  return { fs, analyses, logs, make };
}

/** Every cluster as its sorted spellings, sorted: what must not depend on how the index was built. */
function clustering(indexer: WorkspaceIndexer): string[] {
  return indexer.index
    .clusters()
    .map((cluster) => `${cluster.canonical}: ${cluster.spellings.map((s) => `${s.text}×${s.mentions}`).sort().join(', ')}`)
    .sort();
}

describe('robustness: the persisted index', function () {
  let dir: string;
  beforeEach(function () {
    dir = mkdtempSync(path.join(os.tmpdir(), 'corroborate-persist-'));
  });
  afterEach(async function () {
    await Promise.all(made.splice(0).map((indexer) => indexer.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('saves and reads back every entry and the clusters exactly', async function () {
    const file = path.join(dir, 'index.bin');
    const entries: PersistedEntry[] = Object.entries(ARTICLES).map(([filePath, text], i) => ({
      path: filePath,
      meta: { size: text.length, mtimeMs: 1000 + i + 0.5, hash: `h${i}` },
      summary: summarize({ ...analyze(text), entities: mentionsIn(text, NAMES) }),
    }));
    await savePersistedIndex(file, { fingerprint: 'f1', folders: ['/ws'] }, entries, 15, { configKey: 'k', groups: [['thing|hmeimim', 'thing|khmeimim']] });
    const loaded = await loadPersistedIndex(file, 'f1');
    assert.equal(loaded.kind, 'loaded');
    if (loaded.kind !== 'loaded') return;
    assert.deepStrictEqual([...loaded.entries.values()], entries);
    assert.deepStrictEqual(loaded.clusters, { configKey: 'k', groups: [['thing|hmeimim', 'thing|khmeimim']] });
    assert.equal(loaded.header.format, INDEX_FILE_FORMAT);
    assert.equal(loaded.header.summaryVersion, SUMMARY_VERSION);
  });

  it('discards a corrupt, truncated, foreign, old or differently made file, and says why', async function () {
    const file = path.join(dir, 'index.bin');
    const entries: PersistedEntry[] = [{ path: '/ws/a.txt', meta: { size: 1, mtimeMs: 1, hash: 'h' }, summary: summarize(analyze(ARTICLES['/ws/a.txt']!)) }];
    await savePersistedIndex(file, { fingerprint: 'f1', folders: ['/ws'] }, entries);
    const good = readFileSync(file);
    const reason = async (bytes: Uint8Array, fingerprint = 'f1') => {
      writeFileSync(file, bytes);
      const result = await loadPersistedIndex(file, fingerprint);
      return result.kind === 'discarded' ? result.reason : result.kind;
    };
    assert.equal(await reason(good), 'loaded');
    const flipped = Buffer.from(good);
    flipped[flipped.length - 10] ^= 0xff;
    assert.match(await reason(flipped), /corrupt \(checksum/);
    assert.match(await reason(good.subarray(0, good.length - 30)), /corrupt|truncated/);
    assert.match(await reason(good.subarray(0, 10)), /truncated|not a Corroborate/);
    assert.match(await reason(Buffer.from('{"not": "an index"}')), /not a Corroborate index file/);
    assert.match(await reason(Buffer.alloc(0)), /not a Corroborate index file/);
    assert.match(await reason(good, 'f2'), /another model, analysis or date settings/);
    // an older summary version in the header
    const text = good.toString('latin1');
    const older = Buffer.from(text.replace(`"summaryVersion":${SUMMARY_VERSION}`, `"summaryVersion":${SUMMARY_VERSION - 1}`), 'latin1');
    assert.match(await reason(older), /another version/);
    rmSync(file);
    assert.equal((await loadPersistedIndex(file, 'f1')).kind, 'absent');
  });

  it('names one index file per set of workspace folders, and fingerprints the analysis settings', function () {
    assert.equal(indexFileFor('/s', ['/a', '/b']), indexFileFor('/s', ['/b', '/a']));
    assert.notEqual(indexFileFor('/s', ['/a']), indexFileFor('/s', ['/b']));
    assert.notEqual(analysisFingerprint({ numericDateOrder: 'auto' }), analysisFingerprint({ numericDateOrder: 'day-first' }));
    assert.notEqual(analysisFingerprint({}), analysisFingerprint({ defaultArticleDate: '2024-01-01' }));
  });

  it('starts warm from the saved index: nothing analysed, the same summaries and clusters', async function () {
    const ws = workspace();
    const cold = ws.make();
    cold.setPersistence(path.join(dir, 'index.bin'));
    const first = await cold.indexAll();
    assert.equal(first.analysed, 5);
    await cold.save();
    const warm = ws.make();
    warm.setPersistence(path.join(dir, 'index.bin'));
    ws.analyses.length = 0;
    const second = await warm.indexAll();
    assert.deepEqual([second.analysed, second.reused, second.indexed], [0, 5, 5]);
    assert.match(second.persisted ?? '', /loaded 5/);
    assert.equal(ws.analyses.length, 0);
    for (const filePath of Object.keys(ARTICLES)) assert.deepStrictEqual(warm.index.get(uriOfPath(filePath)), cold.index.get(uriOfPath(filePath)));
    assert.deepEqual(clustering(warm), clustering(cold));
  });

  it('analyses again only what changed: content (same size), size; a touched but unchanged file is kept by its hash', async function () {
    const ws = workspace();
    const cold = ws.make();
    cold.setPersistence(path.join(dir, 'index.bin'));
    await cold.indexAll();
    await cold.save();
    // same size, new content; new size; same content, new time
    ws.fs.write('/ws/a.txt', ARTICLES['/ws/a.txt']!.replace('Hmeimim', 'Hmxxmim'));
    ws.fs.write('/ws/b.txt', `${ARTICLES['/ws/b.txt']} Tartus again.`);
    ws.fs.write('/ws/c.txt', ARTICLES['/ws/c.txt']!);
    const warm = ws.make();
    warm.setPersistence(path.join(dir, 'index.bin'));
    ws.analyses.length = 0;
    const result = await warm.indexAll();
    assert.deepEqual([result.analysed, result.reused], [2, 3]);
    assert.deepEqual(ws.analyses.sort(), [ARTICLES['/ws/a.txt']!.replace('Hmeimim', 'Hmxxmim'), `${ARTICLES['/ws/b.txt']} Tartus again.`].sort());
    // the touched file's new time is recorded: the next start takes it by size and time
    await warm.save();
    const again = ws.make();
    again.setPersistence(path.join(dir, 'index.bin'));
    ws.analyses.length = 0;
    const third = await again.indexAll();
    assert.deepEqual([third.analysed, third.reused], [0, 5]);
  });

  it('gives the same clusters warm as cold after files were added, changed and deleted since the save', async function () {
    const ws = workspace();
    const cold = ws.make();
    cold.setPersistence(path.join(dir, 'index.bin'));
    await cold.indexAll();
    await cold.save();
    ws.fs.delete('/ws/d.txt'); // Hemeimeem goes
    ws.fs.write('/ws/e.txt', 'Hayat Tahrir al-Sham (HTS) moved. Nothing about Hmeimim here, only Syria and Latakia and Tartus.');
    ws.fs.write('/ws/f.txt', 'Ivan Bogdanov, another Bogdanov, spoke near Tartus and Latakia.'); // Bogdanov becomes ambiguous
    ws.fs.write('/ws/g.txt', 'Hemeimeem again, near Latakia and Tartus.');
    const warm = ws.make();
    warm.setPersistence(path.join(dir, 'index.bin'));
    await warm.indexAll();
    // a cold index of the same files, with no persisted index
    const coldAgain = workspace({
      '/ws/a.txt': ARTICLES['/ws/a.txt']!,
      '/ws/b.txt': ARTICLES['/ws/b.txt']!,
      '/ws/c.txt': ARTICLES['/ws/c.txt']!,
      '/ws/e.txt': 'Hayat Tahrir al-Sham (HTS) moved. Nothing about Hmeimim here, only Syria and Latakia and Tartus.',
      '/ws/f.txt': 'Ivan Bogdanov, another Bogdanov, spoke near Tartus and Latakia.',
      '/ws/g.txt': 'Hemeimeem again, near Latakia and Tartus.',
    }).make();
    await coldAgain.indexAll();
    assert.deepEqual(clustering(warm), clustering(coldAgain));
    assert.deepEqual(warm.index.uris().sort(), coldAgain.index.uris().sort());
  });

  it('rebuilds from scratch when the saved index is corrupt, and then saves a good one', async function () {
    const ws = workspace();
    const file = path.join(dir, 'index.bin');
    writeFileSync(file, 'CORRIDX\n garbage that is no index at all');
    const indexer = ws.make();
    indexer.setPersistence(file);
    const result = await indexer.indexAll();
    assert.equal(result.analysed, 5);
    assert.match(result.persisted ?? '', /^discarded: /);
    assert.ok(ws.logs.some((line) => /persisted index .* discarded: .*rebuilt/.test(line)), ws.logs.join('\n'));
    await indexer.save();
    const loaded = await loadPersistedIndex(file, analysisFingerprint(indexer.analysisOptions('a.txt')));
    assert.equal(loaded.kind, 'loaded');
    assert.equal(loaded.kind === 'loaded' && loaded.entries.size, 5);
  });

  it('analyses everything again when the date settings change (the fingerprint)', async function () {
    const ws = workspace();
    const first = ws.make();
    first.setPersistence(path.join(dir, 'index.bin'));
    await first.indexAll();
    await first.save();
    const second = ws.make();
    second.setPersistence(path.join(dir, 'index.bin'));
    second.setSettings({ ...DEFAULT_SETTINGS, dates: { numericOrder: 'day-first', defaultArticleDate: '' } });
    const result = await second.indexAll();
    assert.equal(result.analysed, 5);
    assert.match(result.persisted ?? '', /another model, analysis or date settings/);
  });

  it('keeps open documents out of the saved index (their text is the editor’s, not the file’s)', async function () {
    const ws = workspace();
    const indexer = ws.make();
    indexer.setPersistence(path.join(dir, 'index.bin'));
    await indexer.indexAll();
    indexer.setOpenSummary(uriOfPath('/ws/a.txt'), summarize({ ...analyze('Unsaved Tartus text.'), entities: mentionsIn('Unsaved Tartus text.', NAMES) }));
    await indexer.fileChanged('/ws/b.txt'); // marks the index as changed
    ws.fs.write('/ws/b.txt', `${ARTICLES['/ws/b.txt']} More.`);
    await indexer.fileChanged('/ws/b.txt');
    await indexer.save();
    const loaded = await loadPersistedIndex(path.join(dir, 'index.bin'), analysisFingerprint(indexer.analysisOptions('a.txt')));
    assert.equal(loaded.kind, 'loaded');
    if (loaded.kind !== 'loaded') return;
    assert.ok(!loaded.entries.has('/ws/a.txt'));
    assert.equal(loaded.entries.size, 4);
  });
});
