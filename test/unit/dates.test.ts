// Date mentions: recognition (and near-misses), resolution against the article's own date, explanations, offsets.
import { strict as assert } from 'node:assert';
import { analyze } from '../../server/src/analysis/analyze';
import type { AnalysisOptions, DateMention } from '../../server/src/analysis/types';
import { describeDate } from '../../server/src/features/describe';
import { readSeed } from '../helpers/seeds';

const datesOf = (text: string, options: AnalysisOptions = {}) => analyze(text, options).dates;

/** The date mention whose text contains `needle` (the first one, or the `nth`). */
function dateAt(text: string, needle: string, options: AnalysisOptions = {}, nth = 0): DateMention {
  const found = datesOf(text, options).filter((d) => d.text.includes(needle));
  assert.ok(found[nth], `no date mention containing ${JSON.stringify(needle)} in ${JSON.stringify(datesOf(text, options).map((d) => d.text))}`);
  return found[nth]!;
}

const iso = (text: string, needle: string, options: AnalysisOptions = {}) => dateAt(text, needle, options).value?.iso;

/** An article dated `date` by the setting, so relative dates resolve. */
const on = (date: string): AnalysisOptions => ({ defaultArticleDate: date });

function assertNoDate(text: string, options: AnalysisOptions = {}) {
  const dates = datesOf(text, options);
  assert.deepEqual(dates.map((d) => d.text), [], `expected no date in ${JSON.stringify(text)}`);
}

describe('dates: absolute', () => {
  it('reads month-first and day-first dates with a year', () => {
    assert.equal(iso('They entered on December 8, 2024.', 'December 8'), '2024-12-08');
    assert.equal(iso('They entered on 8 December 2024.', '8 December'), '2024-12-08');
    assert.equal(iso('It closed Dec. 17, 2024, officials said.', 'Dec. 17'), '2024-12-17');
    assert.equal(iso('Signed on the 8th of December 2024.', '8th of December'), '2024-12-08');
    assert.equal(iso('Due by December 8th, 2024.', 'December 8th'), '2024-12-08');
    const d = dateAt('They entered on December 8, 2024.', 'December 8');
    assert.equal(d.kind, 'absolute');
    assert.equal(d.value?.precision, 'day');
    assert.equal(d.text, 'on December 8, 2024');
  });

  it('records the weekday written with a date, and says when the calendar disagrees', () => {
    const right = dateAt('Officials met on Monday, December 16, 2024, in Geneva.', 'December 16');
    assert.equal(right.value?.iso, '2024-12-16');
    assert.equal(right.weekday, 1);
    assert.doesNotMatch(right.explanation, /but/);
    const wrong = dateAt('Officials met on Tuesday, December 16, 2024, in Geneva.', 'December 16');
    assert.equal(wrong.weekday, 2);
    assert.match(wrong.explanation, /says Tuesday, but 16 December 2024 was a Monday/);
  });

  it('takes the year of a day without one from the article date, by tense', () => {
    const text = 'On December 8, rebels entered Damascus.';
    assert.equal(iso(text, 'December 8', on('2024-12-17')), '2024-12-08');
    // past tense in early January: last December
    assert.equal(iso(text, 'December 8', on('2025-01-03')), '2024-12-08');
    // future tense: the next December 8
    assert.equal(iso('Parliament will vote on December 8.', 'December 8', on('2024-12-17')), '2025-12-08');
    // no tense: the nearest
    assert.equal(iso('Deadline: December 20.', 'December 20', on('2025-01-03')), '2024-12-20');
  });

  it('leaves a day without a year unresolved when the article has no date, and says why', () => {
    const d = dateAt('On December 8, they entered Damascus.', 'December 8');
    assert.equal(d.value, undefined);
    assert.match(d.explanation, /no year/);
    assert.match(d.explanation, /no date of its own/);
  });

  it('reads months, years and decades', () => {
    const month = dateAt('The war began in March 2011 with protests.', 'March 2011');
    assert.equal(month.kind, 'month-year');
    assert.deepEqual([month.value?.iso, month.value?.precision], ['2011-03', 'month']);
    const year = dateAt('But in 2014, Daesh seized the city.', '2014');
    assert.equal(year.kind, 'year');
    assert.deepEqual([year.text, year.value?.iso, year.value?.precision], ['2014', '2014', 'year']);
    assert.equal(iso('Air cover since 2015, officials said.', '2015'), '2015');
    assert.equal(iso('the 2016 parliamentary elections', '2016'), '2016');
    assert.equal(iso('as at the end of 2015 and in 2016', '2015'), '2015');
    const decade = dateAt('Pin-ups of the 1990s were different.', '1990s');
    assert.deepEqual([decade.value?.iso, decade.value?.precision], ['1990/1999', 'decade']);
    assert.equal(decade.value!.lastDay - decade.value!.firstDay + 1, 3652);
  });

  it('does not take counts and amounts for years', () => {
    assertNoDate('Some 4,300 Russian military are deployed.');
    assertNoDate('They sent 2,000 troops.');
    assertNoDate('They sent 2000 troops and 1500 tanks.');
    assertNoDate('It cost $2015 in fees.');
    assertNoDate('The 1900s building was restored.');
  });
});

describe('dates: numeric', () => {
  it('reads ISO and dotted dates directly', () => {
    assert.equal(iso('Released 2024-12-17.', '2024-12-17'), '2024-12-17');
    assert.equal(iso('Stand: 17.12.2024', '17.12.2024'), '2024-12-17');
    assert.equal(dateAt('Released 2024-12-17.', '2024').kind, 'numeric');
  });

  it('decides the order from an impossible reading first', () => {
    const d = dateAt('Filed 13/02/2017 in court.', '13/02/2017');
    assert.equal(d.value?.iso, '2017-02-13');
    assert.match(d.explanation, /there is no month 13/);
    assert.equal(iso('Filed 02/13/2017 in court.', '02/13/2017'), '2017-02-13');
  });

  it('follows the setting when the text cannot decide', () => {
    assert.equal(iso('Filed 12/09/2017 in court.', '12/09', { numericDateOrder: 'day-first' }), '2017-09-12');
    assert.equal(iso('Filed 12/09/2017 in court.', '12/09', { numericDateOrder: 'month-first' }), '2017-12-09');
    // but never against an impossible reading
    assert.equal(iso('Filed 13/02/2017 in court.', '13/02', { numericDateOrder: 'month-first' }), '2017-02-13');
  });

  it('uses a weekday beside the date, then the article\'s other numeric dates, then closeness, then month first', () => {
    const weekday = dateAt('The vote, on Tuesday 12/09/2017, was close.', '12/09');
    assert.equal(weekday.value?.iso, '2017-09-12'); // 12 September 2017 was a Tuesday; 9 December a Saturday
    assert.match(weekday.explanation, /Tuesday/);
    const article = dateAt('Filed 25/12/2017. Heard 03/04/2018.', '03/04');
    assert.equal(article.value?.iso, '2018-04-03');
    assert.match(article.explanation, /25\/12\/2017/);
    const near = dateAt('Filed 12/09/2017 in court.', '12/09', on('2017-09-20'));
    assert.equal(near.value?.iso, '2017-09-12');
    assert.match(near.explanation, /nearer the article's date/);
    const fallback = dateAt('Filed 12/09/2017 in court.', '12/09');
    assert.equal(fallback.value?.iso, '2017-12-09');
    assert.match(fallback.explanation, /default/);
  });

  it('leaves times, phone numbers and scores alone', () => {
    assertNoDate('The post went up at 09:03 and again at 1:03 pm.');
    assertNoDate('[Phone] 02-398-8585');
    assertNoDate('They won 3-1 and then 2-0.');
    assertNoDate('Version 1.2.3 shipped; 9/11 changed things; 24/7 service.');
  });
});

describe('dates: relative, against the article date', () => {
  const tuesday = on('2024-12-17'); // a Tuesday
  const friday = on('2024-12-13'); // a Friday
  const newYear = on('2025-01-03'); // a Friday after a year boundary

  it('resolves yesterday, today and tomorrow', () => {
    assert.equal(iso('He said yesterday that talks failed.', 'yesterday', tuesday), '2024-12-16');
    assert.equal(iso('Talks resume today in Geneva.', 'today', tuesday), '2024-12-17');
    assert.equal(iso('Talks resume tomorrow in Geneva.', 'tomorrow', tuesday), '2024-12-18');
    assert.equal(iso('Russian jets struck last night.', 'last night', tuesday), '2024-12-16');
  });

  it('resolves weekdays by tense: the latest on or before for the past, the next for the future', () => {
    assert.equal(iso('Peskov said on Monday that talks go on.', 'Monday', tuesday), '2024-12-16');
    assert.equal(iso('Peskov said on Tuesday that talks go on.', 'Tuesday', tuesday), '2024-12-17');
    assert.equal(iso('The ministers will meet on Monday.', 'Monday', tuesday), '2024-12-23');
    assert.equal(iso('A new round starts on Thursday.', 'Thursday', tuesday), '2024-12-19');
    assert.equal(iso('It was reported Wednesday.', 'Wednesday', tuesday), '2024-12-11');
    // the future in other clothes: "to be" + participle, "will be held", a deadline
    assert.equal(iso('The package is to be voted on Thursday.', 'Thursday', tuesday), '2024-12-19');
    assert.equal(iso('Services will be held on Sunday.', 'Sunday', tuesday), '2024-12-22');
    assert.equal(iso('The goal is passage by Friday.', 'Friday', tuesday), '2024-12-20');
    const monday = dateAt('Peskov said on Monday that talks go on.', 'Monday', tuesday);
    assert.equal(monday.text, 'on Monday');
    assert.match(monday.explanation, /past tense/);
    assert.match(monday.explanation, /Tuesday 17 December 2024/);
  });

  it('reads "last Friday" strictly before the article date, even on a Friday', () => {
    assert.equal(iso('Last Friday, state media announced a victory.', 'Last Friday', friday), '2024-12-06');
    assert.equal(iso('Last Friday, state media announced a victory.', 'Last Friday', tuesday), '2024-12-13');
    assert.equal(iso('They will vote next Friday.', 'next Friday', friday), '2024-12-20');
    assert.equal(iso('They vote this Friday.', 'this Friday', tuesday), '2024-12-20');
    // a Friday article that says "on Friday" in the past tense means that same day
    assert.equal(iso('Interfax reported on Friday that talks advanced.', 'Friday', friday), '2024-12-13');
  });

  it('resolves weeks, weekends, months and years', () => {
    assert.equal(iso('Last week, Bogdanov had said so.', 'Last week', tuesday), '2024-12-09/2024-12-15');
    assert.equal(iso('It happened this week.', 'this week', tuesday), '2024-12-16/2024-12-22');
    assert.equal(iso('A new round starts later this week.', 'later this week', tuesday), '2024-12-18/2024-12-22');
    assert.equal(iso('Talks were held earlier this week.', 'earlier this week', on('2024-12-19')), '2024-12-16/2024-12-18');
    assert.equal(iso('Talks resume next week.', 'next week', tuesday), '2024-12-23/2024-12-29');
    assert.equal(iso('Protests erupted last weekend.', 'last weekend', tuesday), '2024-12-14/2024-12-15');
    assert.equal(iso('Sales fell last month.', 'last month', tuesday), '2024-11');
    assert.equal(iso('Sales fell earlier this month.', 'earlier this month', tuesday), '2024-12-01/2024-12-16');
    assert.equal(iso('Official figures from last year.', 'last year', tuesday), '2023');
    assert.equal(iso('Growth this year is slow.', 'this year', tuesday), '2024');
    assert.equal(iso('Elections are due next year.', 'next year', tuesday), '2025');
    const week = dateAt('Last week, Bogdanov had said so.', 'Last week', tuesday);
    assert.equal(week.value?.precision, 'week');
    assert.match(week.explanation, /Monday 9 December 2024 to Sunday 15 December 2024/);
  });

  it('crosses a year boundary correctly', () => {
    assert.equal(iso('Last week, the rebels advanced.', 'Last week', newYear), '2024-12-23/2024-12-29');
    assert.equal(iso('In December, the rebels advanced.', 'December', newYear), '2024-12');
    assert.equal(iso('The talks will resume in December.', 'December', newYear), '2025-12');
    assert.equal(iso('In January, Moscow signed a deal.', 'January', newYear), '2025-01');
    assert.equal(iso('Sales fell last month.', 'last month', newYear), '2024-12');
    assert.equal(iso('Official figures from last year.', 'last year', newYear), '2024');
  });

  it('resolves months without a year by tense, and with "last year"', () => {
    assert.equal(iso('In January, Moscow and Damascus signed a deal.', 'January', tuesday), '2024-01');
    assert.equal(iso('Moscow will sign a deal in January.', 'January', tuesday), '2025-01');
    assert.equal(iso('In December last year, Putin signed an order.', 'December last year', tuesday), '2023-12');
    assert.equal(iso('The siege ended last March.', 'last March', tuesday), '2024-03');
    const month = dateAt('In December last year, Putin signed an order.', 'December', tuesday);
    assert.equal(month.text, 'December last year');
    assert.equal(month.kind, 'relative');
  });

  it('resolves "ago", keeping vague amounts honest', () => {
    assert.equal(iso('The war began two years ago.', 'two years ago', tuesday), '2022');
    assert.equal(iso('It began three days ago.', 'three days ago', tuesday), '2024-12-14');
    assert.equal(iso('It began two weeks ago.', 'two weeks ago', tuesday), '2024-12-02/2024-12-08');
    assert.equal(iso('It began three months ago.', 'three months ago', tuesday), '2024-09');
    assert.equal(iso('It began a year ago.', 'a year ago', tuesday), '2023');
    const vague = dateAt('Mosul fell a few months ago.', 'a few months ago', tuesday);
    assert.equal(vague.value?.iso, '2024-08/2024-10');
    assert.equal(vague.value?.precision, 'month');
    assert.equal(vague.approximate, true);
    assert.match(vague.explanation, /approximate/);
  });

  it('never uses the machine clock: without an article date, relative dates are unresolved and say so', () => {
    for (const [text, needle, relativeTo] of [
      ['Last Friday, state media announced it.', 'Last Friday', /Friday before the article's date/],
      ['Peskov said on Monday that talks go on.', 'Monday', /Monday on or before the article's date/],
      ['Talks resume next week.', 'next week', /week after/],
      ['The war began two years ago.', 'two years ago', /2 years before the article's date/],
      ['It happened yesterday.', 'yesterday', /day before the article's date/],
    ] as const) {
      const d = dateAt(text, needle);
      assert.equal(d.value, undefined, needle);
      assert.match(d.explanation, relativeTo);
      assert.match(d.explanation, /no date of its own/);
      assert.match(d.explanation, /corroborate\.dates\.defaultArticleDate/);
      assert.match(d.explanation, /dateline/);
      assert.match(describeDate(d), /unresolved/);
    }
  });
});

describe('dates: ranges', () => {
  it('reads year, month and day ranges', () => {
    const years = dateAt('Sanctions applied from 2015 to 2017.', '2015');
    assert.equal(years.kind, 'range');
    assert.equal(years.text, 'from 2015 to 2017');
    assert.equal(years.value?.iso, '2015/2017');
    assert.equal(iso('The 2015-2017 campaign', '2015-2017'), '2015/2017');
    assert.equal(iso('The campaign (2015–2017) ended.', '2015'), '2015/2017');
    assert.equal(iso('The 2008-09 season began badly.', '2008-09'), '2008/2009');
    const months = dateAt('Fighting raged between March and May 2019.', 'March');
    assert.equal(months.text, 'between March and May 2019');
    assert.equal(months.value?.iso, '2019-03/2019-05');
    assert.equal(months.value?.precision, 'month');
    assert.equal(iso('Trials ran from December 2018 to February 2019.', 'December'), '2018-12/2019-02');
    assert.equal(iso('Talks ran December 8-10, 2024.', 'December'), '2024-12-08/2024-12-10');
  });

  it('does not make ranges of counts or backwards pairs', () => {
    assert.equal(datesOf('They sent 2000-3000 troops.').length, 0);
    assert.ok(!datesOf('in 2017 to 2015').some((d) => d.kind === 'range'));
  });
});

describe('dates: near-misses that must not be tagged', () => {
  it('leaves words that look like dates alone', () => {
    assertNoDate('You may go now, he said.');
    assertNoDate('They joined a march on the capital.');
    assertNoDate('The Sun newspaper reported it first.');
    assertNoDate('Theresa May said the plan would work.');
    assertNoDate('Black Friday sales were weak. Good Friday is a holiday.');
    assertNoDate('The Mail on Sunday reported it. So did the Sunday Times.');
    assertNoDate('Russia Today and USA Today ran the story.');
    assertNoDate('Shops open on Sundays. He told GMTV\'s Sunday programme so.');
    assertNoDate('Entertainment Tonight broadcast a segment.');
    assertNoDate('The church holds Sunday services; patch day is the second Tuesday of each month.');
    assertNoDate('April Jones and June Carter sang in August Strindberg plays.');
  });

  it('leaves durations and ages to the figures', () => {
    assertNoDate('A 10-year-old girl was killed after three years of war.');
    assertNoDate('He was aged 36 and served for 49 years.');
  });
});

describe('dates: offsets and line endings', () => {
  it('keeps exact UTF-16 offsets after emoji and accented text', () => {
    const text = '😀 Ödön Hörvath 🇸🇾 said on Monday that the talks, held 8 December 2024, failed.';
    const dates = datesOf(text, on('2024-12-17'));
    for (const d of dates) assert.equal(text.slice(d.start, d.end), d.text);
    const monday = dates.find((d) => d.text === 'on Monday')!;
    assert.equal(monday.start, text.indexOf('on Monday'));
    assert.equal(monday.value?.iso, '2024-12-16');
    assert.equal(dates.find((d) => d.text.includes('December'))?.start, text.indexOf('8 December'));
  });

  it('reads CRLF text the same as LF text', () => {
    const lf = 'Headline\n\nDecember 17, 2024\n\nPeskov said on Monday that talks\ngo on. Last week, he said so.\n';
    const crlf = lf.replace(/\n/g, '\r\n');
    const a = analyze(lf);
    const b = analyze(crlf);
    assert.equal(b.articleDate?.iso, '2024-12-17');
    assert.deepEqual(b.dates.map((d) => [d.text, d.value?.iso]), a.dates.map((d) => [d.text, d.value?.iso]));
    for (const d of b.dates) assert.equal(crlf.slice(d.start, d.end), d.text);
  });
});

describe('dates: the seed articles', () => {
  it('003: "on Monday" is 16 December 2024, from the "last modified" line', () => {
    const text = readSeed('003');
    assert.equal(iso(text, 'Monday'), '2024-12-16');
    assert.equal(iso(text, 'Sunday'), '2024-12-15');
    assert.equal(iso(text, 'Thursday'), '2024-12-12');
    assert.equal(iso(text, 'Last week'), '2024-12-09/2024-12-15');
    assert.equal(iso(text, '1986'), '1986');
    assert.match(dateAt(text, 'Monday').explanation, /“last modified” line/);
  });

  it('000: absolute dates resolve; relative ones are unresolved because the article has no date', () => {
    const text = readSeed('000');
    assert.equal(iso(text, 'March 2011'), '2011-03');
    assert.equal(iso(text, '2014'), '2014');
    const friday = dateAt(text, 'Last Friday');
    assert.equal(friday.value, undefined);
    assert.match(friday.explanation, /no date of its own/);
    for (const needle of ['Monday', 'December last year', 'January', 'last year', 'September', 'July', 'October', 'a few months ago']) {
      assert.equal(dateAt(text, needle).value, undefined, needle);
    }
    // no other dates: "49-year", "4,300", "nine months" are figures
    assert.equal(datesOf(text).length, 11);
  });

  it('004: the dateline 12/09/2017 is 12 September 2017, and the dates after it resolve against it', () => {
    const text = readSeed('004');
    const dateline = dateAt(text, '12/09/2017');
    assert.equal(dateline.value?.iso, '2017-09-12');
    assert.match(dateline.explanation, /Tuesday/);
    assert.equal(iso(text, 'on Tuesday'), '2017-09-12');
    assert.equal(iso(text, 'since 2015'.slice(6)), '2015');
    assert.equal(iso(text, 'August 2015'), '2015-08');
    assert.equal(iso(text, 'April 2016'), '2016-04');
    assert.equal(iso(text, 'March 2017'), '2017-03');
    assert.equal(iso(text, 'September 2016'), '2016-09');
    assert.equal(iso(text, 'December last year'), '2016-12');
    assert.equal(iso(text, 'last week'), '2017-09-04/2017-09-10');
    assert.equal(iso(text, 'later this week'), '2017-09-13/2017-09-17');
    assert.ok(!datesOf(text).some((d) => d.text.includes('09:03')));
  });

  it('001 and 002: years and unresolved days', () => {
    const one = readSeed('001');
    assert.deepEqual(datesOf(one).map((d) => [d.text, d.value?.iso]), [['2017', '2017'], ['2011', '2011'], ['March 2019', '2019-03']]);
    const two = readSeed('002');
    assert.deepEqual(datesOf(two).map((d) => d.text), ['on Friday', 'on November 27', 'On December 8']);
    assert.ok(datesOf(two).every((d) => d.value === undefined));
  });
});
