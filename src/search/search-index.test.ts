import { describe, test as nodeTest, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { sql, type Kysely } from 'kysely';
import {
  ContentEvents,
  createArticle,
  deleteArticle,
  renameTag,
  SYSTEM,
  publishDue,
  updateArticle,
  type Article,
  type ArticleInput,
} from '../content/index.js';
import { paragraphs, publishedArticle, seedTaxonomy, serviceContext } from '../../test/helpers/factories.js';
import { ENGINES } from '../../test/helpers/postgres.js';
import type { Db } from '../db/database.js';
import * as headlineSearch from '../db/migrations/0011-postgres-headline-search.js';
import * as phrasePairs from '../db/migrations/0013-postgres-phrase-pairs.js';
import * as headlinePairs from '../db/migrations/0016-postgres-headline-pairs.js';
import { createSearchIndex, SearchReindexer, wireSearch, type SearchIndex } from './index.js';
import { postgresEngine, wordFrequencies } from './postgres-fts.js';
import { WINDOW } from './ranked-search.js';
import { termsOf } from './snippet.js';
import { toMatchExpression } from './search-query.js';

const NOW = new Date('2024-05-01T12:00:00.000Z');
const HOUR = 3600_000;
const DAY = 24 * HOUR;

/**
 * Every test below runs on each engine: FTS5 on a SQLite file, and text
 * search on PostgreSQL (TEST_DATABASE_URL, else skipped), through the same
 * SearchIndex (createSearchIndex picks by the database).
 */
let engine = ENGINES[0];
const cases: [string, (t: TestContext) => Promise<void>][] = [];
function test(name: string, fn: (t: TestContext) => Promise<void>): void {
  cases.push([name, fn]);
}

/** A seeded newsroom whose search index follows content events, as the app wires it. */
async function newsroom(t: TestContext) {
  const db = await engine.open(t);
  await seedTaxonomy(db);
  const ctx = serviceContext(db, NOW);
  // A failing listener would otherwise be swallowed by the emitter; make it fail the test.
  ctx.events.onError((error) => {
    throw error;
  });
  const index = createSearchIndex(db, ctx.now);
  const queue = new SearchReindexer({
    db,
    index,
    intervalMs: 60_000,
    onError: (error) => {
      throw error;
    },
  });
  t.after(() => queue.stop());
  queue.start();
  wireSearch(ctx.events, index, queue, ctx.now);
  // Unrelated articles, so that terms in the tests are rare, as in a real archive.
  for (const topic of ['Weather', 'Football', 'Markets', 'Theatre']) {
    await publishedArticle(ctx, {
      title: `${topic} report`,
      lead: `All about ${topic}.`,
      body: paragraphs(`${topic} today.`),
    });
  }
  const article = (input: Partial<ArticleInput>) => publishedArticle(ctx, input);
  return { db, ctx, index, queue, article };
}

function ago(ms: number): string {
  return new Date(NOW.getTime() - ms).toISOString();
}

async function foundIds(index: SearchIndex, q: string): Promise<number[]> {
  return (await index.search(q, { limit: 50, offset: 0 })).hits.map((h) => h.article.id);
}

function ids(...articles: Article[]): number[] {
  return articles.map((a) => a.id);
}

test('a headline match outranks a mention in the body, even a shorter and newer one', async (t) => {
  const { index, article } = await newsroom(t);
  // Unweighted bm25 would put the one-word body first: it is the denser match.
  const inBody = await article({
    title: 'Ministers meet',
    body: paragraphs('Bulgaria.'),
    publishedAt: ago(HOUR),
  });
  const inTitle = await article({
    title: 'Bulgaria joins the Schengen area after thirteen years of waiting',
    body: paragraphs('Border checks end.'),
    publishedAt: ago(3 * DAY),
  });

  assert.deepEqual(await foundIds(index, 'bulgaria'), ids(inTitle, inBody));
});

test('among equal matches the newer article comes first', async (t) => {
  const { index, article } = await newsroom(t);
  const older = await article({ title: 'Floods in Varna', publishedAt: ago(40 * DAY) });
  const newest = await article({ title: 'Floods in Varna', publishedAt: ago(HOUR) });
  const newer = await article({ title: 'Floods in Varna', publishedAt: ago(5 * DAY) });

  assert.deepEqual(await foundIds(index, 'varna floods'), ids(newest, newer, older));
});

test('a newer article outranks a slightly better match from last month', async (t) => {
  const { index, article } = await newsroom(t);
  const older = await article({ title: 'Floods in Varna', publishedAt: ago(30 * DAY) });
  const newer = await article({
    title: 'Floods and storms in Varna',
    body: paragraphs('Its body. Varna again.'),
    publishedAt: ago(HOUR),
  });

  assert.deepEqual(await foundIds(index, 'varna'), ids(newer, older));
});

test('snippets mark the matched words in the body, as plain text', async (t) => {
  const { index, article } = await newsroom(t);
  const filler = 'The committee met again on Tuesday to review the annual budget figures in detail.';
  await article({
    title: 'Budget review',
    lead: 'A routine meeting.',
    body: paragraphs(
      filler,
      'Then the minister of finance resigned <b>unexpectedly</b> after the vote.',
      filler,
    ),
  });

  const [hit] = (await index.search('Resigned', { limit: 10, offset: 0 })).hits;
  assert.deepEqual(
    hit.snippet.filter((p) => p.match).map((p) => p.text),
    ['resigned'],
  );
  const text = hit.snippet.map((p) => p.text).join('');
  assert.match(text, /minister of finance resigned <b>unexpectedly<\/b>/);
  assert.ok(text.startsWith('…') && text.endsWith('…'), text);
  assert.doesNotMatch(text, /[\uE000-\uF8FF]/);
});

test('when only the headline matches, the snippet is the start of the lead', async (t) => {
  const { index, article } = await newsroom(t);
  await article({
    title: 'Parliament dissolved',
    lead: 'Elections will follow in spring.',
    body: paragraphs('Nothing more.'),
  });

  const [hit] = (await index.search('parliament', { limit: 10, offset: 0 })).hits;
  assert.deepEqual(hit.snippet, [{ text: 'Elections will follow in spring.', match: false }]);
});

test('marker characters typed into an article never confuse its snippet', async (t) => {
  const { index, article } = await newsroom(t);
  await article({
    title: 'Odd text',
    body: paragraphs('Private \uE000use\uE001 characters near the word zebra.'),
  });

  const [hit] = (await index.search('zebra', { limit: 10, offset: 0 })).hits;
  assert.deepEqual(hit.snippet, [
    { text: 'Private use characters near the word ', match: false },
    { text: 'zebra', match: true },
    { text: '.', match: false },
  ]);
});

test('a quoted phrase matches only that exact phrase', async (t) => {
  const { index, article } = await newsroom(t);
  const exact = await article({ title: 'The prime minister resigns' });
  await article({ title: 'A minister for prime numbers' });

  assert.deepEqual(await foundIds(index, '"prime minister"'), ids(exact));
  assert.equal((await foundIds(index, 'prime minister')).length, 2);
});

test('a hyphenated word finds the articles that write it so, in the text too, and written apart', async (t) => {
  const { index, article } = await newsroom(t);
  const loan = await article({ title: 'City loan', body: paragraphs('A short-term loan was agreed.') });
  const trip = await article({ title: 'A Short-Term trip to Санкт-Петербург', publishedAt: ago(HOUR) });
  const apart = await article({ title: 'Rates', body: paragraphs('In the short term, rates stay.') });
  await article({ title: 'Terms', body: paragraphs('A short answer on the long term.') });

  assert.deepEqual((await foundIds(index, 'short-term')).sort(), ids(loan, trip, apart).sort());
  assert.deepEqual(await foundIds(index, '"SHORT-TERM" loan'), ids(loan));
  assert.deepEqual(await foundIds(index, 'санкт-петербург'), ids(trip));
  // The parts are still words of their own.
  assert.deepEqual((await foundIds(index, 'петербург')).sort(), ids(trip));
});

test('words with digits and signs are found as they are written: COVID-19, 3.5%, F-16', async (t) => {
  const { index, article } = await newsroom(t);
  const covid = await article({ title: 'Clinics', body: paragraphs('COVID-19 cases fell.') });
  const rates = await article({ title: 'Rates', body: paragraphs('Inflation was 3.5% in May.') });
  const jets = await article({ title: 'Jets', lead: 'Two F-16 jets landed.' });

  assert.deepEqual(await foundIds(index, 'covid-19'), ids(covid));
  assert.deepEqual(await foundIds(index, '"Covid-19 cases"'), ids(covid));
  assert.deepEqual(await foundIds(index, '3.5%'), ids(rates));
  assert.deepEqual(await foundIds(index, 'f-16'), ids(jets));
  assert.deepEqual(await foundIds(index, 'covid 19'), ids(covid), 'the words apart');
  assert.deepEqual(await foundIds(index, 'jets 16'), ids(jets));
});

test('a trailing star finds words by their beginning', async (t) => {
  const { index, article } = await newsroom(t);
  const country = await article({ title: 'Bulgaria votes', publishedAt: ago(HOUR) });
  const people = await article({ title: 'Bulgarian farmers protest', publishedAt: ago(2 * HOUR) });

  assert.deepEqual(await foundIds(index, 'bulg*'), ids(country, people));
  assert.deepEqual(await foundIds(index, 'bulg'), []);
});

test('case and accents do not matter', async (t) => {
  const { index, article } = await newsroom(t);
  const zurich = await article({ title: 'Talks in Zürich', lead: 'São Paulo sends an envoy.' });

  for (const q of ['zurich', 'ZÜRICH', 'Zurích', 'sao paulo', 'SÃO PAULO']) {
    assert.deepEqual(await foundIds(index, q), ids(zurich), q);
  }
});

test('Cyrillic text is found, whatever its case', async (t) => {
  const { index, article } = await newsroom(t);
  const sofia = await article({
    title: 'Протест в София',
    body: paragraphs('Хиляди българи излязоха по улиците.'),
  });

  for (const q of ['софия', 'СОФИЯ', 'българи', 'соф*', 'СОФ*', '"излязоха по улиците"']) {
    assert.deepEqual(await foundIds(index, q), ids(sofia), q);
  }
});

test("a word's beginning is looked for in headlines and standfirsts, whole words everywhere", async (t) => {
  const { index, article } = await newsroom(t);
  const headline = await article({ title: 'Ministers meet', body: paragraphs('Talks went on.') });
  const standfirst = await article({ title: 'Talks', lead: 'The ministry said little.' });
  await article({ title: 'Budget', tags: ['Ministries'] });
  const body = await article({ title: 'Weather', body: paragraphs('A minister spoke about rain.') });

  assert.deepEqual((await foundIds(index, 'minist*')).sort(), ids(headline, standfirst).sort());
  // A whole word is found in the text too; PostgreSQL also finds its English stem (ministers).
  assert.deepEqual(
    (await foundIds(index, 'minister')).sort(),
    (engine.name === 'PostgreSQL' ? ids(headline, body) : ids(body)).sort(),
  );
  assert.deepEqual(
    await foundIds(index, 'talks meet*'),
    ids(headline),
    'whole words and beginnings together',
  );
});

test('on PostgreSQL, a word finds its English forms too; on SQLite only itself', async (t) => {
  const { index, article } = await newsroom(t);
  const floods = await article({ title: 'Floods close the road', body: paragraphs('Water rose overnight.') });
  const flooding = await article({ title: 'Rain', body: paragraphs('Flooding is expected in the east.') });
  const flood = await article({ title: 'Flood warning', lead: 'Rivers are high.' });
  const found = (await foundIds(index, 'flood')).sort();
  assert.deepEqual(found, (engine.name === 'PostgreSQL' ? ids(floods, flooding, flood) : ids(flood)).sort());
  // The word as typed still ranks first: only it is in a headline as typed.
  assert.equal((await foundIds(index, 'flood'))[0], flood.id);
});

test('on PostgreSQL, the newest matches come first whether the planner walks or the index finds them all', async (t) => {
  if (engine.name !== 'PostgreSQL') return t.skip('PostgreSQL only');
  const { db, article } = await newsroom(t);
  const rare: number[] = [];
  for (let i = 0; i < 6; i++) {
    const a = await article({
      title: `Harbour story ${i}`,
      body: paragraphs(i % 2 ? 'A regatta.' : 'Calm.'),
    });
    if (i % 2) rare.push(a.id);
  }
  const newest = (word: string, span?: number) =>
    postgresEngine(db, { span }).matcher.text(`"${word}"`, termsOf(`"${word}"`), WINDOW);
  const headlines = (typed: string) => postgresEngine(db).headlineIds(typed, { limit: 3, offset: 1 });
  const before = [await newest('harbour'), await newest('regatta')];
  // Search's older headline matches of a phrase: once there are statistics, the phrase's share
  // is counted in the newest rows.
  const olderHeadlines = (typed: string, beforeId?: number) =>
    postgresEngine(db).matcher.headlines(typed, termsOf(typed), 3, beforeId);
  const olderBefore = [
    await olderHeadlines('"harbour story"'),
    await olderHeadlines('"harbour story"', rare[1]),
  ];
  const headlinesBefore = [
    await headlines('harb'),
    await headlines('story'),
    // The back office reads a phrase's words as words.
    await headlines('"harbour story"'),
  ];
  assert.equal(
    (await wordFrequencies(db).plan(termsOf('"regatta"'), WINDOW)).byIndex,
    false,
    'no statistics yet',
  );
  // With statistics, every word here is rare for a table this small: the GIN index finds them.
  await sql`analyze article_search`.execute(db);
  assert.equal((await wordFrequencies(db).plan(termsOf('"regatta"'), WINDOW)).byIndex, true);
  assert.deepEqual([await newest('harbour'), await newest('regatta')], before);
  assert.deepEqual(before[1], rare.reverse());
  // Asked first about the newest two ids, which hold one match: at that share the next span would
  // reach past the oldest id, so the index finds the others.
  assert.deepEqual(await newest('regatta', 2), before[1]);
  assert.deepEqual(await newest('harbour', 2), before[0]);
  // The back office's headline words, walked or found by the index, in the same order.
  await sql`analyze articles`.execute(db);
  assert.deepEqual(
    [await headlines('harb'), await headlines('story'), await headlines('"harbour story"')],
    headlinesBefore,
  );
  assert.equal(headlinesBefore[0]?.length, 3);
  assert.deepEqual(headlinesBefore[2], headlinesBefore[0]);
  // Search's older headline matches too, by the search table's statistics.
  assert.deepEqual(
    [await olderHeadlines('"harbour story"'), await olderHeadlines('"harbour story"', rare[1])],
    olderBefore,
  );
  assert.equal(olderBefore[0].length, 3);
  assert.ok(olderBefore[1].every((id) => id < rare[1]) && olderBefore[1].length === 3);
});

test('on PostgreSQL, a search row holds little beside its id, its words kept apart, and is still found by them', async (t) => {
  if (engine.name !== 'PostgreSQL') return t.skip('PostgreSQL only');
  const { db, article, index } = await newsroom(t);
  // Articles of news length: a headline and standfirst of a few dozen words, a body of hundreds.
  const words = (n: number, i: number) =>
    Array.from({ length: n }, (_, k) => `word${(k * 7 + i) % 997}x${k % 13}`).join(' ');
  const written: number[] = [];
  for (let i = 0; i < 40; i++) {
    const a = await article({
      title: `Harbour council ${i} ${words(12, i)}`,
      lead: words(30, i + 1),
      body: paragraphs(words(200, i + 2), words(200, i + 3)),
    });
    written.push(a.id);
  }
  const { rows } = await sql<{ n: number; bytes: number }>`select count(*)::int as n,
    pg_relation_size('article_search')::int as bytes from article_search`.execute(db);
  // Migration 0018: about 110 bytes a row; with the headline's words and pairs in it, 1,489 here.
  assert.ok(rows[0].bytes / rows[0].n < 400, `${rows[0].bytes} bytes for ${rows[0].n} rows`);
  // The words kept apart are read back: in headlines (older headline matches) and in the text.
  assert.deepEqual(
    await postgresEngine(db).matcher.headlines('"harbour council"', termsOf('"harbour council"'), 100),
    written.toReversed(),
  );
  assert.deepEqual((await foundIds(index, 'harbour')).toSorted(), written.toSorted());
});

test('on PostgreSQL, older headline matches of several words are read from headline_words, and past a walk cut short from the index', async (t) => {
  if (engine.name !== 'PostgreSQL') return t.skip('PostgreSQL only');
  const { db, article } = await newsroom(t);
  // Every headline or standfirst with one word has the other: whichever is walked, the same entries.
  const first = await article({ title: 'Harbour cranes return' });
  await article({ title: 'Ferries sail again' });
  const second = await article({ title: 'Cranes stand idle', lead: 'At the harbour, nothing moves.' });
  const draft = await article({ title: 'Harbour cranes sold', status: 'draft' });
  const newest = await article({ title: 'Harbour cranes painted' });
  const older = (typed: string, limit: number, beforeId?: number, walk?: number) => {
    const expression = toMatchExpression(typed)!;
    return postgresEngine(db, { walk }).matcher.headlines(expression, termsOf(expression), limit, beforeId);
  };
  // Any status, as one word's are (ranking drops what readers may not see), newest first.
  assert.deepEqual(await older('harbour cranes', 10), ids(newest, draft, second, first));
  assert.deepEqual(await older('CRANES harbour harbour', 10), ids(newest, draft, second, first));
  assert.deepEqual(await older('harbour cranes', 2), ids(newest, draft));
  assert.deepEqual(await older('harbour cranes', 10, draft.id), ids(second, first));
  assert.deepEqual(await older('harbour ferries', 10), []);
  // A walk of one entry finds the newest; the rest, below it, come from the search table's
  // headlines, which hold published articles only.
  assert.deepEqual(await older('harbour cranes', 10, undefined, 1), ids(newest, second, first));
});

test("on PostgreSQL, the back office's headline words follow every article written, edited and deleted", async (t) => {
  if (engine.name !== 'PostgreSQL') return t.skip('PostgreSQL only');
  const { db, ctx, article } = await newsroom(t);
  const cranes = await article({ title: 'Harbour cranes return', lead: 'The port reopens.' });
  const idle = await article({ title: 'Cranes idle', lead: '' });
  const cafe = await article({ title: 'Café reopens', lead: 'Brünnhilde sings.', status: 'draft' });
  const wordsOf = async (id: number) =>
    (
      await sql<{
        word: string;
      }>`select word from headline_words where article_id = ${id} order by word`.execute(db)
    ).rows.map((r) => r.word);
  assert.deepEqual(await wordsOf(cranes.id), ['cranes', 'harbour', 'port', 'reopens', 'return', 'the']);
  assert.deepEqual(await wordsOf(cafe.id), ['brunnhilde', 'cafe', 'reopens', 'sings']);
  // With statistics, every word of a table this small is rare: the B-tree answers.
  await sql`analyze articles`.execute(db);
  const headlines = (typed: string) => postgresEngine(db).headlineIds(typed, { limit: 10, offset: 0 });
  assert.deepEqual(await headlines('cran'), ids(idle, cranes));
  assert.deepEqual(await headlines('CAFÉ'), ids(cafe), 'folded as the headline was');
  assert.deepEqual(await headlines('reop'), ids(cafe, cranes), 'a draft too, newest first');
  assert.deepEqual(await headlines('harb ret'), ids(cranes));
  assert.deepEqual(await headlines('harb idle'), []);
  // With the caller's checks on each id, as the back office's filters are.
  const drafts = await postgresEngine(db).headlineIds('reop', { limit: 10, offset: 0 }, (id) => [
    sql<boolean>`exists (select 1 from articles a where a.id = ${id} and a.status = 'draft')`,
  ]);
  assert.deepEqual(drafts, ids(cafe));
  assert.deepEqual(await headlines('cranesx'), []);

  // An edit moves the article's words; one keeping its headline and standfirst keeps them.
  await updateArticle(ctx, SYSTEM, cranes.id, {
    title: 'Harbour ferries return',
    lead: cranes.lead,
    body: cranes.body,
    section: 'news',
    status: 'published',
  });
  assert.deepEqual(await headlines('cran'), ids(idle));
  assert.deepEqual(await headlines('ferr'), ids(cranes));
  assert.deepEqual(await wordsOf(cranes.id), ['ferries', 'harbour', 'port', 'reopens', 'return', 'the']);
  await updateArticle(ctx, SYSTEM, idle.id, {
    title: idle.title,
    lead: '',
    body: paragraphs('Still idle.'),
    section: 'news',
    status: 'published',
  });
  assert.deepEqual(await wordsOf(idle.id), ['cranes', 'idle']);

  await deleteArticle(ctx, SYSTEM, idle.id);
  assert.deepEqual(await wordsOf(idle.id), []);
  assert.deepEqual(await headlines('cran'), []);
});

test('a rebuild of a site nothing else uses finds what the index found; on PostgreSQL its indexes come back, and so do any a stopped rebuild left missing', async (t) => {
  const { db, index, article } = await newsroom(t);
  await article({ title: 'Harbour strike ends', body: paragraphs('Dockers return to work on Monday.') });
  await article({ title: 'Strike at the harbour', body: paragraphs('The dockers walk out.') });
  const queries = ['"harbour strike"', 'harb*', 'dockers', '"walk out"'];
  const found = async () => Promise.all(queries.map((q) => foundIds(index, q)));
  const indexes = async () =>
    engine.name === 'PostgreSQL'
      ? (
          await sql<{ name: string; definition: string }>`select indexname as name, indexdef as definition
            from pg_indexes where tablename = 'article_search' order by indexname`.execute(db)
        ).rows
      : [];
  const before = { found: await found(), indexes: await indexes() };
  assert.ok(before.found.every((hits) => hits.length > 0));

  assert.equal(await index.rebuild({ alone: true }), 6);
  assert.deepEqual(await found(), before.found);
  assert.deepEqual(await indexes(), before.indexes);

  if (engine.name !== 'PostgreSQL') return;
  // The words, pairs and ids (migration 0015), the headlines' words, and their pairs (0016).
  assert.equal(before.indexes.filter((i) => / USING gin /.test(i.definition)).length, 3);
  // As an import stopped while building the index leaves it; `newsdesk reindex` rebuilds.
  await sql`drop index article_search_entries`.execute(db);
  await index.rebuild();
  assert.deepEqual(await indexes(), before.indexes);
  assert.deepEqual(await found(), before.found);
});

test('on PostgreSQL, migration 0011 gives the articles already indexed their headline words', async (t) => {
  if (engine.name !== 'PostgreSQL') return t.skip('PostgreSQL only');
  const { db, index, article } = await newsroom(t);
  const story = await article({ title: 'Harbour strike ends', body: paragraphs('Dockers return.') });
  // The search table as migration 0010 left it, with its documents, then 0011 again.
  // A migration takes any schema, as the migrator gives it.
  const unknownSchema = db as unknown as Kysely<unknown>;
  await headlineSearch.down(unknownSchema);
  await headlineSearch.up(unknownSchema);

  assert.deepEqual(await foundIds(index, 'harb*'), ids(story), 'a prefix is looked for in headlines');
});

test('a phrase of common words is found by its words side by side, in any field, never across two', async (t) => {
  const { db, index, article } = await newsroom(t);
  const chaff = [];
  for (let i = 0; i < 6; i++)
    chaff.push(
      await article({
        title: `The council ${i}`,
        body: paragraphs('The minister spoke. Then the council met.'),
      }),
    );
  const inBody = await article({ title: 'Budget', body: paragraphs('Then the council minister spoke.') });
  const inTitle = await article({ title: 'Council Minister resigns', publishedAt: ago(HOUR) });
  const inLead = await article({
    title: 'Housing',
    lead: 'A new council; minister pleased.',
    publishedAt: ago(2 * HOUR),
  });
  // The headline's last word and the standfirst's first are not side by side.
  await article({ title: 'Talks with the council', lead: 'Minister absent.', publishedAt: ago(3 * HOUR) });
  if (engine.name === 'PostgreSQL') await sql`analyze article_search`.execute(db);

  // Ranked: in the headline, in the standfirst, in the text.
  assert.deepEqual(await foundIds(index, '"council minister"'), ids(inTitle, inLead, inBody));
  assert.deepEqual(await foundIds(index, '"the council minister spoke"'), ids(inBody));
  assert.deepEqual(await foundIds(index, '"minister council"'), []);
  assert.equal((await foundIds(index, '"the council"')).length, chaff.length + 2);
});

/** How many indexed articles have no pairs in `column` (migrations 0013 and 0016). */
async function withoutPairs(db: Db, column: 'pairs' | 'headline_pairs'): Promise<number> {
  const { rows } = await sql<{
    n: string;
  }>`select count(*) as n from article_search where ${sql.ref(column)} is null`.execute(db);
  return Number(rows[0].n);
}

/** That `missing` is every indexed article, and every one is queued to be written again. */
async function allQueued(db: Db, missing: number): Promise<void> {
  const { rows } = await sql<{ n: string }>`select count(*) as n from article_search`.execute(db);
  assert.equal(missing, Number(rows[0].n));
  assert.equal((await db.selectFrom('search_queue').select('article_id').execute()).length, missing);
}

test('on PostgreSQL, migration 0013 queues the articles already indexed for their word pairs, and phrases are found meanwhile', async (t) => {
  if (engine.name !== 'PostgreSQL') return t.skip('PostgreSQL only');
  const { db, ctx, queue, article } = await newsroom(t);
  const story = await article({
    title: 'Harbour strike ends',
    body: paragraphs('The harbour master said so.'),
  });
  await queue.stop();
  // The search table as migration 0012 left it, then 0013 again. A migration takes any schema, as the migrator gives it.
  const unknownSchema = db as unknown as Kysely<unknown>;
  await phrasePairs.down(unknownSchema);
  await phrasePairs.up(unknownSchema);
  const missing = () => withoutPairs(db, 'pairs');
  await allQueued(db, await missing());
  assert.deepEqual(
    await foundIds(createSearchIndex(db, ctx.now), '"harbour master"'),
    ids(story),
    'from the documents',
  );

  queue.start();
  await queue.idle();
  assert.equal(await missing(), 0);
  const index = createSearchIndex(db, ctx.now);
  assert.deepEqual(await foundIds(index, '"harbour master"'), ids(story), 'by the pairs');
  assert.deepEqual(await foundIds(index, '"master harbour"'), []);
});

test('on PostgreSQL, migration 0016 queues the articles already indexed for their headline pairs, and older headlines hold phrases meanwhile', async (t) => {
  if (engine.name !== 'PostgreSQL') return t.skip('PostgreSQL only');
  const { db, queue, article } = await newsroom(t);
  const story = await article({ title: 'Harbour strike ends', body: paragraphs('Dockers return.') });
  // The headline's last word and the standfirst's first are not side by side.
  await article({ title: 'Talks at the harbour', lead: 'Strike called off.' });
  const inLead = await article({ title: 'Docks', lead: 'The harbour strike is over.' });
  await queue.stop();
  // The search table as migration 0015 left it, then 0016 again. A migration takes any schema, as the migrator gives it.
  const unknownSchema = db as unknown as Kysely<unknown>;
  await headlinePairs.down(unknownSchema);
  await headlinePairs.up(unknownSchema);
  const missing = () => withoutPairs(db, 'headline_pairs');
  await allQueued(db, await missing());
  // Search's older headline matches, as rankedSearch asks past its newest 500 (a new engine: none remembers readiness).
  const older = (typed: string) => {
    const expression = toMatchExpression(typed)!;
    return postgresEngine(db).matcher.headlines(expression, termsOf(expression), 10);
  };
  assert.ok((await older('"harbour strike"')).includes(story.id), "from the headlines' words");

  queue.start();
  await queue.idle();
  assert.equal(await missing(), 0);
  assert.deepEqual(await older('"harbour strike"'), ids(inLead, story), 'by the pairs');
  assert.deepEqual(await older('"strike harbour"'), []);
  // With statistics (the pair's share then decides between walking and the index), the same answers.
  await sql`analyze article_search`.execute(db);
  assert.deepEqual(await older('"harbour strike"'), ids(inLead, story));
  assert.deepEqual(await older('"harbour strike" docks'), ids(inLead));
  assert.deepEqual(
    await older('"the harbour strike is"'),
    ids(inLead),
    'a longer phrase, checked in the headline',
  );
});

test('tags are searchable', async (t) => {
  const { index, article } = await newsroom(t);
  const tagged = await article({ title: 'Polls close', tags: ['Local elections'] });

  assert.deepEqual(await foundIds(index, 'elections'), ids(tagged));
});

test('a word in a tag ranks an article above a newer one with the word only in its text', async (t) => {
  const { index, article } = await newsroom(t);
  const mentioned = await article({ title: 'Results', body: paragraphs('Turnout in the regatta was high.') });
  const tagged = await article({
    title: 'Sailing',
    tags: ['Regatta'],
    body: paragraphs('The regatta ended.'),
    publishedAt: ago(DAY),
  });

  assert.deepEqual(await foundIds(index, 'regatta'), ids(tagged, mentioned));
});

test('a renamed tag is found by its new name once the queue is drained, and a restart finishes the queue', async (t) => {
  const { db, ctx, index, queue, article } = await newsroom(t);
  for (let i = 0; i < 120; i++) await article({ title: `Count ${i}`, tags: ['Local elections'] });
  const tag = await db
    .selectFrom('tags')
    .select('id')
    .where('slug', '=', 'local-elections')
    .executeTakeFirstOrThrow();

  // Stopped, as a server that goes down right after the rename would be: the work stays queued.
  await queue.stop();
  await renameTag(ctx, SYSTEM, tag.id, { name: 'Municipal ballot' });
  const queued = await db.selectFrom('search_queue').select('article_id').execute();
  assert.equal(queued.length, 120, 'every article of the tag is queued');
  assert.deepEqual(await foundIds(index, 'municipal'), [], 'not yet written');

  queue.start();
  await queue.idle();
  const found = await index.search('municipal', { limit: 10, offset: 0 });
  assert.equal(found.total, 120);
  assert.equal(found.hits.length, 10);
  assert.deepEqual(await foundIds(index, 'elections'), [], 'the old name is gone');
  assert.equal((await db.selectFrom('search_queue').select('article_id').execute()).length, 0);
});

test('hostile queries return results or nothing, never an error', async (t) => {
  const { db, index, article } = await newsroom(t);
  await article({ title: 'NATO summit in Vilnius' });
  const junk = Array.from(
    { length: 10_240 },
    (_, i) => '"*()^:-+{}NEAR AND OR NOT ;\'\u0000🔥ЖéNATO '[i % 40],
  ).join('');

  const queries = [
    '"NATO',
    'NATO AND',
    'OR',
    '*',
    'NEAR(',
    '-',
    "'; DROP TABLE articles; --",
    '🔥🚀',
    junk,
    '!?.,;:',
    'NATO"summit',
    'title:NATO',
  ];
  for (const q of queries) {
    const results = await index.search(q, { limit: 10, offset: 0 });
    assert.ok(results.total >= 0 && Array.isArray(results.hits), q.slice(0, 40));
  }
  assert.deepEqual(
    (await index.search('NATO AND', { limit: 10, offset: 0 })).hits.map((h) => h.article.title),
    ['NATO summit in Vilnius'],
  );
  const { rows } = await sql<{ n: number }>`select count(*) as n from articles`.execute(db);
  assert.equal(rows[0].n, 5);
});

test('an empty query finds nothing and asks nothing of the index', async (t) => {
  const { index } = await newsroom(t);

  assert.deepEqual(await index.search('   ', { limit: 10, offset: 0 }), {
    total: 0,
    more: false,
    hits: [],
    query: '',
  });
  assert.deepEqual(await index.search('🔥', { limit: 10, offset: 0 }), {
    total: 0,
    more: false,
    hits: [],
    query: '🔥',
  });
});

test('drafts, scheduled and future-dated articles are never found', async (t) => {
  const { ctx, index } = await newsroom(t);
  const base = { lead: 'Secret plans.', body: paragraphs('Embargoed.'), section: 'news' };
  const unseen = [
    await createArticle(ctx, SYSTEM, { ...base, title: 'Embargo draft', status: 'draft' }),
    await createArticle(ctx, SYSTEM, {
      ...base,
      title: 'Embargo scheduled',
      status: 'scheduled',
      publishedAt: new Date(NOW.getTime() + DAY).toISOString(),
    }),
    await createArticle(ctx, SYSTEM, {
      ...base,
      title: 'Embargo future',
      status: 'published',
      publishedAt: new Date(NOW.getTime() + DAY).toISOString(),
    }),
  ];
  for (const a of unseen) await index.indexArticle(a.id);

  assert.deepEqual(await index.search('embargo', { limit: 10, offset: 0 }), {
    total: 0,
    more: false,
    hits: [],
    query: 'embargo',
  });
});

test('an article already indexed stays hidden while it is not visible now', async (t) => {
  const { ctx, index } = await newsroom(t);
  const scheduled = await createArticle(ctx, SYSTEM, {
    title: 'Budget day',
    body: paragraphs('Numbers.'),
    section: 'news',
    status: 'published',
    publishedAt: new Date(NOW.getTime() + DAY).toISOString(),
  });
  assert.equal(scheduled.status, 'scheduled', 'published with a time to come is a schedule');
  ctx.clock.now = new Date(NOW.getTime() + 2 * DAY);
  await publishDue(ctx, null);
  assert.equal(await index.rebuild(), 5);
  assert.deepEqual(await foundIds(index, 'budget'), ids(scheduled));

  ctx.clock.now = NOW;
  assert.deepEqual(await index.search('budget', { limit: 10, offset: 0 }), {
    total: 0,
    more: false,
    hits: [],
    query: 'budget',
  });
});

test('an article changed back to draft disappears from results', async (t) => {
  const { ctx, index, article } = await newsroom(t);
  const story = await article({ title: 'Mayor resigns', tags: ['City hall'] });
  assert.deepEqual(await foundIds(index, 'mayor'), ids(story));

  await updateArticle(ctx, SYSTEM, story.id, {
    title: story.title,
    body: story.body,
    section: 'news',
    status: 'draft',
  });

  assert.deepEqual(await foundIds(index, 'mayor'), []);
  assert.deepEqual(await foundIds(index, 'city hall'), []);
});

test('an edited article is found by its new words only', async (t) => {
  const { ctx, index, article } = await newsroom(t);
  const story = await article({ title: 'Heatwave warning' });

  await updateArticle(ctx, SYSTEM, story.id, {
    title: 'Storm warning',
    body: story.body,
    section: 'news',
    status: 'published',
  });

  assert.deepEqual(await foundIds(index, 'heatwave'), []);
  assert.deepEqual(await foundIds(index, 'storm'), ids(story));
});

test('results come in pages with the total of all matches', async (t) => {
  const { index, article } = await newsroom(t);
  const stories: Article[] = [];
  for (let i = 0; i < 5; i++)
    stories.push(await article({ title: `Election night ${i + 1}`, publishedAt: ago((i + 1) * HOUR) }));

  const pages = [];
  for (const offset of [0, 2, 4]) pages.push(await index.search('election', { limit: 2, offset }));

  assert.deepEqual(
    pages.map((p) => p.total),
    [5, 5, 5],
  );
  assert.deepEqual(
    pages.map((p) => p.hits.length),
    [2, 2, 1],
  );
  assert.deepEqual(
    pages.flatMap((p) => p.hits.map((h) => h.article.id)),
    ids(...stories),
  );
  assert.deepEqual((await index.search('election', { limit: 2, offset: 10 })).hits, []);
});

test('past the newest 500 matches, an older headline match is still found, and by its new headline once edited', async (t) => {
  const { db, ctx, index } = await newsroom(t);
  const strike = await publishedArticle(ctx, {
    title: 'Harbour strike ends',
    body: paragraphs('Dockers return to work.'),
    publishedAt: ago(400 * DAY),
  });
  // 500 newer mentions in the text alone, indexed by one rebuild.
  const unwired = { ...ctx, events: new ContentEvents() };
  for (let i = 0; i < 500; i++)
    await publishedArticle(unwired, {
      title: `Shipping note ${i + 1}`,
      body: paragraphs('The harbour was quiet.'),
      publishedAt: ago((i + 1) * HOUR),
    });
  await index.rebuild();

  const found = await index.search('harbour', { limit: 3, offset: 0 });
  assert.equal(found.more, true, 'more than the window matches');
  assert.equal(found.hits[0].article.id, strike.id, 'the headline match, a year old, comes first');

  await updateArticle(ctx, SYSTEM, strike.id, {
    title: 'Dock strike ends',
    body: strike.body,
    section: 'news',
    status: 'published',
  });
  assert.ok(
    !(await foundIds(index, 'harbour')).includes(strike.id),
    'its old headline word no longer finds it',
  );
  assert.deepEqual(await foundIds(index, 'dock'), ids(strike));
  const { rows } = await sql<{ n: number }>`select count(*) as n from articles`.execute(db);
  assert.equal(Number(rows[0].n), 505);
});

test('rebuild indexes exactly the visible articles', async (t) => {
  const { db, ctx, index } = await newsroom(t);
  const unwired = { ...ctx, events: new ContentEvents() };
  await publishedArticle(unwired, { title: 'Quiet harbour' });
  await createArticle(unwired, SYSTEM, { title: 'Quiet draft', body: paragraphs('x'), section: 'news' });
  assert.deepEqual(await foundIds(index, 'quiet'), []);

  assert.equal(await index.rebuild(), 5);

  assert.deepEqual(
    (await index.search('quiet', { limit: 10, offset: 0 })).hits.map((h) => h.article.title),
    ['Quiet harbour'],
  );
  const { rows } = await sql<{ n: number }>`select count(*) as n from article_search`.execute(db);
  assert.equal(rows[0].n, 5);
});

for (const each of ENGINES)
  describe(`search on ${each.name}`, { skip: each.skip }, () => {
    for (const [name, fn] of cases)
      nodeTest(name, (t) => {
        engine = each;
        return fn(t);
      });
  });
