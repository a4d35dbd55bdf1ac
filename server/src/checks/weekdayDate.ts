// Weekday-date: a date written with its weekday ("on Monday, December 16, 2024") that the calendar contradicts.
// Numeric dates (12/09/2017) were already read in the order a nearby weekday supports (dates.ts), so a weekday that
// matches either reading never reaches here as a mismatch.
import { WEEKDAY_NAMES, weekdayOf, plainDay } from '../analysis/calendar';
import type { ArticleSummary, DateSummary } from '../workspace/summary';
import type { Finding } from './types';
import { within } from './util';

/** "on Wednesday 12/09/2017": a weekday mention written right before a day (the date library reads them as two
 *  mentions when the numeric date stands alone). */
function weekdayBefore(summary: ArticleSummary, i: number): { weekday: number; text: string; at: DateSummary } | undefined {
  const date = summary.dates[i]!;
  const before = summary.dates[i - 1];
  if (!before || before.kind !== 'relative' || before.weekday === undefined) return undefined;
  if (!/^(on\s+)?[A-Za-z]+\.?$/.test(before.text) || date.start - before.end > 2 || date.start < before.end) return undefined;
  return { weekday: before.weekday, text: before.text.replace(/^on\s+/i, ''), at: before };
}

export function weekdayDateFindings(uri: string, summary: ArticleSummary): Finding[] {
  const findings: Finding[] = [];
  summary.dates.forEach((date, i) => {
    const separate = date.weekday === undefined && date.kind === 'numeric' ? weekdayBefore(summary, i) : undefined;
    if (!separate || !date.value || date.value.firstDay !== date.value.lastDay) return;
    const actual = weekdayOf(date.value.firstDay);
    if (actual === separate.weekday) return;
    // the weekday word: the last word of the mention ("on Wednesday" -> "Wednesday")
    const space = separate.at.text.lastIndexOf(' ');
    const word = { index: space + 1, 0: separate.at.text.slice(space + 1) };
    findings.push({
      check: 'weekday-date',
      uri,
      at: separate.at,
      text: `${separate.at.text} ${date.text}`,
      message: `${date.text} is read as ${plainDay(date.value.firstDay)}, a ${WEEKDAY_NAMES[actual]}, not a ${WEEKDAY_NAMES[separate.weekday]}${/could be/.test(date.explanation) ? ' (neither reading of the numeric date is a ' + WEEKDAY_NAMES[separate.weekday] + ')' : ''}`,
      related: [{ uri, at: date, message: date.explanation }],
      fixes: [{ title: `Change “${word[0]}” to “${WEEKDAY_NAMES[actual]}”`, preferred: true, changes: [{ uri, at: within(separate.at, word.index, word.index + word[0].length), newText: WEEKDAY_NAMES[actual]! }] }],
    });
  });
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
