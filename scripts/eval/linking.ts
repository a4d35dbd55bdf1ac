// Evaluation of cross-file entity linking on ECB+ (../shared/corpora/clusters/coref-entities.json): 330 gold chains
// of people, organisations and places mentioned in 2+ articles, over 982 news articles in 86 same-event clusters.
//
// Two runs over the whole corpus as one workspace:
//   gold mentions  the gold name mentions (name_head, trimmed to the name) as the entities: linking alone;
//   tagger         the analysis library's own entities, matched to gold mentions by overlap: end to end.
// plus a baseline that links only identical names (case-insensitive), on the gold mentions.
// Scored inside ECB+'s annotated sentences (elsewhere names are mostly unannotated), within a topic (ECB+ chains are
// per topic): pairwise precision/recall of cross-document links, and B-cubed over the mentions.
// Prints JSON on stdout (`npm run eval:linking`); with --errors, the most frequent wrong and missed links on stderr.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../server/src/analysis/analyze';
import type { ArticleAnalysis, EntityMention, EntityType } from '../../server/src/analysis/types';
import { WorkspaceIndex } from '../../server/src/workspace/index';
import { summarize } from '../../server/src/workspace/summary';

export const CLUSTERS_DIR = path.resolve(__dirname, '..', '..', '..', 'shared', 'corpora', 'clusters');

interface GoldMention {
  readonly file: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly name_head: boolean;
}

interface GoldChain {
  readonly id: string;
  readonly type: EntityType;
  readonly mentions: readonly GoldMention[];
}

interface Gold {
  readonly chains: readonly GoldChain[];
  readonly annotated_sentences: Record<string, [number, number][]>;
}

/** A scored mention: where it is, its gold chain, and the system's cluster for it. */
interface Scored {
  readonly file: string;
  readonly topic: string;
  readonly chain: string;
  readonly text: string;
  cluster?: string;
}

export interface PairScores {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly systemLinks: number;
  readonly goldLinks: number;
  readonly correctLinks: number;
}

export interface RunScores {
  /** Gold mentions scored (inside annotated sentences, name mentions) and how many the run had a mention for. */
  readonly goldMentions: number;
  readonly matchedMentions: number;
  readonly crossDocumentLinks: PairScores;
  readonly bcubed: { readonly precision: number; readonly recall: number; readonly f1: number };
}

const round = (value: number) => Math.round(value * 10000) / 10000;
const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

/** "ecbplus_t12_ecbplus/3.txt" -> "t12" (ECB+ chains are per topic; its ecb and ecbplus halves are one topic). */
function topicOf(file: string): string {
  return /_(t\d+)/.exec(file)?.[1] ?? file;
}

function insideAnnotated(gold: Gold, file: string, start: number, end: number): boolean {
  return (gold.annotated_sentences[file] ?? []).some(([s, e]) => start >= s && end <= e);
}

/** The name inside a gold extent: "in the Gulf of Aden" -> "Gulf of Aden", "Betty Ford Center in Rancho Mirage,
 *  Calif" -> "Betty Ford Center", "Lohan's" -> "Lohan". */
export function nameSpan(text: string, start: number): { start: number; end: number; text: string } | undefined {
  const words = [...text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}.'’&-]*|[,(;:"“”]/gu)].map((m) => ({ text: m[0], at: m.index! }));
  const capital = (w: string) => /^\p{Lu}/u.test(w) || /^\d/.test(w);
  const first = words.findIndex((w) => capital(w.text));
  if (first < 0) return undefined;
  let last = first;
  for (let i = first + 1; i < words.length; i++) {
    const word = words[i]!.text;
    if (/^[,(;:]$/.test(word)) break;
    if (capital(word)) last = i;
    else if (/^(of|de|del|la|le|al|el|von|van|der|the|and|&|bin|ibn|y)$/i.test(word) && words[i + 1] && capital(words[i + 1]!.text)) continue;
    else break;
  }
  const from = words[first]!.at;
  let to = words[last]!.at + words[last]!.text.length;
  let name = text.slice(from, to).replace(/['’]s$/, '');
  to = from + name.length;
  name = name.replace(/[.,]+$/, '');
  return { start: start + from, end: start + from + name.length, text: name };
}

function pairScores(mentions: readonly Scored[]): PairScores {
  let system = 0;
  let goldLinks = 0;
  let correct = 0;
  const byTopic = new Map<string, Scored[]>();
  for (const m of mentions) byTopic.set(m.topic, [...(byTopic.get(m.topic) ?? []), m]);
  for (const list of byTopic.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i]!;
        const b = list[j]!;
        if (a.file === b.file) continue;
        const isGold = a.chain === b.chain;
        const isSystem = a.cluster !== undefined && a.cluster === b.cluster;
        if (isGold) goldLinks++;
        if (isSystem) system++;
        if (isGold && isSystem) correct++;
      }
    }
  }
  const precision = system === 0 ? 0 : correct / system;
  const recall = goldLinks === 0 ? 0 : correct / goldLinks;
  return { precision: round(precision), recall: round(recall), f1: round(f1(precision, recall)), systemLinks: system, goldLinks, correctLinks: correct };
}

/** B-cubed within each topic; a mention the system missed is a singleton of its own. */
function bcubed(mentions: readonly Scored[]): { precision: number; recall: number; f1: number } {
  let precision = 0;
  let recall = 0;
  const byTopic = new Map<string, Scored[]>();
  for (const m of mentions) byTopic.set(m.topic, [...(byTopic.get(m.topic) ?? []), m]);
  for (const list of byTopic.values()) {
    const system = new Map<string, Scored[]>();
    const gold = new Map<string, Scored[]>();
    list.forEach((m, i) => {
      const key = m.cluster ?? `missing:${i}`;
      system.set(key, [...(system.get(key) ?? []), m]);
      gold.set(m.chain, [...(gold.get(m.chain) ?? []), m]);
    });
    list.forEach((m, i) => {
      const sys = system.get(m.cluster ?? `missing:${i}`)!;
      const gol = gold.get(m.chain)!;
      const both = sys.filter((x) => x.chain === m.chain).length;
      precision += both / sys.length;
      recall += both / gol.length;
    });
  }
  const n = mentions.length || 1;
  return { precision: round(precision / n), recall: round(recall / n), f1: round(f1(precision / n, recall / n)) };
}

function score(goldMentions: readonly Scored[]): RunScores {
  return {
    goldMentions: goldMentions.length,
    matchedMentions: goldMentions.filter((m) => m.cluster !== undefined).length,
    crossDocumentLinks: pairScores(goldMentions),
    bcubed: bcubed(goldMentions),
  };
}

/** The most frequent wrong links (system links between different chains) and missed ones, by spelling pair. */
function errors(mentions: readonly Scored[], limit = 25): { wrong: [string, number][]; missed: [string, number][] } {
  const wrong = new Map<string, number>();
  const missed = new Map<string, number>();
  for (let i = 0; i < mentions.length; i++) {
    for (let j = i + 1; j < mentions.length; j++) {
      const a = mentions[i]!;
      const b = mentions[j]!;
      if (a.file === b.file || a.topic !== b.topic) continue;
      const pair = [a.text, b.text].sort().join(' | ');
      const isSystem = a.cluster !== undefined && a.cluster === b.cluster;
      if (isSystem && a.chain !== b.chain) wrong.set(pair, (wrong.get(pair) ?? 0) + 1);
      if (!isSystem && a.chain === b.chain && a.text.toLowerCase() !== b.text.toLowerCase()) missed.set(pair, (missed.get(pair) ?? 0) + 1);
    }
  }
  const top = (map: Map<string, number>) => [...map].sort((x, y) => y[1] - x[1]).slice(0, limit);
  return { wrong: top(wrong), missed: top(missed) };
}

export interface LinkingEvaluation {
  readonly corpus: string;
  readonly articles: number;
  readonly chains: number;
  readonly scope: string;
  readonly goldMentionsRun: RunScores;
  readonly exactNameBaseline: RunScores;
  readonly taggerRun: RunScores & { readonly mentionDetectionRecall: number };
}

export async function evaluateLinking(options: { dir?: string; showErrors?: boolean } = {}): Promise<LinkingEvaluation> {
  const dir = options.dir ?? CLUSTERS_DIR;
  const gold = JSON.parse(readFileSync(path.join(dir, 'coref-entities.json'), 'utf8')) as Gold;
  const files = [...new Set([...Object.keys(gold.annotated_sentences), ...gold.chains.flatMap((c) => c.mentions.map((m) => m.file))])].sort();
  const texts = new Map(files.map((file) => [file, readFileSync(path.join(dir, file), 'utf8')]));
  const analyses = new Map<string, ArticleAnalysis>();
  for (const file of files) analyses.set(file, analyze(texts.get(file)!));

  // the gold mentions to score: name mentions inside annotated sentences, trimmed to the name
  const goldEntities = new Map<string, EntityMention[]>();
  const scoredGold: (Scored & { start: number; end: number })[] = [];
  for (const chain of gold.chains) {
    for (const mention of chain.mentions) {
      if (!mention.name_head) continue;
      const name = nameSpan(mention.text, mention.start);
      if (!name) continue;
      goldEntities.set(mention.file, [...(goldEntities.get(mention.file) ?? []), { start: name.start, end: name.end, text: name.text, type: chain.type }]);
      if (!insideAnnotated(gold, mention.file, mention.start, mention.end)) continue;
      scoredGold.push({ file: mention.file, topic: topicOf(mention.file), chain: chain.id, text: name.text, start: name.start, end: name.end });
    }
  }

  const indexWith = (entitiesOf: (file: string) => EntityMention[]) => {
    const index = new WorkspaceIndex();
    for (const file of files) {
      const entities = dedupe(entitiesOf(file));
      index.set(`file:///${file}`, summarize({ ...analyses.get(file)!, entities }));
    }
    index.flush();
    return index;
  };
  const clusterAt = (index: WorkspaceIndex, file: string, start: number, end: number): string | undefined => {
    const uri = `file:///${file}`;
    const summary = index.get(uri)!;
    let best: { index: number; overlap: number } | undefined;
    summary.entities.forEach((m, i) => {
      const overlap = Math.min(end, m.end) - Math.max(start, m.start);
      if (overlap <= 0) return;
      const shorter = Math.min(end - start, m.end - m.start);
      if (overlap / shorter < 0.5) return;
      if (!best || overlap > best.overlap) best = { index: i, overlap };
    });
    if (!best) return undefined;
    const cluster = index.clusterOf({ uri, index: best.index });
    return cluster ? String(cluster.id) : undefined;
  };

  // 1. gold mentions as entities: linking alone
  const goldIndex = indexWith((file) => goldEntities.get(file) ?? []);
  const goldRun = scoredGold.map((m) => ({ ...m, cluster: clusterAt(goldIndex, m.file, m.start, m.end) }));
  // 2. baseline: identical names only
  const baselineRun = scoredGold.map((m) => ({ ...m, cluster: m.text.toLowerCase() }));
  // 3. the tagger's entities
  const taggerIndex = indexWith((file) => [...analyses.get(file)!.entities]);
  const taggerRun = scoredGold.map((m) => ({ ...m, cluster: clusterAt(taggerIndex, m.file, m.start, m.end) }));
  const detected = taggerRun.filter((m) => m.cluster !== undefined).length;

  if (options.showErrors) {
    for (const [name, run] of [['gold mentions', goldRun], ['tagger', taggerRun]] as const) {
      const { wrong, missed } = errors(run);
      process.stderr.write(`\n== ${name}: most frequent wrong links (spelling pair: cross-document pairs)\n`);
      for (const [pair, n] of wrong) process.stderr.write(`  ${n}\t${pair}\n`);
      process.stderr.write(`== ${name}: most frequent missed links between different spellings\n`);
      for (const [pair, n] of missed) process.stderr.write(`  ${n}\t${pair}\n`);
    }
  }

  return {
    corpus: 'ECB+ cross-document entity chains (../shared/corpora/clusters/coref-entities.json)',
    articles: files.length,
    chains: gold.chains.length,
    scope: 'name mentions (name_head) inside ECB+ annotated sentences; links between different articles of one topic; B-cubed per topic',
    goldMentionsRun: score(goldRun),
    exactNameBaseline: score(baselineRun),
    taggerRun: { ...score(taggerRun), mentionDetectionRecall: round(detected / (scoredGold.length || 1)) },
  };
}

/** Gold extents can nest ("Gulf of Aden" and "the notorious Gulf of Aden" trimmed alike): keep one per span. */
function dedupe(entities: EntityMention[]): EntityMention[] {
  const seen = new Set<string>();
  const sorted = [...entities].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: EntityMention[] = [];
  let coveredTo = -1;
  for (const entity of sorted) {
    const key = `${entity.start}:${entity.end}`;
    if (seen.has(key) || entity.start < coveredTo) continue;
    seen.add(key);
    out.push(entity);
    coveredTo = entity.end;
  }
  return out;
}

if (require.main === module) {
  evaluateLinking({ showErrors: process.argv.includes('--errors') }).then(
    (result) => process.stdout.write(`${JSON.stringify(result, null, 2)}\n`),
    (error) => {
      process.stderr.write(`eval linking failed: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
