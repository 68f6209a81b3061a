import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import * as cheerio from 'cheerio';
import type { FastifyInstance } from 'fastify';
import { articleIdBySlug, buildDemoApp, NATO_SLUG, suiteCleanup } from '../helpers/build-app.js';

// Each part of ../shared/seed/ANATOMY.md, asserted on the demo's NATO article.
describe('the NATO article page shows every part of the seed page', () => {
  let app: FastifyInstance;
  let $: cheerio.CheerioAPI;
  let path: string;
  let html: string;
  const cleanup = suiteCleanup();

  before(async () => {
    ({ app } = await buildDemoApp(cleanup));
    const id = await articleIdBySlug(app, NATO_SLUG);
    path = `/articles/${id}/${NATO_SLUG}`;
    const response = await app.inject(path);
    assert.equal(response.statusCode, 200);
    html = response.body;
    $ = cheerio.load(html);
  });

  test('1. the headline, as typed, in <h1>, <title>, Open Graph and JSON-LD', () => {
    const headline = "NATO has rejected Russia's Request to Withdraw Troops from Bulgaria and Romania";
    assert.equal($('h1').text(), headline);
    assert.equal($('title').text(), `${headline} | The Sofia Ledger`);
    assert.equal($('meta[property="og:title"]').attr('content'), headline);
    const ld = JSON.parse($('script[type="application/ld+json"]').text());
    assert.equal(ld.headline, headline);
  });

  test('2. the section label links to the section page', () => {
    const kicker = $('.story a.kicker');
    assert.equal(kicker.text(), 'Defense');
    assert.equal(kicker.attr('href'), '/sections/defense');
  });

  test('3. the dateline in the seed format, in Sofia time', () => {
    const time = $('.story .dateline time').first();
    assert.equal(time.text(), 'January 22, 2022, Saturday // 12:06');
    assert.equal(time.attr('datetime'), '2022-01-22T10:06:00.000Z');
    assert.equal($('.dateline--updated').length, 0, 'never corrected or updated, so no "Updated" line');
  });

  test('4. a views counter the page script can update', () => {
    assert.match($('.views').text(), /^\d[\d,]* views$/);
    assert.equal($('[data-article-id]').attr('data-article-id'), path.split('/')[2]);
    assert.ok($('script[src^="/assets/site."]').length, 'the beacon script is loaded');
  });

  test('5. the lead, ending with its credit, also as meta description', () => {
    const lead = $('.story__lead').text();
    assert.match(lead, /BNR reports\.$/);
    assert.equal($('meta[name="description"]').attr('content'), lead);
  });

  test('6. body paragraphs with agency attributions and typographic quotes', () => {
    const body = $('.article-body').text();
    assert.match(body, /Oana Lungescu/);
    assert.match(body, /AFP/);
    assert.match(body, /Javelin/);
    assert.ok($('.article-body p').length >= 5);
  });

  test('7. four inline related blocks, in order, linking to the other articles with their headlines', () => {
    const blocks = $('.article-body .inline-related a');
    assert.equal(blocks.length, 4);
    const titles = blocks.map((_, a) => $(a).find('.inline-related__title').text()).get();
    assert.match(titles[0], /Foreign Ministry|foreign ministry/i);
    assert.match(titles[1], /Bulgaria|Petkov|Prime Minister|PM/i);
    assert.match(titles[2], /Romania/);
    assert.match(titles[3], /Lavrov|Blinken|Geneva/);
    for (const a of blocks.toArray()) assert.match($(a).attr('href') ?? '', /^\/articles\/\d+\/[a-z0-9-]+$/);
    // Paragraphs stand between the blocks, as in the seed page.
    assert.ok($('.article-body > *').index($('.inline-related').first()) > 0);
  });

  test('8. the source credit links to the source page', () => {
    const credit = $('.source-credit a');
    assert.equal(credit.text(), '/ClubZ');
    assert.equal(credit.attr('href'), '/sources/clubz');
  });

  test('9. follow links from the site settings, and share metadata', () => {
    assert.match($('.story .follow').text(), /Follow The Sofia Ledger on Twitter and Facebook/);
    assert.equal($('meta[name="twitter:card"]').attr('content'), 'summary_large_image');
    assert.equal($('meta[property="og:type"]').attr('content'), 'article');
    assert.equal($('meta[property="og:url"]').attr('content'), `https://news.example.org${path}`);
  });

  test('10. the support appeal links to the support page', () => {
    const appeal = $('.support-appeal');
    assert.match(appeal.text(), /We need your support so The Sofia Ledger can keep delivering news/);
    assert.equal(appeal.find('a').attr('href'), '/support');
  });

  test('11. the tags, each linking to its page', () => {
    const tags = $('.tags a');
    assert.deepEqual(tags.map((_, a) => $(a).text()).get(), [
      'Russia',
      'Ukraine',
      'NATO',
      'Bulgaria',
      'Romania',
    ]);
    assert.equal(tags.first().attr('href'), '/tags/russia');
  });

  test('12. a way back that works without JavaScript', () => {
    const back = $('.back a');
    assert.equal(back.attr('href'), '/sections/defense');
  });

  test('13. related articles, editors pick first', () => {
    const related = $('.related .article-list__title a');
    assert.equal($('.related h2').text(), '» Related Articles:');
    assert.ok(related.length >= 4, `expected several related articles, got ${related.length}`);
    assert.match(related.first().text(), /Baltic/);
    assert.ok(
      !related.toArray().some((a) => $(a).attr('href') === path),
      'an article is not related to itself',
    );
  });

  test('14. site-wide search', () => {
    const form = $('form[role="search"]');
    assert.equal(form.attr('action'), '/search');
    assert.equal(form.find('input[name="q"]').length, 1);
  });

  test('the canonical URL is built from SITE_URL', () => {
    assert.equal($('link[rel="canonical"]').attr('href'), `https://news.example.org${path}`);
  });

  test('JSON-LD is a NewsArticle with headline, dates, author, publisher, image, section and keywords', () => {
    const ld = JSON.parse($('script[type="application/ld+json"]').text());
    assert.equal(ld['@context'], 'https://schema.org');
    assert.equal(ld['@type'], 'NewsArticle');
    assert.equal(ld.datePublished, '2022-01-22T10:06:00.000Z');
    assert.ok(!Number.isNaN(Date.parse(ld.dateModified)));
    assert.equal(ld.author[0].name, 'Newsdesk Staff');
    assert.equal(ld.publisher.name, 'The Sofia Ledger');
    assert.match(ld.image[0], /^https:\/\/news\.example\.org\//);
    assert.equal(ld.articleSection, 'Defense');
    assert.deepEqual(ld.keywords, ['Russia', 'Ukraine', 'NATO', 'Bulgaria', 'Romania']);
    assert.equal(ld.mainEntityOfPage['@id'], `https://news.example.org${path}`);
  });

  test('the JSON API returns the article with its views', async () => {
    const response = await app.inject(`/api/articles/${path.split('/')[2]}`);
    assert.equal(response.statusCode, 200);
    const body = response.json();
    assert.equal(body.title, $('h1').text());
    assert.equal(typeof body.views, 'number');
    assert.equal(body.source.name, 'ClubZ');
    assert.equal(body.body.type, 'doc');
  });
});
