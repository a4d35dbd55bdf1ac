// The cross-file entity hover as Markdown: name, spellings, links to exact lines, snippets, ambiguity, escaping.
import { strict as assert } from 'node:assert';
import { analyze } from '../../server/src/analysis/analyze';
import { describeCluster, escapeMarkdown, HOVER_ARTICLE_LIMIT, lineLink } from '../../server/src/features/entityHover';
import { ArticleText } from '../../server/src/features/viewText';
import { indexOf, mentionsIn, summaryOf, type Gazetteer } from './workspace-fixtures';

const NAMES: Gazetteer = [['Hmeimim', 'place'], ['Khmeimim', 'place'], ['Latakia', 'place'], ['Syria', 'place'], ['Bogdanov', 'person'], ['Mikhail Bogdanov', 'person'], ['Ivan Bogdanov', 'person']];
const displayPath = (uri: string) => uri.slice(uri.lastIndexOf('/') + 1);

function hoverAt(index: ReturnType<typeof indexOf>, uri: string, text: string, needle: string, texts: Record<string, string> = {}): string {
  const found = index.clusterAt(uri, text.indexOf(needle))!;
  const analysis = { ...analyze(text), entities: mentionsIn(text, NAMES) };
  // summaries keep no snippets: the hover cuts them from the other articles' texts
  const textOf = (other: string) => (texts[other] === undefined ? undefined : new ArticleText(texts[other]!, false));
  return describeCluster({ ref: found.ref, cluster: found.cluster, analysis, displayPath, textOf });
}

describe('entity hover', function () {
  it('names the entity, its spellings with counts, and links each other article at the line of its first mention', function () {
    const texts = {
      'file:///ws/a.txt': 'Jets flew from Khmeimim near Latakia, Syria, on 8 December 2024.',
      'file:///ws/b.txt': 'Headline\n\nRussia uses Hmeimim, near Latakia in Syria.\nHmeimim again.',
    };
    const index = indexOf(texts, NAMES);
    const markdown = hoverAt(index, 'file:///ws/a.txt', texts['file:///ws/a.txt'], 'Khmeimim', texts);
    assert.match(markdown, /^\*\*Place\*\* · \*\*Hmeimim\*\* \(written here “Khmeimim”\)/);
    assert.match(markdown, /Spellings: Hmeimim \(2\) · Khmeimim \(1\)/);
    assert.match(markdown, /3 mentions in 2 articles · 1 in this one/);
    assert.ok(markdown.includes(`[b.txt:3](${lineLink('file:///ws/b.txt', 2)}) (2×) — Russia uses **Hmeimim**, near Latakia in Syria.`), markdown);
    assert.equal(lineLink('file:///ws/b.txt', 2), 'file:///ws/b.txt#L3');
    assert.match(markdown, /In this sentence: “(on )?8 December 2024” = 2024-12-08/);
  });

  it('says why a bare surname is not linked', function () {
    const texts = {
      'file:///ws/a.txt': 'Mikhail Bogdanov met Ivan Bogdanov.',
      'file:///ws/b.txt': 'Bogdanov said so.',
    };
    const index = indexOf(texts, NAMES);
    const markdown = hoverAt(index, 'file:///ws/b.txt', texts['file:///ws/b.txt'], 'Bogdanov');
    assert.match(markdown, /Not linked: the workspace names “Ivan Bogdanov” and “Mikhail Bogdanov”, and this article does not say which/);
  });

  it('reads another article for its snippet once, and again once that article is indexed again', function () {
    const texts: Record<string, string> = {
      'file:///ws/a.txt': 'Jets flew from Khmeimim near Latakia, Syria.',
      'file:///ws/b.txt': 'Russia uses Hmeimim, near Latakia in Syria.',
    };
    const index = indexOf(texts, NAMES);
    const reads: string[] = [];
    const hover = () => {
      const text = texts['file:///ws/a.txt']!;
      const found = index.clusterAt('file:///ws/a.txt', text.indexOf('Khmeimim'))!;
      const textOf = (uri: string) => (reads.push(uri), texts[uri] === undefined ? undefined : new ArticleText(texts[uri]!, false));
      return describeCluster({ ref: found.ref, cluster: found.cluster, displayPath, textOf });
    };
    const first = hover();
    assert.ok(first.includes('Russia uses **Hmeimim**'), first);
    assert.equal(hover(), first);
    assert.deepEqual(reads, ['file:///ws/b.txt']);
    // b.txt changes and is indexed again: its snippet is cut from the new text
    texts['file:///ws/b.txt'] = 'Moscow keeps Hmeimim, near Latakia in Syria.';
    index.set('file:///ws/b.txt', summaryOf(texts['file:///ws/b.txt'], NAMES));
    index.flush();
    const after = hover();
    assert.ok(after.includes('Moscow keeps **Hmeimim**'), after);
    assert.deepEqual(reads, ['file:///ws/b.txt', 'file:///ws/b.txt']);
  });

  it('lists at most a few articles, then says how many more', function () {
    const texts: Record<string, string> = {};
    for (let i = 0; i < HOVER_ARTICLE_LIMIT + 3; i++) texts[`file:///ws/${i}.txt`] = 'Hmeimim near Latakia, Syria.';
    const index = indexOf(texts, NAMES);
    const markdown = hoverAt(index, 'file:///ws/0.txt', texts['file:///ws/0.txt']!, 'Hmeimim');
    assert.equal((markdown.match(/^- \[/gm) ?? []).length, HOVER_ARTICLE_LIMIT);
    assert.match(markdown, /and 2 more articles/);
  });

  it('escapes Markdown in names and snippets', function () {
    assert.equal(escapeMarkdown('*bold* [x](y) <b> #1 _a_'), '\\*bold\\* \\[x\\]\\(y\\) \\<b\\> \\#1 \\_a\\_');
  });
});
