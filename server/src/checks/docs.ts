// What each check is, in plain words: for SARIF rules, settings and help. The README's "Consistency checks" section
// says the same at length (one `#check-<kind>` section per check).
import type { CheckKind } from './types';

export interface CheckDoc {
  /** A title ("Cross-file figure"). */
  readonly title: string;
  /** One sentence: what is flagged. */
  readonly short: string;
  /** What is not flagged, and why. */
  readonly spares: string;
}

export const CHECK_DOCS: Readonly<Record<CheckKind, CheckDoc>> = {
  'cross-file-figure': {
    title: 'Cross-file figure',
    short: 'The same fact given different figures in two articles of the same time: same thing counted, same entities, same date, figures that cannot both be right.',
    spares: 'Overlapping hedged figures, figures of different dates (tolls that rise), moving figures ("so far", "rose to"), different places, quotes, plans.',
  },
  'within-file-figure': {
    title: 'Within-file figure',
    short: 'The same fact given twice, differently, in one article.',
    spares: 'Breakdowns within one sentence, changes over time, parts named with "including"; a disagreement the article attributes to different sources is information only.',
  },
  'percent-sum': {
    title: 'Percent sum',
    short: 'Parts of one whole ("85 percent ... the remaining 15 percent", "the rest", "the other") that do not add up to 100.',
    spares: 'Sums within rounding, open-ended parts ("more than 35 percent"), changes ("rose 5 percent"), parts of a smaller whole.',
  },
  'unit-conversion': {
    title: 'Unit conversion',
    short: 'A measure restated in other units (in brackets, or after "or about") that does not match beyond rounding; a currency only when grossly off the rate the article itself uses.',
    spares: 'Conversions within the rounding of the written figures and 2% on the factor; either definition of tons and gallons.',
  },
  'date-arithmetic': {
    title: 'Date arithmetic',
    short: 'Durations, "N years after/ago", terms ("a 49-year lease signed in 2017 ... until 2066") and ages that do not fit the dates they relate.',
    spares: 'Differences of one unit (inclusive counting, dates known only to the month or year).',
  },
  'list-count': {
    title: 'List count',
    short: 'A stated count followed by a list of a different length ("two bases: X, Y and Z").',
    spares: 'Open lists ("including", "such as"), clauses after a dash, names that contain "and".',
  },
  'weekday-date': {
    title: 'Weekday and date',
    short: 'A weekday the calendar contradicts ("on Tuesday, December 16, 2024"); numeric dates are first read in the day/month order a weekday supports.',
    spares: 'Numeric dates that match their weekday in either reading.',
  },
};
