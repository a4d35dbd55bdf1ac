// Hover on an entity: what it is, every spelling seen, and the other articles that mention it, each a link to the
// exact line with a snippet; the dates and figures in the same sentence when the article is open.
import type { ArticleAnalysis } from '../analysis/types';
import type { ArticleMentions, ClusterView, MentionRef } from '../workspace/index';
import { snippetAround, type MentionSummary } from '../workspace/summary';
import { figureSummary, entityTypeName } from './describe';
import type { DisplayPath } from './ranges';
import type { ArticleText } from './viewText';

/** How many other articles the hover lists before "and N more". */
export const HOVER_ARTICLE_LIMIT = 8;

/** Escapes text for Markdown (snippets and names are quoted, never interpreted). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-!<>|~]/g, (ch) => `\\${ch}`);
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Snippets cut from other articles' texts, by mention object (null: none could be cut). Every hover on an entity lists
 *  the same few articles, so after the first one a hover reads no file. An entry cannot outlive its text's analysis:
 *  an article indexed again gets new mention objects (a file changed on disk and not yet indexed again keeps the
 *  snippet of the text its links point into). */
let snippets = new WeakMap<MentionSummary, { snippet: string; at: number } | null>();
let snippetsCut = 0;
/** Cut snippets kept at most (a WeakMap has no size: it is started afresh after this many). */
const MAX_SNIPPETS = 4096;

function cutSnippet(ref: MentionRef, textOf?: (uri: string) => ArticleText | undefined): { snippet: string; at: number } | null {
  // no reader (a hover without texts): nothing to cut, nothing to remember
  if (!textOf) return null;
  const known = snippets.get(ref.mention);
  if (known !== undefined) return known;
  const text = textOf(ref.uri);
  const cut = text && text.holds(ref.mention, ref.mention.text) ? snippetAround(text.text, text.lines, ref.mention) : null;
  if (++snippetsCut > MAX_SNIPPETS) {
    snippets = new WeakMap();
    snippetsCut = 1;
  }
  snippets.set(ref.mention, cut);
  return cut;
}

/** `file:///...#L12`: the link VS Code opens at that (1-based) line. */
export function lineLink(uri: string, line: number): string {
  return `${uri}#L${line + 1}`;
}

/** The mention's line, cut around it, with the name in bold: from the summary when it carries one, else from the
 *  article's text (when it still holds the mention where the index has it). */
function snippetOf(ref: MentionRef, textOf?: (uri: string) => ArticleText | undefined): string | undefined {
  let { snippet, snippetAt } = ref.mention;
  if (snippet === undefined) {
    const cut = cutSnippet(ref, textOf);
    if (!cut) return undefined;
    ({ snippet, at: snippetAt } = cut);
  }
  if (!snippet || snippetAt === undefined) return undefined;
  const length = Math.min(ref.mention.end - ref.mention.start, snippet.length - snippetAt);
  const before = snippet.slice(0, snippetAt);
  const name = snippet.slice(snippetAt, snippetAt + length);
  const after = snippet.slice(snippetAt + length);
  return `${escapeMarkdown(before)}**${escapeMarkdown(name)}**${escapeMarkdown(after)}`;
}

export interface EntityHoverInput {
  readonly ref: MentionRef;
  readonly cluster: ClusterView;
  /** The hovered article's analysis, for the dates and figures of the mention's sentence. */
  readonly analysis?: ArticleAnalysis;
  readonly displayPath: DisplayPath;
  /** The text of another article, for the snippets of the links (summaries keep none). */
  readonly textOf?: (uri: string) => ArticleText | undefined;
}

export function describeCluster({ ref, cluster, analysis, displayPath, textOf }: EntityHoverInput): string {
  const lines: string[] = [];
  // (no copy of the list: "United States" is in 6,000 articles, and a hover shows eight)
  const hereEntry = cluster.articles.find((article) => article.uri === ref.uri);
  const here = hereEntry?.mentions.length ?? 0;
  const otherCount = cluster.articles.length - (hereEntry ? 1 : 0);
  const shown: ArticleMentions[] = [];
  for (const article of cluster.articles) {
    if (shown.length === HOVER_ARTICLE_LIMIT) break;
    if (article.uri !== ref.uri) shown.push(article);
  }
  const written = ref.mention.text.replace(/\s+/g, ' ');
  const title = cluster.canonical.toLowerCase() === written.toLowerCase() ? `**${escapeMarkdown(cluster.canonical)}**` : `**${escapeMarkdown(cluster.canonical)}** (written here “${escapeMarkdown(written)}”)`;
  lines.push(`**${entityTypeName(cluster.type)}** · ${title}`);
  if (ref.mention.title) lines.push('', `Title or role: ${escapeMarkdown(ref.mention.title)}`);
  if (cluster.ambiguousWith) {
    lines.push('', `Not linked: the workspace names ${cluster.ambiguousWith.map((name) => `“${escapeMarkdown(name)}”`).join(' and ')}, and this article does not say which.`);
  }
  if (cluster.spellings.length > 1 || cluster.spellings[0]?.text.toLowerCase() !== cluster.canonical.toLowerCase()) {
    const spellings = cluster.spellings.map((s) => `${escapeMarkdown(s.text)} (${s.mentions})`).join(' · ');
    lines.push('', `Spellings: ${spellings}`);
  }
  lines.push('', `${plural(cluster.mentionCount, 'mention')} in ${plural(cluster.articles.length, 'article')} · ${here} in this one`);
  if (otherCount > 0) {
    lines.push('', 'Also in:', '');
    for (const article of shown) {
      const first = article.mentions[0]!;
      const snippet = snippetOf(first, textOf);
      const count = article.mentions.length > 1 ? ` (${article.mentions.length}×)` : '';
      const date = article.date ? ` · ${article.date}` : '';
      const link = `[${escapeMarkdown(displayPath(article.uri))}:${first.mention.line + 1}](${lineLink(article.uri, first.mention.line)})`;
      lines.push(`- ${link}${date}${count}${snippet ? ` — ${snippet}` : ''}`);
    }
    if (otherCount > HOVER_ARTICLE_LIMIT) {
      lines.push(`- and ${plural(otherCount - HOVER_ARTICLE_LIMIT, 'more article')} (Find All References lists every mention)`);
    }
  }
  const nearby = analysis ? nearbyFacts(analysis, ref) : [];
  if (nearby.length > 0) lines.push('', `In this sentence: ${nearby.join(' · ')}`);
  return lines.join('\n');
}

/** Dates and figures in the mention's sentence, in plain words (at most four). */
function nearbyFacts(analysis: ArticleAnalysis, ref: MentionRef): string[] {
  const sentence = analysis.sentences.find((s) => s.start <= ref.mention.start && ref.mention.start < s.end);
  if (!sentence) return [];
  const facts: { at: number; text: string }[] = [];
  for (const date of analysis.dates) {
    if (date.start >= sentence.start && date.end <= sentence.end) {
      facts.push({ at: date.start, text: `“${escapeMarkdown(date.text)}” ${date.value ? `= ${date.value.iso}` : '(unresolved)'}` });
    }
  }
  for (const figure of analysis.figures) {
    if (figure.start >= sentence.start && figure.end <= sentence.end) {
      facts.push({ at: figure.start, text: `“${escapeMarkdown(figure.text)}” = ${escapeMarkdown(figureSummary(figure))}` });
    }
  }
  return facts
    .sort((a, b) => Math.abs(a.at - ref.mention.start) - Math.abs(b.at - ref.mention.start))
    .slice(0, 4)
    .sort((a, b) => a.at - b.at)
    .map((fact) => fact.text);
}
