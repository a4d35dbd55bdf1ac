// Where training finds the lexicon (gazetteers, clusters, common words) built by the scripts in this folder.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Lexicon } from '../../server/src/analysis/entities/lexicon';
import { decodeLexicon } from '../../server/src/analysis/entities/model';
import { ROOT } from './corpus';

/** The lexicon training reads (NER_LEXICON overrides it for experiments). */
export const LEXICON_BUILD = process.env.NER_LEXICON ?? path.join(ROOT, 'scripts', 'ner', '.build', 'lexicon.bin');

export function loadLexiconForTraining(): Lexicon {
  if (!existsSync(LEXICON_BUILD)) {
    process.stderr.write(`no ${LEXICON_BUILD}: training without gazetteers and clusters\n`);
    return Lexicon.empty();
  }
  const bytes = readFileSync(LEXICON_BUILD);
  return decodeLexicon(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}
