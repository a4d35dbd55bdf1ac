// Tokeniser: one pass over UTF-16 code units, no regex backtracking, so time is linear in the text.
// Tokens follow the conventions of the CoNLL-2003 news data the entity tagger is trained on:
// possessive and negative clitics split off ("Syria" "'s", "do" "n't"), inner hyphens and name
// apostrophes kept ("al-Assad", "Hay'at"), abbreviation dots kept ("U.S.", "Lt.", "Dec.").
import type { Token, TokenKind } from './types';

/** Abbreviations whose final dot belongs to the word (titles, months, and the like). Case-sensitive. */
export const DOT_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'Mr', 'Mrs', 'Ms', 'Dr', 'Prof', 'Sr', 'Jr', 'St', 'Mt', 'Ft', 'Rev', 'Hon', 'Gov', 'Sen', 'Rep', 'Pres',
  'Lt', 'Gen', 'Col', 'Maj', 'Capt', 'Cpt', 'Sgt', 'Cpl', 'Pvt', 'Adm', 'Cmdr', 'Cdr', 'Brig', 'Lieut', 'Gens',
  'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
  'Tue', 'Tues', 'Thu', 'Thurs', 'Fri',
  'No', 'Nos', 'Co', 'Corp', 'Inc', 'Ltd', 'Bros', 'vs', 'approx', 'est', 'Ave', 'Blvd', 'Rd', 'Mts',
]);

/** "No." is an abbreviation only before a number ("No. 10"); otherwise it is the word no ending a sentence. */
const NUMBER_ABBREVIATIONS: ReadonlySet<string> = new Set(['No', 'Nos']);

function digitFollows(text: string, i: number): boolean {
  while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 0xa0) i++;
  return isDigit(text.charCodeAt(i));
}

const CLITICS: ReadonlySet<string> = new Set(['s', 're', 've', 'll', 'd', 'm']);

const LETTER_OR_MARK = /[\p{L}\p{M}]/u;

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isLetterAt(text: string, i: number): boolean {
  if (i >= text.length) return false; // (charCodeAt gives NaN there, and text[i] would test as "undefined")
  const c = text.charCodeAt(i);
  if (c < 128) return isAsciiLetter(c);
  if (c >= 0xd800 && c <= 0xdbff) return LETTER_OR_MARK.test(text.slice(i, i + 2));
  if (c === 0x2019 || c === 0x2018) return false;
  return LETTER_OR_MARK.test(text[i]!);
}

function isAlnumAt(text: string, i: number): boolean {
  return i < text.length && (isDigit(text.charCodeAt(i)) || isLetterAt(text, i));
}

function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019;
}

/** Hyphen-minus, hyphen and non-breaking hyphen join compounds; en and em dashes never do. */
function isJoiningHyphen(c: number): boolean {
  return c === 45 || c === 0x2010 || c === 0x2011;
}

function isSpace(c: number): boolean {
  return (
    c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12 || c === 0xa0 || c === 0xfeff ||
    c === 0x1680 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x202f ||
    c === 0x205f || c === 0x3000 || c === 0x85
  );
}

function isLineBreak(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029 || c === 0x85;
}

/** Length of the run of letters (code units) starting at i. */
function letterRun(text: string, i: number): number {
  let j = i;
  while (j < text.length && isLetterAt(text, j)) j += text.charCodeAt(j) >= 0xd800 && text.charCodeAt(j) <= 0xdbff ? 2 : 1;
  return j - i;
}

/**
 * If an apostrophe at `i` starts a clitic ('s, 're, 've, 'll, 'd, 'm), returns the clitic's length including the
 * apostrophe; otherwise 0.
 */
function cliticAt(text: string, i: number): number {
  if (!isApostrophe(text.charCodeAt(i))) return 0;
  const run = letterRun(text, i + 1);
  if (run === 0 || run > 2) return 0;
  return CLITICS.has(text.slice(i + 1, i + 1 + run).toLowerCase()) ? run + 1 : 0;
}

/** "n't" at i (either apostrophe), followed by a non-letter. */
function negationAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return (
    (c === 110 || c === 78) &&
    isApostrophe(text.charCodeAt(i + 1)) &&
    (text.charCodeAt(i + 2) === 116 || text.charCodeAt(i + 2) === 84) &&
    !isAlnumAt(text, i + 3)
  );
}

const URL_PREFIX = /(?:https?:\/\/|www\.)/y;
const EMAIL = /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}/y;

/** End of a URL starting at i: up to white space, minus trailing punctuation. */
function urlEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length && !isSpace(text.charCodeAt(j)) && text[j] !== '<' && text[j] !== '>' && text[j] !== '"') j++;
  while (j > i && '.,;:!?)]}\'’”'.includes(text[j - 1]!)) j--;
  return j;
}

/** Scans a word starting at i (a letter); returns its end. */
function wordEnd(text: string, i: number): number {
  let j = i;
  for (;;) {
    j += letterOrDigitRun(text, j);
    const c = text.charCodeAt(j);
    if (isJoiningHyphen(c) && isAlnumAt(text, j + 1)) {
      j++;
      continue;
    }
    if (isApostrophe(c) && isLetterAt(text, j + 1)) {
      // "don't": stop before the n of n't
      if (negationAt(text, j - 1)) return j - 1;
      if (cliticAt(text, j) > 0) return j;
      j++; // a name's apostrophe: Hay'at, O'Brien, Dara'a
      continue;
    }
    if (c === 46 /* . */) {
      const word = text.slice(i, j);
      // Initialisms: U.S., U.N., a.m., e.g. (a letter, a dot, a letter, a dot ...)
      if (j - i === 1 && isLetterAt(text, j + 1) && text.charCodeAt(j + 2) === 46) {
        j += 1;
        while (isLetterAt(text, j) && text.charCodeAt(j + 1) === 46 && letterRun(text, j) === 1) j += 2;
        if (isJoiningHyphen(text.charCodeAt(j)) && isAlnumAt(text, j + 1)) {
          j++;
          continue; // U.S.-backed
        }
        return j;
      }
      // A single capital initial (J. Smith) or a known abbreviation keeps its dot.
      const capitalInitial = j - i === 1 && text.charCodeAt(i) >= 65 && text.charCodeAt(i) <= 90;
      if (capitalInitial || (DOT_ABBREVIATIONS.has(word) && (!NUMBER_ABBREVIATIONS.has(word) || digitFollows(text, j + 1)))) {
        return j + 1;
      }
    }
    return j;
  }
}

function letterOrDigitRun(text: string, i: number): number {
  let j = i;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (isDigit(c)) j++;
    else if (c < 128) {
      if (isAsciiLetter(c)) j++;
      else break;
    } else if (isLetterAt(text, j)) j += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
    else break;
  }
  return j - i;
}

/** Scans a number starting at i (a digit); returns its end. */
function numberEnd(text: string, i: number): number {
  let j = i;
  for (;;) {
    while (isDigit(text.charCodeAt(j))) j++;
    const c = text.charCodeAt(j);
    // inner separators: 4,300  3.5  12/09/2017  09:03
    if ((c === 44 || c === 46 || c === 47 || c === 58) && isDigit(text.charCodeAt(j + 1))) {
      j++;
      continue;
    }
    break;
  }
  // glued letters and compounds: 450m, 1980s, 5th, 49-year, 10-year-old, 2015-2017
  for (;;) {
    const c = text.charCodeAt(j);
    if (isLetterAt(text, j)) {
      j += letterOrDigitRun(text, j);
      continue;
    }
    if (isJoiningHyphen(c) && isAlnumAt(text, j + 1)) {
      j++;
      j += letterOrDigitRun(text, j);
      continue;
    }
    return j;
  }
}

const PUNCTUATION = new Set('.,;:!?()[]{}"\'“”‘’«»‹›-–—/\\…¿¡'.split(''));

/**
 * Splits text into tokens. White space is not a token; each token records whether white space and how many line
 * breaks precede it. Time and memory are linear in the length of the text.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  let spaceBefore = false;
  let breaks = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      spaceBefore = true;
      if (isLineBreak(c) && !(c === 10 && i > 0 && text.charCodeAt(i - 1) === 13)) breaks++;
      i++;
      continue;
    }
    let end: number;
    let kind: TokenKind;
    if (isDigit(c)) {
      end = numberEnd(text, i);
      kind = 'number';
    } else if ((c === 104 || c === 119) && ((URL_PREFIX.lastIndex = i), URL_PREFIX.test(text))) {
      end = urlEnd(text, i);
      kind = 'url';
    } else if (negationAt(text, i)) {
      end = i + 3;
      kind = 'word';
    } else if (isLetterAt(text, i)) {
      end = wordEnd(text, i);
      kind = 'word';
      if (text.charCodeAt(end) === 64 /* @ */) {
        EMAIL.lastIndex = i;
        if (EMAIL.test(text)) {
          end = EMAIL.lastIndex;
          kind = 'url';
        }
      }
    } else if (cliticAt(text, i) > 0 && i > 0 && !isSpace(text.charCodeAt(i - 1))) {
      end = i + cliticAt(text, i);
      kind = 'word';
    } else if (c === 46 && text.charCodeAt(i + 1) === 46 && text.charCodeAt(i + 2) === 46) {
      end = i + 3;
      while (text.charCodeAt(end) === 46) end++;
      kind = 'punct';
    } else if (c === 45 && text.charCodeAt(i + 1) === 45) {
      end = i + 2;
      kind = 'punct';
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < n && text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdfff) {
      end = i + 2;
      kind = 'symbol';
    } else {
      end = i + 1;
      kind = PUNCTUATION.has(text[i]!) ? 'punct' : 'symbol';
    }
    tokens.push({
      start: i,
      end,
      text: text.slice(i, end),
      kind,
      breakBefore: breaks >= 2 ? 2 : breaks === 1 ? 1 : 0,
      spaceBefore,
    });
    spaceBefore = false;
    breaks = 0;
    i = end;
  }
  return tokens;
}
