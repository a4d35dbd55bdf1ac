// Sentence splitter over tokens. News text has headlines without full stops, lists without punctuation,
// hard-wrapped lines and paragraph breaks in odd places, so line breaks count as evidence too.
import type { Sentence, Token } from './types';
import { DOT_ABBREVIATIONS } from './tokenize';

/** Longest sentence, in tokens: beyond it (pathological input) the splitter cuts, keeping every later stage bounded. */
export const MAX_SENTENCE_TOKENS = 300;

const TERMINATORS = new Set(['.', '!', '?', '…', '...', '....']);
const CLOSERS = new Set(['"', "'", '”', '’', '»', ')', ']', '}']);
const OPENERS = new Set(['"', "'", '“', '‘', '«', '(', '[', '-', '–', '—', '•', '*']);
/** Punctuation after which a line break does not end the sentence. */
const CONTINUING = new Set([',', ';', '-', '–', '—', '(', '/', '&']);

/** Words that, capitalised after an abbreviation like "U.S.", almost always start a new sentence. */
const SENTENCE_STARTERS = new Set([
  'The', 'A', 'An', 'He', 'She', 'It', 'They', 'We', 'I', 'In', 'On', 'At', 'But', 'And', 'This', 'That', 'These',
  'Those', 'There', 'His', 'Her', 'Its', 'Their', 'Our', 'As', 'After', 'Before', 'When', 'While', 'However',
  'Meanwhile', 'Earlier', 'Later', 'Last', 'According', 'Since', 'If', 'Some', 'Many', 'Most', 'One', 'Two', 'What',
  'Who', 'Why', 'How', 'Officials', 'Russia', 'Syria',
]);

function startsUpper(text: string): boolean {
  const first = text[0]!;
  return first !== first.toLowerCase() && first === first.toUpperCase();
}

function startsLower(text: string): boolean {
  const first = text[0]!;
  return first !== first.toUpperCase() && first === first.toLowerCase();
}

/** A closing quote or bracket written right after the previous token (a straight quote after a space opens). */
function isAttachedCloser(token: Token): boolean {
  return CLOSERS.has(token.text) && !token.spaceBefore;
}

/** Could `next` begin a sentence (after a full stop)? */
function canStart(next: Token): boolean {
  return next.kind === 'number' || next.kind === 'symbol' || OPENERS.has(next.text) || startsUpper(next.text);
}

/** A token whose own final dot may also end the sentence: "... backed by the U.S. The next day". */
function endsWithSentenceDot(token: Token): boolean {
  if (token.kind !== 'word' || !token.text.endsWith('.') || token.text.length < 2) return false;
  const word = token.text.slice(0, -1);
  // Titles (Mr., Lt., Gen.) always precede a name; initials (J.) too.
  return !(DOT_ABBREVIATIONS.has(word) && /^[A-Z]/.test(word) && word.length > 1) && word.length > 1;
}

/** Whether a sentence ends after token `i` (tokens[i + 1] exists). */
function boundaryAfter(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i]!;
  const next = tokens[i + 1]!;
  if (next.breakBefore === 2) return !startsLower(next.text) || TERMINATORS.has(token.text);
  if (TERMINATORS.has(token.text)) return next.breakBefore > 0 || canStart(next);
  if (isAttachedCloser(token) && i > 0 && TERMINATORS.has(tokens[i - 1]!.text)) {
    return next.breakBefore > 0 || canStart(next);
  }
  if (endsWithSentenceDot(token)) {
    return next.breakBefore > 0 ? canStart(next) : SENTENCE_STARTERS.has(next.text);
  }
  if (next.breakBefore === 1) {
    // A hard-wrapped line continues; a headline, list item or label line ends.
    if (startsLower(next.text)) return false;
    if (CONTINUING.has(token.text)) return false;
    if (token.kind === 'word' && startsLower(token.text)) return false;
    return true;
  }
  return false;
}

/** Splits tokens into sentences. A sentence never spans more than MAX_SENTENCE_TOKENS tokens. */
export function splitSentences(tokens: readonly Token[]): Sentence[] {
  const sentences: Sentence[] = [];
  let first = 0;
  const close = (endToken: number) => {
    sentences.push({ start: tokens[first]!.start, end: tokens[endToken - 1]!.end, firstToken: first, endToken });
    first = endToken;
  };
  for (let i = 0; i < tokens.length - 1; i++) {
    // keep closing quotes and brackets with the sentence they close
    if (TERMINATORS.has(tokens[i]!.text) && isAttachedCloser(tokens[i + 1]!)) continue;
    if (boundaryAfter(tokens, i) || i + 1 - first >= MAX_SENTENCE_TOKENS) close(i + 1);
  }
  if (first < tokens.length) close(tokens.length);
  return sentences;
}
