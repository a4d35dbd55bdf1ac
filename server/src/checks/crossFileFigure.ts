// Cross-file figure: the same claim in two articles, at the same time, with figures that cannot both be right
// ("some 4,300 Russian military" here, "5,000 Russian troops" in another article of the same day). The message names
// the other article and figure; the other mention is related information, one click away.
import type { WorkspaceIndex } from '../workspace/index';
import { finish } from '../workspace/turns';
import type { FactEntry } from '../workspace/config';
import { sameScope, clustersOf, comparable, conflicting, markedDistinct, sameTimeAcross, sharesCluster, type ClaimRef } from './claimMatch';
import type { Finding, RelatedPlace } from './types';
import { phraseOf, shortDate } from './util';

/** The claims of the workspace by key, kept in step with the index (each article's summary is re-read when it
 *  changes: summaries are replaced, never mutated). */
export class ClaimKeyIndex {
  private readonly byKey = new Map<string, ClaimRef[]>();
  private readonly seen = new Map<string, { summary: object; keys: string[] }>();

  constructor(private readonly index: WorkspaceIndex) {}

  /** Brings the key index up to date with the workspace index. */
  sync(): void {
    finish(this.syncSteps());
  }

  /** `sync` in steps, a yield every `every` articles (the first sync after an index reads every article's claims).
   *  Articles added, changed or removed between steps are caught up with here or by `syncUris`. */
  *syncSteps(every = 512): Generator<void, void> {
    let work = 0;
    for (const uri of this.index.uris()) {
      this.syncArticle(uri);
      if (++work % every === 0) yield;
    }
    for (const [uri, before] of this.seen) {
      if (this.index.has(uri)) continue;
      this.remove(uri, before.keys);
      this.seen.delete(uri);
    }
  }

  /** Brings the key index up to date for these articles only (the others are as they were at the last sync). */
  syncUris(uris: Iterable<string>): void {
    for (const uri of uris) this.syncArticle(uri);
  }

  private syncArticle(uri: string): void {
    const summary = this.index.get(uri);
    const before = this.seen.get(uri);
    if (before?.summary === summary) return;
    if (before) {
      this.remove(uri, before.keys);
      this.seen.delete(uri);
    }
    if (!summary) return;
    const keys: string[] = [];
    for (const claim of summary.claims) {
      if (!comparable(claim)) continue;
      const list = this.byKey.get(claim.key!) ?? [];
      list.push({ uri, summary, claim });
      this.byKey.set(claim.key!, list);
      keys.push(claim.key!);
    }
    this.seen.set(uri, { summary, keys });
  }

  private remove(uri: string, keys: readonly string[]): void {
    for (const key of new Set(keys)) {
      const list = this.byKey.get(key);
      if (!list) continue;
      const kept = list.filter((ref) => ref.uri !== uri);
      if (kept.length > 0) this.byKey.set(key, kept);
      else this.byKey.delete(key);
    }
  }

  claimsWithKey(key: string): readonly ClaimRef[] {
    return this.byKey.get(key) ?? [];
  }

  /** Articles that share a claim key with `uri` (whose cross-file findings may change when it does). */
  relatedArticles(uri: string): string[] {
    const out = new Set<string>();
    for (const key of this.seen.get(uri)?.keys ?? []) for (const ref of this.byKey.get(key) ?? []) if (ref.uri !== uri) out.add(ref.uri);
    return [...out];
  }

  /** Every keyed claim, by key (for listings such as a Facts view). */
  keys(): IterableIterator<[string, readonly ClaimRef[]]> {
    return this.byKey.entries();
  }
}

export interface CrossFileContext {
  readonly index: WorkspaceIndex;
  readonly claims: ClaimKeyIndex;
  readonly notSameFact?: readonly (readonly [FactEntry, FactEntry])[];
  readonly relative: (uri: string) => string | undefined;
  readonly display: (uri: string) => string;
}

/** Cap on related mentions listed per finding. */
const MAX_RELATED = 5;

export function crossFileFindings(ctx: CrossFileContext, uri: string): Finding[] {
  const summary = ctx.index.get(uri);
  if (!summary) return [];
  const findings: Finding[] = [];
  for (const claim of summary.claims) {
    if (!comparable(claim)) continue;
    const here: ClaimRef = { uri, summary, claim };
    const figure = summary.figures[claim.figure]!;
    let ours: Set<number> | undefined;
    const conflicts: ClaimRef[] = [];
    for (const other of ctx.claims.claimsWithKey(claim.key!)) {
      if (other.uri === uri || !conflicting(claim, other.claim) || !sameScope(claim, other.claim) || !sameTimeAcross(here, other)) continue;
      ours ??= clustersOf(ctx.index, here);
      if (!sharesCluster(ours, clustersOf(ctx.index, other))) continue;
      const otherFigure = other.summary.figures[other.claim.figure]!;
      if (markedDistinct(ctx.notSameFact, ctx.relative, { uri, figure: figure.text }, { uri: other.uri, figure: otherFigure.text })) continue;
      conflicts.push(other);
    }
    if (conflicts.length === 0) continue;
    conflicts.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.claim.start - b.claim.start));
    const first = conflicts[0]!;
    const firstFigure = first.summary.figures[first.claim.figure]!;
    const when = (ref: ClaimRef) => (ref.claim.when ? ` (${shortDate(ref.claim.when)})` : '');
    const more = new Set(conflicts.map((c) => c.uri)).size - 1;
    const related: RelatedPlace[] = conflicts.slice(0, MAX_RELATED).map((c) => {
      const f = c.summary.figures[c.claim.figure]!;
      return { uri: c.uri, at: f, message: `${phraseOf(f)}${when(c)}${c.claim.attribution ? `, according to ${c.claim.attribution}` : ''}` };
    });
    findings.push({
      check: 'cross-file-figure',
      uri,
      at: figure,
      text: figure.text,
      message: `${phraseOf(figure)} here; ${phraseOf(firstFigure)} in ${ctx.display(first.uri)}${when(first)}${more > 0 ? ` and ${more} other article${more === 1 ? '' : 's'}` : ''}`,
      related,
      fixes: figure.endLine === undefined ? [{ title: `Use “${firstFigure.text}” (as in ${ctx.display(first.uri)})`, changes: [{ uri, at: figure, newText: firstFigure.text }] }] : [],
      facts: [{ uri, figure: figure.text }, { uri: first.uri, figure: firstFigure.text }],
    });
  }
  return findings;
}
