// Named entities: people, organisations, places and groups, from the trained sequence tagger
// (see recognizer.ts), then cleaned up for the editor:
//  - spans overlapping a date or a figure are dropped;
//  - titles, ranks and roles are split off a person's name and kept as its title ("Lt. Gen." Alexander Lapin);
//  - an acronym defined in brackets takes the type of the name it abbreviates ("Hayat Tahrir al-Sham (HTS)");
//  - document consistency: a name is typed the same way throughout the article (majority of its mentions), and
//    later bare mentions of a name the tagger found elsewhere are found too;
//  - a sentence-initial common word, a lone common word in a Title Case headline, and anything with no
//    capital letter are never entities.
import type { DateMention, EntityMention, EntityType, Figure, Sentence, Span, Token } from '../types';
import { F_ALLCAPS, F_CAPSMODE, F_COMMON, F_INITIAL, F_TITLEMODE, type TaggerDocument, type TokenInfo } from './features';
import { GAZ_CATEGORIES } from './lexicon';
import type { NerModel } from './model';
import { loadModelFile } from './model-file';
import type { TaggerCache } from './cache';
import { tagDocumentWithInfo } from './recognizer';
import { ENTITY_KINDS, KIND_TO_TYPE, spansOfTags, type TagSpan } from './tags';

export { tagDocument } from './recognizer';
export { TaggerCache } from './cache';
export type { NerModel } from './model';

let model: NerModel | null | undefined;
let loadError: string | undefined;

/** The model in use: loaded from the model file on first use (null when it cannot be loaded). */
export function entityModel(): NerModel | null {
  if (model === undefined) {
    try {
      model = loadModelFile();
    } catch (error) {
      model = null;
      loadError = error instanceof Error ? error.message : String(error);
    }
  }
  return model;
}

/** Why the model could not be loaded, if it could not. */
export function entityModelError(): string | undefined {
  entityModel();
  return loadError;
}

/** Replaces the model (tests; a host that loads the file itself). `undefined` = load the file again on next use. */
export function setEntityModel(next: NerModel | null | undefined): void {
  model = next;
  loadError = undefined;
}

const TITLE_CATEGORY = GAZ_CATEGORIES.indexOf('title');
const cat = (name: (typeof GAZ_CATEGORIES)[number]): number => GAZ_CATEGORIES.indexOf(name);
const ORG_NAME = cat('org-name');
const AGENCY = cat('agency');
const COUNTRY = cat('country');
const REGION = cat('region');
const NATIONALITY = cat('nationality');
const PER = 0;
const ORG = 1;
const LOC = 2;
const MISC = 3;
/** Lower-case particles that belong inside or at the start of names ("al-Sham", "bin Laden", "de Mistura"). */
const NAME_PARTICLES = /^(?:al|el|ad|as|ash|at|az|ar|an|ez|es|ed|ud|ul|bin|ibn|bint|abu|de|del|della|der|di|da|du|van|von|le|la|of|for|and|the|y|e|&)(?:-|$)/;
/**
 * Head words that make a name a place whatever the tagger thought ("Hmeimim Air Base", "Euphrates River").
 * Only unambiguous ones: "Town", "County", "Bay", "Park" or "Port" end club names ("Ipswich Town", "Tampa Bay").
 */
const PLACE_HEADS = new Set([
  'base', 'airbase', 'airport', 'river', 'sea', 'ocean', 'lake', 'mountains', 'island', 'islands', 'valley', 'desert',
  'gulf', 'strait', 'straits', 'peninsula', 'province', 'governorate', 'district', 'region', 'oblast', 'canal', 'coast',
  'plateau', 'basin', 'street', 'road', 'avenue', 'square', 'bridge', 'dam', 'crossing',
]);
/** Lower-case words after a name that make it a place: "the Hmeimim base", "Homs province", "Aleppo city". */
const PLACE_AFTER = new Set([...PLACE_HEADS, 'city', 'town', 'village', 'port', 'capital', 'border', 'area', 'countryside', 'suburb', 'suburbs']);

/** Words that open sentences and never start a name (unlike "New" in "New Zealand" or "Real" in "Real Madrid"). */
const OPENING_WORDS = new Set([
  'before', 'after', 'during', 'as', 'at', 'in', 'on', 'for', 'with', 'without', 'since', 'until', 'while', 'when', 'if',
  'but', 'and', 'or', 'the', 'a', 'an', 'this', 'that', 'these', 'those', 'last', 'every', 'some', 'many', 'most',
  'according', 'despite', 'under', 'over', 'about', 'from', 'by', 'to', 'of', 'why', 'how', 'what', 'where', 'who',
  'like', 'unlike', 'although', 'though', 'because', 'once', 'meanwhile', 'also', 'then', 'so', 'yet', 'both', 'only',
]);

/** "U.S.-backed", "Britain-based", "Iranian-led": a name glued to a participle or the like. */
const DESCRIPTIVE_COMPOUND = /-(?:backed|based|led|born|made|owned|run|held|controlled|allied|funded|linked|aligned|sponsored|style|era|bound|wide|speaking|occupied|affiliated|registered|listed)$/i;
/** A name word that starts with a lower-case particle glued by a hyphen: "al-Sham", "el-Zour", "ez-Zor". */
const PARTICLE_WORD = /^\p{Ll}{1,3}-\p{Lu}/u;
const C = GAZ_CATEGORIES.length;
// Regular expressions used token by token, made once (a literal in a loop makes a new object each time round).
const STARTS_UPPER = /^\p{Lu}/u;
const STARTS_LOWER = /^\p{Ll}/u;
const HAS_UPPER = /\p{Lu}/u;
const PARTICLE_UPPER = /^(?:al|el)-\p{Lu}/u;
const GLUED_PARTICLE = /^\p{Ll}{1,3}-(?=\p{Lu})/u;
const CURLY_QUOTES = /[’‘]/g;

/** A token's text with curly apostrophes made straight (the same string when it has none). */
function straightQuotes(text: string): string {
  return text.indexOf('’') < 0 && text.indexOf('‘') < 0 ? text : text.replace(CURLY_QUOTES, "'");
}

/** Words that may sit inside a title between title words ("Deputy Foreign Minister", "Minister of Defence"). */
const TITLE_JOINERS = new Set(['deputy', 'vice', 'foreign', 'defence', 'defense', 'interior', 'finance', 'prime', 'acting', 'former', 'senior', 'chief', 'first', 'assistant', 'general', 'state', 'of', 'for', 'affairs', 'executive', 'press', 'military', 'army', 'navy', 'top', 'lead', 'spokesman', 'spokeswoman', 'spokesperson', 'economy', 'trade', 'energy', 'oil', 'health', 'justice', 'information', 'security', 'national', 'the']);

interface Found {
  start: number; // token index
  end: number;
  kind: number;
  /** The title's tokens [titleStart, titleEnd) ("President" before "Vladimir Putin"); -1 without one. */
  titleStart: number;
  titleEnd: number;
}

/** A Found, always made here: every one has the same fields in the same order, all numbers, so the code that reads
 *  them sees one object shape (two shapes made it compile the clean-up functions again and again). */
function found(start: number, end: number, kind: number, titleStart = -1, titleEnd = -1): Found {
  return { start, end, kind, titleStart, titleEnd };
}

/** 1 for every token that overlaps a date or a figure: one sweep over tokens and the sorted spans. */
function blockedTokens(tokens: readonly Token[], dates: readonly Span[], figures: readonly Span[]): Uint8Array {
  const out = new Uint8Array(tokens.length);
  const spans = [...dates, ...figures].sort((a, b) => a.start - b.start);
  let j = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    while (j < spans.length && spans[j]!.end <= t.start) j++;
    // spans are sorted by start; a few may still end after this token: look ahead while they start before it ends
    for (let k = j; k < spans.length && spans[k]!.start < t.end; k++) {
      if (spans[k]!.end > t.start) {
        out[i] = 1;
        break;
      }
    }
  }
  return out;
}

function hasCapital(s: string): boolean {
  return HAS_UPPER.test(s);
}

function isTitleToken(info: TokenInfo, i: number, word: string): boolean {
  if (info.gaz[i * C + TITLE_CATEGORY] !== 0) return true;
  return TITLE_JOINERS.has(word.toLowerCase());
}

export function findEntities(
  text: string,
  tokens: readonly Token[],
  sentences: readonly Sentence[],
  dates: readonly DateMention[],
  figures: readonly Figure[],
  cache?: TaggerCache,
): EntityMention[] {
  const m = entityModel();
  if (!m || tokens.length === 0) return [];
  return recognise(m, text, tokens, sentences, dates, figures, undefined, cache);
}

/** Clean-up steps after the tagger (each can be skipped to measure what it does). */
export type CleanUpStep = 'split' | 'titles' | 'filter' | 'lexicon' | 'acronyms' | 'consistency';

/** The recogniser with an explicit model (tests, benchmarks). */
export function recognise(
  m: NerModel,
  text: string,
  tokens: readonly Token[],
  sentences: readonly Sentence[],
  dates: readonly DateMention[],
  figures: readonly Figure[],
  skip: ReadonlySet<CleanUpStep> = new Set(),
  /** Per-sentence tagger results kept between calls (same result, less work after a small edit). */
  cache?: TaggerCache,
): EntityMention[] {
  const words = tokens.map((t) => (t.kind === 'url' ? '<url>' : t.text));
  const bounds: number[] = [];
  let covered = 0;
  for (const s of sentences) {
    if (s.firstToken > covered) bounds.push(covered); // tokens outside any sentence form their own
    bounds.push(s.firstToken);
    covered = s.endToken;
  }
  if (covered < tokens.length) bounds.push(covered);
  bounds.push(tokens.length);
  const clean = [bounds[0]!];
  for (let i = 1; i < bounds.length; i++) if (bounds[i]! > clean[clean.length - 1]!) clean.push(bounds[i]!);
  if (clean[0] !== 0) clean.unshift(0);
  const doc: TaggerDocument = { words, bounds: clean };
  const { tags, info } = cache ? cache.tag(m, doc) : tagDocumentWithInfo(m, doc);

  const blocked = blockedTokens(tokens, dates, figures);
  const spans: Found[] = [];
  for (let s = 0; s + 1 < clean.length; s++) {
    for (const span of spansOfTags(tags, clean[s], clean[s + 1])) spans.push(found(span.start, span.end, span.kind));
  }

  const kept: Found[] = [];
  for (const raw of spans) {
    for (const span of skip.has('split') ? [raw] : splitAtLowerCase(raw, tokens, info)) {
      const trimmed = skip.has('titles') ? span : splitTitle(span, info, words, tokens);
      if (!trimmed) continue;
      if (!skip.has('filter') && !acceptable(trimmed, info, tokens, blocked)) continue;
      kept.push(trimmed);
    }
  }
  if (!skip.has('lexicon')) applyLexicon(kept, info, tokens, blocked);
  if (!skip.has('titles')) attachTitles(kept, info, words, tokens);
  if (!skip.has('acronyms')) addBracketAcronyms(kept, tokens, info, blocked);
  if (!skip.has('consistency')) makeConsistent(kept, tokens, info, blocked);
  kept.sort((a, b) => a.start - b.start);

  return kept.map((f) => {
    const start = tokens[f.start]!.start;
    const end = tokens[f.end - 1]!.end;
    const mention: EntityMention = {
      start,
      end,
      text: text.slice(start, end),
      type: KIND_TO_TYPE[ENTITY_KINDS[f.kind]!] as EntityType,
    };
    if (f.titleStart >= 0) {
      const ts = tokens[f.titleStart]!.start;
      const te = tokens[f.titleEnd - 1]!.end;
      return { ...mention, title: text.slice(ts, te), titleSpan: { start: ts, end: te } };
    }
    return mention;
  });
}

/**
 * Lower-case words are not part of a name, particles aside: "Homs province" -> "Homs", and a span the tagger ran
 * across a verb ("Russia says Syria") falls apart into its names.
 */
function splitAtLowerCase(span: Found, tokens: readonly Token[], info: TokenInfo): Found[] {
  const out: Found[] = [];
  // In a Title Case headline, a word the recaser read as lower case ("Plans To Keep") counts as lower case
  // (not in headlines set in capitals, where the tagger was trained on them: "NEW YORK" stays whole).
  // A descriptive compound ("U.S.-backed", "Britain-based") is not a name either.
  const lower = (i: number): boolean =>
    STARTS_LOWER.test(tokens[i]!.text) || (info.recase[i] === 1 && (info.flags[i]! & F_TITLEMODE) !== 0) || DESCRIPTIVE_COMPOUND.test(tokens[i]!.text);
  const inName = (i: number): boolean => {
    const t = tokens[i]!;
    if (t.kind === 'punct') return t.text === '&' || t.text === '.' || t.text === "'";
    // a possessive inside a name ("Democratic People's Republic of Korea"), not at its end
    if ((t.text === "'s" || t.text === '’s') && i > span.start && i + 1 < span.end && !lower(i + 1)) return true;
    // a sentence-initial common word glued to a name ("Before Syria's war")
    if (i === span.start && span.end - span.start > 1 && (info.flags[i]! & F_INITIAL) !== 0 && OPENING_WORDS.has(t.text.toLowerCase())) return false;
    return !lower(i) || NAME_PARTICLES.test(t.text);
  };
  let start = -1;
  for (let i = span.start; i <= span.end; i++) {
    const ok = i < span.end && inName(i);
    if (ok && start < 0) start = i;
    if (!ok && start >= 0) {
      let end = i;
      // particles and punctuation do not end a name ("Bank of", "U.S. &")
      while (end > start && (tokens[end - 1]!.kind === 'punct' || (lower(end - 1) && !PARTICLE_WORD.test(tokens[end - 1]!.text)))) end--;
      let from = start;
      while (from < end && tokens[from]!.kind === 'punct') from++;
      if (from < end) out.push(from === span.start && end === span.end ? span : found(from, end, span.kind, span.titleStart, span.titleEnd));
      start = -1;
    }
  }
  return out;
}

/** Whether tokens [start, end) are exactly one gazetteer entry of a category (as far as the marks tell). */
function isEntry(info: TokenInfo, start: number, end: number, category: number): boolean {
  const code = (i: number): number => info.gaz[i * C + category]!;
  if (end - start === 1) return code(start) === 1;
  if (code(start) !== 2 || code(end - 1) !== 4) return false;
  for (let i = start + 1; i < end - 1; i++) if (code(i) !== 3) return false;
  return true;
}

/**
 * What the lists know beats what the tagger guessed, in a few safe cases: a name ending in a place word is a
 * place ("Hmeimim Air Base", "Euphrates River"); a listed organisation or news agency is an organisation; a
 * country or region is never a person. Listed organisations and nationality words the tagger missed are added.
 */
function applyLexicon(spans: Found[], info: TokenInfo, tokens: readonly Token[], blocked: Uint8Array): void {
  const taken = new Uint8Array(tokens.length);
  for (const s of spans) {
    for (let i = s.start; i < s.end; i++) taken[i] = 1;
    const last = s.end - 1;
    if (isEntry(info, s.start, s.end, ORG_NAME) || isEntry(info, s.start, s.end, AGENCY)) s.kind = ORG;
    else if (s.end - s.start >= 2 && s.kind !== PER && PLACE_HEADS.has(tokens[last]!.text.toLowerCase())) s.kind = LOC;
    // "the Hmeimim base", "Homs province": a name followed by a lower-case place word is a place
    else if (s.kind === ORG && s.end < tokens.length && tokens[s.end]!.breakBefore === 0 && PLACE_AFTER.has(tokens[s.end]!.text)) s.kind = LOC;
    else if ((s.kind === PER || s.kind === MISC) && (isEntry(info, s.start, s.end, COUNTRY) || isEntry(info, s.start, s.end, REGION))) s.kind = LOC;
    else if (s.end - s.start === 1 && isEntry(info, s.start, s.end, NATIONALITY) && !isEntry(info, s.start, s.end, COUNTRY)) s.kind = MISC;
  }
  for (let i = 0; i < tokens.length; i++) {
    if (taken[i] || tokens[i]!.kind !== 'word') continue;
    const t = tokens[i]!.text;
    const capitalised = STARTS_UPPER.test(t) || PARTICLE_UPPER.test(t);
    if (!capitalised) continue;
    // a listed organisation (longest entry starting here)
    if (info.gaz[i * C + ORG_NAME] === 1 || info.gaz[i * C + ORG_NAME] === 2) {
      let end = i + 1;
      if (info.gaz[i * C + ORG_NAME] === 2) {
        while (end < tokens.length && info.gaz[end * C + ORG_NAME] === 3) end++;
        if (end < tokens.length && info.gaz[end * C + ORG_NAME] === 4) end++;
        else continue;
      }
      let free = true;
      for (let k = i; k < end; k++) if (taken[k]) free = false;
      // short single-word entries ("IS", "UN") only as capitals, and never in a headline set in capitals
      if (end - i === 1 && t.length <= 4 && (t !== t.toUpperCase() || (info.flags[i]! & F_CAPSMODE) !== 0)) free = false;
      const org = found(i, end, ORG);
      if (free && (info.flags[i]! & F_COMMON) === 0 && acceptable(org, info, tokens, blocked)) {
        spans.push(org);
        for (let k = i; k < end; k++) taken[k] = 1;
        continue;
      }
    }
    // a nationality word standing alone ("Kazakh capital", "Iraqi forces")
    if (info.gaz[i * C + NATIONALITY] === 1 && (info.flags[i]! & F_COMMON) === 0) {
      const next = tokens[i + 1];
      if (next && next.kind === 'word' && STARTS_UPPER.test(next.text) && next.breakBefore === 0) continue;
      const group = found(i, i + 1, MISC);
      if (acceptable(group, info, tokens, blocked)) {
        spans.push(group);
        taken[i] = 1;
      }
    }
  }
}

/** A PER span that starts with title words loses them to its title ("President Vladimir Putin"). */
function splitTitle(span: Found, info: TokenInfo, words: readonly string[], tokens: readonly Token[]): Found | undefined {
  let start = span.start;
  while (start < span.end - 1 && isTitleToken(info, start, words[start]!) && span.kind === 0) start++;
  if (start === span.start) return span;
  // keep a name: at least one capitalised token must remain
  if (!hasCapital(tokens[start]!.text)) return undefined;
  return found(start, span.end, span.kind, span.start, start);
}

function acceptable(span: Found, info: TokenInfo, tokens: readonly Token[], blocked: Uint8Array): boolean {
  let capital = false;
  for (let i = span.start; i < span.end; i++) {
    const t = tokens[i]!;
    if (blocked[i]) return false;
    // one name never spans a line break or a gap (markdown syntax is blanked out to spaces before analysis)
    if (i > span.start && (t.breakBefore > 0 || t.start - tokens[i - 1]!.end > 1)) return false;
    if (t.end - t.start > 60) return false;
    if (t.kind === 'url' || t.kind === 'number') return false;
    if (hasCapital(t.text)) capital = true;
  }
  if (!capital) return false;
  if (span.end - span.start === 1) {
    const f = info.flags[span.start]!;
    // a sentence-initial common word ("Last", "Officials"), or a common word alone in a Title Case headline
    if ((f & F_COMMON) !== 0 && ((f & F_INITIAL) !== 0 || (f & (F_TITLEMODE | F_CAPSMODE)) !== 0)) return false;
    // a lone sentence-initial "group" that is no nationality is an adjective opening the sentence ("Representational")
    if (span.kind === MISC && (f & F_INITIAL) !== 0 && (f & F_ALLCAPS) === 0 && info.gaz[span.start * C + NATIONALITY] === 0) return false;
  }
  return true;
}

/** Titles written just before a person's name: "Russian Deputy Foreign Minister Oleg Syromolotov". */
function attachTitles(spans: Found[], info: TokenInfo, words: readonly string[], tokens: readonly Token[]): void {
  const entityAt = new Set<number>();
  for (const s of spans) for (let i = s.start; i < s.end; i++) entityAt.add(i);
  for (const s of spans) {
    if (s.kind !== 0 || s.titleStart >= 0) continue;
    let i = s.start - 1;
    let sawTitle = false;
    while (i >= 0 && !entityAt.has(i) && tokens[i]!.kind === 'word' && tokens[i + 1]!.breakBefore === 0) {
      const w = words[i]!;
      if (info.gaz[i * C + TITLE_CATEGORY] !== 0) sawTitle = true;
      else if (!TITLE_JOINERS.has(w.toLowerCase())) break;
      i--;
    }
    let first = i + 1;
    // trim joiners at the left edge ("the", "of") that are not titles themselves
    while (first < s.start && info.gaz[first * C + TITLE_CATEGORY] === 0 && !STARTS_UPPER.test(words[first]!)) first++;
    if (sawTitle && first < s.start) {
      s.titleStart = first;
      s.titleEnd = s.start;
    }
  }
}

/** A name word without a glued particle and case: "al-Assad" -> "assad". */
function bareName(word: string): string {
  return word.replace(GLUED_PARTICLE, '').toLowerCase();
}

function spanKey(tokens: readonly Token[], s: { start: number; end: number }): string {
  if (s.end - s.start === 1) return straightQuotes(tokens[s.start]!.text);
  let key = '';
  for (let i = s.start; i < s.end; i++) key += (i > s.start ? ' ' : '') + straightQuotes(tokens[i]!.text);
  return key;
}

/**
 * Whether `acronym` abbreviates the name in tokens [start, end): its letters are the initials of the name's
 * capitalised words (and word parts: "Indo-Asian" gives I and A), optionally with those of small words and
 * particles ("SOHR": Syrian Observatory for Human Rights; "HTS": Hayat Tahrir al-Sham).
 */
function abbreviates(acronym: string, tokens: readonly Token[], start: number, end: number): boolean {
  const letters = acronym.replace(/[.&-]/g, '').toUpperCase();
  let required = '';
  let all = '';
  for (let i = start; i < end; i++) {
    for (const part of tokens[i]!.text.split('-')) {
      if (!part) continue;
      const first = part[0]!;
      all += first.toUpperCase();
      if (first !== first.toLowerCase()) required += first;
    }
  }
  return letters.length >= 2 && (letters === required || letters === all);
}

/** "Hayat Tahrir al-Sham (HTS)": the bracketed acronym is a mention of the same kind. */
function addBracketAcronyms(spans: Found[], tokens: readonly Token[], info: TokenInfo, blocked: Uint8Array): void {
  const byStart = new Map(spans.map((s) => [s.start, s]));
  for (const s of [...spans]) {
    const open = s.end;
    if (tokens[open]?.text !== '(' || tokens[open + 2]?.text !== ')') continue;
    const acronym = tokens[open + 1]!;
    if (!/^\p{Lu}[\p{Lu}\d.&-]{1,9}$/u.test(acronym.text)) continue;
    // only an acronym of this very name ("Pete Sampras (U.S.)" gives a country, not an abbreviation)
    if (!abbreviates(acronym.text, tokens, s.start, s.end)) continue;
    const existing = byStart.get(open + 1);
    if (existing) {
      existing.kind = s.kind;
      continue;
    }
    if (blocked[open + 1]) continue;
    const acronymSpan = found(open + 1, open + 2, s.kind);
    spans.push(acronymSpan);
    byStart.set(acronymSpan.start, acronymSpan);
  }
  void info;
}

/**
 * One type per name per article (the majority of its mentions; ties go to the first), and bare later or
 * earlier mentions of a found name are found too, when capitalised and not inside another entity.
 */
function makeConsistent(spans: Found[], tokens: readonly Token[], info: TokenInfo, blocked: Uint8Array): void {
  // (in steps of their own: each is compiled, and after a surprise compiled again, on its own)
  const exactKeys = spans.map((s) => spanKey(tokens, s));
  const kindOf = voteKinds(spans, exactKeys, info);
  surnamesArePeople(spans, tokens, info);
  addUnfoundMentions(spans, tokens, info, blocked, exactKeys, kindOf);
}

/** Each name's kind by vote over its mentions, given to all of them (see makeConsistent); name (lower case) -> kind,
 *  -1 where no clear majority. */
function voteKinds(spans: Found[], exactKeys: readonly string[], info: TokenInfo): Map<string, number> {
  // Votes by the name case-blind ("RUSSIA" in a headline is "Russia"); headline mentions weigh half, in whole numbers
  // (votes of 0.5 would turn the small-integer arrays into arrays of doubles: a second shape for the compiler)
  const keys = exactKeys.map((key) => key.toLowerCase());
  const votes = new Map<string, number[]>();
  for (let j = 0; j < spans.length; j++) {
    const s = spans[j]!;
    const key = keys[j]!;
    let v = votes.get(key);
    if (!v) votes.set(key, (v = [0, 0, 0, 0]));
    v[s.kind]! += (info.flags[s.start]! & (F_CAPSMODE | F_TITLEMODE)) !== 0 ? 1 : 2;
  }
  const kindOf = new Map<string, number>();
  const firstKind = new Map<string, number>();
  for (let j = 0; j < spans.length; j++) if (!firstKind.has(keys[j]!)) firstKind.set(keys[j]!, spans[j]!.kind);
  for (const [key, v] of votes) {
    let best = firstKind.get(key)!;
    for (let k = 0; k < 4; k++) if (v[k]! > v[best]!) best = k;
    const total = v[0]! + v[1]! + v[2]! + v[3]!;
    // only a clear majority overrules a mention ("Leeds" the club and "Leeds" the city may share a report)
    kindOf.set(key, v[best]! >= 0.6 * total ? best : -1);
  }
  for (let j = 0; j < spans.length; j++) {
    const k = kindOf.get(keys[j]!)!;
    if (k >= 0) spans[j]!.kind = k;
  }
  return kindOf;
}

function surnamesArePeople(spans: Found[], tokens: readonly Token[], info: TokenInfo): void {
  // A longer name ending in a surname this article uses for a person is that person ("the Bashar al-Assad
  // dictatorship" where "Assad" is a person elsewhere).
  const surnames = new Set<string>();
  for (const s of spans) if (s.kind === PER && s.end - s.start === 1) surnames.add(bareName(tokens[s.start]!.text));
  for (const s of spans) {
    if (s.kind === PER || s.end - s.start < 2 || !surnames.has(bareName(tokens[s.end - 1]!.text))) continue;
    if ((info.flags[s.start]! & (F_CAPSMODE | F_TITLEMODE)) === 0) s.kind = PER;
  }
}

/** Mentions of the names found (`exactKeys`, one per span) that the tagger missed. */
function addUnfoundMentions(
  spans: Found[],
  tokens: readonly Token[],
  info: TokenInfo,
  blocked: Uint8Array,
  exactKeys: readonly string[],
  kindOf: ReadonlyMap<string, number>,
): void {
  const exactKinds = new Map<string, number>();
  for (let j = 0; j < spans.length; j++) exactKinds.set(exactKeys[j]!, spans[j]!.kind);

  // Unfound mentions of names found elsewhere: match token sequences, longest first.
  const names = [...exactKinds.keys()]
    .filter((key) => kindOf.get(key.toLowerCase()) !== -1)
    .map((key) => ({ key, parts: key.split(' '), kind: exactKinds.get(key)! }))
    .filter((n) => n.parts.some((p) => STARTS_UPPER.test(p)) && n.key.length >= 2)
    .sort((a, b) => b.parts.length - a.parts.length);
  if (names.length === 0) return;
  const taken = new Uint8Array(tokens.length);
  for (const s of spans) for (let i = s.start; i < s.end; i++) taken[i] = 1;
  const byFirst = new Map<string, typeof names>();
  for (const n of names) {
    const list = byFirst.get(n.parts[0]!) ?? [];
    list.push(n);
    byFirst.set(n.parts[0]!, list);
  }
  for (let i = 0; i < tokens.length; i++) {
    if (taken[i]) continue;
    const candidates = byFirst.get(straightQuotes(tokens[i]!.text));
    if (!candidates) continue;
    for (const n of candidates) {
      const end = i + n.parts.length;
      if (end > tokens.length) continue;
      let ok = true;
      for (let k = 0; k < n.parts.length && ok; k++) {
        if (taken[i + k] || straightQuotes(tokens[i + k]!.text) !== n.parts[k]) ok = false;
        if (k > 0 && tokens[i + k]!.breakBefore > 0) ok = false;
      }
      // not glued to a longer capitalised name on either side ("Syria" inside "Syria Express" stays out)
      if (ok && i > 0 && !taken[i - 1] && tokens[i - 1]!.kind === 'word' && STARTS_UPPER.test(tokens[i - 1]!.text) && (info.flags[i - 1]! & F_INITIAL) === 0) ok = false;
      if (ok && end < tokens.length && !taken[end] && tokens[end]!.kind === 'word' && STARTS_UPPER.test(tokens[end]!.text) && tokens[end]!.breakBefore === 0) ok = false;
      if (!ok) continue;
      const mention = found(i, end, n.kind);
      if (!acceptable(mention, info, tokens, blocked)) continue;
      spans.push(mention);
      for (let k = i; k < end; k++) taken[k] = 1;
      break;
    }
  }
}

export type { TagSpan };
