// The tagger's word knowledge, shipped inside the model file: gazetteers (multi-word lists of names by
// category), word clusters (distributional classes learnt from unlabelled news text) and the set of common
// lower-case words (used to recase headlines and to recognise sentence-initial common words).
import { combine, hashLower } from './hash';
import { IntTable } from './table';

/** Gazetteer categories; a list entry may belong to several. The order is part of the model format. */
export const GAZ_CATEGORIES = [
  'country', // Syria, United Arab Emirates
  'city-major', // population >= 100,000
  'city', // population >= 15,000
  'region', // states, provinces, continents, seas, named regions
  'first-name', // given names
  'name-part', // given and family names
  'company', // company names
  'nationality', // Syrian, Russians
  'org-word', // Ministry, Agency, Council, Party, University, FC (heads of organisation names)
  'agency', // news agencies and broadcasters: Reuters, Interfax, RIA Novosti
  'title', // President, Minister, Gen., spokesman (titles, ranks and roles)
  'loc-word', // River, Mountains, Province, Airport, Base (heads of place names)
  'org-name', // organisations from permissively licensed lists: NATO, Hezbollah, United Nations
  'person-name', // well-known people, whole names
  'misc-word', // events, languages, religions: Cup, Olympics, Islam
] as const;
export type GazCategory = (typeof GAZ_CATEGORIES)[number];

/** Marks a gazetteer key that is also the beginning of a longer entry (so matching goes on). */
export const GAZ_PREFIX_BIT = 1 << 30;
export const GAZ_MAX_TOKENS = 8;

/** Key of a token sequence in the gazetteer: fold of the tokens' lower-case hashes. */
export function gazStep(h: number, lowerHash: number): number {
  return combine(h, lowerHash);
}
export const GAZ_SEED = 0x2545f491;

export class Lexicon {
  constructor(
    /** Sequence key -> category bits (| GAZ_PREFIX_BIT when a longer entry starts with it). */
    readonly gazetteer: IntTable,
    /** Lower-case word hash -> packed cluster path (CLUSTER_LEVELS ids, 10 bits each), or -1. */
    readonly clusters: IntTable,
    /** Lower-case word hashes of common words (value = 1 when usually lower case in running text). */
    readonly common: IntTable,
  ) {}

  static empty(): Lexicon {
    return new Lexicon(new IntTable([], []), new IntTable([], []), new IntTable([], []));
  }

  isCommonWord(word: string): boolean {
    return this.common.get(hashLower(word), 0) === 1;
  }
}

export const CLUSTER_LEVELS = 3;
