import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { test } from 'node:test';
import * as cheerio from 'cheerio';
import { insertSource } from '../../src/content/index.js';
import { makeUser, signIn } from '../helpers/admin-session.js';
import { buildTestApp } from '../helpers/build-app.js';
import { multipartBody } from '../helpers/images.js';
import { listenLocally } from '../helpers/ports.js';

const FIXTURES = path.resolve(import.meta.dirname, '..', 'fixtures', 'extract');

test('a contributor makes a draft from a page: by its address, a saved file or pasted text; refusals say what to do', async (t) => {
  const page = fs.readFileSync(path.join(FIXTURES, 'magazine-longread.html'));
  const server = http.createServer((request, response) => {
    if (request.url === '/features/lighthouse-keepers')
      return response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    if (request.url === '/feed.json')
      return response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    response.writeHead(404).end();
  });
  const base = await listenLocally(server);
  t.after(() => server.close());
  const { app } = await buildTestApp(t, { demo: true, config: { outboundAllow: ['127.0.0.1/32'] } });
  await insertSource(app.services.db, { slug: 'tideline', name: 'Tideline', url: `${base}/` });
  await makeUser(app, 'contributor');
  const me = await signIn(app, 'contributor@example.org');

  const form = await me.inject('/admin/articles/from-page');
  assert.equal(form.statusCode, 200);
  const $form = cheerio.load(form.body);
  assert.equal($form('form[action="/admin/articles/from-page"]').attr('enctype'), 'multipart/form-data');
  assert.deepEqual(
    $form('form[action="/admin/articles/from-page"] [name]')
      .map((_, el) => $form(el).attr('name'))
      .get(),
    ['_csrf', 'url', 'file', 'text'],
  );

  const post = async (
    fields: Record<string, string>,
    file?: { name: string; type: string; data: Buffer },
  ) => {
    const { payload, headers } = await multipartBody({ _csrf: me.csrf, url: '', text: '', ...fields }, file);
    return me.inject({ method: 'POST', url: '/admin/articles/from-page', payload, headers });
  };
  const draftOf = async (response: {
    statusCode: number;
    headers: Record<string, unknown>;
    body: string;
  }) => {
    assert.equal(response.statusCode, 303, response.body.slice(0, 500));
    const id = Number(/^\/admin\/articles\/(\d+)\/edit$/.exec(String(response.headers.location))?.[1]);
    assert.ok(id, String(response.headers.location));
    const row = await app.services.db
      .selectFrom('articles')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return { ...row, body: JSON.parse(row.body) as { content: { type: string }[] } };
  };

  // By address: fetched under the outbound policy; the structure kept, the furniture gone, the source credited.
  const fetched = await post({ url: `${base}/features/lighthouse-keepers` });
  const byUrl = await draftOf(fetched);
  assert.equal(byUrl.status, 'draft');
  assert.equal(byUrl.title, 'The last lighthouse keepers of the Black Sea');
  assert.match(byUrl.lead, /^Three keepers still live beside their lights/);
  const types = byUrl.body.content.map((b) => b.type);
  assert.deepEqual(
    types,
    [
      'paragraph',
      'paragraph',
      'heading',
      'paragraph',
      'paragraph',
      'heading',
      'paragraph',
      'paragraph',
      'paragraph',
    ],
    'the text in its structure, without the other outlet’s picture',
  );
  assert.doesNotMatch(JSON.stringify(byUrl.body), /Share|Subscribe|Newsletter/i);
  const source = await app.services.db
    .selectFrom('sources')
    .select('id')
    .where('slug', '=', 'tideline')
    .executeTakeFirstOrThrow();
  assert.equal(byUrl.source_id, source.id, 'the source whose address is the page’s site is credited');
  const cookies = fetched.headers['set-cookie'];
  const flash = (Array.isArray(cookies) ? cookies : [String(cookies)]).find((c) =>
    c.startsWith('newsdesk_flash='),
  );
  assert.match(
    decodeURIComponent(flash ?? ''),
    /A draft from http:\/\/127\.0\.0\.1:\d+\/features\/lighthouse-keepers .*check it against the original.* Left out: its picture \(the other outlet's\)\./,
  );

  // A saved page in windows-1251, and pasted text.
  const saved = await draftOf(
    await post(
      {},
      {
        name: 'bus.html',
        type: 'text/html',
        data: fs.readFileSync(path.join(FIXTURES, 'partner-1251.html')),
      },
    ),
  );
  assert.equal(saved.title, 'Общината пуска нов автобус до летището');
  assert.equal(saved.source_id, null);
  // As a browser sends it: the file field goes too, empty and with an empty name, when no file was chosen.
  const part = (name: string, value: string, file = false) =>
    `--form\r\nContent-Disposition: form-data; name="${name}"${file ? '; filename=""\r\nContent-Type: application/octet-stream' : ''}\r\n\r\n${value}\r\n`;
  const pasted = await draftOf(
    await me.inject({
      method: 'POST',
      url: '/admin/articles/from-page',
      headers: { 'content-type': 'multipart/form-data; boundary=form' },
      payload:
        part('_csrf', me.csrf) +
        part('url', '') +
        part('file', '', true) +
        part('text', fs.readFileSync(path.join(FIXTURES, 'harbour-wire.expected.txt'), 'utf8')) +
        '--form--\r\n',
    }),
  );
  assert.ok(pasted.body.content.length >= 2);
  assert.notEqual(
    JSON.stringify(pasted.body.content[0]),
    JSON.stringify({ type: 'paragraph', content: [{ type: 'text', text: pasted.lead }] }),
    'the lead is in its own field, not again as the first paragraph',
  );

  // Refusals, on the page, in words; nothing written.
  const before = (await app.services.db.selectFrom('articles').select('id').execute()).length;
  for (const [fields, message] of [
    [{}, 'give the page’s address, a saved page or its pasted text'],
    [
      { url: `${base}/features/lighthouse-keepers`, text: 'Some text.' },
      'give one way in, not an address and pasted text: clear the others',
    ],
    [{ url: `${base}/gone` }, `${base}/gone answered 404, not a page`],
    [{ url: `${base}/feed.json` }, `${base}/feed.json is application/json, not an HTML page`],
    [{ url: 'http://10.1.2.3/news' }, 'private'],
    [{ text: '   ' }, 'give the page’s address, a saved page or its pasted text'],
  ] as const) {
    const response = await post(fields);
    assert.equal(response.statusCode, 400, JSON.stringify(fields));
    const $ = cheerio.load(response.body);
    assert.ok(
      $('.form-error, .mg-field__error').text().includes(message),
      `${JSON.stringify(fields)}: ${$('.form-error, .mg-field__error').text()}`,
    );
    if ('url' in fields)
      assert.equal($('input[name="url"]').attr('value'), fields.url, 'the address is kept');
  }
  assert.equal((await app.services.db.selectFrom('articles').select('id').execute()).length, before);
});
