// The workspace index: every article's summary, the name graph over all of them, and the queries the language
// features and the CLI ask (entity at an offset, its cluster, the cluster's mentions in every file, search by any
// spelling). No LSP, no VS Code, no file system: articles come in as summaries keyed by URI.
//
// Updates are cheap and lazy: `set` and `delete` touch only that article's names; clustering runs on the next query
// (or `flush`), over only the region of the name graph the changes can reach, and then a change event fires.
import { isDeepStrictEqual } from 'node:util';
import type { EntityType } from '../analysis/types';
import { DEFAULT_CONFIG, type WorkspaceConfig } from './config';
import { DEFAULT_ALIASES } from './defaultAliases';
import { EDGE_NAMES, isOrganisationShortForm, isShortFormOf, NameGraph, type NameNode, type Reclustered } from './graph';
import { foldDiacritics, nameForm, phoneticToken, typeClassOf } from './names';
import type { ArticleSummary, MentionSummary } from './summary';
import { finish, nextTurn, runInSlices, TimeSlices } from './turns';
import { ViewTally, type Spelling } from './viewTally';

export { SUMMARY_VERSION, summarize, type ArticleSummary, type MentionSummary } from './summary';

/** One mention, where it is. */
export interface MentionRef {
  readonly uri: string;
  /** Index in the article summary's `entities`. */
  readonly index: number;
  readonly mention: MentionSummary;
}

/** One spelling of a cluster's name (the core as written: "Hmeimim" for "Hmeimim Air Base"). */
export type { Spelling } from './viewTally';

export interface ArticleMentions {
  readonly uri: string;
  /** The article's own date (ISO), if it has one. */
  readonly date?: string;
  /** Sorted by position. */
  readonly mentions: readonly MentionRef[];
}

export interface ClusterView {
  readonly id: number;
  /** The type most of its mentions were tagged with. */
  readonly type: EntityType;
  readonly canonical: string;
  /** Most mentioned first. */
  readonly spellings: readonly Spelling[];
  readonly mentionCount: number;
  /** Articles in "definition" order: dated articles by date, then undated ones, each group by URI. */
  readonly articles: readonly ArticleMentions[];
  /** For a short name that fits several full names in the workspace ("Assad" with both Bashar and Hafez): those. */
  readonly ambiguousWith?: readonly string[];
}

export interface IndexChange {
  /** Articles added, changed or removed since the last event. */
  readonly uris: readonly string[];
  readonly removedClusters: readonly number[];
  readonly createdClusters: readonly number[];
  /** Of the created clusters, those whose names differ from every cluster before (merged, split, new names). */
  readonly reshapedClusters: readonly number[];
}

export interface SearchHit {
  readonly cluster: ClusterView;
  /** The spelling that matched the query (the canonical name for an empty query). */
  readonly spelling: string;
  readonly score: number;
}

/** What the index keeps per article beside its summary; kept small, since there may be tens of thousands. */
interface Article {
  readonly id: number;
  readonly uri: string;
  readonly summary: ArticleSummary;
  /** The article's distinct names, in order of first mention. */
  readonly nodes: readonly NameNode[];
  /** For each mention, its name's index in `nodes` (-1 for a mention with no letters). A plain array of small
   *  integers: a typed array of more than 64 bytes would keep a buffer outside the heap for each of 22,000 articles. */
  readonly nodeOf: readonly number[];
  /** Local resolutions: a short form, acronym or "X regime" this article itself spells out (absent when none). */
  overrides?: Map<NameNode, NameNode>;
  /** Mention indices sorted by start, only when the summary's order is not already that. */
  readonly order?: readonly number[];
  /** Definition keys it contributed (short, long, long phonetic). */
  readonly definitions?: readonly (readonly [string, string, string])[];
  readonly sortKey: string;
  /** Position in "definition order" among all articles (see `ranked`); -1 until ranked. */
  rank: number;
}

function nodeAt(article: Article, mention: number): NameNode | undefined {
  const i = article.nodeOf[mention];
  return i === undefined || i < 0 ? undefined : article.nodes[i];
}

export interface WarmViewsOptions {
  /** How many views at most (default 300). */
  readonly limit?: number;
  /** The slices' length (ms, default 10). */
  readonly sliceMs?: number;
  /** Entities with fewer mentions are left to be built when asked for (default 50). */
  readonly minMentions?: number;
  /** Articles whose entities go first (those open in the editor). */
  readonly first?: readonly string[];
}

interface CachedView {
  readonly view: ClusterView;
  readonly nodes: readonly NameNode[];
  /** The counts behind `view` (updated in place when the view is carried over and patched). */
  readonly tally: ViewTally;
  /** Articles changed since `view` was made (its id may be an earlier cluster's, of the same names). */
  readonly stale?: ReadonlySet<string>;
}

/** An article's entry in a cluster view. It keeps the mentions' indices and makes their MentionRef list each time it
 *  is asked for: the views warmed after an index would otherwise keep some 600,000 of those objects at 10x the BBC
 *  corpus (30 MB), while a hover reads a few articles' lists and references read them once. */
class ViewEntry implements ArticleMentions {
  constructor(
    readonly uri: string,
    readonly date: string | undefined,
    private readonly entities: readonly MentionSummary[],
    private readonly indices: readonly number[],
  ) {}

  get mentions(): MentionRef[] {
    return this.indices.map((index) => ({ uri: this.uri, index, mention: this.entities[index]! }));
  }
}

function articleMentions(article: Article, indices: readonly number[]): ViewEntry {
  return new ViewEntry(article.uri, article.summary.articleDate?.iso, article.summary.entities, indices);
}

/** An article's mentions of the names `inCluster`, directly or through a resolution of its own ("Bogdanov" after
 *  "Mikhail Bogdanov"): their indices, by position. Indices, not MentionRef objects: a view of "United States" at
 *  22,000 articles made 15,000 of those only to keep their indices. */
function mentionsOfCluster(article: Article, inCluster: ReadonlySet<NameNode>): number[] {
  const { nodes, nodeOf, overrides } = article;
  const member = new Uint8Array(nodes.length);
  let any = false;
  for (let slot = 0; slot < nodes.length; slot++) {
    const node = nodes[slot]!;
    if (inCluster.has(overrides?.get(node) ?? node)) member[slot] = 1;
    any ||= member[slot] === 1;
  }
  const indices: number[] = [];
  if (!any) return indices;
  for (let index = 0; index < nodeOf.length; index++) {
    const slot = nodeOf[index]!;
    if (slot >= 0 && member[slot] === 1) indices.push(index);
  }
  // in index order, which is position order unless the summary's mentions are not (then `order` is kept)
  if (article.order && indices.length > 1) {
    const entities = article.summary.entities;
    indices.sort((x, y) => entities[x]!.start - entities[y]!.start);
  }
  return indices;
}

/** Definition order of articles: by date, then undated, each by URI (their sort keys). */
function inDefinitionOrder(a: Article, b: Article): number {
  return a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0;
}

/** Articles ranked per step of `rankSteps`: sorted runs of this many, and merges of about this many. */
const RANK_RUN = 2048;

/** Two runs in definition order merged into one, yielding every RANK_RUN articles. */
function* mergeSteps(a: readonly Article[], b: readonly Article[]): Generator<void, Article[]> {
  const out: Article[] = new Array<Article>(a.length + b.length);
  let i = 0;
  let j = 0;
  for (let k = 0; k < out.length; k++) {
    out[k] = j >= b.length || (i < a.length && inDefinitionOrder(a[i]!, b[j]!) <= 0) ? a[i++]! : b[j++]!;
    if (k % RANK_RUN === RANK_RUN - 1) yield;
  }
  return out;
}

/** Mention indices sorted by start, or undefined when the mentions are in that order already. */
function mentionOrder(entities: readonly MentionSummary[]): number[] | undefined {
  let sorted = true;
  for (let i = 1; i < entities.length && sorted; i++) sorted = entities[i - 1]!.start <= entities[i]!.start;
  return sorted ? undefined : [...entities.keys()].sort((a, b) => entities[a]!.start - entities[b]!.start);
}

/** An article's place in definition order: by date, undated last, then by URI. */
function sortKeyOf(uri: string, summary: ArticleSummary): string {
  return `${summary.articleDate?.iso ?? '\uffff'}\u0000${uri}`;
}

/** Whether two summaries of an article name the same things: the same mentions (text and type) in the same order,
 *  and the same definitions. The name graph holds nothing else of an article. */
function sameNames(a: ArticleSummary, b: ArticleSummary): boolean {
  if (a.entities.length !== b.entities.length || a.definitions.length !== b.definitions.length) return false;
  for (let i = 0; i < a.entities.length; i++) {
    const x = a.entities[i]!;
    const y = b.entities[i]!;
    if (x.text !== y.text || x.type !== y.type) return false;
  }
  for (let i = 0; i < a.definitions.length; i++) {
    const x = a.definitions[i]!;
    const y = b.definitions[i]!;
    if (x.short !== y.short || x.long !== y.long || x.type !== y.type) return false;
  }
  return true;
}

/** Mention indices in order of position. */
function inOrder(article: Article): readonly number[] {
  return article.order ?? article.summary.entities.map((_, i) => i);
}

type Listener = (change: IndexChange) => void;

/** Where each entity type is counted in a name's tally (after the mention count). */
const TYPE_SLOT: Readonly<Record<EntityType, number>> = { person: 0, organization: 1, place: 2, group: 3 };

interface ClusterLabel {
  readonly id: number;
  readonly canonical: string;
  readonly spellings: readonly string[];
  readonly folded: readonly string[];
  readonly mentionCount: number;
}

/** A re-clustering after more changed articles than this drops the views it touches instead of carrying them over. */
const MAX_CARRIED_CHANGES = 256;

/** A view ranks every article first (see viewSteps) when it has at least 1/RANK_WORTH_IT of them. */
const RANK_WORTH_IT = 8;

/** warmViews builds first, whatever the editor is doing, the views of clusters with at least one mention per this
 *  many articles (at 22,250 articles: a dozen, of 2,800 to 15,000 mentions, 10-90 ms to build each). */
const LARGE_VIEW_SHARE = 8;

/** How many cluster views stay cached (least recently used dropped first). */
const MAX_CACHED_VIEWS = 2000;

export class WorkspaceIndex {
  private readonly articles = new Map<string, Article>();
  private readonly articlesById = new Map<number, Article>();
  private nextArticleId = 1;
  private readonly graph: NameGraph;
  /** Target node -> the (article, source node) pairs locally resolved to it. */
  private readonly overridesInto = new Map<NameNode, Set<Article>>();
  /** Cached cluster views (least recently used first), with the names they were built from and, for a view carried
   *  over a re-clustering, the articles changed since it was built (worked in when it is next asked for). */
  private readonly views = new Map<number, CachedView>();
  /** One copy of each string the summaries repeat ("Russia", "the year as written", "percent"). */
  private readonly strings = new StringPool();
  private readonly labels = new Map<number, ClusterLabel>();
  private readonly listeners = new Set<Listener>();
  private changedUris = new Set<string>();
  private config: WorkspaceConfig = DEFAULT_CONFIG;
  private bulk = 0;
  /** Counts changes (articles set or deleted, clusters committed), so background work can tell it is stale. */
  private changeStamp = 0;
  /** Whether articles were added (or re-dated) since they were last ranked in definition order. */
  private rankStale = true;
  /** Scratch space of `set`/`removeArticle`: a name's slot in the article, by node id (valid where `slotMark`
   *  holds the current `slotEpoch`: no clearing, no hashing), and per slot [mentions, person, organization, place,
   *  group] counts (grown as needed). */
  private slotOfNode = new Int32Array(1024);
  private slotMark = new Int32Array(1024);
  private slotEpoch = 0;
  private scratchTally = new Int32Array(1024);

  /** Starts a new scratch epoch: every node's slot is unset again. */
  private newSlotEpoch(): number {
    if (++this.slotEpoch === 0x7fffffff) {
      this.slotMark.fill(0);
      this.slotEpoch = 1;
    }
    return this.slotEpoch;
  }

  /** Makes room in the slot arrays for node ids up to `id`. */
  private slotRoomFor(id: number): void {
    if (id < this.slotMark.length) return;
    const size = Math.max(id + 1, this.slotMark.length * 2);
    const marks = new Int32Array(size);
    marks.set(this.slotMark);
    this.slotMark = marks;
    const slots = new Int32Array(size);
    slots.set(this.slotOfNode);
    this.slotOfNode = slots;
  }

  /** The tally scratch array, with room for `slots` names. */
  private tallyFor(slots: number): Int32Array {
    if (this.scratchTally.length < slots * 5) this.scratchTally = new Int32Array(Math.max(slots * 5, this.scratchTally.length * 2));
    return this.scratchTally;
  }
  private pendingJob: Generator<void, Reclustered> | undefined;
  /** Articles whose entities' views are to be warmed (see warmViewsOf), and the job doing it. */
  private readonly warmQueue = new Set<string>();
  private warming: Promise<number[]> | undefined;

  constructor(config: WorkspaceConfig = DEFAULT_CONFIG) {
    this.graph = new NameGraph(
      (id) => this.articlesById.get(id)?.nodes ?? [],
      () => this.articles.size,
    );
    this.setConfig(config);
  }

  // ---- updates -------------------------------------------------------------------------------------------------

  setConfig(config: WorkspaceConfig): void {
    this.config = config;
    this.graph.setAliases(config.aliases, config.defaultAliases ? DEFAULT_ALIASES : [], config.distinct);
    this.views.clear();
    this.labels.clear();
  }

  /** One copy of each string: decode summaries against it (plainCodec) and `set` them with `interned: true`. */
  get stringPool(): Map<string, string> {
    return this.strings.pool;
  }

  get workspaceConfig(): WorkspaceConfig {
    return this.config;
  }

  /** Adds or replaces an article. The index keeps the summary (and shares its repeated strings: do not change it). */
  set(uri: string, summary: ArticleSummary, options: { interned?: boolean } = {}): void {
    const previous = this.articles.get(uri);
    // Opening an article in the editor analyses the text the index already has from disk: nothing changes, and the
    // clusters (and the views cached for hovers, which take milliseconds to rebuild for the largest) stay as they are.
    if (previous && isDeepStrictEqual(previous.summary, summary)) return;
    // summaries decoded against `stringPool` already share their strings
    if (!options.interned) this.strings.intern(summary);
    const article = previous && sameNames(previous.summary, summary) ? this.replaceKeepingNames(previous, summary) : this.addArticle(uri, summary);
    this.articles.set(uri, article);
    this.articlesById.set(article.id, article);
    this.changedUris.add(uri);
    this.changeStamp++;
    // an edit that keeps the article's date keeps its place in definition order; anything else re-ranks (lazily)
    if (previous && previous.sortKey === article.sortKey && previous.rank >= 0 && !this.rankStale) article.rank = previous.rank;
    else this.rankStale = true;
  }

  /** A new article's entry (after the one it replaces, if any, is removed): its names counted into the graph, which
   *  re-clusters them and everything they may link to at the next flush. */
  private addArticle(uri: string, summary: ArticleSummary): Article {
    this.removeArticle(uri);
    const id = this.nextArticleId++;
    const entities = summary.entities;
    const nodeOf: number[] = new Array<number>(entities.length).fill(-1);
    const nodes: NameNode[] = [];
    // each distinct name once: its slot in `nodes`, its mention count and types in scratch arrays (no allocation
    // per mention or per name: this runs for every article of a warm start)
    const epoch = this.newSlotEpoch();
    const tally = this.tallyFor(entities.length);
    for (let index = 0; index < entities.length; index++) {
      const mention = entities[index]!;
      const node = this.graph.nodeOfSurface(mention.text, typeClassOf(mention.type));
      if (!node) continue;
      this.slotRoomFor(node.id);
      let slot: number;
      if (this.slotMark[node.id] === epoch) slot = this.slotOfNode[node.id]!;
      else {
        slot = nodes.length;
        this.slotMark[node.id] = epoch;
        this.slotOfNode[node.id] = slot;
        nodes.push(node);
        tally.fill(0, slot * 5, slot * 5 + 5);
      }
      nodeOf[index] = slot;
      tally[slot * 5]!++;
      tally[slot * 5 + 1 + TYPE_SLOT[mention.type]]!++;
    }
    for (let slot = 0; slot < nodes.length; slot++) {
      const t = slot * 5;
      // `id` is new: no name has counted this article yet
      this.graph.countMentions(nodes[slot]!, id, tally[t]!, tally[t + 1]!, tally[t + 2]!, tally[t + 3]!, tally[t + 4]!, 1, true);
    }
    const definitions: [string, string, string][] = [];
    for (const definition of summary.definitions) {
      const cls = typeClassOf(definition.type);
      const short = nameForm(definition.short, cls);
      const long = nameForm(definition.long, cls);
      if (!short.key || !long.key || short.key === long.key) continue;
      definitions.push([short.key, long.key, long.phonetic]);
      this.graph.addDefinition(short.key, long.key, long.phonetic, 1);
    }
    const article: Article = {
      id,
      uri,
      summary,
      nodes,
      nodeOf,
      // every field present from the start: one object shape for all articles keeps the code that reads them fast
      overrides: undefined,
      order: mentionOrder(entities),
      definitions: definitions.length > 0 ? definitions : undefined,
      sortKey: sortKeyOf(uri, summary),
      rank: -1,
    };
    this.resolveLocally(article);
    return article;
  }

  /** An edit that leaves an article's names as they were, mention by mention (most keystrokes): the name graph and
   *  its clusters are unchanged, so nothing is re-clustered. The article keeps its id (the graph counts it under that
   *  id); its entry is new, and the cached views that list it work its mentions in again when next asked for. */
  private replaceKeepingNames(previous: Article, summary: ArticleSummary): Article {
    this.unlinkOverrides(previous);
    const article: Article = {
      id: previous.id,
      uri: previous.uri,
      summary,
      nodes: previous.nodes,
      nodeOf: previous.nodeOf,
      overrides: undefined,
      order: mentionOrder(summary.entities),
      definitions: previous.definitions,
      sortKey: sortKeyOf(previous.uri, summary),
      rank: -1,
    };
    this.resolveLocally(article);
    // the views that list the article: its names' clusters, and those its own resolutions point into
    const clusters = new Set<number>();
    for (const node of previous.nodes) clusters.add(node.cluster);
    for (const overrides of [previous.overrides, article.overrides]) for (const target of overrides?.values() ?? []) clusters.add(target.cluster);
    for (const id of clusters) this.markViewStale(id, article.uri);
    return article;
  }

  /** A cached view (if any) of cluster `id` is to work the article `uri` in again when next asked for. */
  private markViewStale(id: number, uri: string): void {
    const entry = this.views.get(id);
    if (!entry) return;
    const stale = new Set(entry.stale ?? []).add(uri);
    if (stale.size > MAX_CARRIED_CHANGES) this.views.delete(id);
    else this.views.set(id, { ...entry, stale });
  }

  /** Removes an article; returns whether it was there. */
  delete(uri: string): boolean {
    const had = this.removeArticle(uri);
    if (had) {
      this.changedUris.add(uri);
      this.changeStamp++;
    }
    return had;
  }

  private removeArticle(uri: string): boolean {
    const article = this.articles.get(uri);
    if (!article) return false;
    this.unlinkOverrides(article);
    const tally = this.tallyFor(article.nodes.length);
    tally.fill(0, 0, article.nodes.length * 5);
    const entities = article.summary.entities;
    for (let index = 0; index < article.nodeOf.length; index++) {
      const slot = article.nodeOf[index]!;
      if (slot < 0) continue;
      tally[slot * 5]!++;
      tally[slot * 5 + 1 + TYPE_SLOT[entities[index]!.type]]!++;
    }
    for (let slot = 0; slot < article.nodes.length; slot++) {
      const t = slot * 5;
      this.graph.countMentions(article.nodes[slot]!, article.id, tally[t]!, tally[t + 1]!, tally[t + 2]!, tally[t + 3]!, tally[t + 4]!, -1);
    }
    for (const [short, long, phonetic] of article.definitions ?? []) this.graph.addDefinition(short, long, phonetic, -1);
    this.articles.delete(uri);
    this.articlesById.delete(article.id);
    return true;
  }

  /** What the article itself spells out: "Bogdanov" after "Mikhail Bogdanov", "HTS" after "Hayat Tahrir al-Sham (HTS)",
   *  "the Assad regime" with "Bashar al-Assad" in the same article. These hold in this article whatever else the
   *  workspace says (another article may have another Bogdanov). */
  /** An article's own resolutions, no longer listed under the names they point to (it is removed or replaced). */
  private unlinkOverrides(article: Article): void {
    for (const target of new Set(article.overrides?.values() ?? [])) removeFrom(this.overridesInto, target, article);
  }

  /** Works out the article's own resolutions (`overrides`) and lists the article under the names they point to. */
  private resolveLocally(article: Article): void {
    // Runs for every article on a (warm) start: plain loops, and no allocation unless there is something to record.
    const nodes = article.nodes;
    let overrides: Map<NameNode, NameNode> | undefined;
    const set = (from: NameNode, to: NameNode) => (overrides ??= new Map()).set(from, to);
    const mentionsHere = (node: NameNode) => {
      const slot = nodes.indexOf(node);
      let count = 0;
      for (let i = 0; i < article.nodeOf.length; i++) if (article.nodeOf[i] === slot) count++;
      return count;
    };
    let persons: NameNode[] | undefined;
    for (const node of nodes) if (node.cls === 'person') (persons ??= []).push(node);
    /** The one full name (by sound) of this article that `tokens` (whose last token sounds `lastPhonetic`) is a short
     *  form of; the most mentioned spelling. */
    const uniqueFull = (tokens: readonly string[], lastPhonetic: string): NameNode | undefined => {
      if (!persons) return undefined;
      let fits: NameNode[] | undefined;
      for (const full of persons) {
        // a short form ends in the full name's surname (by sound): a cheap test before the word-by-word one
        if (full.lastPhonetic !== lastPhonetic || full.form.tokens.length <= tokens.length || !isShortFormOf(tokens, full.form.tokens)) continue;
        if (fits && fits[0]!.form.phonetic !== full.form.phonetic) return undefined;
        (fits ??= []).push(full);
      }
      if (!fits) return undefined;
      if (fits.length === 1) return fits[0];
      // stable: the most mentioned here, ties in order of first mention
      return fits.map((node) => ({ node, count: mentionsHere(node) })).sort((x, y) => y.count - x.count)[0]!.node;
    };
    for (const node of persons ?? []) {
      const full = uniqueFull(node.form.tokens, node.lastPhonetic);
      if (full) set(node, full);
    }
    for (const node of nodes) {
      if (!node.regimeOf) continue;
      const phonetic = node.regimeOf.map(phoneticToken).join(' ');
      const exact = persons?.find((person) => person.form.phonetic === phonetic);
      const target = (exact && (overrides?.get(exact) ?? exact)) ?? uniqueFull(node.regimeOf, node.lastPhonetic);
      if (target) set(node, target);
    }
    if (article.definitions) {
      const byKey = new Map<string, NameNode[]>();
      for (const node of nodes) byKey.set(node.key, [...(byKey.get(node.key) ?? []), node]);
      for (const [shortKey, longKey] of article.definitions) {
        const long = byKey.get(longKey)?.[0];
        if (!long) continue;
        for (const short of byKey.get(shortKey) ?? []) if (short !== long) set(short, overrides?.get(long) ?? long);
      }
    }
    // an organisation's short form, spelled out in this article ("New Orleans Saints ... the Saints")
    // (both sides are organisations: the pairs are taken among those only, an article having dozens of names)
    const organisation = (node: NameNode) => node.types.organization > node.types.place + node.types.person + node.types.group;
    let organisations: NameNode[] | undefined;
    for (const node of nodes) if (node.cls === 'thing' && !node.acronym && !overrides?.has(node) && organisation(node)) (organisations ??= []).push(node);
    if (organisations && organisations.length > 1) {
      for (const node of organisations) {
        let fit: NameNode | undefined;
        let several = false;
        for (const long of organisations) {
          if (long === node || long.form.tokens.length <= node.form.tokens.length || !isOrganisationShortForm(node.form.tokens, long.form.tokens)) continue;
          if (fit && fit.form.phonetic !== long.form.phonetic) several = true;
          fit ??= long;
        }
        if (fit && !several) set(node, fit);
      }
    }
    if (overrides) {
      article.overrides = overrides;
      for (const target of new Set(overrides.values())) addTo(this.overridesInto, target, article);
    }
  }

  // ---- clustering and events -----------------------------------------------------------------------------------

  /** Re-clusters what changed and tells the listeners. Queries call this themselves, except during bulk loading
   *  (`beginBulk`), when they answer from the clusters as they were. */
  flush(): void {
    if (this.bulk > 0) return;
    this.flushNow();
  }

  /** Bulk loading (a cold index, a warm start): queries do not re-cluster; `flushInSlices` does it at the end. Nests. */
  beginBulk(): void {
    this.bulk++;
  }

  endBulk(): void {
    if (this.bulk > 0) this.bulk--;
  }

  get inBulk(): boolean {
    return this.bulk > 0;
  }

  /** Re-clusters now, whatever the mode (finishing a sliced re-clustering in progress). */
  flushNow(): void {
    if (this.pendingJob) {
      const job = this.pendingJob;
      this.pendingJob = undefined;
      for (;;) {
        const step = job.next();
        if (step.done) {
          this.committed(step.value);
          break;
        }
      }
    }
    if (!this.graph.needsClustering && this.changedUris.size === 0) return;
    this.committed(this.graph.recluster());
  }

  /** Re-clusters in slices of about `sliceMs`, yielding to the event loop between them, so requests keep being
   *  answered while a whole workspace is clustered. Queries meanwhile see the clusters as they were. One sliced
   *  re-clustering at a time: a second caller waits for the one under way, then does what is left. */
  async flushInSlices(sliceMs = 15): Promise<void> {
    while (this.pendingJob) await nextTurn();
    for (let round = 0; round < 3 && (this.graph.needsClustering || this.changedUris.size > 0); round++) {
      const job = this.graph.reclusterJob();
      this.pendingJob = job;
      const slices = new TimeSlices(sliceMs);
      for (;;) {
        if (this.pendingJob !== job) return; // finished by a flushNow meanwhile
        const step = job.next();
        if (step.done) {
          this.pendingJob = undefined;
          this.committed(step.value);
          break;
        }
        if (slices.due) await slices.next();
      }
    }
  }

  /** After a re-clustering: stale views go, and the listeners hear what changed. */
  private committed({ removed, created, reshaped }: Reclustered): void {
    const carried = this.carryViews(removed, reshaped);
    for (const id of removed) {
      this.views.delete(id);
      this.labels.delete(id);
    }
    for (const [id, entry] of carried) this.views.set(id, entry);
    const uris = [...this.changedUris];
    this.changedUris = new Set();
    if (removed.length === 0 && created.length === 0 && uris.length === 0) return;
    const change: IndexChange = { uris, removedClusters: removed, createdClusters: created, reshapedClusters: reshaped };
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch {
        // a listener's failure is its own
      }
    }
  }

  /** Views that outlive a re-clustering: a cluster re-made with the same names as one whose view is cached (an edit
   *  re-clusters the names of the edited article even when none of them changed) gets that view with only the changed
   *  articles' mentions worked out again, not the whole view (~25 ms for "United States" in 6,000 articles). */
  private carryViews(removed: readonly number[], reshaped: readonly number[]): Map<number, CachedView> {
    const carried = new Map<number, CachedView>();
    // after many changes (a whole index) working each changed article in costs more than building views afresh
    if (this.changedUris.size > MAX_CARRIED_CHANGES) return carried;
    const newNames = new Set(reshaped);
    for (const id of removed) {
      const entry = this.views.get(id);
      // the cluster its names are in now (the graph has committed): carried over unless its names changed
      const cluster = entry && this.graph.cluster(entry.nodes[0]?.cluster ?? 0);
      if (!entry || !cluster || newNames.has(cluster.id)) continue;
      const stale = new Set([...(entry.stale ?? []), ...this.changedUris]);
      if (stale.size <= MAX_CARRIED_CHANGES) carried.set(cluster.id, { view: entry.view, nodes: cluster.nodes, tally: entry.tally, stale });
    }
    return carried;
  }

  /** A cached view (of the same names as `nodes`) with the mentions of the `changed` articles worked out again:
   *  their old mentions uncounted, their new ones counted. */
  private patchView(id: number, nodes: readonly NameNode[], cached: CachedView, changed: ReadonlySet<string>): ClusterView {
    const { view, tally } = cached;
    const inCluster = new Set(nodes);
    const kept: ArticleMentions[] = [];
    for (const entry of view.articles) {
      if (changed.has(entry.uri)) tally.add(entry.mentions, -1);
      else kept.push(entry);
    }
    const added: { article: Article; entry: ArticleMentions }[] = [];
    for (const uri of changed) {
      const article = this.articles.get(uri);
      const indices = article ? mentionsOfCluster(article, inCluster) : [];
      if (!article || indices.length === 0) continue;
      tally.addIndexed(article.summary.entities, indices, 1);
      added.push({ article, entry: articleMentions(article, indices) });
    }
    // into definition order (the kept entries are in it already): a few comparisons each, no ranking of every article
    const keyOf = (uri: string) => this.articles.get(uri)?.sortKey ?? '';
    for (const { article, entry } of added) {
      let low = 0;
      let high = kept.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (keyOf(kept[mid]!.uri) < article.sortKey) low = mid + 1;
        else high = mid;
      }
      kept.splice(low, 0, entry);
    }
    return this.viewOf(id, nodes, kept, tally);
  }

  /** The articles that mention a name of these clusters (directly or through a local resolution). */
  articlesOfClusters(ids: Iterable<number>): Set<string> {
    const out = new Set<string>();
    for (const id of ids) for (const article of this.articlesOfNodes(this.graph.cluster(id)?.nodes ?? [])) out.add(article.uri);
    return out;
  }

  /** The articles that mention one of these names, or resolve a name of their own to one of them. */
  private articlesOfNodes(nodes: readonly NameNode[]): Set<Article> {
    const out = new Set<Article>();
    finish(this.collectArticlesOfNodes(nodes, out));
    return out;
  }

  /** `articlesOfNodes` into `into`, in steps (a yield every 1,024 articles). */
  private *collectArticlesOfNodes(nodes: readonly NameNode[], into: Set<Article>): Generator<void, void> {
    let work = 0;
    for (const node of nodes) {
      for (let i = 0; i < node.articles.size; i++) {
        const article = this.articlesById.get(node.articles.idAt(i));
        if (article) into.add(article);
        if (++work % 1024 === 0) yield;
      }
      for (const article of this.overridesInto.get(node) ?? []) into.add(article);
    }
  }

  /** The clusters as lists of name ids (for the persisted index); call after a flush. */
  exportClusters(): string[][] {
    return this.graph.exportClusters();
  }

  /** Restores saved clusters after a bulk load (see NameGraph.restoreClusters): `changed` are the summaries of
   *  articles added, changed or removed since the save, whose names are clustered again. */
  restoreClusters(groups: readonly (readonly string[])[], changed: Iterable<ArticleSummary>): number {
    const keys = new Set<string>();
    for (const summary of changed) {
      for (const mention of summary.entities) keys.add(nameForm(mention.text, typeClassOf(mention.type)).key);
      for (const definition of summary.definitions) {
        const cls = typeClassOf(definition.type);
        keys.add(nameForm(definition.short, cls).key);
        keys.add(nameForm(definition.long, cls).key);
      }
    }
    return this.graph.restoreClusters(groups, keys);
  }

  /** A string that changes when the clustering configuration does (aliases, distinct names, default aliases). */
  get configKey(): string {
    const { aliases, distinct, defaultAliases } = this.config;
    return JSON.stringify({ aliases, distinct, defaultAliases });
  }

  onDidChange(listener: Listener): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  // ---- queries -------------------------------------------------------------------------------------------------

  get size(): number {
    return this.articles.size;
  }

  has(uri: string): boolean {
    return this.articles.has(uri);
  }

  get(uri: string): ArticleSummary | undefined {
    return this.articles.get(uri)?.summary;
  }

  uris(): string[] {
    return [...this.articles.keys()];
  }

  /** The entity mention under `offset` (a cursor just after its last character counts too). */
  mentionAt(uri: string, offset: number): MentionRef | undefined {
    const article = this.articles.get(uri);
    if (!article) return undefined;
    const { entities } = article.summary;
    for (const probe of [offset, offset - 1]) {
      // last mention starting at or before probe
      let low = 0;
      const order = inOrder(article);
      let high = order.length - 1;
      let found = -1;
      while (low <= high) {
        const mid = (low + high) >> 1;
        if (entities[order[mid]!]!.start <= probe) {
          found = mid;
          low = mid + 1;
        } else high = mid - 1;
      }
      for (let k = found; k >= 0 && k > found - 4; k--) {
        const index = order[k]!;
        const mention = entities[index]!;
        if (mention.start <= probe && probe < mention.end) return { uri, index, mention };
      }
    }
    return undefined;
  }

  /** The cluster a mention belongs to. */
  clusterOf(ref: { uri: string; index: number }): ClusterView | undefined {
    this.flush();
    const article = this.articles.get(ref.uri);
    const node = article && nodeAt(article, ref.index);
    if (!article || !node) return undefined;
    const target = article.overrides?.get(node) ?? node;
    return this.view(target.cluster);
  }

  clusterAt(uri: string, offset: number): { ref: MentionRef; cluster: ClusterView } | undefined {
    const ref = this.mentionAt(uri, offset);
    if (!ref) return undefined;
    const cluster = this.clusterOf(ref);
    return cluster ? { ref, cluster } : undefined;
  }

  cluster(id: number): ClusterView | undefined {
    this.flush();
    return this.view(id);
  }

  /** Every cluster, most mentioned first. */
  clusters(): ClusterView[] {
    this.flush();
    const views: ClusterView[] = [];
    for (const cluster of this.graph.allClusters()) {
      const view = this.view(cluster.id);
      if (view && view.mentionCount > 0) views.push(view);
    }
    return views.sort((a, b) => b.mentionCount - a.mentionCount || (a.canonical < b.canonical ? -1 : 1));
  }

  /** The clusters mentioned in one article, in order of first mention there. */
  clustersIn(uri: string): { cluster: ClusterView; mentions: MentionRef[] }[] {
    this.flush();
    const article = this.articles.get(uri);
    if (!article) return [];
    const byCluster = new Map<number, MentionRef[]>();
    for (const index of inOrder(article)) {
      const node = nodeAt(article, index);
      if (!node) continue;
      const id = (article.overrides?.get(node) ?? node).cluster;
      const list = byCluster.get(id) ?? [];
      list.push({ uri, index, mention: article.summary.entities[index]! });
      byCluster.set(id, list);
    }
    const result: { cluster: ClusterView; mentions: MentionRef[] }[] = [];
    for (const [id, mentions] of byCluster) {
      const cluster = this.view(id);
      if (cluster) result.push({ cluster, mentions });
    }
    return result;
  }

  /** Every mention of a cluster, in definition order (see `ClusterView.articles`). */
  mentionsOf(cluster: ClusterView): MentionRef[] {
    return cluster.articles.flatMap((article) => article.mentions);
  }

  /** The first mention in the workspace: the earliest-dated article's first mention (undated articles after dated
   *  ones; ties by URI). */
  definitionOf(cluster: ClusterView): MentionRef | undefined {
    return cluster.articles[0]?.mentions[0];
  }

  /** Clusters whose spellings match a query (any spelling: "Khmeimim" finds the Hmeimim cluster). */
  search(query: string, limit = 200): SearchHit[] {
    const folded = foldForSearch(query);
    const labels = this.allLabels();
    const queryPhonetic = folded.split(' ').map(phoneticToken).join(' ');
    const hits: { id: number; spelling: string; score: number; mentions: number }[] = [];
    for (const label of labels) {
      let best: { spelling: string; score: number } | undefined;
      if (!folded) best = { spelling: label.canonical, score: 1 };
      else {
        for (let i = 0; i < label.spellings.length; i++) {
          const score = matchScore(label.folded[i]!, folded, queryPhonetic);
          if (score > 0 && (!best || score > best.score)) best = { spelling: label.spellings[i]!, score };
        }
      }
      if (best) hits.push({ id: label.id, spelling: best.spelling, score: best.score, mentions: label.mentionCount });
    }
    hits.sort((a, b) => b.score - a.score || b.mentions - a.mentions || (a.spelling < b.spelling ? -1 : 1));
    const result: SearchHit[] = [];
    for (const hit of hits.slice(0, limit)) {
      const cluster = this.view(hit.id);
      if (cluster) result.push({ cluster, spelling: hit.spelling, score: hit.score });
    }
    return result;
  }

  /** Search labels of every cluster: the canonical name first, then the spellings (folded beside them). */
  private allLabels(): ClusterLabel[] {
    this.flush();
    const labels: ClusterLabel[] = [];
    for (const cluster of this.graph.allClusters()) {
      let label = this.labels.get(cluster.id);
      if (!label) {
        const view = this.view(cluster.id);
        if (!view || view.mentionCount === 0) continue;
        const spellings = [view.canonical, ...view.spellings.map((s) => s.text).filter((text) => text !== view.canonical)];
        label = { id: cluster.id, canonical: view.canonical, spellings, folded: spellings.map(foldForSearch), mentionCount: view.mentionCount };
        this.labels.set(cluster.id, label);
      }
      labels.push(label);
    }
    return labels;
  }

  /** Why two mentions' names are linked, when they are directly (for explanations and tests). */
  linkKind(a: { uri: string; index: number }, b: { uri: string; index: number }): string | undefined {
    const articleA = this.articles.get(a.uri);
    const articleB = this.articles.get(b.uri);
    const na = articleA && nodeAt(articleA, a.index);
    const nb = articleB && nodeAt(articleB, b.index);
    if (!na || !nb) return undefined;
    if (na === nb) return 'same name';
    const kind = this.graph.linkBetween(na, nb);
    return kind === undefined ? undefined : EDGE_NAMES[kind];
  }

  get stats(): { articles: number; names: number; clusters: number } {
    this.flush();
    let clusters = 0;
    for (const _ of this.graph.allClusters()) clusters++;
    return { articles: this.articles.size, names: this.graph.nodeCount, clusters };
  }

  // ---- views ---------------------------------------------------------------------------------------------------

  /** Builds, in slices, the views of the clusters with the most mentions (a hover on "United States" in a workspace
   *  of 20,000 articles then finds its view ready instead of gathering 15,000 mentions). A large view is itself built
   *  over several slices (it takes 50-150 ms at 22,250 articles). Stops early when the index changes meanwhile.
   *  Returns the clusters whose views it built, in order. */
  async warmViews(options: WarmViewsOptions = {}): Promise<number[]> {
    const { limit = 300, sliceMs = 10, minMentions = 50, first = [] } = options;
    const built: number[] = [];
    if (this.bulk > 0) return built;
    const stamp = this.changeStamp;
    const unchanged = () => this.changeStamp === stamp && this.bulk === 0;
    const weighted: { id: number; mentions: number }[] = [];
    for (const cluster of this.graph.allClusters()) {
      let mentions = 0;
      for (const node of cluster.nodes) mentions += node.mentions;
      if (mentions >= minMentions) weighted.push({ id: cluster.id, mentions });
    }
    weighted.sort((a, b) => b.mentions - a.mentions);
    // the entities of the articles open in the editor first: those are the ones hovered next
    const inFirst = new Set(first.flatMap((uri) => this.clusterIdsIn(uri)));
    const order = [...weighted.filter(({ id }) => inFirst.has(id)), ...weighted.filter(({ id }) => !inFirst.has(id))];
    // The largest views first, in background slices, whether or not the editor is busy: built on request, "United
    // States" held its hover 80-110 ms after a cold index of 22,250 articles. The rest is work ahead of need: it
    // pauses while the editor is sending requests (a request then builds its own view).
    const large = (entry: { mentions: number }) => entry.mentions * LARGE_VIEW_SHARE >= this.articles.size;
    const ordered = [...order.filter(large), ...order.filter((entry) => !large(entry))].slice(0, Math.min(limit, MAX_CACHED_VIEWS / 2));
    const busy = new TimeSlices(sliceMs);
    const idle = new TimeSlices(sliceMs, 'idle');
    // every article ranked in definition order first, which a large view needs (not part of the index itself: a warm
    // start is not held up by it)
    if (ordered.length > 0 && large(ordered[0]!)) await this.rankInSlices(sliceMs);
    for (const entry of ordered) {
      const slices = large(entry) ? busy : idle;
      const { id } = entry;
      if (slices.due) await slices.next();
      if (!unchanged()) break;
      const outcome = await this.buildViewInSlices(id, slices);
      if (outcome === 'stale') return built;
      if (outcome === 'built') built.push(id);
    }
    return built;
  }

  /** Ranks every article in definition order now, in slices, so that the first large view after an index does not
   *  have to (some 30 ms at 22,250 articles). Nothing is ranked when the articles change meanwhile. */
  async rankInSlices(sliceMs = 15): Promise<void> {
    await runInSlices(this.rankSteps(), new TimeSlices(sliceMs));
  }

  /** Builds cluster `id`'s view in `slices` and caches it. 'skipped': no such cluster, or its view is cached (a query
   *  may have built it meanwhile); 'stale': the clusters or the articles changed meanwhile, and the view is dropped. */
  private async buildViewInSlices(id: number, slices: TimeSlices): Promise<'built' | 'skipped' | 'stale'> {
    const nodes = this.graph.cluster(id)?.nodes;
    if (!nodes || this.views.has(id)) return 'skipped';
    const stamp = this.changeStamp;
    const view = await runInSlices(this.viewSteps(id, nodes), slices, () => this.changeStamp === stamp && this.graph.cluster(id)?.nodes === nodes);
    if (!view) return 'stale';
    if (this.views.has(id)) return 'skipped';
    this.keepView(id, view);
    return 'built';
  }

  /** Builds the view of the entity under `offset` in slices, when it is not cached, so that a request that needs it
   *  (a hover on "United States" right after an index, 30-80 ms to build at 10x) does not hold up the requests behind
   *  it. Does nothing while a query would re-cluster first, or a sliced re-clustering is under way: the query then
   *  builds the view itself, as before. */
  async prepareViewAt(uri: string, offset: number, sliceMs = 5): Promise<void> {
    // during a bulk load a query answers from the clusters as they are, and so does this (at the end of a cold index,
    // between its last re-clustering and the end of the load, a hover on "United States" built its view at once)
    if (this.pendingJob || (this.bulk === 0 && (this.graph.needsClustering || this.changedUris.size > 0))) return;
    const ref = this.mentionAt(uri, offset);
    const article = ref && this.articles.get(uri);
    const node = article && nodeAt(article, ref.index);
    if (!article || !node) return;
    await this.buildViewInSlices((article.overrides?.get(node) ?? node).cluster, new TimeSlices(sliceMs, 'urgent'));
  }

  /** Builds, in background slices, the views of the entities an article mentions that are not cached: called when the
   *  editor opens the article, whose entities are the ones hovered next. Articles queue up; resolves with the ids of
   *  the views built once the queue is empty. Skipped while a bulk load or a whole-workspace re-clustering runs
   *  (warmViews follows those). */
  warmViewsOf(uri: string): Promise<number[]> {
    this.warmQueue.add(uri);
    this.warming ??= this.drainWarmQueue().finally(() => {
      this.warming = undefined;
      // queued between the last step and this one
      const next = this.warmQueue.values().next();
      if (!next.done) {
        this.warmQueue.delete(next.value);
        void this.warmViewsOf(next.value).catch(() => undefined);
      }
    });
    return this.warming;
  }

  private async drainWarmQueue(): Promise<number[]> {
    const built: number[] = [];
    const slices = new TimeSlices(5);
    while (this.warmQueue.size > 0) {
      const uri = this.warmQueue.values().next().value!;
      this.warmQueue.delete(uri);
      if (this.bulk > 0 || this.pendingJob) continue;
      this.flush();
      for (const id of this.clusterIdsIn(uri)) {
        if (slices.due) await slices.next();
        if (this.bulk > 0 || this.pendingJob) break;
        if ((await this.buildViewInSlices(id, slices)) === 'built') built.push(id);
      }
    }
    return built;
  }

  /** The clusters an article's mentions belong to (through its own resolutions too), without building their views. */
  private clusterIdsIn(uri: string): number[] {
    const article = this.articles.get(uri);
    if (!article) return [];
    return [...new Set(article.nodes.map((node) => (article.overrides?.get(node) ?? node).cluster))];
  }

  /** Ranks every article in definition order (date, then URI) when that changed: a view of a cluster that spans
   *  thousands of articles then sorts them by number, not by comparing long keys. In steps: sorting 22,000 articles
   *  by key is some 30 ms of string comparisons, so runs are sorted and merged a few thousand articles per step. When
   *  the articles change meanwhile, nothing is ranked (the view being built is dropped as stale anyway). */
  private *rankSteps(): Generator<void, void> {
    if (!this.rankStale) return;
    const stamp = this.changeStamp;
    let runs: Article[][] = [];
    const all = [...this.articles.values()];
    for (let at = 0; at < all.length; at += RANK_RUN) {
      runs.push(all.slice(at, at + RANK_RUN).sort(inDefinitionOrder));
      yield;
    }
    while (runs.length > 1) {
      const merged: Article[][] = [];
      for (let r = 0; r < runs.length; r += 2) merged.push(r + 1 < runs.length ? yield* mergeSteps(runs[r]!, runs[r + 1]!) : runs[r]!);
      runs = merged;
    }
    if (this.changeStamp !== stamp) return;
    const sorted = runs[0] ?? [];
    for (let i = 0; i < sorted.length; i++) sorted[i]!.rank = i;
    this.rankStale = false;
  }

  /** A cluster's view, built on demand; the most recently used ones are kept (a view lists every mention). */
  private view(id: number): ClusterView | undefined {
    const cached = this.views.get(id);
    if (cached) {
      this.views.delete(id);
      if (cached.stale) {
        const view = this.patchView(id, cached.nodes, cached, cached.stale);
        this.views.set(id, { view, nodes: cached.nodes, tally: cached.tally });
        return view;
      }
      this.views.set(id, cached);
      return cached.view;
    }
    const cluster = this.graph.cluster(id);
    if (!cluster) return undefined;
    return this.keepView(id, finish(this.viewSteps(id, cluster.nodes)));
  }

  /** Caches a view built for cluster `id` (the most recently used are kept) and returns it. */
  private keepView(id: number, built: CachedView): ClusterView {
    this.views.set(id, built);
    if (this.views.size > MAX_CACHED_VIEWS) this.views.delete(this.views.keys().next().value!);
    return built.view;
  }

  /** Builds a view in steps: it yields every few hundred articles (and before ranking every article, when a large
   *  view needs that), so `warmViews` can spread a large one over turns of the event loop. A large cluster ("United States" in
   *  thousands of articles) is built in plain loops: one scan of each article's names, and the spelling of each
   *  surface worked out once (viewTally.ts). */
  private *viewSteps(id: number, nodes: readonly NameNode[]): Generator<void, CachedView> {
    const articles = new Set<Article>();
    yield* this.collectArticlesOfNodes(nodes, articles);
    let work = 0;
    const inCluster = new Set(nodes);
    const found: { article: Article; indices: number[] }[] = [];
    for (const article of articles) {
      const indices = mentionsOfCluster(article, inCluster);
      if (indices.length > 0) found.push({ article, indices });
      if (++work % 256 === 0) yield;
    }
    // Definition order. Ranking every article (30 ms at 22,000) pays off for views of thousands of articles, which
    // then sort by number; a smaller view sorts its own articles by their keys.
    if (this.rankStale && found.length * RANK_WORTH_IT < this.articles.size) {
      found.sort((a, b) => inDefinitionOrder(a.article, b.article));
    } else {
      yield* this.rankSteps();
      found.sort((a, b) => a.article.rank - b.article.rank);
    }
    yield;
    const tally = new ViewTally();
    const list: ArticleMentions[] = [];
    for (const { article, indices } of found) {
      list.push(articleMentions(article, indices));
      tally.addIndexed(article.summary.entities, indices, 1);
      if (++work % 256 === 0) yield;
    }
    return { view: this.viewOf(id, nodes, list, tally), nodes, tally };
  }

  /** A view of the names `nodes`: their mentions article by article (in definition order), and the counts. */
  private viewOf(id: number, nodes: readonly NameNode[], articles: readonly ArticleMentions[], tally: ViewTally): ClusterView {
    const spellings = tally.spellingList();
    const canonical = this.canonicalName(nodes, spellings);
    const ambiguousWith = this.ambiguity(nodes);
    return { id, type: tally.type(), canonical, spellings, mentionCount: tally.mentionCount, articles, ...(ambiguousWith ? { ambiguousWith } : {}) };
  }

  /** The user's name for the entity if the alias file gives one; else the most frequent full form, counted in
   *  articles first (one article repeating a spelling ten times should not outvote three articles), then mentions. */
  private canonicalName(nodes: readonly NameNode[], spellings: readonly Spelling[]): string {
    for (const node of nodes) {
      const named = this.graph.userCanonical(node.key);
      if (named) return named;
    }
    const full = spellings.filter((s) => !s.acronym && !s.short && s.text !== s.text.toUpperCase());
    const pool = full.length > 0 ? full : spellings.filter((s) => !s.short).length > 0 ? spellings.filter((s) => !s.short) : spellings;
    const best = [...pool].sort((a, b) => b.articles - a.articles || b.mentions - a.mentions || b.text.length - a.text.length || (a.text < b.text ? -1 : 1))[0];
    return best?.text ?? nodes[0]?.form.core ?? '';
  }

  /** A single short person name left on its own because several full names fit it. */
  private ambiguity(nodes: readonly NameNode[]): string[] | undefined {
    if (nodes.length !== 1 || nodes[0]!.cls !== 'person') return undefined;
    const node = nodes[0]!;
    const fits = [...this.graph.personsWithSurname(node.lastPhonetic)].filter((full) => isShortFormOf(node.form.tokens, full.form.tokens));
    if (fits.length < 2) return undefined;
    return fits.map((full) => full.form.core).sort();
  }
}

/** Interns the strings of summaries: across tens of thousands of articles the same names, units and explanations
 *  recur, and each summary (from a worker thread or a persisted index) brings its own copies. */
class StringPool {
  readonly pool = new Map<string, string>();

  private get(value: string): string {
    const known = this.pool.get(value);
    if (known !== undefined) return known;
    if (this.pool.size < 2_000_000) this.pool.set(value, value);
    return value;
  }

  /** Replaces, in place, the string fields of every item (and of objects one level down) by pooled copies. */
  intern(summary: ArticleSummary): void {
    for (const list of [summary.entities, summary.dates, summary.figures, summary.claims, summary.definitions] as unknown as readonly object[][]) {
      for (const item of list) this.internObject(item as Record<string, unknown>, true);
    }
  }

  private internObject(item: Record<string, unknown>, deep: boolean): void {
    for (const key of Object.keys(item)) {
      const value = item[key];
      if (typeof value === 'string') {
        if (key !== 'snippet') item[key] = this.get(value);
      } else if (deep && value && typeof value === 'object' && !Array.isArray(value)) {
        this.internObject(value as Record<string, unknown>, false);
      }
    }
  }
}

function foldForSearch(text: string): string {
  return foldDiacritics(text)
    .toLowerCase()
    .replace(/['’‘ʼʻ`´.]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** 0 = no match; higher is better: exact, prefix, word prefix, substring, same sound, subsequence. */
function matchScore(candidate: string, query: string, queryPhonetic: string): number {
  if (candidate === query) return 100;
  if (candidate.startsWith(query)) return 80;
  if (candidate.includes(` ${query}`)) return 70;
  if (candidate.includes(query)) return 60;
  if (query.length >= 4 && candidate.split(' ').map(phoneticToken).join(' ') === queryPhonetic) return 50;
  let j = 0;
  for (let i = 0; i < candidate.length && j < query.length; i++) if (candidate[i] === query[j]) j++;
  return j === query.length && query.length >= 2 ? 10 : 0;
}

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  let set = map.get(key);
  if (!set) {
    set = new Set();
    map.set(key, set);
  }
  set.add(value);
}

function removeFrom<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(value);
  if (set.size === 0) map.delete(key);
}
