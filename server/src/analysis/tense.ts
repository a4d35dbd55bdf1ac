// Tense near a date mention: is "on Monday" the Monday just gone ("said on Monday") or the one to come ("will meet on
// Monday")? The nearest tense marker in the same sentence decides; a marker must sit within a few words.
import type { Sentence, Token } from './types';

export type Tense = 'past' | 'future';

const FUTURE = new Set([
  'will', "'ll", '’ll', 'shall', 'wo', 'upcoming', 'forthcoming', 'scheduled', 'due', 'expected', 'planned', 'plans',
  'plan', 'intends', 'aims', 'tomorrow', 'next', 'later',
]);
/** Present forms that announce a scheduled future event ("A new round starts later this week"). */
const SCHEDULED_PRESENT = new Set(['starts', 'begins', 'opens', 'resumes', 'takes', 'goes', 'ends', 'closes', 'meets', 'holds', 'arrives', 'visits', 'travels', 'leaves']);

const PAST = new Set([
  'was', 'were', 'had', 'did', 'said', 'told', 'took', 'began', 'fell', 'met', 'came', 'went', 'gave', 'saw', 'made',
  'held', 'left', 'won', 'lost', 'sent', 'led', 'struck', 'brought', 'bought', 'sold', 'found', 'thought', 'felt', 'kept',
  'became', 'broke', 'spoke', 'wrote', 'drove', 'rose', 'chose', 'froze', 'shot', 'fought', 'caught', 'taught', 'paid',
  'laid', 'meant', 'spent', 'built', 'ran', 'sat', 'stood', 'understood', 'knew', 'grew', 'threw', 'flew', 'drew', 'withdrew',
  'overthrew', 'got', 'forgot', 'heard', 'lay', 'slept',
  'swept', 'wept', 'fled', 'bled', 'fed', 'sped', 'shed', 'ago', 'last', 'yesterday', 'earlier', 'previously', 'former',
]);
/** Words ending in -ed that are not past forms. */
const NOT_PAST_ED = new Set(['need', 'needed', 'speed', 'seed', 'feed', 'bed', 'red', 'shed', 'indeed', 'proceed', 'exceed', 'succeed', 'breed', 'greed', 'weed', 'deed', 'hundred', 'naked', 'wicked', 'sacred', 'kindred', 'scheduled', 'expected', 'planned', 'due']);

function marker(tokens: readonly Token[], k: number): Tense | 'scheduled' | undefined {
  const token = tokens[k]!;
  if (token.kind !== 'word') return undefined;
  const word = token.text.toLowerCase();
  // "is to be voted on Thursday": to be + participle is the future
  if (word === 'be' && k > 0 && tokens[k - 1]!.text.toLowerCase() === 'to') return 'future';
  if (FUTURE.has(word)) {
    return 'future';
  }
  if (SCHEDULED_PRESENT.has(word)) return 'scheduled';
  const participle = PAST.has(word) || (word.length >= 4 && word.endsWith('ed') && !word.includes('-') && !NOT_PAST_ED.has(word) && !word.endsWith('eed'));
  if (!participle) return undefined;
  // a participle after "be" takes the tense of what comes before: "is to be voted", "will be held"; "could be
  // delayed" has none
  if (k > 0 && tokens[k - 1]!.text.toLowerCase() === 'be') {
    const before = k > 1 ? tokens[k - 2]!.text.toLowerCase() : '';
    return before === 'to' || FUTURE.has(before) ? 'future' : undefined;
  }
  return 'past';
}

/** Tokens either side of a mention searched for a tense marker. */
const REACH = 10;

/**
 * The tense of the clause around tokens [i, j) of `sentence`: the nearest tense marker wins (left first on a tie).
 * Undefined when there is none within reach. Words inside the mention itself are not markers.
 */
export function tenseAround(tokens: readonly Token[], sentence: Sentence | undefined, i: number, j: number): Tense | undefined {
  const lo = Math.max(sentence ? sentence.firstToken : 0, i - REACH);
  const hi = Math.min(sentence ? sentence.endToken : tokens.length, j + REACH);
  let left: { distance: number; tense: Tense | 'scheduled' } | undefined;
  for (let k = i - 1; k >= lo; k--) {
    if (tokens[k]!.text === ';') break;
    const m = marker(tokens, k);
    if (m) {
      left = { distance: i - k, tense: m };
      break;
    }
  }
  let right: { distance: number; tense: Tense | 'scheduled' } | undefined;
  for (let k = j; k < hi; k++) {
    if (tokens[k]!.text === ';') break;
    const m = marker(tokens, k);
    if (m) {
      right = { distance: k - j + 1, tense: m };
      break;
    }
  }
  const best = !left ? right : !right ? left : right.distance < left.distance ? right : left;
  if (!best) return undefined;
  return best.tense === 'scheduled' ? 'future' : best.tense;
}
