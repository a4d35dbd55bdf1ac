// Readers for the NER corpora in ../shared/corpora (CoNLL-style: one token per line, tag in the last column,
// blank line between sentences). Training and evaluation only; nothing here ships.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { tagIndex } from '../../server/src/analysis/entities/tags';

export interface LabelledCorpus {
  readonly name: string;
  readonly words: string[];
  /** Gold tag indices (see tags.ts). */
  readonly tags: Int8Array;
  /** Sentence starts, then words.length. */
  readonly bounds: number[];
}

/** The checkout (the bundled benchmark is told it, as its own folder differs). */
export const ROOT = process.env.CORROBORATE_NER_ROOT ?? path.resolve(__dirname, '..', '..');
export const CORPORA = path.resolve(ROOT, '..', 'shared', 'corpora');

export function corpusPath(relative: string): string {
  return path.join(CORPORA, relative);
}

export function haveCorpora(): boolean {
  return existsSync(path.join(CORPORA, 'conll2003', 'eng.train'));
}

/** Maps a corpus tag onto ours: DATE, OTH and anything unknown become O. */
function mapTag(tag: string): number {
  if (tag === 'O' || tag.length < 3) return 0;
  const kind = tag.slice(2);
  if (kind !== 'PER' && kind !== 'ORG' && kind !== 'LOC' && kind !== 'MISC') return 0;
  return tagIndex(`${tag[0] === 'I' ? 'I' : 'B'}-${kind}`);
}

export function readConll(file: string, name = path.basename(file)): LabelledCorpus {
  const lines = readFileSync(file, 'utf8').split(/\r?\n/);
  const words: string[] = [];
  const tags: number[] = [];
  const bounds: number[] = [0];
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('-DOCSTART-')) {
      if (words.length > bounds[bounds.length - 1]!) bounds.push(words.length);
      continue;
    }
    const cols = trimmed.split(/[\t ]+/);
    words.push(cols[0]!);
    tags.push(mapTag(cols[cols.length - 1]!));
  }
  if (words.length > bounds[bounds.length - 1]!) bounds.push(words.length);
  // Repair I- tags that do not continue an entity of their kind (BIO).
  const t = Int8Array.from(tags);
  for (let s = 0; s + 1 < bounds.length; s++) {
    for (let i = bounds[s]!; i < bounds[s + 1]!; i++) {
      const tag = t[i]!;
      if (tag !== 0 && (tag & 1) === 0) {
        const prev = i > bounds[s]! ? t[i - 1]! : 0;
        if (prev === 0 || (prev - 1) >> 1 !== (tag - 1) >> 1) t[i] = tag - 1;
      }
    }
  }
  return { name, words, tags: t, bounds };
}

export const CORPUS_FILES: Readonly<Record<string, string>> = {
  'conll-train': 'conll2003/eng.train',
  'conll-dev': 'conll2003/eng.testa',
  'conll-test': 'conll2003/eng.testb',
  'gum-train': 'gum-permissive/gum-permissive.train.conll',
  'gum-dev': 'gum-permissive/gum-permissive.dev.conll',
  'gum-test': 'gum-permissive/gum-permissive.test.conll',
  wikigold: 'wikigold/wikigold.conll',
  're3d-train': 're3d-permissive/re3d-permissive.core.train.conll',
  're3d-test': 're3d-permissive/re3d-permissive.core.test.conll',
  'uner-dev': 'uner-en-ewt/uner-en_ewt.dev.conll',
  'uner-test': 'uner-en-ewt/uner-en_ewt.test.conll',
};

export function loadCorpus(name: string): LabelledCorpus {
  const file = CORPUS_FILES[name];
  if (!file) throw new Error(`unknown corpus ${name}`);
  const corpus = readConll(corpusPath(file), name);
  return name.startsWith('re3d') ? toConllGuidelines(corpus) : corpus;
}

const RE3D_TITLES = new Set(
  ['president', 'prime', 'minister', 'foreign', 'secretary', 'defence', 'defense', 'deputy', 'general', 'gen.', 'lt.', 'col.',
    'maj.', 'capt.', 'lieutenant', 'colonel', 'major', 'captain', 'admiral', 'commander', 'king', 'queen', 'prince', 'sheikh',
    'mr', 'mr.', 'mrs', 'ms', 'dr', 'dr.', 'ambassador', 'envoy', 'special', 'spokesman', 'spokeswoman', 'chancellor', 'vice',
    'state', 'of', 'for', 'the', 'home', 'senator', 'sen.', 'secretary-general', 'chief', 'staff', 'brig.', 'gen', 'army',
    'u.s.', 'uk', 'iraqi', 'syrian', 'british', 'american', 'australian', 'russian', 'iranian', 'turkish', 'chairman', 'envoy'],
);
const COUNTRY_LIKE = new Set(
  ['syria', 'iraq', 'iran', 'russia', 'turkey', 'france', 'uk', 'u.k.', 'britain', 'us', 'u.s.', 'usa', 'united states', 'america',
    'united kingdom', 'australia', 'germany', 'jordan', 'lebanon', 'israel', 'saudi arabia', 'qatar', 'egypt', 'libya', 'yemen',
    'afghanistan', 'pakistan', 'canada', 'italy', 'spain', 'china', 'japan', 'kuwait', 'bahrain', 'oman', 'denmark', 'netherlands',
    'belgium', 'norway', 'sweden', 'new zealand', 'united arab emirates', 'uae', 'the united states', 'the uk'],
);

/**
 * re3d annotates by other rules than CoNLL-2003 (titles inside PER spans, countries acting politically as ORG,
 * descriptions inside LOC spans). Bring its spans to CoNLL's rules where that can be done mechanically:
 * titles leave PER spans, a span that is just a country name is LOC, leading lower-case words leave spans.
 */
function toConllGuidelines(c: LabelledCorpus): LabelledCorpus {
  const tags = c.tags;
  const B = (k: number): number => 1 + 2 * k;
  const I = (k: number): number => 2 + 2 * k;
  for (let i = 0; i < tags.length; ) {
    if (tags[i] === 0) {
      i++;
      continue;
    }
    const kind = (tags[i]! - 1) >> 1;
    let end = i + 1;
    while (end < tags.length && tags[end] === I(kind)) end++;
    let start = i;
    // leading lower-case words ("south of Stockholm"), and for people their titles
    while (start < end - 1 && (/^\p{Ll}/u.test(c.words[start]!) || (kind === 0 && RE3D_TITLES.has(c.words[start]!.toLowerCase())))) {
      tags[start] = 0;
      start++;
    }
    if (start < end && /^\p{Ll}/u.test(c.words[start]!) && end - start === 1) tags[start] = 0;
    else if (start < end) {
      const text = c.words.slice(start, end).join(' ').toLowerCase();
      const k = kind === 1 && COUNTRY_LIKE.has(text) ? 2 : kind;
      tags[start] = B(k);
      for (let j = start + 1; j < end; j++) tags[j] = I(k);
    }
    i = end;
  }
  return c;
}
