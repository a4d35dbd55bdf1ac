// When two claims state the same fact, and when their figures conflict: shared by the cross-file and within-file
// figure checks. Precision first: a pair is compared only when everything we know says it is one fact.
import type { DateValue } from '../analysis/types';
import type { WorkspaceIndex } from '../workspace/index';
import type { ArticleSummary, ClaimSummary } from '../workspace/summary';
import type { FactEntry } from '../workspace/config';
import { overlaps } from './util';

/** Roles whose counts are revised as reports come in (death tolls): compared only between reports of one day. */
const REVISED_ROLES = new Set(['killed', 'injured', 'missing', 'arrested', 'rescued', 'evacuated', 'displaced', 'destroyed', 'damaged']);

export interface ClaimRef {
  readonly uri: string;
  readonly summary: ArticleSummary;
  readonly claim: ClaimSummary;
}

/** A claim that may be compared at all: keyed, not quoted, not about the future. */
export function comparable(claim: ClaimSummary): boolean {
  // "so far", "rose to", "now": a running total or a changing figure is not one fact at one time
  return claim.key !== undefined && !claim.quoted && !claim.changing && claim.tense !== 'future' && claim.figure >= 0;
}

/** The intervals do not overlap: the figures cannot both be right. */
export function conflicting(a: ClaimSummary, b: ClaimSummary): boolean {
  if (!(a.high < b.low || b.high < a.low)) return false;
  // reports of one quake differ by tenths (5.2 / 5.4, 7.5 / 7.6); 6.1 and 9.1 are two quakes
  if (a.key?.startsWith('magnitude|') && Math.abs(a.value - b.value) >= 1.5) return false;
  return true;
}

/** The entity clusters a claim is about (people, organisations, places: nationalities such as "Russian" are
 *  everywhere and say little about which event a sentence is about). */
export function clustersOf(index: WorkspaceIndex, ref: ClaimRef): Set<number> {
  const ids = new Set<number>();
  for (const mention of ref.claim.about) {
    const cluster = index.clusterOf({ uri: ref.uri, index: mention });
    if (cluster && cluster.type !== 'group') ids.add(cluster.id);
  }
  return ids;
}

/** Not different scopes: "in the province" and "across Asia" are different facts; a count with no place phrase
 *  may be either. */
export function sameScope(a: ClaimSummary, b: ClaimSummary): boolean {
  return a.scope === undefined || b.scope === undefined || a.scope === b.scope;
}

export function sharesCluster(a: Set<number>, b: Set<number>): boolean {
  for (const id of a) if (b.has(id)) return true;
  return false;
}

function sameDay(a: DateValue | undefined, b: DateValue | undefined): boolean {
  return !!a && !!b && a.precision === 'day' && b.precision === 'day' && a.firstDay === b.firstDay && a.lastDay === b.lastDay;
}

function articleDay(summary: ArticleSummary): DateValue | undefined {
  const ad = summary.articleDate;
  if (!ad || ad.date.day === undefined || ad.date.month === undefined) return undefined;
  const days = Date.UTC(ad.date.year, ad.date.month - 1, ad.date.day) / 86400000;
  return { iso: ad.iso, precision: 'day', firstDay: days, lastDay: days };
}

/**
 * Whether two claims in different articles hold at the same time: both times known and overlapping; for counts that
 * are revised as reports come in (tolls), the two reports are of the same day too; for wording that says the figure
 * changes ("rose to", "so far"), the same day.
 */
export function sameTimeAcross(a: ClaimRef, b: ClaimRef): boolean {
  const wa = a.claim.when;
  const wb = b.claim.when;
  if (!wa || !wb || !overlaps(wa, wb)) return false;
  if (a.claim.changing || b.claim.changing) {
    if (!sameDay(wa, wb)) return false;
  }
  if (a.claim.role && REVISED_ROLES.has(a.claim.role)) {
    const da = articleDay(a.summary);
    const db = articleDay(b.summary);
    if (!sameDay(da, db)) return false;
  }
  return true;
}

/**
 * Whether two claims of one article hold at the same time: both anchored the same way (neither names a date, or
 * both name dates that overlap, or a named date is the article's own day), and neither says the figure changes.
 */
export function sameTimeWithin(a: ClaimSummary, b: ClaimSummary): boolean {
  if (a.changing || b.changing) return false;
  const ta = a.whenFrom === 'text';
  const tb = b.whenFrom === 'text';
  if (ta && tb) return !!a.when && !!b.when && overlaps(a.when, b.when);
  if (ta !== tb) {
    // one names a date, the other does not: the same time only if that date is the article's own day
    const named = ta ? a : b;
    const other = ta ? b : a;
    return !!named.when && !!other.when && overlaps(named.when, other.when) && named.when.precision === 'day';
  }
  return true;
}

/** Different named sources: a disagreement the text itself reports. */
export function attributedApart(a: ClaimSummary, b: ClaimSummary): boolean {
  if (!a.attribution || !b.attribution) return false;
  const norm = (s: string) => s.toLowerCase().replace(/^(the|a|an) /, '');
  return norm(a.attribution) !== norm(b.attribution);
}

/** Whether the user said these two figures are not the same fact (`notSameFact` in .corroborate.json). */
export function markedDistinct(
  pairs: readonly (readonly [FactEntry, FactEntry])[] | undefined,
  relative: (uri: string) => string | undefined,
  a: { uri: string; figure: string },
  b: { uri: string; figure: string },
): boolean {
  if (!pairs || pairs.length === 0) return false;
  const ra = relative(a.uri);
  const rb = relative(b.uri);
  const is = (entry: FactEntry, path: string | undefined, figure: string) => entry.file === path && entry.figure === figure;
  return pairs.some(([x, y]) => (is(x, ra, a.figure) && is(y, rb, b.figure)) || (is(x, rb, b.figure) && is(y, ra, a.figure)));
}
