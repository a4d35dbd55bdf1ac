// Claims: what each figure states (subject lemmatised, role, scope), about what, when, on whose authority, quoted or
// moving; and the relations a sentence states (a count and its list, parts of a whole, date arithmetic).
import { strict as assert } from 'node:assert';
import { analyze } from '../../server/src/analysis/analyze';
import { quoteRegions } from '../../server/src/analysis/claims';
import { conceptOf, singular } from '../../server/src/analysis/lemma';
import type { ArticleAnalysis, Claim } from '../../server/src/analysis/types';

function claimOf(analysis: ArticleAnalysis, figureText: string): Claim {
  const f = analysis.figures.findIndex((figure) => figure.text === figureText);
  assert.ok(f >= 0, `no figure “${figureText}” in ${JSON.stringify(analysis.figures.map((x) => x.text))}`);
  const claim = analysis.claims.find((c) => c.figure === f);
  assert.ok(claim, `no claim for “${figureText}”`);
  return claim;
}

const dated = (body: string, date = 'November 6, 2017') => analyze(`Title\n\n${date}\n\n${body}`);

describe('claims', function () {
  describe('lemmas', function () {
    it('singularises the nouns news counts', function () {
      for (const [plural, one] of [['troops', 'troop'], ['people', 'person'], ['casualties', 'casualty'], ['bases', 'base'], ['churches', 'church'], ['lives', 'life'], ['news', 'news'], ['crisis', 'crisis']]) {
        assert.equal(singular(plural!), one);
      }
    });
    it('maps synonyms to one concept', function () {
      assert.equal(conceptOf('soldier'), 'troop');
      assert.equal(conceptOf('military'), 'troop');
      assert.equal(conceptOf('quake'), 'earthquake');
      assert.equal(conceptOf('base'), 'base');
    });
  });

  it('keys “some 4,300 Russian military are deployed” and “5,000 Russian troops” alike', function () {
    const a = claimOf(dated('Some 4,300 Russian military are deployed in Syria.'), 'Some 4,300');
    const b = claimOf(dated('The Kremlin said 5,000 Russian troops are stationed in Syria.'), '5,000');
    assert.equal(a.subject, 'russian military');
    assert.equal(a.head, 'troop');
    assert.equal(a.key, b.key);
    assert.equal(a.key, 'count|troop|russian||');
    assert.equal(a.low, 3870);
    assert.equal(a.high, 4730);
  });

  it('records what happened to the people counted, before or after the figure', function () {
    const analysis = dated('At least five people were killed, 250 others injured and more than 800 homes destroyed. The quake killed two people and injured 40.');
    assert.equal(claimOf(analysis, 'At least five').role, 'killed');
    assert.equal(claimOf(analysis, '250').role, 'injured');
    assert.equal(claimOf(analysis, 'more than 800').role, 'destroyed');
    assert.equal(claimOf(analysis, 'two').role, 'killed');
    assert.equal(claimOf(analysis, '40').role, 'injured');
    assert.equal(claimOf(analysis, '40').key, 'count|person||injured|');
  });

  it('leaves counts without a role or a stock subject unkeyed (seasons, carries, shots)', function () {
    const analysis = dated('He spent seven seasons in Philadelphia and had 83 carries.');
    for (const text of ['seven', '83']) assert.equal(claimOf(analysis, text).key, undefined, text);
  });

  it('finds the attribution: “according to X”, “X said”, “, said X.”', function () {
    assert.equal(claimOf(dated('According to the UN, 14,000 people fled their homes.'), '14,000').attribution, 'UN');
    assert.equal(claimOf(dated('Ten people were killed, state media said.'), 'Ten').attribution, 'state media');
    assert.equal(claimOf(dated('Some 14,000 people fled, said Kacong.'), 'Some 14,000').attribution, 'Kacong');
  });

  it('takes the time from a date in the clause, else the article’s date; an unresolvable date leaves it unknown', function () {
    const withDate = claimOf(dated('In 2015, Russia had 2,000 troops in Syria.'), '2,000');
    assert.equal(withDate.when?.iso, '2015');
    assert.equal(withDate.whenFrom, 'text');
    const noDate = claimOf(dated('Russia has 3,000 troops in Syria.'), '3,000');
    assert.equal(noDate.when?.iso, '2017-11-06');
    assert.equal(noDate.whenFrom, 'article');
    const undated = analyze('Ten people were killed on Sunday.').claims[0]!;
    assert.equal(undated.when, undefined);
    assert.equal(undated.whenFrom, 'text');
  });

  it('marks quoted figures and moving figures', function () {
    const analysis = dated('"We have 6,000 troops there," he said. The toll rose to 12. So far, 30 people have been killed. Now 4,000 troops remain.');
    assert.equal(claimOf(analysis, '6,000').quoted, true);
    assert.equal(claimOf(analysis, '6,000').key, undefined);
    assert.equal(claimOf(analysis, '12').changing, true);
    assert.equal(claimOf(analysis, '30').changing, true);
    assert.equal(claimOf(analysis, '4,000').changing, true);
  });

  it('keeps the scope a place phrase gives a count', function () {
    const analysis = dated('The tsunami killed 170,000 people in the province and 230,000 people across Asia.');
    assert.equal(claimOf(analysis, '170,000').scope, 'province');
    assert.equal(claimOf(analysis, '230,000').scope, 'asia');
  });

  it('lists what a count enumerates after a colon or in brackets, and only plain lists', function () {
    const analysis = dated('Russia operates two military bases in Syria: a naval base in the port city of Tartus and an air base near Jableh. The talks will be held in four cities (Aleppo, Homs and Hama). He fired 11 shots — the autopsy showed that seven bullets entered his body.');
    assert.deepEqual(claimOf(analysis, 'two').listed?.items, ['a naval base in the port city of Tartus', 'an air base near Jableh']);
    assert.equal(claimOf(analysis, 'four').listed?.items.length, 3);
    assert.equal(claimOf(analysis, '11').listed, undefined);
  });

  it('relates a remainder to the parts of one whole', function () {
    const analysis = dated('Troops hold about 85 percent of the territory, while militants hold the remaining 15 percent.');
    const remainder = claimOf(analysis, '15 percent');
    assert.deepEqual(remainder.parts, { figures: [analysis.figures.findIndex((f) => f.text === 'about 85 percent')], remainder: 'figure' });
  });

  it('relates durations and ages to the dates they span', function () {
    const analysis = dated('Russia signed a 49-year lease in 2017 that runs until 2066. The nine-month battle, from October 2016 to July 2017, ended. In 2019, three years after the 2011 uprising, talks resumed. His deputy, a 45-year-old born in 1972, joined in June.');
    assert.equal(claimOf(analysis, '49-year').arithmetic?.kind, 'term');
    assert.equal(claimOf(analysis, 'nine-month').arithmetic?.kind, 'span');
    assert.equal(claimOf(analysis, 'three years').arithmetic?.kind, 'after');
    const age = claimOf(analysis, '45-year-old').arithmetic!;
    assert.equal(age.kind, 'age');
    assert.equal(age.to, -1);
    assert.equal(analysis.dates[age.from!]!.text.includes('1972'), true);
  });

  it('makes a date-only claim of “two years ago, in 2015”', function () {
    const analysis = dated('Two years ago, in 2015, the base was expanded.');
    const ago = analysis.claims.find((c) => c.arithmetic?.kind === 'ago')!;
    assert.equal(ago.figure, -1);
    assert.match(analysis.dates[ago.date!]!.text, /ago/);
  });

  it('finds quotations, curly or straight, never past a paragraph break', function () {
    const text = 'He said “5,000 troops” and "six jets" then "left\n\nNew paragraph 7 people.';
    const regions = quoteRegions(text);
    assert.deepEqual(regions.map((r) => text.slice(r.start, r.end)), ['“5,000 troops”', '"six jets"', '"left']);
  });

  it('gives every figure of a long, repetitive line a claim (bounded windows, no blow-up)', function () {
    const analysis = analyze('Five people were killed: a, b and c. '.repeat(4000));
    assert.equal(analysis.claims.length, analysis.figures.length);
  });
});
