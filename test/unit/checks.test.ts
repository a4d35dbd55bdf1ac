// Each consistency check on small articles: what it flags (hits) and what it must leave alone (near-misses); then
// the runner: settings (severity, off, cap) and .corroborate.json (off, ignore, notSameFact).
import { strict as assert } from 'node:assert';
import { CHECK_KINDS, DEFAULT_CHECK_SETTINGS, settingNameOf, type CheckKind, type CheckSettings } from '../../server/src/checks/index';
import { convert } from '../../server/src/checks/unitConversion';
import { parseSettings } from '../../server/src/settings';
import { checkWorkspace, oneArticle } from './checks-support';

const checksOf = async (body: string, date?: string) => (await oneArticle(body, date)).findings('a.txt').map((f) => `${f.check}: ${f.text}`);

const settingsWith = (levels: Partial<Record<CheckKind, CheckSettings['levels'][CheckKind]>>, maxPerFile = 50): CheckSettings => ({
  levels: { ...DEFAULT_CHECK_SETTINGS.levels, ...levels },
  maxPerFile,
});

describe('checks', function () {
  this.timeout(30_000);

  describe('percent sum', function () {
    it('flags parts of one whole that miss 100', async function () {
      assert.deepEqual(await checksOf('They hold 85 percent of the land; the remaining 25 percent is contested.'), ['percent-sum: 25 percent']);
      assert.deepEqual(await checksOf('Of the budget, 70 percent goes to defence and 45 percent to salaries, the rest to roads.'), ['percent-sum: 45 percent']);
    });
    it('leaves sums within rounding, open-ended parts and changes alone', async function () {
      assert.deepEqual(await checksOf('They hold about 85 percent of the land; the remaining 15 percent is contested.'), []);
      assert.deepEqual(await checksOf('Each holds 33.3 percent of the seats, 33.3 percent and the remaining 33.3 percent.'), []);
      assert.deepEqual(await checksOf('Militants control more than 35 percent of the land, and the remaining 60 percent is held by the army.'), []);
      assert.deepEqual(await checksOf('Sales rose 20 percent, while the remaining 30 percent of stock was sold.'), []);
    });
  });

  describe('unit conversion', function () {
    it('converts between the units news uses', function () {
      assert.ok(Math.abs(convert(27000, 'km2', 'mi2')![0]! - 10424.7) < 1);
      assert.ok(Math.abs(convert(40, 'C', 'F')![0]! - 104) < 1e-9);
      assert.ok(convert(10, 'ton', 't')!.some((v) => Math.abs(v - 9.07) < 0.01));
      assert.equal(convert(1, 'km', 'kg'), undefined);
    });
    it('flags conversions off beyond rounding, with the converted value as the fix', async function () {
      const ws = await oneArticle('The convoy drove 75 kilometres (60 miles).');
      const [finding] = ws.findings('a.txt');
      assert.equal(finding?.check, 'unit-conversion');
      assert.equal(finding?.message, '75 kilometres is about 47 miles, not 60 miles');
      assert.equal(finding?.fixes[0]?.changes[0]?.newText, '47');
    });
    it('leaves rounded conversions, either ton and either gallon alone', async function () {
      assert.deepEqual(await checksOf('It lies 7 km (4 miles) away and covers 27,000 square kilometers (10,425 square miles). The ship took 10 tons (9 tonnes) and 100 gallons (379 litres).'), []);
    });
    it('flags a currency only against the article’s own rate, and only grossly', async function () {
      assert.deepEqual(await checksOf('The deal is worth 481m yuan ($58m), the loan 200m yuan ($24m) and the bonus 100m yuan ($150m).'), ['unit-conversion: $150m']);
      assert.deepEqual(await checksOf('The deal is worth 481m yuan ($58m) and the loan 200m yuan ($26m).'), []);
      assert.deepEqual(await checksOf('The deal is worth 481m yuan ($58m).'), []);
    });
  });

  describe('date arithmetic', function () {
    it('flags terms, spans, “after”, ages and “ago” that do not fit the dates', async function () {
      assert.deepEqual(await checksOf('Russia signed a 49-year lease in 2017 that runs until 2076.'), ['date-arithmetic: 49-year']);
      assert.deepEqual(await checksOf('The nine-month battle, from October 2016 to December 2017, ended.'), ['date-arithmetic: nine-month']);
      assert.deepEqual(await checksOf('In 2019, three years after the 2011 uprising, talks resumed.'), ['date-arithmetic: three years']);
      assert.deepEqual(await checksOf('General Lapin, a 56-year-old born in 1950, leads it.'), ['date-arithmetic: 56-year-old']);
      assert.deepEqual(await checksOf('Two years ago, in 2010, the base was expanded.'), ['date-arithmetic: Two years ago']);
    });
    it('allows a unit either way (inclusive counting, dates known to the month or year)', async function () {
      assert.deepEqual(await checksOf('Russia signed a 49-year lease in 2017 that runs until 2066.'), []);
      assert.deepEqual(await checksOf('Russia signed a 49-year lease in 2017 that runs until 2067.'), []);
      assert.deepEqual(await checksOf('The nine-month battle, from October 2016 to July 2017, ended.'), []);
      assert.deepEqual(await checksOf('His deputy, a 45-year-old born in 1972, joined in June.'), []);
      assert.deepEqual(await checksOf('His deputy, a 44-year-old born in 1972, joined in June.'), []);
      assert.deepEqual(await checksOf('Two years ago, in 2015, the base was expanded.'), []);
    });
    it('says nothing without the dates a relation needs (an undated article)', async function () {
      const ws = await checkWorkspace({ 'a.txt': 'Two years ago, in 2010, the base was expanded. A 56-year-old born in 1950 spoke.' });
      assert.deepEqual(ws.findings('a.txt'), []);
    });
  });

  describe('list count', function () {
    it('flags a count that the list after it contradicts', async function () {
      assert.deepEqual(await checksOf('Moscow has three military bases in Syria: a naval base in Tartus and an air base near Jableh.'), ['list-count: three']);
      const ws = await oneArticle('Peskov named two ministers: Sergei Lavrov, Sergei Shoigu and Dmitry Peskov.');
      const [finding] = ws.findings('a.txt');
      assert.equal(finding?.fixes[0]?.changes[0]?.newText, 'three');
    });
    it('leaves right counts, open lists and clauses after a dash alone', async function () {
      assert.deepEqual(await checksOf('Russia operates two military bases in Syria: a naval base in the port city of Tartus and an air base near Jableh.'), []);
      assert.deepEqual(await checksOf('He visited five cities, including Aleppo and Homs: Aleppo, Homs and Hama.'), []);
      assert.deepEqual(await checksOf('Officers fired 11 shots — the autopsy showed that seven bullets entered his body.'), []);
      assert.deepEqual(await checksOf('The quake struck seven km (4 miles) east of the town.'), []);
    });
  });

  describe('weekday-date', function () {
    it('flags a weekday the calendar contradicts, with the right weekday as the fix', async function () {
      const ws = await oneArticle('The talks opened on Tuesday, December 16, 2024 in Astana.', 'December 17, 2024');
      const [finding] = ws.findings('a.txt');
      assert.equal(finding?.message, '16 December 2024 was a Monday, not a Tuesday');
      assert.equal(finding?.fixes[0]?.changes[0]?.newText, 'Monday');
    });
    it('leaves right weekdays and numeric dates settled by their weekday alone', async function () {
      assert.deepEqual(await checksOf('The talks opened on Monday, December 16, 2024.', 'December 17, 2024'), []);
      assert.deepEqual(await checksOf('The draft was published on Tuesday, 12/09/2017.', 'September 13, 2017'), []);
      assert.deepEqual(await checksOf('Russia\'s military on Tuesday said it had won.', '12/09/2017 09:03'), []);
    });
  });

  describe('figures across and within articles', function () {
    const day = 'November 6, 2017';
    const article = (body: string, date = day) => `Title\n\n${date}\n\n${body}\n`;

    it('flags the same claim at the same time with figures that cannot both be right', async function () {
      const ws = await checkWorkspace({
        'a.txt': article('Some 4,300 Russian military are deployed in Syria.'),
        'b.txt': article('The Kremlin said 5,000 Russian troops are stationed in Syria.'),
      });
      assert.deepEqual(ws.all(), ['a.txt: [cross-file-figure] Some 4,300', 'b.txt: [cross-file-figure] 5,000']);
    });
    it('leaves overlapping hedges, other days, other places, quotes and the future alone', async function () {
      const ws = await checkWorkspace({
        'a.txt': article('Some 4,300 Russian military are deployed in Syria.'),
        'b.txt': article('More than 4,000 Russian troops are in Syria.'),
        'c.txt': article('Russia had 2,000 troops in Syria.', 'March 2, 2016'),
        'd.txt': article('Russia has 9,000 troops in Ukraine.'),
        'e.txt': article('"We have 6,000 Russian troops in Syria," he said.'),
        'f.txt': article('Russia will send 8,000 Russian troops to Syria.'),
      });
      assert.deepEqual(ws.all(), []);
    });
    it('does not compare tolls of reports of different days (tolls rise)', async function () {
      const ws = await checkWorkspace({
        'a.txt': article('Ten people were killed when the quake struck Qeshm.', 'November 28, 2005'),
        'b.txt': article('The quake killed 25 people on Qeshm.', 'November 30, 2005'),
      });
      assert.deepEqual(ws.all(), []);
    });
    it('flags a second, different figure for one fact within an article; an attributed disagreement is information', async function () {
      const ws = await oneArticle('Five people were killed in the blast in Aleppo, officials said.\n\nThe blast in Aleppo killed eight people, officials said.\n\nIran\'s state television said the quake measured magnitude 5.9. The U.S. Geological Survey put the quake\'s strength at magnitude 6.1.');
      assert.deepEqual(ws.findings('a.txt').map((f) => `${f.check} ${f.severity}: ${f.text}`), ['within-file-figure warning: eight', 'within-file-figure information: magnitude 6.1']);
    });
  });

  describe('the runner', function () {
    const conflicting = {
      'news/a.txt': 'Title\n\nNovember 6, 2017\n\nSome 4,300 Russian military are deployed in Syria. They hold 85 percent of the land; the remaining 25 percent is contested.\n',
      'news/b.txt': 'Title\n\nNovember 6, 2017\n\nThe Kremlin said 5,000 Russian troops are stationed in Syria.\n',
    };

    it('rates findings by the settings, and turns checks off', async function () {
      const ws = await checkWorkspace(conflicting);
      assert.deepEqual(ws.findings('news/a.txt', settingsWith({ 'percent-sum': 'error' })).map((f) => `${f.check} ${f.severity}`), ['cross-file-figure warning', 'percent-sum error']);
      assert.deepEqual(ws.findings('news/a.txt', settingsWith({ 'cross-file-figure': 'off', 'percent-sum': 'hint' })).map((f) => `${f.check} ${f.severity}`), ['percent-sum hint']);
    });
    it('caps the findings per file, keeping the most severe', async function () {
      const ws = await checkWorkspace(conflicting);
      assert.deepEqual(ws.findings('news/a.txt', settingsWith({ 'percent-sum': 'error' }, 1)).map((f) => f.check), ['percent-sum']);
    });
    it('honours .corroborate.json: files off, checks off per file, dismissed findings, “not the same fact”', async function () {
      const config = (value: unknown) => ({ ...conflicting, '.corroborate.json': JSON.stringify(value) });
      let ws = await checkWorkspace(config({ off: ['news/a.txt'] }));
      assert.deepEqual(ws.all(), ['news/b.txt: [cross-file-figure] 5,000']);
      ws = await checkWorkspace(config({ off: [{ files: 'news/*.txt', checks: ['percent-sum'] }] }));
      assert.deepEqual(ws.all(), ['news/a.txt: [cross-file-figure] Some 4,300', 'news/b.txt: [cross-file-figure] 5,000']);
      ws = await checkWorkspace(config({ ignore: [{ check: 'cross-file-figure', file: 'news/b.txt', text: '5,000' }] }));
      assert.deepEqual(ws.all(), ['news/a.txt: [cross-file-figure] Some 4,300', 'news/a.txt: [percent-sum] 25 percent']);
      ws = await checkWorkspace(config({ notSameFact: [[{ file: 'news/b.txt', figure: '5,000' }, { file: 'news/a.txt', figure: 'Some 4,300' }]] }));
      assert.deepEqual(ws.all(), ['news/a.txt: [percent-sum] 25 percent']);
    });
    it('follows edits: a fixed article clears the other article’s finding', async function () {
      const ws = await checkWorkspace(conflicting);
      assert.equal(ws.findings('news/b.txt').length, 1);
      assert.deepEqual(ws.runner.affectedBy(ws.uri('news/a.txt')), [ws.uri('news/a.txt'), ws.uri('news/b.txt')]);
      ws.fs.write('/ws/news/a.txt', conflicting['news/a.txt'].replace('Some 4,300', 'Some 5,000'));
      await ws.indexer.fileChanged('/ws/news/a.txt');
      ws.indexer.index.flush();
      assert.deepEqual(ws.findings('news/b.txt'), []);
    });
    it('names a setting per check kind', function () {
      assert.deepEqual(CHECK_KINDS.map(settingNameOf), ['crossFileFigure', 'withinFileFigure', 'percentSum', 'unitConversion', 'dateArithmetic', 'listCount', 'weekdayDate']);
    });
  });
});

describe('checks: settings and positions', function () {
  this.timeout(30_000);

  it('reads corroborate.checks.<kind> and maxPerFile, falling back to defaults for bad values', async function () {
    const { settings, problems } = parseSettings({ checks: { percentSum: 'off', crossFileFigure: 'error', listCount: 'loud', maxPerFile: 3 } });
    assert.equal(settings.checks.levels['percent-sum'], 'off');
    assert.equal(settings.checks.levels['cross-file-figure'], 'error');
    assert.equal(settings.checks.levels['list-count'], 'warning');
    assert.equal(settings.checks.maxPerFile, 3);
    assert.deepEqual(problems, ['corroborate.checks.listCount: "loud" is not valid; using "warning"']);
  });

  it('places findings in UTF-16 code units on the right line, with CRLF line ends and astral characters', async function () {
    const ws = await checkWorkspace({ 'a.txt': 'Title 🗞️\r\n\r\nDecember 17, 2024\r\n\r\n🗞️🗞️ The talks opened on Tuesday, December 16, 2024 in Astana.\r\n' });
    const [finding] = ws.findings('a.txt');
    assert.equal(finding?.check, 'weekday-date');
    assert.equal(finding.at.line, 4);
    const line = '🗞️🗞️ The talks opened on Tuesday, December 16, 2024 in Astana.';
    assert.equal(finding.at.character, line.indexOf('on Tuesday'));
  });
});
