// The timeline's data: every resolved date of the workspace (or of one article), with the article it is in and, once
// the text is read, the sentence it is said in. Unresolved dates are counted per article, so the timeline can say
// which articles need a date of their own.
import type { WorkspaceIndex } from '../workspace/index';
import type { ArticleSummary } from '../workspace/summary';
import type { TimelineArticle, TimelineItem, TimelineParams, TimelineResult } from '../protocol';
import { rangeOf, type DisplayPath } from './ranges';
import { sentenceAt } from './factsView';
import type { ArticleText } from './viewText';

export const DEFAULT_TIMELINE_LIMIT = 5000;

function dayOf(summary: ArticleSummary): number | undefined {
  const date = summary.articleDate?.date;
  if (!date || date.month === undefined || date.day === undefined) return undefined;
  return Math.round(Date.UTC(date.year, date.month - 1, date.day) / 86_400_000);
}

export function buildTimeline(index: WorkspaceIndex, displayPath: DisplayPath, params: TimelineParams = {}): TimelineResult {
  const limit = Math.max(1, params.limit ?? DEFAULT_TIMELINE_LIMIT);
  const uris = params.uri ? (index.has(params.uri) ? [params.uri] : []) : index.uris();
  const items: TimelineItem[] = [];
  const articles: TimelineArticle[] = [];
  let total = 0;
  for (const uri of uris) {
    const summary = index.get(uri);
    if (!summary) continue;
    let unresolved = 0;
    for (const date of summary.dates) {
      if (!date.value) {
        unresolved++;
        continue;
      }
      total++;
      if (items.length >= limit) continue;
      items.push({
        uri,
        range: rangeOf(date),
        text: date.text,
        iso: date.value.iso,
        precision: date.value.precision,
        firstDay: date.value.firstDay,
        lastDay: date.value.lastDay,
        relative: date.kind === 'relative',
        ...(date.approximate ? { approximate: true } : {}),
        explanation: date.explanation,
      });
    }
    const day = dayOf(summary);
    if (summary.dates.length === 0 && day === undefined) continue;
    const articleDate = summary.articleDate;
    articles.push({
      uri,
      path: displayPath(uri),
      ...(articleDate ? { date: articleDate.iso, dateSource: articleDate.source } : {}),
      ...(day !== undefined ? { day } : {}),
      unresolved,
    });
  }
  articles.sort((a, b) => (a.day ?? Infinity) - (b.day ?? Infinity) || a.path.localeCompare(b.path));
  items.sort((a, b) => a.firstDay - b.firstDay || a.lastDay - b.lastDay || (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  return { items, articles, total };
}

/** The result with each date's sentence, where the article's text could be read and still holds the date. */
export function withTimelineSentences(result: TimelineResult, textOf: (uri: string) => ArticleText | undefined): TimelineResult {
  return {
    ...result,
    items: result.items.map((item) => {
      const sentence = sentenceAt(textOf(item.uri), item.range, item.text);
      return sentence ? { ...item, sentence } : item;
    }),
  };
}
