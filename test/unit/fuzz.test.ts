// Seeded fuzzing of the analysis library: random text and mutated seeds. Every case must analyse without an exception
// and every annotation must lie inside the text, in order, with its text matching its span.
import { strict as assert } from 'node:assert';
import { analyze } from '../../server/src/analysis/analyze';
import type { ArticleAnalysis, Span } from '../../server/src/analysis/types';
import { Random } from '../helpers/random';
import { readSeed } from '../helpers/seeds';

const CASES = 10_000;

const FRAGMENTS = [
  ' ', ' ', ' ', '\n', '\r\n', '\r', '\n\n', '\t', '\u00a0', '.', ',', ';', ':', '!', '?', '(', ')', '[', ']', '"', "'", '’',
  '“', '”', '-', '–', '—', '/', '%', '$', '£', '€', '#', '*', '_', '`', '```', '---', '<b>', '](x)', '…', '...',
  '0', '1', '7', '12', '2017', '4,300', '3.5', '1,1,1', '12/09/2017', '2024-12-17', '09:03', '10-20', '49-year',
  'some', 'about', 'nearly', 'more than', 'at least', 'up to', 'percent', 'per cent', 'million', 'billion', 'bn', 'm',
  'km', 'square miles', 'kilometres', 'two', 'three', 'dozen', 'hundreds', 'half', 'first', 'seventh',
  'January', 'March', 'May', 'December', 'Dec.', 'Monday', 'Friday', 'last', 'next', 'on', 'in', 'ago', 'years', 'week',
  'yesterday', 'since', 'from', 'to', 'between', 'and', 'the', 'a', 'of', 'said', 'was', 'will', 'Russia', 'Syria',
  'Hmeimim', 'Hay’at Tahrir al-Sham', '(HTS)', 'U.S.', 'Lt. Gen.', 'Mr.', 'Bogdanov', 'Islamic State', 'al-', 'Deir ez-Zor',
  'é', 'ü', 'İ', 'ß', 'ﬁ', '😀', '👍🏽', '𝒳', '\ud83d', '\udc00', 'مرحبا', 'שלום', '\u200f', '\u202e', '\u0301', '\ufeff',
  'http://example.com/a.b', 'a@b.co', '©', '\u0000', '\u2028',
];

function randomText(random: Random): string {
  const parts: string[] = [];
  const count = 1 + random.int(80);
  for (let i = 0; i < count; i++) parts.push(random.pick(FRAGMENTS));
  return parts.join(random.next() < 0.7 ? ' ' : '');
}

function mutateSeed(random: Random, seeds: readonly string[]): string {
  const seed = random.pick(seeds);
  const start = random.int(seed.length);
  let text = seed.slice(start, start + 50 + random.int(1500));
  const edits = random.int(12);
  for (let i = 0; i < edits; i++) {
    const at = random.int(text.length + 1);
    const kind = random.int(3);
    if (kind === 0) text = text.slice(0, at) + random.pick(FRAGMENTS) + text.slice(at);
    else if (kind === 1) text = text.slice(0, at) + text.slice(at + 1 + random.int(10));
    else text = text.slice(0, at) + random.pick(FRAGMENTS) + text.slice(at + 1);
  }
  return text;
}

function checkSpans(name: string, spans: readonly (Span & { text?: string })[], text: string, context: string): void {
  for (const span of spans) {
    assert.ok(
      Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.end <= text.length && span.start < span.end,
      `${name} span ${span.start}-${span.end} outside 0-${text.length} in ${context}`,
    );
    if (span.text !== undefined) {
      assert.equal(span.text, text.slice(span.start, span.end), `${name} text differs from its span in ${context}`);
    }
  }
}

function checkAnalysis(analysis: ArticleAnalysis, text: string): void {
  const context = JSON.stringify(text.length > 300 ? text.slice(0, 300) + '…' : text);
  checkSpans('token', analysis.tokens, text, context);
  for (let i = 1; i < analysis.tokens.length; i++) {
    assert.ok(analysis.tokens[i]!.start >= analysis.tokens[i - 1]!.end, `tokens overlap in ${context}`);
  }
  checkSpans('sentence', analysis.sentences, text, context);
  checkSpans('date', analysis.dates, text, context);
  checkSpans('figure', analysis.figures, text, context);
  checkSpans('entity', analysis.entities, text, context);
  checkSpans('claim', analysis.claims, text, context);
  checkSpans('excluded', analysis.excluded, text, context);
  for (const figure of analysis.figures) {
    assert.ok(!Number.isNaN(figure.value) && !Number.isNaN(figure.low) && !Number.isNaN(figure.high), `NaN figure in ${context}`);
    assert.ok(figure.low <= figure.high, `figure interval reversed in ${context}`);
  }
  for (const date of analysis.dates) {
    if (date.value) assert.ok(date.value.firstDay <= date.value.lastDay, `date interval reversed in ${context}`);
  }
}

describe('fuzzing the analysis library', function () {
  this.timeout(600_000);
  const seeds = ['000', '001', '002', '003', '004'].map(readSeed);

  it(`analyses ${CASES.toLocaleString('en-US')} random and mutated texts without an exception, every range inside the text`, () => {
    const random = new Random(20261122);
    for (let i = 0; i < CASES; i++) {
      const text = i % 2 === 0 ? randomText(random) : mutateSeed(random, seeds);
      const markdown = i % 5 === 0;
      let analysis: ArticleAnalysis;
      try {
        analysis = analyze(text, { markdown, numericDateOrder: random.pick(['auto', 'month-first', 'day-first'] as const) });
      } catch (error) {
        throw new Error(`case ${i} threw on ${JSON.stringify(text)}: ${(error as Error).stack}`);
      }
      checkAnalysis(analysis, text);
    }
  });
});
