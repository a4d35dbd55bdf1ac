// Claims: what each figure states, about what, when, and on whose authority; plus the relations a sentence states
// between figures and dates (a count and the list it counts, percentages that make up a whole, the dates a duration
// or an age relates). The consistency checks compare claims; they never read the text.
//
// Every step looks at a bounded window of tokens around one figure (its sentence, at most MAX_SENTENCE_TOKENS), so
// the stage is linear in the length of the article.
import { daysOfDate, dayValue, monthValue, yearValue } from './calendar';
import { conceptOf, normaliseWord, singular } from './lemma';
import { tenseAround } from './tense';
import type {
  ArticleDate, Claim, DateArithmetic, DateMention, DateValue, EntityMention, Figure, Sentence, Span, Token,
} from './types';

export interface ClaimInputs {
  readonly articleDate?: ArticleDate;
  readonly dates: readonly DateMention[];
  readonly figures: readonly Figure[];
  readonly entities: readonly EntityMention[];
}

/** Words that say what happened to what is counted, by role. */
const ROLE_WORDS: Readonly<Record<string, string>> = {
  kill: 'killed', kills: 'killed', killed: 'killed', killing: 'killed', dead: 'killed', died: 'killed', die: 'killed',
  dies: 'killed', dying: 'killed', perished: 'killed', 'lost their lives': 'killed',
  injure: 'injured', injures: 'injured', injured: 'injured', injuring: 'injured', wounded: 'injured', wounding: 'injured',
  hurt: 'injured', hurting: 'injured', hospitalised: 'injured', hospitalized: 'injured',
  missing: 'missing', unaccounted: 'missing',
  arrested: 'arrested', arresting: 'arrested', detained: 'arrested', detaining: 'arrested',
  rescued: 'rescued', evacuated: 'evacuated', displaced: 'displaced', homeless: 'displaced', fled: 'displaced',
  deployed: 'deployed', stationed: 'deployed', destroyed: 'destroyed', damaged: 'damaged',
};
/** Roles of people: a figure with such a role and no counted noun counts people ("50 were injured"). */
const PERSON_ROLES = new Set(['killed', 'injured', 'missing', 'arrested', 'rescued', 'evacuated', 'displaced']);

/** Nouns a figure may be "of" or "at" when nothing is counted after it ("a death toll of 50", "put the magnitude at 5.9"). */
const SUBJECT_NOUNS = new Set([
  'toll', 'population', 'turnout', 'magnitude', 'budget', 'deficit', 'debt', 'unemployment', 'inflation', 'strength',
  'garrison', 'contingent', 'workforce', 'membership', 'attendance', 'crowd', 'audience', 'capacity', 'tally',
]);
/** Modifiers that say nothing about what is counted. */
const EMPTY_MODIFIERS = new Set([
  'other', 'others', 'more', 'additional', 'further', 'new', 'some', 'many', 'several', 'about', 'total', 'extra',
  'estimated', 'reported', 'confirmed', 'known', 'least', 'most', 'own', 'such', 'same', 'different', 'separate',
  'various', 'individual', 'whole', 'entire', 'full', 'mere', 'only', 'just',
]);
/** Kinds of place that make a phrase after a count its scope ("in the province", "across the region"). */
const PLACE_NOUNS = new Set(['province', 'district', 'city', 'country', 'region', 'village', 'town', 'area', 'state', 'county', 'island', 'capital', 'territory', 'continent', 'world', 'nation', 'coast', 'camp', 'prison', 'school', 'hospital', 'building', 'mosque', 'church', 'market']);
/** Subjects whose figures are one fact without a verb saying what happened: troop numbers, magnitudes, tolls,
 *  populations. */
const STOCK_HEADS = new Set(['troop', 'magnitude', 'toll', 'population', 'death', 'casualty', 'fatality', 'victim', 'refugee']);
/** Heads too general to compare. */
const VAGUE_HEADS = new Set([
  'time', 'way', 'thing', 'one', 'part', 'kind', 'sort', 'type', 'lot', 'bit', 'piece', 'number', 'place', 'point',
  'side', 'step', 'stage', 'level', 'round', 'case', 'area', 'item', 'reason', 'question', 'issue', 'example', 'word',
  'line', 'group', 'team', 'unit', 'member', 'year', 'day', 'month', 'week', 'hour', 'minute', 'game', 'match',
  'goal', 'point', 'set', 'shot', 'run', 'win', 'title', 'seat', 'vote', 'percent', 'per', 'cent', 'them', 'these',
  'those', 'all', 'each', 'both', 'either', 'top', 'first', 'last', 'rest',
]);

/** Verbs of change right before a figure ("rose to 50", "reached 25", "hit 1,000"). */
const CHANGE_VERBS = new Set([
  'rose', 'risen', 'rise', 'rises', 'rising', 'climbed', 'climb', 'climbs', 'climbing', 'increased', 'increase',
  'increases', 'grew', 'grown', 'jumped', 'soared', 'surged', 'reached', 'reaches', 'fell', 'fallen', 'dropped',
  'declined', 'revised', 'raised', 'lowered', 'updated', 'mounted', 'swelled', 'hit', 'topped', 'passed', 'exceeded',
  'stands', 'stood',
]);
/** Words anywhere near a figure that make it a moving figure ("now 4,000", "currently", "the latest toll"). */
const CHANGE_WORDS = new Set(['now', 'currently', 'latest', 'mounting', 'initially', 'originally', 'revised', 'updated', 'still', 'provisional', 'preliminary']);
const CHANGE_PAIRS = [['so', 'far'], ['to', 'date'], ['thus', 'far'], ['as', 'of'], ['up', 'from'], ['down', 'from'], ['at', 'first']];

const ATTRIBUTION_VERBS = new Set([
  'said', 'says', 'say', 'told', 'tells', 'reported', 'reports', 'report', 'estimated', 'estimates', 'estimate',
  'announced', 'announces', 'stated', 'states', 'claimed', 'claims', 'put', 'puts', 'confirmed', 'confirms', 'added',
  'quoted', 'cited',
]);
const CONTRAST_WORDS = new Set(['but', 'while', 'whereas', 'although', 'though', 'however']);

const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'this', 'that', 'these', 'those']);

/** Words before a date that make it the start or the end of a period. */
const START_WORDS = new Set(['signed', 'agreed', 'began', 'begun', 'begins', 'started', 'starts', 'starting', 'beginning', 'launched', 'concluded', 'struck', 'sealed', 'inked', 'from', 'effective', 'opened', 'broke']);
const END_WORDS = new Set(['until', 'till', 'through', 'expires', 'expire', 'expiring', 'expired', 'ends', 'ending', 'ended', 'end', 'runs', 'run', 'lasts', 'last', 'finished', 'closed']);
/** Nouns a duration can be the term of. */
const TERM_NOUNS = new Set([
  'lease', 'deal', 'contract', 'agreement', 'treaty', 'term', 'sentence', 'concession', 'licence', 'license', 'loan',
  'mandate', 'tenure', 'battle', 'siege', 'war', 'conflict', 'campaign', 'offensive', 'operation', 'occupation',
  'presidency', 'reign', 'rule', 'ban', 'truce', 'ceasefire', 'cease-fire', 'moratorium', 'programme', 'program',
  'mission', 'deployment', 'strike', 'blockade', 'lockout', 'trial', 'investigation', 'inquiry', 'marriage', 'career',
  'stint', 'spell', 'tour', 'project', 'plan', 'partnership', 'alliance', 'membership', 'sponsorship', 'franchise',
]);

/** The token range [first, end) of a span. */
interface TokenRange {
  readonly first: number;
  readonly end: number;
}

export function findClaims(text: string, tokens: readonly Token[], sentences: readonly Sentence[], inputs: ClaimInputs): Claim[] {
  if (inputs.figures.length === 0 && !inputs.dates.some((d) => /\bago\b/i.test(d.text))) return [];
  return new ClaimFinder(text, tokens, sentences, inputs).run();
}

class ClaimFinder {
  /** Sentence index of each token. */
  private readonly sentenceOf: Int32Array;
  private readonly quotes: Span[];
  private readonly figureTokens: TokenRange[];
  private readonly dateTokens: TokenRange[];
  private readonly entityTokens: TokenRange[];
  /** Per sentence, the indices of the entities, dates and figures starting in it (everything stays local). */
  private readonly entitiesBySentence: number[][];
  private readonly datesBySentence: number[][];
  private readonly figuresBySentence: number[][];
  /** Per token, the entity or date covering it (-1 for none), and whether a figure starts there. */
  private readonly tokenEntity: Int32Array;
  private readonly tokenDate: Int32Array;
  private readonly figureStart: Uint8Array;
  private readonly articleValue?: DateValue;
  private readonly claims: Claim[] = [];
  /** Claims by figure index (filled as they are made). */
  private readonly byFigure = new Map<number, number>();

  constructor(
    private readonly text: string,
    private readonly tokens: readonly Token[],
    private readonly sentences: readonly Sentence[],
    private readonly inputs: ClaimInputs,
  ) {
    this.sentenceOf = new Int32Array(tokens.length).fill(-1);
    sentences.forEach((s, i) => {
      for (let k = s.firstToken; k < s.endToken; k++) this.sentenceOf[k] = i;
    });
    this.quotes = quoteRegions(text);
    this.figureTokens = inputs.figures.map((f) => this.rangeOf(f));
    this.dateTokens = inputs.dates.map((d) => this.rangeOf(d));
    this.entityTokens = inputs.entities.map((e) => this.rangeOf(e));
    const bucket = (ranges: readonly TokenRange[]) => {
      const out: number[][] = sentences.map(() => []);
      ranges.forEach((r, i) => {
        const s = this.sentenceOf[Math.min(r.first, tokens.length - 1)];
        if (s !== undefined && s >= 0) out[s]!.push(i);
      });
      return out;
    };
    this.entitiesBySentence = bucket(this.entityTokens);
    this.datesBySentence = bucket(this.dateTokens);
    this.figuresBySentence = bucket(this.figureTokens);
    const cover = (ranges: readonly TokenRange[]) => {
      const out = new Int32Array(tokens.length).fill(-1);
      ranges.forEach((r, i) => {
        for (let k = r.first; k < Math.min(r.end, tokens.length); k++) out[k] = i;
      });
      return out;
    };
    this.tokenEntity = cover(this.entityTokens);
    this.tokenDate = cover(this.dateTokens);
    this.figureStart = new Uint8Array(tokens.length + 1);
    for (const r of this.figureTokens) if (r.first < tokens.length) this.figureStart[r.first] = 1;
    const ad = inputs.articleDate;
    if (ad) {
      const { year, month, day } = ad.date;
      this.articleValue = day !== undefined && month !== undefined ? dayValue(daysOfDate(ad.date)) : month !== undefined ? monthValue(year, month) : yearValue(year);
    }
  }

  run(): Claim[] {
    const { figures } = this.inputs;
    for (let f = 0; f < figures.length; f++) {
      const claim = this.figureClaim(f);
      if (!claim) continue;
      this.byFigure.set(f, this.claims.length);
      this.claims.push(claim);
    }
    this.addParts();
    this.addAgoClaims();
    return this.claims;
  }

  // ---- token helpers -------------------------------------------------------------------------------------------

  /** First token starting at or after `offset`. */
  private tokenAt(offset: number): number {
    const tokens = this.tokens;
    let lo = 0;
    let hi = tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tokens[mid]!.start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private rangeOf(span: Span): TokenRange {
    const first = this.tokenAt(span.start);
    let end = first;
    while (end < this.tokens.length && this.tokens[end]!.start < span.end) end++;
    return { first, end: Math.max(end, first + 1) };
  }

  private word(k: number): string {
    const token = this.tokens[k];
    return token && token.kind === 'word' ? token.text.toLowerCase() : '';
  }

  private tokenText(k: number): string {
    return this.tokens[k]?.text ?? '';
  }

  private sentence(k: number): Sentence | undefined {
    const i = this.sentenceOf[k];
    return i === undefined || i < 0 ? undefined : this.sentences[i];
  }

  /** Whether a span lies inside a quotation (quotations are sorted and do not overlap: binary search). */
  private isQuoted(span: Span): boolean {
    let lo = 0;
    let hi = this.quotes.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.quotes[mid]!.start <= span.start) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const q = found >= 0 ? this.quotes[found]! : undefined;
    return !!q && span.start >= q.start && span.end <= q.end;
  }

  /** Punctuation that ends a clause for our purposes. */
  private isClauseBreak(k: number): boolean {
    const t = this.tokenText(k);
    return t === ';' || t === ':' || t === '—' || t === '–' || t === '(' || t === ')';
  }

  // ---- one figure ----------------------------------------------------------------------------------------------

  private figureClaim(f: number): Claim | undefined {
    const figure = this.inputs.figures[f]!;
    const range = this.figureTokens[f]!;
    const sentence = this.sentence(range.first);
    if (!sentence) return undefined;
    const quoted = this.isQuoted(figure);
    const counted = this.countedRange(figure, range, sentence);
    let subjectWords = counted ? this.words(counted) : [];
    let role = this.roleAround(range, counted ?? range, sentence);
    // nothing counted after the figure: "a death toll of 50", "put the quake's magnitude at 5.9", "50 were injured"
    if (subjectWords.length === 0) subjectWords = this.subjectBefore(range, sentence);
    if (subjectWords.length === 0 && role && PERSON_ROLES.has(role) && figure.kind === 'count') subjectWords = ['people'];
    if (figure.kind === 'magnitude') {
      // the magnitude of an event: "a 5.6 magnitude earthquake", "magnitude-5.2 quake"
      subjectWords = ['magnitude'];
      role = undefined;
    }
    const lemmas = subjectWords.map(normaliseWord).filter((w) => w.length > 0);
    const headWord = lemmas.length > 0 ? singular(lemmas[lemmas.length - 1]!) : undefined;
    // "dead" as the counted word: people killed
    let head = headWord ? conceptOf(headWord) : undefined;
    if (head === 'dead') {
      head = 'person';
      role = 'killed';
    }
    const modifiers = lemmas
      .slice(0, -1)
      .map((w) => singular(w))
      .filter((w) => !EMPTY_MODIFIERS.has(w) && !DETERMINERS.has(w) && conceptOf(w) !== head && !ROLE_WORDS[w]);
    const subject = headWord ? [...modifiers, headWord].join(' ') : '';
    const scope = this.scopeAfter(counted ? counted.end : range.end, sentence, this.clauseOf(range, sentence));
    const attribution = this.attributionOf(range, sentence);
    const about = this.aboutOf(range, sentence, attribution?.range);
    const when = this.whenOf(range, sentence);
    const tense = tenseAround(this.tokens, sentence, range.first, range.end);
    const changing = this.isChanging(range, sentence);
    const key = this.keyOf(figure, range, head, modifiers, role, quoted);
    const claim: Claim = {
      start: figure.start,
      end: figure.end,
      figure: f,
      sentence: this.sentenceOf[range.first]!,
      subject,
      ...(head ? { head } : {}),
      ...(role ? { role } : {}),
      ...(key ? { key } : {}),
      value: figure.value,
      low: figure.low,
      high: figure.high,
      ...(figure.unit ? { unit: figure.unit } : {}),
      about,
      ...(when?.value ? { when: when.value } : {}),
      ...(when ? { whenFrom: when.from } : {}),
      ...(tense ? { tense } : {}),
      ...(attribution ? { attribution: attribution.text } : {}),
      ...(scope ? { scope } : {}),
      quoted,
      changing,
    };
    const listed = this.listAfter(figure, range, counted, sentence);
    const arithmetic = this.arithmeticOf(figure, range, sentence);
    return { ...claim, ...(listed ? { listed } : {}), ...(arithmetic ? { arithmetic } : {}) };
  }

  /** The key claims are compared by, or undefined when the claim is too vague to compare. */
  private keyOf(figure: Figure, range: TokenRange, head: string | undefined, modifiers: readonly string[], role: string | undefined, quoted: boolean): string | undefined {
    if (quoted || !head || VAGUE_HEADS.has(head)) return undefined;
    if (!['count', 'money', 'magnitude', 'mass', 'volume', 'length', 'area'].includes(figure.kind)) return undefined;
    // a part of a whole named before it: "including 15 children", "among them 3 women", "15 of them"
    const before = this.word(range.first - 1);
    if (['including', 'among', 'plus', 'besides', 'excluding', 'another', 'additional', 'further', 'extra'].includes(before)) return undefined;
    // Only what a sentence says happened to what it counts makes two counts one fact ("five people killed", "800
    // homes destroyed"); without a role, only the stock figures of news (troop numbers, magnitudes, tolls,
    // populations) are. Everything else shares nouns across different facts far too often (seasons, carries, shots).
    let effectiveRole = role;
    if (STOCK_HEADS.has(head) && (role === 'deployed' || head !== 'troop')) effectiveRole = undefined;
    if (!effectiveRole && !STOCK_HEADS.has(head)) return undefined;
    const unit = figure.kind === 'count' || figure.kind === 'magnitude' ? '' : figure.unit ?? '';
    return [figure.kind, head, [...new Set(modifiers)].sort().join(' '), effectiveRole ?? '', unit].join('|');
  }

  /** The tokens of the figure's counted noun phrase (as the figures stage found it). */
  private countedRange(figure: Figure, range: TokenRange, sentence: Sentence): TokenRange | undefined {
    if (!figure.counted) return undefined;
    const at = this.text.indexOf(figure.counted, figure.end);
    if (at < 0 || at > this.tokens[Math.min(sentence.endToken, this.tokens.length) - 1]!.end) return undefined;
    const first = this.tokenAt(at);
    if (first - range.end > 4) return undefined;
    let end = first;
    while (end < sentence.endToken && this.tokens[end]!.end <= at + figure.counted.length) end++;
    return end > first ? { first, end } : undefined;
  }

  private words(range: TokenRange): string[] {
    const out: string[] = [];
    for (let k = range.first; k < range.end; k++) if (this.tokens[k]!.kind === 'word') out.push(this.tokens[k]!.text);
    return out;
  }

  /** "the death toll rose to 50", "a population of 160,000", "put the quake's magnitude at 5.9". */
  private subjectBefore(range: TokenRange, sentence: Sentence): string[] {
    const lo = Math.max(sentence.firstToken, range.first - 6);
    for (let k = range.first - 1; k >= lo; k--) {
      if (this.isClauseBreak(k) || this.tokenText(k) === ',') break;
      const w = this.word(k);
      if (!SUBJECT_NOUNS.has(w)) continue;
      if (w === 'toll') return ['toll'];
      return [w];
    }
    return [];
  }

  /** What happened to what is counted: a role word just before the figure or just after what it counts. */
  private roleAround(range: TokenRange, counted: TokenRange, sentence: Sentence): string | undefined {
    // inside the counted phrase: "30 wounded soldiers", "people dead"
    for (let k = counted.first; k < counted.end; k++) {
      const role = ROLE_WORDS[this.word(k)];
      if (role) return role;
    }
    // after: "five people were killed", "250 others injured", "people had been killed"
    const hi = Math.min(sentence.endToken, counted.end + 4);
    for (let k = counted.end; k < hi; k++) {
      const t = this.tokenText(k);
      if (t === ',' || t === ';' || t === '.' || this.tokens[k]!.kind === 'number') break;
      const w = this.word(k);
      const role = ROLE_WORDS[w];
      if (role) return role;
      if (!['were', 'was', 'are', 'is', 'been', 'have', 'has', 'had', 'be', 'being', 'reportedly', 'also', 'now', 'left', 'people', 'others', 'confirmed', 'feared', 'believed', 'to', 'were', 'reported'].includes(w)) break;
    }
    // before: "killing at least eight civilians", "killed one person", "injuring 40"
    const lo = Math.max(sentence.firstToken, range.first - 3);
    for (let k = range.first - 1; k >= lo; k--) {
      const t = this.tokenText(k);
      if (t === ',' || t === ';' || t === '.' || t === 'and' || t === 'or') break;
      const role = ROLE_WORDS[this.word(k)];
      if (role) return role;
    }
    return undefined;
  }

  /**
   * Where the count holds, when a place phrase follows it: "killed 170,000 people in the province" and "230,000
   * people across Asia" are different facts. A phrase counts as a scope when it names an entity, a number ("in 13
   * countries") or a kind of place; "in the attack", "on Sunday" do not. Lower-cased, determiners dropped.
   */
  private scopeAfter(from: number, sentence: Sentence, clause: TokenRange): string | undefined {
    let k = from;
    const hi = Math.min(sentence.endToken, from + 5);
    while (k < hi && (ROLE_WORDS[this.word(k)] || ['were', 'was', 'are', 'is', 'been', 'have', 'has', 'had', 'reportedly', 'people', 'others'].includes(this.word(k)))) k++;
    const near = this.scopeAt(k, sentence);
    if (near) return near;
    // a place phrase later in the clause ("injured 200 people and damaged 300 houses in Aceh")
    for (let m = k + 1; m < clause.end; m++) {
      if (this.tokenText(m) === ',') break;
      const found = this.scopeAt(m, sentence);
      if (found) return found;
    }
    return undefined;
  }

  private scopeAt(k: number, sentence: Sentence): string | undefined {
    if (!['in', 'across', 'around', 'throughout', 'inside', 'near', 'outside', 'worldwide', 'nationwide'].includes(this.word(k))) return undefined;
    if (this.word(k) === 'worldwide' || this.word(k) === 'nationwide') return this.word(k);
    const words: string[] = [];
    let named = false;
    const end = Math.min(sentence.endToken, k + 8);
    for (let m = k + 1; m < end; m++) {
      const token = this.tokens[m]!;
      const w = this.word(m);
      if (token.kind === 'punct' || ['and', 'or', 'after', 'when', 'as', 'since', 'during', 'by', 'following', 'while', 'on', 'in', 'were', 'was', 'are', 'is', 'be', 'been', 'have', 'has', 'had', 'will', 'would', 'could', 'said', 'says', 'to', 'who', 'which', 'that', 'where', 'before', 'with', 'for', 'at'].includes(w)) break;
      if (w.length > 4 && (w.endsWith('ed') || w.endsWith('ing'))) break;
      if (this.tokenDate[m]! >= 0) break;
      if (this.tokenEntity[m]! >= 0 || token.kind === 'number' || PLACE_NOUNS.has(singular(this.word(m)))) named = true;
      if (!DETERMINERS.has(this.word(m))) words.push(token.text.toLowerCase());
    }
    if (this.word(k + 1 + words.length) === 'alone') words.push('alone');
    return named && words.length > 0 ? words.join(' ') : undefined;
  }

  /**
   * The clause a figure is in: the sentence cut at semicolons, dashes and colons, and at a comma before "and", "but",
   * "while", "whereas" ("killed 31,000 in Bam in 2003, and 600 were killed in Zarand" is two clauses).
   */
  private clauseOf(range: TokenRange, sentence: Sentence): TokenRange {
    const cut = (k: number) => {
      const t = this.tokenText(k);
      if (t === ';' || t === '—' || t === '–' || t === ':') return true;
      return t === ',' && ['and', 'but', 'while', 'whereas', 'although', 'though'].includes(this.word(k + 1));
    };
    let first = sentence.firstToken;
    for (let k = range.first - 1; k >= sentence.firstToken; k--) {
      if (cut(k)) {
        first = k + 1;
        break;
      }
    }
    let end = sentence.endToken;
    for (let k = range.end; k < sentence.endToken; k++) {
      if (cut(k)) {
        end = k;
        break;
      }
    }
    return { first, end };
  }

  /** Entities mentioned in the figure's clause (else its sentence), except those inside the attribution ("according
   *  to the UN"). */
  private aboutOf(range: TokenRange, sentence: Sentence, attribution: TokenRange | undefined): number[] {
    const clause = this.clauseOf(range, sentence);
    const pick = (from: TokenRange) => {
      const about: number[] = [];
      for (const e of this.entitiesBySentence[this.sentenceOf[sentence.firstToken]!] ?? []) {
        const r = this.entityTokens[e]!;
        if (r.first < from.first || r.first >= from.end) continue;
        if (attribution && r.first >= attribution.first && r.end <= attribution.end) continue;
        about.push(e);
      }
      return about;
    };
    const inClause = pick(clause);
    return inClause.length > 0 ? inClause : pick(sentence.firstToken === clause.first && sentence.endToken === clause.end ? clause : { first: sentence.firstToken, end: sentence.endToken });
  }

  /**
   * When the claim holds: the nearest date in the figure's clause (not one the claim holds since), else the article's
   * own date. A date the clause names but that cannot be resolved (a weekday in an undated article) leaves the time
   * unknown, `from: 'text'` without a value, so the claim is never compared with one of another time.
   */
  private whenOf(range: TokenRange, sentence: Sentence): { value?: DateValue; from: 'text' | 'article' } | undefined {
    const { dates } = this.inputs;
    const clause = this.clauseOf(range, sentence);
    let best: { value?: DateValue; distance: number } | undefined;
    const index = this.sentenceOf[sentence.firstToken]!;
    for (const d of this.datesBySentence[index] ?? []) {
      const r = this.dateTokens[d]!;
      if (r.first < clause.first || r.first >= clause.end) continue;
      const before = this.word(r.first - 1);
      if (before === 'since' || before === 'born' || this.word(r.first - 2) === 'born') continue;
      // "hit by 2004 tsunami": a year naming another event in a phrase of its own, not the clause's time ("the 2004
      // tsunami ... was triggered by a 9.1-magnitude quake" is about 2004)
      if (dates[d]!.kind === 'year' && ['by', 'of', 'after', 'since', 'before', 'like', 'than'].includes(before) && this.tokens[r.end]?.kind === 'word' && /^[a-z]/.test(this.tokenText(r.end))) continue;
      const value = dates[d]!.value;
      const distance = r.first >= range.end ? r.first - range.end : range.first - r.end;
      if (!best || (value && !best.value) || (!!value === !!best.value && distance < best.distance)) best = { value, distance };
    }
    if (best) return { ...(best.value ? { value: best.value } : {}), from: 'text' };
    // Narrative continues from a dated sentence: "In April last year an 8.6-magnitude quake struck. Five people died."
    // A date elsewhere in the sentence, or in the sentence before, that is not the article's own time leaves the time
    // unknown rather than the article's.
    for (const s of index > 0 ? [index, index - 1] : [index]) {
      for (const d of this.datesBySentence[s] ?? []) {
        const r = this.dateTokens[d]!;
        if (r.first >= clause.first && r.first < clause.end) continue;
        const date = dates[d]!;
        if (this.inputs.articleDate?.span && date.start < this.inputs.articleDate.span.end && date.end > this.inputs.articleDate.span.start) continue;
        if (!date.value || !this.articleValue || date.value.lastDay < this.articleValue.firstDay - 7 || date.value.firstDay > this.articleValue.lastDay) {
          return { from: 'text' };
        }
      }
    }
    return this.articleValue ? { value: this.articleValue, from: 'article' } : undefined;
  }

  private isChanging(range: TokenRange, sentence: Sentence): boolean {
    const lo = Math.max(sentence.firstToken, range.first - 8);
    const hi = Math.min(sentence.endToken, range.end + 8);
    for (let k = lo; k < hi; k++) {
      if (k >= range.first && k < range.end) continue;
      if (CHANGE_WORDS.has(this.word(k))) return true;
    }
    for (let k = range.first - 1; k >= Math.max(sentence.firstToken, range.first - 3); k--) {
      if (CHANGE_VERBS.has(this.word(k))) return true;
    }
    // "so far", "to date", "as of": a running total, wherever it sits in the sentence
    for (let k = sentence.firstToken; k < sentence.endToken - 1; k++) {
      const w = this.word(k);
      for (const [a, b] of CHANGE_PAIRS) if (w === a && this.word(k + 1) === b) return true;
    }
    return false;
  }

  // ---- attribution ---------------------------------------------------------------------------------------------

  /** The source the figure's clause cites: "according to X", "X said", "said X", "X put it at". */
  private attributionOf(range: TokenRange, sentence: Sentence): { text: string; range: TokenRange } | undefined {
    // the figure's clause: from the last contrast word before it to the next one after it
    let lo = sentence.firstToken;
    let hi = sentence.endToken;
    for (let k = range.first - 1; k > sentence.firstToken; k--) {
      if (this.tokenText(k) === ';' || (CONTRAST_WORDS.has(this.word(k)) && this.tokenText(k - 1) === ',')) {
        lo = k + 1;
        break;
      }
    }
    for (let k = range.end; k < sentence.endToken; k++) {
      if (this.tokenText(k) === ';' || (CONTRAST_WORDS.has(this.word(k)) && this.tokenText(k - 1) === ',')) {
        hi = k;
        break;
      }
    }
    const found: { text: string; range: TokenRange; distance: number }[] = [];
    for (let k = lo; k < hi; k++) {
      const w = this.word(k);
      if (w === 'according' && this.word(k + 1) === 'to') {
        const source = this.phraseAfter(k + 2, hi);
        if (source) found.push({ ...source, distance: Math.abs(k - range.first) });
      } else if (ATTRIBUTION_VERBS.has(w) && !(k >= range.first && k < range.end)) {
        // "X said" (source before) or "said X" (source after, at the end of a clause)
        const before = this.phraseBefore(k, lo);
        if (before) found.push({ ...before, distance: Math.abs(k - range.first) });
        else if (this.tokenText(k - 1) === ',' || this.tokenText(k - 1) === '"' || this.tokenText(k - 1) === '”') {
          // ", said Kacong." : a short name closing the clause, not the start of what was said
          const after = this.phraseAfter(k + 1, hi);
          const next = after ? this.tokenText(after.range.end) : '';
          if (after && after.range.end - after.range.first <= 5 && (after.range.end >= hi || [',', '.', ';', '!', '?'].includes(next))) {
            found.push({ ...after, distance: Math.abs(k - range.first) });
          }
        }
      } else if ((w === 'citing' || (w === 'by' && ['cited', 'quoted', 'reported', 'released', 'published', 'compiled'].includes(this.word(k - 1))))) {
        const source = this.phraseAfter(k + 1, hi);
        if (source) found.push({ ...source, distance: Math.abs(k - range.first) });
      }
    }
    if (found.length === 0) return undefined;
    found.sort((a, b) => a.distance - b.distance);
    return { text: found[0]!.text, range: found[0]!.range };
  }

  /** A source named right before an attribution verb: an entity, or a short noun phrase ("state media", "officials"). */
  private phraseBefore(verb: number, lo: number): { text: string; range: TokenRange } | undefined {
    // "Russia's military on Tuesday said": the date between the source and the verb is not the source
    let k = verb;
    const covering = this.tokenDate[k - 1] ?? -1;
    const date = covering >= 0 && this.dateTokens[covering]!.end === k ? this.dateTokens[covering] : undefined;
    if (date) k = this.word(date.first - 1) === 'on' ? date.first - 1 : date.first;
    let first = k;
    for (let m = k - 1; m >= Math.max(lo, k - 7); m--) {
      const token = this.tokens[m]!;
      if (token.kind !== 'word' && token.text !== "'s" && token.text !== '’s' && token.text !== '.' && token.text !== '-') break;
      const w = token.text.toLowerCase();
      if (['had', 'has', 'have', 'was', 'were', 'is', 'also', 'later', 'previously', 'earlier', 'it', 'that', 'and', 'but', 'who', 'which', 'as', 'he', 'she', 'they', 'we', 'i'].includes(w) && m === k - 1) {
        if (['it', 'he', 'she', 'they', 'we', 'i'].includes(w)) return undefined;
        continue;
      }
      if (['and', 'but', 'that', 'which', 'who', 'when', 'after', 'before', 'as', 'while', 'said', 'in', 'on', 'at', 'with', 'from', 'of'].includes(w) && m < k - 1) break;
      first = m;
    }
    while (first < k && DETERMINERS.has(this.word(first))) first++;
    if (first >= k) return undefined;
    const words = this.tokens.slice(first, k).map((t) => t.text);
    while (words.length > 0 && ['had', 'has', 'have', 'was', 'were', 'is', 'also', 'later', 'previously', 'earlier'].includes(words[words.length - 1]!.toLowerCase())) words.pop();
    if (words.length === 0) return undefined;
    return { text: words.join(' ').replace(/ (['’]s)/g, '$1'), range: { first, end: k } };
  }

  private phraseAfter(k: number, hi: number): { text: string; range: TokenRange } | undefined {
    let m = k;
    while (m < hi && DETERMINERS.has(this.word(m))) m++;
    const first = m;
    while (m < hi && m - first < 8) {
      const token = this.tokens[m]!;
      if (token.kind !== 'word' && token.text !== "'s" && token.text !== '’s' && token.text !== '-') break;
      const w = token.text.toLowerCase();
      if (['said', 'says', 'and', 'but', 'which', 'who', 'that', 'on', 'in', 'at', 'as', 'to', 'for', 'with'].includes(w) && m > first) break;
      m++;
    }
    if (m === first) return undefined;
    return { text: this.tokens.slice(first, m).map((t) => t.text).join(' ').replace(/ (['’]s)/g, '$1'), range: { first, end: m } };
  }

  // ---- lists ---------------------------------------------------------------------------------------------------

  /** "two military bases in Syria: a naval base in the port city of Tartus and an air base near Jableh". */
  private listAfter(figure: Figure, _range: TokenRange, counted: TokenRange | undefined, sentence: Sentence): Claim['listed'] {
    if (figure.kind !== 'count' || !counted || figure.hedgeKind !== 'exact' || figure.range || figure.vague) return undefined;
    if (!Number.isInteger(figure.value) || figure.value < 2 || figure.value > 12) return undefined;
    const { tokens } = this;
    // a short prepositional tail may sit between what is counted and the colon ("two bases in Syria:")
    let k = counted.end;
    if (['in', 'at', 'of', 'near', 'on', 'across', 'from', 'around', 'inside', 'outside'].includes(this.word(k))) {
      const limit = Math.min(sentence.endToken, counted.end + 6);
      while (k < limit && tokens[k]!.kind === 'word' && !['is', 'are', 'was', 'were', 'have', 'has', 'had', 'will', 'would', 'said', 'including', 'include', 'includes', 'such', 'and', 'or'].includes(this.word(k))) k++;
    }
    const opener = this.tokenText(k);
    let closer: string | undefined;
    if (opener === ':' || opener === '—' || opener === '–') closer = undefined;
    else if (opener === '(') closer = ')';
    else if (this.word(k) === 'namely') closer = undefined;
    else return undefined;
    if (opener === '—' || opener === '–') {
      // a dash-led list ends at the next dash or the sentence end
    }
    const from = k + 1;
    let to = sentence.endToken;
    for (let m = from; m < sentence.endToken; m++) {
      const t = this.tokenText(m);
      if ((closer && t === closer) || (!closer && (t === '—' || t === '–' || t === '(' || t === ':'))) {
        to = m;
        break;
      }
    }
    // the sentence's final stop
    while (to > from && ['.', '!', '?', '"', '”', "'", '’'].includes(this.tokenText(to - 1))) to--;
    if (to - from < 1 || to - from > 80) return undefined;
    for (let m = from; m < to; m++) if (tokens[m]!.breakBefore > 0) return undefined;
    const listed = this.splitList(from, to);
    if (!listed || listed.items.length < 2) return undefined;
    // a bracket holds explanations as often as lists: only a list of names counts ("three countries (France, ...)")
    if (closer === ')' && !listed.items.every((item) => /^[A-Z]/.test(item))) return undefined;
    // a dash leads a clause as often as a list: only short items without figures or verbs
    if (opener !== ':' && opener !== '(' && listed.items.some((item) => item.split(/\s+/).length > 6 || /\d|\b\w+ed\b/.test(item))) return undefined;
    return listed;
  }

  /** Items of an enumeration in tokens [from, to), or undefined when it does not read as a plain list. */
  private splitList(from: number, to: number): Claim['listed'] {
    const { tokens } = this;
    const insideEntity = (k: number) => {
      const e = this.tokenEntity[k]!;
      return e >= 0 && k > this.entityTokens[e]!.first && k < this.entityTokens[e]!.end;
    };
    for (let k = from; k < to; k++) {
      const w = this.word(k);
      if (['including', 'include', 'includes', 'such', 'among', 'etc', 'etc.', 'e.g.', 'like', 'plus', 'besides', 'also', 'respectively', 'each', 'both', 'either', 'neither', 'whom', 'which', 'who', 'where', 'when', 'if', 'because'].includes(w)) return undefined;
      if (['is', 'are', 'was', 'were', 'has', 'have', 'had', 'will', 'would', 'said', 'says', 'can', 'could', 'should', 'must', 'may', 'might', 'do', 'does', 'did'].includes(w)) return undefined;
      if (w === 'and' && (this.word(k + 1) === 'others' || this.word(k + 1) === 'more' || this.word(k + 1) === 'other')) return undefined;
      if (w === 'as' && this.word(k + 1) === 'well') return undefined;
      if (tokens[k]!.text === '"' || tokens[k]!.text === '“') return undefined;
    }
    const semicolons = tokens.slice(from, to).some((t) => t.text === ';');
    const separator = semicolons ? ';' : ',';
    const segments: TokenRange[] = [];
    let start = from;
    for (let k = from; k <= to; k++) {
      if (k === to || tokens[k]!.text === separator) {
        if (k > start) segments.push({ first: start, end: k });
        else return undefined;
        start = k + 1;
      }
    }
    const items: TokenRange[] = [];
    let uncertain = 0;
    segments.forEach((segment, i) => {
      let first = segment.first;
      const joiner = this.word(first);
      if (i > 0 && (joiner === 'and' || joiner === 'or')) first++;
      const ands: number[] = [];
      for (let k = first; k < segment.end; k++) {
        const w = this.word(k);
        if ((w === 'and' || w === 'or' || w === '&') && !insideEntity(k)) ands.push(k);
      }
      // an "and" inside a name may join two names ("Nokia and Sony", which taggers often take as one name) or be
      // part of one ("Bosnia and Herzegovina"): split there, and count the split as uncertain
      for (let k = first; k < segment.end; k++) {
        if ((this.word(k) === 'and' || this.word(k) === 'or') && insideEntity(k)) {
          ands.push(k);
          uncertain++;
        }
      }
      ands.sort((a, b) => a - b);
      if (ands.length === 0) items.push({ first, end: segment.end });
      else if (ands.length === 1 && i === segments.length - 1) {
        items.push({ first, end: ands[0]! }, { first: ands[0]! + 1, end: segment.end });
      } else items.push({ first: -1, end: -1 });
    });
    if (items.some((item) => item.first < 0 || item.end <= item.first || item.end - item.first > 10)) return undefined;
    if (items.length < 2 && !segments.length) return undefined;
    const names = items.map((item) => this.text.slice(tokens[item.first]!.start, tokens[item.end - 1]!.end).replace(/\s+/g, ' '));
    return { items: names, ...(uncertain > 0 ? { joined: uncertain } : {}) };
  }

  // ---- percentages that make up a whole ------------------------------------------------------------------------

  /** "85 percent of the territory ... the remaining 15 percent"; "60 percent ... 50 percent ... the rest". */
  private addParts(): void {
    const { figures } = this.inputs;
    const isShare = (f: number) => figures[f]!.kind === 'percent' && figures[f]!.unit === 'percent' && !this.isChangeShare(f);
    for (let f = 0; f < figures.length; f++) {
      if (!isShare(f)) continue;
      const range = this.figureTokens[f]!;
      const marker = this.remainderBefore(range.first);
      if (!marker) continue;
      const parts = this.partsBefore(f, isShare);
      if (parts.length === 0) continue;
      // "owns 55% ... will sell 10% of its stake ... the remaining 12%": the whole is the 55%, not 100
      const total = [...parts, f].reduce((sum, g) => sum + figures[g]!.value, 0);
      const sentence = this.sentenceOf[range.first]!;
      const window = this.figuresBetween(this.sentences[Math.max(0, sentence - 4)]!.firstToken, range.first);
      if (window.some((g) => !parts.includes(g) && isShare(g) && figures[g]!.value > total && figures[g]!.value < 100)) continue;
      this.attach(f, { parts: { figures: parts, remainder: 'figure' } });
    }
    // "the rest" with no figure, after parts that already make up more than the whole
    for (let s = 0; s < this.sentences.length; s++) {
      const sentence = this.sentences[s]!;
      for (let k = sentence.firstToken; k < sentence.endToken - 1; k++) {
        if (!(this.word(k) === 'the' && (this.word(k + 1) === 'rest' || this.word(k + 1) === 'remainder'))) continue;
        if (this.tokens[k + 2]?.kind === 'number' || this.figureStartsAt(k + 2)) continue;
        const before = this.figuresBetween(sentence.firstToken, k).filter(isShare);
        if (before.length < 2) continue;
        const last = before[before.length - 1]!;
        if (this.claims[this.byFigure.get(last) ?? -1]?.parts) continue;
        this.attach(last, { parts: { figures: before, remainder: 'rest' } });
      }
    }
  }

  private figureStartsAt(k: number): boolean {
    return this.figureStart[k] === 1 || this.figureStart[k + 1] === 1;
  }

  /** "rose 5 percent", "up 3 percent", "by 10 percent": a change, not a share of a whole. */
  private isChangeShare(f: number): boolean {
    const range = this.figureTokens[f]!;
    for (let k = range.first - 1; k >= Math.max(0, range.first - 2); k--) {
      const w = this.word(k);
      if (['by', 'up', 'down', 'rose', 'fell', 'grew', 'increased', 'decreased', 'dropped', 'gained', 'lost', 'jumped', 'slipped', 'climbed', 'added', 'shed', 'rise', 'fall', 'increase', 'decrease', 'drop', 'gain', 'growth', 'cut', 'than'].includes(w)) return true;
    }
    const after = this.word(range.end);
    return after === 'increase' || after === 'rise' || after === 'drop' || after === 'fall' || after === 'growth' || after === 'cut' || after === 'higher' || after === 'lower' || after === 'more' || after === 'less' || after === 'stake';
  }

  /** "the remaining", "the rest,", "the other", "the remainder" within three tokens before a figure. */
  private remainderBefore(first: number): boolean {
    for (let k = first - 1; k >= Math.max(0, first - 4); k--) {
      const w = this.word(k);
      if (w === 'remaining' || w === 'rest' || w === 'remainder') return true;
      if (w === 'other' && this.word(k - 1) === 'the') return true;
      if (this.tokens[k]!.kind === 'number') return false;
    }
    return false;
  }

  /** The share figures before figure f that it completes: earlier in its sentence, else in the sentence before
   *  (same paragraph). */
  private partsBefore(f: number, isShare: (f: number) => boolean): number[] {
    const range = this.figureTokens[f]!;
    const s = this.sentenceOf[range.first]!;
    const sentence = this.sentences[s]!;
    const parts = this.figuresBetween(sentence.firstToken, range.first).filter(isShare);
    if (parts.length > 0) return parts.slice(-6);
    // an earlier sentence (up to four back) whose shares say what they are shares of ("85 percent of the territory")
    for (let p = s - 1; p >= Math.max(0, s - 4); p--) {
      const previous = this.sentences[p]!;
      const shares = this.figuresBetween(previous.firstToken, previous.endToken).filter(isShare);
      if (shares.length === 0) continue;
      return shares.every((g) => this.inputs.figures[g]!.counted) ? shares.slice(-6) : [];
    }
    return [];
  }

  private figuresBetween(first: number, end: number): number[] {
    const out: number[] = [];
    if (end <= first) return out;
    const from = this.sentenceOf[Math.min(first, this.tokens.length - 1)]!;
    const to = this.sentenceOf[Math.min(end - 1, this.tokens.length - 1)]!;
    const candidates: number[] = [];
    for (let s = Math.max(0, from); s <= to; s++) candidates.push(...(this.figuresBySentence[s] ?? []));
    for (const f of candidates) {
      const r = this.figureTokens[f]!;
      if (r.first >= first && r.end <= end) out.push(f);
    }
    return out;
  }

  private attach(f: number, extra: Partial<Claim>): void {
    const i = this.byFigure.get(f);
    if (i === undefined) return;
    this.claims[i] = { ...this.claims[i]!, ...extra };
  }

  // ---- date arithmetic -----------------------------------------------------------------------------------------

  private datesIn(sentence: Sentence): number[] {
    const out: number[] = [];
    for (const d of this.datesBySentence[this.sentenceOf[sentence.firstToken]!] ?? []) {
      const r = this.dateTokens[d]!;
      if (r.first >= sentence.firstToken && r.first < sentence.endToken && this.inputs.dates[d]!.value) out.push(d);
    }
    return out;
  }

  /** Words just before a date (up to two), lower-cased. */
  private before(d: number): [string, string] {
    const r = this.dateTokens[d]!;
    return [this.word(r.first - 1), this.word(r.first - 2)];
  }

  private isExplicit(d: number): boolean {
    const kind = this.inputs.dates[d]!.kind;
    return kind === 'absolute' || kind === 'numeric' || kind === 'month-year' || kind === 'year' || kind === 'range';
  }

  private arithmeticOf(figure: Figure, range: TokenRange, sentence: Sentence): DateArithmetic | undefined {
    if (figure.kind === 'age') return this.ageArithmetic(range, sentence);
    if (figure.kind !== 'duration' || figure.range || figure.vague) return undefined;
    if (!['year', 'month', 'week', 'day', 'decade'].includes(figure.unit ?? '')) return undefined;
    const dates = this.datesIn(sentence).filter((d) => this.isExplicit(d));
    const next = this.word(range.end);
    // "two years after the 2017 deal", "three years later"
    if (next === 'after' || next === 'before') {
      const clauseEnd = this.clauseEnd(range.end + 1, sentence);
      const inside = dates.filter((d) => this.dateTokens[d]!.first > range.end && this.dateTokens[d]!.first < clauseEnd);
      const outside = dates.filter((d) => this.dateTokens[d]!.first < range.first || this.dateTokens[d]!.first >= clauseEnd);
      if (inside.length === 1 && outside.length === 1) {
        return next === 'after' ? { kind: 'after', from: inside[0], to: outside[0] } : { kind: 'after', from: outside[0], to: inside[0] };
      }
      return undefined;
    }
    // a term: "a 49-year lease signed in 2017 ... until 2066", "a nine-month battle from October 2016 to July 2017"
    const termNoun = this.termNounAfter(range) || this.word(range.first - 1) === 'for';
    const ranges = dates.filter((d) => this.inputs.dates[d]!.kind === 'range');
    if (termNoun && ranges.length === 1 && dates.length === 1) return { kind: 'span', from: ranges[0] };
    const starts = dates.filter((d) => this.inputs.dates[d]!.kind !== 'range' && this.isStart(d));
    const ends = dates.filter((d) => this.inputs.dates[d]!.kind !== 'range' && this.isEnd(d));
    if (termNoun && starts.length === 1 && ends.length === 1 && starts[0] !== ends[0]) return { kind: 'term', from: starts[0], to: ends[0] };
    // "for two years, since 2015": up to the article's date
    const since = this.datesIn(sentence).filter((d) => this.before(d)[0] === 'since' && this.isExplicit(d));
    if (since.length === 1 && this.articleValue && (this.word(range.first - 1) === 'for' || this.word(range.first - 1) === 'past' || this.word(range.first - 1) === 'last') && Math.abs(this.dateTokens[since[0]!]!.first - range.end) <= 8) {
      return { kind: 'since', from: since[0], to: -1 };
    }
    return undefined;
  }

  private isStart(d: number): boolean {
    const [b1, b2] = this.before(d);
    // "signed in 2017", "from 2017", "a lease in 2017"
    return START_WORDS.has(b1) || ((b1 === 'in' || b1 === 'on') && (START_WORDS.has(b2) || TERM_NOUNS.has(b2) || TERM_NOUNS.has(singular(b2))));
  }

  private isEnd(d: number): boolean {
    const [b1, b2] = this.before(d);
    return (END_WORDS.has(b1) && b1 !== 'last') || (b1 === 'in' && END_WORDS.has(b2)) || (b1 === 'to' && (b2 === 'runs' || b2 === 'run' || b2 === 'lasting'));
  }

  /** The noun a duration is the term of: "a 49-year lease", "a nine-month battle" (up to two words on). */
  private termNounAfter(range: TokenRange): boolean {
    for (let k = range.end; k < Math.min(this.tokens.length, range.end + 3); k++) {
      const w = this.word(k);
      if (TERM_NOUNS.has(w) || TERM_NOUNS.has(singular(w))) return true;
      if (!w) return false;
    }
    return false;
  }

  /** The end of the clause starting at k: a comma, semicolon or dash (or the sentence end). */
  private clauseEnd(k: number, sentence: Sentence): number {
    for (let m = k; m < sentence.endToken; m++) {
      const t = this.tokenText(m);
      if (t === ',' || t === ';' || t === '—' || t === '–') return m;
    }
    return sentence.endToken;
  }

  /** "the 45-year-old, born in 1979", "aged 45 (born 1979)". */
  private ageArithmetic(range: TokenRange, sentence: Sentence): DateArithmetic | undefined {
    const dates = this.datesIn(sentence);
    const born = dates.filter((d) => {
      const [b1, b2] = this.before(d);
      return (b1 === 'born' || b2 === 'born') && this.inputs.dates[d]!.kind !== 'relative' && Math.abs(this.dateTokens[d]!.first - range.end) <= 12;
    });
    if (born.length !== 1) return undefined;
    const others = dates.filter((d) => d !== born[0] && this.isExplicit(d) && this.inputs.dates[d]!.kind !== 'range');
    if (others.length === 1) return { kind: 'age', from: born[0], to: others[0] };
    if (others.length === 0 && this.articleValue) return { kind: 'age', from: born[0], to: -1 };
    return undefined;
  }

  /** "two years ago, in 2015": a relative date beside the explicit date it should equal. */
  private addAgoClaims(): void {
    const { dates } = this.inputs;
    for (let d = 0; d < dates.length; d++) {
      const date = dates[d]!;
      if (date.kind !== 'relative' || !date.value || !/\bago$/i.test(date.text) || date.approximate) continue;
      const r = this.dateTokens[d]!;
      const sentence = this.sentence(r.first);
      if (!sentence) continue;
      for (const e of this.datesBySentence[this.sentenceOf[r.first]!] ?? []) {
        if (e === d || !this.isExplicit(e) || dates[e]!.kind === 'range' || !dates[e]!.value) continue;
        const q = this.dateTokens[e]!;
        if (q.first < sentence.firstToken || q.first >= sentence.endToken) continue;
        if ((q.first >= r.end ? q.first - r.end : r.first - q.end) > 3) continue;
        const gap = q.first >= r.end ? this.tokens.slice(r.end, q.first) : this.tokens.slice(q.end, r.first);
        if (gap.length > 3 || !gap.every((t) => [',', 'in', '(', 'on', 'during', 'back', '—', '–'].includes(t.text.toLowerCase()))) continue;
        this.claims.push({
          start: date.start,
          end: date.end,
          figure: -1,
          date: d,
          sentence: this.sentenceOf[r.first]!,
          subject: '',
          value: 0,
          low: 0,
          high: 0,
          about: [],
          quoted: this.isQuoted(date),
          changing: false,
          arithmetic: { kind: 'ago', to: e },
        });
        break;
      }
    }
    this.claims.sort((a, b) => a.start - b.start);
  }
}

/**
 * Quotations: spans between paired curly quotes, or between straight double quotes (which toggle), reset at every
 * paragraph break so an unpaired quote cannot run on through the article.
 */
export function quoteRegions(text: string): Span[] {
  const regions: Span[] = [];
  let open = -1;
  let curly = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 && i + 1 < text.length && text.charCodeAt(i + 1) === 10) {
      if (open >= 0) regions.push({ start: open, end: i });
      open = -1;
      continue;
    }
    if (c === 0x201c) {
      if (open < 0) {
        open = i;
        curly = true;
      }
    } else if (c === 0x201d) {
      if (open >= 0 && curly) {
        regions.push({ start: open, end: i + 1 });
        open = -1;
      }
    } else if (c === 34) {
      if (open < 0) {
        open = i;
        curly = false;
      } else if (!curly) {
        regions.push({ start: open, end: i + 1 });
        open = -1;
      }
    }
  }
  if (open >= 0) regions.push({ start: open, end: text.length });
  return regions;
}
