import { strict as assert } from 'node:assert';
import { tokenize } from '../../server/src/analysis/tokenize';
import { splitSentences } from '../../server/src/analysis/sentences';
import { readSeed } from '../helpers/seeds';

const texts = (input: string) => tokenize(input).map((token) => token.text);

describe('tokenize', () => {
  it('splits possessive and negative clitics the way the CoNLL news data does', () => {
    assert.deepEqual(texts("Syria's bases don't move"), ['Syria', "'s", 'bases', 'do', "n't", 'move']);
    assert.deepEqual(texts('Russia’s base'), ['Russia', '’s', 'base']);
  });

  it('keeps inner hyphens, name apostrophes and abbreviation dots', () => {
    assert.deepEqual(texts('U.S.-backed forces of Hay’at Tahrir al-Sham'), ['U.S.-backed', 'forces', 'of', 'Hay’at', 'Tahrir', 'al-Sham']);
    assert.deepEqual(texts('Lt. Gen. Alexander Lapin'), ['Lt.', 'Gen.', 'Alexander', 'Lapin']);
    assert.deepEqual(texts('the U.N. said'), ['the', 'U.N.', 'said']);
  });

  it('keeps numbers with separators, and numbers glued to units, whole', () => {
    assert.deepEqual(texts('some 4,300 troops, 3.5 km, 12/09/2017 09:03, a 49-year lease, $450m, 85%'), [
      'some', '4,300', 'troops', ',', '3.5', 'km', ',', '12/09/2017', '09:03', ',', 'a', '49-year', 'lease', ',', '$', '450m', ',', '85', '%',
    ]);
  });

  it('ends a number at a full stop that a word follows', () => {
    assert.deepEqual(texts('began in 2011.ISIS, also'), ['began', 'in', '2011', '.', 'ISIS', ',', 'also']);
  });

  it('ends at the end of the text after a number glued to letters (once an endless loop)', () => {
    assert.deepEqual(texts('a deal worth 450m'), ['a', 'deal', 'worth', '450m']);
    assert.deepEqual(texts('Cross Lake 19A'), ['Cross', 'Lake', '19A']);
    assert.deepEqual(texts('49-year'), ['49-year']);
  });

  it('keeps URLs and e-mail addresses whole', () => {
    assert.deepEqual(texts('see https://example.com/a?b=c. Mail social@ytn.co.kr now'), [
      'see', 'https://example.com/a?b=c', '.', 'Mail', 'social@ytn.co.kr', 'now',
    ]);
  });

  it('never splits a surrogate pair and keeps UTF-16 offsets exact', () => {
    const text = 'Ödön 😀 met 𝒳 in Zürich';
    const tokens = tokenize(text);
    for (const token of tokens) assert.equal(text.slice(token.start, token.end), token.text);
    assert.deepEqual(tokens.map((t) => t.text), ['Ödön', '😀', 'met', '𝒳', 'in', 'Zürich']);
    assert.equal(tokens[1]!.end - tokens[1]!.start, 2);
  });

  it('counts line breaks before a token, CRLF and lone CR alike', () => {
    const breaks = (input: string) => tokenize(input).map((t) => t.breakBefore);
    assert.deepEqual(breaks('a\r\nb\rc\n\nd e'), [0, 1, 1, 2, 0]);
  });

  it('gives every seed token its exact text', () => {
    for (const seed of ['000', '001', '002', '003', '004']) {
      const text = readSeed(seed);
      for (const token of tokenize(text)) assert.equal(text.slice(token.start, token.end), token.text);
    }
  });
});

describe('splitSentences', () => {
  const sentences = (input: string) => splitSentences(tokenize(input)).map((s) => input.slice(s.start, s.end));

  it('splits at full stops before a capital, and keeps closing quotes', () => {
    assert.deepEqual(sentences('He said "no." Then he left. It rained.'), ['He said "no."', 'Then he left.', 'It rained.']);
  });

  it('does not split after titles, initials and mid-sentence abbreviations', () => {
    assert.deepEqual(sentences('Lt. Gen. Alexander Lapin met the U.S. Geological Survey. J. Smith came.'), [
      'Lt. Gen. Alexander Lapin met the U.S. Geological Survey.',
      'J. Smith came.',
    ]);
  });

  it('ends an abbreviation-final sentence before a sentence starter', () => {
    assert.deepEqual(sentences('backed by the U.S. The next day came.'), ['backed by the U.S.', 'The next day came.']);
  });

  it('treats headlines and paragraph breaks as boundaries, but not a break before a lowercase word', () => {
    assert.deepEqual(sentences('Russia keeps bases\n\nA minister said so.\n\nthey were driven out\n\nof the city.'), [
      'Russia keeps bases',
      'A minister said so.',
      'they were driven out\n\nof the city.',
    ]);
  });

  it('continues a sentence across a hard line break after a lowercase word', () => {
    assert.deepEqual(sentences('ISIS, also called\nIS, was defeated.'), ['ISIS, also called\nIS, was defeated.']);
  });

  it('bounds sentence length on pathological input', () => {
    const tokens = tokenize('1,'.repeat(5000));
    for (const sentence of splitSentences(tokens)) assert.ok(sentence.endToken - sentence.firstToken <= 300);
  });
});
