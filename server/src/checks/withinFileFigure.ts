// Within-file figure: one article states the same claim twice with figures that cannot both be right. A later
// mention is flagged against the earlier one. Figures in one sentence are breakdowns or changes far more often than
// contradictions, so they are compared only when the sentence attributes them to different sources ("Tehran put it
// at 5.9, but the USGS said 6.1"), and such attributed disagreements are information, never warnings.
import type { WorkspaceIndex } from '../workspace/index';
import type { FactEntry } from '../workspace/config';
import { attributedApart, sameScope, clustersOf, comparable, conflicting, markedDistinct, sameTimeWithin, sharesCluster, type ClaimRef } from './claimMatch';
import type { Finding } from './types';
import { phraseOf } from './util';

export interface WithinFileContext {
  readonly index: WorkspaceIndex;
  readonly notSameFact?: readonly (readonly [FactEntry, FactEntry])[];
  readonly relative: (uri: string) => string | undefined;
}

export function withinFileFindings(ctx: WithinFileContext, uri: string): Finding[] {
  const summary = ctx.index.get(uri);
  if (!summary) return [];
  const findings: Finding[] = [];
  const claims = summary.claims.filter(comparable);
  const clusters = new Map<number, Set<number>>();
  const clustersAt = (i: number): Set<number> => {
    let ids = clusters.get(i);
    if (!ids) {
      const ref: ClaimRef = { uri, summary, claim: claims[i]! };
      ids = clustersOf(ctx.index, ref);
      clusters.set(i, ids);
    }
    return ids;
  };
  for (let j = 1; j < claims.length; j++) {
    const later = claims[j]!;
    for (let i = 0; i < j; i++) {
      const earlier = claims[i]!;
      if (earlier.key !== later.key || !conflicting(earlier, later) || !sameScope(earlier, later) || !sameTimeWithin(earlier, later)) continue;
      const attributed = attributedApart(earlier, later);
      if (earlier.sentence === later.sentence && !attributed) continue;
      const a = clustersAt(i);
      const b = clustersAt(j);
      if (!(a.size === 0 && b.size === 0) && !sharesCluster(a, b)) continue;
      const fa = summary.figures[earlier.figure]!;
      const fb = summary.figures[later.figure]!;
      if (markedDistinct(ctx.notSameFact, ctx.relative, { uri, figure: fa.text }, { uri, figure: fb.text })) continue;
      const source = (claim: typeof earlier) => (claim.attribution ? ` (according to ${claim.attribution})` : '');
      findings.push({
        check: 'within-file-figure',
        uri,
        at: fb,
        text: fb.text,
        message: attributed
          ? `Sources disagree: ${phraseOf(fb)}${source(later)} here; ${phraseOf(fa)}${source(earlier)} on line ${fa.line + 1}`
          : `${phraseOf(fb)} here; ${phraseOf(fa)} on line ${fa.line + 1}`,
        related: [{ uri, at: fa, message: `${phraseOf(fa)}${source(earlier)}` }],
        fixes: fb.endLine === undefined && !attributed ? [{ title: `Use “${fa.text}” (as on line ${fa.line + 1})`, changes: [{ uri, at: fb, newText: fa.text }] }] : [],
        facts: [{ uri, figure: fb.text }, { uri, figure: fa.text }],
        ...(attributed ? { maxSeverity: 'information' as const } : {}),
      });
      break;
    }
  }
  return findings;
}
