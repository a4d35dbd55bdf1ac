// List count: a stated count followed by the list it counts, with a different number of items ("two bases: a naval
// base in Tartus, an air base near Jableh and a port"). The claims stage keeps only plain lists (a colon, dash,
// "namely" or bracket after the counted noun; no "including", "such as", verbs or quotes inside).
import type { ArticleSummary } from '../workspace/summary';
import type { Finding } from './types';
import { countLike } from './util';

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];

export function listCountFindings(uri: string, summary: ArticleSummary): Finding[] {
  const findings: Finding[] = [];
  for (const claim of summary.claims) {
    if (!claim.listed) continue;
    const figure = summary.figures[claim.figure];
    if (!figure) continue;
    const items = claim.listed.items;
    // any reading of "and" inside a name that gives the stated count is taken
    if (figure.value <= items.length && figure.value >= items.length - (claim.listed.joined ?? 0)) continue;
    const count = NUMBER_WORDS[items.length] ?? String(items.length);
    const what = figure.counted ? `${figure.text} ${figure.counted}` : figure.text;
    const single = figure.endLine === undefined && /^[A-Za-z]+$|^\d+$/.test(figure.text);
    findings.push({
      check: 'list-count',
      uri,
      at: figure,
      text: figure.text,
      message: `“${what}”, but the list that follows names ${count}: ${items.map((item) => `“${item}”`).join(', ')}`,
      related: [],
      fixes: single ? [{ title: `Change “${figure.text}” to “${countLike(figure.text, items.length)}”`, preferred: true, changes: [{ uri, at: figure, newText: countLike(figure.text, items.length) }] }] : [],
    });
  }
  return findings;
}
