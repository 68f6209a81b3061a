import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { extractText } from './extract-text.js';

const SEED = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../shared/seed/000_269df5a04ef82aa6.txt',
);

test('the seed page, pasted as text: headline, section, date, lead, body without the page around it, tags, source', (t) => {
  if (!fs.existsSync(SEED)) return t.skip('../shared/seed/ is not beside the project');
  const page = extractText(fs.readFileSync(SEED, 'utf8'), { timeZone: 'Europe/Sofia' });
  assert.equal(page.title, "NATO has rejected Russia's Request to Withdraw Troops from Bulgaria and Romania");
  assert.equal(page.section, 'Defense');
  assert.equal(page.published, '2022-01-22T10:06:00.000Z', '12:06 in Sofia');
  assert.equal(
    page.lead,
    "NATO rejects Russia's demand for the withdrawal of Alliance troops from Bulgaria and Romania, BNR reports.",
  );
  assert.deepEqual(page.tags, ['Russia', 'Ukraine', 'NATO', 'Bulgaria', 'Romania']);
  assert.equal(page.source, 'ClubZ');
  assert.equal(page.paragraphs.length, 14);
  assert.match(page.paragraphs[1], /^The Pact “will not give up/);
  assert.match(page.paragraphs.at(-1)!, /^The Lithuanian Ministry said/);
  // The other articles' headlines set between the paragraphs, and the page's furniture, are out.
  const body = page.paragraphs.join('\n');
  for (const furniture of [
    "Russia's Foreign Ministry: NATO forces Must be Withdrawn",
    'Bulgarian PM: Bulgaria is a Sovereign State',
    "Romania: Russia's Request for the Withdrawal",
    'After the Lavrov-Blinken meeting',
    'Follow Novinite.com',
    'We need your support',
    'Tags:',
    'Back',
    'Related Articles',
    'Search',
    'views',
    '/ClubZ',
  ])
    assert.ok(!body.includes(furniture), `"${furniture}" is not body text`);
  assert.equal(page.dropped.filter((line) => /:/.test(line) && !/Related/.test(line)).length, 4);
});

test('another layout, in our own words: day-first date, a dot before it, read-also and share lines, comments after', () => {
  const page = extractText(
    [
      'Harbour authority approves a second ferry line to the islands',
      '',
      'Economy · 14 March 2025, 09:30 · 1,204 views',
      'Share on Facebook',
      '',
      'The port of Varna will open a second passenger ferry line in June, its harbour authority said on Friday.',
      'The new line will run twice a day in summer and once a day from October, the authority said.',
      'Read also: Ticket prices on coastal buses rise by a tenth',
      'Island councils had asked for the line for three years',
      '“This brings the islands within an hour of the city,” the authority’s director told reporters.',
      'Cookies help us run this site. By continuing you accept our privacy policy and cookie settings.',
      '/Harbour Desk',
      'Tags: Varna; ferries; transport',
      'Comments (3)',
      'I hope they keep the old boat too.',
    ].join('\n'),
    { timeZone: 'Europe/Sofia' },
  );
  assert.equal(page.title, 'Harbour authority approves a second ferry line to the islands');
  assert.equal(page.section, 'Economy');
  assert.equal(page.published, '2025-03-14T07:30:00.000Z');
  assert.deepEqual(page.paragraphs, [
    'The port of Varna will open a second passenger ferry line in June, its harbour authority said on Friday.',
    'The new line will run twice a day in summer and once a day from October, the authority said.',
    '“This brings the islands within an hour of the city,” the authority’s director told reporters.',
  ]);
  assert.equal(page.lead, page.paragraphs[0]);
  assert.deepEqual(page.tags, ['Varna', 'ferries', 'transport']);
  assert.equal(page.source, 'Harbour Desk');
  assert.ok(page.dropped.includes('Island councils had asked for the line for three years'));
  assert.ok(page.dropped.includes('Comments (3)'));
  assert.ok(!page.paragraphs.some((p) => /old boat/.test(p)), 'a comment is not the article');
});

test('text with no dateline, tags or credit still gives a headline and paragraphs; empty text is refused', () => {
  const page = extractText('A headline\n\nFirst paragraph.\nSecond paragraph!\n');
  assert.equal(page.published, null);
  assert.equal(page.section, null);
  assert.deepEqual(page.paragraphs, ['First paragraph.', 'Second paragraph!']);
  assert.deepEqual(page.tags, []);
  assert.throws(() => extractText(' \n\u0007\n'), /the text is empty/);
});
