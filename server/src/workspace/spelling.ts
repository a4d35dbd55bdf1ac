// Spellings of one entity: which mentions spell the same name differently ("Khmeimim" where most articles write
// "Hmeimim"), the spelling to suggest, and where in a mention the name's words are (so a rename or a fix replaces
// "Khmeimim" in "Khmeimim Air Base" and leaves "Air Base" alone). Pure: works on index views.
import { nameForm, nameTokens, phoneticToken, typeClassOf } from './names';
import type { ClusterView, MentionRef } from './index';
import type { MentionSummary } from './summary';

/** A span inside a mention's text. */
export interface TextRun {
  readonly start: number;
  readonly end: number;
}

export interface SpellingUse {
  /** The spelling as most often written. */
  readonly text: string;
  /** Lower-cased key of the spelling. */
  readonly key: string;
  readonly phonetic: string;
  readonly mentions: MentionRef[];
  readonly articles: Set<string>;
}

export interface SpellingGroup {
  readonly phonetic: string;
  /** The spelling to suggest: used in the most articles, then the most often, then the cluster's canonical name. */
  readonly preferred: SpellingUse;
  /** All spellings of the group, preferred first. */
  readonly spellings: readonly SpellingUse[];
}

export interface VariantInfo {
  readonly cluster: ClusterView;
  readonly spelling: SpellingUse;
  readonly group: SpellingGroup;
  readonly preferred: SpellingUse;
  /** Articles other than this mention's that use the preferred spelling. */
  readonly otherArticles: number;
}

/** The core of a mention ("Hmeimim" in "Hmeimim Air Base"), as offsets into its text. */
export function coreRun(mention: MentionSummary): TextRun {
  const form = nameForm(mention.text, typeClassOf(mention.type));
  return { start: form.coreStart, end: form.coreEnd };
}

/** The run of words in a mention that spell the given name (by sound, word for word), if any:
 *  "Hmeimim" is found in "Khmeimim Air Base" and in "the Hemeimeem base"; "Bogdanov" in "Mikhail Bogdanov". */
export function findNameRun(mentionText: string, phoneticWords: readonly string[]): TextRun | undefined {
  const tokens = nameTokens(mentionText);
  const phonetics = tokens.map((token) => phoneticToken(token.folded));
  outer: for (let i = 0; i + phoneticWords.length <= tokens.length; i++) {
    for (let k = 0; k < phoneticWords.length; k++) if (phonetics[i + k] !== phoneticWords[k]) continue outer;
    return { start: tokens[i]!.start, end: tokens[i + phoneticWords.length - 1]!.end };
  }
  return undefined;
}

/** The phonetic words of a name as written. */
export function phoneticWords(name: string): string[] {
  return nameTokens(name).map((token) => phoneticToken(token.folded));
}

const groupsCache = new WeakMap<ClusterView, { uses: Map<string, SpellingUse>; groups: Map<string, SpellingGroup> }>();

/** Spellings of a cluster grouped by sound; acronyms and short forms are their own names, never variants. */
export function spellingGroups(cluster: ClusterView): { uses: Map<string, SpellingUse>; groups: Map<string, SpellingGroup> } {
  const cached = groupsCache.get(cluster);
  if (cached) return cached;
  const uses = new Map<string, SpellingUse>();
  const written = new Map<string, Map<string, number>>();
  for (const article of cluster.articles) {
    for (const ref of article.mentions) {
      const form = nameForm(ref.mention.text, typeClassOf(ref.mention.type));
      if (form.acronym) continue;
      const core = form.core.replace(/\s+/g, ' ');
      const key = core.toLowerCase();
      let use = uses.get(key);
      if (!use) {
        use = { text: core, key, phonetic: form.phonetic, mentions: [], articles: new Set() };
        uses.set(key, use);
        written.set(key, new Map());
      }
      use.mentions.push(ref);
      use.articles.add(ref.uri);
      const counts = written.get(key)!;
      counts.set(core, (counts.get(core) ?? 0) + 1);
    }
  }
  for (const [key, counts] of written) {
    const best = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
    (uses.get(key) as { text: string }).text = best;
  }
  const byPhonetic = new Map<string, SpellingUse[]>();
  for (const use of uses.values()) byPhonetic.set(use.phonetic, [...(byPhonetic.get(use.phonetic) ?? []), use]);
  const groups = new Map<string, SpellingGroup>();
  const canonical = cluster.canonical.toLowerCase();
  for (const [phonetic, list] of byPhonetic) {
    list.sort(
      (a, b) =>
        b.articles.size - a.articles.size ||
        b.mentions.length - a.mentions.length ||
        Number(b.key === canonical) - Number(a.key === canonical) ||
        (a.text < b.text ? -1 : 1),
    );
    groups.set(phonetic, { phonetic, preferred: list[0]!, spellings: list });
  }
  const result = { uses, groups };
  groupsCache.set(cluster, result);
  return result;
}

/** Whether a mention spells its entity's name differently from the rest of the workspace, and how they spell it.
 *  Only when the preferred spelling is used in another article. */
export function variantOf(cluster: ClusterView, ref: MentionRef): VariantInfo | undefined {
  const form = nameForm(ref.mention.text, typeClassOf(ref.mention.type));
  if (form.acronym) return undefined;
  const { uses, groups } = spellingGroups(cluster);
  const spelling = uses.get(form.core.replace(/\s+/g, ' ').toLowerCase());
  if (!spelling) return undefined;
  const group = groups.get(spelling.phonetic);
  if (!group || group.spellings.length < 2 || group.preferred === spelling) return undefined;
  const otherArticles = [...group.preferred.articles].filter((uri) => uri !== ref.uri).length;
  if (otherArticles === 0) return undefined;
  return { cluster, spelling, group, preferred: group.preferred, otherArticles };
}
