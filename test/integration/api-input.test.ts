import assert from 'node:assert/strict';
import { test } from 'node:test';
import { savableFields } from '../../src/admin/routes/articles.api.js';
import { makeUser, signIn } from '../helpers/admin-session.js';
import { buildTestApp } from '../helpers/build-app.js';
import { seedTaxonomy } from '../helpers/factories.js';

const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Text.' }] }] };

test('the admin API takes JSON as sent: a wrong type or an unknown field is refused with its place, never converted or dropped', async (t) => {
  const { app } = await buildTestApp(t);
  await seedTaxonomy(app.services.db);
  await makeUser(app, 'editor');
  const editor = await signIn(app, 'editor@example.org');
  const post = (payload: Record<string, unknown>) =>
    editor.inject({ method: 'POST', url: '/api/admin/articles', payload });
  const count = async () => (await app.services.db.selectFrom('articles').select('id').execute()).length;

  for (const [payload, message] of [
    [{ title: 12345, body, section: 'news' }, 'body.title: must be text, got a whole number'],
    [{ title: true, body, section: 'news' }, 'body.title: must be text, got true'],
    [{ title: ['x'], body, section: 'news' }, 'body.title: must be text, got a list'],
    [
      { title: 'Tags as one string', body, section: 'news', tags: 'a,b' },
      'body.tags: must be a list, got text',
    ],
    [
      { title: 'A misspelt field', body, section: 'news', staus: 'published' },
      'body.staus: is not a field this accepts',
    ],
    [
      { title: 'A picture id as text', body, section: 'news', featuredImage: '7' },
      'body.featuredImage: must be a whole number or null, got text',
    ],
    [{ body, section: 'news' }, 'body.title: is required'],
  ] as const) {
    const response = await post(payload);
    assert.equal(response.statusCode, 400, JSON.stringify(payload));
    assert.deepEqual(response.json(), { error: { code: 'INVALID_INPUT', message } });
  }
  assert.equal(await count(), 0, 'nothing refused was stored');

  // What the API answers for an article, less what it keeps itself, it takes back as it is.
  const created = await post({ title: 'Accepted', body, section: 'news', tags: ['Elections'] });
  assert.equal(created.statusCode, 201, created.body);
  const saved = await editor.inject({
    method: 'PUT',
    url: `/api/admin/articles/${created.json().id}`,
    payload: { ...savableFields(created.json()), lead: 'Edited.' },
  });
  assert.equal(saved.statusCode, 200, saved.body);
  // Query strings still arrive as text and are read as numbers where the schema says so.
  assert.equal((await editor.inject('/api/admin/articles?page=1')).statusCode, 200);
});

test('every admin API body refuses a field it does not know', async (t) => {
  const { app } = await buildTestApp(t);
  await makeUser(app, 'admin');
  const admin = await signIn(app, 'admin@example.org');
  for (const [method, url, payload, field] of [
    ['POST', '/api/admin/sections', { name: 'Sport', colour: 'red' }, 'colour'],
    ['POST', '/api/admin/sources', { name: 'Wire', website: 'https://wire.example' }, 'website'],
    [
      'POST',
      '/api/admin/users',
      { email: 'a@example.org', name: 'A', role: 'editor', password: 'tulip orbit cinder 7', isAdmin: true },
      'isAdmin',
    ],
    ['PUT', '/api/admin/settings', { name: 'The Ledger', theme: 'dark' }, 'theme'],
  ] as const) {
    const response = await admin.inject({ method, url, payload });
    assert.equal(response.statusCode, 400, `${method} ${url}: ${response.body}`);
    assert.equal(response.json().error.message, `body.${field}: is not a field this accepts`);
  }
  assert.equal((await app.services.db.selectFrom('sections').select('id').execute()).length, 0);
  assert.equal((await app.services.db.selectFrom('users').select('id').execute()).length, 1);
});

test('one rule for control characters and broken characters, in every field of the API and the forms', async (t) => {
  const { app } = await buildTestApp(t);
  await seedTaxonomy(app.services.db);
  await makeUser(app, 'admin');
  const admin = await signIn(app, 'admin@example.org');
  const taglineBefore = (await admin.inject('/api/admin/settings')).json().tagline;
  for (const [method, url, payload, message] of [
    [
      'PUT',
      '/api/admin/settings',
      { tagline: 'Half \uD800 a pair' },
      'body.tagline: has a broken character (half of a UTF-16 pair, U+D800) at character 6: type or paste that part again',
    ],
    [
      'POST',
      '/api/admin/articles',
      { title: 'Bell\u0007', body, section: 'news' },
      'body.title: has a control character (U+0007) at character 5: remove it',
    ],
    [
      'POST',
      '/api/admin/articles',
      { title: 'Tags', body, section: 'news', tags: ['fine', 'C1 \u0085 control'] },
      'body.tags[1]: has a control character (U+0085) at character 4: remove it',
    ],
    [
      'POST',
      '/api/admin/articles',
      {
        title: 'Deep',
        section: 'news',
        body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '\uDC00' }] }] },
      },
      'body.body.content[0].content[0].text: has a broken character (half of a UTF-16 pair, U+DC00) at character 1: type or paste that part again',
    ],
    [
      'POST',
      '/api/admin/users',
      { email: 'a\u0000b@example.org', name: 'A', role: 'editor', password: 'tulip orbit cinder 7' },
      'body.email: has a control character (U+0000) at character 2: remove it',
    ],
  ] as const) {
    const response = await admin.inject({ method, url, payload });
    assert.equal(response.statusCode, 400, `${method} ${url}: ${response.body}`);
    assert.equal(response.json().error.message, message);
  }
  // Nesting deep enough to overflow a recursive walk is refused in words, not with a crash.
  const deep = await admin.inject({
    method: 'POST',
    url: '/api/admin/articles',
    headers: { 'content-type': 'application/json' },
    payload: `{"title":${'['.repeat(100_000)}${']'.repeat(100_000)},"section":"news"}`,
  });
  assert.equal(deep.statusCode, 400, deep.body);
  assert.match(deep.json().error.message, /^body\.title(\[0\])+: is nested more than 64 levels deep$/);
  // Tabs and line breaks are text.
  const bio = await admin.inject({
    method: 'POST',
    url: '/api/admin/authors',
    payload: { name: 'Tab\tName', bio: 'Line one.\r\nLine two.' },
  });
  assert.equal(bio.statusCode, 201, bio.body);

  // A back-office form gets the same answer, as a page.
  const form = await admin.inject({
    method: 'POST',
    url: '/admin/sections',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: admin.csrf, name: 'Sport\u001b[31m' }).toString(),
  });
  assert.equal(form.statusCode, 400);
  assert.match(form.body, /body\.name: has a control character \(U\+001B\) at character 6: remove it/);
  assert.equal((await app.services.db.selectFrom('articles').select('id').execute()).length, 0);
  assert.equal((await app.services.db.selectFrom('sections').select('id').execute()).length, 2);
  assert.equal((await app.services.db.selectFrom('users').select('id').execute()).length, 1);
  assert.equal(
    (await admin.inject('/api/admin/settings')).json().tagline,
    taglineBefore,
    'the tagline is as it was',
  );
});

test('emails are read by a parser, not a pattern', async (t) => {
  const { app } = await buildTestApp(t);
  await makeUser(app, 'admin');
  const admin = await signIn(app, 'admin@example.org');
  const account = (email: string) =>
    admin.inject({
      method: 'POST',
      url: '/api/admin/users',
      payload: { email, name: 'New Person', role: 'author', password: 'tulip orbit cinder 7' },
    });
  for (const email of [
    `<style>@import'https://evil.example/x.css'</style>`,
    '"<b>"@example.org',
    'two@at@example.org',
    'no-domain@localhost',
    'Name <name@example.org>',
    'space in@example.org',
  ]) {
    const response = await account(email);
    assert.equal(response.statusCode, 400, email);
    assert.match(
      response.json().error.message,
      /^email: ".*" is not an email address \(like name@example\.org\)$/,
    );
  }
  const fine = await account('Maria.Ivanova+desk@Example.org');
  assert.equal(fine.statusCode, 201, fine.body);
  assert.equal(fine.json().email, 'maria.ivanova+desk@example.org');
});

test('a reference to a missing id is refused wherever it is, and an unknown attribute is named', async (t) => {
  const { app } = await buildTestApp(t);
  await seedTaxonomy(app.services.db);
  await makeUser(app, 'editor');
  const editor = await signIn(app, 'editor@example.org');
  const post = (payload: Record<string, unknown>) =>
    editor.inject({
      method: 'POST',
      url: '/api/admin/articles',
      payload: { title: 'T', section: 'news', ...payload },
    });
  const doc = (...content: unknown[]) => ({ type: 'doc', content });
  for (const [payload, message] of [
    [
      { body: doc({ type: 'relatedArticle', attrs: { articleId: 4040 } }) },
      'body.content[0].attrs.articleId: there is no article 4040',
    ],
    [
      { body: doc({ type: 'paragraph' }, { type: 'image', attrs: { src: '/media/x.jpg', mediaId: 4041 } }) },
      'body.content[1].attrs.mediaId: there is no image 4041 in the media library',
    ],
    [{ body, picks: [4042] }, 'picks: there is no article 4042'],
    [{ body, featuredImage: 4043 }, 'featuredImage: there is no image 4043 in the media library'],
    [
      { body: doc({ type: 'paragraph', attrs: { onclick: 'x' }, content: [{ type: 'text', text: 'x' }] }) },
      'body.content[0].attrs.onclick: is not part of the body schema',
    ],
    [
      { body: doc({ type: 'paragraph', content: [{ type: 'text', text: 'x', style: 'color:red' }] }) },
      'body.content[0].content[0].style: is not part of the body schema',
    ],
    [
      {
        body: doc({
          type: 'paragraph',
          content: [
            { type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: '/a', target: '_blank' } }] },
          ],
        }),
      },
      'body.content[0].content[0].marks[0].attrs.target: is not part of the body schema',
    ],
    [
      { body: doc({ type: 'orderedList', attrs: { start: 3 }, content: [] }) },
      'body.content[0].attrs.start: is not part of the body schema',
    ],
  ] as const) {
    const response = await post(payload);
    assert.equal(response.statusCode, 400, JSON.stringify(payload));
    assert.equal(response.json().error.message, message);
  }
  assert.equal((await app.services.db.selectFrom('articles').select('id').execute()).length, 0);
});

test("a new tag that would take an existing tag's address is refused, unless it is the same name", async (t) => {
  const { app } = await buildTestApp(t);
  await seedTaxonomy(app.services.db);
  await makeUser(app, 'editor');
  const editor = await signIn(app, 'editor@example.org');
  const post = (tags: string[]) =>
    editor.inject({
      method: 'POST',
      url: '/api/admin/articles',
      payload: { title: 'T', section: 'news', body, tags },
    });
  const first = await post(['C', 'Covid-19']);
  assert.equal(first.statusCode, 201, first.body);
  // Case, spacing and separators do not make another tag.
  const same = await post(['c', 'COVID 19', 'covid-19']);
  assert.equal(same.statusCode, 201, same.body);
  assert.deepEqual(same.json().tags, ['C', 'Covid-19']);
  const other = await post(['Elections', 'C++']);
  assert.equal(other.statusCode, 400);
  assert.equal(
    other.json().error.message,
    'tags[1]: "C++" and the tag "C" would share one address (/tags/c): use "C", or a name with other letters',
  );
  const tags = await app.services.db.selectFrom('tags').select('name').orderBy('name').execute();
  assert.deepEqual(
    tags.map((r) => r.name),
    ['C', 'Covid-19'],
    'nothing of the refused save was kept',
  );
  // Accents and "&" do not make another tag either.
  const accents = await post(['São Paulo', 'Rock & Roll']);
  assert.equal(accents.statusCode, 201, accents.body);
  const folded = await post(['Sao Paulo', 'rock and roll']);
  assert.deepEqual(folded.json().tags, ['São Paulo', 'Rock & Roll']);
  // A tag given an address of its own is found by its name, beside one that has its slug.
  await app.services.db.insertInto('tags').values({ slug: 'cpp', name: 'C++' }).execute();
  const both = await post(['C', 'C++']);
  assert.equal(both.statusCode, 201, both.body);
  assert.deepEqual(both.json().tags, ['C', 'C++']);
});

test('an article whose related block or picture was deleted since still saves, and can be taken down', async (t) => {
  const { app } = await buildTestApp(t);
  await seedTaxonomy(app.services.db);
  await makeUser(app, 'editor');
  const editor = await signIn(app, 'editor@example.org');
  const post = (payload: Record<string, unknown>) =>
    editor.inject({ method: 'POST', url: '/api/admin/articles', payload: { section: 'news', ...payload } });
  const target = (await post({ title: 'Soon gone', body, status: 'published' })).json();
  const holder = await post({
    title: 'Holder',
    status: 'published',
    body: { type: 'doc', content: [{ type: 'relatedArticle', attrs: { articleId: target.id } }] },
  });
  assert.equal(holder.statusCode, 201, holder.body);
  assert.equal(
    (await editor.inject({ method: 'DELETE', url: `/api/admin/articles/${target.id}` })).statusCode,
    204,
  );
  const saved = await editor.inject({
    method: 'PUT',
    url: `/api/admin/articles/${holder.json().id}`,
    payload: {
      ...savableFields(holder.json()),
      lead: 'Edited after the other was deleted.',
      status: 'draft',
    },
  });
  assert.equal(saved.statusCode, 200, saved.body);
  assert.equal(saved.json().status, 'draft');
  // A new block naming it is still refused.
  const again = await editor.inject({
    method: 'PUT',
    url: `/api/admin/articles/${holder.json().id}`,
    payload: {
      ...savableFields(saved.json()),
      body: {
        type: 'doc',
        content: [
          ...saved.json().body.content,
          { type: 'relatedArticle', attrs: { articleId: target.id + 100 } },
        ],
      },
    },
  });
  assert.equal(again.statusCode, 400);
  assert.equal(
    again.json().error.message,
    `body.content[1].attrs.articleId: there is no article ${target.id + 100}`,
  );
});
