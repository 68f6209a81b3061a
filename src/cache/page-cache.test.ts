import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PageCache, type Rendered } from './page-cache.js';

function cache(maxBytes = 1024 * 1024): PageCache {
  return new PageCache({
    maxBytes,
    freshMs: 60_000,
    staleMs: 0,
    now: () => 0,
    onError: (error) => {
      throw error;
    },
  });
}

function page(text: string, keys: string[]): () => Promise<Rendered> {
  return async () => ({
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body: Buffer.from(text),
    keys: new Set(keys),
    cacheable: true,
    beforeRouting: true,
  });
}

test('changes in a burst drop every page showing any of them before the next lookup, and no other page', async () => {
  const pages = cache();
  await pages.fill('/articles/1', page('one', ['article-1', 'section-1', 'list-all']));
  await pages.fill('/articles/2', page('two', ['article-2', 'section-2', 'related-1']));
  await pages.fill('/articles/3', page('three', ['article-3', 'section-2']));
  await pages.fill('/', page('home', ['article-1', 'article-2', 'list-all']));

  pages.drop(['article-1']);
  pages.drop(['related-1']);
  pages.drop([]);

  assert.equal(pages.lookup('/articles/1'), undefined);
  assert.equal(pages.lookup('/articles/2'), undefined);
  assert.equal(pages.lookup('/'), undefined);
  assert.equal(pages.lookup('/articles/3')?.page.body.toString(), 'three');
  assert.equal(pages.stats.dropped, 3);
  assert.equal(pages.stats.pages, 1);
});

test('a page rendered after a change is kept, though nothing was stored when the change came', async () => {
  const pages = cache();
  pages.drop(['article-1', 'list-all']);
  await pages.fill('/articles/1', page('one, as changed', ['article-1', 'list-all']));
  assert.equal(pages.lookup('/articles/1')?.state, 'fresh');
  assert.equal(pages.stats.dropped, 0);
});

test('a change reaches a page stored between it and the next lookup only if the page was rendered before it', async () => {
  const pages = cache();
  await pages.fill('/', page('home', ['list-all']));
  let finish!: () => void;
  const slow = pages.fill(
    '/articles/1',
    () =>
      new Promise<Rendered>((resolve) => (finish = () => void page('old', ['article-1'])().then(resolve))),
  );
  // The render has begun; the change comes while it is under way, and its page is not kept.
  await new Promise((resolve) => setImmediate(resolve));
  pages.drop(['article-1']);
  finish();
  assert.equal((await slow).body.toString(), 'old');
  assert.equal(pages.lookup('/articles/1'), undefined);
  // Rendered after the change: kept.
  await pages.fill('/articles/1', page('new', ['article-1']));
  assert.equal(pages.lookup('/articles/1')?.page.body.toString(), 'new');
  assert.equal(pages.lookup('/')?.state, 'fresh');
});
