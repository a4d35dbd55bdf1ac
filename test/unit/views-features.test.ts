// The pure modules behind the views' requests: entities by kind and filter, facts grouped by what they count with
// findings marked, the timeline's dates, the fact sheet, the sentence cut for a date or figure, and the article-date
// edit (each style of dateline, front matter, and the fallback when a style cannot be read back).
import { strict as assert } from 'node:assert';
import { analyze } from '../../server/src/analysis/analyze';
import type { RatedFinding } from '../../server/src/checks/types';
import { articleDateEdit, inStyleOf, readArticleDate } from '../../server/src/features/articleDate';
import { entityDetail, listEntities } from '../../server/src/features/entitiesView';
import { articleFactSheet, cell, workspaceFactSheet } from '../../server/src/features/factSheet';
import { buildFacts, withSentences } from '../../server/src/features/factsView';
import { buildTimeline } from '../../server/src/features/timelineView';
import { ArticleText, MAX_SENTENCE_CHARS } from '../../server/src/features/viewText';
import { FACT_SHEET_MARKER } from '../../server/src/protocol';
import { WorkspaceIndex } from '../../server/src/workspace/index';
import { summarize } from '../../server/src/workspace/summary';
import { DEFAULT_CONFIG } from '../../server/src/workspace/config';
import { indexOf, mentionsIn, type Gazetteer } from './workspace-fixtures';

const NAMES: Gazetteer = [
  ['Hmeimim', 'place'],
  ['Khmeimim', 'place'],
  ['Syria', 'place'],
  ['Russia', 'place'],
  ['Sergei Lavrov', 'person'],
  ['Lavrov', 'person'],
];

const ARTICLES: Record<string, string> = {
  'file:///w/a.txt': 'Bases in Syria\n\nNovember 6, 2017\n\nSome 4,300 Russian military are deployed in Syria, the ministry said on Monday. Sergei Lavrov visited Hmeimim.\n',
  'file:///w/b.txt': 'Kremlin briefing\n\nNovember 6, 2017\n\nThe Kremlin said 5,000 Russian troops are stationed in Syria. Lavrov flew to Khmeimim.\n',
  'file:///w/c.txt': 'Undated note\n\nRussia sent 12 jets to Syria last Friday.\n',
};

const display = (uri: string) => uri.replace(/^.*\//, '');

/** The base under its two spellings is one entity (an alias, so the test does not depend on the spelling rules). */
const CONFIG = { ...DEFAULT_CONFIG, aliases: [{ canonical: 'Hmeimim', names: ['Hmeimim', 'Khmeimim'] }] };

/** A cross-file finding on a figure of an article, as the check would make it. */
function findingOn(index: WorkspaceIndex, uri: string, figureText: string, other: string): RatedFinding {
  const summary = index.get(uri)!;
  const figure = summary.figures.find((f) => f.text === figureText)!;
  const otherFigure = index.get(other)!.figures[0]!;
  return {
    check: 'cross-file-figure',
    severity: 'warning',
    uri,
    at: figure,
    text: figure.text,
    message: `${figure.text} here; ${otherFigure.text} in ${display(other)}`,
    related: [{ uri: other, at: otherFigure, message: `${otherFigure.text} in ${display(other)}` }],
    fixes: [],
  };
}

describe('views: entities', function () {
  const index = indexOf(ARTICLES, NAMES, CONFIG);

  it('lists entities by kind, most mentioned first, with their spellings', function () {
    const result = listEntities(index);
    assert.deepEqual(result.entities.map((e) => e.kind), ['person', 'place', 'place', 'place']);
    assert.equal(result.totals.place, 3);
    const base = result.entities.find((e) => e.spellings.some((s) => s.text === 'Khmeimim'));
    assert.ok(base);
    assert.deepEqual(base.spellings.map((s) => s.text).sort(), ['Hmeimim', 'Khmeimim']);
    assert.equal(base.articles, 2);
    const syria = result.entities.find((e) => e.name === 'Syria')!;
    assert.equal(syria.mentions, 4);
    assert.equal(result.entities[1]!.name, 'Syria', 'places are not most mentioned first');
  });

  it('filters by any spelling, within one article, and limits each kind', function () {
    assert.deepEqual(listEntities(index, { filter: 'khmei' }).entities.map((e) => e.spellings.map((s) => s.text).sort().join('/')), ['Hmeimim/Khmeimim']);
    assert.deepEqual(listEntities(index, { uri: 'file:///w/c.txt' }).entities.map((e) => e.name).sort(), ['Russia', 'Syria']);
    assert.deepEqual(listEntities(index, { uri: 'file:///w/c.txt', filter: 'Lavrov' }).entities, []);
    const limited = listEntities(index, { limitPerKind: 1 });
    assert.equal(limited.entities.filter((e) => e.kind === 'place').length, 1);
    assert.equal(limited.totals.place, 3);
  });

  it('details an entity article by article with line snippets read from the text', function () {
    const cluster = index.clusters().find((c) => c.canonical === 'Sergei Lavrov')!;
    const texts = new Map(Object.entries(ARTICLES).map(([uri, text]) => [uri, new ArticleText(text, false)]));
    const detail = entityDetail({ index, cluster, displayPath: display, textOf: (uri) => texts.get(uri) });
    assert.deepEqual(detail.articles.map((a) => [a.path, a.date, a.mentions.map((m) => m.text)]), [
      ['a.txt', '2017-11-06', ['Sergei Lavrov']],
      ['b.txt', '2017-11-06', ['Lavrov']],
    ]);
    assert.match(detail.articles[1]!.mentions[0]!.snippet!, /Lavrov flew to Khmeimim/);
    // a text that no longer holds the name at that place gives no snippet from it
    const changed = entityDetail({ index, cluster, displayPath: display, textOf: () => new ArticleText('something else entirely', false) });
    assert.ok(changed.articles.every((a) => a.mentions.every((m) => !m.snippet || m.snippet.includes(m.text))));
  });
});

describe('views: facts', function () {
  const index = indexOf(ARTICLES, NAMES, CONFIG);
  const findings = new Map([
    ['file:///w/a.txt', [findingOn(index, 'file:///w/a.txt', 'Some 4,300', 'file:///w/b.txt')]],
    ['file:///w/b.txt', [findingOn(index, 'file:///w/b.txt', '5,000', 'file:///w/a.txt')]],
  ]);

  it('groups claims by their key across articles, conflicting group first, the finding on each figure', function () {
    const facts = buildFacts({ index, findings, displayPath: display });
    const [first] = facts.groups;
    assert.ok(first);
    assert.equal(first.compared, true);
    assert.equal(first.conflicts, 2);
    assert.deepEqual(first.claims.map((c) => `${c.figure}@${c.path}`), ['Some 4,300@a.txt', '5,000@b.txt']);
    assert.equal(first.claims[0]!.conflict?.message, 'Some 4,300 here; 5,000 in b.txt');
    assert.equal(first.claims[0]!.when, '2017-11-06');
    assert.equal(facts.conflicts.length, 2);
    assert.equal(facts.conflicts[0]!.related[0]!.path, 'b.txt');
  });

  it('narrows to one article and filters; adds sentences that still hold the figure', function () {
    const only = buildFacts({ index, findings, displayPath: display, params: { uri: 'file:///w/b.txt' } });
    assert.ok(only.groups.every((g) => g.claims.some((c) => c.uri === 'file:///w/b.txt')));
    assert.deepEqual(only.conflicts.map((c) => c.path), ['b.txt']);
    assert.equal(buildFacts({ index, findings, displayPath: display, params: { filter: 'nothing like this' } }).groups.length, 0);
    const texts = new Map(Object.entries(ARTICLES).map(([uri, text]) => [uri, new ArticleText(text, false)]));
    const withText = withSentences(only, (uri) => texts.get(uri));
    const claim = withText.groups[0]!.claims.find((c) => c.path === 'b.txt')!;
    assert.equal(claim.sentence, 'The Kremlin said 5,000 Russian troops are stationed in Syria.');
  });

  it('limits the groups and says how many there were', function () {
    const facts = buildFacts({ index, findings, displayPath: display, params: { limit: 1 } });
    assert.equal(facts.groups.length, 1);
    assert.ok(facts.totalGroups > 1);
  });
});

describe('views: timeline', function () {
  const index = indexOf(ARTICLES, NAMES, CONFIG);

  it('lists resolved dates earliest first, the article dates, and the unresolved ones per article', function () {
    const timeline = buildTimeline(index, display);
    assert.ok(timeline.items.every((item, i) => i === 0 || timeline.items[i - 1]!.firstDay <= item.firstDay));
    const monday = timeline.items.find((item) => item.text === 'on Monday');
    assert.equal(monday?.iso, '2017-11-06');
    assert.equal(monday?.relative, true);
    const c = timeline.articles.find((a) => a.path === 'c.txt');
    assert.deepEqual(c, { uri: 'file:///w/c.txt', path: 'c.txt', unresolved: 1 });
    assert.equal(timeline.articles[0]!.date, '2017-11-06');
    assert.equal(timeline.articles[0]!.day, Date.UTC(2017, 10, 6) / 86_400_000);
    const limited = buildTimeline(index, display, { limit: 1 });
    assert.equal(limited.items.length, 1);
    assert.equal(limited.total, timeline.total);
  });
});

describe('views: fact sheet', function () {
  const index = indexOf(ARTICLES, NAMES, CONFIG);
  const findings = new Map([['file:///w/a.txt', [findingOn(index, 'file:///w/a.txt', 'Some 4,300', 'file:///w/b.txt')]]]);

  it('quotes text literally in Markdown cells', function () {
    assert.equal(cell('a | b *c* [d](e) <f>\n g'), 'a \\| b \\*c\\* \\[d\\](e) \\<f\\> g');
    assert.equal(cell('003_kremlin_briefing.txt'), '003_kremlin_briefing.txt');
    assert.equal(cell('_lead'), '\\_lead');
  });

  it('gives an article its date, conflicts, entities, dates and figures', function () {
    const sheet = articleFactSheet({ index, findings, displayPath: display }, 'file:///w/a.txt')!;
    assert.equal(sheet.fileName, 'fact-sheet-a.md');
    const lines = sheet.markdown.split('\n');
    assert.deepEqual(lines.slice(0, 2), ['# Fact sheet: a.txt', FACT_SHEET_MARKER]);
    assert.ok(lines.includes('Article date: **2017-11-06**, from the dateline (“November 6, 2017”).'));
    assert.ok(lines.includes('- **warning** line 5: Some 4,300 here; 5,000 in b.txt (cross-file-figure) · see b.txt:5'), sheet.markdown);
    assert.ok(lines.some((line) => /^\| Sergei Lavrov \| person \| Sergei Lavrov \| 1 \| 2 mentions in 2 articles \|$/.test(line)), sheet.markdown);
    assert.ok(lines.some((line) => /^\| 5 \| on Monday \| 2017-11-06 \| /.test(line)), sheet.markdown);
    assert.ok(lines.some((line) => /^\| 5 \| Some 4,300 \| about 4,300 Russian military.* \| 5,000 in b\.txt \(2017-11-06\) \|$/.test(line)), sheet.markdown);
    assert.equal(articleFactSheet({ index, findings, displayPath: display }, 'file:///w/none.txt'), undefined);
  });

  it('summarises the workspace', function () {
    const sheet = workspaceFactSheet({ index, findings, displayPath: display, workspaceName: 'desk' });
    assert.match(sheet.markdown, /^# Fact sheet: desk$/m);
    assert.match(sheet.markdown, /^3 articles · 4 entities · \d+ dates · \d+ figures · 1 conflict$/m);
    assert.match(sheet.markdown, /^\| c\.txt \| none \| 2 \| 1 \| \d+ \| 0 \|$/m);
    assert.match(sheet.markdown, /^### c\.txt \(no article date\)\n\n- line 3: “last Friday” = unresolved$/m);
  });
});

describe('views: sentences around a date or figure', function () {
  it('cuts the sentence the span is in', function () {
    const text = new ArticleText('First sentence here. Lt. Gen. Alexander Lapin said 85 percent was taken. Another one.', false);
    const at = text.text.indexOf('85 percent');
    assert.equal(text.sentenceAround({ start: at, end: at + 10 }), 'Lt. Gen. Alexander Lapin said 85 percent was taken.');
  });

  it('stays short on a 200,000-character line, keeping the span in view', function () {
    const filler = 'word '.repeat(40_000);
    const text = new ArticleText(`${filler}the toll rose to 42 ${filler}`, false);
    const at = text.text.indexOf('42');
    const sentence = text.sentenceAround({ start: at, end: at + 2 });
    assert.ok(sentence.length <= MAX_SENTENCE_CHARS + 2, `${sentence.length} characters`);
    assert.ok(sentence.includes('42'), sentence);
  });

  it('reads Markdown as the analysis does (markup blanked out)', function () {
    const text = new ArticleText('---\ndate: 2024-12-17\n---\n\nThe **Kremlin** said [on Monday](https://example.com) that talks go on.\n', true);
    const at = text.text.indexOf('on Monday');
    assert.equal(text.sentenceAround({ start: at, end: at + 9 }), 'The Kremlin said on Monday that talks go on.');
  });
});

describe('views: setting the article’s date', function () {
  it('writes the new date in the style of the old dateline', function () {
    const day = { year: 2024, month: 12, day: 16 };
    const base = { iso: '2017-09-12', date: { year: 2017, month: 9, day: 12 } };
    assert.equal(inStyleOf({ ...base, source: 'dateline', text: '12/09/2017', numericOrder: 'day-first' }, day), '16/12/2024');
    assert.equal(inStyleOf({ ...base, source: 'dateline', text: '09/12/2017', numericOrder: 'month-first' }, day), '12/16/2024');
    assert.equal(inStyleOf({ ...base, source: 'dateline', text: '12.9.17', numericOrder: 'day-first' }, day), '16.12.24');
    assert.equal(inStyleOf({ ...base, source: 'dateline', text: 'September 12, 2017' }, day), 'December 16, 2024');
    assert.equal(inStyleOf({ ...base, source: 'dateline', text: '12 September 2017' }, day), '16 December 2024');
    assert.equal(inStyleOf({ ...base, source: 'dateline', text: 'Tuesday, 12 September 2017' }, day), 'Monday, 16 December 2024');
    assert.equal(inStyleOf({ ...base, source: 'front-matter', text: '2017-09-12' }, day), '2024-12-16');
  });

  it('adds a dateline to a plain article without one, keeping its line ends', function () {
    const text = 'Headline\r\n\r\nRussia said on Monday that talks go on.\r\n';
    const edit = articleDateEdit({ text, options: {}, date: '2024-12-17' })!;
    assert.deepEqual(edit.edits, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: 'December 17, 2024\r\n\r\n' }]);
    const edited = edit.edits[0]!.newText + text;
    assert.equal(readArticleDate(edited, {})?.iso, '2024-12-17');
    assert.equal(analyze(edited).dates.find((d) => d.text === 'on Monday')?.value?.iso, '2024-12-16');
  });

  it('rewrites a "last modified" line in place', function () {
    // further down than a dateline can be: a "last modified" line
    const sentence = 'Russia said on Monday that talks go on, and that no decision had been made about the bases in the country, officials said. ';
    const body = `${sentence.repeat(3)}\n\n`.repeat(4);
    const text = `Talks\n\n${body}This post was last modified on December 17, 2024 1:03 pm\n`;
    const edit = articleDateEdit({ text, options: {}, date: '2024-12-20' })!;
    assert.equal(edit.previousSource, 'last-modified');
    assert.equal(edit.edits[0]!.newText, 'December 20, 2024');
    assert.equal(text.split('\n')[edit.edits[0]!.range.start.line]!.slice(edit.edits[0]!.range.start.character, edit.edits[0]!.range.end.character), 'December 17, 2024');
  });

  it('refuses an impossible date and says when nothing needs changing', function () {
    const text = 'Headline\n\nDecember 17, 2024\n\nBody.\n';
    assert.equal(articleDateEdit({ text, options: {}, date: '2024-02-30' }), undefined);
    assert.equal(articleDateEdit({ text, options: {}, date: 'tomorrow' }), undefined);
    assert.deepEqual(articleDateEdit({ text, options: {}, date: '2024-12-17' })?.edits, []);
  });

  it('ignores the default-date setting: the article needs a date of its own', function () {
    const text = 'Headline\n\nRussia said on Monday that talks go on.\n';
    const edit = articleDateEdit({ text, options: { defaultArticleDate: '2024-12-17' }, date: '2024-12-17' })!;
    assert.equal(edit.edits.length, 1);
    assert.equal(edit.previous, undefined);
  });
});

describe('views: the index holds what summarize gives (sanity)', function () {
  it('a summary keeps the mentions the fixture names', function () {
    const text = ARTICLES['file:///w/a.txt']!;
    const summary = summarize({ ...analyze(text), entities: mentionsIn(text, NAMES) });
    assert.deepEqual(summary.entities.map((e) => e.text), ['Syria', 'Syria', 'Sergei Lavrov', 'Hmeimim']);
  });
});
