import assert from 'node:assert/strict';
import { test } from 'node:test';
import { slugify } from './slugify.js';

test('English headlines keep their words, apostrophes dropped', () => {
  assert.equal(
    slugify("NATO has rejected Russia's Request to Withdraw Troops from Bulgaria and Romania"),
    'nato-has-rejected-russias-request-to-withdraw-troops-from-bulgaria-and-romania',
  );
});

test('Bulgarian Cyrillic is romanised by the official system', () => {
  assert.equal(slugify('Пътят на щъркелите'), 'patyat-na-shtarkelite');
  assert.equal(slugify('Жива вода в Южна България'), 'zhiva-voda-v-yuzhna-balgariya');
  assert.equal(slugify('Цените на хляба и чая'), 'tsenite-na-hlyaba-i-chaya');
  assert.equal(
    slugify('Кирил Петков: „България е суверенна държава“'),
    'kiril-petkov-balgariya-e-suverenna-darzhava',
  );
});

test('accents, punctuation and emoji leave a clean slug', () => {
  assert.equal(slugify('Café déjà vu — 100% «sure»?! 🚀'), 'cafe-deja-vu-100-sure');
});

test('long titles are cut at a word, at most 80 characters', () => {
  const slug = slugify('word '.repeat(40));
  assert.ok(slug.length <= 80);
  assert.match(slug, /^word(-word)*$/);
});

test('a title with nothing to keep gives an empty slug (the service then uses "article")', () => {
  assert.equal(slugify('🚀🔥!!!'), '');
});
