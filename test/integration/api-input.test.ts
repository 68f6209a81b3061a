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
