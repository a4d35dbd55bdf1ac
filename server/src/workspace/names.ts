// How names are compared: normalised keys, core spellings, phonetic keys and the vowel-slot distance that guards
// transliteration matches. Pure string functions; no index, no I/O.
//
//   "Hay’at Tahrir al-Sham" and "Hayat Tahrir al-Sham"  -> same key  "hayat tahrir sham"   (apostrophe, article)
//   "Deir ez-Zor" / "Deir el-Zour"                      -> keys differ, phonetic keys equal "dr zr"
//   "Hmeimim" / "Khmeimim" / "Hemeimeem"                -> phonetic "hmm" (kh = h, vowels dropped, doubles collapsed)
//   "Hmeimim Air Base" / "Hemeimeem air base"           -> the designator is dropped from the key of a place/organisation
//   "Iran" / "Iraq", "Austria" / "Australia"            -> phonetic keys differ
//   "Hassan" / "Hussein"                                -> phonetic keys equal, vowel distance too high

import type { EntityType } from '../analysis/types';

/** Type classes that may share a cluster: the tagger often calls a country a place in one sentence and an
 *  organisation in the next ("Russia said ..."), so places and organisations form one class; people and groups
 *  (nationalities, "Russian") stay on their own. */
export type TypeClass = 'person' | 'thing' | 'group';

export function typeClassOf(type: EntityType): TypeClass {
  return type === 'person' ? 'person' : type === 'group' ? 'group' : 'thing';
}

/** One word of a name as written, with its place in the surface and its folded form. */
export interface NameToken {
  /** Offsets into the surface (an article glued by a hyphen, "al-Sham", is part of the token that follows it). */
  readonly start: number;
  readonly end: number;
  /** Lower case, diacritics folded, apostrophes and dots removed, possessive dropped ("Bogdanov’s" -> "bogdanov"). */
  readonly folded: string;
  /** Whether the raw word is written all in capitals ("HTS", "U.S."). */
  readonly allCaps: boolean;
  /** Whether the raw word starts with a capital. */
  readonly capitalised: boolean;
}

export interface NameForm {
  /** The key mentions are grouped by: folded core tokens joined by spaces; a short acronym keeps its capitals ("IS"
   *  but "is", "US" but "us") so that a sentence-initial "Is" can never become the Islamic State. */
  readonly key: string;
  /** The folded core tokens (articles and designators removed). */
  readonly tokens: readonly string[];
  /** Core of the surface as written: designators and possessive removed ("Hmeimim Air Base" -> "Hmeimim"). */
  readonly core: string;
  /** Offsets of the core within the surface. */
  readonly coreStart: number;
  readonly coreEnd: number;
  /** Phonetic key of the core: per token, a consonant skeleton after transliteration folds. */
  readonly phonetic: string;
  /** Whether the name is an acronym (one all-capitals word of 2-6 letters: "HTS", "ISIS", "U.S."). */
  readonly acronym: boolean;
}

const APOSTROPHES = /['’‘ʼʻ`´′ʹʾʿ]/g;
const DASHES = /[-‐‑‒–—―−]/;
const SPECIAL_LETTERS: Record<string, string> = {
  ß: 'ss', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ø: 'o', Ø: 'O', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ð: 'd', Ð: 'D',
  þ: 'th', Þ: 'TH', ı: 'i', ŀ: 'l',
};

/** Folds diacritics and special letters to ASCII-ish letters; keeps the case. */
export function foldDiacritics(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFKD')) {
    const code = ch.charCodeAt(0);
    if (code >= 0x300 && code <= 0x36f) continue; // combining marks
    out += SPECIAL_LETTERS[ch] ?? ch;
  }
  return out;
}

/** Arabic definite articles, as transliterated: "al-", "el-", and the assimilated forms before sun letters
 *  ("ad-Dawla", "ash-Sham", "ez-Zor", "an-Nusra"). */
const ARTICLES = new Set(['al', 'el', 'il', 'ul']);
const SUN_ARTICLE = /^[aeiu](d|dh|n|r|s|sh|t|th|z)$/;

function isArticle(folded: string, next: string | undefined): boolean {
  if (ARTICLES.has(folded)) return true;
  const sun = SUN_ARTICLE.exec(folded);
  return sun !== null && next !== undefined && next.startsWith(sun[1]!);
}

/** Words a place or organisation name may carry that do not change what it names. Capitalised or not
 *  ("Hmeimim Air Base", "Hemeimeem air base"), except where noted. */
const DESIGNATOR_SUFFIXES: readonly (readonly string[])[] = [
  ['naval', 'base'], ['military', 'base'], ['air', 'force', 'base'], ['air', 'base'], ['airbase'], ['air', 'field'],
  ['airfield'], ['airport'], ['base'],
  // legal forms of companies: "Apple Inc.", "Microsoft Corp", "Hewlett-Packard Co."
  ['inc'], ['corp'], ['corporation'], ['co'], ['ltd'], ['limited'], ['plc'], ['llc'], ['gmbh'],
];
const DESIGNATOR_PREFIXES: readonly (readonly string[])[] = [['naval', 'base'], ['air', 'base'], ['military', 'base']];
/** Designators that are dropped only when written in lower case: "Deir ez-Zor city", "Idlib province",
 *  "the Islamic State group", but never "Mexico City" or "Kansas City". */
const LOWERCASE_DESIGNATORS = new Set(['city', 'province', 'governorate', 'region', 'district', 'group', 'town']);
const LEADING_DROPS = new Set(['the']);

/** Splits a surface into words with offsets; articles glued by a hyphen become part of the next word's span. */
export function nameTokens(surface: string): NameToken[] {
  const raw: { start: number; end: number; text: string; hyphenAfter: boolean }[] = [];
  const wordPattern = /[^\s"“”«»()[\]{},;:!?/\\|]+/g;
  for (let match = wordPattern.exec(surface); match; match = wordPattern.exec(surface)) {
    // split on dashes, remembering which parts were joined by one
    let offset = match.index;
    const parts = match[0].split(DASHES);
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      if (part.length > 0) raw.push({ start: offset, end: offset + part.length, text: part, hyphenAfter: i < parts.length - 1 });
      offset += part.length + 1;
    }
  }
  const tokens: NameToken[] = [];
  let pendingStart = -1;
  for (let i = 0; i < raw.length; i++) {
    const word = raw[i]!;
    let text = word.text;
    // possessive: "Bogdanov’s", "Reuters’"
    text = text.replace(/['’ʼ]s$/i, '').replace(/['’ʼ]$/, '');
    const lettersOnly = foldDiacritics(text).replace(APOSTROPHES, '').replace(/\./g, '');
    const folded = lettersOnly.toLowerCase();
    if (folded.length === 0) continue;
    const next = raw[i + 1];
    const nextFolded = next ? foldDiacritics(next.text).replace(APOSTROPHES, '').toLowerCase() : undefined;
    const letters = lettersOnly.replace(/[^A-Za-z]/g, '');
    const allCaps = letters.length > 0 && letters === letters.toUpperCase() && /[A-Z]/.test(letters);
    const capitalised = /^[A-Z]/.test(lettersOnly);
    // an article: hyphen-attached ("al-Sham", "Al-Qaeda"), or a separate lower-case word inside a name ("Deir al Zour")
    if (next && isArticle(folded, nextFolded) && !allCaps && (word.hyphenAfter || !capitalised)) {
      if (pendingStart < 0) pendingStart = word.start;
      continue;
    }
    tokens.push({
      start: pendingStart >= 0 ? pendingStart : word.start,
      end: word.start + text.length,
      folded,
      allCaps,
      capitalised,
    });
    pendingStart = -1;
  }
  return tokens;
}

function startsWithSequence(tokens: readonly NameToken[], sequence: readonly string[]): boolean {
  return sequence.length < tokens.length && sequence.every((word, i) => tokens[i]!.folded === word);
}

function endsWithSequence(tokens: readonly NameToken[], sequence: readonly string[]): boolean {
  const offset = tokens.length - sequence.length;
  return offset > 0 && sequence.every((word, i) => tokens[offset + i]!.folded === word);
}

/** The tokens that name the thing itself: drops "the", a capitalised "Al" before a non-person name ("Al Jazeera"),
 *  and place/organisation designators ("Air Base", "Naval Base", lower-case "city", "province"). */
export function coreTokens(tokens: readonly NameToken[], typeClass: TypeClass): NameToken[] {
  let core = tokens.slice();
  while (core.length > 1 && LEADING_DROPS.has(core[0]!.folded)) core = core.slice(1);
  if (typeClass === 'thing' && core.length > 1 && core[0]!.folded === 'al' && core[0]!.capitalised && !core[0]!.allCaps) {
    core = core.slice(1);
  }
  if (typeClass !== 'thing') return core;
  for (let changed = true; changed && core.length > 1; ) {
    changed = false;
    for (const suffix of DESIGNATOR_SUFFIXES) {
      if (endsWithSequence(core, suffix)) {
        core = core.slice(0, core.length - suffix.length);
        changed = true;
        break;
      }
    }
    const last = core[core.length - 1]!;
    if (!changed && core.length > 1 && LOWERCASE_DESIGNATORS.has(last.folded) && !last.capitalised) {
      core = core.slice(0, -1);
      changed = true;
    }
    for (const prefix of DESIGNATOR_PREFIXES) {
      if (!changed && startsWithSequence(core, prefix)) {
        core = core.slice(prefix.length);
        changed = true;
      }
    }
  }
  return core;
}

/** Whether a surface is an acronym: one word of 2-6 capitals, possibly with dots ("HTS", "ISIS", "U.S."). */
export function isAcronymSurface(surface: string): boolean {
  // an acronym starts with a capital: a surface starting with a small letter or a digit is none (most words, told
  // without the copies below)
  const c = surface.charCodeAt(0);
  if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) return false;
  const compact = surface.trim().replace(/\./g, '');
  return /^[A-Z][A-Z0-9&]{1,5}$/.test(compact) && /^[A-Z]/.test(compact);
}

/** Key of one folded token list; short all-capitals acronyms keep their case. */
function keyOf(tokens: readonly NameToken[]): string {
  if (tokens.length === 1 && tokens[0]!.allCaps && tokens[0]!.folded.length <= 3) return tokens[0]!.folded.toUpperCase();
  return tokens.map((token) => token.folded).join(' ');
}

/** By type class, then surface: no key string to build on the hot path (cluster views look up every mention). */
const formCache: Record<TypeClass, Map<string, NameForm>> = { person: new Map(), thing: new Map(), group: new Map() };
const FORM_CACHE_LIMIT = 200_000;

/** The normalised form of a name as written, for its type class. Memoised: the same surface recurs thousands of times. */
export function nameForm(surface: string, typeClass: TypeClass): NameForm {
  const cache = formCache[typeClass];
  const cached = cache.get(surface);
  if (cached) return cached;
  const all = nameTokens(surface);
  let core = coreTokens(all, typeClass);
  let form: NameForm;
  if (core.length === 0) {
    const folded = foldDiacritics(surface).toLowerCase().replace(/\s+/g, ' ').trim();
    form = { key: folded, tokens: folded ? [folded] : [], core: surface.trim(), coreStart: 0, coreEnd: surface.length, phonetic: folded, acronym: false };
  } else {
    const coreStart = core[0]!.start;
    const coreEnd = core[core.length - 1]!.end;
    // letters joined by hyphens ("H-P") are an acronym written another way: one word "HP"
    if (core.length > 1 && core.length <= 6 && core.every((token) => token.folded.length === 1 && /[a-z]/.test(token.folded) && token.allCaps)) {
      core = [{ start: coreStart, end: coreEnd, folded: core.map((token) => token.folded).join(''), allCaps: true, capitalised: true }];
    }
    const acronym = core.length === 1 && (isAcronymSurface(surface.slice(coreStart, coreEnd)) || (core[0]!.allCaps && core[0]!.folded.length >= 2 && core[0]!.folded.length <= 6 && surface.slice(coreStart, coreEnd).includes('-')));
    const tokens = core.map((token) => token.folded);
    form = {
      key: keyOf(core),
      tokens,
      core: surface.slice(coreStart, coreEnd),
      coreStart,
      coreEnd,
      phonetic: tokens.map(phoneticToken).join(' '),
      acronym,
    };
  }
  if (cache.size >= FORM_CACHE_LIMIT) cache.clear();
  cache.set(surface, form);
  return form;
}

// ---- phonetics -------------------------------------------------------------------------------------------------

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);

/** Folds the spellings transliteration systems disagree on, keeping vowels (for the slot distance). Input: a folded
 *  token (lower case). "khmeimim" -> "hmeimim", "qaida" -> "kaida", "zour" -> "zur", "hemeimeem" -> "hemeimim". */
export function transliterationFold(token: string): string {
  let s = token
    .replace(/tch/g, 'ch')
    .replace(/sch/g, 'sh')
    .replace(/dzh|dj|zh/g, 'j')
    .replace(/kh/g, 'h')
    .replace(/gh/g, 'g')
    .replace(/ph/g, 'f')
    .replace(/th/g, 't')
    .replace(/dh/g, 'd')
    .replace(/ck/g, 'k')
    .replace(/q/g, 'k')
    .replace(/x/g, 'ks')
    .replace(/w/g, 'v')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/c(?!h)/g, 'k')
    .replace(/ou|oo/g, 'u')
    .replace(/ee/g, 'i')
    // one sound, one symbol: "China" has two consonants, like "Chennai" would need three to pass the guard
    .replace(/ch/g, 'ç')
    .replace(/sh/g, 'š');
  // y is a vowel except at the start of a word or between vowels ("Yemen", "Maya")
  s = s.replace(/y/g, (_, index: number) => (index === 0 || (VOWELS.has(s[index - 1]!) && VOWELS.has(s[index + 1] ?? '')) ? 'y' : 'i'));
  // doubled letters: "Assad" = "Asad", "Hemeimeem" = "Hemeimem"
  let out = '';
  for (const ch of s) if (ch !== out[out.length - 1]) out += ch;
  return out;
}

/** Consonant skeleton of a folded token: transliteration folds, vowels dropped, a word-initial vowel kept as "V". */
const phoneticCache = new Map<string, string>();

export function phoneticToken(token: string): string {
  let cached = phoneticCache.get(token);
  if (cached === undefined) {
    cached = computePhoneticToken(token);
    if (phoneticCache.size >= FORM_CACHE_LIMIT) phoneticCache.clear();
    phoneticCache.set(token, cached);
  }
  return cached;
}

function computePhoneticToken(token: string): string {
  const folded = transliterationFold(token);
  let out = '';
  for (let i = 0; i < folded.length; i++) {
    const ch = folded[i]!;
    if (VOWELS.has(ch)) {
      if (i === 0) out += 'V';
      continue;
    }
    out += ch;
  }
  return out || 'V';
}

/** Vowel runs around each consonant of a folded token: slot 0 before the first consonant, slot n after the last. */
const slotCache = new Map<string, string[]>();

function vowelSlots(token: string): string[] {
  let cached = slotCache.get(token);
  if (cached === undefined) {
    cached = computeVowelSlots(token);
    if (slotCache.size >= FORM_CACHE_LIMIT) slotCache.clear();
    slotCache.set(token, cached);
  }
  return cached;
}

function computeVowelSlots(token: string): string[] {
  const folded = transliterationFold(token);
  const slots: string[] = [''];
  for (const ch of folded) {
    if (VOWELS.has(ch)) slots[slots.length - 1] += ch;
    else slots.push('');
  }
  return slots;
}

function vowelClasses(run: string): number {
  let bits = 0;
  for (const ch of run) bits |= ch === 'a' ? 1 : ch === 'e' || ch === 'i' ? 2 : 4;
  return bits;
}

/** Cost of two vowel runs in the same slot: same classes 0; overlapping 0.25; a vs e/i 0.5; a vs o/u 0.75;
 *  e/i vs o/u 1. An inserted vowel inside a word costs 0.5 ("Hmeimim" / "Hemeimeem"), at the end of a word 1
 *  ("Niger" / "Nigeria"). */
function slotCost(a: string, b: string, final: boolean): number {
  if (a === b) return 0;
  if (a === '' || b === '') return final ? 1 : 0.5;
  const ca = vowelClasses(a);
  const cb = vowelClasses(b);
  if (ca === cb) return 0;
  if ((ca & cb) !== 0) return 0.25;
  const pair = ca | cb;
  if (pair === 3) return 0.5;
  if (pair === 5) return 0.75;
  return 1;
}

/** Vowel distance between two names with equal phonetic keys (same token count, same consonant skeletons). */
export function vowelDistance(a: readonly string[], b: readonly string[]): number {
  let total = 0;
  for (let t = 0; t < Math.min(a.length, b.length); t++) {
    const sa = vowelSlots(a[t]!);
    const sb = vowelSlots(b[t]!);
    if (sa.length !== sb.length) return Infinity;
    for (let i = 0; i < sa.length; i++) total += slotCost(sa[i]!, sb[i]!, i === sa.length - 1 && sa.length > 1);
  }
  return total;
}

/** Number of consonants in a phonetic key (the evidence a skeleton carries). */
export function consonantCount(phonetic: string): number {
  let n = 0;
  for (const ch of phonetic) if (ch !== ' ' && ch !== 'V') n++;
  return n;
}

/** The largest vowel distance a transliteration match may have, by how much the skeleton says: two consonants
 *  ("Gaza" / "Giza", "Iran" / "Oran") must agree in every vowel class; three ("Hassan" / "Hussein", "Honda" /
 *  "Hyundai") allow only a vowel doubled or split; four or more ("Mohammed" / "Muhammad", "Hmeimim" / "Hemeimeem")
 *  allow more. */
export function maxVowelDistance(consonants: number): number {
  return consonants <= 2 ? 0 : consonants === 3 ? 0.25 : 1;
}

/** Whether two name forms of one type class can be transliterations of each other, on spelling alone. */
export function transliterationMatch(a: NameForm, b: NameForm): boolean {
  if (a.key === b.key) return true;
  if (a.acronym || b.acronym || a.key !== a.key.toLowerCase() || b.key !== b.key.toLowerCase()) return false;
  if (a.phonetic !== b.phonetic) return false;
  // numbers, Roman numerals and initials are exact: World War I is not World War II, C. Visagie not K. Visagie
  if (a.tokens.some((token, i) => isExactToken(token) && token !== b.tokens[i])) return false;
  const consonants = consonantCount(a.phonetic);
  if (consonants < 2) return false;
  // two consonants carry little evidence: only spelling conventions may differ ("Tartous"/"Tartus" style), not a vowel
  if (consonants === 2) return a.tokens.map(transliterationFold).join(' ') === b.tokens.map(transliterationFold).join(' ');
  return vowelDistance(a.tokens, b.tokens) <= maxVowelDistance(consonants);
}

/** A token compared letter for letter: a digit string, a Roman numeral, or a single letter (an initial). */
export function isExactToken(token: string): boolean {
  return token.length === 1 || /^\d+$/.test(token) || /^[ivxlc]+$/.test(token);
}

/** Initials of a name's significant words: "Hayat Tahrir al-Sham" -> "hts", "Islamic State" -> "is". */
export function initialsOf(tokens: readonly string[]): string {
  return tokens
    .filter((token) => !['of', 'the', 'and', 'for', 'in', 'on', 'de', 'du', 'des', 'la', 'le', 'von', 'van'].includes(token))
    .map((token) => token[0] ?? '')
    .join('');
}
