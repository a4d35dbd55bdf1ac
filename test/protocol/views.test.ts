// The custom requests behind the Entities and Facts views, the timeline, the status bar and the commands, over real
// LSP against the bundled server (a copy of the seeds plus, where a test needs one, a planted conflict).
import { strict as assert } from 'node:assert';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  Methods,
  conflictCount,
  type ArticleDateEdit,
  type EntitiesResult,
  type EntityDetail,
  type FactSheetResult,
  type FactsResult,
  type Range,
  type StatusParams,
  type TimelineResult,
} from '../../server/src/protocol';
import { SEEDS_DIR } from '../helpers/seeds';
import { fileUri, LspSession, positionOf, SERVER_JS } from './harness';

const SEED_000 = '000_164a9749a017def4.txt';
const SEED_003 = '003_5605dda33168d3ec.txt';
const SEED_004 = '004_ae0a4df6b0a86d07.txt';

const PLANTED_HERE = 'planted-deployment.txt';
const PLANTED_THERE = 'planted-briefing.txt';
const PLANTED_HERE_TEXT = 'Russia keeps its forces in Syria\n\nNovember 6, 2017\n\nSome 4,300 Russian military are deployed in Syria, the defence ministry said.\n';
const PLANTED_THERE_TEXT = 'Kremlin briefing on Syria\n\nNovember 6, 2017\n\nThe Kremlin said 5,000 Russian troops are stationed in Syria.\n';

/** The text a single-line range covers in a file on disk. */
function textAt(uri: string, range: Range): string {
  const lines = readFileSync(fileURLToPath(uri), 'utf8').split(/\r\n|\r|\n/);
  assert.equal(range.start.line, range.end.line, `a multi-line range: ${JSON.stringify(range)}`);
  return lines[range.start.line]!.slice(range.start.character, range.end.character);
}

function statusNotifications(session: LspSession): StatusParams[] {
  return session.notifications.filter((n) => n.method === Methods.statusChanged).map((n) => n.params as StatusParams);
}

async function startIndexed(dir: string): Promise<LspSession> {
  const session = await LspSession.start({ workspaceFolder: dir });
  await session.waitFor(() => session.logs.some((line) => /indexed \d+ articles/.test(line)), 'the workspace to be indexed');
  return session;
}

describe('protocol: the views’ requests', function () {
  let dir: string;
  let session: LspSession;

  before(async function () {
    assert.ok(existsSync(SERVER_JS), `${SERVER_JS} is missing: run "node esbuild.mjs" first`);
    dir = mkdtempSync(path.join(os.tmpdir(), 'corroborate-views-'));
    cpSync(SEEDS_DIR, dir, { recursive: true });
    session = await startIndexed(dir);
  });

  after(async function () {
    if (session) await session.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  describe('status', function () {
    it('reports indexing progress, then the articles, entities and conflicts', async function () {
      const final = await session.waitFor(
        () => statusNotifications(session).find((s) => !s.indexing && s.articles === 5),
        'a status notification after indexing',
      );
      assert.ok(statusNotifications(session).some((s) => s.indexing && s.indexing.total === 5), 'no indexing progress in the status notifications');
      assert.ok(final.entities > 20, `entities: ${final.entities}`);
      assert.equal(conflictCount(final), 0, 'the seeds are consistent');
      const asked = await session.request<StatusParams>(Methods.status, {});
      assert.equal(asked.articles, 5);
      assert.equal(asked.indexing, undefined);
      assert.ok(asked.version >= final.version);
    });
  });

  describe('entities', function () {
    it('lists the workspace’s entities by kind, most mentioned first, with spellings and counts', async function () {
      const result = await session.request<EntitiesResult>(Methods.entities, {});
      const kinds = result.entities.map((e) => e.kind);
      assert.deepEqual(kinds, [...kinds].sort((a, b) => ['person', 'organization', 'place', 'group'].indexOf(a) - ['person', 'organization', 'place', 'group'].indexOf(b)));
      for (const kind of ['person', 'organization', 'place'] as const) {
        const mentions = result.entities.filter((e) => e.kind === kind).map((e) => e.mentions);
        assert.deepEqual(mentions, [...mentions].sort((a, b) => b - a), `${kind} not most mentioned first`);
        assert.equal(result.totals[kind], mentions.length);
      }
      const hmeimim = result.entities.find((e) => e.name === 'Hmeimim');
      assert.ok(hmeimim, `no Hmeimim among ${result.entities.map((e) => e.name).join(', ')}`);
      assert.equal(hmeimim.kind, 'place');
      assert.deepEqual(hmeimim.spellings.map((s) => s.text).sort(), ['Hemeimeem', 'Hmeimim', 'Khmeimim']);
      assert.equal(hmeimim.articles, 5);
      assert.equal(hmeimim.mentions, hmeimim.spellings.reduce((sum, s) => sum + s.mentions, 0));
    });

    it('filters by any spelling, also within one article', async function () {
      const byVariant = await session.request<EntitiesResult>(Methods.entities, { filter: 'Khmeimim' });
      assert.deepEqual(byVariant.entities.map((e) => e.name), ['Hmeimim']);
      const partial = await session.request<EntitiesResult>(Methods.entities, { filter: 'bogd' });
      assert.deepEqual(partial.entities.map((e) => e.name), ['Mikhail Bogdanov']);
      const inSeed000 = await session.request<EntitiesResult>(Methods.entities, { uri: fileUri(path.join(dir, SEED_000)) });
      assert.ok(inSeed000.entities.some((e) => e.name === 'Hmeimim'));
      assert.ok(!inSeed000.entities.some((e) => e.name === 'Mikhail Bogdanov'), 'seed 000 does not mention Bogdanov');
      const none = await session.request<EntitiesResult>(Methods.entities, { uri: fileUri(path.join(dir, SEED_000)), filter: 'Bogdanov' });
      assert.deepEqual(none.entities, []);
      const limited = await session.request<EntitiesResult>(Methods.entities, { limitPerKind: 2 });
      assert.equal(limited.entities.filter((e) => e.kind === 'place').length, 2);
      assert.ok(limited.totals.place > 2);
    });

    it('gives one entity’s mentions article by article, each range on the name, with its line', async function () {
      const [hmeimim] = (await session.request<EntitiesResult>(Methods.entities, { filter: 'Hmeimim' })).entities;
      const detail = await session.request<EntityDetail | null>(Methods.entity, { id: hmeimim!.id });
      assert.ok(detail);
      assert.equal(detail.articles.length, 5);
      // dated articles first, by date: 004 (2017-09-12), then 003 (2024-12-17)
      assert.deepEqual(detail.articles.slice(0, 2).map((a) => a.date), ['2017-09-12', '2024-12-17']);
      for (const article of detail.articles) {
        assert.ok(article.path.endsWith('.txt'));
        for (const mention of article.mentions) {
          const written = textAt(article.uri, mention.range);
          assert.equal(written, mention.text, `range ${JSON.stringify(mention.range)} in ${article.path}`);
          assert.match(written, /^(Hmeimim|Khmeimim|Hemeimeem)\b/i);
          assert.ok(mention.snippet?.includes(mention.text.split(' ')[0]!), `snippet ${JSON.stringify(mention.snippet)}`);
        }
      }
    });

    it('finds the entity at a position of an article (the command "show mentions")', async function () {
      const file = path.join(dir, SEED_003);
      const uri = await session.open(file);
      const position = positionOf(session.textOf(uri), 'Khmeimim', 0, 3);
      const detail = await session.request<EntityDetail | null>(Methods.entity, { uri, position });
      assert.ok(detail);
      assert.equal(detail.entity.name, 'Hmeimim');
      assert.equal(detail.at?.text, 'Khmeimim Air Base');
      assert.equal(detail.at?.range.start.line, position.line);
      const nothing = await session.request<EntityDetail | null>(Methods.entity, { uri, position: positionOf(session.textOf(uri), 'spokesman') });
      assert.equal(nothing, null);
      await session.close(uri);
    });
  });

  describe('timeline', function () {
    it('places every resolved date, earliest first, with its sentence; counts the unresolved ones per article', async function () {
      const result = await session.request<TimelineResult>(Methods.timeline, {});
      assert.ok(result.items.length >= 15, `${result.items.length} dates`);
      assert.equal(result.total, result.items.length);
      const days = result.items.map((i) => i.firstDay);
      assert.deepEqual(days, [...days].sort((a, b) => a - b));
      const monday = result.items.find((i) => i.text === 'on Monday' && i.uri.endsWith(SEED_003));
      assert.ok(monday, 'no "on Monday" of seed 003');
      assert.equal(monday.iso, '2024-12-16');
      assert.equal(monday.relative, true);
      assert.match(monday.sentence ?? '', /Kremlin spokesman Dmitry Peskov said on Monday/);
      assert.equal(textAt(monday.uri, monday.range), 'on Monday');
      const seed000 = result.articles.find((a) => a.uri.endsWith(SEED_000));
      assert.ok(seed000 && seed000.date === undefined && seed000.unresolved > 0, JSON.stringify(seed000));
      const seed004 = result.articles.find((a) => a.uri.endsWith(SEED_004));
      assert.equal(seed004?.date, '2017-09-12');
      assert.equal(seed004?.dateSource, 'dateline');
      // dated articles first, by date
      assert.deepEqual(result.articles.slice(0, 2).map((a) => a.date), ['2017-09-12', '2024-12-17']);
    });

    it('narrows to one article', async function () {
      const uri = fileUri(path.join(dir, SEED_004));
      const result = await session.request<TimelineResult>(Methods.timeline, { uri });
      assert.ok(result.items.length > 0);
      assert.ok(result.items.every((i) => i.uri.endsWith(SEED_004)));
      assert.deepEqual(result.articles.map((a) => a.path), [SEED_004]);
    });
  });

  describe('facts and conflicts (with a planted conflict)', function () {
    let here: string;
    let there: string;

    before(async function () {
      here = path.join(dir, PLANTED_HERE);
      there = path.join(dir, PLANTED_THERE);
      writeFileSync(here, PLANTED_HERE_TEXT);
      writeFileSync(there, PLANTED_THERE_TEXT);
      const seen = statusNotifications(session).length;
      await session.connection.sendNotification('workspace/didChangeWatchedFiles', {
        changes: [
          { uri: fileUri(here), type: 1 },
          { uri: fileUri(there), type: 1 },
        ],
      });
      await session.waitFor(() => statusNotifications(session).slice(seen).find((s) => s.articles === 7 && conflictCount(s) > 0), 'a status with the planted conflict');
    });

    after(async function () {
      for (const file of [here, there]) if (existsSync(file)) unlinkSync(file);
      await session.connection.sendNotification('workspace/didChangeWatchedFiles', {
        changes: [
          { uri: fileUri(here), type: 3 },
          { uri: fileUri(there), type: 3 },
        ],
      });
      await session.waitFor(async () => (await session.request<StatusParams>(Methods.status, {})).articles === 5, 'the planted files to leave the index');
    });

    it('counts the conflict in the status', async function () {
      const status = await session.request<StatusParams>(Methods.status, {});
      assert.equal(status.articles, 7);
      assert.equal(status.conflicts.warning, 2, JSON.stringify(status));
    });

    it('groups claims by what they count, conflicting group first, with the conflict on each side', async function () {
      const facts = await session.request<FactsResult>(Methods.facts, {});
      const [first] = facts.groups;
      assert.ok(first);
      assert.equal(first.conflicts, 2);
      assert.equal(first.compared, true);
      assert.equal(first.measure, 'count');
      assert.match(first.label, /Russian (military|troops)/);
      const figures = first.claims.map((c) => `${c.figure}@${c.path}`);
      assert.ok(figures.includes(`Some 4,300@${PLANTED_HERE}`), figures.join(', '));
      assert.ok(figures.includes(`5,000@${PLANTED_THERE}`), figures.join(', '));
      // seed 000's "some 4,300" is the same fact, but undated: listed, not in conflict
      const seed = first.claims.find((c) => c.path === SEED_000);
      assert.ok(seed, figures.join(', '));
      assert.equal(seed.conflict, undefined);
      const planted = first.claims.find((c) => c.path === PLANTED_HERE)!;
      assert.equal(planted.conflict?.check, 'cross-file-figure');
      assert.equal(planted.conflict?.severity, 'warning');
      assert.match(planted.conflict?.message ?? '', /5,000 Russian troops in planted-briefing\.txt/);
      assert.equal(planted.sentence, 'Some 4,300 Russian military are deployed in Syria, the defence ministry said.');
      assert.equal(planted.when, '2017-11-06');
      assert.equal(textAt(planted.uri, planted.range), 'Some 4,300');
      // the findings themselves, each with its related place in the other article
      assert.equal(facts.conflicts.length, 2);
      const conflict = facts.conflicts.find((c) => c.path === PLANTED_HERE)!;
      assert.equal(conflict.related[0]?.path, PLANTED_THERE);
      assert.equal(textAt(conflict.related[0]!.uri, conflict.related[0]!.range), '5,000');
      // unbounded ends travel as null, not as a lost Infinity
      const atLeast = facts.groups.flatMap((g) => g.claims).find((c) => c.figure === 'at least eight');
      assert.ok(atLeast);
      assert.equal(atLeast.low, 8);
      assert.equal(atLeast.high, null);
    });

    it('narrows to one article’s facts and findings, and filters', async function () {
      const uri = fileUri(path.join(dir, PLANTED_THERE));
      const facts = await session.request<FactsResult>(Methods.facts, { uri });
      assert.ok(facts.groups.length >= 1);
      assert.ok(facts.groups.every((g) => g.claims.some((c) => c.uri === uri)), 'a group without a claim of the article');
      assert.deepEqual(facts.conflicts.map((c) => c.path), [PLANTED_THERE]);
      const filtered = await session.request<FactsResult>(Methods.facts, { filter: 'civilian' });
      assert.deepEqual(filtered.groups.map((g) => g.label), ['Civilians']);
    });

    it('exports a fact sheet of one article and of the workspace', async function () {
      const article = await session.request<FactSheetResult>(Methods.factSheet, { uri: fileUri(path.join(dir, PLANTED_HERE)) });
      assert.equal(article.fileName, 'fact-sheet-planted-deployment.md');
      assert.match(article.markdown, /^# Fact sheet: planted-deployment\.txt$/m);
      assert.match(article.markdown, /Article date: \*\*2017-11-06\*\*, from the dateline/);
      assert.match(article.markdown, /## Conflicts \(1\)\n\n- \*\*warning\*\* line 5: Some 4,300 Russian military here; 5,000 Russian troops in planted-briefing\.txt/);
      assert.match(article.markdown, /\| Syria \| place \|/);
      assert.match(article.markdown, /\| 5 \| Some 4,300 \| about 4,300 Russian military/);
      assert.match(article.markdown, /\| 5,000 in planted-briefing\.txt \(2017-11-06\)/);
      const workspace = await session.request<FactSheetResult>(Methods.factSheet, {});
      assert.match(workspace.markdown, /^7 articles · \d+ entities · \d+ dates · \d+ figures · 2 conflicts$/m);
      assert.match(workspace.markdown, /\| 004_ae0a4df6b0a86d07\.txt \| 2017-09-12 \|/);
      assert.match(workspace.markdown, /### 003_5605dda33168d3ec\.txt \(2024-12-17\)\n\n(- .*\n)*- line 7: “on Monday” = 2024-12-16/);
      assert.match(workspace.markdown, /^\| Hmeimim \| place \| [^|]*Khmeimim \(2\)[^|]* \| 8 \| 5 \|$/m);
    });
  });

  describe('the article’s date', function () {
    it('adds a dateline to an article without a date; relative dates then resolve', async function () {
      const file = path.join(dir, SEED_000);
      const uri = await session.open(file);
      const edit = await session.request<ArticleDateEdit | null>(Methods.articleDateEdit, { uri, date: '2017-11-06' });
      assert.ok(edit);
      assert.equal(edit.previous, undefined);
      assert.deepEqual(edit.edits, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: 'November 6, 2017\n\n' }]);
      await session.replaceText(uri, edit.edits[0]!.newText + session.textOf(uri));
      const hover = await session.hoverText(uri, 'Last Friday', 0);
      assert.match(hover, /2017-11-03/, hover);
      await session.close(uri);
    });

    it('rewrites an existing numeric dateline in its own day-first style', async function () {
      const file = path.join(dir, SEED_004);
      const uri = await session.open(file);
      const edit = await session.request<ArticleDateEdit | null>(Methods.articleDateEdit, { uri, date: '2017-09-13' });
      assert.ok(edit);
      assert.equal(edit.previous, '2017-09-12');
      assert.equal(edit.previousSource, 'dateline');
      assert.equal(edit.edits.length, 1);
      assert.equal(edit.edits[0]!.newText, '13/09/2017');
      assert.equal(textAt(uri, edit.edits[0]!.range), '12/09/2017');
      const same = await session.request<ArticleDateEdit | null>(Methods.articleDateEdit, { uri, date: '2017-09-12' });
      assert.deepEqual(same?.edits, []);
      const invalid = await session.request<ArticleDateEdit | null>(Methods.articleDateEdit, { uri, date: '2017-02-30' });
      assert.equal(invalid, null);
      await session.close(uri);
    });
  });

  describe('re-indexing', function () {
    it('indexes the workspace again from disk and answers with the status', async function () {
      const status = await session.request<StatusParams>(Methods.reindex, {});
      assert.equal(status.articles, 5);
      assert.equal(status.indexing, undefined);
      assert.ok(session.logs.filter((line) => /indexed \d+ articles/.test(line)).length >= 2, 'no second indexing in the log');
    });
  });
});
