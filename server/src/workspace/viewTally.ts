// The counts behind a cluster view: mentions by type, and by spelling (a name's core, case-insensitive) with its
// written forms and the articles it appears in. Kept with a cached view and updated article by article, so that an
// edit to one article re-counts that article's mentions, not the 15,000 of "United States" across the workspace
// (touching every mention object of a large cluster costs milliseconds in cache misses alone).
import type { EntityType } from '../analysis/types';
import { nameForm, typeClassOf, type NameForm, type TypeClass } from './names';
import type { MentionSummary } from './summary';

export interface Spelling {
  readonly text: string;
  readonly mentions: number;
  readonly articles: number;
  /** An acronym ("HTS") or a short form of a person's name ("Bogdanov"): never the canonical name, never a variant. */
  readonly acronym: boolean;
  readonly short: boolean;
  /** Spellings with the same phonetic key are variants of one another ("Hmeimim" / "Khmeimim" / "Hemeimeem"). */
  readonly phonetic: string;
}

/** A surface's name form, its core with white space collapsed, and that core in lower case (a spelling's key):
 *  memoised, as the same surfaces recur in every cluster view. */
interface Spell {
  readonly form: NameForm;
  readonly core: string;
  readonly key: string;
}

const spells: Record<TypeClass, Map<string, Spell>> = { person: new Map(), thing: new Map(), group: new Map() };

function spellingOf(text: string, cls: TypeClass): Spell {
  const cache = spells[cls];
  let spell = cache.get(text);
  if (!spell) {
    const form = nameForm(text, cls);
    const core = form.core.replace(/\s+/g, ' ');
    spell = { form, core, key: core.toLowerCase() };
    if (cache.size >= 200_000) cache.clear();
    cache.set(text, spell);
  }
  return spell;
}

/** One spelling's counts. */
interface SpellingCount {
  /** Written forms (core, white space collapsed) -> mentions. */
  readonly forms: Map<string, number>;
  mentions: number;
  articles: number;
  /** The last `add` that counted an article for it (to count each article once). */
  lastAdd: number;
  /** Mentions by type class ("Jordan" the person and the place). */
  readonly byClass: Record<TypeClass, number>;
}

const CLASSES: readonly TypeClass[] = ['person', 'thing', 'group'];

/** The class most of a spelling's mentions have (ties: person, thing, group). With the most written form, it says
 *  what the spelling is (an acronym? a short name?), whatever order the mentions were counted in. */
function mainClass(entry: SpellingCount): TypeClass {
  let best: TypeClass = 'person';
  for (const cls of CLASSES) if (entry.byClass[cls] > entry.byClass[best]) best = cls;
  return best;
}

let addCounter = 0;

export class ViewTally {
  readonly types: Record<EntityType, number> = { person: 0, organization: 0, place: 0, group: 0 };
  /** Types of the full names' mentions only (not acronyms, more than one word). */
  readonly fullTypes: Record<EntityType, number> = { person: 0, organization: 0, place: 0, group: 0 };
  mentionCount = 0;
  private readonly spellings = new Map<string, SpellingCount>();

  /** Counts (sign 1) or uncounts (sign -1) one article's mentions of the cluster. */
  add(mentions: readonly { readonly mention: MentionSummary }[], sign: 1 | -1): void {
    const stamp = ++addCounter;
    for (const { mention } of mentions) this.count(mention, sign, stamp);
  }

  /** `add` for one article's mentions given by index into its list. */
  addIndexed(entities: readonly MentionSummary[], indices: readonly number[], sign: 1 | -1): void {
    const stamp = ++addCounter;
    for (const index of indices) this.count(entities[index]!, sign, stamp);
  }

  /** One mention counted in (or out); `stamp` is the article's (its spellings count the article once). */
  private count(mention: MentionSummary, sign: 1 | -1, stamp: number): void {
    const type = mention.type;
    this.types[type] += sign;
    this.mentionCount += sign;
    const cls = typeClassOf(type);
    const { form, core, key } = spellingOf(mention.text, cls);
    if (!form.acronym && form.tokens.length > 1) this.fullTypes[type] += sign;
    let entry = this.spellings.get(key);
    if (!entry) {
      entry = { forms: new Map(), mentions: 0, articles: 0, lastAdd: 0, byClass: { person: 0, thing: 0, group: 0 } };
      this.spellings.set(key, entry);
    }
    entry.byClass[cls] += sign;
    const forms = (entry.forms.get(core) ?? 0) + sign;
    if (forms > 0) entry.forms.set(core, forms);
    else entry.forms.delete(core);
    entry.mentions += sign;
    if (entry.lastAdd !== stamp) {
      entry.lastAdd = stamp;
      entry.articles += sign;
    }
    if (entry.mentions <= 0) this.spellings.delete(key);
  }

  /** Spellings, most mentioned first (then in most articles, then alphabetically). */
  spellingList(): Spelling[] {
    const described = [...this.spellings.values()].map((entry) => {
      const text = [...entry.forms.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? 1 : -1))[0]![0];
      const cls = mainClass(entry);
      return { entry, text, cls, form: spellingOf(text, cls).form };
    });
    let maxPersonTokens = 0;
    for (const { entry, text } of described) if (entry.byClass.person > 0) maxPersonTokens = Math.max(maxPersonTokens, spellingOf(text, 'person').form.tokens.length);
    return described
      .map(({ entry, text, cls, form }) => {
        return {
          text,
          mentions: entry.mentions,
          articles: entry.articles,
          acronym: form.acronym,
          short: cls === 'person' && form.tokens.length === 1 && maxPersonTokens > 1,
          phonetic: form.phonetic,
        };
      })
      .sort((a, b) => b.mentions - a.mentions || b.articles - a.articles || (a.text < b.text ? -1 : 1));
  }

  /** The type of the full names' mentions decides; acronyms and short forms are what taggers get wrong most. */
  type(): EntityType {
    const full = this.fullTypes;
    const tally = full.person + full.organization + full.place + full.group > 0 ? full : this.types;
    return (Object.keys(tally) as EntityType[]).reduce((best, t) => (tally[t] > tally[best] ? t : best), 'person' as EntityType);
  }
}
