/**
 * Drafts written from the Incoming queue ("Write from this"): the tags and
 * section they start with (ingest/incoming.filing.ts), and the partner's copy
 * the editor shows beside the body (admin/pages/original-item-panel.tsx).
 * The demo newsroom's tags and sections; pages read with cheerio. The same in
 * a browser: test/e2e/incoming.test.ts.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as cheerio from 'cheerio';
import { getArticle, insertSource } from '../../src/content/index.js';
import { makeUser, postForm, signIn, type AdminSession } from '../helpers/admin-session.js';
import {
  articleIdBySlug,
  buildDemoApp,
  NATO_SLUG,
  suiteCleanup,
  type TestApp,
} from '../helpers/build-app.js';

const DRILLS = {
  title: 'NATO ships begin a week of drills in the Black Sea',
  summary: 'Minesweepers from Romania, Bulgaria and Turkey join the exercise off Constanta.',
  text: [
    'Eleven ships from five NATO members began a week of drills in the Black Sea on Monday, the Romanian navy said.',
    'The military exercise, held every spring, practises clearing mines from shipping lanes near Constanta and Varna.',
    'Russia called the drills a provocation. <script>alert(1)</script>',
  ].join('\n\n'),
};

describe('a draft written from a partner’s item', () => {
  const cleanup = suiteCleanup();
  let built: TestApp;
  let editor: AdminSession;
  const feeds: Record<string, { feed: number; source: number }> = {};
  let guid = 0;

  const ready = (async () => {
    built = await buildDemoApp(cleanup);
    const { db } = built.app.services;
    for (const [slug, name] of [
      ['harbour-wire', 'Harbour Wire'],
      ['coast-agency', 'Coast Agency'],
    ]) {
      const source = await insertSource(db, { slug, name, url: null });
      const feed = await db
        .insertInto('partner_feeds')
        .values({
          source_id: source.id,
          url: `https://${slug}.example/feed.xml`,
          next_fetch_at: '2099-01-01T00:00:00.000Z',
          created_at: new Date().toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      feeds[slug] = { feed: feed.id, source: source.id };
    }
    await makeUser(built.app, 'editor');
    editor = await signIn(built.app, 'editor@example.org');
  })();

  /** An item in the queue, as the feed poller files it. */
  async function incoming(
    values: {
      title?: string;
      summary?: string;
      text?: string;
      link?: string;
      author?: string;
      published_at?: string;
      duplicate_of?: number;
      categories?: string[];
    },
    from = 'harbour-wire',
  ): Promise<number> {
    const row = await built.app.services.db
      .insertInto('incoming_items')
      .values({
        feed_id: feeds[from].feed,
        source_id: feeds[from].source,
        guid: `item-${++guid}`,
        link: `https://${from}.example/story-${guid}`,
        title: 'An item',
        summary: '',
        text: '',
        author: null,
        published_at: null,
        fetched_at: '2026-05-04T07:30:00.000Z',
        duplicate_of: null,
        article_id: null,
        ...values,
        categories: JSON.stringify(values.categories ?? []),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** "Write from this", as the Incoming page's button posts it: the new draft's id. */
  async function writeFrom(id: number): Promise<number> {
    const response = await postForm(editor, `/admin/incoming/${id}/write`);
    assert.equal(response.statusCode, 303, response.body);
    const [, articleId] = /^\/admin\/articles\/(\d+)\/edit$/.exec(String(response.headers.location)) ?? [];
    assert.ok(articleId, `redirected to the editor, not ${response.headers.location}`);
    return Number(articleId);
  }

  const tagCount = async () =>
    Number(
      (
        await built.app.services.db
          .selectFrom('tags')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  test('starts with the site’s tags its text names, its categories that are tags, and the section those tags are filed in', async () => {
    await ready;
    const tagsBefore = await tagCount();
    const id = await writeFrom(await incoming({ ...DRILLS, categories: ['Diplomacy', 'Breaking news'] }));
    const article = await getArticle(built.app.services.db, id);
    // The five existing tags suggestTags ranks first (Constanta and Turkey are no tags here: they
    // stay suggestions), then the category that is a tag; "Breaking news" is none.
    assert.deepEqual(
      article.tags.map((t) => t.name),
      ['NATO', 'Black Sea', 'Bulgaria', 'Russia', 'Military', 'Diplomacy'],
    );
    assert.equal(article.section.slug, 'defense', 'where published articles carrying those tags mostly are');
    assert.equal(article.status, 'draft');
    assert.equal(article.source?.slug, 'harbour-wire');
    assert.equal(await tagCount(), tagsBefore, 'no tag was created');
  });

  test('goes to the section one of its categories names, case and accents aside', async () => {
    await ready;
    const world = await getArticle(
      built.app.services.db,
      await writeFrom(await incoming({ ...DRILLS, categories: ['Breaking news', 'WORLD'] })),
    );
    assert.equal(world.section.slug, 'world');
    const defense = await getArticle(
      built.app.services.db,
      await writeFrom(await incoming({ title: 'Budget talks', categories: ['Défense', 'Politics'] })),
    );
    assert.equal(defense.section.slug, 'defense', 'the first category that names a section');
  });

  test('that names no tag and no section goes to the first section, untagged', async () => {
    await ready;
    const article = await getArticle(
      built.app.services.db,
      await writeFrom(await incoming({ title: 'A quiet day', summary: 'Nothing happened.' })),
    );
    assert.deepEqual(article.tags, []);
    assert.equal(article.section.slug, 'politics');
  });

  test('opens in the editor beside the partner’s copy: source, time, link, the other partners, the text', async () => {
    await ready;
    const first = await incoming({
      ...DRILLS,
      author: 'Ana <b>Ionescu</b>',
      published_at: '2026-05-04T06:15:00.000Z',
    });
    await incoming(
      { ...DRILLS, duplicate_of: first, link: 'https://coast-agency.example/drills' },
      'coast-agency',
    );
    const id = await writeFrom(first);

    const page = await editor.inject(`/admin/articles/${id}/edit`);
    assert.equal(page.statusCode, 200);
    const $ = cheerio.load(page.body);
    const panel = $('details.ed-original');
    assert.equal(panel.length, 1, 'one panel');
    assert.notEqual(panel.attr('open'), undefined, 'open at first');
    assert.equal(panel.closest('aside').attr('aria-label'), 'Article settings', 'in the sidebar');
    const meta = panel.find('.ed-original__meta').text();
    assert.match(meta, /Harbour Wire, published 4 May 2026, 09:15, by Ana <b>Ionescu<\/b>/);
    assert.match(meta, /Also from: Coast Agency/);
    const links = panel.find('a[href]');
    assert.deepEqual(
      links.toArray().map((a) => [$(a).attr('href'), $(a).attr('target'), $(a).attr('rel')]),
      [
        [`https://harbour-wire.example/story-${guid - 1}`, '_blank', 'noopener noreferrer'],
        ['https://coast-agency.example/drills', '_blank', 'noopener noreferrer'],
      ],
    );
    const copy = panel.find('[role="region"]');
    assert.equal(copy.attr('aria-label'), 'The partner’s copy');
    assert.equal(copy.find('h3').text(), DRILLS.title);
    assert.deepEqual(
      copy
        .find('p')
        .toArray()
        .map((p) => $(p).text()),
      [DRILLS.summary, ...DRILLS.text.split('\n\n')],
      'the summary, then the text paragraph by paragraph',
    );
    assert.equal(panel.find('script, b').length, 0, 'the feed’s markup is text');
  });

  test('is the only kind of article the editor shows a partner’s copy beside', async () => {
    await ready;
    const page = await editor.inject(`/admin/articles/${await articleIdBySlug(built.app, NATO_SLUG)}/edit`);
    assert.equal(page.statusCode, 200);
    assert.equal(cheerio.load(page.body)('.ed-original').length, 0);
    const blank = await editor.inject('/admin/articles/new');
    assert.equal(cheerio.load(blank.body)('.ed-original').length, 0);
  });
});
