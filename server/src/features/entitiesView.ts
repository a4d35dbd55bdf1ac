// The Entities view's data: the workspace's entities (or one article's) grouped by kind, filtered by any spelling,
// and one entity's mentions article by article. Thin over the workspace index; no LSP types beyond the shared protocol.
import type { ClusterView, MentionRef, WorkspaceIndex } from '../workspace/index';
import { ENTITY_KINDS, type EntitiesParams, type EntitiesResult, type EntityDetail, type EntityItem, type EntityKind, type MentionItem } from '../protocol';
import { rangeOf, type DisplayPath } from './ranges';
import type { ArticleText } from './viewText';

export const DEFAULT_LIMIT_PER_KIND = 500;
/** Articles listed under one entity (the most mentioned entities appear in thousands of articles). */
export const MAX_DETAIL_ARTICLES = 200;
/** How many clusters a filter looks at, at most. */
const MAX_SEARCH_HITS = 5000;

export function entityItem(cluster: ClusterView): EntityItem {
  return {
    id: cluster.id,
    kind: cluster.type,
    name: cluster.canonical,
    spellings: cluster.spellings.map((s) => ({ text: s.text, mentions: s.mentions, articles: s.articles })),
    articles: cluster.articles.length,
    mentions: cluster.mentionCount,
    ...(cluster.ambiguousWith ? { ambiguousWith: [...cluster.ambiguousWith] } : {}),
  };
}

/** The entities matching the params, by kind, most mentioned first. */
export function listEntities(index: WorkspaceIndex, params: EntitiesParams = {}): EntitiesResult {
  const limit = Math.max(1, params.limitPerKind ?? DEFAULT_LIMIT_PER_KIND);
  const filter = params.filter?.trim() ?? '';
  let clusters: ClusterView[];
  if (filter) {
    clusters = index.search(filter, MAX_SEARCH_HITS).map((hit) => hit.cluster);
  } else if (params.uri) {
    clusters = index.clustersIn(params.uri).map((entry) => entry.cluster);
  } else {
    clusters = index.clusters();
  }
  if (params.uri && filter) {
    const here = new Set(index.clustersIn(params.uri).map((entry) => entry.cluster.id));
    clusters = clusters.filter((cluster) => here.has(cluster.id));
  }
  const totals: Record<EntityKind, number> = { person: 0, organization: 0, place: 0, group: 0 };
  const byKind = new Map<EntityKind, ClusterView[]>(ENTITY_KINDS.map((kind) => [kind, []]));
  for (const cluster of clusters) {
    if (cluster.mentionCount === 0) continue;
    totals[cluster.type]++;
    byKind.get(cluster.type)!.push(cluster);
  }
  const entities: EntityItem[] = [];
  for (const kind of ENTITY_KINDS) {
    const list = byKind.get(kind)!.sort((a, b) => b.mentionCount - a.mentionCount || b.articles.length - a.articles.length || compare(a.canonical, b.canonical));
    for (const cluster of list.slice(0, limit)) entities.push(entityItem(cluster));
  }
  return { entities, totals };
}

function compare(a: string, b: string): number {
  return a.localeCompare(b, 'en', { sensitivity: 'base' });
}

export interface DetailInput {
  readonly index: WorkspaceIndex;
  readonly cluster: ClusterView;
  readonly displayPath: DisplayPath;
  /** The text of an article, when it can be read (for snippets). */
  readonly textOf?: (uri: string) => ArticleText | undefined;
  /** The mention the request pointed at. */
  readonly at?: MentionRef;
}

/** The articles whose mentions an entity's detail lists (the first MAX_DETAIL_ARTICLES, in definition order). */
export function detailArticles(cluster: ClusterView): readonly string[] {
  return cluster.articles.slice(0, MAX_DETAIL_ARTICLES).map((article) => article.uri);
}

/** One entity with its mentions, article by article (dated articles by date first). */
export function entityDetail({ cluster, displayPath, textOf, at }: DetailInput): EntityDetail {
  const mentionItem = (ref: MentionRef): MentionItem => {
    const text = textOf?.(ref.uri);
    const snippet = text && text.holds(ref.mention, ref.mention.text) ? text.lineAround(ref.mention) : ref.mention.snippet?.trim();
    return { range: rangeOf(ref.mention), text: ref.mention.text, ...(snippet ? { snippet } : {}) };
  };
  const articles = cluster.articles.slice(0, MAX_DETAIL_ARTICLES).map((article) => ({
    uri: article.uri,
    path: displayPath(article.uri),
    ...(article.date ? { date: article.date } : {}),
    mentions: article.mentions.map(mentionItem),
  }));
  const omitted = cluster.articles.length - articles.length;
  return {
    entity: entityItem(cluster),
    articles,
    ...(omitted > 0 ? { omittedArticles: omitted } : {}),
    ...(at ? { at: { uri: at.uri, ...mentionItem(at) } } : {}),
  };
}
