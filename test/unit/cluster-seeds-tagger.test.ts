// The seed bars end to end: the seeds through the analysis library's own entity tagger, then the index; and
// through the hand-annotated gold names of test/fixtures/seed-entities.json. Every bar, both ways.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../server/src/analysis/analyze';
import type { EntityType } from '../../server/src/analysis/types';
import { WorkspaceIndex } from '../../server/src/workspace/index';
import { summarize } from '../../server/src/workspace/summary';
import { ROOT, SEEDS_DIR } from '../helpers/seeds';
import { mentionsIn, type Gazetteer } from './workspace-fixtures';

function seeds(): [string, string][] {
  return readdirSync(SEEDS_DIR).sort().map((file) => [file, readFileSync(path.join(SEEDS_DIR, file), 'utf8')]);
}

/** The distinct spellings in the cluster of the first mention whose text is `surface`. */
function clusterOf(index: WorkspaceIndex, surface: string): string[] {
  for (const uri of index.uris()) {
    const i = index.get(uri)!.entities.findIndex((m) => m.text === surface);
    if (i < 0) continue;
    const cluster = index.clusterOf({ uri, index: i })!;
    return [...new Set(index.mentionsOf(cluster).map((ref) => ref.mention.text))].sort();
  }
  throw new Error(`no mention "${surface}"`);
}

/** Every mention whose text is `surface` is in one cluster. */
function clustersOfAll(index: WorkspaceIndex, surface: string): Set<number> {
  const ids = new Set<number>();
  for (const uri of index.uris()) {
    index.get(uri)!.entities.forEach((m, i) => {
      if (m.text === surface) ids.add(index.clusterOf({ uri, index: i })!.id);
    });
  }
  return ids;
}

function assertBars(index: WorkspaceIndex): void {
  const together = (names: readonly string[]) => {
    const cluster = clusterOf(index, names[0]!);
    for (const name of names) assert.ok(cluster.includes(name), `${name} is not with ${names[0]}: ${JSON.stringify(cluster)}`);
    for (const name of names) assert.equal(clustersOfAll(index, name).size, 1, `${name} is split`);
  };
  const spelled = (pattern: RegExp) => index.uris().flatMap((uri) => index.get(uri)!.entities.map((m) => m.text)).filter((t) => pattern.test(t));
  // Hmeimim / Khmeimim / Hemeimeem one place, whatever span the names were given ("... Air Base" or not)
  together([...new Set(spelled(/^(Khmeimim|Hmeimim|Hemeimeem)\b/))]);
  assert.ok(spelled(/^Khmeimim/).length && spelled(/^Hmeimim/).length && spelled(/^Hemeimeem/).length);
  together([...new Set(spelled(/\bTartus$/))]);
  together(['HTS', 'Hayat Tahrir al-Sham', 'Hay’at Tahrir al-Sham']);
  together(['Bogdanov', 'Mikhail Bogdanov']);
  together(['Deir ez-Zor', 'Deir el-Zour']);
  together(['Daesh', 'ISIS', 'IS', 'Islamic State']);
  together(['Bashar al-Assad', 'Assad']);
  for (const name of ['Syria', 'Russia', 'Damascus', 'Moscow']) {
    assert.equal(clustersOfAll(index, name).size, 1, `${name} split`);
    assert.deepEqual(clusterOf(index, name), [name], `${name} shares its cluster`);
  }
  assert.ok(!clusterOf(index, 'Russia').includes('Russian'));
}

describe('the seed bars, through the real tagger', function () {
  const index = new WorkspaceIndex();
  for (const [file, text] of seeds()) index.set(`file:///seeds/${file}`, summarize(analyze(text)));

  it('holds every linking bar of the issue', function () {
    assertBars(index);
  });

  it('puts no two different seed entities in one cluster (every cluster of more than one name, checked by hand)', function () {
    // the clusters with more than one distinct name, as the seeds' reader knows them
    const expected = new Map<string, RegExp>([
      ['Islamic State', /^(Daesh|ISIS|IS|Islamic State)$/],
      ['Hayat Tahrir al-Sham', /^(HTS|Hayat Tahrir al-Sham|Hay’at Tahrir al-Sham|Tahrir al-Sham)$/],
      ['Deir', /^Deir (ez-Zor|el-Zour)$/],
      ['Hmeimim', /^(Hmeimim|Khmeimim|Hemeimeem)( [Aa]ir [Bb]ase| base)?$/],
      ['Mikhail Bogdanov', /^(Mikhail )?Bogdanov$/],
      ['Bashar al-Assad', /^((Bashar )?(al-)?Assad|Assad regime)$/],
      ['Tartus', /^(Naval Base )?Tartus$/],
      ['United States', /^(United States|U\.S\.|US)$/],
    ]);
    for (const cluster of index.clusters()) {
      const names = [...new Set(index.mentionsOf(cluster).map((ref) => ref.mention.text))];
      if (names.length < 2) continue;
      const rule = [...expected.values()].find((pattern) => pattern.test(names[0]!));
      assert.ok(rule, `unexpected multi-name cluster ${JSON.stringify(names)}`);
      for (const name of names) assert.match(name, rule, `${name} in ${JSON.stringify(names)}`);
    }
  });
});

describe('the seed bars, through the gold names of test/fixtures/seed-entities.json', function () {
  const gold = JSON.parse(readFileSync(path.join(ROOT, 'test', 'fixtures', 'seed-entities.json'), 'utf8')) as {
    seeds: Record<string, { text: string; type: EntityType; accept?: string[] }[]>;
  };
  const index = new WorkspaceIndex();
  for (const [file, text] of seeds()) {
    // each entity is listed once per article; its later mentions by surname alone are tagged the same way
    const entries = gold.seeds[file.slice(0, 3)] ?? [];
    const surnames = entries.filter((e) => e.type === 'person' && e.text.includes(' ')).map((e) => [e.text.split(' ').pop()!.replace(/^al-/, ''), 'person'] as const);
    const names: Gazetteer = [...entries.map((entry) => [entry.text, entry.type] as const), ...surnames];
    index.set(`file:///seeds/${file}`, summarize({ ...analyze(text), entities: mentionsIn(text, names) }));
  }

  it('holds every linking bar of the issue', function () {
    assertBars(index);
  });
});
