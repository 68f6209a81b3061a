import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as cheerio from 'cheerio';
import { makeUser, postForm, signIn } from '../helpers/admin-session.js';
import { buildDemoApp } from '../helpers/build-app.js';
import { multipartBody, solidImage } from '../helpers/images.js';

/** A refusal by the form rule (plugins/validation.ts strictForms), not by the route's own checks. */
const FORM_RULE = /is not a field of this form|must be sent once/;

test('every form of the back office sends only fields its route takes, and the route refuses any other', async (t) => {
  const { app } = await buildDemoApp(t);
  await makeUser(app, 'admin');
  const admin = await signIn(app, 'admin@example.org');
  const db = app.services.db;
  const first = async (table: 'articles' | 'tags' | 'sections' | 'sources' | 'authors' | 'users') =>
    (await db.selectFrom(table).select('id').orderBy('id').executeTakeFirstOrThrow()).id;
  const upload = await multipartBody(
    { alt: 'A green field' },
    { name: 'field.png', type: 'image/png', data: await solidImage('png', 400, 300) },
  );
  const picture = await admin.inject({ method: 'POST', url: '/api/admin/media', ...upload });
  assert.equal(picture.statusCode, 201, picture.body);
  const article = await first('articles');
  // A partner feed and one item, so that the Incoming page shows its forms.
  const feed = await db
    .insertInto('partner_feeds')
    .values({
      source_id: await first('sources'),
      url: 'https://wire.example/feed.xml',
      next_fetch_at: '2099-01-01T00:00:00.000Z',
      created_at: '2026-01-01T00:00:00.000Z',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('incoming_items')
    .values({
      feed_id: feed.id,
      source_id: await first('sources'),
      guid: 'w-1',
      link: null,
      title: 'A wire story',
      summary: 'Its summary.',
      text: '',
      author: null,
      categories: '[]',
      published_at: null,
      fetched_at: '2026-01-01T00:00:00.000Z',
      duplicate_of: null,
      article_id: null,
    })
    .execute();
  const pages = [
    '/admin',
    '/admin/articles',
    `/admin/articles/${article}/revisions`,
    `/admin/articles/${article}/revisions/1`,
    '/admin/tags',
    `/admin/tags/${await first('tags')}`,
    '/admin/sections',
    `/admin/sections/${await first('sections')}`,
    '/admin/sources',
    `/admin/sources/${await first('sources')}`,
    '/admin/authors',
    `/admin/authors/${await first('authors')}`,
    '/admin/media',
    `/admin/media/${picture.json().id}`,
    '/admin/users',
    `/admin/users/${await first('users')}`,
    '/admin/settings',
    '/admin/account',
    '/admin/incoming',
    '/admin/articles/from-page',
  ];

  // Every form, with the fields a browser would send: named controls, checked boxes, one submit button.
  const forms = new Map<string, { page: string; fields: [string, string][]; multipart: boolean }>();
  for (const page of pages) {
    const response = await admin.inject(page);
    assert.equal(response.statusCode, 200, page);
    const $ = cheerio.load(response.body);
    $('form[method="post"]').each((_, el) => {
      const form = $(el);
      const action = form.attr('action') ?? page;
      const fields: [string, string][] = [];
      let submitted = false;
      form.find('input[name], select[name], textarea[name], button[name]').each((_, c) => {
        const control = $(c);
        const name = control.attr('name')!;
        const type = (control.attr('type') ?? '').toLowerCase();
        if (name === '_csrf' || type === 'file') return;
        // Every box ticked (lists such as the bulk form's ids are sent), the first choice of a radio group.
        if (type === 'radio' && fields.some(([n]) => n === name)) return;
        if (c.tagName === 'button' || type === 'submit') {
          if (submitted) return;
          submitted = true;
        }
        const value =
          c.tagName === 'select'
            ? (control.find('option[selected]').attr('value') ??
              control.find('option').first().attr('value') ??
              '')
            : c.tagName === 'textarea'
              ? control.text()
              : (control.attr('value') ?? '');
        fields.push([name, value]);
      });
      const key = `${action} ${fields.map(([n]) => n).join(',')}`;
      if (!forms.has(key))
        forms.set(key, { page, fields, multipart: form.attr('enctype') === 'multipart/form-data' });
    });
  }
  assert.ok(forms.size >= 25, `${forms.size} forms found`);

  // Sent as they are, each is taken by its route's form rule. Those that sign out go last.
  const order = [...forms].sort(([a], [b]) => Number(a.includes('logout')) - Number(b.includes('logout')));
  let session = admin;
  for (const [key, { page, fields, multipart }] of order) {
    const probe = await session.inject('/api/admin/me');
    if (probe.statusCode !== 200) session = await signIn(app, 'admin@example.org');
    const action = key.slice(0, key.indexOf(' '));
    const response = multipart
      ? await session.inject({
          method: 'POST',
          url: action,
          ...(await multipartBody({ ...Object.fromEntries(fields), _csrf: session.csrf })),
        })
      : await session.inject({
          method: 'POST',
          url: action,
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          payload: new URLSearchParams([...fields, ['_csrf', session.csrf]]).toString(),
        });
    assert.doesNotMatch(response.body, FORM_RULE, `the form of ${page} posting to ${action}`);
    assert.ok(response.statusCode < 500, `${action}: ${response.statusCode}`);
  }

  // A field a form does not have, or one of its fields twice, is refused by name; nothing changes.
  const editor = await signIn(app, 'admin@example.org');
  const section = await first('sections');
  const before = await db
    .selectFrom('sections')
    .selectAll()
    .where('id', '=', section)
    .executeTakeFirstOrThrow();
  const extra = await postForm(editor, `/admin/sections/${section}`, { name: 'Renamed', colour: 'red' });
  assert.equal(extra.statusCode, 400);
  assert.match(extra.body, /body\.colour: is not a field of this form/);
  const twice = await editor.inject({
    method: 'POST',
    url: `/admin/sections/${section}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: `name=One&name=Two&_csrf=${editor.csrf}`,
  });
  assert.equal(twice.statusCode, 400);
  assert.match(twice.body, /body\.name: must be sent once/);
  assert.deepEqual(
    await db.selectFrom('sections').selectAll().where('id', '=', section).executeTakeFirstOrThrow(),
    before,
  );
});
