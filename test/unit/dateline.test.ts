// The article's own date: front matter > a dateline in the first lines > a "last modified" line > the setting.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../server/src/analysis/analyze';
import { tokenize } from '../../server/src/analysis/tokenize';
import { splitSentences } from '../../server/src/analysis/sentences';
import { findArticleDate } from '../../server/src/analysis/dateline';
import type { AnalysisOptions } from '../../server/src/analysis/types';
import { readSeed, SHARED_DIR } from '../helpers/seeds';

const articleDate = (text: string, options: AnalysisOptions = {}) => analyze(text, options).articleDate;

/** Only the article date (no entities or figures): cheap enough to run over whole corpora. */
function articleDateOnly(text: string) {
  const tokens = tokenize(text);
  return findArticleDate(text, tokens, splitSentences(tokens), {});
}

const BODY = 'Russia said on Tuesday that its forces would stay. Officials gave no details about the bases or the talks.';

describe('article date: the seed articles', () => {
  it('000, 001 and 002 give no date of their own', () => {
    for (const seed of ['000', '001', '002']) assert.equal(articleDate(readSeed(seed)), undefined, seed);
  });

  it('003 is dated by its "last modified" line', () => {
    const date = articleDate(readSeed('003'))!;
    assert.equal(date.iso, '2024-12-17');
    assert.equal(date.source, 'last-modified');
    assert.equal(date.text, 'December 17, 2024');
  });

  it('004 is dated by its numeric dateline, read day first because the article names Tuesday', () => {
    const date = articleDate(readSeed('004'))!;
    assert.equal(date.iso, '2017-09-12');
    assert.equal(date.source, 'dateline');
    assert.equal(date.text, '12/09/2017');
    assert.equal(date.numericOrder, 'day-first');
    assert.match(date.explanation ?? '', /Tuesday/);
    assert.match(date.explanation ?? '', /9 December 2017 was a Saturday/);
  });
});

describe('article date: datelines', () => {
  const cases: Array<[string, string]> = [
    ['December 17, 2024', '2024-12-17'],
    ['12/09/2017 09:03 by admin', '2017-09-12'],
    ['Published: Tuesday, 17 December 2024 10:30 GMT', '2024-12-17'],
    ['Updated 2:15 PM ET, Tue December 17, 2024', '2024-12-17'],
    ['First Published: June 13, 2013 4:59 PM EDT', '2013-06-13'],
    ['PUBLISHED: 22:07 GMT, 7 July 2012 | UPDATED: 22:07 GMT, 7 July 2012', '2012-07-07'],
    ['May 2, 2013 | 5:03pm', '2013-05-02'],
    ['Posted on December 17, 2024 by Jane Doe', '2024-12-17'],
    ['published: 2012-04-04 11:47:35', '2012-04-04'],
    ['WEDNESDAY, APRIL 24TH, 2013 AT 10:40 AM', '2013-04-24'],
  ];
  for (const [line, iso] of cases) {
    it(`reads "${line}"`, () => {
      const date = articleDate(`Russia keeps its bases\n\n${line}\n\n${BODY}`);
      assert.equal(date?.iso, iso);
      assert.equal(date?.source, 'dateline');
    });
  }

  it('reads an agency dateline without a year, taking the latest year the article writes', () => {
    const date = articleDate('MOSCOW, Dec 17 (Reuters) - Russia said its bases would stay, a year after the deal of March 2023 and talks in 2024.');
    assert.equal(date?.iso, '2024-12-17');
    assert.match(date?.explanation ?? '', /no year/);
  });

  it('refuses a year-less dateline whose weekday does not fit the year the article suggests', () => {
    // a match preview: 1 March was a Tuesday in 2005, not in 1948 (the only year the text writes)
    assert.equal(articleDate('Ireland v England\n\nTuesday, 1 March\n\n1500 GMT\n\nIreland are going for their first Grand Slam since 1948.'), undefined);
  });

  it('does not take a date inside an ordinary sentence for a dateline', () => {
    assert.equal(articleDate(`In March 2011, the war began.\n\n${BODY}`), undefined);
    assert.equal(articleDate(`Reid checked herself in on Tuesday, December 9, 2008.\n\n${BODY}`), undefined);
    assert.equal(articleDate(`Talks set for December 17, 2024 in Geneva\n\n${BODY}`), undefined);
    assert.equal(articleDate(`Bettie Page was born on April 22, 1923, in Nashville.\n\n${BODY}`), undefined);
  });

  it('only looks for a dateline near the top', () => {
    const body = Array.from({ length: 4 }, () => `${BODY} ${BODY} ${BODY}`).join('\n\n');
    assert.equal(articleDate(`Headline\n\n${body}\n\nDecember 17, 2024\n\nMore text.`), undefined);
  });
});

describe('article date: "last modified" and "published on" lines anywhere', () => {
  it('reads such a line at the end of the article', () => {
    const body = Array.from({ length: 20 }, () => BODY).join('\n\n');
    const date = articleDate(`Headline\n\n${body}\n\nThis post was last modified on December 17, 2024 1:03 pm\n\nShare`);
    assert.deepEqual([date?.iso, date?.source], ['2024-12-17', 'last-modified']);
  });

  it('ignores "published on" inside a sentence', () => {
    const body = Array.from({ length: 20 }, () => BODY).join('\n\n');
    assert.equal(articleDate(`Headline\n\n${body}\n\nThe report, published on March 3, 2015, said the bases would stay.`), undefined);
  });
});

describe('article date: precedence and the setting', () => {
  it('prefers front matter, then the dateline, then a last-modified line, then the setting', () => {
    const lastModified = 'This post was last modified on December 20, 2024 1:03 pm';
    const body = Array.from({ length: 15 }, () => BODY).join('\n\n');
    const text = `Headline\n\nDecember 17, 2024\n\n${body}\n\n${lastModified}`;
    assert.equal(articleDate(text, { defaultArticleDate: '2020-01-01' })?.iso, '2024-12-17');
    assert.equal(articleDate(`Headline\n\n${body}\n\n${lastModified}`, { defaultArticleDate: '2020-01-01' })?.iso, '2024-12-20');
    const setting = articleDate(`Headline\n\n${body}`, { defaultArticleDate: '2020-01-01' });
    assert.deepEqual([setting?.iso, setting?.source, setting?.span], ['2020-01-01', 'setting', undefined]);
    const markdown = analyze(`---\ndate: 2024-12-01\n---\n${text}`, { markdown: true, defaultArticleDate: '2020-01-01' }).articleDate;
    assert.deepEqual([markdown?.iso, markdown?.source], ['2024-12-01', 'front-matter']);
  });

  it('ignores a malformed setting', () => {
    assert.equal(articleDate(BODY, { defaultArticleDate: '2024-13-45' }), undefined);
    assert.equal(articleDate(BODY, { defaultArticleDate: 'yesterday' }), undefined);
  });

  it('reads a numeric dateline in the order the setting gives', () => {
    const text = `Headline\n\n12/09/2017 09:03 by admin\n\nThe ministry said the bases would stay.`;
    assert.equal(articleDate(text, { numericDateOrder: 'month-first' })?.iso, '2017-12-09');
    assert.equal(articleDate(text, { numericDateOrder: 'day-first' })?.iso, '2017-09-12');
    // auto, with no weekday or other date to go by: month first
    assert.equal(articleDate(text)?.iso, '2017-12-09');
  });
});

describe('article date: no false datelines in real news', function () {
  this.timeout(120_000);
  const corpus = (name: string) => (SHARED_DIR ? path.join(SHARED_DIR, 'corpora', name) : undefined);

  function files(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? files(full) : entry.name.endsWith('.txt') ? [full] : [];
    });
  }

  it('finds none in the BBC articles, which carry no dates of their own', function () {
    const dir = corpus('bbc');
    if (!dir) this.skip(); // ../shared is absent: the corpus cannot be read in place
    const dated = files(dir!).filter((file) => articleDateOnly(readFileSync(file, 'utf8')));
    assert.deepEqual(dated, []);
  });

  it('in the ECB+ clusters, every dateline found is on a line that is mostly the date', function () {
    const dir = corpus('clusters');
    if (!dir) this.skip();
    let found = 0;
    for (const file of files(dir!)) {
      const text = readFileSync(file, 'utf8');
      const date = articleDateOnly(text);
      if (!date?.span) continue;
      found++;
      const lineStart = text.lastIndexOf('\n', date.span.start) + 1;
      const lineEnd = text.indexOf('\n', date.span.end);
      const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
      const words = line.replace(/[^A-Za-z ]/g, ' ').split(/\s+/).filter((w) => w.length > 2);
      assert.ok(words.length <= 10, `${file}: ${line}`);
      assert.ok(date.date.year >= 2000 && date.date.year <= 2014, `${file}: ${date.iso}`);
    }
    // the clusters carry datelines in about a third of their articles (measured: 351 of 982)
    assert.ok(found > 300, `only ${found} datelines found`);
  });
});
