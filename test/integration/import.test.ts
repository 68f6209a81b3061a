import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { test, type TestContext } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { SYSTEM } from '../../src/content/index.js';
import { countRows } from '../../src/db/database.js';
import { readGhost } from '../../src/ingest/import/ghost.js';
import { importPlan } from '../../src/ingest/import/importer.js';
import { readWordpress } from '../../src/ingest/import/wordpress.js';
import { DEFAULT_OUTBOUND } from '../../src/ingest/outbound.js';
import { makeUser, signIn } from '../helpers/admin-session.js';
import { buildTestApp } from '../helpers/build-app.js';
import { solidImage } from '../helpers/images.js';
import { listenLocally } from '../helpers/ports.js';
import { newsdesk } from '../helpers/site-on-disk.js';

const FIXTURES = path.resolve(import.meta.dirname, '..', 'fixtures', 'import');
const WORDPRESS = fs.readFileSync(path.join(FIXTURES, 'wordpress.xml'), 'utf8');
const GHOST = fs.readFileSync(path.join(FIXTURES, 'ghost.json'), 'utf8');

/**
 * The old sites' pictures, served on 127.0.0.1 (allowed by the outbound
 * policy for the test); a picture not listed answers 404. The WordPress
 * export is pointed at it (its uploads' host only: the site's own address,
 * which names it in the import records, stays).
 */
async function oldSite(t: TestContext, missing: string[] = []) {
  const pictures = new Map<string, Buffer>();
  for (const [file, format] of [
    ['/wp-content/uploads/2026/03/north-pier.jpg', 'jpeg'],
    ['/wp-content/uploads/2026/03/pier-plan.png', 'png'],
    ['/wp-content/uploads/2026/02/sandbags.jpg', 'jpeg'],
    ['/content/images/2026/02/ferry.jpg', 'jpeg'],
    ['/content/images/2026/02/timetable.png', 'png'],
    ['/content/images/2025/11/wall.jpg', 'jpeg'],
  ] as const)
    if (!missing.includes(file)) pictures.set(file, await solidImage(format, 640, 400));
  const requests: string[] = [];
  const server = http.createServer((request, response) => {
    requests.push(request.url!);
    const picture = pictures.get(request.url!);
    if (!picture) return response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'image/*' }).end(picture);
  });
  const base = await listenLocally(server);
  t.after(() => server.close());
  return {
    base,
    requests,
    wordpress: WORDPRESS.split('https://harbourside-gazette.example/wp-content/').join(`${base}/wp-content/`),
  };
}

async function site(t: TestContext) {
  const built = await buildTestApp(t, { config: { outboundAllow: ['127.0.0.1/32'] } });
  return built.app;
}

function options(app: FastifyInstance, extra: { dryRun?: boolean; media?: 'fetch' | 'link' } = {}) {
  return {
    actor: SYSTEM,
    outbound: { ...DEFAULT_OUTBOUND, allow: ['127.0.0.1/32'] },
    store: app.services.media,
    ...extra,
  };
}

async function counts(app: FastifyInstance) {
  const db = app.services.db;
  const n = (
    table: 'articles' | 'sections' | 'tags' | 'authors' | 'media' | 'redirects' | 'import_records',
  ) => countRows(db, table);
  return {
    articles: await n('articles'),
    sections: await n('sections'),
    tags: await n('tags'),
    authors: await n('authors'),
    media: await n('media'),
    redirects: await n('redirects'),
    records: await n('import_records'),
  };
}

async function article(app: FastifyInstance, title: string) {
  const row = await app.services.db
    .selectFrom('articles as a')
    .innerJoin('sections as s', 's.id', 'a.section_id')
    .select([
      'a.id',
      'a.slug',
      'a.status',
      'a.published_at',
      'a.lead',
      'a.body',
      'a.featured_image_id',
      'a.seo_description',
      's.name as section',
    ])
    .where('a.title', '=', title)
    .executeTakeFirst();
  assert.ok(row, `no article "${title}"`);
  const tags = await app.services.db
    .selectFrom('article_tags as at')
    .innerJoin('tags as t', 't.id', 'at.tag_id')
    .select('t.name')
    .where('at.article_id', '=', row.id)
    .orderBy('at.position')
    .execute();
  const authors = await app.services.db
    .selectFrom('article_authors as aa')
    .innerJoin('authors as au', 'au.id', 'aa.author_id')
    .select(['au.name', 'au.bio'])
    .where('aa.article_id', '=', row.id)
    .orderBy('aa.position')
    .execute();
  return { ...row, body: JSON.parse(row.body), tags: tags.map((t) => t.name), authors };
}

test('a WordPress export comes in through the admin API: posts, sections, tags, bylines, pictures, old addresses; a second run adds nothing', async (t) => {
  const old = await oldSite(t);
  const app = await site(t);
  await makeUser(app, 'admin');
  await makeUser(app, 'editor');
  const admin = await signIn(app, 'admin@example.org');
  const editor = await signIn(app, 'editor@example.org');
  const send = (who: typeof admin, query = '') =>
    who.inject({
      method: 'POST',
      url: `/api/admin/import/wordpress${query}`,
      headers: { 'content-type': 'application/xml' },
      payload: old.wordpress,
    });

  const refused = await send(editor);
  assert.equal(refused.statusCode, 403);
  assert.match(refused.json().error.message, /import a site/);

  // A dry run says what would happen and writes nothing.
  const before = await counts(app);
  const dry = await send(admin, '?dryRun=true');
  assert.equal(dry.statusCode, 200, dry.body);
  const plan = dry.json();
  assert.equal(plan.dryRun, true);
  assert.equal(plan.articles.added, 7);
  assert.deepEqual(plan.articles.byStatus, { published: 3, draft: 3, review: 1 });
  assert.deepEqual(plan.sections.added, ['News', 'City Hall', 'Weather']);
  assert.equal(plan.pictures.fetched, 3);
  assert.deepEqual(await counts(app), before);
  assert.equal(old.requests.length, 0, 'a dry run fetches nothing');

  const done = await send(admin);
  assert.equal(done.statusCode, 200, done.body);
  const report = done.json();
  for (const field of ['articles', 'sections', 'tags', 'authors', 'redirects', 'skipped'] as const)
    assert.deepEqual(report[field], plan[field], `the dry run said what the import did: ${field}`);
  assert.equal(report.articles.added, 7);
  assert.deepEqual(report.authors.added, ['Maja Lindqvist', 'Owen Keane']);
  assert.equal(report.tags.added, 5);
  assert.equal(report.pictures.fetched, 3);
  assert.deepEqual(report.pictures.failed, []);
  assert.equal(report.comments, 2);
  assert.deepEqual(
    report.skipped.map((s: { what: string }) => s.what),
    ['post 16 "Old test post"', 'post 18', '1 nav_menu_item entry'],
  );

  // Block markup: its paragraphs, marks, heading, quote, list and picture; the embedded video left out and named.
  const pier = await article(app, 'Council votes to rebuild the north pier');
  assert.equal(pier.status, 'published');
  assert.equal(pier.published_at, '2026-03-04T08:15:00.000Z');
  assert.equal(pier.slug, 'council-votes-to-rebuild-the-north-pier');
  assert.equal(pier.section, 'City Hall');
  assert.equal(pier.lead, 'Work on the £4m pier starts in the summer.');
  assert.deepEqual(pier.tags, ['Council', 'Harbour']);
  assert.deepEqual(
    pier.authors.map((a) => a.name),
    ['Maja Lindqvist'],
  );
  assert.deepEqual(
    pier.body.content.map((b: { type: string }) => b.type),
    ['paragraph', 'paragraph', 'image', 'paragraph', 'blockquote', 'heading', 'paragraph', 'bulletList'],
  );
  const figure = pier.body.content.find((b: { type: string }) => b.type === 'image').attrs;
  assert.equal(figure.alt, 'Drawing of the rebuilt pier');
  assert.equal(figure.caption, 'The plan approved on Tuesday.');
  assert.match(figure.src, /^\/media\//, 'the picture is the library copy of the original upload');
  const library = await app.services.db.selectFrom('media').selectAll().orderBy('id').execute();
  assert.deepEqual(
    library.map((m) => m.original_name),
    ['north-pier.jpg', 'pier-plan.png', 'sandbags.jpg'],
  );
  assert.equal(figure.mediaId, library[1].id);
  assert.equal(pier.featured_image_id, library[0].id);
  assert.equal(library[0].alt, 'The north pier at low tide');
  assert.ok(old.requests.includes('/wp-content/uploads/2026/03/pier-plan.png'));
  assert.ok(!old.requests.some((r) => r.includes('1024x683')), 'the original, not the resized copy');
  const pierReport = report.items.find((i: { key: string }) => i.key === 'post:11');
  assert.deepEqual(pierReport.dropped, ['an embedded video (https://www.youtube.com/watch?v=hPr8d2QkZ4s)']);
  assert.equal(pierReport.path, `/articles/${pier.id}/${pier.slug}`);

  // Classic content: paragraphs from blank lines, the [caption] a figure, the sub-category a tag, the entity read.
  const storm = await article(app, 'Storm brings flooding to the quay & harbour');
  assert.equal(storm.section, 'Weather');
  assert.deepEqual(storm.tags, ['Flooding', 'Storms']);
  const stormTypes = storm.body.content.map((b: { type: string }) => b.type);
  assert.deepEqual(stormTypes.slice(0, 4), ['paragraph', 'paragraph', 'heading', 'image']);
  assert.ok(stormTypes.includes('bulletList'));
  assert.equal(storm.body.content[3].attrs.caption, 'Shopkeepers on Quay Street prepared overnight.');

  // Statuses: a draft stays a draft, pending is in review, private is a draft, a page is a draft in the default section.
  assert.equal((await article(app, 'Ferry timetable changes from April')).status, 'draft');
  assert.equal((await article(app, 'Harbour master to retire after 30 years')).status, 'review');
  assert.equal((await article(app, 'Notes for the pier follow-up')).status, 'draft');
  const about = await article(app, 'About the Gazette');
  assert.equal(about.status, 'draft');
  assert.equal(about.section, 'News');
  const bulgarian = await article(app, 'Вятърът спря фериботите');
  assert.equal(bulgarian.slug, 'vyatarat-sprya-feribotite');

  // Readers: the article is on the site; old addresses redirect, however the browser encodes them.
  const page = await app.inject(`/articles/${pier.id}/${pier.slug}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Council votes to rebuild the north pier/);
  for (const [from, to] of [
    ['/2026/03/04/council-votes-to-rebuild-the-north-pier/', `/articles/${pier.id}/${pier.slug}`],
    ['/2026/03/04/council-votes-to-rebuild-the-north-pier', `/articles/${pier.id}/${pier.slug}`],
    [
      `/2026/03/01/${encodeURIComponent('вятърът-спря-фериботите')}/`,
      `/articles/${bulgarian.id}/${bulgarian.slug}`,
    ],
    [
      `/2026/03/01/${encodeURIComponent('вятърът-спря-фериботите').toLowerCase()}/`,
      `/articles/${bulgarian.id}/${bulgarian.slug}`,
    ],
    ['/category/weather/', '/sections/weather'],
    ['/category/weather/storms/', '/tags/storms'],
    ['/tag/harbour/', '/tags/harbour'],
    ['/author/mlind/', '/authors/maja-lindqvist'],
    ['/?p=11', `/articles/${pier.id}/${pier.slug}`],
    ['/index.php?p=11&utm_source=feed', `/articles/${pier.id}/${pier.slug}`],
  ]) {
    const response = await app.inject(from);
    assert.equal(response.statusCode, 301, from);
    assert.equal(response.headers.location, to, from);
  }
  for (const to of ['/sections/weather', '/tags/storms', '/authors/maja-lindqvist'])
    assert.equal((await app.inject(to)).statusCode, 200, `${to} is there`);
  assert.equal((await app.inject('/2026/03/09/harbour-master-to-retire-after-30-years/')).statusCode, 404);
  // A page comes in as a draft; once an editor publishes it, its old address leads to it.
  assert.equal((await app.inject('/about/')).statusCode, 404);
  await app.services.db
    .updateTable('articles')
    .set({ status: 'published', published_at: '2026-03-10T09:00:00.000Z' })
    .where('id', '=', about.id)
    .execute();
  assert.equal((await app.inject('/about/')).headers.location, `/articles/${about.id}/${about.slug}`);
  assert.equal((await app.inject('/?page_id=20')).headers.location, `/articles/${about.id}/${about.slug}`);
  assert.equal(
    (await app.inject('/?p=14')).statusCode,
    200,
    'a post still in review: the front page, not a redirect',
  );
  // Search takes new articles through its queue, drained in the background.
  for (let waited = 0; waited < 10_000; waited += 50) {
    const queued = await app.services.db.selectFrom('search_queue').select('article_id').executeTakeFirst();
    if (!queued) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const search = await app.inject('/search?q=pier');
  assert.match(search.body, /Council votes to rebuild the north pier/, 'imported articles are searchable');

  // Again: nothing new.
  const after = await counts(app);
  const again = await send(admin);
  assert.equal(again.statusCode, 200);
  assert.equal(again.json().articles.added, 0);
  assert.equal(again.json().articles.already, 7);
  assert.deepEqual(await counts(app), after);
});

test('a Ghost export comes in: Lexical and mobiledoc bodies, bylines with bios, public tags only, the scheduled post scheduled', async (t) => {
  const old = await oldSite(t, ['/content/images/2025/11/wall.jpg']);
  const app = await site(t);
  assert.throws(() => readGhost(GHOST), /__GHOST_URL__: give the old site's address \(--old-url/);
  const report = await importPlan(app.services.content, readGhost(GHOST, { oldUrl: old.base }), options(app));
  assert.equal(report.articles.added, 5);
  assert.deepEqual(report.articles.byStatus, { published: 2, draft: 2, scheduled: 1 });
  assert.deepEqual(report.skipped, [
    { what: '1 internal tag', why: "Ghost's own (#-tags are not shown to readers)" },
  ]);
  assert.deepEqual(
    report.pictures.failed.map((f) => f.url),
    [`${old.base}/content/images/2025/11/wall.jpg`],
  );
  assert.match(report.pictures.failed[0].why, /answered 404; linked to its old address/);

  const ferry = await article(app, 'Ferry company adds a winter sailing');
  assert.equal(ferry.status, 'published');
  assert.equal(ferry.section, 'News');
  assert.equal(ferry.lead, 'A 6 a.m. crossing runs from December.');
  assert.match(ferry.seo_description ?? '', /6 a\.m\./);
  assert.deepEqual(ferry.tags, ['Ferries', 'Harbour']);
  assert.deepEqual(
    ferry.authors.map((a) => a.name),
    ['Priya Nair', 'Tom Reeve'],
  );
  assert.match(ferry.authors[0].bio, /\w/);
  const types = ferry.body.content.map((b: { type: string }) => b.type);
  for (const type of ['paragraph', 'heading', 'blockquote', 'bulletList', 'image'])
    assert.ok(types.includes(type), type);
  const marks = JSON.stringify(ferry.body);
  assert.match(marks, /"type":"bold"/);
  assert.match(marks, /"type":"link"/);
  const featured = await app.services.db
    .selectFrom('media')
    .selectAll()
    .where('id', '=', ferry.featured_image_id!)
    .executeTakeFirstOrThrow();
  assert.equal(featured.alt, 'The morning ferry leaving the harbour');

  const wall = await article(app, 'Harbour wall repairs finish early');
  const wallPicture = wall.body.content.find((b: { type: string }) => b.type === 'image').attrs;
  assert.equal(
    wallPicture.src,
    `${old.base}/content/images/2025/11/wall.jpg`,
    'a picture that could not be fetched stays linked',
  );
  assert.match(
    JSON.stringify(wall.body),
    /"text":"short","marks":\[\{"type":"bold"\}\]/,
    'the Markdown card rendered',
  );

  const lights = await article(app, 'Christmas lights switch-on moves to the quay');
  assert.equal(lights.status, 'scheduled');
  assert.equal(lights.published_at, '2026-12-15T09:00:00.000Z');
  assert.equal((await app.inject(`/articles/${lights.id}/${lights.slug}`)).statusCode, 404);

  const redirect = await app.inject('/ferry-company-adds-a-winter-sailing/');
  assert.equal(redirect.statusCode, 301);
  assert.equal(redirect.headers.location, `/articles/${ferry.id}/${ferry.slug}`);
  assert.equal((await app.inject('/tag/hash-newsletter/')).statusCode, 404);
});

test('a damaged export is refused with where it broke, and leaves the site as it was', async (t) => {
  const app = await site(t);
  await importPlan(
    app.services.content,
    readGhost(GHOST, { oldUrl: 'https://weekly.example' }),
    options(app, { media: 'link' }),
  );
  const before = await counts(app);

  const cut = WORDPRESS.slice(0, Math.floor(WORDPRESS.length * 0.6));
  assert.throws(
    () => readWordpress(cut),
    (error: Error) => {
      assert.match(error.message, /^not a readable WordPress export: line \d+, column \d+: .+/);
      return true;
    },
  );
  assert.throws(
    () => readWordpress('<rss><channel><title>x</title></channel></rss>'),
    /not a WordPress export: there is no <rss><channel> with wp:wxr_version/,
  );
  assert.throws(
    () => readGhost(GHOST.slice(0, 5000), { oldUrl: 'https://weekly.example' }),
    /not a readable Ghost export: .*(line \d+|cut short)/,
  );
  assert.throws(
    () => readGhost('{"db":[{"data":{}}]}'),
    /not a Ghost export: there is no db\[0\]\.data\.posts/,
  );
  assert.deepEqual(await counts(app), before);

  // A post the body check refuses stops the whole import: none of it is written.
  const plan = readWordpress(WORDPRESS);
  plan.items[1].title = 'x'.repeat(400);
  await assert.rejects(
    importPlan(app.services.content, plan, options(app, { media: 'link' })),
    /post:12 "x+": title: is longer than 300 characters/,
  );
  assert.deepEqual(await counts(app), before);
});

test('newsdesk import: a dry run and a report on the command line; a damaged file exits non-zero and says where', async (t) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-import-'));
  t.after(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const file = path.join(dataDir, 'export.xml');
  fs.writeFileSync(file, WORDPRESS);

  const dry = newsdesk(dataDir, ['import', 'wordpress', file, '--dry-run', '--media', 'link']);
  assert.equal(dry.code, 0, dry.stderr);
  assert.match(
    dry.stdout,
    /^Would import from wordpress harbourside-gazette\.example \(dry run: nothing was written\)/,
  );
  assert.match(dry.stdout, /articles: 7 to add \(3 published, 3 draft, 1 review\), 0 already imported/);
  assert.match(dry.stdout, /post 16 "Old test post": in the bin/);
  assert.match(
    dry.stdout,
    /left out an embedded video \(https:\/\/www\.youtube\.com\/watch\?v=hPr8d2QkZ4s\)/,
  );

  const real = newsdesk(dataDir, ['import', 'wordpress', file, '--media', 'link']);
  assert.equal(real.code, 0, real.stderr);
  assert.match(real.stdout, /^Imported from wordpress/);
  assert.match(real.stdout, /pictures: 0 fetched, 0 already in the library, 3 linked to the old site/);
  const again = newsdesk(dataDir, ['import', 'wordpress', file, '--media', 'link', '--json']);
  assert.equal(again.code, 0, again.stderr);
  assert.equal(JSON.parse(again.stdout).articles.already, 7);

  fs.writeFileSync(file, WORDPRESS.slice(0, 4000));
  const damaged = newsdesk(dataDir, ['import', 'wordpress', file]);
  assert.equal(damaged.code, 1);
  assert.match(damaged.stderr, /^newsdesk: not a readable WordPress export: line \d+, column \d+/);
  const ghost = newsdesk(dataDir, ['import', 'ghost', path.join(FIXTURES, 'ghost.json'), '--media', 'fetch']);
  assert.equal(ghost.code, 1);
  assert.match(ghost.stderr, /--old-url/);
});

test('what real exports hold: Ghost 6 text nodes, members-only and password-protected posts, non-Latin categories, a tag with no address, a moved site, two imports at once', async (t) => {
  const app = await site(t);
  const ghost = JSON.parse(GHOST);
  const posts = ghost.db[0].data.posts as { title: string; lexical: string | null; visibility: string }[];
  const ferry = posts.find((p) => p.title === 'Ferry company adds a winter sailing')!;
  const wall = posts.find((p) => p.title === 'Harbour wall repairs finish early')!;
  // Ghost 6 writes every text node as "extended-text": the body must read the same.
  const ghost5 = readGhost(GHOST, { oldUrl: 'https://weekly.example' });
  ferry.lexical = ferry.lexical!.replaceAll('"type":"text"', '"type":"extended-text"');
  wall.visibility = 'paid';
  const ghost6 = readGhost(JSON.stringify(ghost), { oldUrl: 'https://weekly.example' });
  const bodyOf = (plan: typeof ghost5, title: string) => plan.items.find((i) => i.title === title)!;
  assert.ok(bodyOf(ghost5, ferry.title).body.content.length > 5);
  assert.deepEqual(bodyOf(ghost6, ferry.title).body, bodyOf(ghost5, ferry.title).body);
  const paid = bodyOf(ghost6, wall.title);
  assert.equal(paid.status, 'draft');
  assert.deepEqual(paid.notes, ['for paid only on Ghost: imported as a draft, for an editor to decide']);

  // WordPress: a password-protected post; a Cyrillic category and Bulgarian "Uncategorized"; a tag that makes no address.
  const locking = WORDPRESS.replace(
    '<wp:post_password><![CDATA[]]></wp:post_password>',
    '<wp:post_password><![CDATA[harbour]]></wp:post_password>',
  );
  const at = locking.indexOf('<wp:post_id>17</wp:post_id>');
  const wordpress =
    locking.slice(0, at) +
    locking
      .slice(at)
      .replace(
        '<category domain="category" nicename="weather"><![CDATA[Weather]]></category>',
        '<category domain="category" nicename="%d0%bd%d0%be%d0%b2%d0%b8%d0%bd%d0%b8"><![CDATA[Новини]]></category>' +
          '<category domain="category" nicename="%d0%b1%d0%b5%d0%b7-%d0%ba%d0%b0%d1%82%d0%b5%d0%b3%d0%be%d1%80%d0%b8%d1%8f"><![CDATA[Без категория]]></category>' +
          '<category domain="post_tag" nicename="%f0%9f%94%a5"><![CDATA[🔥]]></category>',
      );
  assert.ok(wordpress.includes('Новини'));
  const plan = readWordpress(wordpress);
  const locked = plan.items.find((i) => i.key === 'post:11')!;
  assert.ok(
    locked.notes.includes('password-protected on WordPress: imported as a draft, for an editor to decide'),
  );
  assert.equal(locked.status, 'draft');

  // Two imports of it at once: one writes, the other finds it written.
  const reports = await Promise.all([
    importPlan(app.services.content, plan, options(app, { media: 'link' })),
    importPlan(app.services.content, readWordpress(wordpress), options(app, { media: 'link' })),
  ]);
  assert.deepEqual(reports.map((r) => r.articles.added).sort(), [0, 7]);
  assert.equal((await counts(app)).articles, 7);
  const report = reports.find((r) => r.articles.added === 7)!;
  assert.deepEqual(report.tags.refused, [
    { what: 'tag "🔥"', why: 'it has no letters or digits to make its address of' },
  ]);
  const wind = await article(app, 'Вятърът спря фериботите');
  assert.equal(wind.section, 'Новини');
  assert.equal((await app.inject('/sections/novini')).statusCode, 200);
  assert.deepEqual(wind.tags, ['Ferries']);

  // The same site after a move to https://www.: the same site, nothing new.
  const moved = readWordpress(
    wordpress.replaceAll('https://harbourside-gazette.example', 'https://www.Harbourside-Gazette.example'),
  );
  const again = await importPlan(app.services.content, moved, options(app, { media: 'link' }));
  assert.equal(again.origin, 'wordpress harbourside-gazette.example');
  assert.equal(again.articles.added, 0);
  assert.equal(again.articles.already, 7);
});
