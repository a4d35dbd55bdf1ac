// Weekday-date: a date written with its weekday ("on Monday, December 16, 2024") that the calendar contradicts.
// Numeric dates (12/09/2017) were already read in the order a nearby weekday supports (dates.ts), so a weekday that
// matches either reading never reaches here as a mismatch.
import { WEEKDAY_NAMES, weekdayOf, plainDay } from '../analysis/calendar';
import type { ArticleSummary } from '../workspace/summary';
import type { Finding } from './types';
import { within } from './util';

export function weekdayDateFindings(uri: string, summary: ArticleSummary): Finding[] {
  const findings: Finding[] = [];
  for (const date of summary.dates) {
    if (date.weekday === undefined || !date.value) continue;
    if (date.kind !== 'absolute' && date.kind !== 'numeric') continue;
    if (date.value.firstDay !== date.value.lastDay) continue;
    const actual = weekdayOf(date.value.firstDay);
    if (actual === date.weekday) continue;
    const written = WEEKDAY_NAMES[date.weekday]!;
    const right = WEEKDAY_NAMES[actual]!;
    // the weekday word as written ("Mon.", "Monday"), to replace it
    const match = new RegExp(`\\b${written.slice(0, 3)}[a-z]*\\.?`, 'i').exec(date.text);
    const inferred = /with no year/.test(date.explanation) ? ' (the year taken from the article’s date)' : '';
    const fixes = match
      ? [{ title: `Change “${match[0]}” to “${right}”`, preferred: true, changes: [{ uri, at: within(date, match.index, match.index + match[0].length), newText: match[0].endsWith('.') ? `${right.slice(0, 3)}.` : right }] }]
      : [];
    findings.push({
      check: 'weekday-date',
      uri,
      at: date,
      text: date.text,
      message: `${plainDay(date.value.firstDay)}${inferred} was a ${right}, not a ${written}`,
      related: [],
      fixes,
    });
  }
  return findings;
}
