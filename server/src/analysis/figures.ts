// Figures: counts, amounts, percentages, measures, durations and ages; hedges turn values into intervals (the rules
// are in hedges.ts). One left-to-right pass over tokens; every step looks at a bounded number of tokens.
//
// What is a figure here, and what is not:
// - digits ("4,300", "3.5", "1.2m"), spelled numbers ("two bases", "twenty-five", "one hundred and twenty", "a dozen"),
//   scales ("4.8 billion", "$450m"), percentages, money, measures with units, durations and ages ("49-year",
//   "nearly three years", "a 10-year-old girl", "aged 36"), magnitudes ("5.6-magnitude"), ranges ("10 to 20",
//   "between 10 and 20"), vague counts ("dozens of", "thousands of") with a wide interval, fractions of a whole
//   ("half of", "two-thirds of", "one in five") as percentages;
// - ordinals only before a unit of time ("in its seventh year", "the 5th day"): useful for date arithmetic, noise
//   elsewhere ("the first", "second-largest", "5th Avenue" are not figures);
// - spelled numbers need something counted or a unit after them ("two bases", not "the two met"); "one" needs a
//   plain counted noun ("killed one person"; not "one of the", "no one", "one day", "one another");
// - never figures: dates and years (dates.ts claims those tokens first), times ("09:03", "10 am"), phone numbers and
//   codes ("02-398-8585", "007"), numbers in URLs and e-mails (tokenised whole), designators ("No. 10", "Article 5",
//   "Boeing 737", "Resolution 2254"), list numbers at the start of a line, sports scores ("won 3-1").
import type { DateMention, Figure, FigureDimension, HedgeKind, Sentence, Token } from './types';
import { parseDigits, parseSpelled, numberWordValue, ordinalValue, SCALES, VAGUE_COUNTS } from './numbers';
import {
  GLUED_HEDGES, halfUnitOfDigits, hedgeAfter, hedgeBefore, intervalOf, intervalOfRange, writtenTolerance,
  type FoundHedge, type HedgeSpec,
} from './hedges';
import { currencyBefore, gluedUnit, unitAt, type UnitSpec } from './units';
import { monthOfWord } from './calendar';

const word = (tokens: readonly Token[], k: number): string =>
  k >= 0 && k < tokens.length && tokens[k]!.kind === 'word' ? tokens[k]!.text.toLowerCase() : '';
const text = (tokens: readonly Token[], k: number): string => (k >= 0 && k < tokens.length ? tokens[k]!.text : '');

function sameLine(tokens: readonly Token[], k: number): boolean {
  return k < tokens.length && tokens[k]!.breakBefore === 0;
}

function isCapitalised(token: Token | undefined): boolean {
  if (!token || token.kind !== 'word') return false;
  const c = token.text.charCodeAt(0);
  return c >= 65 && c <= 90;
}

function isSentenceStart(tokens: readonly Token[], k: number, sentenceFirst: number): boolean {
  if (k === sentenceFirst || k === 0) return true;
  const prev = tokens[k - 1]!;
  return tokens[k]!.breakBefore > 0 || ['"', '“', '‘', "'", '(', '[', '-', '–', '—', ':', '•', '*'].includes(prev.text);
}

/** Words before a number that make it a label, not a quantity ("No. 10", "Article 5", "page 3"). */
const DESIGNATORS = new Set([
  'no', 'no.', 'nos', 'nos.', 'number', 'section', 'article', 'chapter', 'clause', 'paragraph', 'page', 'pages', 'route',
  'flight', 'room', 'unit', 'highway', 'level', 'phase', 'round', 'game', 'match', 'episode', 'season', 'part',
  'volume', 'vol', 'vol.', 'item', 'resolution', 'rule', 'platform', 'gate', 'terminal', 'line', 'bus', 'tier',
  'grade', 'category', 'class', 'stage', 'step', 'version', 'v', 'p', 'pp', 'p.', 'pp.', 'fig', 'fig.', 'figure',
  'table', 'exhibit', 'amendment', 'act', 'code', 'model', 'channel', 'apartment', 'suite', 'floor', 'block', 'lot',
  'district', 'ward', 'precinct', 'squadron', 'brigade', 'battalion', 'division', 'regiment', 'corps', 'camp', 'base',
  'hole', 'lane', 'track', 'row', 'seat', 'box', 'tel', 'tel.', 'phone', 'fax', 'mobile', 'call', 'hotline', 'ext',
  'ext.', 'id', 'ref', 'case', 'file', 'docket', 'law', 'bill', 'decree', 'order', 'protocol', 'annex', 'appendix',
  'series', 'week', 'day', 'minute', 'year', 'pillar', 'sector', 'zone', 'area', 'exit', 'junction', 'interstate',
  'parcel', 'plot', 'lot', 'number', 'numbers', 'issue', 'edition', 'at',
]);
/** Words around a hyphenated pair of numbers that make it a score or a vote, not a range ("won 3-1", "a 5-4 ruling"). */
const SCORE_BEFORE = new Set([
  'won', 'win', 'wins', 'winning', 'beat', 'beats', 'beaten', 'beating', 'defeated', 'defeat', 'drew', 'draw', 'drawn',
  'lost', 'lose', 'loses', 'losing', 'led', 'lead', 'leads', 'leading', 'trail', 'trailed', 'trailing', 'victory',
  'score', 'scored', 'scoreline', 'thrashed', 'edged', 'routed', 'clinched', 'voted', 'vote', 'votes', 'ruled',
  'margin', 'by', 'at', 'of', 'a', 'the', 'their', 'his', 'her', 'its', 'final', 'halftime', 'half-time', 'full-time',
]);
const SCORE_AFTER = new Set([
  'win', 'victory', 'defeat', 'loss', 'lead', 'draw', 'triumph', 'scoreline', 'thrashing', 'home', 'away', 'aggregate',
  'decision', 'vote', 'majority', 'ruling', 'split', 'verdict', 'scoreline', 'result', 'score', 'in', 'on', 'at',
]);

/** Words that end a counted noun phrase. */
const NP_STOP = new Set([
  'am', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'have', 'has', 'had', 'do', 'does', 'did', 'will', 'would',
  'can', 'could', 'may', 'might', 'must', 'shall', 'should', 'said', 'says', 'say', 'told', 'according', 'it', 'they',
  'them', 'he', 'she', 'we', 'you', 'i', 'who', 'which', 'that', 'this', 'these', 'those', 'what', 'whose', 'whom',
  'where', 'when', 'while', 'whereas', 'as', 'than', 'so', 'such', 'very', 'too', 'also', 'still', 'already', 'now',
  'then', 'ago', 'later', 'earlier', 'just', 'only', 'more', 'most', 'less', 'least', 'each', 'every', 'all', 'both',
  'some', 'any', 'no', 'not', 'nor', 'or', 'and', 'but', 'if', 'per', 'a', 'an', 'the', 'its', 'their', 'his', 'her',
  'our', 'my', 'your', 'in', 'on', 'at', 'to', 'from', 'by', 'with', 'for', 'of', 'into', 'onto', 'over', 'under',
  'about', 'across', 'after', 'before', 'during', 'since', 'until', 'near', 'between', 'among', 'against', 'through',
  'without', 'within', 'around', 'including', 'like', 'out', 'off', 'up', 'down', 'away', 'back', 'there', 'here',
  'old', 'last', 'next', 'ago', 'apiece', 'each', 'respectively', 'or', 'plus', 'minus', 'times', 'until', 'since',
  'because', 'despite', 'amid', 'toward', 'towards', 'upon', 'via', 'versus', 'vs', 'vs.', 'once', 'twice', 'again',
  'yet', 'even', 'instead', 'rather', 'almost', 'nearly', 'about', 'roughly', 'approximately', 'were', 'remain',
  'remained', 'remains', 'left', 'went', 'came', 'got', 'made', 'took', 'died', 'met', 'held', 'fell', 'rose',
  'themselves', 'himself', 'herself', 'itself', 'ourselves', 'elsewhere', 'overall', 'altogether', 'together',
  // common verbs (irregular pasts and present forms) that would otherwise run into the phrase
  'struck', 'hit', 'shook', 'rocked', 'broke', 'began', 'became', 'brought', 'built', 'caught', 'chose', 'drew', 'drove',
  'fled', 'fought', 'found', 'gave', 'grew', 'kept', 'knew', 'led', 'lost', 'meant', 'paid', 'ran', 'sank', 'saw',
  'sent', 'shot', 'sold', 'spent', 'spoke', 'stood', 'stole', 'swept', 'swore', 'taught', 'thought', 'threw', 'tore',
  'understood', 'won', 'wore', 'wrote', 'include', 'includes', 'face', 'faces', 'get', 'gets', 'make', 'makes', 'take',
  'takes', 'give', 'gives', 'seem', 'seems', 'appear', 'appears', 'continue', 'continues', 'become', 'becomes',
]);
/** Words ending in -ly that are not adverbs. */
const NOT_ADVERBS = new Set(['family', 'italy', 'assembly', 'supply', 'rally', 'belly', 'reply', 'monopoly', 'anomaly', 'bully', 'daily', 'weekly', 'monthly', 'yearly', 'quarterly', 'hourly', 'nightly', 'elderly', 'ally', 'jelly', 'folly', 'lily', 'sally', 'kelly', 'holly', 'molly', 'polly', 'wholly', 'friendly', 'early', 'only', 'july', 'emily', 'billy', 'homily', 'reilly', 'o\'reilly', 'deadly', 'lonely', 'lovely', 'costly', 'likely', 'orderly', 'underbelly']);
/** Plural nouns without an -s: a counted phrase ends after one ("around 30 people seriously injured"). */
const PLURAL_HEADS = new Set(['people', 'men', 'women', 'children', 'police', 'personnel', 'staff', 'cattle', 'sheep', 'feet', 'teeth', 'mice', 'geese', 'livestock', 'crew', 'clergy', 'militia', 'infantry', 'youth']);
/** -ing and -ed words that are nouns or adjectives in a counted phrase ("two fighting units" is rare; these are common). */
const NP_ING_ED_OK = new Set(['buildings', 'building', 'wedding', 'weddings', 'meetings', 'meeting', 'bombings', 'killings', 'shootings', 'beings', 'earnings', 'savings', 'holdings', 'hearings', 'warnings', 'listings', 'readings', 'rulings', 'armed', 'wounded', 'injured', 'displaced', 'detained', 'missing', 'killed', 'dead', 'skilled', 'unarmed', 'registered', 'licensed', 'advanced', 'guided', 'unmanned', 'manned', 'crowded', 'retired', 'elected', 'suspected', 'alleged', 'trained', 'deployed', 'related', 'based']);

/** Events whose "-year-old" is how long they have lasted ("a three-year-old siege"); anything else has an age. */
const DURATION_NOUNS = new Set([
  'siege', 'war', 'conflict', 'deal', 'lease', 'battle', 'occupation', 'rule', 'reign', 'ban', 'sentence', 'marriage',
  'career', 'relationship', 'dispute', 'campaign', 'insurgency', 'feud', 'blockade', 'contract', 'agreement', 'treaty',
  'truce', 'ceasefire', 'cease-fire', 'crisis', 'standoff', 'stand-off', 'strike', 'boycott', 'embargo', 'moratorium',
  'partnership', 'alliance', 'rivalry', 'investigation', 'probe', 'search', 'hunt', 'manhunt', 'trial', 'saga',
  'hiatus', 'drought', 'freeze', 'lockdown', 'curfew', 'presence', 'mission', 'deployment', 'intervention',
  'offensive', 'operation', 'struggle', 'fight', 'stint', 'spell', 'absence', 'exile', 'imprisonment', 'detention',
  'captivity', 'sanctions', 'dictatorship', 'mandate', 'tenure', 'term', 'uprising', 'revolt', 'rebellion', 'protest',
  'protests', 'civil', 'dynasty', 'regime', 'monopoly',
]);


const CHANGE_VERBS = new Set([
  'rose', 'risen', 'rise', 'rises', 'rising', 'fell', 'fallen', 'fall', 'falls', 'falling', 'increased', 'increase',
  'increases', 'increasing', 'decreased', 'decrease', 'grew', 'grown', 'grow', 'grows', 'dropped', 'drop', 'drops',
  'jumped', 'jump', 'climbed', 'climb', 'cut', 'cuts', 'raised', 'raise', 'reduced', 'reduce', 'up', 'down', 'slipped',
  'slumped', 'soared', 'surged', 'plunged', 'declined', 'decline', 'doubled', 'halved', 'went', 'moved', 'changed',
  'revised', 'lowered', 'lifted', 'boosted', 'expanded', 'shrank', 'shrunk', 'widened', 'narrowed', 'swelled',
]);

const METRE_NOUNS = new Set([
  'race', 'sprint', 'hurdles', 'freestyle', 'backstroke', 'breaststroke', 'butterfly', 'medley', 'relay', 'dash',
  'final', 'title', 'gold', 'silver', 'bronze', 'medal', 'record', 'event', 'heat', 'semi-final', 'semifinal', 'run',
  'swim', 'high', 'tall', 'long', 'deep', 'wide', 'away', 'above', 'below', 'from', 'world', 'indoor', 'outdoor',
  'champion', 'crown', 'personal', 'season', 'mark', 'time', 'victory', 'win', 'hurdler', 'hurdlers', 'runner',
  'runners', 'sprinter', 'sprinters', 'specialist', 'swimmer', 'star', 'runner-up', 'finalist', 'winner', 'medallist',
  'medalist',
]);

/** Common words that may open a sentence right before a number without naming it ("Only 20", "Another 5"). */
const SENTENCE_OPENERS = new Set([
  'only', 'just', 'another', 'all', 'about', 'nearly', 'over', 'some', 'around', 'with', 'of', 'at', 'the', 'and', 'but',
  'by', 'for', 'in', 'on', 'to', 'from', 'after', 'before', 'since', 'until', 'when', 'while', 'those', 'these', 'almost',
  'roughly', 'approximately', 'more', 'less', 'fewer', 'under', 'up', 'many', 'exactly', 'fully', 'barely', 'among',
  'of', 'between', 'than', 'nearly', 'an', 'a', 'its', 'their', 'his', 'her', 'our', 'within', 'during', 'across',
  'least', 'most', 'some', 'that', 'this', 'each', 'every', 'then', 'now', 'so', 'yet', 'still', 'also', 'even',
]);

const FRACTIONS: Record<string, number> = {
  half: 50, 'one-half': 50, third: 100 / 3, 'one-third': 100 / 3, 'two-thirds': 200 / 3, quarter: 25, 'one-quarter': 25,
  'three-quarters': 75, 'three-fourths': 75, fifth: 20, 'one-fifth': 20, 'two-fifths': 40, 'three-fifths': 60,
  'four-fifths': 80, tenth: 10, 'one-tenth': 10,
};

/** Words (lower-cased) a figure can start with, besides number words and ordinals. */
const FIGURE_STARTERS = new Set(['a', 'an', 'half', 'tens', 'dozens', 'hundreds', 'thousands', 'millions', 'billions', 'one']);

/** A cheap first test, so most words never reach the figure parser. */
function mayStartFigure(text: string): boolean {
  if (text.length === 1) return text === 'a' || text === 'A';
  const lower = text.toLowerCase();
  if (FIGURE_STARTERS.has(lower) || FRACTION_MAP.has(lower)) return true;
  if (numberWordValue(lower) !== undefined || ordinalValue(lower) !== undefined) return true;
  if (lower.startsWith('magnitude-')) return true;
  const hyphen = lower.indexOf('-');
  return hyphen > 0 && numberWordValue(lower.slice(0, hyphen)) !== undefined;
}

const FRACTION_MAP = new Map(Object.entries(FRACTIONS));

/** Temperatures may be negative; every other dimension starts at 0. */
const SIGNED: ReadonlySet<FigureDimension> = new Set(['temperature']);
/** Dimensions whose restatement in other units is a conversion. */
const CONVERTIBLE: ReadonlySet<FigureDimension> = new Set(['length', 'area', 'mass', 'volume', 'speed', 'temperature', 'money']);

/** The number itself: value, written precision, and whatever was glued to it. */
interface Core {
  readonly first: number;
  readonly end: number;
  readonly value: number;
  readonly halfUnit: number;
  readonly digits: boolean;
  readonly scaled: boolean;
  readonly unit?: UnitSpec;
  /** "49-year", "nine-month", "100-metre": a compound adjective, so the next noun is what it measures. */
  readonly compound?: boolean;
  /** "-year-old": an age, or the age of a thing (then a duration). */
  readonly old?: boolean;
  readonly gluedHedge?: { readonly text: string; readonly spec: HedgeSpec };
  readonly range?: { readonly low: number; readonly high: number; readonly halfLow: number; readonly halfHigh: number };
  readonly vague?: { readonly low: number; readonly high: number };
  readonly ordinal?: boolean;
  /** A fraction of a whole ("half of", "one in five"), as a percentage. */
  readonly fraction?: boolean;
  /** The counted phrase starts here when it is not right after the number ("thousands of tons of equipment"). */
  readonly countedFrom?: number;
  readonly spelledOne?: boolean;
}

interface Found extends Core {
  readonly start: number;
  /** One past the last token of the figure's text (number, unit, hedge after). */
  readonly textEnd: number;
  readonly kind: FigureDimension;
  readonly unitName?: string;
  readonly hedge?: FoundHedge | { readonly text: string; readonly spec: HedgeSpec; readonly index: number };
  readonly counted?: { readonly start: number; readonly end: number };
}

function suffixSpec(suffix: string): { unit?: UnitSpec; scale?: number; old?: boolean; hedge?: { text: string; spec: HedgeSpec }; compound?: boolean; ok: boolean } {
  if (suffix === '') return { ok: true };
  const lower = suffix.toLowerCase();
  // glued scale: 450m, 2bn, 1.2M, 3k
  if (/^(m|mn|mln|bn|b|tn|trn|k)$/.test(lower) && (lower !== 'b' || suffix === 'B' || suffix === 'b')) {
    return { scale: SCALES[lower], ok: true };
  }
  if (lower.startsWith('-') || lower.startsWith('‑') || lower.startsWith('‐')) {
    const parts = lower.slice(1).split(/[-‐‑]/);
    // "-year-old", "-years-old", "-month-old"
    if (parts.length === 2 && parts[1] === 'old') {
      const unit = gluedUnit(parts[0]!);
      if (unit && unit.dimension === 'duration') return { unit: { dimension: 'age', unit: unit.unit }, old: true, ok: true };
      return { ok: false };
    }
    if (parts.length !== 1) return { ok: false };
    const p = parts[0]!;
    const hedge = GLUED_HEDGES[p];
    if (hedge) return { hedge: { text: p, spec: hedge }, ok: true };
    if (p === 'strong') return { compound: true, ok: true };
    const scale = /^(million|billion|trillion)$/.test(p) ? SCALES[p] : undefined;
    if (scale) return { scale, compound: true, ok: true };
    const unit = gluedUnit(p);
    if (unit) return { unit, compound: true, ok: true };
    return { ok: false };
  }
  const unit = gluedUnit(lower);
  if (unit && unit.dimension !== 'duration') return { unit, ok: true };
  if (lower === 'yr' || lower === 'yrs' || lower === 'hrs' || lower === 'h' || lower === 'mins') return { ok: false };
  return { ok: false };
}

export function findFigures(
  text: string,
  tokens: readonly Token[],
  sentences: readonly Sentence[],
  dates: readonly DateMention[],
): Figure[] {
  const finder = new FigureFinder(text, tokens, sentences, dates);
  return finder.run();
}

class FigureFinder {
  private readonly covered: Uint8Array;
  private sentenceIndex = 0;
  /** Tokens before this index belong to an earlier figure. */
  private floor = 0;
  /** One past the last token of the last figure found. */
  private lastEnd = -1;

  constructor(
    private readonly text: string,
    private readonly tokens: readonly Token[],
    private readonly sentences: readonly Sentence[],
    dates: readonly DateMention[],
  ) {
    this.covered = new Uint8Array(tokens.length);
    let d = 0;
    for (let k = 0; k < tokens.length && d < dates.length; k++) {
      const token = tokens[k]!;
      while (d < dates.length && dates[d]!.end <= token.start) d++;
      if (d < dates.length && dates[d]!.start < token.end && token.start < dates[d]!.end) this.covered[k] = 1;
    }
  }

  run(): Figure[] {
    const tokens = this.tokens;
    const found: Found[] = [];
    let i = 0;
    while (i < tokens.length) {
      const token = tokens[i]!;
      if (this.covered[i] || (token.kind !== 'number' && (token.kind !== 'word' || !mayStartFigure(token.text)))) {
        i++;
        continue;
      }
      const figure = this.figureAt(i);
      if (figure) {
        found.push(figure);
        this.floor = figure.textEnd;
        this.lastEnd = figure.textEnd;
        i = Math.max(figure.textEnd, i + 1);
      } else {
        i++;
      }
    }
    return this.toFigures(found);
  }

  private sentenceFirst(k: number): number {
    const sentences = this.sentences;
    while (this.sentenceIndex < sentences.length - 1 && sentences[this.sentenceIndex]!.endToken <= k) this.sentenceIndex++;
    const s = sentences[this.sentenceIndex];
    return s && s.firstToken <= k ? s.firstToken : 0;
  }

  private figureAt(i: number): Found | undefined {
    const core = this.coreAt(i);
    if (!core) return undefined;
    for (let k = core.first; k < core.end; k++) if (this.covered[k]) return undefined;
    return this.complete(core);
  }

  /** The number at token i, or undefined. */
  private coreAt(i: number): Core | undefined {
    const tokens = this.tokens;
    const token = tokens[i]!;
    const sentenceFirst = this.sentenceFirst(i);
    if (token.kind === 'number') return this.digitCore(i);
    const w = token.text.toLowerCase();
    // capitalised number words inside a sentence are names ("Formula One", "Channel Four", "the Big Three")
    if (isCapitalised(token) && !isSentenceStart(tokens, i, sentenceFirst) && w !== 'a' && w !== 'an') {
      if (numberWordValue(w) !== undefined || w.includes('-')) return undefined;
    }
    // vague counts: "dozens of", "hundreds of", "thousands", "tens of thousands", "hundreds of thousands"
    if (w === 'tens' || VAGUE_COUNTS[w]) return this.vagueCore(i);
    // fractions: "half of", "two-thirds of", "a third of", "one in five"
    const fraction = this.fractionCore(i);
    if (fraction) return fraction;
    // "magnitude-5.2"
    const mag = /^magnitude[-‐‑](\d{1,2})$/i.exec(token.text);
    if (mag) {
      // the tokeniser ends the word at the decimal point: "magnitude-6" "." "1"
      let digitsText = mag[1]!;
      let end = i + 1;
      if (text(tokens, i + 1) === '.' && !tokens[i + 1]!.spaceBefore && tokens[i + 2]?.kind === 'number' && !tokens[i + 2]!.spaceBefore && /^\d{1,2}$/.test(text(tokens, i + 2))) {
        digitsText += '.' + text(tokens, i + 2);
        end = i + 3;
      }
      const decimals = digitsText.split('.')[1]?.length ?? 0;
      return { first: i, end, value: +digitsText, halfUnit: halfUnitOfDigits(+digitsText, decimals, 0, 1), digits: true, scaled: false, unit: { dimension: 'magnitude', unit: 'magnitude' } };
    }
    // ordinals before a unit of time: "seventh year"
    const ordinal = ordinalValue(w);
    // "the first month" is everywhere and says little; "in its seventh year" is what date arithmetic can use
    if (ordinal !== undefined && !w.includes('-') && ordinal >= 2) {
      const unit = unitAt(tokens, i + 1, false);
      if (unit && unit.dimension === 'duration' && /s$/.test(text(tokens, i + 1)) === false) {
        return { first: i, end: unit.end, value: ordinal, halfUnit: 0, digits: false, scaled: false, ordinal: true, unit: { dimension: 'ordinal', unit: unit.unit } };
      }
      return undefined;
    }
    // hyphenated spelled compounds: "nine-month", "three-year-old", "twenty-five-year"
    if (w.includes('-')) return this.spelledCompound(i);
    if (w === 'a' || w === 'an' || w === 'half' || numberWordValue(w) !== undefined) {
      const spelled = parseSpelled(tokens, i);
      if (!spelled) return undefined;
      if ((w === 'a' || w === 'an') && spelled.end === i + 1) return undefined;
      // "a dozen" / "a million" / "two million": a bare "a" never reaches here without a number word after it
      const value = spelled.value;
      return {
        first: i, end: spelled.end, value, halfUnit: spelled.precisionUnit, digits: false, scaled: false,
        spelledOne: value === 1 && spelled.end === i + 1,
      };
    }
    return undefined;
  }

  private digitCore(i: number): Core | undefined {
    const tokens = this.tokens;
    const t = tokens[i]!.text;
    // two numbers joined by a hyphen: a range ("10-20") or a score ("3-1"); a phone number ("398-8585") is neither
    const pair = /^(\d[\d,.]*)[-‐‑](\d[\d,.]*)$/.exec(t);
    if (pair) return this.pairCore(i, pair[1]!, pair[2]!);
    const p = parseDigits(t);
    if (!p || p.leadingZero) return undefined;
    const suffix = t.slice(p.length);
    // ordinal digits before a unit of time: "the 5th day"
    if (/^(st|nd|rd|th)$/i.test(suffix)) {
      const ordinal = ordinalValue(t);
      const unit = unitAt(tokens, i + 1, false);
      if (ordinal !== undefined && ordinal >= 2 && unit && unit.dimension === 'duration' && !/s$/.test(text(tokens, i + 1))) {
        return { first: i, end: unit.end, value: ordinal, halfUnit: 0, digits: true, scaled: false, ordinal: true, unit: { dimension: 'ordinal', unit: unit.unit } };
      }
      return undefined;
    }
    let spec = suffixSpec(suffix);
    if (!spec.ok) return undefined;
    // "the men's 200m title", "a 100m sprint": metres, not millions
    // "1.2m people" is 1.2 million; "the 60m", "a 60m hurdler", "cleared 1.76m" are metres; a bare "400m" with
    // nothing counted after it could be either, so it is left alone
    if (spec.scale === 1e6 && suffix.toLowerCase() === 'm' && !currencyBefore(tokens, i)) {
      const counted = this.nounPhrase(i + 1, false);
      const countedWord = counted ? word(tokens, counted.start) : '';
      if (this.metresContext(i) || p.decimals === 2) spec = { unit: { dimension: 'length', unit: 'm' }, ok: true };
      else if (!counted || METRE_NOUNS.has(countedWord)) return undefined;
    }
    let scale = spec.scale ?? 1;
    let end = i + 1;
    // a scale word after: "4.8 billion", "1.5 million", "300 thousand"
    if (scale === 1 && !spec.unit && !spec.hedge && sameLine(tokens, end)) {
      const next = word(tokens, end);
      if (next === 'million' || next === 'billion' || next === 'trillion' || next === 'thousand' || (next === 'hundred' && p.decimals === 0)) {
        scale = SCALES[next]!;
        end++;
      } else if ((next === 'm' || next === 'bn' || next === 'mn') && currencyBefore(tokens, i)) {
        scale = SCALES[next]!;
        end++;
      }
    }
    // "3 1/2 quarters": a mixed fraction
    const fraction = scale === 1 && !spec.unit && !suffix && p.decimals === 0 ? /^([1-9])\/([2-9])$/.exec(text(tokens, end)) : null;
    if (fraction && sameLine(tokens, end) && +fraction[1]! < +fraction[2]!) {
      const v = p.value + +fraction[1]! / +fraction[2]!;
      return { first: i, end: end + 1, value: v, halfUnit: 0, digits: true, scaled: false };
    }
    const value = p.value * scale;
    const halfUnit = halfUnitOfDigits(p.value, p.decimals, p.trailingZeros, scale);
    return {
      first: i, end, value, halfUnit: scale > 1 && p.decimals === 0 && p.trailingZeros === 0 ? 0.5 * scale : halfUnit,
      digits: true, scaled: scale > 1, unit: spec.unit, compound: spec.compound, old: spec.old, gluedHedge: spec.hedge,
    };
  }

  /** Words around "200m" that make it metres: a race, a medal, a height ("the men's 200m title", "a 100m sprint"). */
  private metresContext(i: number): boolean {
    const tokens = this.tokens;
    const next = word(tokens, i + 1);
    if (METRE_NOUNS.has(next)) return true;
    const before = word(tokens, i - 2);
    return (text(tokens, i - 1) === "'s" || text(tokens, i - 1) === '’s') && (before === 'men' || before === 'women');
  }

  /** "10-20" (a range), "3-1" (a score: not a figure), "398-8585" (a phone number: not a figure). */
  private pairCore(i: number, a: string, b: string): Core | undefined {
    const tokens = this.tokens;
    const pa = parseDigits(a);
    const pb = parseDigits(b);
    if (!pa || !pb || pa.length !== a.length || pb.length !== b.length || pa.leadingZero || pb.leadingZero) return undefined;
    if (pb.value <= pa.value) return undefined; // scores and codes, never a range written backwards
    if (!pa.grouped && !pb.grouped && pa.decimals === 0 && pb.decimals === 0 && a.length >= 3 && b.length >= 4) return undefined; // 398-8585
    if (this.scoreContext(i, i + 1)) return undefined;
    let scale = 1;
    let end = i + 1;
    const next = word(tokens, end);
    if (sameLine(tokens, end) && (next === 'million' || next === 'billion' || next === 'thousand' || next === 'trillion')) {
      scale = SCALES[next]!;
      end++;
    }
    const low = pa.value * scale;
    const high = pb.value * scale;
    // a bare pair with nothing after it is a record or a score ("fell to 5-10", "went 2-6"), not a range
    if (scale === 1 && !unitAt(tokens, end, true) && !this.nounPhrase(end, false) && !hedgeBefore(tokens, i, Math.max(0, i - 4))) return undefined;
    return {
      first: i, end, value: (low + high) / 2, halfUnit: 0, digits: true, scaled: scale > 1,
      range: {
        low, high,
        halfLow: halfUnitOfDigits(pa.value, pa.decimals, pa.trailingZeros, scale),
        halfHigh: halfUnitOfDigits(pb.value, pb.decimals, pb.trailingZeros, scale),
      },
    };
  }

  /** Words around tokens [i, j) that make a pair of numbers a score or vote. */
  private scoreContext(i: number, j: number): boolean {
    const tokens = this.tokens;
    for (let k = Math.max(0, i - 3); k < i; k++) {
      const w = word(tokens, k);
      if (SCORE_BEFORE.has(w) && !['a', 'the', 'their', 'his', 'her', 'its', 'by', 'at', 'of'].includes(w)) return true;
    }
    const after = word(tokens, j);
    if (SCORE_AFTER.has(after) && !['in', 'on', 'at'].includes(after)) return true;
    // a score beside another score: "6-4 6-3"
    const prev = tokens[i - 1];
    const next = tokens[j];
    return (!!prev && /^\d{1,2}-\d{1,2}$/.test(prev.text)) || (!!next && /^\d{1,2}-\d{1,2}$/.test(next.text));
  }

  private vagueCore(i: number): Core | undefined {
    const tokens = this.tokens;
    let w = word(tokens, i);
    let k = i + 1;
    let range = VAGUE_COUNTS[w];
    // "tens of thousands", "hundreds of thousands", "tens of millions"
    if ((w === 'tens' || w === 'hundreds') && word(tokens, k) === 'of' && (word(tokens, k + 1) === 'thousands' || word(tokens, k + 1) === 'millions')) {
      const base = word(tokens, k + 1) === 'thousands' ? 1e3 : 1e6;
      const factor = w === 'tens' ? 10 : 100;
      range = { low: 2 * factor * base, high: 20 * factor * base - 1 };
      k += 2;
      w = `${w} of ${word(tokens, k - 1)}`;
    }
    if (!range) return undefined;
    // only as a count: "thousands of people", "killed hundreds." ("hundreds" before a noun is rare and ambiguous)
    const next = tokens[k];
    const ofFollows = word(tokens, k) === 'of' && sameLine(tokens, k);
    if (!ofFollows && next && next.kind === 'word' && sameLine(tokens, k)) return undefined;
    return {
      first: i, end: k, value: range.low, halfUnit: 0, digits: false, scaled: false,
      vague: { low: range.low, high: range.high }, countedFrom: ofFollows ? k + 1 : undefined,
    };
  }

  private fractionCore(i: number): Core | undefined {
    const tokens = this.tokens;
    const w = word(tokens, i);
    // "one in five", "one in three"
    if (w === 'one' && word(tokens, i + 1) === 'in' && sameLine(tokens, i + 2)) {
      const d = numberWordValue(word(tokens, i + 2)) ?? (/^\d{1,3}$/.test(text(tokens, i + 2)) ? +text(tokens, i + 2) : undefined);
      if (d !== undefined && d >= 2 && d <= 1000) {
        return { first: i, end: i + 3, value: 100 / d, halfUnit: 0, digits: false, scaled: false, fraction: true, unit: { dimension: 'percent', unit: 'percent' }, countedFrom: i + 3 };
      }
    }
    let k = i;
    let value: number | undefined;
    if ((w === 'a' || w === 'one') && FRACTIONS[word(tokens, i + 1)] !== undefined && word(tokens, i + 1) !== 'half') {
      value = FRACTIONS[word(tokens, i + 1)];
      k = i + 2;
    } else if (FRACTIONS[w] !== undefined && (w.includes('-') || w === 'half')) {
      value = FRACTIONS[w];
      k = i + 1;
    }
    if (value === undefined) return undefined;
    if (word(tokens, k) !== 'of' || !sameLine(tokens, k)) return undefined;
    // "a quarter of a million": a number, not a share
    if (word(tokens, k + 1) === 'a' || word(tokens, k + 1) === 'one') {
      const scale = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, dozen: 12 }[word(tokens, k + 2)];
      if (scale !== undefined) {
        const number = (value / 100) * scale;
        return { first: i, end: k + 3, value: number, halfUnit: number * 0.05, digits: false, scaled: true };
      }
      if (['century', 'mile', 'kilometre', 'kilometer', 'percent', 'second', 'minute', 'day', 'week'].includes(word(tokens, k + 2))) return undefined;
    }
    // "the first half of the year", "the second half of": a period, not a proportion
    if (w === 'half' && ['first', 'second', 'latter', 'other', 'top', 'bottom', 'back', 'front'].includes(word(tokens, i - 1))) return undefined;
    return { first: i, end: k, value, halfUnit: 2.5, digits: false, scaled: false, fraction: true, unit: { dimension: 'percent', unit: 'percent' }, countedFrom: k + 1 };
  }

  /** "nine-month", "three-year-old", "twenty-five-year", "four-day". */
  private spelledCompound(i: number): Core | undefined {
    const t = this.tokens[i]!.text;
    // a plain hyphenated number word ("twenty-five") is handled like any spelled number
    if (numberWordValue(t) !== undefined) {
      const spelled = parseSpelled(this.tokens, i);
      return spelled ? { first: i, end: spelled.end, value: spelled.value, halfUnit: spelled.precisionUnit, digits: false, scaled: false } : undefined;
    }
    const parts = t.toLowerCase().split(/[-‐‑]/);
    let value = numberWordValue(parts[0]!);
    let rest = 1;
    if (parts.length >= 3 && numberWordValue(`${parts[0]}-${parts[1]}`) !== undefined) {
      value = numberWordValue(`${parts[0]}-${parts[1]}`);
      rest = 2;
    }
    if (value === undefined || rest >= parts.length) return undefined;
    const spec = suffixSpec('-' + parts.slice(rest).join('-'));
    if (!spec.ok || spec.scale || !spec.unit) return undefined;
    return { first: i, end: i + 1, value, halfUnit: 0, digits: false, scaled: false, unit: spec.unit, compound: spec.compound, old: spec.old };
  }

  /** Adds currency, unit, range, hedges and the counted phrase to a number; undefined when it is not a figure. */
  private complete(core: Core): Found | undefined {
    const tokens = this.tokens;
    const sentenceFirst = this.sentenceFirst(core.first);
    const min = Math.max(this.floor, sentenceFirst);
    let start = core.first;
    let end = core.end;
    let unit = core.unit;
    let value = core.value;
    let halfUnit = core.halfUnit;
    let range = core.range;
    let hedge: Found['hedge'] = core.gluedHedge ? { ...core.gluedHedge, index: core.end } : undefined;
    let countedFrom = core.countedFrom;

    // currency before: "$450m", "US$3 billion", "£2bn"
    if (!unit && !core.vague && !core.fraction) {
      const currency = currencyBefore(tokens, core.first);
      if (currency && currency.start >= min) {
        unit = { dimension: 'money', unit: currency.unit };
        start = currency.start;
        // "$450 m" / "£2 bn" with a space
      }
    }
    // a range written with words: "10 to 20", "between 10 and 20", "10 – 20", "two or three"
    if (!range && !core.vague && !core.fraction && !core.ordinal && !core.compound && !core.old) {
      const joined = this.rangeAfter(core, start, min);
      if (joined) {
        range = joined.range;
        end = joined.end;
        value = (range.low + range.high) / 2;
        if (joined.start < start) start = joined.start;
        if (!unit && joined.unit) unit = joined.unit;
      }
    }
    // unit after: "85 percent", "27,000 square kilometers", "nine months", "4.8 billion dollars"
    if (!unit && !core.vague) {
      const after = unitAt(tokens, end, core.digits);
      if (after) {
        unit = after;
        end = after.end;
      }
    } else if (core.vague && word(tokens, end) === 'of') {
      // "thousands of tons of equipment"
      const after = unitAt(tokens, end + 1, false);
      if (after && after.dimension !== 'duration' && after.dimension !== 'percent') {
        unit = after;
        end = after.end;
        countedFrom = word(tokens, end) === 'of' ? end + 1 : undefined;
      }
    }
    // "5 million pounds" is money; "200 pounds" is a weight
    if (unit && unit.unit === 'lb' && (core.scaled || ['£'].includes(text(tokens, start - 1)))) unit = { dimension: 'money', unit: 'GBP' };
    // "magnitude 5.6", "a magnitude-5.2 quake", "a Richter magnitude of 4.6"
    if (!unit && word(tokens, start - 1) === 'magnitude' && start - 1 >= min) {
      unit = { dimension: 'magnitude', unit: 'magnitude' };
      start = start - 1;
    } else if (!unit && word(tokens, start - 1) === 'of' && word(tokens, start - 2) === 'magnitude' && core.digits) {
      unit = { dimension: 'magnitude', unit: 'magnitude' };
    }
    // "the 7.6 and 7.5 magnitude quakes", "5 and 10 percent": a unit written once after the second number
    if (!unit && !range && core.digits && ['and', 'or'].includes(word(tokens, end)) && sameLine(tokens, end + 1) && tokens[end + 1]?.kind === 'number' && !this.covered[end + 1]) {
      const second = this.digitCore(end + 1);
      const shared = second && !second.unit ? unitAt(tokens, second.end, true) : undefined;
      if (shared && shared.dimension !== 'duration') unit = { dimension: shared.dimension, unit: shared.unit };
    }
    // "36 years old" and "aged 36": ages
    let kind: FigureDimension = unit?.dimension ?? 'count';
    if (kind === 'duration' && word(tokens, end) === 'old' && sameLine(tokens, end)) {
      kind = 'age';
      end++;
    }
    // "aged 36", "at the age of 87", "two sons, ages 6 and 16"
    const agePrefix = word(tokens, start - 1) === 'aged' || word(tokens, start - 1) === 'ages' || (word(tokens, start - 1) === 'of' && word(tokens, start - 2) === 'age');
    if (!unit && agePrefix && core.digits) {
      kind = 'age';
      unit = { dimension: 'age', unit: 'year' };
    }
    if (core.old) {
      // "a 10-year-old girl" and "the 24-year-old reached" are ages; "a nearly three-year-old siege" is how long the
      // siege has lasted: a duration only when a noun that is not a person follows
      const counted = this.nounPhrase(end, false);
      const head = counted ? word(tokens, counted.end - 1) : '';
      kind = DURATION_NOUNS.has(head) ? 'duration' : 'age';
      unit = { dimension: kind, unit: unit!.unit };
    }
    if (core.ordinal) kind = 'ordinal';
    // hedge after: "300 or so", "5,000 or more"
    if (!hedge) {
      const after = hedgeAfter(tokens, end);
      if (after && sameLine(tokens, end)) {
        hedge = after;
        end = after.index;
        if (!unit && !core.vague) {
          const unitAfter = unitAt(tokens, end, core.digits);
          if (unitAfter) {
            unit = unitAfter;
            kind = unitAfter.dimension;
            end = unitAfter.end;
          }
        }
      }
    }
    // hedge before: "some 4,300", "more than", "at least", "nearly"
    if (!hedge && !range) {
      const before = hedgeBefore(tokens, start, min);
      if (before) {
        // "over two days" is "during two days"; only "for over two days" or "over 35 percent" is a hedge
        const duringOver = before.text === 'over' && kind === 'duration' && !['for', 'after', 'of', 'than', 'just', 'well', 'in'].includes(word(tokens, before.index - 1));
        const underAge = before.text === 'under' && word(tokens, before.index - 1) === 'the';
        // "inched up to fourth", "climbed up to 20": a movement, not a ceiling
        const movedUp = before.text === 'up to' && (CHANGE_VERBS.has(word(tokens, before.index - 1)) || ['inched', 'crept', 'edged', 'shot', 'moved', 'bumped'].includes(word(tokens, before.index - 1)));
        if (!duringOver && !underAge && !movedUp) {
          hedge = before;
          start = before.index;
        }
      }
    } else if (!hedge && range) {
      const before = hedgeBefore(tokens, start, min);
      if (before && before.spec.kind === 'approximate') {
        hedge = before;
        start = before.index;
      }
    }

    // what is counted
    let counted: Found['counted'];
    if (countedFrom !== undefined) {
      counted = this.nounPhrase(countedFrom, true);
    } else if (kind === 'percent') {
      if (word(tokens, end) === 'of' && sameLine(tokens, end)) counted = this.nounPhrase(end + 1, true);
    } else if (kind === 'count' || core.compound || core.old || (kind === 'money' && core.scaled) || kind === 'magnitude') {
      counted = this.nounPhrase(end, false);
    }

    // ---- is it a figure at all? ----
    const digitsOnly = core.digits && !unit && !hedge && !range && !counted && !core.scaled;
    const prevWord = word(tokens, start - 1);
    const prevToken = tokens[start - 1];
    // designators: "No. 10", "Article 5", "number one", "day one", "the last 16", "the top 10"
    if (!unit && !hedge && prevToken && sameLine(tokens, start) && !range && !core.vague && !core.fraction) {
      if (DESIGNATORS.has(prevWord)) return undefined;
      if (['top', 'number', 'bottom'].includes(prevWord)) return undefined;
      if (['last', 'first', 'final'].includes(prevWord) && !counted) return undefined;
    }
    // "16 or 17 March": the first day of a pair whose second is a date
    if (digitsOnly || (core.digits && !unit && !hedge)) {
      const c = word(tokens, core.end) || text(tokens, core.end);
      if (['or', 'and', 'to', '-', '–'].includes(c) && this.covered[core.end + 1] && /^\d/.test(text(tokens, core.end + 1))) return undefined;
    }
    if (core.digits) {
      const first = tokens[core.first]!;
      if (!unit && !hedge && prevToken && sameLine(tokens, start) && prevToken.end <= first.start) {
        if (prevToken.text === '#' || prevToken.text === '№') return undefined;
        // a name before a number labels it ("Boeing 737", "Halo 2", "Chelsea 2"); at a sentence start only when it is
        // not a common word ("Only 20", "Another 5")
        if (isCapitalised(prevToken) && !monthOfWord(prevToken.text) && !core.scaled && !range) {
          const initial = isSentenceStart(tokens, start - 1, sentenceFirst);
          if (!initial || !SENTENCE_OPENERS.has(prevWord)) return undefined;
        }
      }
      // phone numbers and codes: digit groups side by side ("0800 555 111", "+1 877 268 9324"), a number called
      // ("called 911"), arithmetic ("2+2=5"), a number after a slash ("10/23 / 66")
      const next = tokens[core.end];
      const before = tokens[core.first - 1];
      if (!hedge && !unit && ((before && before.kind === 'number' && sameLine(tokens, core.first)) || (next && next.kind === 'number' && sameLine(tokens, core.end)))) return undefined;
      if (prevToken && (prevToken.text === '+' || prevToken.text === '=' || prevToken.text === '/') && !currencyBefore(tokens, core.first)) return undefined;
      if (next && (next.text === '=' || next.text === '+') && !next.spaceBefore) return undefined;
      if (['call', 'called', 'calling', 'dial', 'dialled', 'dialed', 'phone', 'phoned', 'ring', 'rang', 'text', 'texted'].includes(prevWord) && !unit && !hedge) return undefined;
      // "v2.0", "3.x": digits glued to a previous token
      if (!first.spaceBefore && prevToken && (prevToken.kind === 'punct' || prevToken.kind === 'word') && !currencyBefore(tokens, core.first) && prevToken.text !== '(' && prevToken.text !== '"' && prevToken.text !== '“') return undefined;
      // "Kenteris, 31, who won", "The England international, 24, was hurt", "John Jenkin, 23 and from Cumbria":
      // a small bare number set off by a comma after a name, or by two commas, is an age
      if (digitsOnly && text(tokens, start - 1) === ',' && core.value < 130 && (text(tokens, core.end) === ',' || isCapitalised(tokens[start - 2]))) return undefined;
      // "Lita 45, 52.", "Internet Explorer 8 and 9": a bare number continuing a list whose first member was a label
      if (digitsOnly && [',', 'and', 'or', '&'].includes(text(tokens, start - 1)) && tokens[start - 2]?.kind === 'number' && this.lastEnd !== start - 1) return undefined;
      // list numbers: "1." or "2)" at the start of a line
      if (tokens[core.first]!.breakBefore > 0 || core.first === 0) {
        const after = text(tokens, core.first + 1);
        if ((after === '.' || after === ')') && !unit) return undefined;
      }
      // times: "10 am", "9 p.m.", "at 10 GMT"
      const nextWord = word(tokens, core.end);
      if (['am', 'pm', 'a.m.', 'p.m.', 'gmt', 'utc', 'bst', 'edt', 'est', "o'clock", 'hrs', 'h', 'local'].includes(nextWord) && !unit) return undefined;
      // a four-digit number that was not taken as a year is left alone unless it plainly counts something
      if (/^[12]\d{3}$/.test(first.text) && !unit && !hedge && !range && !(counted && /s$/.test(this.text.slice(tokens[counted.end - 1]!.start, tokens[counted.end - 1]!.end)))) return undefined;
      // a lone number in brackets ("Lapin (56)", "(2)") is an age, a footnote or a list marker
      if (digitsOnly && text(tokens, start - 1) === '(' && text(tokens, core.end) === ')') return undefined;
      // "3.5" glued to letters, "1.2.3": handled by parseDigits; numbers right after a colon on a label line ("Phone: 02")
      if (digitsOnly && text(tokens, start - 1) === ':' && tokens[start - 1]!.breakBefore === 0 && isCapitalised(tokens[start - 2]) && tokens[start - 2]!.breakBefore > 0) return undefined;
    } else if (!core.vague && !core.fraction && !core.ordinal) {
      // spelled numbers need a unit or something counted ("four or five" alone counts nothing we can name)
      if (!unit && !counted) return undefined;
      // "one" is a determiner far more often than a count ("One official said", "one area"): it counts only when
      // hedged ("at least one person", "more than one year") or after "for"/"than" with a unit ("for one year")
      if (core.spelledOne && !hedge && !(unit && ['for', 'than', 'only', 'just'].includes(prevWord))) return undefined;
    }
    const textEnd = end;
    return {
      ...core, start, end: core.end, textEnd, value, halfUnit, unit, kind, unitName: unit?.unit, hedge, counted, range,
    };
  }

  /** "10 to 20", "between 10 and 20", "from 10 to 20" (not after "rose"), "10 – 20", "two or three". */
  private rangeAfter(core: Core, start: number, min: number): { range: NonNullable<Core['range']>; end: number; start: number; unit?: UnitSpec } | undefined {
    const tokens = this.tokens;
    const c = core.end;
    const connector = word(tokens, c) || text(tokens, c);
    const prev = word(tokens, start - 1);
    const between = prev === 'between' && start - 1 >= min;
    const from = prev === 'from' && start - 1 >= min;
    const ok = between ? connector === 'and' : ['to', '-', '–', '—', 'or'].includes(connector);
    if (!ok || !sameLine(tokens, c) || !sameLine(tokens, c + 1)) return undefined;
    if (connector === 'or' && core.digits) return undefined;
    // "from 60 to 65" is far more often a change ("raise the age from 60 to 65") than a range: two figures
    if (from) return undefined;
    if (!from && !between && connector === 'to' && CHANGE_VERBS.has(prev)) return undefined;
    if (this.covered[c + 1]) return undefined;
    const second = tokens[c + 1]!.kind === 'number' ? this.digitCore(c + 1) : this.coreAt(c + 1);
    if (!second || second.range || second.vague || second.fraction || second.ordinal) return undefined;
    // "five to 10" mixes words and digits (AP style); "two or 3" does not happen
    if (second.digits !== core.digits && connector === 'or') return undefined;
    if (second.unit && core.unit && second.unit.unit !== core.unit.unit) return undefined;
    // a currency on the second number too: "$10m to $20m"
    let low = core.value;
    let high = second.value;
    let halfLow = core.halfUnit;
    // "1.5 to 2 million": the scale written once applies to both
    if (second.scaled && !core.scaled && low < high / 1000) {
      const unitScale = second.value >= 1e12 ? 1e12 : second.value >= 1e9 ? 1e9 : second.value >= 1e6 ? 1e6 : 1e3;
      low = core.value * unitScale;
      halfLow = core.halfUnit * unitScale;
    }
    if (connector === 'or' && !(high === low + 1)) return undefined; // "two or three days"; not "one or two of them"
    if (!(high > low)) return undefined;
    if (connector === '-' || connector === '–' || connector === '—') {
      if (this.scoreContext(core.first, second.end)) return undefined;
    }
    return {
      range: { low, high, halfLow, halfHigh: second.halfUnit },
      end: second.end,
      start: between || from ? start - 1 : start,
      unit: second.unit,
    };
  }

  /** The counted noun phrase from token k: up to four words, as written ("Russian military", "military bases"). */
  private nounPhrase(k: number, afterOf: boolean): Found['counted'] {
    const tokens = this.tokens;
    let m = k;
    // after "of": skip a determiner ("85 percent of the country's territory")
    if (afterOf) {
      while (m < tokens.length && m - k < 2 && sameLine(tokens, m) && ['the', 'its', 'their', 'his', 'her', 'our', 'this', 'that', 'these', 'those', 'all', 'a', 'an'].includes(word(tokens, m))) m++;
    }
    const first = m;
    // "the 27-year-old's firm": a possessive after the number is not what it counts
    if (text(tokens, m) === "'s" || text(tokens, m) === '’s') return undefined;
    let words = 0;
    while (m < tokens.length && words < 4) {
      const token = tokens[m]!;
      if (token.breakBefore > 0) break;
      if (this.covered[m]) break;
      if ((token.text === "'s" || token.text === '’s') && words > 0 && tokens[m + 1]?.kind === 'word' && !NP_STOP.has(word(tokens, m + 1))) {
        m++;
        continue;
      }
      if (token.kind !== 'word') break;
      const w = token.text.toLowerCase();
      if (NP_STOP.has(w) || numberWordValue(w) !== undefined || monthOfWord(token.text)) break;
      // adverbs end the phrase ("the 40-year-old American never recovered")
      if (w.length > 4 && w.endsWith('ly') && !NOT_ADVERBS.has(w)) break;
      if ((w.endsWith('ed') || w.endsWith('ing')) && !NP_ING_ED_OK.has(w) && w.length > 4) {
        // "-ed"/"-ing" words after the first are verbs ("people lived"); first, they must lead to a noun ("armed men")
        if (words > 0) break;
        const next = tokens[m + 1];
        if (!next || next.kind !== 'word' || next.breakBefore > 0 || NP_STOP.has(next.text.toLowerCase())) break;
      }
      words++;
      m++;
      // a plural noun ends the phrase ("four nominations include ...", "five unions meeting ...", "30 people injured")
      const possessive = text(tokens, m) === "'s" || text(tokens, m) === '’s';
      const pluralS = (x: string) => x.length > 3 && x.endsWith('s') && !/(ss|us|is)$/.test(x);
      if (!possessive && pluralS(w)) break;
      // "30 people injured" ends at "people"; "police officers" and "staff members" go on to the plural noun
      if (!possessive && PLURAL_HEADS.has(w) && !pluralS(word(tokens, m))) break;
    }
    if (words === 0) return undefined;
    return { start: first, end: m };
  }

  private toFigures(found: readonly Found[]): Figure[] {
    const tokens = this.tokens;
    const figures: Figure[] = [];
    for (let n = 0; n < found.length; n++) {
      const f = found[n]!;
      const startOffset = tokens[f.start]!.start;
      const endOffset = tokens[f.textEnd - 1]!.end;
      const kind = f.kind;
      let low: number;
      let high: number;
      let hedgeKind: HedgeKind = f.hedge ? f.hedge.spec.kind : 'exact';
      let value = f.value;
      if (f.vague) {
        low = f.vague.low;
        high = f.vague.high;
        value = f.vague.low;
        hedgeKind = 'approximate';
      } else if (f.range) {
        const interval = intervalOfRange(f.range.low, f.range.high, writtenTolerance(f.range.low, f.range.halfLow), writtenTolerance(f.range.high, f.range.halfHigh), f.hedge?.spec);
        low = interval.low;
        high = interval.high;
      } else {
        const t = f.fraction ? f.halfUnit : writtenTolerance(f.value, f.halfUnit);
        const interval = intervalOf(f.value, t, f.hedge?.spec, SIGNED.has(kind));
        low = interval.low;
        high = interval.high;
      }
      let conversionOf: number | undefined;
      const previous = n > 0 ? found[n - 1] : undefined;
      if (previous && CONVERTIBLE.has(kind) && previous.kind === kind && previous.unitName && f.unitName && previous.unitName !== f.unitName) {
        if (this.restates(previous, f)) conversionOf = figures.length - 1;
      }
      const counted = f.counted ? this.text.slice(tokens[f.counted.start]!.start, tokens[f.counted.end - 1]!.end) : undefined;
      figures.push({
        start: startOffset,
        end: endOffset,
        text: this.text.slice(startOffset, endOffset),
        kind,
        value: round(value),
        low: round(low),
        high: round(high),
        ...(f.hedge ? { hedge: f.hedge.text } : {}),
        hedgeKind,
        ...(f.unitName ? { unit: f.unitName } : {}),
        ...(counted ? { counted } : {}),
        ...(f.range ? { range: { low: round(f.range.low), high: round(f.range.high) } } : {}),
        ...(conversionOf !== undefined ? { conversionOf } : {}),
        ...(f.vague ? { vague: true } : {}),
      });
    }
    return figures;
  }

  /** "27,000 square kilometers (10,425 square miles)", "27,000 sq km, or about 10,425 square miles". */
  private restates(a: Found, b: Found): boolean {
    const tokens = this.tokens;
    const between: string[] = [];
    for (let k = a.textEnd; k < b.start; k++) between.push(tokens[k]!.text.toLowerCase());
    const joined = between.join(' ');
    return joined === '(' || joined === 'or' || joined === ', or' || joined === '—' || joined === '–' || joined === '-' || joined === ', or some' || joined === '/' || joined === '( or';
  }
}

/** Rounds away floating-point noise (0.1 + 0.2) without touching real precision. */
function round(n: number): number {
  if (!Number.isFinite(n)) return n;
  return Number.parseFloat(n.toPrecision(12));
}
