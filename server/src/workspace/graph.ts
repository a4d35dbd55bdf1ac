// The name graph: one node per distinct name (type class + normalised key), edges between names that may be the same
// entity, and clusters as its connected components under guards. Clustering works on names, not mentions, so a name
// said 5,000 times costs one node. An edit re-clusters only the region it can affect (see `recluster`).
//
// Edges, strongest first (a union that would put names declared distinct in one cluster is refused):
//   0 user alias       .corroborate.json "aliases"
//   1 definition       the workspace's own definitions: "Hayat Tahrir al-Sham (HTS)", "ISIS, also called IS",
//                      when every definition of the short name in the workspace points to one name
//   2 default alias    the shipped list (Daesh = ISIS = ISIL = IS = Islamic State ...), never for people
//   3 regime           "the Assad regime" (an organisation) -> the person "Assad" -> "Bashar al-Assad"
//   4 short form       "Bogdanov" -> "Mikhail Bogdanov" when exactly one full name in the workspace fits
//   5 transliteration  equal phonetic keys, vowel distance within bounds, same type class, sharing context (another
//                      name mentioned alongside both), and never both in one article (an article that writes
//                      "Iran" and "Iraq", or "Hassan" and "Hussein", means two things)
//   6 type noise       one name tagged as two type classes, when one class dominates (three times the mentions for
//                      a single word, any majority for a name of two words or more: "Bashar al-Assad" as a place)
//   8 initials         "HP" -> "Hewlett-Packard", "EDS" -> "Electronic Data Systems": an acronym that is the initials of
//                      exactly one longer place/organisation name written beside it in some article, when no
//                      article defines it
//   7 organisation     "Saints" -> "New Orleans Saints", "T-Mobile" -> "T-Mobile USA": the first or last words of
//     short form       exactly one longer organisation name in the workspace (never generic heads like "Ministry",
//                      never places: "Sudan" is not "South Sudan")
import type { EntityType } from '../analysis/types';
import { ArticleCounts } from './articleCounts';
import type { AliasGroup } from './config';
import {
  consonantCount,
  initialsOf,
  isExactToken,
  maxVowelDistance,
  nameForm,
  phoneticToken,
  transliterationMatch,
  vowelDistance,
  type NameForm,
  type TypeClass,
} from './names';

export const EDGE_NAMES = ['user alias', 'definition', 'default alias', 'regime', 'short form', 'transliteration', 'type noise', 'organisation short form', 'initials'] as const;
export type EdgeKind = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

export interface NameNode {
  readonly id: number;
  readonly cls: TypeClass;
  readonly key: string;
  readonly form: NameForm;
  /** Phonetic key of the last token (surname of a person; the person part of "X regime"). */
  readonly lastPhonetic: string;
  /** For an organisation "X regime/government/administration": the tokens of X. */
  readonly regimeOf?: readonly string[];
  /** Whether the key is an acronym (all capitals) and so never matched by spelling. */
  readonly acronym: boolean;
  /** Article id -> number of mentions. */
  readonly articles: ArticleCounts;
  mentions: number;
  readonly types: Record<EntityType, number>;
  /** Cluster id (assigned by clustering). */
  cluster: number;
  /** Whether it waits in the graph's dirty set (a flag saves a hash lookup per mention on a warm start). */
  queued: boolean;
  /** Whether it left the graph (its last article went). */
  deleted: boolean;
}

/** What a re-clustering did: clusters removed and created (ids), and of those created, the ones whose names differ
 *  from any cluster before (names merged, split, new). The others were re-made with the same names. */
export interface Reclustered {
  readonly removed: number[];
  readonly created: number[];
  readonly reshaped: number[];
}

export interface Cluster {
  readonly id: number;
  readonly nodes: readonly NameNode[];
}

interface Edge {
  readonly a: NameNode;
  readonly b: NameNode;
  readonly kind: EdgeKind;
}

/** How many surfaces `nodeOfSurface` remembers per type class before it starts afresh. */
const SURFACE_CACHE_LIMIT = 200_000;
const REGIME_HEADS = new Set(['regime', 'government', 'administration', 'dictatorship']);
const NAME_SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);
/** Heads of organisation names too generic to stand for one organisation alone ("the Ministry", "Police"). */
const GENERIC_ORGANISATION_WORDS = new Set([
  'ministry', 'party', 'council', 'army', 'police', 'government', 'court', 'committee', 'commission', 'agency',
  'department', 'office', 'university', 'college', 'school', 'church', 'bank', 'club', 'union', 'association',
  'federation', 'league', 'team', 'board', 'authority', 'service', 'services', 'news', 'times', 'post', 'group',
  'company', 'forces', 'force', 'navy', 'senate', 'congress', 'parliament', 'assembly', 'house', 'center', 'centre',
  'institute', 'foundation', 'fund', 'media', 'press', 'network', 'channel', 'tv', 'radio', 'state', 'states',
  'national', 'international', 'united', 'royal', 'federal', 'central', 'new', 'north', 'south', 'east', 'west',
  'american', 'british', 'european', 'world', 'global', 'city', 'county', 'hospital', 'airlines', 'airways',
  'street', 'road', 'square', 'sport', 'sports', 'lords', 'commons', 'labour', 'conservative', 'conservatives',
  'democrats', 'republicans', 'unit', 'division', 'bureau', 'club', 'fc', 'united', 'city', 'rovers', 'athletic',
]);

/** Words naming a body or people inside or around an organisation ("Slough Conservative Association", "Virgin Radio DJ"). */
const SUB_BODY_WORDS = new Set([
  'school', 'association', 'union', 'group', 'society', 'club', 'university', 'college', 'department', 'agency',
  'office', 'party', 'council', 'committee', 'foundation', 'institute', 'centre', 'center', 'trust', 'media',
  'readers', 'fans', 'dj', 'students', 'staff', 'members', 'supporters', 'chairman', 'mp', 'mps', 'conservative',
  'grammar', 'student', 'health', 'public', 'hats', 'diary', 'branch', 'division', 'subsidiary',
]);

/** Whether the mentions of a name are mostly tagged as an organisation. */
function isOrganisation(node: NameNode): boolean {
  return node.types.organization > node.types.place + node.types.person + node.types.group;
}

const CONNECTIVES = new Set(['and', 'for', 'of', 'the', 'de', 'in', 'on', 'at', 'to']);
/** Words that make a "name" two names side by side: "Streets and Foo Fighters", "Danaher for Gustard", "Moped vs Santa". */
const LIST_WORDS = new Set(['and', 'for', 'with', 'vs', 'versus', 'v']);

/** Whether `short` (tokens) is the first or the last words of `long`, and not a generic word ("Ministry"), a word of
 *  fewer than four letters ("Fed" is not "Fed-Ex"), or one side of a list ("Streets" in "Streets and Foo Fighters"). */
export function isOrganisationShortForm(short: readonly string[], long: readonly string[]): boolean {
  if (short.length === 0 || short.length >= long.length) return false;
  if (short.every((token) => GENERIC_ORGANISATION_WORDS.has(token) || token.length < 2)) return false;
  if (short.join('').length < 4) return false;
  if (!short.includes('and') && long.some((token) => LIST_WORDS.has(token))) return false;
  const prefix = short.every((token, i) => token === long[i]);
  const offset = long.length - short.length;
  const suffix = short.every((token, i) => token === long[offset + i]);
  return prefix || suffix;
}

function emptyTypes(): Record<EntityType, number> {
  return { person: 0, organization: 0, place: 0, group: 0 };
}

function lastToken(tokens: readonly string[]): string | undefined {
  for (let i = tokens.length - 1; i >= 0; i--) if (!NAME_SUFFIXES.has(tokens[i]!)) return tokens[i];
  return tokens[tokens.length - 1];
}

/** Whether two single tokens are spellings of one word (equal phonetic keys, vowel distance within bounds). */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (isExactToken(a) || isExactToken(b)) return false;
  const pa = phoneticToken(a);
  if (pa !== phoneticToken(b)) return false;
  return vowelDistance([a], [b]) <= maxVowelDistance(consonantCount(pa));
}

/** A given name and its familiar form: "Fred" / "Frederick", "Alex" / "Alexander" (three letters or more). */
function sameGivenName(short: string, full: string): boolean {
  return sameWord(short, full) || (short.length >= 3 && full.length > short.length && full.startsWith(short));
}

/** Whether `short` is a shorter form of the person name `full`: its tokens appear in order in `full`, and its last
 *  token is `full`'s last (the surname): "Bogdanov" < "Mikhail Bogdanov", "Mark Felt" < "W. Mark Felt",
 *  "Fred LaRue" < "Frederick C. LaRue". */
export function isShortFormOf(short: readonly string[], full: readonly string[]): boolean {
  if (short.length === 0 || short.length >= full.length) return false;
  const lastShort = lastToken(short)!;
  const lastFull = lastToken(full)!;
  if (!sameWord(lastShort, lastFull)) return false;
  let j = 0;
  for (const token of short) {
    const same = token === lastShort ? sameWord : sameGivenName;
    while (j < full.length && !same(token, full[j]!)) j++;
    if (j === full.length) return false;
    j++;
  }
  return true;
}

export class NameGraph {
  /** Counts changes to names (created, counted, deleted): a re-clustering in steps tells whether its lists are stale. */
  private mutations = 0;
  /** Nodes by type class, then key (no "class|key" strings built per lookup). */
  private readonly nodes: Record<TypeClass, Map<string, NameNode>> = { person: new Map(), thing: new Map(), group: new Map() };
  private nextNodeId = 1;
  private readonly byKey = new Map<string, NameNode[]>();
  private readonly byPhonetic = new Map<string, NameNode[]>();
  /** Person nodes by the phonetic key of their last token (short and full forms). */
  private readonly personsBySurname = new Map<string, NameNode[]>();
  /** Multi-word place/organisation names by their initials ("hp" for "Hewlett-Packard"). */
  private readonly thingsByInitials = new Map<string, NameNode[]>();
  /** Multi-word place/organisation names by the phonetic key of their first and of their last word. */
  private readonly thingsByFirst = new Map<string, NameNode[]>();
  private readonly thingsByLast = new Map<string, NameNode[]>();
  /** "X regime" organisation nodes by the phonetic key of X's last token. */
  private readonly regimesBySurname = new Map<string, NameNode[]>();
  /** Definitions in the workspace: short key -> long key -> count (and the long name's phonetic key). */
  private readonly definitions = new Map<string, Map<string, { count: number; phonetic: string }>>();
  private readonly definedBy = new Map<string, string[]>();
  private userAliases: readonly AliasGroup[] = [];
  private defaultAliases: readonly AliasGroup[] = [];
  /** Alias key -> groups (index into the alias list; user groups first). */
  private aliasKeys = new Map<string, number[]>();
  private aliasGroupKeys: { keys: string[]; user: boolean }[] = [];
  /** Distinct key -> tags "group:name". */
  private distinctTags = new Map<string, string[]>();
  private readonly clusters = new Map<number, Cluster>();
  private nextClusterId = 1;
  private readonly dirty = new Set<NameNode>();
  /** Surface (as written) -> its node, per type class (see `nodeOfSurface`). */
  private readonly bySurface: Record<TypeClass, Map<string, NameNode>> = { person: new Map(), thing: new Map(), group: new Map() };
  /** Nodes removed since the last clustering whose clusters must be recomputed. */
  private readonly orphans = new Set<number>();

  constructor(
    private readonly nodesOfArticle: (article: number) => Iterable<NameNode>,
    private readonly articleCount: () => number = () => 0,
  ) {}

  /** Whether a name says something about an article's subject: not one the whole workspace mentions ("US", "UK"). */
  private isTelling(node: NameNode): boolean {
    return node.articles.size <= Math.max(5, 0.02 * this.articleCount());
  }

  get nodeCount(): number {
    return this.nodes.person.size + this.nodes.thing.size + this.nodes.group.size;
  }

  // ---- nodes ---------------------------------------------------------------------------------------------------

  nodeFor(cls: TypeClass, key: string): NameNode | undefined {
    return this.nodes[cls].get(key);
  }

  /** Counts `count` mentions of a name (type class, form) in an article; creates the node on first sight. */
  /** The node of a name, created (and marked for clustering) on first sight. */
  ensureNode(form: NameForm, cls: TypeClass): NameNode {
    const byKey = this.nodes[cls];
    let node = byKey.get(form.key);
    if (!node) {
      node = this.createNode(form, cls);
      byKey.set(form.key, node);
      this.markDirty(node);
    }
    return node;
  }

  /** Marks a node for the next clustering. */
  private markDirty(node: NameNode): void {
    if (node.queued) return;
    node.queued = true;
    this.dirty.add(node);
  }

  private unmarkDirty(node: NameNode): void {
    node.queued = false;
    this.dirty.delete(node);
  }

  /** The node of a name as written (`nameForm` of the surface, then `ensureNode`), remembered by surface: a warm
   *  start looks up every mention of every article. Undefined for a surface with no name in it. */
  nodeOfSurface(surface: string, cls: TypeClass): NameNode | undefined {
    const cache = this.bySurface[cls];
    const known = cache.get(surface);
    if (known && !known.deleted) return known;
    const form = nameForm(surface, cls);
    if (!form.key) return undefined;
    const node = this.ensureNode(form, cls);
    if (cache.size >= SURFACE_CACHE_LIMIT) cache.clear();
    cache.set(surface, node);
    return node;
  }

  /** Counts (delta > 0) or uncounts (delta < 0) `count` mentions of a node in an article, tagged with these types.
   *  A node left with no article is deleted. `fresh`: the article is new to the node (one map write, no read). */
  countMentions(node: NameNode, article: number, count: number, person: number, organization: number, place: number, group: number, delta: 1 | -1, fresh = false): void {
    this.mutations++;
    const left = (fresh ? 0 : (node.articles.get(article) ?? 0)) + delta * count;
    if (left > 0) node.articles.set(article, left);
    else node.articles.delete(article);
    node.mentions += delta * count;
    node.types.person += delta * person;
    node.types.organization += delta * organization;
    node.types.place += delta * place;
    node.types.group += delta * group;
    if (node.articles.size === 0) this.deleteNode(node);
    else this.markDirty(node);
  }

  /** Counts `count` mentions of a name (type class, form) in an article; creates the node on first sight. */
  addMentions(form: NameForm, cls: TypeClass, types: Record<EntityType, number>, article: number, count: number): NameNode {
    const node = this.ensureNode(form, cls);
    this.countMentions(node, article, count, types.person, types.organization, types.place, types.group, 1);
    return node;
  }

  removeMentions(node: NameNode, types: Record<EntityType, number>, article: number, count: number): void {
    this.countMentions(node, article, count, types.person, types.organization, types.place, types.group, -1);
  }

  private createNode(form: NameForm, cls: TypeClass): NameNode {
    const last = lastToken(form.tokens) ?? '';
    const regime = cls === 'thing' && form.tokens.length >= 2 && REGIME_HEADS.has(form.tokens[form.tokens.length - 1]!);
    const regimeOf = regime ? form.tokens.slice(0, -1) : undefined;
    const node: NameNode = {
      id: this.nextNodeId++,
      cls,
      key: form.key,
      form,
      lastPhonetic: phoneticToken(regimeOf ? lastToken(regimeOf)! : last),
      regimeOf,
      acronym: form.acronym || form.key !== form.key.toLowerCase(),
      articles: new ArticleCounts(),
      mentions: 0,
      types: emptyTypes(),
      cluster: 0,
      queued: false,
      deleted: false,
    };
    addTo(this.byKey, node.key, node);
    if (!node.acronym) addTo(this.byPhonetic, `${cls}|${form.phonetic}`, node);
    if (cls === 'person') addTo(this.personsBySurname, node.lastPhonetic, node);
    if (regimeOf) addTo(this.regimesBySurname, node.lastPhonetic, node);
    if (cls === 'thing' && form.tokens.length >= 2 && !node.acronym) {
      addTo(this.thingsByFirst, phoneticToken(form.tokens[0]!), node);
      addTo(this.thingsByLast, phoneticToken(form.tokens[form.tokens.length - 1]!), node);
      addTo(this.thingsByInitials, initialsOf(form.tokens), node);
    }
    return node;
  }

  private deleteNode(node: NameNode): void {
    this.mutations++;
    node.deleted = true;
    // names it linked may now link elsewhere ("Bogdanov" becomes unambiguous when "Ivan Bogdanov" goes)
    for (const edge of this.candidates(node)) this.markDirty(edge.b);
    this.nodes[node.cls].delete(node.key);
    removeFrom(this.byKey, node.key, node);
    removeFrom(this.byPhonetic, `${node.cls}|${node.form.phonetic}`, node);
    removeFrom(this.personsBySurname, node.lastPhonetic, node);
    removeFrom(this.regimesBySurname, node.lastPhonetic, node);
    if (node.form.tokens.length >= 2) {
      removeFrom(this.thingsByFirst, phoneticToken(node.form.tokens[0]!), node);
      removeFrom(this.thingsByLast, phoneticToken(node.form.tokens[node.form.tokens.length - 1]!), node);
      removeFrom(this.thingsByInitials, initialsOf(node.form.tokens), node);
    }
    this.unmarkDirty(node);
    // its neighbours may lose a link: they are re-clustered through the orphaned cluster
    if (node.cluster) this.orphans.add(node.cluster);
    node.cluster = 0;
  }

  // ---- definitions and aliases ---------------------------------------------------------------------------------

  addDefinition(shortKey: string, longKey: string, longPhonetic: string, delta: 1 | -1): void {
    let longs = this.definitions.get(shortKey);
    if (!longs) {
      if (delta < 0) return;
      longs = new Map();
      this.definitions.set(shortKey, longs);
    }
    const entry = longs.get(longKey) ?? { count: 0, phonetic: longPhonetic };
    entry.count += delta;
    if (entry.count > 0) longs.set(longKey, entry);
    else longs.delete(longKey);
    if (longs.size === 0) this.definitions.delete(shortKey);
    if (delta > 0) addTo(this.definedBy, longKey, shortKey);
    else if (!longs.has(longKey)) removeFrom(this.definedBy, longKey, shortKey);
    for (const node of this.byKey.get(shortKey) ?? []) this.markDirty(node);
    for (const node of this.byKey.get(longKey) ?? []) this.markDirty(node);
  }

  /** The long key a short name stands for, when every definition in the workspace agrees (one phonetic key). */
  resolveDefinition(shortKey: string): string[] | undefined {
    const longs = this.definitions.get(shortKey);
    if (!longs || longs.size === 0) return undefined;
    const phonetics = new Set([...longs.values()].map((entry) => entry.phonetic));
    return phonetics.size === 1 ? [...longs.keys()] : undefined;
  }

  setAliases(user: readonly AliasGroup[], defaults: readonly AliasGroup[], distinct: readonly (readonly string[])[]): void {
    this.userAliases = user;
    this.defaultAliases = defaults;
    this.aliasKeys = new Map();
    this.aliasGroupKeys = [];
    const groups = [...user.map((g) => ({ g, user: true })), ...defaults.map((g) => ({ g, user: false }))];
    groups.forEach(({ g, user: isUser }, index) => {
      const keys = new Set<string>();
      for (const name of g.names) for (const key of keysOfName(name, isUser)) keys.add(key);
      this.aliasGroupKeys.push({ keys: [...keys], user: isUser });
      for (const key of keys) {
        const list = this.aliasKeys.get(key) ?? [];
        list.push(index);
        this.aliasKeys.set(key, list);
      }
    });
    this.distinctTags = new Map();
    distinct.forEach((names, group) => {
      names.forEach((name, index) => {
        for (const key of keysOfName(name, true)) {
          const tags = this.distinctTags.get(key) ?? [];
          tags.push(`${group}:${index}`);
          this.distinctTags.set(key, tags);
        }
      });
    });
    // Aliases can change any cluster: everything is re-clustered.
    for (const node of this.allNodes()) this.markDirty(node);
  }

  /** The canonical name the user gave for a name's alias group, if any. */
  userCanonical(key: string): string | undefined {
    for (const index of this.aliasKeys.get(key) ?? []) {
      if (this.aliasGroupKeys[index]!.user) return this.userAliases[index]!.canonical;
    }
    return undefined;
  }

  defaultCanonical(key: string): string | undefined {
    for (const index of this.aliasKeys.get(key) ?? []) {
      if (!this.aliasGroupKeys[index]!.user) return this.defaultAliases[index - this.userAliases.length]?.canonical;
    }
    return undefined;
  }

  // ---- edges ---------------------------------------------------------------------------------------------------

  /** Every node this one may be linked to, with the edge kind (static conditions only; guards apply at union). */
  private candidates(node: NameNode): Edge[] {
    const edges: Edge[] = [];
    const push = (other: NameNode, kind: EdgeKind) => {
      if (other !== node) edges.push({ a: node, b: other, kind });
    };
    // aliases
    for (const index of this.aliasKeys.get(node.key) ?? []) {
      const group = this.aliasGroupKeys[index]!;
      if (!group.user && node.cls === 'person') continue;
      for (const key of group.keys) {
        for (const other of this.byKey.get(key) ?? []) {
          if (group.user || other.cls !== 'person') push(other, group.user ? 0 : 2);
        }
      }
    }
    // definitions, both directions
    for (const longKey of this.definitions.get(node.key)?.keys() ?? []) for (const other of this.byKey.get(longKey) ?? []) push(other, 1);
    for (const shortKey of this.definedBy.get(node.key) ?? []) for (const other of this.byKey.get(shortKey) ?? []) push(other, 1);
    // regime: organisation "X regime" <-> person X and the full names X may stand for
    if (node.regimeOf) {
      for (const person of this.personsBySurname.get(node.lastPhonetic) ?? []) {
        if (tokensEqual(node.regimeOf, person.form.tokens) || isShortFormOf(node.regimeOf, person.form.tokens)) push(person, 3);
      }
    }
    if (node.cls === 'person') {
      for (const regime of this.regimesBySurname.get(node.lastPhonetic) ?? []) {
        if (tokensEqual(regime.regimeOf!, node.form.tokens) || isShortFormOf(regime.regimeOf!, node.form.tokens)) push(regime, 3);
      }
      // short forms, both directions
      for (const other of this.personsBySurname.get(node.lastPhonetic) ?? []) {
        if (isShortFormOf(node.form.tokens, other.form.tokens) || isShortFormOf(other.form.tokens, node.form.tokens)) push(other, 4);
      }
    }
    // transliterations (a person's single name never by spelling alone: Bell is not Bill, Davis not Davies)
    if (!node.acronym && !(node.cls === 'person' && node.form.tokens.length < 2)) {
      for (const other of this.byPhonetic.get(`${node.cls}|${node.form.phonetic}`) ?? []) {
        if (transliterationMatch(node.form, other.form)) push(other, 5);
      }
    }
    // the same key in another type class
    for (const other of this.byKey.get(node.key) ?? []) if (other.cls !== node.cls) push(other, 6);
    // initials, both directions
    if (node.acronym) for (const long of this.thingsByInitials.get(node.key.toLowerCase()) ?? []) push(long, 8);
    else if (node.cls === 'thing' && node.form.tokens.length >= 2) {
      const initials = initialsOf(node.form.tokens);
      for (const key of [initials, initials.toUpperCase()]) for (const other of this.byKey.get(key) ?? []) if (other.acronym) push(other, 8);
    }
    // organisation short forms, both directions
    if (node.cls === 'thing' && !node.acronym) {
      for (const long of this.organisationLongForms(node)) push(long, 7);
      const tokens = node.form.tokens;
      for (let k = 1; k < tokens.length; k++) {
        for (const key of [tokens.slice(0, k).join(' '), tokens.slice(tokens.length - k).join(' ')]) {
          for (const other of this.byKey.get(key) ?? []) if (other.cls === 'thing' && isOrganisationShortForm(other.form.tokens, tokens)) push(other, 7);
        }
      }
    }
    return edges;
  }

  /** Longer place/organisation names whose first or last words this name is (static conditions only). */
  private organisationLongForms(node: NameNode): NameNode[] {
    const tokens = node.form.tokens;
    if (tokens.length === 0) return [];
    const found = new Set<NameNode>();
    for (const long of this.thingsByFirst.get(phoneticToken(tokens[0]!)) ?? []) if (isOrganisationShortForm(tokens, long.form.tokens)) found.add(long);
    for (const long of this.thingsByLast.get(phoneticToken(tokens[tokens.length - 1]!)) ?? []) if (isOrganisationShortForm(tokens, long.form.tokens)) found.add(long);
    found.delete(node);
    return [...found];
  }

  /** Full person names a short form may stand for, grouped by phonetic key; the edge holds when there is one group. */
  private fullNameGroups(tokens: readonly string[], lastPhonetic: string): Map<string, NameNode[]> {
    const groups = new Map<string, NameNode[]>();
    for (const person of this.personsBySurname.get(lastPhonetic) ?? []) {
      if (!isShortFormOf(tokens, person.form.tokens)) continue;
      const list = groups.get(person.form.phonetic) ?? [];
      list.push(person);
      groups.set(person.form.phonetic, list);
    }
    return groups;
  }

  /** Whether an edge holds, beyond its static conditions (uniqueness of short forms and definitions, type dominance). */
  private edgeHolds(edge: Edge): boolean {
    const { a, b, kind } = edge;
    switch (kind) {
      case 1: {
        const [short, long] = this.definitions.get(a.key)?.has(b.key) ? [a, b] : [b, a];
        return this.resolveDefinition(short.key)?.includes(long.key) ?? false;
      }
      case 3: {
        const [regime, person] = a.regimeOf ? [a, b] : [b, a];
        const tokens = regime.regimeOf!;
        // "the US government" is a country's: the words must name a person more often than anything else
        const key = tokens.join(' ');
        const personMentions = (this.byKey.get(key) ?? []).filter((n) => n.cls === 'person').reduce((sum, n) => sum + n.mentions, 0);
        const otherMentions = [...(this.byKey.get(key) ?? []), ...(this.byKey.get(key.toUpperCase()) ?? [])].filter((n) => n.cls !== 'person').reduce((sum, n) => sum + n.mentions, 0);
        if (otherMentions > personMentions) return false;
        const exact = [...(this.personsBySurname.get(regime.lastPhonetic) ?? [])].some((p) => tokensEqual(tokens, p.form.tokens));
        if (exact) return tokensEqual(tokens, person.form.tokens);
        const groups = this.fullNameGroups(tokens, regime.lastPhonetic);
        return groups.size === 1 && groups.has(person.form.phonetic);
      }
      case 4: {
        const [short, full] = a.form.tokens.length < b.form.tokens.length ? [a, b] : [b, a];
        const groups = this.fullNameGroups(short.form.tokens, short.lastPhonetic);
        if (groups.size !== 1 || !groups.has(full.form.phonetic)) return false;
        // a surname spelled differently ("Asad" for "Assad") needs the evidence a transliteration needs
        return lastToken(short.form.tokens) === lastToken(full.form.tokens) || this.sharesContext([short], [full]);
      }
      case 8: {
        const [acronym, long] = a.acronym ? [a, b] : [b, a];
        if (long.cls !== 'thing' || this.definitions.has(acronym.key)) return false;
        // of the names with these initials, those that some article writes beside the acronym
        const letters = acronym.key.toLowerCase();
        const fits = (this.thingsByInitials.get(letters) ?? []).filter((n) => this.cooccur(acronym, n) && !n.form.tokens.includes(letters));
        return new Set(fits.map((n) => n.form.phonetic)).size === 1 && fits.includes(long);
      }
      case 7: {
        const [short, long] = a.form.tokens.length < b.form.tokens.length ? [a, b] : [b, a];
        if (!isOrganisation(short) || !isOrganisation(long) || this.qualifiedElsewhere(short, long)) return false;
        // some article must write both: a capitalised common word ("Victims", "Garage") is not a short form
        const groups = new Set(this.organisationLongForms(short).filter(isOrganisation).map((n) => n.form.phonetic));
        return groups.size === 1 && groups.has(long.form.phonetic) && this.cooccur(short, long);
      }
      case 6: {
        const [minor, major] = a.mentions < b.mentions || (a.mentions === b.mentions && a.cls !== 'person') ? [a, b] : [b, a];
        // a single word can be two things (Washington the city, the president); a full name tagged two ways is noise
        const factor = minor.form.tokens.length >= 2 ? 1 : 3;
        if (major.mentions < factor * minor.mentions) return false;
        // a person's surname that fits a full name is a short form, not a mistyped place
        if (minor.cls === 'person' && this.fullNameGroups(minor.form.tokens, minor.lastPhonetic).size > 0) return false;
        return true;
      }
      default:
        return true;
    }
  }

  // ---- clustering ----------------------------------------------------------------------------------------------

  get needsClustering(): boolean {
    return this.dirty.size > 0 || this.orphans.size > 0;
  }

  /** Re-clusters what changed since the last call. Returns the ids of clusters removed and created. */
  recluster(): Reclustered {
    const job = this.reclusterJob();
    for (;;) {
      const step = job.next();
      if (step.done) return step.value;
    }
  }

  /** `recluster` in steps: the generator yields every few names or edges, so a caller can spread a large
   *  re-clustering (a whole workspace after a cold start) over many turns of the event loop. The clusters as they
   *  were stay in place until the last step, so queries in between see a consistent state. Names changed while the
   *  job runs are marked dirty again and re-clustered by the next run; names deleted meanwhile are left out. */
  *reclusterJob(): Generator<void, Reclustered> {
    if (!this.needsClustering) return { removed: [], created: [], reshaped: [] };
    // The region to re-cluster. It starts from the changed names and every name one candidate edge away from them
    // (whose links may have changed: "Bogdanov" when a second full name with that surname appears), and grows by
    // whole old clusters and by every edge that holds. Edges that do not hold are not followed: their state is
    // unchanged outside this start. Outside the region no cluster can change.
    const dirty = [...this.dirty];
    const orphans = [...this.orphans];
    for (const node of dirty) node.queued = false;
    this.dirty.clear();
    this.orphans.clear();
    const region = new Set<NameNode>();
    const queue: NameNode[] = [];
    let work = 0;
    for (const node of dirty) {
      queue.push(node);
      for (const edge of this.candidates(node)) queue.push(edge.b);
      // a name's candidates cost from microseconds to milliseconds (a common surname): a step per name
      yield;
    }
    for (const id of orphans) for (const node of this.clusters.get(id)?.nodes ?? []) queue.push(node);
    const removed = new Set<number>(orphans);
    const edges: Edge[] = [];
    while (queue.length > 0) {
      const node = queue.pop()!;
      if (region.has(node) || !this.isLive(node)) continue;
      region.add(node);
      if (node.cluster) {
        removed.add(node.cluster);
        for (const other of this.clusters.get(node.cluster)?.nodes ?? []) if (!region.has(other)) queue.push(other);
      }
      for (const edge of this.candidates(node)) {
        if (!this.edgeHolds(edge)) continue;
        edges.push(edge);
        if (!region.has(edge.b)) queue.push(edge.b);
      }
      if (++work % 4 === 0) yield;
    }
    // each holding edge was seen from both ends: keep one, between names still there
    const kept: Edge[] = [];
    for (let i = 0; i < edges.length; i++) {
      const edge = edges[i]!;
      if (edge.a.id < edge.b.id && region.has(edge.b)) kept.push(edge);
      if (i % 8192 === 8191) yield;
    }
    const groups = yield* this.clusterRegion([...region], kept);
    // the new clusters' lists, ready before the commit: sorted, without names deleted meanwhile
    const mutationsBefore = this.mutations;
    for (let g = 0; g < groups.length; g++) {
      let group = groups[g]!;
      if (!group.every((node) => this.isLive(node))) group = groups[g] = group.filter((node) => this.isLive(node));
      if (group.length > 1) group.sort((x, y) => y.mentions - x.mentions || (x.key < y.key ? -1 : 1));
      if (g % 128 === 127) yield;
    }
    // commit (no yield from here: queries see the old clusters or the new, never a mix); names deleted since the
    // lists were made are left out here too
    const changedMeanwhile = this.mutations !== mutationsBefore;
    const sizeBefore = new Map<number, number>();
    for (const id of removed) {
      sizeBefore.set(id, this.clusters.get(id)?.nodes.length ?? -1);
      this.clusters.delete(id);
    }
    const created: number[] = [];
    const reshaped: number[] = [];
    for (const group of groups) {
      const list = changedMeanwhile ? group.filter((node) => this.isLive(node)) : group;
      if (list.length === 0) continue;
      const id = this.nextClusterId++;
      // the same names as one cluster before (all were in it, and it had no others)?
      const before = list[0]!.cluster;
      if (before === 0 || sizeBefore.get(before) !== list.length || !list.every((node) => node.cluster === before)) reshaped.push(id);
      for (const node of list) node.cluster = id;
      this.clusters.set(id, { id, nodes: list });
      created.push(id);
    }
    return { removed: [...removed], created, reshaped };
  }

  /** Every cluster as the ids ("class|key") of its names: what a persisted index keeps so that a warm start need not
   *  cluster the whole workspace again. */
  exportClusters(): string[][] {
    const groups: string[][] = [];
    for (const cluster of this.clusters.values()) groups.push(cluster.nodes.map((node) => `${node.cls}|${node.key}`));
    return groups;
  }

  /** Puts saved clusters back (on a graph with none yet): a group is restored when all its names are here and none
   *  of them is `changed` (by key: named by an article added, changed or removed since the save). Restored names are
   *  no longer dirty; the rest are clustered by the next run, from the restored state, as an edit would be. Returns
   *  how many groups were restored. */
  restoreClusters(groups: readonly (readonly string[])[], changed: ReadonlySet<string>): number {
    if (this.clusters.size > 0) return 0;
    let restored = 0;
    for (const group of groups) {
      const nodes: NameNode[] = [];
      for (const id of group) {
        const bar = id.indexOf('|');
        const cls = id.slice(0, bar) as TypeClass;
        const key = id.slice(bar + 1);
        const node = changed.has(key) ? undefined : this.nodes[cls]?.get(key);
        if (!node || node.cluster) break;
        nodes.push(node);
      }
      if (nodes.length !== group.length || nodes.length === 0) continue;
      const id = this.nextClusterId++;
      for (const node of nodes) {
        node.cluster = id;
        this.unmarkDirty(node);
      }
      nodes.sort((x, y) => y.mentions - x.mentions || (x.key < y.key ? -1 : 1));
      this.clusters.set(id, { id, nodes });
      restored++;
    }
    return restored;
  }

  /** Whether a node is still in the graph (not deleted, nor replaced by a new node of the same name). */
  private isLive(node: NameNode): boolean {
    return this.nodes[node.cls].get(node.key) === node;
  }

  /** The clusters of a region (lists of names), by union under the guards; yields every few edges. */
  private *clusterRegion(nodes: NameNode[], edges: Edge[]): Generator<void, NameNode[][]> {
    const parent = new Map<NameNode, NameNode>();
    const members = new Map<NameNode, NameNode[]>();
    /** "These are different entities" tags of each root (only roots that have some). */
    const tags = new Map<NameNode, Set<string>>();
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      parent.set(node, node);
      members.set(node, [node]);
      const distinct = this.distinctTags.get(node.key);
      if (distinct) tags.set(node, new Set(distinct));
      if (i % 256 === 255) yield;
    }
    const find = (node: NameNode): NameNode => {
      let root = node;
      while (parent.get(root) !== root) root = parent.get(root)!;
      let current = node;
      while (parent.get(current) !== root) {
        const next = parent.get(current)!;
        parent.set(current, root);
        current = next;
      }
      return root;
    };
    // Deterministic order: by strength, then by the names, so a region gives the same clusters however it was reached.
    // (sorted in chunks, then merged, in steps: a whole workspace has hundreds of thousands of edges)
    edges = yield* sortInSteps(edges, (x, y) => x.kind - y.kind || compareKeys(x, y));
    let work = 0;
    for (const edge of edges) {
      // a transliteration edge checks shared context across articles: steps of a few edges
      if (++work % 16 === 0) yield;
      const ra = find(edge.a);
      const rb = find(edge.b);
      if (ra === rb) continue;
      const tagsA = tags.get(ra);
      const tagsB = tags.get(rb);
      if (tagsA && tagsB && conflicting(tagsA, tagsB)) continue;
      if (edge.kind === 5 && !this.transliterationHolds(members.get(ra)!, members.get(rb)!)) continue;
      const [big, small] = members.get(ra)!.length >= members.get(rb)!.length ? [ra, rb] : [rb, ra];
      parent.set(small, big);
      members.get(big)!.push(...members.get(small)!);
      members.delete(small);
      const smallTags = tags.get(small);
      if (smallTags) {
        const bigTags = tags.get(big);
        if (bigTags) for (const tag of smallTags) bigTags.add(tag);
        else tags.set(big, smallTags);
        tags.delete(small);
      }
    }
    const groups: NameNode[][] = [];
    for (const [root, list] of members) {
      if (parent.get(root) === root) groups.push(list);
      if (++work % 1024 === 0) yield;
    }
    return groups;
  }

  /** Guards of a transliteration union: no article writes two of the spellings being joined (an article that writes
   *  both means two things), and the two clusters share context. Names joined to either side by other rules (an
   *  alias, an acronym) may appear with the other spelling: "Jableh" and "Khmeimim" in one article are no objection. */
  private transliterationHolds(a: readonly NameNode[], b: readonly NameNode[]): boolean {
    for (const x of a) {
      for (const y of b) {
        if (x.acronym || y.acronym || x.form.phonetic !== y.form.phonetic) continue;
        if (this.cooccur(x, y)) return false;
      }
    }
    return this.sharesContext(a, b);
  }

  /** Whether two groups of names share context: at least two other names, each mentioned beside both and neither
   *  mentioned all over the workspace ("Latakia" and "Tartus" beside "Hmeimim" and "Khmeimim"; not "US"). */
  private sharesContext(a: readonly NameNode[], b: readonly NameNode[], needed = 2): boolean {
    const [small, large] = articleTotal(a) <= articleTotal(b) ? [a, b] : [b, a];
    const smallArticles = new Set<number>();
    for (const node of small) for (let i = 0; i < node.articles.size; i++) smallArticles.add(node.articles.idAt(i));
    const inCluster = new Set<NameNode>([...a, ...b]);
    const context = new Set<NameNode>();
    let seen = 0;
    for (const article of smallArticles) {
      if (++seen > 200) break;
      for (const other of this.nodesOfArticle(article)) if (!inCluster.has(other) && this.isTelling(other)) context.add(other);
    }
    const shared = new Set<NameNode>();
    seen = 0;
    for (const node of large) {
      for (let i = 0; i < node.articles.size; i++) {
        const article = node.articles.idAt(i);
        if (++seen > 400) return false;
        for (const other of this.nodesOfArticle(article)) {
          if (context.has(other)) shared.add(other);
          if (shared.size >= needed) return true;
        }
      }
    }
    return false;
  }

  /** Whether the rest of a long name, beside its short form, is itself a name the workspace uses for an organisation
   *  or a group: "Apple Mac" (Apple and Mac), "Scottish Football Association" (Scottish), "Aviator for Oscars". Then
   *  the long name is two things side by side, or a different body, not the short form's full name. A place is fine:
   *  "New Orleans Saints", "T-Mobile USA". */
  private qualifiedElsewhere(short: NameNode, long: NameNode): boolean {
    const tokens = long.form.tokens;
    const n = short.form.tokens.length;
    const prefix = short.form.tokens.every((token, i) => token === tokens[i]);
    let rest = prefix ? tokens.slice(n) : tokens.slice(0, tokens.length - n);
    while (rest.length > 0 && CONNECTIVES.has(rest[0]!)) rest = rest.slice(1);
    while (rest.length > 0 && CONNECTIVES.has(rest[rest.length - 1]!)) rest = rest.slice(0, -1);
    if (rest.length === 0) return false;
    // "Harvard School of Public Health", "Guardian Media Group": a body inside the organisation, not its full name
    if (rest.some((token) => SUB_BODY_WORDS.has(token))) return true;
    return (this.byKey.get(rest.join(' ')) ?? []).some((node) => node.cls === 'group' || (node.cls === 'thing' && isOrganisation(node)));
  }

  /** Whether two names appear in one article. */
  private cooccur(a: NameNode, b: NameNode): boolean {
    return a.articles.size <= b.articles.size ? shareAnArticle(a, b) : shareAnArticle(b, a);
  }

  // ---- queries -------------------------------------------------------------------------------------------------

  cluster(id: number): Cluster | undefined {
    return this.clusters.get(id);
  }

  allClusters(): IterableIterator<Cluster> {
    return this.clusters.values();
  }

  *allNodes(): IterableIterator<NameNode> {
    yield* this.nodes.person.values();
    yield* this.nodes.thing.values();
    yield* this.nodes.group.values();
  }

  /** Person nodes with this surname (phonetic key of the last token). */
  personsWithSurname(lastPhonetic: string): readonly NameNode[] {
    return this.personsBySurname.get(lastPhonetic) ?? [];
  }

  /** Which kind of edge joins two nodes directly, if any holds (for explanations). */
  linkBetween(a: NameNode, b: NameNode): EdgeKind | undefined {
    let best: EdgeKind | undefined;
    for (const edge of this.candidates(a)) {
      if (edge.b === b && (best === undefined || edge.kind < best) && this.edgeHolds(edge)) best = edge.kind;
    }
    return best;
  }
}

/** Keys a configured name may have as a mention, in each type class it could be tagged as. */
function keysOfName(name: string, includePersons: boolean): string[] {
  const classes: TypeClass[] = includePersons ? ['thing', 'group', 'person'] : ['thing', 'group'];
  return [...new Set(classes.map((cls) => nameForm(name, cls).key).filter((key) => key.length > 0))];
}

function tokensEqual(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((token, i) => sameWord(token, b[i]!));
}

/** Whether two names appear in one article (`small` the one in fewer articles). */
function shareAnArticle(small: NameNode, large: NameNode): boolean {
  for (let i = 0; i < small.articles.size; i++) if (large.articles.has(small.articles.idAt(i))) return true;
  return false;
}

function articleTotal(nodes: readonly NameNode[]): number {
  let total = 0;
  for (const node of nodes) total += node.articles.size;
  return total;
}

function conflicting(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size === 0 || b.size === 0) return false;
  for (const tag of a) {
    const group = tag.slice(0, tag.indexOf(':'));
    for (const other of b) if (other !== tag && other.startsWith(`${group}:`)) return true;
  }
  return false;
}

/** A stable sort in steps: chunks of 2,048 sorted one per step, then merged pairwise, yielding every 4,096 items. */
function* sortInSteps<T>(items: T[], compare: (a: T, b: T) => number): Generator<void, T[]> {
  const CHUNK = 2048;
  if (items.length <= CHUNK) return items.sort(compare);
  let runs: T[][] = [];
  for (let at = 0; at < items.length; at += CHUNK) {
    runs.push(items.slice(at, at + CHUNK).sort(compare));
    yield;
  }
  while (runs.length > 1) {
    const next: T[][] = [];
    for (let r = 0; r < runs.length; r += 2) {
      const a = runs[r]!;
      const b = runs[r + 1];
      if (!b) {
        next.push(a);
        continue;
      }
      const merged: T[] = new Array(a.length + b.length);
      let i = 0;
      let j = 0;
      let k = 0;
      while (i < a.length && j < b.length) {
        // ties keep a's item first: stable, as Array.prototype.sort
        merged[k++] = compare(b[j]!, a[i]!) < 0 ? b[j++]! : a[i++]!;
        if (k % 4096 === 0) yield;
      }
      while (i < a.length) merged[k++] = a[i++]!;
      while (j < b.length) merged[k++] = b[j++]!;
      next.push(merged);
      yield;
    }
    runs = next;
  }
  return runs[0]!;
}

function compareKeys(x: Edge, y: Edge): number {
  // (no destructuring: this runs a million times when a whole workspace is clustered)
  const xSwap = x.a.key > x.b.key;
  const ySwap = y.a.key > y.b.key;
  const xa = xSwap ? x.b : x.a;
  const xb = xSwap ? x.a : x.b;
  const ya = ySwap ? y.b : y.a;
  const yb = ySwap ? y.a : y.b;
  return cmp(xa.key, ya.key) || cmp(xb.key, yb.key) || cmp(xa.cls, ya.cls) || cmp(xb.cls, yb.cls);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Buckets are arrays: most hold one or two names, and an array is far smaller than a Set. */
function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

function removeFrom<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (!list) return;
  const at = list.indexOf(value);
  if (at >= 0) list.splice(at, 1);
  if (list.length === 0) map.delete(key);
}
