// Name definitions an article makes itself: "Hayat Tahrir al-Sham (HTS)", "HTS (Hayat Tahrir al-Sham)",
// "the Islamic State (ISIS)", "ISIS, also called IS", "Daesh, also known as Islamic State". The index uses them to
// link the short name, wherever it is used alone, to the long one. Pure: text, tokens and entities in.
import type { EntityMention, EntityType, Span, Token } from '../analysis/types';
import { initialsOf, isAcronymSurface, nameForm, typeClassOf } from './names';

export interface NameDefinition extends Span {
  /** How the article says it: a bracketed acronym, or "also called / also known as / aka". */
  readonly kind: 'acronym' | 'aka';
  /** The defined (short or alternative) name, as written. */
  readonly short: string;
  /** The name it stands for, as written. */
  readonly long: string;
  /** Entity type of the long name (or of the short one when only it was tagged). */
  readonly type: EntityType;
}

interface NameAt extends Span {
  readonly text: string;
  readonly type?: EntityType;
  /** Token indices of the name, end exclusive. */
  readonly firstToken: number;
  readonly endToken: number;
}

/** Index of the first token starting at or after `offset`. */
function tokenAtOrAfter(tokens: readonly Token[], offset: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (tokens[mid]!.start < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

function isAcronymToken(token: Token | undefined): boolean {
  return token !== undefined && token.kind === 'word' && isAcronymSurface(token.text);
}

/** Whether an acronym can abbreviate a name: its first letter is the name's first letter and its letters appear in
 *  order in the name ("ISIS" for "Islamic State", "IPC" for "Indian Petrochemicals"); for a person, exactly the
 *  initials ("S Burger (SA)" is a rugby player and his country, not a definition). */
function canAbbreviate(acronym: string, name: string, type: EntityType): boolean {
  const form = nameForm(name, typeClassOf(type));
  const letters = acronym.replace(/[^A-Za-z]/g, '').toLowerCase();
  const first = form.tokens[0]?.[0];
  if (!first || letters.length < 2 || form.acronym || letters[0] !== first) return false;
  if (type === 'person') return letters === initialsOf(form.tokens);
  const spelled = form.tokens.join('');
  let at = 0;
  for (const letter of letters) {
    at = spelled.indexOf(letter, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

const AKA_WORDS: readonly (readonly string[])[] = [
  ['also', 'called'],
  ['also', 'known', 'as'],
  ['known', 'as'],
  ['aka'],
  ['a.k.a.'],
  ['formerly', 'known', 'as'],
];
/** The words an AKA phrase starts with: most names are followed by none of them (checked before the phrases). */
const AKA_FIRST_WORDS: ReadonlySet<string> = new Set(AKA_WORDS.map((words) => words[0]!));

/** Finds the definitions an article makes. Linear in the number of tokens. */
export function findDefinitions(_text: string, tokens: readonly Token[], entities: readonly EntityMention[]): NameDefinition[] {
  const definitions: NameDefinition[] = [];
  const names: NameAt[] = [];
  const entityByFirstToken = new Map<number, NameAt>();
  const entityByEndToken = new Map<number, NameAt>();
  for (const entity of entities) {
    const firstToken = tokenAtOrAfter(tokens, entity.start);
    const endToken = tokenAtOrAfter(tokens, entity.end);
    if (endToken <= firstToken) continue;
    const name: NameAt = { start: entity.start, end: entity.end, text: entity.text, type: entity.type, firstToken, endToken };
    names.push(name);
    entityByFirstToken.set(firstToken, name);
    entityByEndToken.set(endToken, name);
  }
  /** A name starting at token i: a tagged entity, or an acronym-shaped word the tagger left out. */
  const nameStartingAt = (i: number): NameAt | undefined => {
    const entity = entityByFirstToken.get(i);
    if (entity) return entity;
    const token = tokens[i];
    if (!isAcronymToken(token)) return undefined;
    return { start: token!.start, end: token!.end, text: token!.text, firstToken: i, endToken: i + 1 };
  };
  const nameEndingBefore = (i: number): NameAt | undefined => {
    const entity = entityByEndToken.get(i);
    if (entity) return entity;
    const token = tokens[i - 1];
    if (!isAcronymToken(token)) return undefined;
    return { start: token!.start, end: token!.end, text: token!.text, firstToken: i - 1, endToken: i };
  };
  const isPunct = (i: number, mark: string) => tokens[i]?.kind === 'punct' && tokens[i]!.text === mark;

  // "Long Name (ACR)" and "ACR (Long Name)"
  for (let i = 1; i + 2 < tokens.length; i++) {
    if (!isPunct(i, '(')) continue;
    const before = nameEndingBefore(i);
    const inside = nameStartingAt(i + 1);
    if (!before || !inside || !isPunct(inside.endToken, ')')) continue;
    const beforeIsAcronym = isAcronymSurface(before.text);
    const insideIsAcronym = isAcronymSurface(inside.text);
    const [shortName, longName] = insideIsAcronym && !beforeIsAcronym ? [inside, before] : beforeIsAcronym && !insideIsAcronym ? [before, inside] : [undefined, undefined];
    if (!shortName || !longName) continue;
    const type = longName.type ?? shortName.type ?? 'organization';
    if (!canAbbreviate(shortName.text, longName.text, type)) continue;
    definitions.push({
      kind: 'acronym', short: shortName.text, long: longName.text, type,
      start: Math.min(before.start, inside.start), end: tokens[inside.endToken]!.end,
    });
  }

  // "X, also called Y", "X (also known as Y)", "X, aka Y"
  for (const first of names.concat(acronymWords(tokens))) {
    let i = first.endToken;
    if (isPunct(i, ',') || isPunct(i, '(')) i++;
    const next = tokens[i];
    if (!next || !AKA_FIRST_WORDS.has(next.text.toLowerCase())) continue;
    const phrase = AKA_WORDS.find((words) => words.every((word, k) => tokens[i + k]?.text.toLowerCase() === word));
    if (!phrase) continue;
    i += phrase.length;
    const second = nameStartingAt(i);
    if (!second || second.text === first.text) continue;
    // "The Streets, aka British rapper ..." names a nationality, not another name of the band
    if (first.type && second.type && typeClassOf(first.type) !== typeClassOf(second.type)) continue;
    const type = first.type ?? second.type ?? 'organization';
    definitions.push({ kind: 'aka', short: second.text, long: first.text, type, start: first.start, end: second.end });
  }
  definitions.sort((a, b) => a.start - b.start);
  return dedupe(definitions);
}

function acronymWords(tokens: readonly Token[]): NameAt[] {
  const out: NameAt[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (isAcronymToken(token)) out.push({ start: token.start, end: token.end, text: token.text, firstToken: i, endToken: i + 1 });
  }
  return out;
}

function dedupe(definitions: NameDefinition[]): NameDefinition[] {
  const seen = new Set<string>();
  return definitions.filter((definition) => {
    const key = `${definition.kind}|${definition.short}|${definition.long}|${definition.start}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
