import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readFeed } from './feed-items.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test/fixtures/feeds');
const NOW = new Date('2025-06-01T00:00:00Z');
const read = (name: string, contentType?: string) =>
  readFeed(fs.readFileSync(path.join(FIXTURES, name)), {
    url: `https://partner.example/feeds/${name}`,
    now: NOW,
    contentType,
  });

test('a messy RSS feed: HTML and double escapes in titles, relative links, bad and future dates, missing GUIDs', () => {
  const feed = read('messy-rss.xml');
  assert.equal(feed.title, 'Coastal Courier & Friends');
  assert.deepEqual(
    feed.items.map((i) => [i.guid, i.title, i.link, i.published]),
    [
      [
        'courier-4411',
        'Ferry line approved for the islands',
        'https://courier.example/economy/ferry-line',
        '2025-03-14T07:30:00.000Z',
      ],
      [
        'https://courier.example/economy/fares',
        'Bus & tram fares rise by a tenth',
        'https://courier.example/economy/fares',
        null,
      ],
      [
        'https://courier.example/news/future',
        'A story from the future',
        'https://courier.example/news/future',
        null,
      ],
      [feed.items[3].guid, 'No link, no guid', null, null],
      ['courier-4414', 'Not a web link', null, null],
    ],
  );
  assert.match(feed.items[3].guid, /^sha256:[0-9a-f]{32}$/);
  assert.equal(
    read('messy-rss.xml').items[3].guid,
    feed.items[3].guid,
    'the same text, the same GUID, fetch after fetch',
  );
  assert.equal(feed.items[0].summary, 'The harbour authority approved a second line.');
  assert.equal(feed.items[0].author, 'Elena Petrova');
  assert.deepEqual(feed.items[0].categories, ['Economy', 'Transport']);
  assert.equal(
    feed.items[1].summary,
    'Fares on buses and trams will rise from May. Monthly cards stay as they are.',
  );
});

test('Atom and JSON Feed give the same shape, full text as paragraphs', () => {
  const atom = read('wire-atom.xml').items[0];
  assert.deepEqual(atom, {
    guid: 'tag:meridian.example,2024:grain-5y',
    link: 'https://meridian.example/markets/grain-5y',
    title: 'Grain exports hit a five-year high',
    published: '2024-07-08T06:12:00.000Z',
    summary: 'Shipments of wheat and maize rose by a fifth in the season to June.',
    text: 'SOFIA, July 8 - Shipments of wheat and maize rose by a fifth.\n\nTraders said freight was cheaper.',
    author: 'Nadia Ilieva',
    categories: ['grain'],
  });
  const json = read('partner.json', 'application/feed+json');
  assert.equal(json.title, 'Highland Daily');
  assert.deepEqual(
    json.items.map((i) => [i.guid, i.published, i.author, i.categories]),
    [
      ['5521', '2023-10-19T04:05:00.000Z', 'Ana Petkova', ['Bansko', 'mountain rescue']],
      ['5522', null, null, []],
    ],
  );
  assert.equal(
    json.items[0].text,
    'The mountain rescue service will base a second helicopter in Bansko.\n\nIt will fly at night when the weather allows.',
  );
});

test('a cut-off windows-1251 feed gives the items before the cut; what is not a feed is an error saying so', () => {
  const feed = read('cut-1251.xml');
  assert.equal(feed.title, 'Новини от Пристанището');
  assert.deepEqual(
    feed.items.map((i) => i.title),
    ['Общината пуска нов автобус до летището', 'Нов паркинг до летището'],
  );
  assert.equal(feed.items[0].published, '2022-01-22T10:06:00.000Z');
  assert.throws(
    () => read('not-a-feed.html'),
    /not-a-feed\.html is not a feed Newsdesk can read \(RSS, Atom or JSON Feed\)/,
  );
  assert.throws(
    () => readFeed(Buffer.from('{"title": "x"}'), { url: 'https://p.example/f.json', now: NOW }),
    /is JSON, but not a JSON Feed/,
  );
  assert.throws(
    () => readFeed(Buffer.from('{"version": '), { url: 'https://p.example/f.json', now: NOW }),
    /its JSON is broken/,
  );
});
