// Lemmas of the nouns that figures count: "troops" -> "troop", "people" -> "person", "casualties" -> "casualty".
// A small rule set for English plurals plus the irregular forms news uses; and concepts, so that the words
// reporters use for one thing ("troops", "soldiers", "servicemen", "Russian military") compare as one subject.
// Pure, no dictionary file: what is not covered keeps its written form (lower-cased), which only costs recall.

const IRREGULAR: Readonly<Record<string, string>> = {
  people: 'person', persons: 'person', men: 'man', women: 'woman', children: 'child', feet: 'foot', teeth: 'tooth',
  mice: 'mouse', geese: 'goose', lives: 'life', wives: 'wife', knives: 'knife', leaves: 'leaf', thieves: 'thief',
  halves: 'half', shelves: 'shelf', wolves: 'wolf', calves: 'calf', selves: 'self', criteria: 'criterion',
  phenomena: 'phenomenon', media: 'media', data: 'data', news: 'news', series: 'series', species: 'species',
  police: 'police', personnel: 'personnel', staff: 'staff', military: 'military', crew: 'crew', aircraft: 'aircraft',
  sheep: 'sheep', deer: 'deer', fish: 'fish', cattle: 'cattle', livestock: 'livestock', militia: 'militia',
  headquarters: 'headquarters', barracks: 'barracks', means: 'means', crises: 'crisis', analyses: 'analysis',
  theses: 'thesis', bases: 'base', cases: 'case', diagnoses: 'diagnosis', oases: 'oasis', axes: 'axis',
  indices: 'index', matrices: 'matrix', vertices: 'vertex', appendices: 'appendix', buses: 'bus', gases: 'gas',
  statuses: 'status', viruses: 'virus', campuses: 'campus', bonuses: 'bonus', census: 'census', focus: 'focus',
  dies: 'die', ties: 'tie', lies: 'lie', pies: 'pie', movies: 'movie', cookies: 'cookie', zombies: 'zombie',
  hippies: 'hippie', rookies: 'rookie', goalies: 'goalie', aunties: 'auntie',
};

/** Words ending in -s that are not plurals. */
const NOT_PLURAL = new Set([
  'this', 'his', 'its', 'us', 'gas', 'bus', 'plus', 'news', 'lens', 'chaos', 'atlas', 'canvas', 'bias', 'alias',
  'status', 'virus', 'campus', 'bonus', 'census', 'focus', 'corpus', 'thus', 'various', 'previous', 'famous',
  'serious', 'dangerous', 'numerous', 'analysis', 'crisis', 'basis', 'thesis', 'diagnosis', 'emphasis', 'axis',
  'oasis', 'tennis', 'series', 'species', 'means', 'physics', 'politics', 'economics', 'mathematics', 'athletics',
  'gymnastics', 'statistics', 'headquarters', 'barracks', 'kudos', 'pros', 'cons', 'always', 'perhaps', 'was', 'has',
  'does', 'is', 'yes', 'less', 'unless', 'across', 'class', 'glass', 'grass', 'mass', 'pass', 'boss', 'loss', 'cross',
  'process', 'access', 'success', 'business', 'address', 'congress', 'progress', 'press', 'stress', 'witness',
  'illness', 'fitness', 'ms', 'mrs', 'texas', 'paris', 'athens', 'wales', 'brussels', 'lagos', 'carlos', 'davis',
  'jones', 'james', 'charles', 'sirius', 'marcus', 'isis', 'daesh', 'lens',
]);

/** The singular of an English noun (lower-case in, lower-case out). Unknown forms are returned as they are. */
export function singular(word: string): string {
  const w = word.toLowerCase();
  const irregular = IRREGULAR[w];
  if (irregular) return irregular;
  if (w.length <= 3 || NOT_PLURAL.has(w) || !w.endsWith('s')) return w;
  if (/(ss|us|is|os)$/.test(w) && !/(oes)$/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (/(ches|shes|sses|xes|zzes)$/.test(w)) return w.slice(0, -2);
  if (/(oes)$/.test(w) && ['heroes', 'potatoes', 'tomatoes', 'vetoes', 'echoes', 'torpedoes', 'embargoes'].includes(w)) return w.slice(0, -2);
  if (w.endsWith('ves') && ['lives', 'wives', 'knives', 'leaves', 'thieves', 'halves', 'shelves', 'wolves', 'calves'].includes(w)) return IRREGULAR[w]!;
  return w.slice(0, -1);
}

/**
 * Concepts: words that name the same countable thing in news copy. The concept is what claims are compared by;
 * a word not listed is its own concept.
 */
const CONCEPTS: Readonly<Record<string, string>> = {
  troop: 'troop', soldier: 'troop', serviceman: 'troop', servicemen: 'troop', servicemember: 'troop',
  'service member': 'troop', 'military personnel': 'troop', military: 'troop', personnel: 'troop', force: 'troop',
  person: 'person', individual: 'person', other: 'person', resident: 'resident', civilian: 'civilian',
  quake: 'earthquake', earthquake: 'earthquake', tremor: 'earthquake', temblor: 'earthquake',
  fatality: 'death', death: 'death', casualty: 'casualty', victim: 'victim',
  refugee: 'refugee', migrant: 'migrant', warship: 'warship', vessel: 'ship', ship: 'ship',
  jet: 'aircraft', plane: 'aircraft', aircraft: 'aircraft', airplane: 'aircraft', warplane: 'aircraft',
  home: 'home', house: 'home', dwelling: 'home',
};

/** The concept a lemma stands for ("soldier" -> "troop"). */
export function conceptOf(lemma: string): string {
  return CONCEPTS[lemma] ?? lemma;
}

/** Lower-cases and drops a possessive ending ("country's" -> "country"). */
export function normaliseWord(word: string): string {
  return word.toLowerCase().replace(/['’]s$/, '').replace(/[’']/g, "'");
}
