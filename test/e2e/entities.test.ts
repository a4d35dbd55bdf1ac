// People, organisations and places as a reporter sees them in VS Code: each coloured as its own token type (read back
// from the page through the test colours in the settings) and explained on hover.
import { strict as assert } from 'node:assert';
import { e2e } from './hooks';
import { poll } from './harness/poll';
import { report } from './harness/views';
import { seedName } from './seeds';

describe('e2e: entities in seed 003', function () {
  before(async function () {
    await e2e().page.openFile(seedName('003'));
  });

  it('colours a person, an organisation and a place each as its type', async function () {
    const page = e2e().page;
    const person = await poll(() => page.tokenType('Dmitry Peskov', { part: 'Peskov' }), (type) => type === 'person', { timeout: 45_000 });
    assert.equal(person, 'person', '"Peskov" is not painted in the person colour');
    const organization = await poll(() => page.tokenType('Hayat Tahrir al-Sham', { part: 'Tahrir' }), (type) => type === 'organization');
    assert.equal(organization, 'organization', '"Hayat Tahrir al-Sham" is not painted in the organisation colour');
    const place = await poll(() => page.tokenType('port city of Tartus', { part: 'Tartus' }), (type) => type === 'place');
    assert.equal(place, 'place', '"Tartus" is not painted in the place colour');
  });

  it('shows the entity\'s type and title on hover', async function () {
    const text = await e2e().page.hoverText('Dmitry Peskov', { part: 'Peskov', until: (shown) => /Person/.test(shown) });
    report('seed 003 "Dmitry Peskov"', text);
    assert.match(text, /Person/, `hover shows: ${JSON.stringify(text)}`);
    assert.match(text, /spokesman/i, `the hover does not give the title: ${JSON.stringify(text)}`);
    await e2e().page.screenshot('entity-hover');
  });
});
