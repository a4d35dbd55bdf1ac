// The workspace index: rules that need several articles (short forms, definitions, context), incremental updates
// that agree with a cold build, queries and change events.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { lcg } from '../helpers/random';
import { nextTurn, noteInput } from '../../server/src/workspace/turns';
import { SEEDS_DIR } from '../helpers/seeds';
import { parseConfig } from '../../server/src/workspace/config';
import { WorkspaceIndex, type IndexChange } from '../../server/src/workspace/index';
import { clusterSurfaces, indexOf, SEED_NAMES, summaryOf, type Gazetteer } from './workspace-fixtures';

const NO_DEFAULTS = parseConfig('{"defaultAliases": false}').config;

/** The clustering as a canonical partition of (uri, mention index) pairs. */
function partition(index: WorkspaceIndex): string[] {
  return index
    .clusters()
    .map((cluster) => index.mentionsOf(cluster).map((ref) => `${ref.uri}#${ref.index}`).sort().join(' '))
    .sort();
}

function mentionIndex(index: WorkspaceIndex, uri: string, surface: string, occurrence = 0): { uri: string; index: number } {
  const found = index.get(uri)!.entities.map((m, i) => [m, i] as const).filter(([m]) => m.text === surface);
  if (!found[occurrence]) throw new Error(`${surface} #${occurrence} not in ${uri}`);
  return { uri, index: found[occurrence]![1] };
}

describe('workspace index: short forms across the workspace', function () {
  const names: Gazetteer = [['Mikhail Bogdanov', 'person'], ['Ivan Bogdanov', 'person'], ['Bogdanov', 'person'], ['Moscow', 'place']];
  const articles = {
    'file:///a.txt': 'Mikhail Bogdanov spoke in Moscow. Bogdanov said more.',
    'file:///b.txt': 'Ivan Bogdanov, a farmer, spoke in Moscow. Bogdanov was pleased.',
    'file:///c.txt': 'Bogdanov said nothing in Moscow.',
  };

  it('resolves a surname inside the article that spells the full name out', function () {
    const index = indexOf(articles, names);
    const a = index.clusterOf(mentionIndex(index, 'file:///a.txt', 'Bogdanov'))!;
    const b = index.clusterOf(mentionIndex(index, 'file:///b.txt', 'Bogdanov'))!;
    assert.equal(a.canonical, 'Mikhail Bogdanov');
    assert.equal(b.canonical, 'Ivan Bogdanov');
    assert.notEqual(a.id, b.id, 'two different people sharing a surname stay apart');
  });

  it('leaves a bare surname alone when two full names fit it, and says which', function () {
    const index = indexOf(articles, names);
    const c = index.clusterOf(mentionIndex(index, 'file:///c.txt', 'Bogdanov'))!;
    assert.equal(c.canonical, 'Bogdanov');
    assert.deepEqual(c.ambiguousWith, ['Ivan Bogdanov', 'Mikhail Bogdanov']);
    assert.equal(c.mentionCount, 1);
  });

  it('links the bare surname once the ambiguity is gone', function () {
    const index = indexOf(articles, names);
    index.delete('file:///b.txt');
    const c = index.clusterOf(mentionIndex(index, 'file:///c.txt', 'Bogdanov'))!;
    assert.equal(c.canonical, 'Mikhail Bogdanov');
    assert.equal(c.articles.length, 2);
  });
});

describe('workspace index: definitions across articles', function () {
  const names: Gazetteer = [
    ['Syrian Observatory for Human Rights', 'organization'], ['SOHR', 'organization'], ['Islamic State', 'organization'],
    ['Information Systems', 'organization'], ['IS', 'organization'], ['Damascus', 'place'],
  ];

  it('links an acronym defined in one article to its use alone in another', function () {
    const index = indexOf(
      {
        'file:///a.txt': 'The Syrian Observatory for Human Rights (SOHR) said 12 died in Damascus.',
        'file:///b.txt': 'SOHR reported fighting near Damascus.',
      },
      names,
      NO_DEFAULTS,
    );
    assert.deepEqual(clusterSurfaces(index, 'SOHR', 'file:///b.txt'), ['SOHR', 'Syrian Observatory for Human Rights']);
  });

  it('does not link an acronym the workspace defines two ways, except where an article defines it', function () {
    const index = indexOf(
      {
        'file:///a.txt': 'The Islamic State (IS) lost ground near Damascus.',
        'file:///b.txt': 'Information Systems (IS) is a department in Damascus.',
        'file:///c.txt': 'IS said something in Damascus.',
      },
      names,
      NO_DEFAULTS,
    );
    assert.deepEqual(clusterSurfaces(index, 'IS', 'file:///a.txt'), ['IS', 'Islamic State']);
    assert.deepEqual(clusterSurfaces(index, 'IS', 'file:///b.txt'), ['IS', 'Information Systems']);
    assert.deepEqual(clusterSurfaces(index, 'IS', 'file:///c.txt'), ['IS']);
  });

  it('does not take a bracketed word for an acronym of a name it cannot abbreviate', function () {
    const index = indexOf({ 'file:///a.txt': 'The Syrian Observatory for Human Rights (IS) said so.', 'file:///b.txt': 'IS said.' }, names, NO_DEFAULTS);
    assert.deepEqual(clusterSurfaces(index, 'IS', 'file:///b.txt'), ['IS']);
  });
});

describe('workspace index: the guards on transliteration', function () {
  const names: Gazetteer = [['Tartus', 'place'], ['Tartous', 'place'], ['Latakia', 'place'], ['Syria', 'place'], ['Hmeimim', 'place'], ['Khmeimim', 'place'], ['Paris', 'place'], ['Lyon', 'place']];

  it('links variants used in different articles that share context (two other names beside both)', function () {
    const index = indexOf({ 'file:///a.txt': 'The port of Tartus, south of Latakia in Syria.', 'file:///b.txt': 'Tartous lies near Latakia, Syria.' }, names);
    assert.deepEqual(clusterSurfaces(index, 'Tartus'), ['Tartous', 'Tartus']);
  });

  it('one shared name is not context enough', function () {
    const index = indexOf({ 'file:///a.txt': 'The port of Tartus, south of Latakia.', 'file:///b.txt': 'Tartous lies near Latakia.' }, names);
    assert.deepEqual(clusterSurfaces(index, 'Tartus'), ['Tartus']);
  });

  it('keeps apart two spellings one article uses side by side', function () {
    const index = indexOf(
      { 'file:///a.txt': 'Tartus and Tartous near Latakia, Syria.', 'file:///b.txt': 'Tartous near Latakia, Syria.', 'file:///c.txt': 'Tartus near Latakia, Syria.' },
      names,
    );
    assert.deepEqual(clusterSurfaces(index, 'Tartus'), ['Tartus']);
  });

  it('keeps apart variants with nothing else in common', function () {
    const index = indexOf({ 'file:///a.txt': 'Hmeimim near Paris.', 'file:///b.txt': 'Khmeimim near Lyon.' }, names);
    assert.deepEqual(clusterSurfaces(index, 'Hmeimim'), ['Hmeimim']);
  });

  it('never links different types: Homs the city is not Hamas the group', function () {
    const index = indexOf(
      { 'file:///a.txt': 'Homs near Latakia.', 'file:///b.txt': 'Hamas near Latakia.' },
      [['Homs', 'place'], ['Hamas', 'organization'], ['Latakia', 'place']],
    );
    assert.deepEqual(clusterSurfaces(index, 'Homs'), ['Homs']);
  });

  it('keeps Iran and Iraq, Austria and Australia apart in one workspace', function () {
    const index = indexOf(
      {
        'file:///a.txt': 'Iran and Austria signed a deal.',
        'file:///b.txt': 'Iraq and Australia signed a deal.',
        'file:///c.txt': 'Iran met Iraq. Austria met Australia.',
      },
      [['Iran', 'place'], ['Iraq', 'place'], ['Austria', 'place'], ['Australia', 'place']],
    );
    for (const name of ['Iran', 'Iraq', 'Austria', 'Australia']) assert.deepEqual(clusterSurfaces(index, name), [name]);
  });
});

describe('workspace index: a name tagged with two types', function () {
  it('joins a stray type to the dominant one', function () {
    const index = new WorkspaceIndex();
    index.set('file:///a.txt', summaryOf('Tartus is a port. Tartus is old. Tartus again.', [['Tartus', 'place']]));
    index.set('file:///b.txt', summaryOf('Tartus said no.', [['Tartus', 'person']]));
    const cluster = index.clusterOf({ uri: 'file:///b.txt', index: 0 })!;
    assert.equal(cluster.type, 'place');
    assert.equal(cluster.mentionCount, 4);
  });

  it('keeps "Russian" the group apart from "Russia" the place', function () {
    const index = indexOf({ 'file:///a.txt': 'Russian troops left Russia.' }, [['Russian', 'group'], ['Russia', 'place']]);
    assert.deepEqual(clusterSurfaces(index, 'Russian'), ['Russian']);
  });
});

/** An index built from scratch from the articles { uri: text } as they are now. */
function coldIndex(current: ReadonlyMap<string, string>, names: Gazetteer): WorkspaceIndex {
  const cold = new WorkspaceIndex();
  for (const [u, t] of current) cold.set(u, summaryOf(t, names));
  return cold;
}

describe('workspace index: incremental updates agree with a cold build', function () {
  function seedArticles(): [string, string][] {
    return readdirSync(SEEDS_DIR).sort().map((file) => [`file:///seeds/${file}`, readFileSync(path.join(SEEDS_DIR, file), 'utf8')]);
  }

  it('after every step of a seeded random sequence of adds, edits and deletes', function () {
    const seeds = seedArticles();
    const extra: [string, string][] = [
      ['file:///x/1.txt', 'Mikhail Bogdanov met Ivan Bogdanov in Moscow. Bogdanov left.'],
      ['file:///x/2.txt', 'Bogdanov said Khmeimim is busy; Tartous is calm, as is Latakia.'],
      ['file:///x/3.txt', 'Hafez al-Assad, father of Bashar al-Assad, ruled Syria. Assad died in 2000.'],
      ['file:///x/4.txt', 'Hemeimeem and Jableh are near Latakia in Syria; the Islamic State (IS) is not.'],
      ['file:///x/5.txt', 'The New Orleans Saints met Hewlett-Packard and HP staff. The Saints won in Syria and Latakia.'],
      ['file:///x/6.txt', 'HP and the Saints; Church of Latter Day Saints; Tartous near Latakia in Syria.'],
      ['file:///x/7.txt', 'Fred LaRue met Frederick C. LaRue and Khmeimim staff near Latakia, Syria.'],
    ];
    const names: Gazetteer = [
      ...SEED_NAMES, ['Ivan Bogdanov', 'person'], ['Tartous', 'place'], ['Hafez al-Assad', 'person'],
      ['New Orleans Saints', 'organization'], ['Saints', 'organization'], ['Church of Latter Day Saints', 'organization'],
      ['Hewlett-Packard', 'organization'], ['HP', 'organization'], ['Fred LaRue', 'person'], ['Frederick C. LaRue', 'person'],
    ];
    const pool = [...seeds, ...extra];
    const live = new Index();
    const current = new Map<string, string>();
    const next = lcg(12345);
    for (let step = 0; step < 120; step++) {
      const [uri, text] = pool[Math.floor(next() * pool.length)]!;
      const action = next();
      if (action < 0.3 && current.has(uri)) {
        live.index.delete(uri);
        current.delete(uri);
      } else if (action < 0.5 && current.has(uri)) {
        const edited = text.replace(/Hmeimim|Khmeimim/, 'Hemeimeem').replace('Bogdanov', 'Bogdanov');
        live.index.set(uri, summaryOf(edited, names));
        current.set(uri, edited);
      } else {
        live.index.set(uri, summaryOf(text, names));
        current.set(uri, text);
      }
      if (step % 3 !== 0) continue; // let some changes pile up between queries
      assert.deepEqual(partition(live.index), partition(coldIndex(current, names)), `step ${step}`);
    }
  });
});

class Index {
  readonly index = new WorkspaceIndex();
}

/** Every cluster view in full (names, counts, spellings, and each article's date and mention positions), sorted. */
function views(index: WorkspaceIndex): string[] {
  return index
    .clusters()
    .map((view) => {
      const spellings = view.spellings.map((s) => `${s.text}:${s.mentions}:${s.articles}`).join(',');
      const articles = view.articles.map((a) => `${a.uri}@${a.date ?? ''}[${a.mentions.map((m) => `${m.index}:${m.mention.start}:${m.mention.line}`).join(' ')}]`).join(' ');
      return `${view.canonical}|${view.type}|${view.mentionCount}|${view.ambiguousWith?.join('/') ?? ''}|${spellings}|${articles}`;
    })
    .sort();
}

describe('workspace index: definition order', function () {
  it('lists a small view\'s articles by date, then undated ones by URI, among many other articles', function () {
    const names: Gazetteer = [['Hmeimim', 'place'], ['Latakia', 'place']];
    const texts = new Map<string, string>();
    // enough other articles that the view sorts its own few instead of ranking every article
    for (let i = 0; i < 40; i++) texts.set(`file:///o/filler-${String(i).padStart(2, '0')}.txt`, 'Nothing to see in Latakia.');
    texts.set('file:///o/a.txt', 'Hmeimim again.');
    texts.set('file:///o/b.txt', 'December 17, 2024\nHmeimim is busy.');
    texts.set('file:///o/c.txt', 'November 6, 2017\nHmeimim opened.');
    texts.set('file:///o/0.txt', 'Hmeimim first.');
    const index = coldIndex(texts, names);
    const order = () => {
      const found = index.clusterAt('file:///o/a.txt', 0)!;
      return found.cluster.articles.map((article) => article.uri.slice('file:///o/'.length));
    };
    assert.deepEqual(order(), ['c.txt', 'b.txt', '0.txt', 'a.txt']);
    // a new date moves an article (the cached view is patched)
    index.set('file:///o/0.txt', summaryOf('January 2, 2020\nHmeimim first.', names));
    index.flush();
    assert.deepEqual(order(), ['c.txt', '0.txt', 'b.txt', 'a.txt']);
  });
});

describe('workspace index: definition order of a view that spans the workspace', function () {
  // thousands of articles, so that ranking them all runs in steps (sorted runs, then merges)
  const names: Gazetteer = [['Latakia', 'place']];
  const dates = ['January 2, 2020', 'March 4, 2019', 'December 17, 2024', 'November 6, 2017', ''];
  const variants = dates.map((date) => summaryOf(`${date ? `${date}\n` : ''}Latakia is calm.`, names));

  /** `count` articles under random URIs, each one of the variants. */
  function workspace(count: number, seed: number): WorkspaceIndex {
    const index = new WorkspaceIndex();
    const next = lcg(seed);
    for (let i = 0; i < count; i++) {
      index.set(`file:///r/${Math.floor(next() * 1e9).toString(36)}-${i}.txt`, structuredClone(variants[Math.floor(next() * variants.length)]!));
    }
    return index;
  }

  /** The articles of the index in definition order, worked out here: dated by date, then undated; each by URI. */
  function definitionOrder(index: WorkspaceIndex, uris: readonly string[]): string[] {
    const key = (uri: string) => index.get(uri)!.articleDate?.iso ?? '\uffff';
    return [...uris].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a < b ? -1 : a > b ? 1 : 0));
  }

  const latakiaIn = (index: WorkspaceIndex, uri: string) => index.clusterAt(uri, index.get(uri)!.entities[0]!.start)!.cluster;

  it('lists the articles by date, then undated ones, each by URI', function () {
    const index = workspace(5000, 31);
    const uris = index.clusters()[0]!.articles.map((article) => article.uri);
    assert.equal(uris.length, 5000);
    assert.deepEqual(uris, definitionOrder(index, uris));
  });

  it('ranks ahead of need in slices, and leaves a ranking overtaken by a new article to be done again', async function () {
    const index = workspace(5000, 33);
    index.flush();
    const ranking = index.rankInSlices(0);
    for (let pass = 0; pass < 4; pass++) await new Promise((resolve) => setImmediate(resolve));
    index.set('file:///r/0-new.txt', structuredClone(variants[0]!)); // January 2, 2020: among the dated, not first
    await ranking;
    const uris = index.clusters()[0]!.articles.map((article) => article.uri);
    assert.equal(uris.length, 5001);
    assert.deepEqual(uris, definitionOrder(index, uris));
    assert.ok(uris.indexOf('file:///r/0-new.txt') > 1000);
  });

  it('ranks in slices, with an edit landing anywhere in the build (the ranking included)', async function () {
    // the build takes some 50 turns of the event loop (collecting, sorting runs, merging, listing): an article is
    // re-dated after k of them
    for (let k = 0; k <= 60; k += 3) {
      const index = workspace(5000, 32 + k);
      index.flush();
      const uris = index.clusters()[0]!.articles.map((article) => article.uri);
      const preparing = index.prepareViewAt(uris[0]!, index.get(uris[0]!)!.entities[0]!.start, 0);
      for (let pass = 0; pass < k; pass++) await new Promise((resolve) => setImmediate(resolve));
      const moved = uris.find((uri) => !index.get(uri)!.articleDate)!;
      index.set(moved, structuredClone(variants[3]!));
      await preparing;
      const order = latakiaIn(index, uris[0]!).articles.map((article) => article.uri);
      assert.deepEqual(order, definitionOrder(index, uris), `re-dated after ${k} passes`);
      assert.ok(order.indexOf(moved) < order.length - 500, 'the re-dated article moved up among the dated');
    }
  });
});

describe('workspace index: cached views after edits', function () {
  it('agrees with a cold build after random edits that move, re-date, add and remove mentions (views cached between)', function () {
    const names: Gazetteer = [...SEED_NAMES, ['Ivan Bogdanov', 'person'], ['Tartous', 'place'], ['Hafez al-Assad', 'person']];
    const base: [string, string][] = [
      ['file:///v/1.txt', 'Mikhail Bogdanov met Ivan Bogdanov in Moscow. Bogdanov left for Syria.'],
      ['file:///v/2.txt', 'Bogdanov said Khmeimim is busy; Tartous is calm, as is Latakia in Syria.'],
      ['file:///v/3.txt', 'Hafez al-Assad, father of Bashar al-Assad, ruled Syria. Assad died in 2000.'],
      ['file:///v/4.txt', 'Hemeimeem and Jableh are near Latakia in Syria; Moscow is far from Syria.'],
      ['file:///v/5.txt', 'December 17, 2024\nHmeimim near Latakia, Syria. Russia and Syria again.'],
      ['file:///v/6.txt', 'Syria, Syria and Moscow. Hmeimim is in Syria; Tartous too.'],
    ];
    const edits: ((text: string) => string)[] = [
      (text) => `Breaking: ${text}`, // every mention moves
      (text) => text.replace(/^Breaking: /, ''),
      (text) => `November 6, 2017\n${text}`, // a new date: the article moves in definition order
      (text) => text.replace(/^(?:November 6, 2017|December 17, 2024)\n/, ''),
      (text) => text.replace('Syria', 'Syria and Syria'), // one more mention of the same name
      (text) => text.replace(/Khmeimim|Hemeimeem/, 'Hmeimim'), // another spelling of the same place
      (text) => `${text} Also Damascus.`, // a new name
    ];
    const live = new WorkspaceIndex();
    const current = new Map<string, string>();
    for (const [uri, text] of base) {
      live.set(uri, summaryOf(text, names));
      current.set(uri, text);
    }
    const next = lcg(777);
    for (let step = 0; step < 150; step++) {
      views(live); // every view cached, so that re-clustering carries them over
      const [uri, original] = base[Math.floor(next() * base.length)]!;
      const action = next();
      if (action < 0.1) {
        live.delete(uri);
        current.delete(uri);
      } else {
        const text = action < 0.2 || !current.has(uri) ? original : edits[Math.floor(next() * edits.length)]!(current.get(uri)!);
        live.set(uri, summaryOf(text, names));
        current.set(uri, text);
      }
      assert.deepEqual(views(live), views(coldIndex(current, names)), `step ${step}`);
    }
  });
});

describe('workspace index: views built in slices', function () {
  function seedTexts(): Map<string, string> {
    return new Map(readdirSync(SEEDS_DIR).sort().map((file) => [`file:///seeds/${file}`, readFileSync(path.join(SEEDS_DIR, file), 'utf8')]));
  }

  /** The seeds indexed and clustered, and where "Hmeimim" is first written. */
  function seedIndex() {
    const current = seedTexts();
    const index = coldIndex(current, SEED_NAMES);
    index.flush();
    const [uri, text] = [...current].find(([, t]) => t.includes('Hmeimim'))!;
    return { current, index, uri, offset: text.indexOf('Hmeimim') };
  }

  /** prepareViewAt in slices of 0 ms, asserting that the build gave way to other work. */
  async function prepareInSlices(index: WorkspaceIndex, uri: string, offset: number): Promise<void> {
    let otherTurn = false;
    const prepared = index.prepareViewAt(uri, offset, 0);
    setImmediate(() => (otherTurn = true));
    await prepared;
    assert.ok(otherTurn, 'the build gave way to other work');
  }

  it('builds the view under a position in slices, the one a query would build', async function () {
    const { current, index, uri, offset } = seedIndex();
    await prepareInSlices(index, uri, offset);
    const view = index.clusterAt(uri, offset)!.cluster;
    const cold = coldIndex(current, SEED_NAMES).clusterAt(uri, offset)!.cluster;
    assert.deepEqual({ ...view, id: 0 }, { ...cold, id: 0 });
    // cached: asking again builds nothing (the same object comes back)
    await index.prepareViewAt(uri, offset, 0);
    assert.equal(index.clusterAt(uri, offset)!.cluster, view);
  });

  it('builds the view under a position in slices during a bulk load too, from the clusters as they are', async function () {
    // the end of a cold index: clustered, but the bulk load not yet over
    const { current, index, uri, offset } = seedIndex();
    index.beginBulk();
    await prepareInSlices(index, uri, offset);
    const view = index.clusterAt(uri, offset)!.cluster;
    assert.equal(index.clusterAt(uri, offset)!.cluster, view, 'cached: the same object again');
    index.endBulk();
    const cold = coldIndex(current, SEED_NAMES).clusterAt(uri, offset)!.cluster;
    assert.deepEqual({ ...view, id: 0 }, { ...cold, id: 0 });
  });

  it('warms the views of an opened article\'s entities, and then has them all', async function () {
    const current = seedTexts();
    const index = coldIndex(current, SEED_NAMES);
    index.flush();
    const [uri] = [...current].find(([, t]) => t.includes('Hmeimim'))!;
    const built = await index.warmViewsOf(uri);
    const mentioned = index.clustersIn(uri).map(({ cluster }) => cluster.id);
    assert.ok(mentioned.length >= 5, `${mentioned.length} entities`);
    assert.deepEqual([...built].sort((a, b) => a - b), [...mentioned].sort((a, b) => a - b));
    assert.deepEqual(await index.warmViewsOf(uri), []);
    assert.deepEqual(views(index), views(coldIndex(current, SEED_NAMES)));
  });

  it('builds the views a query would, a step per turn', async function () {
    const current = seedTexts();
    const warmed = coldIndex(current, SEED_NAMES);
    warmed.flush();
    // slices of 0 ms: a turn of the event loop after every step of every view
    const built = await warmed.warmViews({ sliceMs: 0, minMentions: 1 });
    assert.ok(built.length >= 10, `${built.length} views built`);
    assert.deepEqual(views(warmed), views(coldIndex(current, SEED_NAMES)));
  });

  it('builds the views of the articles open in the editor first', async function () {
    const current = seedTexts();
    const probe = coldIndex(current, SEED_NAMES);
    probe.flush();
    const byMentions = await probe.warmViews({ minMentions: 1 });
    // an article whose entities are not simply the workspace's most mentioned ones
    const namedIn = (index: WorkspaceIndex, uri: string) => new Set(index.clustersIn(uri).map(({ cluster }) => cluster.id));
    const open = [...current.keys()].find((uri) => {
      const named = namedIn(probe, uri);
      return byMentions.slice(0, named.size).some((id) => !named.has(id));
    });
    assert.ok(open, 'no seed fits the test');
    const index = coldIndex(current, SEED_NAMES);
    index.flush();
    const built = await index.warmViews({ minMentions: 1, first: [open] });
    const named = namedIn(index, open);
    assert.deepEqual(new Set(built.slice(0, named.size)), named);
  });

  it('builds the largest views even while the editor is busy, and the rest once it is quiet', async function () {
    const texts = new Map<string, string>();
    for (let i = 0; i < 40; i++) texts.set(`file:///w/${i}.txt`, 'Latakia is calm.');
    texts.set('file:///w/h.txt', 'Hmeimim is near Latakia.');
    const index = coldIndex(texts, [['Latakia', 'place'], ['Hmeimim', 'place']]);
    index.flush();
    const cachedViews = () => (index as unknown as { views: Map<number, unknown> }).views.size;
    let done: number[] | undefined;
    noteInput();
    void index.warmViews({ minMentions: 1, sliceMs: 0 }).then((built) => (done = built));
    // the editor sends something every 10 ms for 150 ms
    for (let i = 0; i < 15; i++) {
      noteInput();
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    assert.equal(cachedViews(), 1, 'the large view (a mention per article) is built while the editor is busy');
    assert.equal(done, undefined, 'the small one waits for a quiet editor');
    while (done === undefined) await new Promise((resolve) => setTimeout(resolve, 50));
    const text = texts.get('file:///w/h.txt')!;
    const idAt = (word: string) => index.clusterAt('file:///w/h.txt', text.indexOf(word))!.cluster.id;
    assert.deepEqual(done, [idAt('Latakia'), idAt('Hmeimim')]);
  });

  it('keeps no view from before an article changed while the views were built', async function () {
    const current = seedTexts();
    const live = coldIndex(current, SEED_NAMES);
    live.flush();
    const warming = live.warmViews({ sliceMs: 0, minMentions: 1 });
    await nextTurn();
    await nextTurn();
    const [uri, text] = [...current][1]!;
    const edited = text.replace(/Hmeimim|Khmeimim|Hemeimeem/g, 'Latakia').replace(/Syria/g, 'Syria and Syria');
    live.set(uri, summaryOf(edited, SEED_NAMES));
    current.set(uri, edited);
    // re-clustered before the half-built view is finished: a view finished from before would outlive the change
    live.flush();
    await warming;
    assert.deepEqual(views(live), views(coldIndex(current, SEED_NAMES)));
  });
});

describe('workspace index: queries', function () {
  const names: Gazetteer = [['Hmeimim', 'place'], ['Khmeimim', 'place'], ['Latakia', 'place'], ['Syria', 'place'], ['Bashar al-Assad', 'person']];
  const articles = {
    'file:///b.txt': 'Breaking news\nKhmeimim near Latakia in Syria.\nKhmeimim again.',
    'file:///a.txt': 'Hmeimim near Latakia in Syria, said Bashar al-Assad.',
  };

  it('finds the mention under an offset, and just after it', function () {
    const index = indexOf(articles, names);
    const text = articles['file:///a.txt'];
    assert.equal(index.mentionAt('file:///a.txt', text.indexOf('Latakia') + 3)?.mention.text, 'Latakia');
    assert.equal(index.mentionAt('file:///a.txt', text.indexOf('Latakia') + 7)?.mention.text, 'Latakia');
    assert.equal(index.mentionAt('file:///a.txt', text.indexOf('near') + 1), undefined);
    assert.equal(index.mentionAt('file:///nowhere.txt', 0), undefined);
  });

  it('lists a cluster\'s mentions in every article, with line and character', function () {
    const index = indexOf(articles, names);
    const found = index.clusterAt('file:///a.txt', 0)!;
    const refs = index.mentionsOf(found.cluster);
    assert.deepEqual(refs.map((r) => [r.uri, r.mention.text, r.mention.line, r.mention.character]), [
      ['file:///a.txt', 'Hmeimim', 0, 0],
      ['file:///b.txt', 'Khmeimim', 1, 0],
      ['file:///b.txt', 'Khmeimim', 2, 0],
    ]);
  });

  it('orders articles for "first mention": dated before undated, earliest first, then by URI', function () {
    const index = new WorkspaceIndex();
    const dated = (iso: string) => ({ ...summaryOf('Hmeimim near Latakia.', names), articleDate: { date: { year: +iso.slice(0, 4) }, iso, source: 'dateline' as const } });
    index.set('file:///c.txt', summaryOf('Hmeimim near Latakia.', names));
    index.set('file:///b.txt', dated('2024-12-17'));
    index.set('file:///a.txt', dated('2017-11-06'));
    const cluster = index.clusterAt('file:///c.txt', 0)!.cluster;
    assert.deepEqual(cluster.articles.map((a) => a.uri), ['file:///a.txt', 'file:///b.txt', 'file:///c.txt']);
    assert.equal(index.definitionOf(cluster)?.uri, 'file:///a.txt');
  });

  it('searches by any spelling, and by sound', function () {
    const index = indexOf(articles, names);
    const byVariant = index.search('Khmeimim');
    assert.equal(byVariant[0]?.cluster.canonical, 'Khmeimim');
    assert.equal(byVariant[0]?.spelling, 'Khmeimim');
    assert.ok(index.search('hmei').some((hit) => hit.cluster.spellings.some((s) => s.text === 'Hmeimim')));
    assert.ok(index.search('Hmeymim').length > 0, 'a spelling never written, found by its sound');
    assert.equal(index.search('assad')[0]?.cluster.canonical, 'Bashar al-Assad');
    assert.deepEqual(index.search('zzzz'), []);
  });

  it('tells listeners which articles and clusters changed', function () {
    const index = indexOf(articles, names);
    const changes: IndexChange[] = [];
    index.onDidChange((change) => changes.push(change));
    index.set('file:///c.txt', summaryOf('Khmeimim and Latakia.', names));
    index.flush();
    assert.equal(changes.length, 1);
    assert.deepEqual(changes[0]!.uris, ['file:///c.txt']);
    assert.ok(changes[0]!.createdClusters.length > 0);
    index.flush();
    assert.equal(changes.length, 1, 'nothing new, no event');
  });

  it('keeps its clusters, views and listeners untouched when an article is set to the summary it already has', function () {
    // opening an article in the editor analyses the text the index has from disk
    const index = indexOf(articles, names);
    const before = index.clusterAt('file:///a.txt', 0)!.cluster;
    const changes: IndexChange[] = [];
    index.onDidChange((change) => changes.push(change));
    index.set('file:///a.txt', structuredClone(index.get('file:///a.txt')!));
    index.flush();
    assert.equal(changes.length, 0, 'no change, no event');
    assert.equal(index.clusterAt('file:///a.txt', 0)!.cluster, before, 'the same view object: nothing was rebuilt');
    // a real change still counts
    const edited = summaryOf(`${articles['file:///a.txt']} Latakia too.`, names);
    index.set('file:///a.txt', edited);
    index.flush();
    assert.equal(changes.length, 1);
    assert.deepEqual(changes[0]!.uris, ['file:///a.txt']);
  });

  it('re-clusters nothing for an edit that keeps every name, and still shows the mentions where they moved', function () {
    // most keystrokes: a word that is no name changes, and every mention after it moves
    const index = indexOf(articles, names);
    const uri = 'file:///a.txt';
    const clusterIds = () => index.clusters().map((view) => view.id).sort((x, y) => x - y);
    const idsBefore = clusterIds();
    const cached = index.clusterAt(uri, 0)!.cluster; // a view cached before the edit
    const changes: IndexChange[] = [];
    index.onDidChange((change) => changes.push(change));
    const edited = `Breaking news. ${articles[uri]}`;
    index.set(uri, summaryOf(edited, names));
    index.flush();
    assert.deepEqual(clusterIds(), idsBefore, 'the same clusters, under the same ids');
    assert.equal(changes.length, 1);
    assert.deepEqual(changes[0], { uris: [uri], removedClusters: [], createdClusters: [], reshapedClusters: [] });
    const after = index.clusterAt(uri, 'Breaking news. '.length)!.cluster;
    assert.equal(after.id, cached.id);
    const starts = after.articles.find((article) => article.uri === uri)!.mentions.map((ref) => ref.mention.start);
    assert.deepEqual(starts, cached.articles.find((article) => article.uri === uri)!.mentions.map((ref) => ref.mention.start + 'Breaking news. '.length));
    assert.deepEqual(views(index), views(coldIndex(new Map(Object.entries({ ...articles, [uri]: edited })), names)));
    // one more mention is a change of names: re-clustered as before
    index.set(uri, summaryOf(`${edited} Khmeimim too.`, names));
    index.flush();
    assert.ok(changes[1]!.createdClusters.length > 0);
  });

  it('forgets a deleted article\'s mentions everywhere', function () {
    const index = indexOf(articles, names);
    index.delete('file:///b.txt');
    const cluster = index.clusterAt('file:///a.txt', 0)!.cluster;
    assert.deepEqual(cluster.articles.map((a) => a.uri), ['file:///a.txt']);
    assert.ok(!cluster.spellings.some((s) => s.text === 'Khmeimim'));
    assert.equal(index.search('Khmeimim').filter((hit) => hit.score >= 60).length, 0);
  });
});

describe('workspace index: organisations', function () {
  it('drops legal forms: Apple Inc. = Apple, Microsoft Corp = Microsoft', function () {
    const index = indexOf(
      { 'file:///a.txt': 'Apple Inc. and Microsoft Corp reported.', 'file:///b.txt': 'Apple and Microsoft reported.' },
      [['Apple Inc.', 'organization'], ['Microsoft Corp', 'organization'], ['Apple', 'organization'], ['Microsoft', 'organization']],
    );
    assert.deepEqual(clusterSurfaces(index, 'Apple'), ['Apple', 'Apple Inc.']);
    assert.deepEqual(clusterSurfaces(index, 'Microsoft'), ['Microsoft', 'Microsoft Corp']);
  });

  it('links the first or last words of one organisation\'s name, written beside it somewhere: Saints = New Orleans Saints', function () {
    const names: Gazetteer = [['New Orleans Saints', 'organization'], ['Saints', 'organization'], ['T-Mobile USA', 'organization'], ['T-Mobile', 'organization']];
    const index = indexOf(
      {
        'file:///a.txt': 'The New Orleans Saints signed with T-Mobile USA. The Saints and T-Mobile were happy.',
        'file:///b.txt': 'The Saints won. T-Mobile paid.',
      },
      names,
    );
    assert.deepEqual(clusterSurfaces(index, 'Saints', 'file:///b.txt'), ['New Orleans Saints', 'Saints']);
    assert.deepEqual(clusterSurfaces(index, 'T-Mobile', 'file:///b.txt'), ['T-Mobile', 'T-Mobile USA']);
  });

  it('not when two organisations end with the word, except inside an article that names one of them', function () {
    const names: Gazetteer = [['New Orleans Saints', 'organization'], ['Church of Latter Day Saints', 'organization'], ['Saints', 'organization']];
    const index = indexOf(
      {
        'file:///a.txt': 'The New Orleans Saints won. The Saints celebrated.',
        'file:///b.txt': 'The Church of Latter Day Saints met.',
        'file:///c.txt': 'The Saints won again.',
      },
      names,
    );
    assert.deepEqual(clusterSurfaces(index, 'Saints', 'file:///a.txt'), ['New Orleans Saints', 'Saints']);
    assert.deepEqual(clusterSurfaces(index, 'Saints', 'file:///c.txt'), ['Saints']);
  });

  it('not for a capitalised word never written beside the long name', function () {
    const index = indexOf(
      { 'file:///a.txt': 'Victims of Crime Trust said so.', 'file:///b.txt': 'Victims spoke.' },
      [['Victims of Crime Trust', 'organization'], ['Victims', 'organization']],
    );
    assert.deepEqual(clusterSurfaces(index, 'Victims'), ['Victims']);
  });

  it('never for places or generic words: Sudan is not South Sudan, "Ministry" is not the Defence Ministry', function () {
    const index = indexOf(
      { 'file:///a.txt': 'South Sudan and the Defence Ministry.', 'file:///b.txt': 'Sudan and the Ministry.' },
      [['South Sudan', 'place'], ['Sudan', 'place'], ['Defence Ministry', 'organization'], ['Ministry', 'organization']],
    );
    assert.deepEqual(clusterSurfaces(index, 'Sudan'), ['Sudan']);
    assert.deepEqual(clusterSurfaces(index, 'Ministry'), ['Ministry']);
  });

  it('links an acronym to the one name with its initials written beside it: HP = H-P = Hewlett-Packard', function () {
    const names: Gazetteer = [['Hewlett-Packard', 'organization'], ['HP', 'organization'], ['H-P', 'organization'], ['Heritage Properties', 'organization']];
    const index = indexOf(
      {
        'file:///a.txt': 'Hewlett-Packard said HP would grow.',
        'file:///b.txt': 'HP and H-P are one company.',
        'file:///c.txt': 'Heritage Properties sold a house.',
      },
      names,
    );
    assert.deepEqual(clusterSurfaces(index, 'HP', 'file:///b.txt'), ['H-P', 'HP', 'Hewlett-Packard']);
    assert.deepEqual(clusterSurfaces(index, 'Heritage Properties'), ['Heritage Properties']);
  });

  it('not when the name with those initials never appears beside the acronym', function () {
    const index = indexOf(
      { 'file:///a.txt': 'HP grew.', 'file:///b.txt': 'Heritage Properties sold a house.' },
      [['HP', 'organization'], ['Heritage Properties', 'organization']],
    );
    assert.deepEqual(clusterSurfaces(index, 'HP'), ['HP']);
  });

  it('a familiar given name is a short form: Fred LaRue = Frederick C. LaRue', function () {
    const index = indexOf(
      { 'file:///a.txt': 'Frederick C. LaRue died.', 'file:///b.txt': 'Fred LaRue was an aide.' },
      [['Frederick C. LaRue', 'person'], ['Fred LaRue', 'person']],
    );
    assert.deepEqual(clusterSurfaces(index, 'Fred LaRue'), ['Fred LaRue', 'Frederick C. LaRue']);
  });
});

describe('workspace index: more false-merge traps', function () {
  it('never links two single surnames by spelling: Bell is not Bill, Johnson is not Johansson', function () {
    const names: Gazetteer = [['Bell', 'person'], ['Bill', 'person'], ['Johnson', 'person'], ['Johansson', 'person'], ['London', 'place'], ['Paris', 'place']];
    const index = indexOf({ 'file:///a.txt': 'Bell and Johnson met in London and Paris.', 'file:///b.txt': 'Bill and Johansson met in London and Paris.' }, names);
    for (const name of ['Bell', 'Bill', 'Johnson', 'Johansson']) assert.deepEqual(clusterSurfaces(index, name), [name]);
  });

  it('a country in brackets after a player is not an acronym: "S Burger (SA)"', function () {
    const index = indexOf(
      { 'file:///a.txt': 'Replacements: S Burger (SA), D Smith.', 'file:///b.txt': 'SA won the match.' },
      [['S Burger', 'person'], ['SA', 'organization']],
      NO_DEFAULTS,
    );
    assert.deepEqual(index.get('file:///a.txt')!.definitions, []);
    assert.deepEqual(clusterSurfaces(index, 'SA', 'file:///b.txt'), ['SA']);
  });

  it('an acronym inside the longer name is not its abbreviation: HD is not HD DVD', function () {
    const index = indexOf({ 'file:///a.txt': 'HD DVD and HD pictures.' }, [['HD DVD', 'organization'], ['HD', 'organization']]);
    assert.deepEqual(clusterSurfaces(index, 'HD'), ['HD']);
  });
});

describe('workspace index: the default alias list', function () {
  it('links what the shipped list knows (Kyiv = Kiev, al-Qaeda = al-Qaida, UN = United Nations), and not with it off', function () {
    const names: Gazetteer = [['Kyiv', 'place'], ['Kiev', 'place'], ['al-Qaeda', 'organization'], ['al-Qaida', 'organization'], ['UN', 'organization'], ['United Nations', 'organization']];
    const articles = { 'file:///a.txt': 'Kyiv, al-Qaeda and the UN.', 'file:///b.txt': 'Kiev, al-Qaida and the United Nations.' };
    const index = indexOf(articles, names);
    assert.deepEqual(clusterSurfaces(index, 'Kyiv'), ['Kiev', 'Kyiv']);
    assert.deepEqual(clusterSurfaces(index, 'al-Qaeda'), ['al-Qaeda', 'al-Qaida']);
    assert.deepEqual(clusterSurfaces(index, 'UN'), ['UN', 'United Nations']);
    const off = indexOf(articles, names, NO_DEFAULTS);
    assert.deepEqual(clusterSurfaces(off, 'Kyiv'), ['Kyiv']);
  });
});
