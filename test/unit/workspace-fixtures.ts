// Helpers for workspace and clustering tests: summaries from text plus a list of names (what a tagger would find),
// so clustering is tested on exactly the mentions we choose, independent of the tagger.
import { analyze } from '../../server/src/analysis/analyze';
import type { EntityMention, EntityType } from '../../server/src/analysis/types';
import { summarize, type ArticleSummary } from '../../server/src/workspace/summary';
import { WorkspaceIndex } from '../../server/src/workspace/index';
import type { WorkspaceConfig } from '../../server/src/workspace/config';
import { DEFAULT_CONFIG } from '../../server/src/workspace/config';

export type Gazetteer = readonly (readonly [string, EntityType])[];

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

/** Every whole-word occurrence of the gazetteer's names in `text`, longest names first, without overlaps. */
export function mentionsIn(text: string, names: Gazetteer): EntityMention[] {
  const sorted = [...names].sort((a, b) => b[0].length - a[0].length);
  const taken: boolean[] = new Array(text.length).fill(false);
  const mentions: EntityMention[] = [];
  for (const [name, type] of sorted) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      const end = at + name.length;
      if (isWordChar(text[at - 1]) || isWordChar(text[end])) continue;
      let free = true;
      for (let i = at; i < end; i++) if (taken[i]) free = false;
      if (!free) continue;
      for (let i = at; i < end; i++) taken[i] = true;
      mentions.push({ start: at, end, text: name, type });
    }
  }
  return mentions.sort((a, b) => a.start - b.start);
}

/** A summary of `text` whose entities are the gazetteer's names found in it. */
export function summaryOf(text: string, names: Gazetteer): ArticleSummary {
  const cacheKey = `${names.length}\u0000${text}`;
  const cached = summaries.get(cacheKey);
  if (cached) return cached;
  const analysis = analyze(text);
  const summary = summarize({ ...analysis, entities: mentionsIn(text, names) });
  summaries.set(cacheKey, summary);
  return summary;
}

const summaries = new Map<string, ArticleSummary>();

/** An index over articles given as { uri: text }, with the gazetteer's names as entities. */
export function indexOf(articles: Record<string, string>, names: Gazetteer, config: WorkspaceConfig = DEFAULT_CONFIG): WorkspaceIndex {
  const index = new WorkspaceIndex(config);
  for (const [uri, text] of Object.entries(articles)) index.set(uri, summaryOf(text, names));
  index.flush();
  return index;
}

/** The cluster (as a sorted list of distinct surfaces) of the first mention of `surface` in `uri`, or of any article. */
export function clusterSurfaces(index: WorkspaceIndex, surface: string, uri?: string): string[] {
  for (const candidate of uri ? [uri] : index.uris()) {
    const summary = index.get(candidate)!;
    const i = summary.entities.findIndex((m) => m.text === surface);
    if (i < 0) continue;
    const cluster = index.clusterOf({ uri: candidate, index: i })!;
    return [...new Set(index.mentionsOf(cluster).map((ref) => ref.mention.text))].sort();
  }
  throw new Error(`no mention "${surface}"`);
}

/** Whether two surfaces (first mentions anywhere) are in one cluster. */
export function sameCluster(index: WorkspaceIndex, a: string, b: string): boolean {
  return clusterSurfaces(index, a).includes(b);
}

/** The seeds' names, as a good tagger would find them (type by the CoNLL conventions the tagger follows). */
export const SEED_NAMES: Gazetteer = [
  ['Russia', 'place'], ['Syria', 'place'], ['Moscow', 'place'], ['Damascus', 'place'], ['Latakia', 'place'],
  ['Hmeimim Air Base', 'place'], ['Hmeimim', 'place'], ['Khmeimim Air Base', 'place'], ['Khmeimim', 'place'],
  ['Hemeimeem Air Base', 'place'], ['Hemeimeem', 'place'], ['Tartus', 'place'], ['Naval Base Tartus', 'place'],
  ['Deir ez-Zor', 'place'], ['Deir el-Zour', 'place'], ['Iraq', 'place'], ['Mosul', 'place'], ['Raqqa', 'place'],
  ['Mediterranean', 'place'], ['Britain', 'place'], ['Aleppo', 'place'], ['Idlib', 'place'], ['Hama', 'place'],
  ['Homs', 'place'], ['Dara’a', 'place'], ['Suwayda', 'place'], ['Jableh', 'place'], ['Belarus', 'place'],
  ['Lebanon', 'place'], ['Euphrates River', 'place'], ['Palmyra', 'place'], ['Turkey', 'place'], ['Astana', 'place'],
  ['Africa', 'place'], ['Soviet Union', 'place'], ['United States', 'place'], ['U.S.', 'place'], ['South Korea', 'place'],
  ['Canada', 'place'], ['Democratic People’s Republic of Korea', 'place'], ['West Asia', 'place'], ['Middle East', 'place'],
  ['Daesh', 'organization'], ['ISIS', 'organization'], ['IS', 'organization'], ['Islamic State', 'organization'],
  ['RIA Novosti', 'organization'], ['Hayat Tahrir al-Sham', 'organization'], ['Hay’at Tahrir al-Sham', 'organization'],
  ['HTS', 'organization'], ['Russian Defense Ministry', 'organization'], ['Bloomberg', 'organization'],
  ['Interfax', 'organization'], ['Kremlin', 'organization'], ['Russian Foreign Ministry', 'organization'],
  ['Russian Aerospace Forces', 'organization'], ['RIA', 'organization'], ['Indo-Asian News Service', 'organization'],
  ['IANS', 'organization'], ['India Abroad News Service', 'organization'], ['Syrian Observatory for Human Rights', 'organization'],
  ['al-Qaida', 'organization'], ['YTN', 'organization'], ['AP', 'organization'], ['Assad regime', 'organization'],
  ['Oleg Syromolotov', 'person'], ['Vladimir Putin', 'person'], ['Bashar al-Assad', 'person'], ['Assad', 'person'],
  ['Mikhail Bogdanov', 'person'], ['Bogdanov', 'person'], ['Dmitry Peskov', 'person'], ['Bashar Assad', 'person'],
  ['Alexander Lapin', 'person'], ['Omar Abu Laila', 'person'], ['Gopal Raju', 'person'], ['Lee Changyong', 'person'],
  ['Trump', 'person'],
  ['Russian', 'group'], ['Syrian', 'group'], ['Iraqi', 'group'], ['Iranian', 'group'], ['Kurdish', 'group'],
  ['Western', 'group'], ['Japanese', 'group'], ['Indian', 'group'], ['Indian American', 'group'], ['Alawite', 'group'],
  ['Kazakh', 'group'], ['Arab', 'group'], ['Syrian Express', 'group'], ['Kalibr', 'group'],
];

/** Which real entity each seed name is. Names not listed here are their own entity. */
export const SEED_ENTITIES: Record<string, string> = {
  'Hmeimim Air Base': 'hmeimim', Hmeimim: 'hmeimim', 'Khmeimim Air Base': 'hmeimim', Khmeimim: 'hmeimim',
  'Hemeimeem Air Base': 'hmeimim', Hemeimeem: 'hmeimim',
  Tartus: 'tartus', 'Naval Base Tartus': 'tartus',
  'Deir ez-Zor': 'deir-ez-zor', 'Deir el-Zour': 'deir-ez-zor',
  Daesh: 'islamic-state', ISIS: 'islamic-state', IS: 'islamic-state', 'Islamic State': 'islamic-state',
  'Hayat Tahrir al-Sham': 'hts', 'Hay’at Tahrir al-Sham': 'hts', HTS: 'hts',
  'Mikhail Bogdanov': 'bogdanov', Bogdanov: 'bogdanov',
  'Bashar al-Assad': 'assad', 'Bashar Assad': 'assad', Assad: 'assad', 'Assad regime': 'assad',
  'United States': 'us', 'U.S.': 'us',
  RIA: 'ria', 'RIA Novosti': 'ria',
  'Indo-Asian News Service': 'ians', IANS: 'ians', 'India Abroad News Service': 'ians',
};

export function entityOf(surface: string): string {
  return SEED_ENTITIES[surface] ?? `self:${surface}`;
}
