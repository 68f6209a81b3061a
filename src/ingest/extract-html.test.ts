import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { decodeHtml, extractHtml } from './extract-html.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test/fixtures/extract');
const page = (name: string) => fs.readFileSync(path.join(FIXTURES, name));

test('a news page with full metadata: the article, none of the page around it', () => {
  const article = extractHtml(decodeHtml(page('harbour-wire.html')), {
    url: 'https://courier.example/economy/ferry-line',
    timeZone: 'Europe/Sofia',
  });
  assert.equal(article.title, 'Harbour authority approves a second ferry line to the islands');
  assert.equal(article.byline, 'Elena Petrova');
  assert.equal(article.published, '2025-03-14T07:30:00.000Z');
  assert.equal(article.section, 'Economy');
  assert.deepEqual(article.tags, ['Varna', 'Ferries', 'Transport']);
  assert.equal(
    article.lead,
    'The harbour authority has approved a second passenger ferry line, to run from June.',
  );
  assert.deepEqual(article.paragraphs, [
    'The harbour authority has approved a second passenger ferry line, to run from June.',
    'The port of Varna will open a second passenger ferry line in June, its harbour authority said on Friday, after three years of requests from the island councils.',
    'The new line will run twice a day in summer and once a day from October, and will stop at both of the larger islands on the way out.',
    'Two new boats',
    'The authority has leased two smaller boats for the line, each with room for 180 passengers and a dozen cars, from a shipyard in the north of the country.',
    '“This brings the islands within an hour of the city, in every season,” the authority’s director, Maria Stoeva, told reporters.',
    'Fares will match those of the existing line, the authority said, and residents of the islands will keep their discount of one half.',
    'Summer timetable: 07:00 and 17:30 from the city.',
    'Winter timetable: 08:15 from the city.',
    'The councils said they would ask next for a night crossing on Fridays.',
  ]);
  assert.deepEqual(article.images, [
    {
      src: 'https://courier.example/img/ferry-800.jpg',
      alt: 'A white ferry leaving the harbour at dawn',
      caption: 'The current ferry leaves the harbour at dawn. Photo: Ivan Kolev',
    },
  ]);
  assert.deepEqual(article.dropped, [
    'Read also: Ticket prices on coastal buses rise by a tenth',
    'Island school reopens after two winters',
    'Independent local journalism needs your support. Donate to the Courier.',
  ]);
  const all = article.paragraphs.join(' ');
  for (const furniture of ['cookies', 'Share on', 'Follow the', 'Fishing fleet', 'old boat', 'All rights'])
    assert.ok(!all.includes(furniture), furniture);
});

test('an old-style page in windows-1251, with no metadata: date, section and tags from its text', () => {
  const article = extractHtml(decodeHtml(page('partner-1251.html')), { timeZone: 'Europe/Sofia' });
  assert.equal(article.title, 'Общината пуска нов автобус до летището');
  assert.equal(article.published, '2022-01-22T10:06:00.000Z', '12:06 in Sofia');
  assert.equal(article.section, 'Регион');
  assert.deepEqual(article.tags, ['летище', 'автобус', 'градски транспорт']);
  assert.equal(article.paragraphs.length, 5);
  assert.equal(
    article.lead,
    'От понеделник градският транспорт ще има пряка линия до летището, съобщиха от общината.',
  );
  assert.deepEqual(article.dropped, ['Таксиметровите шофьори протестират срещу новите тарифи']);
  assert.ok(!article.paragraphs.join(' ').includes('Най-четени'));
});

test('the charset comes from the answer, a byte-order mark or the page; an unknown one is named', () => {
  const cyrillic = Buffer.from([0xcd, 0xee, 0xe2, 0xe8, 0xed, 0xe8]); // "Новини" in windows-1251
  assert.match(decodeHtml(cyrillic, 'text/html; charset=windows-1251'), /^Новини$/);
  assert.match(
    decodeHtml(Buffer.concat([Buffer.from('<meta charset="windows-1251">'), cyrillic])),
    /Новини$/,
  );
  assert.equal(decodeHtml(Buffer.from('\ufeffé', 'utf8')), 'é', 'a UTF-8 byte-order mark, read and dropped');
  assert.throws(
    () => decodeHtml(Buffer.from('<meta charset="klingon-8">')),
    /declares the charset "klingon-8"/,
  );
  assert.throws(
    () => extractHtml('<html><body><nav><a href="/">Home</a></nav></body></html>'),
    /no article text found/,
  );
});

test('every fixture page gives exactly the body a person marked by hand, and its metadata', () => {
  const expected: Record<
    string,
    { byline: string | null; section: string | null; tags: string[]; published: string }
  > = {
    'harbour-wire.html': {
      byline: 'Elena Petrova',
      section: 'Economy',
      tags: ['Varna', 'Ferries', 'Transport'],
      published: '2025-03-14T07:30:00.000Z',
    },
    'partner-1251.html': {
      byline: null,
      section: 'Регион',
      tags: ['летище', 'автобус', 'градски транспорт'],
      published: '2022-01-22T10:06:00.000Z',
    },
    'wordpress-theme.html': {
      byline: 'Georgi Nikolov',
      section: 'Travel',
      tags: ['railways', 'Ruse'],
      published: '2024-11-02T18:45:00.000Z',
    },
    'wire-dateline.html': {
      byline: 'Nadia Ilieva and Tom Reeve',
      section: 'Markets',
      tags: ['grain', 'ports', 'Varna', 'Burgas', 'exports'],
      published: '2024-07-08T06:12:00.000Z',
    },
    'regional-daily.html': {
      byline: 'Ana Petkova',
      section: 'Mountains',
      tags: ['Bansko', 'mountain rescue'],
      published: '2023-10-19T04:05:00.000Z',
    },
    'magazine-longread.html': {
      byline: 'Vera Angelova',
      section: 'Features',
      tags: [],
      published: '2024-05-25T07:00:00.000Z',
    },
  };
  const pages = fs.readdirSync(FIXTURES).filter((name) => name.endsWith('.html'));
  assert.deepEqual(pages.sort(), Object.keys(expected).sort());
  for (const name of pages) {
    const article = extractHtml(decodeHtml(page(name)), { timeZone: 'Europe/Sofia' });
    const marked = fs
      .readFileSync(path.join(FIXTURES, name.replace(/\.html$/, '.expected.txt')), 'utf8')
      .trim()
      .split('\n\n');
    assert.deepEqual(article.paragraphs, marked, name);
    const { byline, section, tags, published } = article;
    assert.deepEqual({ byline, section, tags, published }, expected[name], name);
  }
});
