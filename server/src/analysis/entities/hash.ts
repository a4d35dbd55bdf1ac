// 32-bit string and integer hashing for the entity tagger's features. Characters are hashed one by one as they
// are read (FNV-1a), never by building new strings, so extracting features allocates almost nothing.

export const FNV_OFFSET = 0x811c9dc5 | 0;

/** One FNV-1a step. */
export function fnv(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}

/** Murmur3's finaliser: spreads every input bit over the whole word. */
export function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/** Combines two 32-bit values (order matters). */
export function combine(a: number, b: number): number {
  return fmix(Math.imul(a, 0x9e3779b1) ^ (b + 0x7f4a7c15 + (a << 6) + (a >>> 2)));
}

/**
 * Folds typographic variants onto the ASCII forms the training data uses: curly quotes and apostrophes,
 * dashes and the non-breaking hyphen. Returns the code unit to hash.
 */
export function foldChar(c: number): number {
  return c < 128 ? c : foldBeyondAscii(c);
}

/** foldChar's rare case, apart so that foldChar stays small enough to be inlined. */
function foldBeyondAscii(c: number): number {
  switch (c) {
    case 0x2018:
    case 0x2019:
    case 0x02bc:
      return 39; // '
    case 0x201c:
    case 0x201d:
    case 0x00ab:
    case 0x00bb:
      return 34; // "
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
      return 45; // -
    default:
      return c;
  }
}

/** Lower case of a folded code unit (ASCII fast path; others through String.toLowerCase when it is one unit). */
export function lowerChar(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  return lowerBeyondAscii(c);
}

/** lowerChar's rare case, apart so that lowerChar stays small enough to be inlined. */
function lowerBeyondAscii(c: number): number {
  const lower = String.fromCharCode(c).toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : c;
}

/** Hash of a string as the tagger sees it (folded). */
export function hashString(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) h = fnv(h, foldChar(s.charCodeAt(i)));
  return fmix(h);
}

/** Hash of a string's lower-case folded form. */
export function hashLower(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) h = fnv(h, lowerChar(foldChar(s.charCodeAt(i))));
  return fmix(h);
}

/** Hash of a sequence of lower-case word hashes (multi-word gazetteer entries). */
export function hashSequence(hashes: readonly number[]): number {
  let h = 0x3c6ef372;
  for (const x of hashes) h = combine(h, x);
  return h;
}
