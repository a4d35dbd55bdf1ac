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
  return readConll(corpusPath(file), name);
}
