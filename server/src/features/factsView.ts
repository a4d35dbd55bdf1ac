// The Facts view's data: every figure stated as a claim, grouped by what it counts across the workspace, with the
// consistency findings marked on the figures they are about: the list an editor works through before publishing.
// Claims with a comparison key (what the checks compare) form one group per key; claims with a subject but no key are
// listed together by subject (not compared); figures that do not say what they count are grouped by their measure.
import type { RatedFinding } from '../checks/types';
import type { WorkspaceIndex } from '../workspace/index';
import type { ArticleSummary, ClaimSummary, FigureSummary } from '../workspace/summary';
import type { ConflictItem, FactClaim, FactGroup, FactsParams, FactsResult, Range, SeverityName } from '../protocol';
import { rangeOf, type DisplayPath } from './ranges';
import type { ArticleText } from './viewText';

export const DEFAULT_GROUP_LIMIT = 300;
/** Claims listed in one group, at most. */
export const MAX_GROUP_CLAIMS = 200;

const SEVERITY_ORDER: Record<SeverityName, number> = { error: 0, warning: 1, information: 2, hint: 3 };

const MEASURE_NAMES: Record<string, string> = {
  count: 'counts',
  percent: 'percentages',
  money: 'sums of money',
  year: 'durations in years',
  month: 'durations in months',
  week: 'durations in weeks',
  day: 'durations in days',
  hour: 'durations in hours',
  age: 'ages',
  ordinal: 'ordinals',
  km: 'distances in km',
  mi: 'distances in miles',
  km2: 'areas in km²',
  mi2: 'areas in square miles',
  t: 'masses in tonnes',
  ton: 'masses in tons',
  kg: 'masses in kg',
};

interface Grouping {
  readonly key: string;
  readonly compared: boolean;
  readonly measure: string;
}

function measureOf(claim: ClaimSummary, figure: FigureSummary): string {
  return claim.unit ?? figure.unit ?? figure.kind;
}

function groupingOf(claim: ClaimSummary, figure: FigureSummary): Grouping {
  const measure = measureOf(claim, figure);
  if (claim.key) return { key: claim.key, compared: true, measure };
  if (claim.subject) return { key: `~${measure}|${claim.subject}|${claim.role ?? ''}`, compared: false, measure };
  return { key: `~${measure}|`, compared: false, measure };
}

function capitalise(text: string): string {
  return text ? text[0]!.toUpperCase() + text.slice(1) : text;
}

interface Member {
  readonly uri: string;
  readonly summary: ArticleSummary;
  readonly claim: ClaimSummary;
  readonly figure: FigureSummary;
}

export interface FactsInput {
  readonly index: WorkspaceIndex;
  /** The rated findings of every article that has any (as the diagnostics show them). */
  readonly findings: ReadonlyMap<string, readonly RatedFinding[]>;
  readonly displayPath: DisplayPath;
  readonly params?: FactsParams;
}

function conflictItem(finding: RatedFinding, displayPath: DisplayPath): ConflictItem {
  return {
    check: finding.check,
    severity: finding.severity,
    message: finding.message,
    uri: finding.uri,
    path: displayPath(finding.uri),
    range: rangeOf(finding.at),
    text: finding.text,
    related: finding.related.map((r) => ({ uri: r.uri, path: displayPath(r.uri), range: rangeOf(r.at), message: r.message })),
  };
}

/** Article order: dated articles by date, then undated ones, each by path. */
function articleOrder(a: Member, b: Member): number {
  const da = a.summary.articleDate?.iso ?? '\uffff';
  const db = b.summary.articleDate?.iso ?? '\uffff';
  if (da !== db) return da < db ? -1 : 1;
  if (a.uri !== b.uri) return a.uri < b.uri ? -1 : 1;
  return a.figure.start - b.figure.start;
}

/** The claims, grouped, and the findings in scope. Sentences are added by `withSentences`. */
export function buildFacts({ index, findings, displayPath, params = {} }: FactsInput): FactsResult {
  const limit = Math.max(1, params.limit ?? DEFAULT_GROUP_LIMIT);
  const filter = params.filter?.trim().toLowerCase() ?? '';
  // findings by the figure they are on
  const findingAt = new Map<string, RatedFinding>();
  for (const [uri, list] of findings) {
    for (const finding of list) {
      const key = `${uri}#${finding.at.start}`;
      const known = findingAt.get(key);
      if (!known || SEVERITY_ORDER[finding.severity] < SEVERITY_ORDER[known.severity]) findingAt.set(key, finding);
    }
  }
  const groups = new Map<string, { grouping: Grouping; members: Member[] }>();
  const inScope = new Set<string>();
  for (const uri of index.uris()) {
    const summary = index.get(uri);
    if (!summary) continue;
    for (const claim of summary.claims) {
      if (claim.figure < 0) continue;
      const figure = summary.figures[claim.figure];
      if (!figure) continue;
      const grouping = groupingOf(claim, figure);
      let group = groups.get(grouping.key);
      if (!group) {
        group = { grouping, members: [] };
        groups.set(grouping.key, group);
      }
      group.members.push({ uri, summary, claim, figure });
      if (params.uri === uri) inScope.add(grouping.key);
    }
  }
  const built: FactGroup[] = [];
  for (const [key, { grouping, members }] of groups) {
    if (params.uri && !inScope.has(key)) continue;
    // a group without a comparison key is one article's list when scoped to an article: other articles' figures
    // with a similar subject are not the same fact
    const listed = params.uri && !grouping.compared ? members.filter((m) => m.uri === params.uri) : members;
    const label = labelOf(grouping, listed);
    if (filter && !matches(filter, label, listed, displayPath)) continue;
    listed.sort(articleOrder);
    const claims = listed.slice(0, MAX_GROUP_CLAIMS).map((m) => factClaim(m, findingAt.get(`${m.uri}#${m.figure.start}`), displayPath));
    const conflicts = listed.filter((m) => findingAt.has(`${m.uri}#${m.figure.start}`)).length;
    const role = listed.find((m) => m.claim.role)?.claim.role;
    built.push({
      key,
      label,
      measure: grouping.measure,
      ...(role ? { role } : {}),
      compared: grouping.compared,
      articles: new Set(listed.map((m) => m.uri)).size,
      conflicts,
      claims,
    });
  }
  built.sort(
    (a, b) =>
      b.conflicts - a.conflicts ||
      Number(b.compared) - Number(a.compared) ||
      Number(a.label.startsWith('(')) - Number(b.label.startsWith('(')) ||
      b.articles - a.articles ||
      b.claims.length - a.claims.length ||
      a.label.localeCompare(b.label),
  );
  const conflicts: ConflictItem[] = [];
  for (const [uri, list] of findings) {
    if (params.uri && uri !== params.uri) continue;
    for (const finding of list) {
      const item = conflictItem(finding, displayPath);
      if (filter && !`${item.message} ${item.path} ${item.text}`.toLowerCase().includes(filter)) continue;
      conflicts.push(item);
    }
  }
  conflicts.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.path.localeCompare(b.path) || a.range.start.line - b.range.start.line);
  return { groups: built.slice(0, limit), conflicts, totalGroups: built.length };
}

/** What a group counts, in words: the most common wording of the figures ("Russian military"), else the subject. */
function labelOf(grouping: Grouping, members: readonly Member[]): string {
  const subject = members.find((m) => m.claim.subject)?.claim.subject;
  if (!subject) return `(${MEASURE_NAMES[grouping.measure] ?? grouping.measure}, subject not stated)`;
  const counts = new Map<string, number>();
  for (const m of members) {
    const counted = m.figure.counted?.replace(/\s+/g, ' ').trim();
    if (counted) counts.set(counted, (counts.get(counted) ?? 0) + 1);
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
  return capitalise(best ?? subject);
}

function matches(filter: string, label: string, members: readonly Member[], displayPath: DisplayPath): boolean {
  if (label.toLowerCase().includes(filter)) return true;
  return members.some(
    (m) => m.figure.text.toLowerCase().includes(filter) || m.claim.subject.includes(filter) || displayPath(m.uri).toLowerCase().includes(filter),
  );
}

function factClaim({ uri, claim, figure }: Member, finding: RatedFinding | undefined, displayPath: DisplayPath): FactClaim {
  return {
    uri,
    path: displayPath(uri),
    range: rangeOf(figure),
    figure: figure.text,
    value: claim.value,
    low: Number.isFinite(claim.low) ? claim.low : null,
    high: Number.isFinite(claim.high) ? claim.high : null,
    ...(claim.unit ? { unit: claim.unit } : {}),
    ...(claim.when ? { when: claim.when.iso } : {}),
    ...(claim.whenFrom ? { whenFrom: claim.whenFrom } : {}),
    ...(claim.attribution ? { attribution: claim.attribution } : {}),
    quoted: claim.quoted,
    changing: claim.changing,
    ...(finding ? { conflict: { check: finding.check, severity: finding.severity, message: finding.message } } : {}),
  };
}

/** Claims given their sentence, at most (in the groups' order: conflicts and compared facts first); the others show
 *  their figure and place only. Each sentence needs the article's text read. */
export const MAX_FACT_SENTENCES = 1000;

/** The claims `withSentences` fills, in order. */
function sentenceClaims(result: FactsResult): FactClaim[] {
  return result.groups.flatMap((group) => group.claims).slice(0, MAX_FACT_SENTENCES);
}

/** The articles whose text `withSentences` needs. */
export function factUris(result: FactsResult): string[] {
  return [...new Set(sentenceClaims(result).map((claim) => claim.uri))];
}

/** The result with claims' sentences (see MAX_FACT_SENTENCES), where the article's text could be read and still
 *  holds the figure. */
export function withSentences(result: FactsResult, textOf: (uri: string) => ArticleText | undefined): FactsResult {
  const wanted = new Set(sentenceClaims(result));
  return {
    ...result,
    groups: result.groups.map((group) => ({
      ...group,
      claims: group.claims.map((claim) => {
        const sentence = wanted.has(claim) ? sentenceAt(textOf(claim.uri), claim.range, claim.figure) : undefined;
        return sentence ? { ...claim, sentence } : claim;
      }),
    })),
  };
}

/** The sentence around a range of an article's text, if the text there is still `expected`. */
export function sentenceAt(text: ArticleText | undefined, range: Range, expected: string): string | undefined {
  if (!text) return undefined;
  const span = { start: text.lines.offset(range.start), end: text.lines.offset(range.end) };
  return text.holds(span, expected) ? text.sentenceAround(span) : undefined;
}
