// Figures: every form, the interval rules (hedges.ts), what is counted, conversions, near-misses, offsets, robustness.
import { strict as assert } from 'node:assert';
import { analyze } from '../../server/src/analysis/analyze';
import type { Figure } from '../../server/src/analysis/types';
import { intervalOf, intervalOfRange, writtenTolerance, halfUnitOfDigits } from '../../server/src/analysis/hedges';
import { describeFigure, figureSummary } from '../../server/src/features/describe';
import { readSeed } from '../helpers/seeds';

const figuresOf = (text: string) => analyze(text).figures;

function figureAt(text: string, needle: string, nth = 0): Figure {
  const found = figuresOf(text).filter((f) => f.text.includes(needle));
  assert.ok(found[nth], `no figure containing ${JSON.stringify(needle)} in ${JSON.stringify(figuresOf(text).map((f) => f.text))}`);
  return found[nth]!;
}

function assertNoFigure(text: string) {
  assert.deepEqual(figuresOf(text).map((f) => f.text), [], `expected no figure in ${JSON.stringify(text)}`);
}

/** kind, value, unit, low, high */
function shape(f: Figure) {
  return { kind: f.kind, value: f.value, unit: f.unit, low: f.low, high: f.high };
}

describe('figures: the interval rules (hedges.ts)', () => {
  it('gives a rounded figure half its last written place, capped at 5%', () => {
    assert.equal(writtenTolerance(4300, halfUnitOfDigits(4300, 0, 2, 1)), 50);
    assert.equal(writtenTolerance(300000, halfUnitOfDigits(300000, 0, 5, 1)), 15000);
    assert.equal(halfUnitOfDigits(3.5, 1, 0, 1), 0.05);
    assert.equal(halfUnitOfDigits(85, 0, 0, 1), 0); // small integers are exact
    assert.equal(halfUnitOfDigits(4.8, 1, 0, 1e9), 0.05e9);
  });

  it('widens approximate hedges by 10% (below only for "nearly"), opens at-least and at-most', () => {
    const some = { kind: 'approximate', side: 'both', width: 0.1 } as const;
    const nearly = { kind: 'approximate', side: 'below', width: 0.1 } as const;
    assert.deepEqual(intervalOf(4300, 50, some), { low: 3870, high: 4730 });
    assert.deepEqual(intervalOf(3, 0, nearly), { low: 2.7, high: 3 });
    assert.deepEqual(intervalOf(35, 0, { kind: 'at-least', side: 'above', width: 0 }), { low: 35, high: Infinity });
    assert.deepEqual(intervalOf(20, 0, { kind: 'at-most', side: 'below', width: 0 }), { low: 0, high: 20 });
    assert.deepEqual(intervalOf(-5, 0, { kind: 'at-most', side: 'below', width: 0 }, true), { low: -Infinity, high: -5 });
    assert.deepEqual(intervalOf(4300, 50, undefined), { low: 4250, high: 4350 });
    assert.deepEqual(intervalOfRange(10, 20, 0, 0, undefined), { low: 10, high: 20 });
    assert.deepEqual(intervalOfRange(10, 20, 0, 0, some), { low: 9, high: 22 });
  });
});

describe('figures: numbers as written', () => {
  it('reads digits with separators and decimals', () => {
    assert.deepEqual(shape(figureAt('They counted 4,300 tents.', '4,300')), { kind: 'count', value: 4300, unit: undefined, low: 4250, high: 4350 });
    assert.equal(figureAt('A 3.5 rise was seen.', '3.5').value, 3.5);
    assert.equal(figureAt('About 1,234,567 voters.', '1,234,567').value, 1234567);
    assert.deepEqual(shape(figureAt('They counted 17 tents.', '17')), { kind: 'count', value: 17, unit: undefined, low: 17, high: 17 });
  });

  it('reads spelled-out numbers', () => {
    assert.equal(figureAt('Moscow keeps two military bases.', 'two').value, 2);
    assert.equal(figureAt('The battle lasted nine months.', 'nine').value, 9);
    assert.equal(figureAt('They held a dozen prisoners.', 'a dozen').value, 12);
    assert.equal(figureAt('They held twenty-five prisoners.', 'twenty-five').value, 25);
    assert.equal(figureAt('They held one hundred and twenty prisoners.', 'one hundred and twenty').value, 120);
    assert.equal(figureAt('They held three thousand prisoners.', 'three thousand').value, 3000);
    assert.equal(figureAt('They held half a dozen prisoners.', 'half a dozen').value, 6);
    assert.equal(figureAt('A million people marched.', 'A million').value, 1e6);
  });

  it('reads scales', () => {
    assert.deepEqual(shape(figureAt('The deal is worth 4.8 billion.', '4.8 billion')), { kind: 'count', value: 4.8e9, unit: undefined, low: 4.75e9, high: 4.85e9 });
    assert.equal(figureAt('Some 1.5 million people fled.', '1.5 million').value, 1.5e6);
    assert.equal(figureAt('About 1.2m people fled.', '1.2m').value, 1.2e6);
    const m = figureAt('It spent $450m on it.', '$450m');
    assert.deepEqual([m.kind, m.value, m.unit, m.text], ['money', 450e6, 'USD', '$450m']);
    const bn = figureAt('It spent £2bn on it.', '£2bn');
    assert.deepEqual([bn.kind, bn.value, bn.unit, bn.low, bn.high], ['money', 2e9, 'GBP', 1.9e9, 2.1e9]);
  });

  it('reads percentages in every spelling', () => {
    for (const text of ['about 85 percent of it', 'about 85% of it', 'about 85 per cent of it']) {
      const f = figureAt(text, '85');
      assert.deepEqual([f.kind, f.value, f.unit, f.hedgeKind], ['percent', 85, 'percent', 'approximate'], text);
    }
    const pp = figureAt('Rates rose by 2 percentage points.', '2 percentage');
    assert.deepEqual([pp.kind, pp.unit], ['percent', 'percentage-point']);
    const half = figureAt('IS controlled nearly half of Syria.', 'half');
    assert.deepEqual([half.kind, half.value, half.counted], ['percent', 50, 'Syria']);
    assert.equal(figureAt('One in five workers travel.', 'One in five').value, 20);
    assert.equal(figureAt('They own two-thirds of the land.', 'two-thirds').kind, 'percent');
    // a fraction of a number is a number
    const quarter = figureAt('A quarter of a million Sri Lankans fled.', 'quarter');
    assert.deepEqual([quarter.kind, quarter.value, quarter.counted], ['count', 250000, 'Sri Lankans']);
  });

  it('reads money in many currencies', () => {
    const cases: Array<[string, string, string, number]> = [
      ['It cost $1,400 in all.', '$1,400', 'USD', 1400],
      ['It cost US$3 billion in all.', 'US$3 billion', 'USD', 3e9],
      ['It cost €1.2m in all.', '€1.2m', 'EUR', 1.2e6],
      ['It cost £102.80 a week.', '£102.80', 'GBP', 102.8],
      ['It cost 4.8 billion dollars.', '4.8 billion dollars', 'USD', 4.8e9],
      ['It cost 500 euros.', '500 euros', 'EUR', 500],
      ['It cost 1,000 rubles.', '1,000 rubles', 'RUB', 1000],
      ['It cost about 19,800 yen.', '19,800 yen', 'JPY', 19800],
      ['It cost 5 million pounds.', '5 million pounds', 'GBP', 5e6],
    ];
    for (const [text, needle, unit, value] of cases) {
      const f = figureAt(text, needle);
      assert.deepEqual([f.kind, f.unit, f.value], ['money', unit, value], text);
    }
  });

  it('reads measures with units', () => {
    const cases: Array<[string, string, string, string, number]> = [
      ['located 135 kilometers from Manokwari', '135 kilometers', 'length', 'km', 135],
      ['a depth of 10 km', '10 km', 'length', 'km', 10],
      ['some 320 miles away', '320 miles', 'length', 'mi', 320],
      ['hold 27,000 square kilometers now', '27,000 square kilometers', 'area', 'km2', 27000],
      ['an area of 500 hectares', '500 hectares', 'area', 'ha', 500],
      ['two tonnes of medicine', 'two tonnes', 'mass', 't', 2],
      ['a 200 kg bomb', '200 kg', 'mass', 'kg', 200],
      ['5,000 litres of fuel', '5,000 litres', 'volume', 'l', 5000],
      ['1 million barrels a day', '1 million barrels', 'volume', 'bbl', 1e6],
      ['winds of 120 km/h', '120 km/h', 'speed', 'km/h', 120],
      ['winds of 75 mph', '75 mph', 'speed', 'mph', 75],
      ['a high of 40 degrees Celsius', '40 degrees Celsius', 'temperature', 'C', 40],
      ['it reached 104°F', '104', 'temperature', 'F', 104],
      ['a 5.6 magnitude earthquake', '5.6 magnitude', 'magnitude', 'magnitude', 5.6],
      ['a magnitude-5.2 quake', 'magnitude-5', 'magnitude', 'magnitude', 5.2],
      ['the men\'s 200m title', '200m', 'length', 'm', 200],
    ];
    for (const [text, needle, kind, unit, value] of cases) {
      const f = figureAt(text, needle);
      assert.deepEqual([f.kind, f.unit, f.value], [kind, unit, value], text);
    }
  });

  it('links a bracketed or "or about" restatement to the figure it converts', () => {
    const bracketed = figuresOf('they hold approximately 27,000 square kilometers (10,425 square miles), the rest');
    assert.equal(bracketed.length, 2);
    assert.equal(bracketed[1]!.conversionOf, 0);
    assert.equal(bracketed[1]!.unit, 'mi2');
    const orAbout = figuresOf('a depth of 10 kilometers, or about six miles, under the sea');
    assert.equal(orAbout[1]!.conversionOf, 0);
    assert.equal(orAbout[1]!.hedge, 'about');
    const money = figuresOf('The UK allocated £7.5bn ($13.99bn) for it.');
    assert.equal(money[1]!.conversionOf, 0);
    // two figures in the same unit are not a conversion; nor are figures apart
    assert.equal(figuresOf('10 km (12 km by road)')[1]?.conversionOf, undefined);
    assert.equal(figuresOf('10 km north and 20 miles east')[1]?.conversionOf, undefined);
  });

  it('reads durations and ages', () => {
    const deal = figureAt('Moscow signed a 49-year deal.', '49-year');
    assert.deepEqual([deal.kind, deal.value, deal.unit, deal.counted], ['duration', 49, 'year', 'deal']);
    const battle = figureAt('It was a nine-month battle.', 'nine-month');
    assert.deepEqual([battle.kind, battle.value, battle.unit, battle.counted], ['duration', 9, 'month', 'battle']);
    const siege = figureAt('sieges of nearly three years on the city', 'three years');
    assert.deepEqual([siege.kind, siege.value, siege.unit, siege.hedgeKind, siege.low, siege.high], ['duration', 3, 'year', 'approximate', 2.7, 3]);
    const girl = figureAt('a 10-year-old girl was killed', '10-year-old');
    assert.deepEqual([girl.kind, girl.value, girl.unit, girl.counted], ['age', 10, 'year', 'girl']);
    const aged = figureAt('The driver, aged 36, fled.', '36');
    assert.deepEqual([aged.kind, aged.value], ['age', 36]);
    assert.equal(figureAt('She is 36 years old.', '36 years old').kind, 'age');
    const oldSiege = figureAt('broke a nearly three-year-old siege', 'three-year-old');
    assert.deepEqual([oldSiege.kind, oldSiege.counted], ['duration', 'siege']);
    assert.equal(figureAt('lease bases for 49 years', '49 years').kind, 'duration');
  });

  it('gives vague counts an honest wide interval', () => {
    const dozens = figureAt('It hosts dozens of Russian jets.', 'dozens');
    assert.deepEqual([dozens.vague, dozens.low, dozens.high, dozens.counted], [true, 24, 199, 'Russian jets']);
    assert.deepEqual([figureAt('hundreds of military police', 'hundreds').low, figureAt('hundreds of military police', 'hundreds').high], [200, 1999]);
    const tons = figureAt('It delivered thousands of tons of equipment.', 'thousands');
    assert.deepEqual([tons.kind, tons.unit, tons.low, tons.high, tons.counted], ['mass', 'ton', 2000, 19999, 'equipment']);
    assert.deepEqual([figureAt('tens of thousands of people', 'tens of thousands').low, figureAt('tens of thousands of people', 'tens of thousands').high], [20000, 199999]);
    assert.match(figureSummary(dozens), /24 to 199 Russian jets \(vague/);
  });

  it('reads ranges, but not scores or records', () => {
    const to = figureAt('Between 10 and 20 people died.', '10');
    assert.deepEqual([to.text, to.range, to.low, to.high, to.counted], ['Between 10 and 20', { low: 10, high: 20 }, 10, 20, 'people']);
    assert.deepEqual(figureAt('10 to 20 people died.', '10').range, { low: 10, high: 20 });
    assert.deepEqual(figureAt('10-20 people died.', '10-20').range, { low: 10, high: 20 });
    assert.deepEqual(figureAt('users make five to 10 searches a day', 'five').range, { low: 5, high: 10 });
    assert.deepEqual(figureAt('It lasted two or three days.', 'two').range, { low: 2, high: 3 });
    const pct = figureAt('a rise of 10 to 20 percent', '10');
    assert.deepEqual([pct.kind, pct.range], ['percent', { low: 10, high: 20 }]);
    assertNoFigure('Chelsea won 3-1 at home.');
    assertNoFigure('They beat Arsenal 2-0.');
    assertNoFigure('Jacksonville fell to 5-10 on Sunday.');
    // a change is two figures, not a range
    assert.equal(figuresOf('raise the age from 60 to 65').filter((f) => f.range).length, 0);
  });
});

describe('figures: hedges', () => {
  it('turns approximate hedges into a symmetric interval (10%)', () => {
    for (const hedge of ['some', 'about', 'around', 'roughly', 'approximately', 'an estimated', 'close to']) {
      const f = figureAt(`They sent ${hedge} 1,000 soldiers.`, '1,000');
      assert.deepEqual([f.hedge, f.hedgeKind, f.low, f.high], [hedge, 'approximate', 900, 1100], hedge);
      assert.ok(f.text.startsWith(hedge), f.text);
    }
  });

  it('puts "nearly" and "almost" below the figure', () => {
    for (const hedge of ['nearly', 'almost']) {
      const f = figureAt(`They sent ${hedge} 1,000 soldiers.`, '1,000');
      // below the figure, plus the rounding of "1,000" (5% at most) above it
      assert.deepEqual([f.hedgeKind, f.low, f.high], ['approximate', 900, 1050], hedge);
    }
  });

  it('opens the interval upwards for at-least hedges', () => {
    for (const hedge of ['at least', 'more than', 'over', 'upwards of', 'in excess of']) {
      const f = figureAt(`They sent ${hedge} 1,000 soldiers.`, '1,000');
      assert.deepEqual([f.hedge, f.hedgeKind, f.low, f.high], [hedge, 'at-least', 1000, Infinity], hedge);
    }
    assert.equal(figureAt('5,000 or more people', '5,000').hedgeKind, 'at-least');
    assert.equal(figureAt('a 4,000-plus force', '4,000-plus').hedgeKind, 'at-least');
  });

  it('closes it for at-most hedges', () => {
    for (const hedge of ['up to', 'at most', 'less than', 'under', 'fewer than', 'no more than', 'as many as']) {
      const f = figureAt(`They sent ${hedge} 1,000 soldiers.`, '1,000');
      assert.deepEqual([f.hedge, f.hedgeKind, f.low, f.high], [hedge, 'at-most', 0, 1000], hedge);
    }
  });

  it('does not read movement or "during" as a hedge', () => {
    assert.equal(figureAt('The game inched up to 20 places.', '20').hedge, undefined);
    assert.equal(figureAt('Talks were held over two days.', 'two').hedge, undefined);
    assert.equal(figureAt('It lasted for over two days.', 'two').hedge, 'over');
  });
});

describe('figures: what is counted', () => {
  it('keeps the counted noun phrase as written', () => {
    assert.equal(figureAt('some 4,300 Russian military are deployed in Syria', '4,300').counted, 'Russian military');
    assert.equal(figureAt('around 300,000 people lived in the city', '300,000').counted, 'people');
    assert.equal(figureAt('Moscow plans to keep two military bases in Syria', 'two').counted, 'military bases');
    assert.equal(figureAt('killing at least eight civilians.', 'eight').counted, 'civilians');
    assert.equal(figureAt('about 85 percent of the war-torn country\'s territory', '85').counted, 'war-torn country\'s territory');
    assert.equal(figureAt('there are around 30 people seriously injured', '30').counted, 'people');
    assert.equal(figureAt('the five unions meeting Mr Prescott', 'five').counted, 'unions');
  });
});

describe('figures: near-misses that are not figures', () => {
  it('leaves years, dates and times to the dates, or alone', () => {
    assertNoFigure('It began in 2014 and ended on December 8, 2024.');
    assertNoFigure('Posted 12/09/2017 09:03 by admin.');
    assertNoFigure('The meeting starts at 10 am, or at 3 p.m. GMT.');
    assertNoFigure('In 2010, 2011 and 2012 it grew.');
  });

  it('leaves codes, labels and list numbers alone', () => {
    assertNoFigure('[Phone] 02-398-8585');
    assertNoFigure('He lives at No. 10 and read Article 5 of Resolution 2254.');
    assertNoFigure('Boeing 737 jets and Halo 2 fans.');
    assertNoFigure('See https://example.com/2017/4300 or mail a1@b2.com.');
    assertNoFigure('1. First item\n2. Second item');
    assertNoFigure('It shipped Endorphin v2.0 this year.');
    assertNoFigure('Kenteris, 31, who won gold, spoke.');
    assertNoFigure('They reached the last 16 and the top 10.');
    assertNoFigure('Call 0800 555 111 or +1 877 268 9324, or dial 911. 2+2=5.');
  });

  it('leaves "one" as a pronoun or determiner alone, and ordinals unless a unit of time follows', () => {
    assertNoFigure('One of the bases closed. No one knew. They helped one another.');
    assertNoFigure('One official said one day they would return.');
    assertNoFigure('He was the first to arrive, in the second-largest city.');
    const seventh = figureAt('the war, now in its seventh year, came', 'seventh');
    assert.deepEqual([seventh.kind, seventh.value, seventh.unit, seventh.text], ['ordinal', 7, 'year', 'seventh year']);
    assert.equal(figureAt('at least one person was killed', 'one').value, 1);
  });

  it('does not tag spelled numbers that count nothing', () => {
    assertNoFigure('The two met in Geneva.');
    assertNoFigure('Formula One and Channel Four.');
  });
});

describe('figures: offsets, line endings and hostile input', () => {
  it('keeps exact UTF-16 offsets after emoji and accented text', () => {
    const text = '😀 Ödön 🇸🇾 said some 4,300 Russian military and 85% of señoras 👍🏽 agreed.';
    const figures = figuresOf(text);
    for (const f of figures) assert.equal(text.slice(f.start, f.end), f.text);
    assert.equal(figures[0]!.start, text.indexOf('some 4,300'));
    assert.equal(figures[1]!.start, text.indexOf('85%'));
  });

  it('reads CRLF text the same as LF text', () => {
    const lf = 'Some 4,300 Russian military\nare deployed; about 85 percent\nof it.\n';
    const crlf = lf.replace(/\n/g, '\r\n');
    assert.deepEqual(figuresOf(crlf).map((f) => [f.text, f.value, f.counted]), figuresOf(lf).map((f) => [f.text, f.value, f.counted]));
  });

  it('survives pathological input with sane results', () => {
    const commas = Array.from({ length: 100_000 }, () => '1').join(',');
    assert.deepEqual(figuresOf(commas), []);
    const digits = '7'.repeat(10_000);
    assert.deepEqual(figuresOf(`There were ${digits} of them.`), []);
    const long = 'some 4,300 troops and two bases in 2017 '.repeat(5000);
    const figures = figuresOf(long);
    assert.equal(figures.length, 10_000);
    assert.ok(figures.every((f) => long.slice(f.start, f.end) === f.text));
  });
});

describe('figures: hover text', () => {
  it('reads like “some 4,300” → about 4,300 Russian military (hedge: some)', () => {
    const text = readSeed('000');
    const f = figureAt(text, 'some 4,300');
    const hover = describeFigure(f, analyze(text));
    assert.match(hover, /“some 4,300” → about 4,300 Russian military \(hedge: some\)/);
    assert.match(hover, /3,870 to 4,730/);
    assert.equal(figureSummary(figureAt('over 35 percent of the province', '35')), 'at least 35% of province (hedge: over)');
    assert.equal(figureSummary(figureAt('a 49-year deal', '49')), '49 years (deal)');
    assert.match(describeFigure(figureAt('more than 4,000', '4,000')), /4,000 or more/);
  });

  it('names the original of a conversion', () => {
    const text = 'militants who hold approximately 27,000 square kilometers (10,425 square miles), the remaining 15 percent';
    const analysis = analyze(text);
    assert.match(describeFigure(analysis.figures[1]!, analysis), /Restates “approximately 27,000 square kilometers” in other units/);
  });
});

describe('figures: the seed articles', () => {
  it('000: counts, hedges, durations and a percentage', () => {
    const text = readSeed('000');
    const some = figureAt(text, 'some 4,300');
    assert.deepEqual([some.kind, some.value, some.hedge, some.hedgeKind, some.counted, some.low, some.high], ['count', 4300, 'some', 'approximate', 'Russian military', 3870, 4730]);
    const over = figureAt(text, 'over 35 percent');
    assert.deepEqual([over.kind, over.value, over.hedgeKind, over.low, over.high, over.counted], ['percent', 35, 'at-least', 35, Infinity, 'province']);
    const nearly = figureAt(text, 'nearly three years');
    assert.deepEqual([nearly.kind, nearly.value, nearly.unit, nearly.hedgeKind], ['duration', 3, 'year', 'approximate']);
    assert.deepEqual([figureAt(text, '49-year').kind, figureAt(text, '49-year').value, figureAt(text, '49-year').counted], ['duration', 49, 'deal']);
    const around = figureAt(text, 'around 300,000');
    assert.deepEqual([around.value, around.counted, around.hedgeKind], [300000, 'people', 'approximate']);
    assert.deepEqual([figureAt(text, 'nine months').value, figureAt(text, 'nine months').unit], [9, 'month']);
    assert.deepEqual(figuresOf(text).filter((f) => f.value === 2).map((f) => f.counted), ['military bases', 'Russian military bases', 'military bases']);
    // no years among the figures
    assert.ok(!figuresOf(text).some((f) => [2011, 2014].includes(f.value)));
    assert.equal(figuresOf(text).length, 9);
  });

  it('004: percentages that add up, a bracketed conversion, hedges', () => {
    const text = readSeed('004');
    const about = figureAt(text, 'about 85 percent');
    assert.deepEqual([about.kind, about.value, about.hedgeKind], ['percent', 85, 'approximate']);
    const figures = figuresOf(text);
    const km = figures.find((f) => f.text.includes('27,000 square kilometers'))!;
    const mi = figures.find((f) => f.text.includes('10,425 square miles'))!;
    assert.equal(mi.conversionOf, figures.indexOf(km));
    assert.deepEqual([km.unit, mi.unit, km.hedge], ['km2', 'mi2', 'approximately']);
    assert.deepEqual([figureAt(text, '15 percent').value, figureAt(text, '15 percent').kind], [15, 'percent']);
    const eight = figureAt(text, 'at least eight');
    assert.deepEqual([eight.value, eight.hedgeKind, eight.counted], [8, 'at-least', 'civilians']);
    const exceeded = figureAt(text, '4,300');
    assert.deepEqual([exceeded.hedgeKind, exceeded.low], ['at-least', 4300]);
    assert.equal(figureAt(text, 'two years').unit, 'year');
    assert.equal(figureAt(text, 'seventh year').kind, 'ordinal');
    assert.ok(!figures.some((f) => f.text.includes('09') || f.value === 2017));
  });

  it('001, 002, 003: the remaining seeds', () => {
    assert.deepEqual(figuresOf(readSeed('001')).map((f) => [f.text, f.kind, f.value]), [['49 years', 'duration', 49]]);
    assert.deepEqual(figuresOf(readSeed('002')).map((f) => [f.text, f.counted]), [['two', 'military installations']]);
    assert.deepEqual(figuresOf(readSeed('003')).map((f) => [f.text, f.counted]), [['two', 'military bases'], ['two', 'military bases']]);
  });
});
