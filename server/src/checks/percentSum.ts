// Percent sum: shares of one whole that do not add up. "85 percent of the territory ... the remaining 15 percent"
// holds; "... the remaining 20 percent" does not. Written values are compared (the writer did the sum with them),
// each allowed its rounding (half a unit of its last place); "more than" and "up to" make a part open-ended.
import type { ArticleSummary, FigureSummary } from '../workspace/summary';
import type { Finding } from './types';
import { digitsWithin, formatNumber, roundingOf } from './util';

interface Bounds {
  readonly low: number;
  readonly high: number;
}

function boundsOf(figure: FigureSummary): Bounds {
  const r = roundingOf(figure, false);
  if (figure.hedgeKind === 'at-least') return { low: figure.value, high: Infinity };
  if (figure.hedgeKind === 'at-most') return { low: 0, high: figure.value };
  if (figure.range) return { low: figure.range.low - r, high: figure.range.high + r };
  return { low: figure.value - r, high: figure.value + r };
}

function show(value: number): string {
  return formatNumber(value, Number.isInteger(value) ? 0 : 1);
}

export function percentSumFindings(uri: string, summary: ArticleSummary): Finding[] {
  const findings: Finding[] = [];
  for (const claim of summary.claims) {
    if (!claim.parts) continue;
    const parts = claim.parts.figures.map((f) => summary.figures[f]).filter((f): f is FigureSummary => !!f);
    if (parts.length === 0) continue;
    const anchor = summary.figures[claim.figure];
    if (!anchor) continue;
    const all = claim.parts.remainder === 'figure' ? [...parts, anchor] : parts;
    const low = all.reduce((sum, f) => sum + boundsOf(f).low, 0);
    const high = all.reduce((sum, f) => sum + boundsOf(f).high, 0);
    const written = all.reduce((sum, f) => sum + f.value, 0);
    const related = parts
      .filter((f) => f !== anchor)
      .map((f) => ({ uri, at: f, message: `${f.text}${f.counted ? ` of ${f.counted}` : ''}` }));
    if (claim.parts.remainder === 'figure') {
      if (low <= 100 && 100 <= high) continue;
      const terms = all.map((f) => f.text).join(' + ');
      const exactParts = parts.every((f) => f.hedgeKind !== 'at-least' && f.hedgeKind !== 'at-most' && !f.range);
      const rest = 100 - parts.reduce((sum, f) => sum + f.value, 0);
      const fixes = exactParts && rest > 0 && rest < 100
        ? [{ title: `Use ${show(rest)} (100 minus the other parts)`, preferred: true, changes: [{ uri, at: digitsWithin(anchor), newText: show(rest) }] }]
        : [];
      findings.push({
        check: 'percent-sum',
        uri,
        at: anchor,
        text: anchor.text,
        message: `The parts of one whole do not add up to 100 percent: ${terms} = ${show(written)} percent`,
        related,
        fixes,
      });
    } else if (low > 100) {
      findings.push({
        check: 'percent-sum',
        uri,
        at: anchor,
        text: anchor.text,
        message: `The parts before “the rest” already add up to more than 100 percent: ${all.map((f) => f.text).join(' + ')} = ${show(written)} percent`,
        related,
        fixes: [],
      });
    }
  }
  return findings;
}
