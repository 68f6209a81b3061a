import assert from 'node:assert/strict';
import { test } from 'node:test';
import { articleIdBySlug, buildDemoApp, NATO_SLUG } from '../helpers/build-app.js';
import { makeUser, signIn } from '../helpers/admin-session.js';

test('on the demo’s NATO article, suggested tags include Russia, Ukraine, NATO, Bulgaria and Romania, as existing tags', async (t) => {
  const { app } = await buildDemoApp(t);
  await makeUser(app, 'contributor');
  const session = await signIn(app, 'contributor@example.org');
  const id = await articleIdBySlug(app, NATO_SLUG);
  const article = (await session.inject(`/api/admin/articles/${id}`)).json();
  const response = await session.inject({
    method: 'POST',
    url: '/api/admin/tag-suggestions',
    payload: { title: article.title, lead: article.lead, body: article.body },
  });
  assert.equal(response.statusCode, 200);
  const suggestions: { name: string; existing: boolean }[] = response.json().suggestions;
  for (const name of ['Russia', 'Ukraine', 'NATO', 'Bulgaria', 'Romania']) {
    const found = suggestions.find((s) => s.name === name);
    assert.ok(found, `${name} is suggested (got ${suggestions.map((s) => s.name).join(', ')})`);
    assert.equal(found.existing, true, `${name} is one of the site's tags`);
  }
});
